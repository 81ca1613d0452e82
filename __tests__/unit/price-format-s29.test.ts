/** @jest-environment node */
// Prices as each language writes them (session 29): formatPrice in the five locales, the offline agent's replies and
// their totals, get_pricing's result and the prompt for a configured model, the voice reading the new formats, and
// the price guard passing true prices written so (Intl's no-break spaces, "US$", "$US", "USD") and catching wrong ones.
import { shortened } from '@/lib/llm/offline/asides';
import { formatPrice, getKnowledgeBase } from '@/lib/sales/knowledge';
import { summarize } from '@/lib/sales/context';
import { buildSystemPrompt } from '@/lib/sales/prompts';
import { emptySalesState } from '@/lib/sales/state';
import { getPricing } from '@/lib/sales/tools';
import type { SalesLocale, SalesTurnContext } from '@/lib/sales/turn-state';
import { speakPrices } from '@/lib/voice/spoken-prices';
import { guarded, M } from '../support/price-guard';
import { amounts, conversation } from '../support/offline-agent';

const kb = getKnowledgeBase();
const NB = '\u00a0';
const NNB = '\u202f';

describe('formatPrice', () => {
  it('writes an amount as each language does, English unchanged', () => {
    expect(formatPrice(1365)).toBe('$1,365');
    expect(formatPrice(1365, 'USD', 'en')).toBe('$1,365');
    expect(formatPrice(1365, 'USD', 'es')).toBe(`1365${NB}US$`);
    expect(formatPrice(12300, 'USD', 'es')).toBe(`12.300${NB}US$`);
    expect(formatPrice(1365, 'USD', 'fr')).toBe(`1${NNB}365${NB}$US`);
    expect(formatPrice(1365, 'USD', 'de')).toBe(`1.365${NB}$`);
    // Western digits, without the right-to-left mark Intl puts first.
    expect(formatPrice(1365, 'USD', 'ar')).toBe(`1,365${NB}US$`);
  });

  it('keeps the cents, with the language\'s decimal mark, and other currencies', () => {
    expect(formatPrice(84.7, 'USD', 'en')).toBe('$84.70');
    expect(formatPrice(84.7, 'USD', 'fr')).toBe(`84,70${NB}$US`);
    expect(formatPrice(1299.5, 'USD', 'de')).toBe(`1.299,50${NB}$`);
    expect(formatPrice(12.5, 'USD', 'ar')).toBe(`12.50${NB}US$`);
    expect(formatPrice(29, 'EUR', 'de')).toBe(`29${NB}€`);
    expect(formatPrice(29, 'EUR', 'fr')).toBe(`29${NB}€`);
  });
});

describe('the offline agent', () => {
  const cases: [SalesLocale, string][] = [
    ['es', '¿Cuánto cuesta Pro para 47 personas?'],
    ['fr', 'Combien coûte Pro pour 47 personnes ?'],
    ['de', 'Was kostet Pro für 47 Personen?'],
    ['ar', 'كم سعر الباقة الاحترافية لـ 47 شخصا؟'],
  ];

  it.each(cases)('quotes in %s as the language writes prices, and the totals are get_pricing\'s to the cent', async (locale, question) => {
    const reply = await conversation({ locale }).say(question);
    // 47 seats of Pro: $1,363 a month, $16,356 a year; annually $13,536 a year.
    expect(reply.text).toContain(formatPrice(1363, 'USD', locale));
    expect(reply.text).toContain(formatPrice(16356, 'USD', locale));
    expect(reply.text).toContain(formatPrice(13536, 'USD', locale));
    expect(reply.text).not.toMatch(/\$\d/);
    // Every amount said is one get_pricing returned or a catalogue price, read back exactly.
    const figures = reply.outputs.flatMap((output) => {
      const quote = output as { ok?: boolean; perSeatMonthly?: number; monthlyTotal?: number; annualTotal?: number; annualSavings?: number };
      return quote.ok ? [quote.perSeatMonthly, quote.monthlyTotal, quote.annualTotal, quote.annualSavings] : [];
    });
    const catalogue = kb.plans.flatMap((plan) => [plan.pricePerSeatMonthly, plan.pricePerSeatMonthlyAnnual]);
    const allowed = new Set([...figures, ...catalogue].flatMap((value) => (typeof value === 'number' ? [formatPrice(value)] : [])));
    const said = amounts(reply.text);
    expect(said.length).toBeGreaterThanOrEqual(3);
    expect(said.filter((amount) => !allowed.has(amount))).toEqual([]);
  });

  it('still writes English prices the US way', async () => {
    const reply = await conversation({ locale: 'en' }).say('How much is Pro for 47 people?');
    expect(reply.text).toContain('$1,363');
    expect(reply.text).toContain('$16,356');
  });

  it('keeps the priced sentence when it shortens a reply in another language', () => {
    const reply = [
      'Pour une équipe de 47 personnes qui grandit, **Pro** est le plan qui convient le mieux à ce que vous nous avez décrit.',
      'Il inclut les intégrations.',
      `Pour 47 utilisateurs, il revient à **1${NNB}363${NB}$US par mois**.`,
    ];
    expect(shortened(reply).join(' ')).toContain(`1${NNB}363${NB}$US`);
  });
});

