import esOverlay from '@/knowledge/knowledge-base.es.json';
import { LOCALES } from '@/lib/i18n';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase, knowledgeLocale, missingPassages } from '@/lib/sales/knowledge/localized';
import { applyOverlay, parseOverlay } from '@/lib/sales/knowledge/overlay';

const base = getKnowledgeBase();
const numbers = (kb: typeof base) =>
  kb.plans.map(({ id, pricePerSeatMonthly, pricePerSeatMonthlyAnnual, minSeats, maxSeats, highlight }) => ({
    id,
    pricePerSeatMonthly,
    pricePerSeatMonthlyAnnual,
    minSeats,
    maxSeats,
    highlight,
  }));

describe('the knowledge base in every locale', () => {
  it.each(LOCALES)('%s quotes exactly the base prices, seats and currency, plan by plan', (locale) => {
    const kb = getLocalizedKnowledgeBase(locale);
    expect(numbers(kb)).toEqual(numbers(base));
    expect(kb.company.currency).toBe(base.company.currency);
    expect(kb.company.salesEmail).toBe(base.company.salesEmail);
    expect(kb.policies.maxDiscountPercent).toBe(base.policies.maxDiscountPercent);
    expect(knowledgeLocale(kb)).toBe(locale);
  });

  it.each(['es', 'fr', 'de', 'ar'] as const)('%s words every plan, the company and every FAQ in its own language', (locale) => {
    const kb = getLocalizedKnowledgeBase(locale);
    kb.plans.forEach((plan, index) => {
      const english = base.plans[index]!;
      expect(plan.summary).not.toBe(english.summary);
      plan.features.forEach((feature, i) => expect({ plan: plan.id, feature }).not.toEqual({ plan: plan.id, feature: english.features[i] }));
    });
    expect(kb.company.tagline).not.toBe(base.company.tagline);
    expect(kb.company.description).not.toBe(base.company.description);
    expect(kb.faqs.map((faq) => faq.id)).toEqual(base.faqs.map((faq) => faq.id));
    kb.faqs.forEach((faq, index) => expect(faq.answer).not.toBe(base.faqs[index]!.answer));
    expect(kb.suggestedQuestions).toHaveLength(base.suggestedQuestions.length);
    expect(kb.suggestedQuestions).not.toEqual(base.suggestedQuestions);
    expect(missingPassages(locale).filter((id) => id.startsWith('plan:') || id.startsWith('faq:'))).toEqual([]);
  });

  it('words Arabic plan names in Arabic and keeps the brand name findable', () => {
    const pro = getLocalizedKnowledgeBase('ar').plans.find((plan) => plan.id === 'pro')!;
    expect(pro.name).toBe('الاحترافية');
    expect(pro.aliases).toEqual(expect.arrayContaining(['Pro', 'برو']));
  });

  it('leaves out, rather than shows in English, what a locale has no words for', () => {
    const { kb, missing } = applyOverlay(base, { plans: {}, faqs: { trial: { question: '¿Prueba?', answer: 'Sí, 14 días.' } } });
    expect(kb.faqs.map((faq) => faq.id)).toEqual(['trial']);
    expect(missing).toEqual(expect.arrayContaining(['faq:sso', 'objection:too-expensive', 'plan:pro']));
    expect(kb.plans).toHaveLength(base.plans.length);
  });

  it('refuses a price, an unknown field or an id the base does not have in an overlay', () => {
    expect(() => parseOverlay({ plans: { pro: { pricePerSeatMonthly: 1 } } }, base, 'test')).toThrow(/pricePerSeatMonthly|Unrecognized/);
    expect(() => parseOverlay({ faqs: { nope: { answer: 'x' } } }, base, 'test')).toThrow(/faqs\.nope/);
    expect(() => parseOverlay({ company: { currency: 'EUR' } }, base, 'test')).toThrow(/currency|Unrecognized/);
    expect(() => parseOverlay(esOverlay, base, 'es')).not.toThrow();
  });
});
