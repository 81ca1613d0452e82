/** @jest-environment node */
// The offline agent in French, German and Arabic: a whole conversation per language (price, introduction, booking,
// "what did I say my team size was?"), every reply scanned for English leftovers, every amount from the catalogue or
// get_pricing.
import { detectLanguage, replyLanguage } from '@/lib/llm/offline/language';
import { formatLocalLabel } from '@/lib/sales/booking';
import { questionFor } from '@/lib/sales/playbook';
import { fallbackNotice, turnNotice } from '@/lib/sales/prompts';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import { searchKnowledge } from '@/lib/sales/retrieval';
import type { SalesLocale } from '@/lib/sales/turn-state';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { LEAD_FIELDS, type SalesState } from '@/lib/sales/types';
import { allowedAmounts, amounts, ask, assistantMessage, userMessage } from '../support/offline-agent';

/** Words that stay as they are in every language: brand, product, partner and plan names, standards, codes. */
const PROPER = ['Northwind Cloud', 'Northwind', 'Starter', 'Pro', 'Business', 'Enterprise', 'Slack', 'Google Workspace', 'Microsoft 365', 'Microsoft Entra ID', 'Azure AD', 'Salesforce', 'HubSpot', 'Jira', 'Okta', 'Google', 'SOC 2', 'SSO', 'SAML', 'SCIM', 'ISO', 'TLS', 'AES', 'DPA', 'NDA', 'USD', 'Acme', 'ics'];
const ENGLISH = new Set('the and is are you your for with to of we our it that this what how can be would will have has do does which when per seat month billed annually monthly plan team book demo'.split(' '));
// "on", "in", "die", "was" are everyday French or German words too: they do not count as English there.
const SHARED: Record<string, Set<string>> = { fr: new Set(['on', 'plan', 'demo']), de: new Set(['in', 'was', 'die', 'demo', 'team', 'plan', 'per']), ar: new Set() };

/** English words left in a reply; in Arabic, any Latin word that is not a proper name, an e-mail or a time zone. */
function englishLeftovers(reply: string, locale: 'fr' | 'de' | 'ar'): string[] {
  let text = reply.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, ' ').replace(/\b[A-Z][a-z]+\/[A-Za-z_]+\b/g, ' ').replace(/\$[\d,.]+/g, ' ');
  for (const name of [...PROPER].sort((a, b) => b.length - a.length)) text = text.split(name).join(' ');
  const words = text.match(/\p{L}+/gu) ?? [];
  if (locale === 'ar') return words.filter((word) => /[A-Za-z]/.test(word) && word !== 'Tipo');
  return words.filter((word) => ENGLISH.has(word.toLowerCase()) && !SHARED[locale]?.has(word.toLowerCase()));
}

interface Conversation {
  locale: 'fr' | 'de' | 'ar';
  price: string;
  intro: string;
  booking: string;
  recall: string;
  words: RegExp;
  weekday: string;
  recalled: RegExp;
  /** The brain's shared lead code reads Arabic names and companies only once lib/sales/lead keeps Arabic letters. */
  readsNames: boolean;
}

const CONVERSATIONS: Conversation[] = [
  {
    locale: 'fr',
    price: 'Combien coûte Pro ?',
    intro: 'Je m’appelle Marie Dubois, je travaille chez Acme Logistique et nous sommes 12 personnes.',
    booking: 'Je voudrais une démo vendredi à 11h, mon e-mail est marie@acme.fr',
    recall: 'Quelle taille d’équipe vous ai-je indiquée ?',
    words: /par utilisateur et par mois/,
    weekday: 'vendredi 27 novembre',
    recalled: /Vous m’avez indiqué votre taille d’équipe : \*\*12\*\*/,
    readsNames: true,
  },
  {
    locale: 'de',
    price: 'Was kostet Pro?',
    intro: 'Ich heiße Jonas Weber, ich arbeite bei Acme Logistik, wir sind 12 Personen.',
    booking: 'Ich möchte eine Demo am Freitag um 11 Uhr, meine E-Mail ist jonas@acme.de',
    recall: 'Welche Teamgröße habe ich Ihnen genannt?',
    words: /pro Nutzer und Monat/,
    weekday: 'Freitag, 27. November',
    recalled: /Als Teamgröße haben Sie mir \*\*12\*\* genannt/,
    readsNames: true,
  },
  {
    locale: 'ar',
    price: 'كم سعر Pro؟',
    intro: 'اسمي ليلى حسن، أعمل في شركة أكمي، ونحن فريق من 12 شخصًا.',
    booking: 'أريد عرضًا توضيحيًا يوم الجمعة الساعة 11، بريدي هو layla@acme.sa',
    recall: 'ما حجم فريقي الذي ذكرته لك؟',
    words: /لكل مستخدم شهريًا/,
    weekday: 'الجمعة 27 نوفمبر',
    recalled: /حجم فريقك كما ذكرت لي: \*\*12\*\*/,
    readsNames: false,
  },
];

