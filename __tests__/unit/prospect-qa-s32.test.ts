/** @jest-environment node */
// Session 32, prospects' QA: six long conversations (en, es, fr, de, ar and one that changes language) mixing the new
// "would Pro still fit?", "will I get a calendar invite?" and the step-by-step booking with the older price, growth,
// recall, objection and goodbye. Each reply is checked as a prospect reads it: their language, no amount but the
// catalogue's or get_pricing's, nothing asked that they already said, the question answered before anything is asked,
// yes/no right for the seats, and the meeting booked once, for the day, hour and e-mail they gave.
import { allowedAmounts, amounts, bookInput, conversation, inLanguage as otherLanguage, lead, UNSURE, type Said } from '../support/offline-agent';
import { fieldsAskedIn, questionSentences } from '@/lib/sales/asked-questions';
import type { SalesLocale } from '@/lib/sales/turn-state';

/** The reply in `locale` alone (support's check; English: none of the other languages' words or script). */
const inLanguage = (locale: SalesLocale, text: string) => (locale === 'en' ? !/\p{Script=Arabic}|¿|(?<!\p{L})(?:usted|vous|Sie|Ihnen|Sind|jeudi|jueves|Donnerstag)(?!\p{L})/u.test(text) : otherLanguage(locale, text));
const asksEmail = (reply: Said) => questionSentences(reply.text).some((question) => /(?<!\p{L})(?:e-?mail|correo)|بريد/iu.test(question));
const asksTime = (reply: Said) => questionSentences(reply.text).some((question) => /\btime\b|\bhora\b|\bheure\b|Uhrzeit|الوقت/iu.test(question));
/** The reply's first paragraph: the answer, which asks nothing. */
const answer = (reply: Said) => reply.text.split(/\n\n/)[0] ?? '';
/** What the reply says before its first question. */
const beforeAsking = (reply: Said) => {
  const paragraphs = reply.text.split(/\n\n/);
  const asking = paragraphs.findIndex((paragraph) => questionSentences(paragraph).length > 0);
  return paragraphs.slice(0, asking < 0 ? undefined : asking).join('\n\n');
};

const TURN = { team: 0, price: 1, fit: 2, grow: 3, fitAgain: 4, invite: 5, demo: 6, day: 7, time: 8, email: 9, recall: 10, objection: 11, bye: 12 } as const;

interface Script {
  /** The site's locale, and the language each reply must be in. */
  site: SalesLocale;
  replyIn: readonly SalesLocale[];
  turns: readonly string[];
  no: string;
  /** Pro and Business as the replies name them. */
  pro: string;
  business: string;
  /** The meeting as the goodbye writes it. */
  day: string;
}

