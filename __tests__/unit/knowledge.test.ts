/** @jest-environment node */
import { demoCompany } from '@/lib/sales/knowledge/demo-company';
import {
  formatPrice,
  getKnowledgeBase,
  KnowledgeBaseError,
  knowledgeBaseFile,
  parseKnowledgeBase,
} from '@/lib/sales/knowledge';

/** A deep copy of knowledge/knowledge-base.json that a test may break. */
type Json = Record<string, unknown> & {
  plans: Record<string, unknown>[];
  faqs: Record<string, unknown>[];
  objections: Record<string, unknown>[];
  competitors: Record<string, unknown>[];
  caseStudies: Record<string, unknown>[];
  policies: Record<string, unknown> & { meetings: Record<string, unknown> };
};
function copy(): Json {
  return structuredClone(knowledgeBaseFile) as Json;
}

function issuesOf(input: unknown): string[] {
  try {
    parseKnowledgeBase(input);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    return (error as KnowledgeBaseError).issues;
  }
  throw new Error('expected the knowledge base to be rejected');
}

describe('knowledge base', () => {
  it('validates the Northwind Cloud demo data from knowledge/knowledge-base.json', () => {
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

  it('keeps the old demoCompany export pointing at the same data', () => {
    expect(demoCompany).toBe(knowledgeBaseFile);
    expect(parseKnowledgeBase(demoCompany)).toEqual(getKnowledgeBase());
  });

  it('ships objections, fair competitor comparisons, case studies, policies and Spanish strings', () => {
    const kb = getKnowledgeBase();
    expect(kb.objections.map((entry) => entry.id)).toEqual(
      expect.arrayContaining(['too-expensive', 'already-use-competitor', 'no-time', 'security-concerns', 'need-approval']),
    );
    expect(kb.competitors.map((entry) => entry.name)).toEqual(expect.arrayContaining(['Asana', 'Monday.com', 'Smartsheet']));
    for (const competitor of kb.competitors) {
      expect(competitor.ourAdvantages.length).toBeGreaterThan(0);
      expect(competitor.theirStrengths.length).toBeGreaterThan(0);
    }
    expect(kb.caseStudies.length).toBeGreaterThanOrEqual(3);
    for (const study of kb.caseStudies) expect(kb.plans.map((plan) => plan.id)).toContain(study.plan);
    expect(kb.policies).toMatchObject({
      maxDiscountPercent: 15,
      handoff: { email: 'sales@northwind.example' },
      meetings: { durationMinutes: 30, defaultTimezone: 'America/New_York', workingHours: { start: 9, end: 17 }, workingDays: [1, 2, 3, 4, 5] },
    });
    expect(kb.policies.mustNotPromise.join(' ')).toMatch(/custom features/i);
    expect(kb.policies.mustNotPromise.join(' ')).toMatch(/legal/i);
    expect(kb.policies.mustNotPromise.join(' ')).toMatch(/uptime/i);
    expect(kb.localized.es?.suggestedQuestions?.[0]).toBe('¿Cuánto cuesta el plan Pro?');
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

  it('still accepts a knowledge base written before the new sections, filling in defaults', () => {
    const kb = parseKnowledgeBase({
      company: { name: 'Acme', tagline: 'T', description: 'D', salesEmail: 'hello@acme.example' },
      plans: [{ id: 'solo', name: 'Solo', pricePerSeatMonthly: 5, pricePerSeatMonthlyAnnual: 4, summary: 'S', features: ['F'] }],
    });
    expect(kb.objections).toEqual([]);
    expect(kb.competitors).toEqual([]);
    expect(kb.caseStudies).toEqual([]);
    expect(kb.localized).toEqual({});
    expect(kb.plans[0]?.aliases).toEqual([]);
    expect(kb.policies.handoff.email).toBe('hello@acme.example');
    expect(kb.policies.meetings).toEqual({
      durationMinutes: 30,
      defaultTimezone: 'UTC',
      workingHours: { start: 9, end: 17 },
      workingDays: [1, 2, 3, 4, 5],
      minNoticeMinutes: 120,
    });
  });

  it('names the bad entry when a plan is invalid', () => {
    const broken = copy();
    broken.plans = broken.plans.map((plan) => (plan.id === 'pro' ? { ...plan, pricePerSeatMonthly: -5 } : plan));
    const issues = issuesOf(broken);
    expect(issues).toEqual([expect.stringMatching(/^plans\[1\] "pro"\.pricePerSeatMonthly: /)]);
    expect(() => parseKnowledgeBase(broken)).toThrow('Invalid knowledge base:\n  - plans[1] "pro".pricePerSeatMonthly');
  });

  it('rejects a price with fractions of a cent', () => {
    const broken = copy();
    broken.plans[0] = { ...broken.plans[0], pricePerSeatMonthly: 9.999 };
    expect(issuesOf(broken)).toEqual(['plans[0] "starter".pricePerSeatMonthly: Prices have at most two decimal places']);
  });

  it('names the bad entry when an FAQ is missing its answer', () => {
    const broken = copy();
    broken.faqs.push({ id: 'refunds', question: 'Refunds?', keywords: [] });
    expect(issuesOf(broken)).toEqual([expect.stringMatching(/^faqs\[12\] "refunds"\.answer: /)]);
  });

  it('names the bad objection, competitor and case study', () => {
    const broken = copy();
    broken.objections[1] = { ...broken.objections[1], answer: '' };
    broken.competitors[0] = { ...broken.competitors[0], theirStrengths: [] };
    broken.caseStudies[2] = { ...broken.caseStudies[2], teamSize: 'large' };
    expect(issuesOf(broken)).toEqual([
      expect.stringMatching(/^objections\[1\] "already-use-competitor"\.answer: /),
      expect.stringMatching(/^competitors\[0\] "asana"\.theirStrengths: /),
      expect.stringMatching(/^caseStudies\[2\] "medicore"\.teamSize: /),
    ]);
  });

  it('names an objection with a badly formed id and no keywords', () => {
    const broken = copy();
    broken.objections.push({ id: 'Too Slow', keywords: [], answer: 'We are fast.' });
    expect(issuesOf(broken)).toEqual([
      'objections[7] "Too Slow".id: Use lower-case letters, digits and dashes, e.g. "too-expensive"',
      expect.stringMatching(/^objections\[7\] "Too Slow"\.keywords: /),
    ]);
  });

  it('rejects duplicate ids, case studies that name a missing plan and inverted seat limits', () => {
    const broken = copy();
    broken.faqs.push({ id: 'sso', question: 'SSO again?', answer: 'Yes.' });
    broken.caseStudies[0] = { ...broken.caseStudies[0], plan: 'platinum' };
    broken.plans[2] = { ...broken.plans[2], maxSeats: 5 };
    expect(issuesOf(broken)).toEqual([
      'faqs[12] "sso".id: Duplicate id "sso" in faqs',
      'caseStudies[0] "acme".plan: No plan has the id "platinum"',
      'plans[2] "business".maxSeats: maxSeats is below minSeats',
    ]);
  });

  it('names the bad policy field', () => {
    const broken = copy();
    broken.policies = {
      ...broken.policies,
      maxDiscountPercent: 150,
      meetings: { ...broken.policies.meetings, defaultTimezone: 'Mars/Olympus', workingDays: [1, 8] },
    };
    expect(issuesOf(broken)).toEqual([
      expect.stringMatching(/^policies\.maxDiscountPercent: /),
      'policies.meetings.defaultTimezone: Not an IANA time zone (e.g. "America/New_York", "Europe/Madrid")',
      expect.stringMatching(/^policies\.meetings\.workingDays\[1\]: /),
    ]);
  });

  it('rejects meeting hours that end before they start or cannot hold a meeting', () => {
    const backwards = copy();
    backwards.policies.meetings = { ...backwards.policies.meetings, workingHours: { start: 17, end: 9 } };
    expect(issuesOf(backwards)).toEqual(['policies.meetings.workingHours: workingHours.start must be before workingHours.end']);

    const tooLong = copy();
    tooLong.policies.meetings = { ...tooLong.policies.meetings, workingHours: { start: 9, end: 10 }, durationMinutes: 90 };
    expect(issuesOf(tooLong)).toEqual(['policies.meetings.durationMinutes: durationMinutes does not fit inside workingHours']);
  });

  it('formats catalogue prices', () => {
    expect(formatPrice(29)).toBe('$29');
    expect(formatPrice(12.5)).toBe('$12.50');
    expect(formatPrice(1200)).toBe('$1,200');
    expect(formatPrice(null)).toBe('Contact sales');
    expect(formatPrice(10, 'EUR')).toBe('€10');
  });
});