describe.each(CONVERSATIONS)('a conversation in $locale', (conversation) => {
  const { locale } = conversation;
  const history: SalesUIMessage[] = [];
  let state: SalesState | undefined;
  const replies: string[] = [];

  async function turn(text: string) {
    const result = await ask(text, { history: [...history], locale, ...(state ? { state } : {}) });
    history.push(userMessage(text), assistantMessage(result.text));
    state = result.session.state;
    replies.push(result.text);
    // Every amount is a catalogue price or a figure this turn's get_pricing returned, in the catalogue's "$" format.
    const allowed = allowedAmounts(result.outputs);
    expect(amounts(result.text).filter((amount) => !allowed.has(amount))).toEqual([]);
    expect(englishLeftovers(result.text, locale)).toEqual([]);
    return result;
  }

  it('answers the price of Pro in the language, with the catalogue prices, and asks the next question in it', async () => {
    const { text, tools } = await turn(conversation.price);
    expect(tools.map((call) => call.toolName)).toEqual(['get_pricing', 'get_pricing']);
    expect(text).toContain('$29');
    expect(text).toContain('$24');
    expect(text).toMatch(conversation.words);
    expect(text.trim().endsWith(questionFor('need', locale))).toBe(true);
  });

  it('records the introduction (team size, and name and company) with capture_lead and prices the team', async () => {
    const { text, tools } = await turn(conversation.intro);
    expect(tools[0]?.toolName).toBe('capture_lead');
    expect(state?.lead.fields.teamSize?.value).toBe(12);
    if (conversation.readsNames) {
      expect(state?.lead.fields.name?.value).toMatch(/^(Marie Dubois|Jonas Weber)$/);
      expect(state?.lead.fields.company?.value).toMatch(/^Acme Logisti(que|k)$/);
      expect(text).toMatch(/(Marie|Jonas)\s?!/);
    }
    // Twelve people: the plan that fits, with monthly and annual totals from get_pricing.
    expect(text).toContain('$348');
    expect(text).toContain('$3,456');
  });

  it('books the demo for the day named in the language, and labels it in the language', async () => {
    const { text, tools } = await turn(conversation.booking);
    const booking = tools.find((call) => call.toolName === 'book_meeting');
    expect(booking?.input).toMatchObject({ email: expect.stringMatching(/@acme\./), timezone: 'America/New_York' });
    expect(text).toContain(conversation.weekday);
    expect(text).toContain('11:00');
    expect(text).toContain('(.ics)');
  });

  it('answers "what did I say my team size was?" from its memory', async () => {
    const { text } = await turn(conversation.recall);
    expect(text).toMatch(conversation.recalled);
  });

  it('says "I didn’t follow" to keyboard mashing, and never repeats a sentence across the conversation', async () => {
    const { text } = await turn('asdfgh qwerty');
    expect(detectLanguage(text)).toBe(locale);
    const sentences = replies.flatMap((reply) => reply.split(/(?<=[.!?؟])\s+/)).filter((sentence) => sentence.split(/\s+/).length >= 5);
    expect(new Set(sentences).size).toBe(sentences.length);
  });
});

describe('languages around the conversation', () => {
  it('reads which language a message is in, and answers a French message in French on the English site', () => {
    expect(detectLanguage('Combien coûte l’offre Pro ?')).toBe('fr');
    expect(detectLanguage('Was kostet der Pro-Tarif?')).toBe('de');
    expect(detectLanguage('كم سعر الباقة الاحترافية؟')).toBe('ar');
    expect(detectLanguage('¿Cuánto cuesta el plan Pro?')).toBe('es');
    expect(detectLanguage('How much is the Pro plan?')).toBe('en');
    expect(detectLanguage('25')).toBeUndefined();
    expect(replyLanguage('en', ['Bonjour, combien coûte Pro ?', '25'])).toBe('fr');
    expect(replyLanguage('de', ['How much is Pro?'])).toBe('de');
  });

  it('retrieves the locale’s own passages for questions in French, German and Arabic', () => {
    const cases: [SalesLocale, string, string][] = [
      ['fr', 'Combien coûte Pro ?', 'plan:pro'],
      ['de', 'Was kostet Pro?', 'plan:pro'],
      ['ar', 'كم سعر Pro؟', 'plan:pro'],
      ['fr', 'Avez-vous l’authentification unique ?', 'faq:sso'],
      ['de', 'Gibt es eine kostenlose Testversion?', 'faq:trial'],
    ];
    for (const [locale, question, id] of cases) {
      const passages = searchKnowledge(question, { kb: getLocalizedKnowledgeBase(locale), limit: 3 });
      expect({ question, found: passages.map((passage) => passage.id).includes(id) }).toEqual({ question, found: true });
    }
    const pro = searchKnowledge('كم سعر Pro؟', { kb: getLocalizedKnowledgeBase('ar'), limit: 1 })[0];
    expect(pro?.title).toBe('باقة الاحترافية');
    expect(pro?.text).toContain('$29 لكل مستخدم شهريًا');
  });

  it('has every notice, playbook question and booking label in each language', () => {
    for (const locale of ['fr', 'de', 'ar'] as const) {
      for (const field of LEAD_FIELDS) {
        expect(englishLeftovers(questionFor(field, locale), locale)).toEqual([]);
        expect(questionFor(field, locale, 1)).not.toBe(questionFor(field, locale));
      }
      for (const code of ['history_unavailable', 'not_saved', 'spend_cap', 'reply_interrupted'] as const) {
        expect(detectLanguage(turnNotice(code, locale))).toBe(locale);
      }
      expect(detectLanguage(fallbackNotice(locale))).toBe(locale);
    }
    const now = Date.parse('2026-11-24T12:00:00Z');
    const instant = Date.parse('2027-01-05T15:30:00Z');
    expect(formatLocalLabel(instant, 'Europe/Paris', now, 'fr')).toBe('mardi 5 janvier 2027, 16:30 (Europe/Paris)');
    expect(formatLocalLabel(instant, 'Europe/Berlin', now, 'de')).toBe('Dienstag, 5. Januar 2027, 16:30 (Europe/Berlin)');
    expect(formatLocalLabel(instant, 'Asia/Riyadh', now, 'ar')).toBe('الثلاثاء 5 يناير 2027، 18:30 (Asia/Riyadh)');
  });
});
