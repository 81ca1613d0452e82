/** @jest-environment node */
import { demoCompany } from '@/lib/sales/knowledge/demo-company';
import { formatPrice, getKnowledgeBase, KnowledgeBaseError, parseKnowledgeBase } from '@/lib/sales/knowledge';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('knowledge base', () => {
  it('validates the Northwind Cloud demo data', () => {
    const kb = getKnowledgeBase();
    expect(kb.company.name).toBe('Northwind Cloud');
    expect(kb.plans.map((plan) => plan.name)).toEqual(['Starter', 'Pro', 'Business', 'Enterprise']);
    expect(kb.plans.find((plan) => plan.id === 'enterprise')).toMatchObject({ pricePerSeatMonthly: null, pricePerSeatMonthlyAnnual: null });
    expect(kb.plans.filter((plan) => plan.highlight)).toHaveLength(1);
    expect(kb.faqs.length).toBeGreaterThanOrEqual(10);
    expect(kb.suggestedQuestions[0]).toBe('How much is the Pro plan?');
    expect(kb.suggestedQuestions.length).toBeGreaterThanOrEqual(4);
    expect(getKnowledgeBase()).toBe(kb);
  });

  it('bills annually for less than monthly on every priced plan', () => {
    for (const plan of getKnowledgeBase().plans) {
      if (plan.pricePerSeatMonthly === null || plan.pricePerSeatMonthlyAnnual === null) continue;
      expect(plan.pricePerSeatMonthlyAnnual).toBeLessThan(plan.pricePerSeatMonthly);
    }
  });

  it('covers the topics prospects ask about with FAQ keywords', () => {
    const ids = getKnowledgeBase().faqs.map((faq) => faq.id);
    expect(ids).toEqual(expect.arrayContaining(['security', 'sso', 'data-residency', 'trial', 'cancellation', 'integrations', 'support', 'onboarding', 'discounts']));
    for (const faq of getKnowledgeBase().faqs) expect(faq.keywords.length).toBeGreaterThan(0);
  });

  it('names the bad entry when a plan is invalid', () => {
    const broken = {
      ...demoCompany,
      plans: demoCompany.plans.map((plan) => (plan.id === 'pro' ? { ...plan, pricePerSeatMonthly: -5 } : plan)),
    };
    const error = thrownBy(() => parseKnowledgeBase(broken));
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    expect((error as KnowledgeBaseError).issues).toEqual([expect.stringMatching(/^plans\[1\] "pro"\.pricePerSeatMonthly: /)]);
    expect((error as Error).message).toContain('plans[1] "pro"');
  });

  it('names the bad entry when an FAQ is missing its answer', () => {
    const broken = { ...demoCompany, faqs: [...demoCompany.faqs, { id: 'refunds', question: 'Refunds?', keywords: [] }] };
    expect(() => parseKnowledgeBase(broken)).toThrow(/faqs\[12\] "refunds"\.answer/);
  });

  it('formats catalogue prices', () => {
    expect(formatPrice(29)).toBe('$29');
    expect(formatPrice(12.5)).toBe('$12.50');
    expect(formatPrice(1200)).toBe('$1,200');
    expect(formatPrice(null)).toBe('Contact sales');
    expect(formatPrice(10, 'EUR')).toBe('€10');
  });
});
