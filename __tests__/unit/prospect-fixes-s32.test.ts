/** @jest-environment node */
// Session 32, the prospects' QA fixes (prospect-qa-s32.test.ts found them): "would Pro still fit?" for a team grown past
// Pro answers no and prices only the plan that holds them; "what did I say our team size was?" gives the team now and
// the team they will be; the price objection says the same things in all five languages; a meeting booked in one
// language is named in the reply's; and a day typed in English in a French booking is said back in French.
import { conversation, holdInLanguage, kb, plan, type Said } from '../support/offline-agent';
import { formatPrice } from '@/lib/sales/knowledge';
import { PHRASES } from '@/lib/llm/offline/phrases';
import type { SalesLocale } from '@/lib/sales/turn-state';

const LOCALES: readonly SalesLocale[] = ['en', 'es', 'fr', 'de', 'ar'];
const money = (amount: number, locale: SalesLocale) => formatPrice(amount, kb.company.currency, locale);
const priced = (reply: Said) => reply.tools.filter((call) => call.toolName === 'get_pricing').map((call) => call.input as { plan: string; seats: number; billing: string });
/** get_pricing's quote for `planId` at `seats` and `billing`, as this turn's tool returned it. */
const quoted = (reply: Said, planId: string, seats: number, billing: 'monthly' | 'annual') =>
  reply.outputs.find((output): output is { ok: true; plan: { id: string }; seats: number; billing: string; perSeatMonthly: number; monthlyTotal: number; annualTotal: number } => {
    const quote = output as { ok?: boolean; plan?: { id?: string }; seats?: number; billing?: string };
    return quote.ok === true && quote.plan?.id === planId && quote.seats === seats && quote.billing === billing;
  });
const paragraphs = (reply: Said) => reply.text.split(/\n\n/);

/** Per language: 40 people who need SSO, growing to 300, and the questions asked after. */
const TURNS: Record<SalesLocale, { team: string; grow: string; stillFit: string; recall: string; objection: string; pro: RegExp }> = {
  en: { team: 'Hi, we are 40 people and we need SSO.', grow: "We'll be 300 next year.", stillFit: 'Would Pro still fit then?', recall: 'What did I say our team size was?', objection: 'Hmm, way too pricey.', pro: /\bPro\b/u },
  es: { team: 'Hola, somos 40 personas y necesitamos SSO.', grow: 'El año que viene seremos 300.', stillFit: '¿Y Pro nos seguiría sirviendo entonces?', recall: '¿Qué te dije sobre el tamaño de nuestro equipo?', objection: 'Es demasiado caro para nosotros.', pro: /\bPro\b/u },
  fr: { team: 'Bonjour, nous sommes 40 personnes et nous avons besoin du SSO.', grow: "L'année prochaine nous serons 300.", stillFit: 'Et Pro conviendrait-il encore ?', recall: "Quelle taille d'équipe vous ai-je indiquée ?", objection: "C'est trop cher pour nous.", pro: /\bPro\b/u },
  de: { team: 'Hallo, wir sind 40 Personen und brauchen SSO.', grow: 'Nächstes Jahr werden wir 300 sein.', stillFit: 'Würde Pro dann noch passen?', recall: 'Wie groß hatte ich unser Team angegeben?', objection: 'Das ist uns zu teuer.', pro: /\bPro\b/u },
  ar: { team: 'مرحبا، نحن 40 شخصا ونحتاج SSO', grow: 'سنصبح 300 شخص العام القادم', stillFit: 'هل ما زالت Pro مناسبة؟', recall: 'ما حجم فريقنا الذي ذكرته لك؟', objection: 'السعر مرتفع جدا بالنسبة لنا', pro: /الاحترافية/u },
};

/** The last reply; every reply checked for its language, amounts and questions (support's holdInLanguage), English's
 *  for no other language's script or marks. */