describe('a configured model', () => {
  const context = (locale: SalesLocale): SalesTurnContext => ({ conversationId: 'c', locale, kb, userMessages: [{ id: 'u1', text: 'Pro for 47?' }], now: () => 0, invitesByEmail: true });

  it('gets get_pricing\'s amounts as numbers, and written as the conversation\'s language writes them', () => {
    const fr = getPricing(emptySalesState(0), context('fr'), { plan: 'pro', seats: 47, billing: 'monthly' }).output;
    expect(fr).toMatchObject({ ok: true, perSeatMonthly: 29, monthlyTotal: 1363, annualTotal: 16356, written: { perSeatMonthly: `29${NB}$US`, monthlyTotal: `1${NNB}363${NB}$US`, annualTotal: `16${NNB}356${NB}$US` } });
    const en = getPricing(emptySalesState(0), context('en'), { plan: 'pro', seats: 47, billing: 'monthly' }).output;
    expect(en).toMatchObject({ ok: true, monthlyTotal: 1363 });
    expect(en).not.toHaveProperty('written');
  });

  it('is told to write prices as the language does, with a catalogue price as the example', () => {
    const prompt = (locale: SalesLocale) => buildSystemPrompt({ kb, state: emptySalesState(0), passages: [], locale });
    const first = kb.plans.find((plan) => plan.pricePerSeatMonthly !== null)?.pricePerSeatMonthly ?? 0;
    expect(prompt('de')).toContain(`"${first}${NB}$" for "$${first}"`);
    expect(prompt('ar')).toContain('Western digits');
    expect(prompt('ar')).toContain(`"${first}${NB}US$"`);
    expect(prompt('en')).not.toContain('Write prices as');
  });

  it('keeps the prices a localized reply quoted in the summary of older turns', () => {
    const summary = summarize([{ role: 'assistant', text: `**Pro** para 47 usuarios: **1363${NB}US$ al mes**.` }], undefined, { planNames: ['Pro'] });
    expect(summary).toContain(`Pro 1363${NB}US$`);
  });
});

describe('the voice', () => {
  it.each([
    ['fr', `Pro coûte 1${NNB}365${NB}$US par mois.`, 'Pro coûte 1 365 dollars par mois.'],
    ['fr', `soit 84,70${NB}$US`, 'soit 84 dollars et 70 cents'],
    ['de', `Pro kostet 1.365${NB}$ im Monat.`, 'Pro kostet 1.365 Dollar im Monat.'],
    ['de', `nur 1.299,50${NB}$`, 'nur 1.299 Dollar und 50 Cent'],
    ['es', `Pro cuesta 1365${NB}US$ al mes y 12.300${NB}US$ al año.`, 'Pro cuesta 1365 dólares al mes y 12.300 dólares al año.'],
    ['ar', `السعر 1,365${NB}US$ شهريًا`, 'السعر 1,365 دولار شهريًا'],
    ['es', `29${NB}€ al mes`, '29 euros al mes'],
  ] as const)('reads prices written the %s way as amounts: %s', (locale, text, spoken) => {
    expect(speakPrices(text, locale)).toBe(spoken);
  });

  it('still reads the US format, and leaves numbers that are no price alone', () => {
    expect(speakPrices('Pro cuesta $1,960 al año.', 'es')).toBe('Pro cuesta 1960 dólares al año.');
    expect(speakPrices('pour 12 utilisateurs, version 1 365', 'fr')).toBe('pour 12 utilisateurs, version 1 365');
    expect(speakPrices(`de 5 à 29${NB}$USD`, 'fr')).toBe(`de 5 à 29${NB}$USD`);
  });
});

describe('the price guard', () => {
  // 47 seats of Pro billed monthly, as get_pricing returns it.
  const tool = { ok: true, perSeatMonthly: 29, monthlyTotal: 1363, annualTotal: 16356, annualSavings: 0, currency: 'USD', text: '' };
  const passes = (reply: string) => expect(guarded(reply, { tool }).text).toBe(reply);
  const caught = (reply: string, wrong: string) => expect(guarded(reply, { tool }).text).toBe(reply.replace(wrong, M));

  it('passes true prices in every language\'s format, as Intl writes them and as a model may', () => {
    for (const locale of ['en', 'es', 'fr', 'de', 'ar'] as const) {
      passes(`Pro: ${formatPrice(29, 'USD', locale)} / ${formatPrice(1363, 'USD', locale)} / ${formatPrice(16356, 'USD', locale)}.`);
    }
    passes('Pro revient à 1 363 $US par mois, soit 16 356 $US par an.');
    passes('Pro cuesta 1.363 US$ al mes (16.356 USD al año).');
    passes('Pro kostet 1.363 USD im Monat, also 29 $ pro Nutzer.');
  });

  it('catches wrong prices in those formats', () => {
    caught(`Pro revient à 1${NNB}365${NB}$US par mois.`, `1${NNB}365${NB}$US`);
    caught(`Pro cuesta 1365${NB}US$ al mes.`, `1365${NB}US$`);
    caught(`Pro kostet 1.999${NB}$ im Monat.`, `1.999${NB}$`);
    caught(`Pro kostet 12,50${NB}$ pro Nutzer.`, `12,50${NB}$`);
    caught(`باقة الاحترافية 39${NB}US$ شهريًا`, `39${NB}US$`);
    caught('Pro: 1 364 USD par mois.', '1 364 USD');
  });
});