const EMAIL = 'tom@acme.io';
const same = (locale: SalesLocale) => Array<SalesLocale>(13).fill(locale);
const SCRIPTS: Record<string, Script> = {
  en: {
    site: 'en',
    replyIn: same('en'),
    turns: ['Hi, we are 40 people and we need SSO.', 'How much would that cost?', 'Would Pro still fit?', "We'll be 300 next year.", 'Would Pro still fit then?', 'Will I get a calendar invite?', "I'd like to book a demo", 'Thursday', 'at 3pm', EMAIL, 'What did I say our team size was?', 'Hmm, way too pricey.', 'Thanks, bye!'],
    no: 'No:',
    pro: '**Pro**',
    business: 'Business',
    day: 'Thu, Nov 26, 3:00 PM',
  },
  es: {
    site: 'es',
    replyIn: same('es'),
    turns: ['Hola, somos 40 personas y necesitamos SSO.', '¿Cuánto costaría?', '¿nos seguiría sirviendo Pro?', 'El año que viene seremos 300.', '¿Y Pro nos seguiría sirviendo entonces?', '¿me llegará una invitación?', 'quiero una demo', 'el jueves', 'a las 15h', EMAIL, '¿Qué te dije sobre el tamaño de nuestro equipo?', 'Es demasiado caro para nosotros.', 'Gracias, adiós.'],
    no: 'No:',
    pro: '**Pro**',
    business: 'Business',
    day: 'jueves, 26 de noviembre, 15:00',
  },
  fr: {
    site: 'fr',
    replyIn: same('fr'),
    turns: ['Bonjour, nous sommes 40 personnes et nous avons besoin du SSO.', 'Combien ça coûterait ?', 'est-ce que Pro nous conviendrait toujours ?', "L'année prochaine nous serons 300.", 'Et Pro conviendrait-il encore ?', 'recevrai-je une invitation ?', 'je voudrais une démo', 'jeudi', 'à 15h', EMAIL, "Quelle taille d'équipe vous ai-je indiquée ?", "C'est trop cher pour nous.", 'Merci, au revoir.'],
    no: 'Non :',
    pro: '**Pro**',
    business: 'Business',
    day: 'jeudi 26 novembre, 15:00',
  },
  de: {
    site: 'de',
    replyIn: same('de'),
    turns: ['Hallo, wir sind 40 Personen und brauchen SSO.', 'Was würde das kosten?', 'Passt Pro dann noch?', 'Nächstes Jahr werden wir 300 sein.', 'Würde Pro dann noch passen?', 'bekomme ich eine Einladung?', 'ich möchte eine Demo', 'Donnerstag', 'um 15 Uhr', EMAIL, 'Wie groß hatte ich unser Team angegeben?', 'Das ist uns zu teuer.', 'Danke, tschüss!'],
    no: 'Nein:',
    pro: '**Pro**',
    business: 'Business',
    day: 'Donnerstag, 26. November, 15:00',
  },
  ar: {
    site: 'ar',
    replyIn: same('ar'),
    turns: ['مرحبا، نحن 40 شخصا ونحتاج SSO', 'كم سيكلف ذلك؟', 'هل تناسبنا Pro؟', 'سنصبح 300 شخص العام القادم', 'هل ما زالت Pro مناسبة؟', 'هل ستصلني دعوة؟', 'أريد عرضًا توضيحيًا', 'الخميس', 'الساعة ٣ عصرًا', EMAIL, 'ما حجم فريقنا الذي ذكرته لك؟', 'السعر مرتفع جدا بالنسبة لنا', 'شكرا، مع السلامة'],
    no: 'لا:',
    pro: 'باقة **الاحترافية**',
    business: 'الأعمال',
    day: 'الخميس، 26 نوفمبر، 3:00 م',
  },
  // An English site; the prospect asks the price in Spanish, grows in German, books in French and ends in English.
  mixed: {
    site: 'en',
    replyIn: ['en', 'es', 'en', 'de', 'en', 'en', 'fr', 'fr', 'fr', 'fr', 'en', 'en', 'en'],
    turns: ['Hi, we are 40 people and we need SSO.', '¿Cuánto cuesta?', 'Would Pro still fit?', 'Nächstes Jahr werden wir 300 sein.', 'would Pro still fit?', 'Will I get a calendar invite?', 'je voudrais une démo', 'Thursday', 'at 3pm', EMAIL, 'What did I say our team size was?', 'too expensive', 'bye'],
    no: 'No:',
    pro: '**Pro**',
    business: 'Business',
    day: 'Thu, Nov 26, 3:00 PM',
  },
};

async function hold(script: Script): Promise<Said[]> {
  const chat = conversation({ locale: script.site, visitorTimeZone: 'Europe/London' });
  const replies: Said[] = [];
  for (const [index, turn] of script.turns.entries()) {
    const known = replies.at(-1) ? lead(replies.at(-1) as Said) : {};
    const reply = await chat.say(turn);
    replies.push(reply);
    const locale = script.replyIn[index] ?? script.site;
    expect({ turn, reply: reply.text, language: inLanguage(locale, reply.text) }).toEqual({ turn, reply: reply.text, language: true });
    const allowed = allowedAmounts(reply.outputs);
    expect({ turn, invented: amounts(reply.text).filter((amount) => !allowed.has(amount.replace(/,$/, ''))) }).toEqual({ turn, invented: [] });
    // Nothing asked that they already said (the team size from the first message, the e-mail once given).
    expect({ turn, reasked: fieldsAskedIn(reply.text).filter((field) => known[field] !== undefined) }).toEqual({ turn, reasked: [] });
    expect({ turn, reply: reply.text }).not.toEqual({ turn, reply: expect.stringMatching(UNSURE) });
  }
  return replies;
}

