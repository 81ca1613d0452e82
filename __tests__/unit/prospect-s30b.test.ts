/** @jest-environment node */
// Session 30b, prospects in a real browser: two tools asked about at once are two tools, never one title-cased name
// ("Figma And Notion"), in five languages; a handoff after the e-mail was declined says how to reach the team without
// it, and no reply (nor the handoff card) asks for the e-mail twice; over a monthly budget, annual billing's monthly
// cost and whether a cheaper plan holds the team; Arabic seat counts with the counted noun's right form and grouped
// figures.
import { hold, type Said } from '../support/offline-agent';
import { fieldsAskedIn } from '@/lib/sales/asked-questions';
import { translate } from '@/lib/i18n';
import { formatCount, formatPrice } from '@/lib/sales/knowledge';
import { PHRASES } from '@/lib/llm/offline/phrases';
import { extractLeadFacts } from '@/lib/sales/lead';
import type { SalesLocale } from '@/lib/sales/turn-state';

const emailAsks = (reply: Said | undefined) => (reply?.text ?? '').split(/(?<=[.?!؟])\s+/u).filter((sentence) => fieldsAskedIn(sentence).includes('email')).length;

describe('prospects: session 30b', () => {
  it('1: "figma and notion" in five languages: each tool on its own, grouped as not listed, with the plural verb', async () => {
    const cases: [SalesLocale, string, string][] = [
      ['en', 'do you integrate with figma and notion?', "**Figma and Notion** aren't among the integrations we list"],
      ['es', '¿se integran con Figma, Notion y Miro?', '**Figma, Notion y Miro** no figuran entre las integraciones'],
      ['fr', 'vous intégrez avec Figma et Notion ?', '**Figma et Notion** ne font pas partie des intégrations'],
      ['de', 'integriert ihr mit Figma und Notion?', '**Figma und Notion** gehören nicht zu den Integrationen'],
      ['ar', 'هل تتكاملون مع Figma و Notion؟', '**Figma وNotion** ليست ضمن التكاملات'],
    ];
    for (const [locale, question, expected] of cases) {
      const [, reply] = await hold(locale, [locale === 'en' ? 'hi' : locale === 'es' ? 'hola' : locale === 'fr' ? 'bonjour' : locale === 'de' ? 'hallo' : 'مرحبا', question]);
      expect({ locale, text: reply?.text }).toEqual({ locale, text: expect.stringContaining(expected) });
      expect(reply?.text).not.toMatch(/Figma And|isn't among/u);
    }
    // A tool we list and one we do not: the one connected, the other said plainly.
    const [, mixed] = await hold('en', ['hi', 'do you integrate with slack and notion?']);
    expect(mixed?.text).toContain('connects with Slack');
    expect(mixed?.text).toContain("**Notion** isn't among the integrations we list");
  });

  it('2: "I\'m not ready to give my email", then a person: the handoff says how to reach the team, the e-mail never asked', async () => {
    const replies = await hold('en', ['hi', 'we need to track projects', "I'm not ready to give my email", 'can I talk to a human?']);
    expect(replies[2]?.session.state.noEmail).toBe(true);
    const handoff = replies[3];
    expect(handoff?.tools.map((tool) => tool.toolName)).toContain('request_human');
    expect(handoff?.text).toContain('you can write to them at **sales@northwind.example**');
    expect(emailAsks(handoff)).toBe(0);
    // The tool's answer tells a model the same: do not ask.
    expect(handoff?.outputs).toContainEqual(expect.objectContaining({ message: expect.stringContaining('declined to give an email: do not ask for it') }));
    for (const [locale, turns, said] of [
      ['de', ['hallo', 'ich möchte meine E-Mail noch nicht angeben', 'kann ich mit jemandem sprechen?'], 'an **sales@northwind.example** schreiben'],
      ['es', ['hola', 'no estoy listo para dar mi correo', '¿puedo hablar con una persona?'], 'puede escribirles a **sales@northwind.example**'],
      ['fr', ['bonjour', 'je ne suis pas prêt à donner mon e-mail', 'je voudrais parler à quelqu’un'], 'vous pouvez leur écrire à **sales@northwind.example**'],
      ['ar', ['مرحبا', 'لست مستعدا لإعطاء بريدي', 'أريد التحدث مع شخص'], 'يمكنك مراسلة الفريق على **sales@northwind.example**'],
    ] as const) {
      const said3 = await hold(locale, turns);
      expect({ locale, text: said3[2]?.text }).toEqual({ locale, text: expect.stringContaining(said) });
      expect({ locale, asks: emailAsks(said3[2]) }).toEqual({ locale, asks: 0 });
    }
  });

  it('2b: a handoff with no e-mail and no decline asks for it once; the handoff card never asks for it (five languages)', async () => {
    const [, , handoff] = await hold('en', ['hi', 'we need to track projects', 'can I talk to a human?']);
    expect(emailAsks(handoff)).toBe(1);
    for (const locale of ['en', 'es', 'fr', 'de', 'ar'] as const) {
      const card = translate(locale, 'sales.handoff.noEmail');
      expect({ locale, asks: fieldsAskedIn(card) }).toEqual({ locale, asks: [] });
      expect(card).not.toMatch(/e-?mail|correo|courriel|بريد/iu);
    }
  });

  it('4: a team of 25 with "we have around 500 a month": annual billing per month, and no cheaper plan holds 25 (five languages)', async () => {
    expect(extractLeadFacts({ text: 'we have around 500 a month', now: 0 }).budget?.value).toBe('around 500 a month');
    const cases: [SalesLocale, string[], string[]][] = [
      ['en', ['hi', 'we are a team of 25', 'how much is pro?', 'we have around 500 a month'], ['above the budget you mentioned', 'Billed annually, it comes to **$600 a month**, still above it.', '**Pro** is already our lowest-priced plan for a team of 25.']],
      ['es', ['hola', 'somos 25', '¿cuánto cuesta pro?', 'nuestro presupuesto es de unos 500 al mes'], [`Con facturación anual sale a **${formatPrice(600, 'USD', 'es')} al mes**`, '**Pro** ya es nuestro plan más económico para un equipo de 25.']],
      ['fr', ['bonjour', 'nous sommes 25', 'combien coûte pro ?', 'notre budget est d’environ 500 par mois'], [`En facturation annuelle, cela revient à **${formatPrice(600, 'USD', 'fr')} par mois**`, '**Pro** est déjà notre offre la moins chère']],
      ['de', ['hallo', 'wir sind 25 Personen', 'was kostet Pro?', 'unser Budget liegt bei etwa 500 im Monat'], [`Bei jährlicher Abrechnung sind es **${formatPrice(600, 'USD', 'de')} im Monat**`, '**Pro** ist bereits unser günstigster Tarif für ein Team von 25 Personen.']],
      ['ar', ['مرحبا', 'نحن 25 شخصا', 'كم سعر الباقة الاحترافية؟', 'ميزانيتنا حوالي 500 دولار شهريا'], [`مع الفوترة السنوية تبلغ **${formatPrice(600, 'USD', 'ar')} شهريًا**`, 'هي بالفعل أرخص باقاتنا لفريق من 25 شخصًا']],
    ];
    for (const [locale, turns, expected] of cases) {
      const replies = await hold(locale, turns);
      const text = replies.at(-1)?.text ?? '';
      for (const part of expected) expect({ locale, text }).toEqual({ locale, text: expect.stringContaining(part) });
      // Never a discount made up.
      expect(text).not.toMatch(/discount|descuento|remise|rabatt|خصم/iu);
    }
  });

  it('5: Arabic seat counts take the counted noun by number, with figures grouped as the prices are', () => {
    expect(translate('ar', 'landing.plans.seatsFrom', { min: formatCount(50, 'ar') })).toBe('من 50 مستخدمًا فأكثر');
    expect(translate('ar', 'landing.plans.seatsFrom', { min: formatCount(5, 'ar') })).toBe('من 5 مستخدمين فأكثر');
    expect(translate('ar', 'landing.plans.seatsRange', { min: formatCount(10, 'ar'), max: formatCount(1000, 'ar') })).toBe('من 10 إلى 1,000 مستخدم');
    expect(translate('ar', 'landing.plans.seatsRange', { min: formatCount(3, 'ar'), max: formatCount(250, 'ar') })).toBe('من 3 إلى 250 مستخدمًا');
    expect(translate('ar', 'landing.plans.seatsUpTo', { max: formatCount(10, 'ar') })).toBe('حتى 10 مستخدمين');
    expect(PHRASES.ar.seatRange(50, null)).toBe('من 50 مستخدمًا فأكثر');
    expect(PHRASES.ar.seatRange(10, 1000)).toBe('من 10 إلى 1,000 مستخدم');
    // Grouped as the same locale's prices are.
    for (const locale of ['en', 'es', 'fr', 'de', 'ar'] as const) expect({ locale, figure: formatCount(25000, locale) }).toEqual({ locale, figure: formatPrice(25000, 'USD', locale).replace(/[^\d.,\s\u00a0\u202f]/gu, '').trim() });
    expect(formatCount(1000, 'en')).toBe('1,000');
    expect(formatCount(1000, 'de')).toBe('1.000');
  });
});