const last = async (locale: SalesLocale, turns: readonly string[]) => {
  const replies = locale === 'en' ? await englishOnly(turns) : await holdInLanguage(locale, 'Europe/London', turns);
  const reply = replies.at(-1);
  if (!reply) throw new Error('no reply');
  return reply;
};
async function englishOnly(turns: readonly string[]): Promise<Said[]> {
  const chat = conversation({ locale: 'en', visitorTimeZone: 'Europe/London' });
  const replies: Said[] = [];
  for (const turn of turns) {
    const reply = await chat.say(turn);
    expect({ turn, reply: reply.text }).not.toEqual({ turn, reply: expect.stringMatching(/\p{Script=Arabic}|[¿¡]|(?<!\p{L})(?:usted|vous|Sie|jeudi|jueves|Donnerstag)(?!\p{L})/u) });
    replies.push(reply);
  }
  return replies;
}

describe('"would Pro still fit?" once the team grows past Pro (250 seats) to 300', () => {
  it.each(LOCALES)('%s: no, for its seats; Business priced for 300; Pro not priced at all', async (locale) => {
    const { team, grow, stillFit, pro } = TURNS[locale];
    const reply = await last(locale, [team, grow, stillFit]);
    const [no, ...rest] = paragraphs(reply);
    expect(no).toMatch(/250[\s\S]*300/u);
    expect(no).toMatch(pro);
    // Pro is asked about only to learn it stops below 300 (get_pricing's error, no price): never quoted at its 250 seats.
    expect(priced(reply).filter((input) => input.plan === 'pro' && input.seats !== 300)).toEqual([]);
    expect(reply.outputs.filter((output) => (output as { ok?: boolean; plan?: { id?: string } }).ok === true && (output as { plan?: { id?: string } }).plan?.id === 'pro')).toEqual([]);
    expect(rest.filter((paragraph) => pro.test(paragraph))).toEqual([]);
    expect(reply.text).not.toContain(money(plan('pro').pricePerSeatMonthly ?? 0, locale));
    // Business for the 300 they will be, with get_pricing's total; named once by the no, then priced (not suggested again).
    const business = quoted(reply, 'business', 300, 'monthly');
    expect(business).toBeDefined();
    expect(rest[0]).toContain(money(business?.monthlyTotal ?? 0, locale));
  });
});

describe('"what did I say our team size was?" with growth on record', () => {
  it.each(LOCALES)('%s: 40 now and 300 later, answered before anything is asked', async (locale) => {
    const { team, grow, recall } = TURNS[locale];
    const reply = await last(locale, [team, grow, recall]);
    const [answer] = paragraphs(reply);
    expect(answer).toMatch(/\*\*40\*\*[\s\S]*\*\*300\*\*/u);
    expect(answer).not.toMatch(/[?؟]/u);
  });

  it('en: growth told in German, recalled in English: the numbers, without the German words for when', async () => {
    const chat = conversation({ locale: 'en', visitorTimeZone: 'Europe/London' });
    await chat.say('Hi, we are 40 people.');
    await chat.say('Nächstes Jahr werden wir 300 sein.');
    const reply = await chat.say('What did I say our team size was?');
    expect(paragraphs(reply)[0]).toBe('You told me your team is **40** people now, growing to **300**.');
  });

  it('en: with no growth on record, the team size alone', async () => {
    const chat = conversation({ locale: 'en', visitorTimeZone: 'Europe/London' });
    await chat.say('Hi, we are 40 people.');
    const reply = await chat.say('What did I say our team size was?');
    expect(paragraphs(reply)[0]).toBe('You told me your team size is **40**.');
  });
});