describe('prospects, session 32: long conversations mixing still-fit, the invite, a step-by-step booking and the rest', () => {
  it.each(Object.keys(SCRIPTS))('%s', async (key) => {
    const script = SCRIPTS[key] as Script;
    const replies = await hold(script);
    const at = (turn: number) => replies[turn] as Said;

    expect(lead(at(TURN.team))).toMatchObject({ teamSize: 40 });
    expect(at(TURN.team).text).toContain(`**${script.business}**`);
    // The price asked: answered first, with Business for their 40 seats.
    expect(at(TURN.price).tools).toContainEqual({ toolName: 'get_pricing', input: { plan: 'business', seats: 40, billing: 'monthly' } });
    expect(amounts(beforeAsking(at(TURN.price))).length).toBeGreaterThan(0);
    // Pro for 40 who need SSO: no, for the SSO; for 300 next year: no, for its 250 seats.
    expect(at(TURN.fit).text.startsWith(`${script.no} ${script.pro}`)).toBe(true);
    expect(answer(at(TURN.fit))).toContain('SSO');
    expect(at(TURN.grow).text).toContain('300');
    expect(at(TURN.fitAgain).text.startsWith(script.no)).toBe(true);
    expect(answer(at(TURN.fitAgain))).toMatch(/250[\s\S]*300/);
    // The invite answered first (the card's .ics link, as no invite is e-mailed here), nothing booked yet.
    expect(answer(at(TURN.invite))).toContain('.ics');
    expect(questionSentences(answer(at(TURN.invite)))).toEqual([]);
    // Booking step by step: the day asks the hour, not the e-mail again; the hour asks the e-mail; the e-mail books.
    expect(asksEmail(at(TURN.demo))).toBe(true);
    expect([asksTime(at(TURN.day)), asksEmail(at(TURN.day))]).toEqual([true, false]);
    expect(asksEmail(at(TURN.time))).toBe(true);
    const bookings = replies.flatMap((reply) => reply.tools.filter((call) => call.toolName === 'book_meeting'));
    expect(bookings).toHaveLength(1);
    expect(bookInput(at(TURN.email))).toMatchObject({ email: EMAIL, timezone: 'Europe/London' });
    expect(at(TURN.email).session.state.bookings).toEqual([expect.objectContaining({ email: EMAIL, start: '2026-11-26T15:00:00.000Z' })]);
    expect(replies.slice(TURN.email).map(asksEmail)).toEqual(replies.slice(TURN.email).map(() => false));
    // "What did I say our team size was?": 40, answered before anything is asked.
    expect(answer(at(TURN.recall))).toContain('**40**');
    expect(questionSentences(answer(at(TURN.recall)))).toEqual([]);
    // The objection answered as one, and never taken for the company they were just asked about.
    expect(lead(at(TURN.objection)).company).toBeUndefined();
    // (Business is already the lowest-priced plan that holds 40 and has SSO: it says so, or prices it annually.)
    expect(at(TURN.objection).text).toMatch(new RegExp(`\\*\\*${script.business}\\*\\*[^\\n]*40`));
    expect(questionSentences(answer(at(TURN.objection)))).toEqual([]);
    // Goodbye: the meeting, once, in the goodbye's language.
    expect(at(TURN.bye).text).toContain(`**${script.day} (Europe/London)**`);
    expect(at(TURN.bye).session.state.bookings).toHaveLength(1);
  });
});
