/** @jest-environment node */
// Plan fit and pricing replies (QA pass s31): a cheaper plan within the budget is never said to be above it; a plan
// suggested as fitting has what the prospect needs; "would Business still fit?" is a fit answer; "how long is the
// contract?" is answered without a "No".
import { hold, kb } from '../support/offline-agent';
import { PHRASES } from '@/lib/llm/offline/phrases';
import { DIRECT_PHRASES } from '@/lib/llm/offline/phrases-direct';
import type { SalesLocale } from '@/lib/sales/turn-state';

/** The fixed words of a phrase (what stays when its arguments are left out), to look for in a reply. */
function fixedWords(phrase: string, ...args: string[]): string[] {
  const marker = '\u0001';
  let text = phrase;
  for (const arg of args) text = text.split(arg).join(marker);
  return text.split(marker).map((part) => part.replace(/\*/g, '').trim()).filter((part) => part.length >= 4);
}

const last = async (locale: SalesLocale, turns: readonly string[]) => (await hold(locale, turns)).at(-1)?.text ?? '';

describe('a cheaper plan within the budget is said to be within it', () => {
  const teamAndBudget: Record<SalesLocale, [string, string]> = {
    en: ['We are 50 people and our budget is $2,000 a month.', 'How much is Business?'],
    es: ['Somos 50 personas y nuestro presupuesto es de 2000 dólares al mes.', '¿Cuánto cuesta Business?'],
    fr: ['Nous sommes 50 personnes et notre budget est de 2000 dollars par mois.', 'Combien coûte Business ?'],
    de: ['Wir sind 50 Personen und unser Budget liegt bei 2000 Dollar pro Monat.', 'Was kostet Business?'],
    ar: ['نحن 50 شخصا وميزانيتنا 2000 دولار شهريا', 'كم سعر باقة Business؟'],
  };

  it.each(Object.keys(teamAndBudget) as SalesLocale[])('%s: Pro ($1,450 a month for 50) fits $2,000 a month; never "above it too"', async (locale) => {
    // (Bold marks left out: the phrases' fixed words sit beside the bold amounts.)
    const text = (await last(locale, teamAndBudget[locale])).replace(/\*/g, '');
    const ph = PHRASES[locale];
    // Business is above the budget, so the options below it are given.
    for (const words of fixedWords(ph.aboveEvenAnnual('COST'), 'COST')) expect(text).toContain(words);
    for (const words of fixedWords(ph.cheaperWithin('PLAN', 'RATE', false), 'PLAN', 'RATE')) expect(text).toContain(words);
    const above = fixedWords(ph.cheaperStillAbove('PLAN', 'RATE'), 'PLAN', 'RATE').at(-1) ?? '';
    expect(above.length).toBeGreaterThan(10);
    expect(text).not.toContain(above);
  });

  it('en: names the plan and its monthly rate', async () => {
    const text = await last('en', teamAndBudget.en);
    expect(text).toContain('**Pro** also holds your team and fits that budget: **$29 per seat per month**.');
    expect(text).not.toContain('above it too');
  });

  it('en: a cheaper plan that is above the budget too is still said to be', async () => {
    const text = await last('en', ['We are 50 people and our budget is $1,000 a month.', 'How much is Business?']);
    expect(text).toContain('**Pro** also holds your team, at **$24 per seat per month** billed annually, though for your team that is above it too.');
    expect(text).not.toContain('fits that budget');
  });
});

describe('a plan suggested as fitting has what they need', () => {
  it('SSO for 6: Business starts at 10, and Starter (no SSO) is never said to fit', async () => {
    const text = await last('en', ['We need SSO and we are 6 people.', 'Compare Pro and Business']);
    expect(kb.plans.find((plan) => plan.id === 'starter')?.features.some((line) => /single sign-on/i.test(line))).toBe(false);
    expect(text).toContain('- **Business**: Business starts at 10 seats.');
    expect(text).not.toMatch(/Starter fits/);
  });

  it('SSO for 60: past Starter, the plan that fits is Business (SSO), not Pro', async () => {
    const text = await last('en', ['We need SSO and we are 60 people.', 'Compare Starter and Pro']);
    expect(text).toContain('Starter goes up to 10 seats; for 60 seats Business fits.');
    expect(text).not.toMatch(/Pro fits/);
  });
});

describe('"would Business still fit?" once they grow', () => {
  const grow = ['We are 40 people.', 'We will grow to 70 next year.'];

  it('yes, with the seats and the reason, not the feature list', async () => {
    const text = await last('en', [...grow, 'would Business still fit?']);
    expect(text.startsWith('Yes: **Business** covers 10–1,000 seats, so it holds your team of 70.')).toBe(true);
    expect(text).toContain('**Business** for 70 seats');
    expect(text).not.toContain('- Everything in Pro');
  });

  it('no, for a plan too small, with the one that fits', async () => {
    const text = await last('en', [...grow, 'would Starter still fit?']);
    expect(text.startsWith('No: Starter goes up to 10 seats; for 70 seats Pro fits.')).toBe(true);
  });
});

describe('the contract term', () => {
  const open: Record<SalesLocale, string> = {
    en: 'how long is the contract?',
    es: '¿Cuál es la permanencia mínima?',
    fr: 'Quelle est la durée d’engagement ?',
    de: 'Wie lange ist die Vertragslaufzeit?',
    ar: 'ما مدة العقد؟',
  };
  const yesNo: Record<SalesLocale, string> = {
    en: 'is there a minimum term?',
    es: '¿Hay permanencia mínima?',
    fr: 'Y a-t-il un engagement minimum ?',
    de: 'Gibt es eine Mindestlaufzeit?',
    ar: 'هل يوجد عقد سنوي ملزم؟',
  };

  it.each(Object.keys(open) as SalesLocale[])('%s: "how long?" is answered without a "No"', async (locale) => {
    const text = await last(locale, [open[locale]]);
    expect(text.startsWith(DIRECT_PHRASES[locale].noMinimumTerm)).toBe(true);
    expect(text.startsWith(DIRECT_PHRASES[locale].noLockIn)).toBe(false);
  });

  it.each(Object.keys(yesNo) as SalesLocale[])('%s: "is there a minimum term?" keeps its "No"', async (locale) => {
    const text = await last(locale, [yesNo[locale]]);
    expect(text.startsWith(DIRECT_PHRASES[locale].noLockIn)).toBe(true);
  });

  it('en: the open answer reads as a sentence', async () => {
    const text = await last('en', [open.en]);
    expect(text.startsWith('There is no minimum term: monthly plans can be cancelled at any time')).toBe(true);
  });
});
