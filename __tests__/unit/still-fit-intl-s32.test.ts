/** @jest-environment node */
// "Would Business still fit?" in Spanish, French, German and Arabic (session 32): once the team and what it needs are on
// record, the question is answered yes or no in the prospect's language, with the reason from the catalogue (the seats
// a plan holds against the team, a need it lacks), the plan that does fit named, and no price but get_pricing's.
import { conversation, holdInLanguage, kb, plan } from '../support/offline-agent';
import type { SalesLocale } from '@/lib/sales/turn-state';

type Intl = Exclude<SalesLocale, 'en'>;

/** One conversation in `locale` (support: holdInLanguage checks the language, the amounts and the questions of each reply). */
const hold = (locale: Intl, turns: readonly string[]) => holdInLanguage(locale, 'Europe/Madrid', turns);
const last = async (locale: Intl, turns: readonly string[]) => {
  const replies = await hold(locale, turns);
  const reply = replies.at(-1);
  if (!reply) throw new Error('no reply');
  return reply;
};
const priced = (reply: { tools: { toolName: string; input: unknown }[] }) => reply.tools.filter((call) => call.toolName === 'get_pricing').map((call) => call.input);

const has = (id: string, feature: RegExp) => plan(id).features.some((line) => feature.test(line));

describe('the catalogue these answers rest on', () => {
  it('Business holds 40 and 300 and has SSO; Pro holds 40 but not 300 and has no SSO; Starter stops at 10', () => {
    expect(plan('business').minSeats).toBeLessThanOrEqual(40);
    expect(plan('business').maxSeats).toBeGreaterThanOrEqual(300);
    expect(has('business', /single sign-on/i)).toBe(true);
    expect(plan('pro').maxSeats).toBe(250);
    expect(has('pro', /single sign-on/i)).toBe(false);
    expect(plan('starter').maxSeats).toBe(10);
    expect(kb.plans.map((entry) => entry.id)).toEqual(['starter', 'pro', 'business', 'enterprise']);
  });
});

/** Per language: the team of 40 that needs SSO, the team of 300, the two questions, and the answers' first sentences. */
const CASES: Record<Intl, { sso: string; big: string; yesAsk: string; noAsk: string; yes: string; ssoNo: string; seatsNo: string; hasSso: string }> = {
  es: {
    sso: 'Somos 40 personas y necesitamos SSO.',
    big: 'Somos 300 personas.',
    yesAsk: '¿Business seguiría sirviendo?',
    noAsk: '¿nos seguiría sirviendo Pro?',
    yes: 'Sí: **Business** admite entre 10 y 1000 usuarios, así que cubre a su equipo de 40.',
    hasSso: '**Business** también incluye lo que me dijo que necesitan (**SSO**).',
    ssoNo: 'No: **Pro** no incluye lo que me dijo que necesitan (**SSO**); **Business** sí lo incluye.',
    seatsNo: 'No: **Pro** llega hasta 250 usuarios, así que no alcanza para 300; para 300 corresponde **Business**.',
  },
  fr: {
    sso: 'Nous sommes 40 personnes et nous avons besoin du SSO.',
    big: 'Nous sommes 300 personnes.',
    yesAsk: 'Business conviendrait-il encore ?',
    noAsk: 'est-ce que Pro nous conviendrait toujours ?',
    yes: 'Oui : **Business** accepte 10 à 1\u00a0000 utilisateurs, donc il couvre votre équipe de 40 personnes.',
    hasSso: '**Business** comprend aussi ce dont vous m’avez dit avoir besoin (**SSO**).',
    ssoNo: 'Non : **Pro** ne comprend pas ce dont vous m’avez dit avoir besoin (**SSO**) ; **Business**, si.',
    seatsNo: 'Non : **Pro** s’arrête à 250 utilisateurs, il ne suffit donc pas pour 300 ; pour 300, c’est **Business**.',
  },
  de: {
    sso: 'Wir sind 40 Personen und brauchen SSO.',
    big: 'Wir sind 300 Personen.',
    yesAsk: 'Würde Business noch passen?',
    noAsk: 'Passt Pro dann noch?',
    yes: 'Ja: **Business** umfasst 10–1.000 Nutzer und deckt damit Ihr Team von 40 Personen ab.',
    hasSso: '**Business** enthält außerdem, was Sie brauchen (**SSO**).',
    ssoNo: 'Nein: **Pro** enthält nicht, was Sie brauchen (**SSO**); **Business** schon.',
    seatsNo: 'Nein: **Pro** endet bei 250 Nutzern und reicht damit nicht für 300; für 300 passt **Business**.',
  },
  ar: {
    sso: 'نحن 40 شخصا ونحتاج SSO',
    big: 'نحن 300 شخص',
    yesAsk: 'هل ما زالت خطة Business مناسبة؟',
    noAsk: 'هل تناسبنا Pro؟',
    yes: 'نعم: باقة **الأعمال** تتسع من 10 إلى 1,000 مستخدم، لذا تناسب فريقك من 40 شخصًا.',
    hasSso: 'كما تتضمن باقة **الأعمال** ما ذكرتم أنكم تحتاجونه (**SSO**).',
    ssoNo: 'لا: باقة **الاحترافية** لا تتضمن ما ذكرتم أنكم تحتاجونه (**SSO**)، أما باقة **الأعمال** فتتضمنه.',
    seatsNo: 'لا: باقة **الاحترافية** تتوقف عند 250 مستخدمين، فلا تكفي 300 شخصًا؛ الأنسب لـ 300 هي باقة **الأعمال**.',
  },
};
const LOCALES = Object.keys(CASES) as Intl[];