describe('the price objection says the same things in all five languages', () => {
  it.each(LOCALES)('%s: the annual price from get_pricing, the value, and that further discounts are the sales team’s call', async (locale) => {
    const { team, objection } = TURNS[locale];
    const reply = await last(locale, [team, objection]);
    expect(priced(reply)).toContainEqual({ plan: 'business', seats: 40, billing: 'annual' });
    const annual = quoted(reply, 'business', 40, 'annual');
    expect(annual).toBeDefined();
    const [price, value, discount] = paragraphs(reply);
    expect(price).toContain(money(annual?.perSeatMonthly ?? 0, locale));
    expect(price).toContain(money(annual?.annualTotal ?? 0, locale));
    // The knowledge base's answer, for their team (Business is already the lowest-priced plan for 40) …
    expect(value).toMatch(/Business|الأعمال/u);
    expect(value).toContain('40');
    // … without its own acknowledgement a second time (the price line opened with one).
    expect(value).not.toMatch(/^(?:That is a fair concern|Es una preocupación|C’est une préoccupation|Das ist ein berechtigter|هذا قلق مفهوم)/u);
    expect(discount).toBe(PHRASES[locale].furtherDiscount(kb.company.salesEmail));
  });
});

describe('a meeting booked in French, asked about in English', () => {
  const book = async () => {
    const chat = conversation({ locale: 'en', visitorTimeZone: 'Europe/London' });
    await chat.say('je voudrais une démo jeudi à 15h');
    const booked = await chat.say('tom@acme.io');
    expect(booked.session.state.bookings).toEqual([expect.objectContaining({ start: '2026-11-26T15:00:00.000Z', localLabel: expect.stringContaining('jeudi') })]);
    return chat;
  };

  it('"what are the next steps?": the meeting named in English', async () => {
    const chat = await book();
    const reply = await chat.say('ok what are the next steps?');
    expect(reply.text).toContain('Thu, Nov 26, 3:00 PM (Europe/London)');
    expect(reply.text).not.toMatch(/jeudi|novembre/u);
  });

  it('"what happens after the demo?": the demo named in English', async () => {
    const chat = await book();
    const reply = await chat.say('What happens after the demo?');
    expect(reply.text).toContain('Thu, Nov 26, 3:00 PM (Europe/London)');
    expect(reply.text).not.toMatch(/jeudi|novembre/u);
  });
});

describe('a day typed in English in a booking in another language is said back in that language', () => {
  const DEMO: Record<Exclude<SalesLocale, 'en'>, { demo: string; day: string; noted: string }> = {
    es: { demo: 'quiero una demo', day: 'jueves', noted: 'Anotado: **jueves**.' },
    fr: { demo: 'je voudrais une démo', day: 'jeudi', noted: 'C’est noté : **jeudi**.' },
    de: { demo: 'ich möchte eine Demo', day: 'Donnerstag', noted: 'Notiert: **Donnerstag**.' },
    ar: { demo: 'أريد عرضًا توضيحيًا', day: 'الخميس', noted: 'تم: **الخميس**.' },
  };

  it.each(Object.keys(DEMO) as (keyof typeof DEMO)[])('%s: "Thursday" is noted as the language writes it, and the hour asked', async (locale) => {
    const { demo, noted } = DEMO[locale];
    const reply = await last(locale, [demo, 'Thursday']);
    expect(reply.text.startsWith(noted)).toBe(true);
    expect(reply.text).not.toContain('Thursday');
  });

  it('fr: a day typed in French stays as typed ("demain" is not turned into a date)', async () => {
    const reply = await last('fr', ['je voudrais une démo', 'demain']);
    expect(reply.text.startsWith('C’est noté : **demain**.')).toBe(true);
  });

  it('fr: the day then booked with the hour is Thursday the 26th', async () => {
    const chat = conversation({ locale: 'fr', visitorTimeZone: 'Europe/London' });
    for (const turn of ['je voudrais une démo', 'Thursday', 'à 15h']) await chat.say(turn);
    const reply = await chat.say('tom@acme.io');
    expect(reply.session.state.bookings).toEqual([expect.objectContaining({ start: '2026-11-26T15:00:00.000Z' })]);
  });
});