describe('"would X still fit?" after the team and its needs', () => {
  it.each(LOCALES)('%s: a plan that holds 40 and has SSO: yes, its seats and the need, priced for the team', async (locale) => {
    const { sso, yesAsk, yes, hasSso } = CASES[locale];
    const reply = await last(locale, [sso, yesAsk]);
    expect(reply.text.startsWith(`${yes}\n\n${hasSso}`)).toBe(true);
    expect(priced(reply)).toContainEqual({ plan: 'business', seats: 40, billing: 'monthly' });
    // (The plan's feature list is not what was asked.)
    expect(reply.text).not.toMatch(/^- /m);
  });

  it.each(LOCALES)('%s: a plan that holds 40 but has no SSO: no, the need it lacks, and the plan that has it', async (locale) => {
    const { sso, noAsk, ssoNo } = CASES[locale];
    const reply = await last(locale, [sso, noAsk]);
    expect(reply.text.startsWith(ssoNo)).toBe(true);
    // Priced as the plan that fits them, never as Pro.
    expect(priced(reply)).toContainEqual({ plan: 'business', seats: 40, billing: 'monthly' });
    expect(priced(reply).some((input) => (input as { plan: string }).plan === 'pro')).toBe(false);
  });

  it.each(LOCALES)('%s: a plan that stops below the team (Pro for 300): no, its seat limit, and the plan that holds them', async (locale) => {
    const { big, noAsk, seatsNo } = CASES[locale];
    const reply = await last(locale, [big, noAsk]);
    expect(reply.text.startsWith(seatsNo)).toBe(true);
    expect(priced(reply)).toContainEqual({ plan: 'pro', seats: 300, billing: 'monthly' });
  });

  it.each(LOCALES)('%s: with no team size on record there is nothing to answer yes or no from', async (locale) => {
    const reply = await last(locale, [CASES[locale].noAsk]);
    expect(reply.text).not.toMatch(/^(?:Sí|No|Oui|Non|Ja|Nein|نعم|لا)\s?:/u);
  });
});

describe('the team on record is the team they will be', () => {
  it('es: 9 today and 4 more in January: Starter (up to 10) would no longer hold the 13; Pro would', async () => {
    const reply = await last('es', ['somos 9', 'en enero entran 4 más', '¿nos seguiría sirviendo Starter?']);
    expect(reply.text.startsWith('No: **Starter** llega hasta 10 usuarios, así que no alcanza para 13; para 13 corresponde **Pro**.')).toBe(true);
  });

  it('de: needs named beside a tool: Jira takes Pro, so Starter is a no for 40 with Pro named', async () => {
    const reply = await last('de', ['Wir sind 40 Personen und nutzen Jira.', 'Würde Starter noch reichen?']);
    expect(reply.text.startsWith('Nein: **Starter** endet bei 10 Nutzern und reicht damit nicht für 40; für 40 passt **Pro**.')).toBe(true);
  });
});

describe('English answers from the team on record and its needs too, not only after growth', () => {
  it('40 who need SSO: Pro is a no for SSO, Starter a no for its seats with Business named, Business a yes', async () => {
    const ask = async (question: string) => {
      const chat = conversation({ locale: 'en' });
      await chat.say('We are 40 people and we need SSO.');
      return (await chat.say(question)).text;
    };
    expect((await ask('would Pro still fit?')).startsWith("No: **Pro** doesn't include what you told me you need (**SSO**); **Business** does.")).toBe(true);
    expect((await ask('would Starter still work for us?')).startsWith('No: Starter goes up to 10 seats; for 40 seats Business fits.')).toBe(true);
    expect((await ask('would Business still fit?')).startsWith('Yes: **Business** covers 10–1,000 seats, so it holds your team of 40.\n\n**Business** also includes what you told me you need (**SSO**).')).toBe(true);
  });
});
