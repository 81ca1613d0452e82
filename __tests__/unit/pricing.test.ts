/** @jest-environment node */
import { getKnowledgeBase, knowledgeBaseFile, parseKnowledgeBase } from '@/lib/sales/knowledge';
import { findPlan, quote, type Billing, type QuoteResult } from '@/lib/sales/pricing';

const BILLINGS: Billing[] = ['monthly', 'annual'];

function expectOk(result: QuoteResult) {
  if (!result.ok) throw new Error(`expected a quote, got ${result.code}: ${result.message}`);
  return result;
}

/** A copy of the demo knowledge base with one extra plan, for prices the demo catalogue does not have. */
function kbWithPlan(plan: Record<string, unknown>) {
  const data = structuredClone(knowledgeBaseFile) as { plans: unknown[] };
  data.plans.push({ summary: 'Test plan', features: ['Everything'], ...plan });
  return parseKnowledgeBase(data);
}

describe('quote', () => {
  const kb = getKnowledgeBase();
  const priced = kb.plans.filter((plan) => plan.pricePerSeatMonthly !== null && plan.pricePerSeatMonthlyAnnual !== null);

  it('covers every priced plan of the demo catalogue', () => {
    expect(priced.map((plan) => plan.id)).toEqual(['starter', 'pro', 'business']);
  });

  for (const plan of priced) {
    const seatCounts = [...new Set([plan.minSeats, plan.minSeats + 7, plan.maxSeats ?? plan.minSeats + 500])];
    for (const billing of BILLINGS) {
      it.each(seatCounts)(`${plan.name}, %i seats, ${billing}: equals the catalogue arithmetic`, (seats) => {
        const perSeat = billing === 'annual' ? plan.pricePerSeatMonthlyAnnual : plan.pricePerSeatMonthly;
        const perSeatCents = Math.round((perSeat ?? NaN) * 100);
        const monthlyCents = perSeatCents * seats;
        const result = expectOk(quote({ planId: plan.id, seats, billing }));
        expect(result).toMatchObject({
          plan,
          seats,
          billing,
          currency: 'USD',
          perSeatMonthly: perSeatCents / 100,
          monthlyTotal: monthlyCents / 100,
          annualTotal: (monthlyCents * 12) / 100,
        });
        const usd = (cents: number) => `$${(cents / 100).toLocaleString('en-US')}`;
        expect(result.text).toContain(`${plan.name} for ${seats} seat`);
        expect(result.text).toContain(`${usd(perSeatCents)} per seat per month`);
        expect(result.text).toContain(usd(monthlyCents));
        expect(result.text).toContain(usd(monthlyCents * 12));
        if (billing === 'annual') {
          const savingsCents = Math.round((plan.pricePerSeatMonthly ?? NaN) * 100) * seats * 12 - monthlyCents * 12;
          expect(result.annualSavings).toBe(savingsCents / 100);
          expect(result.text).toContain(`saving ${usd(savingsCents)} a year`);
        } else {
          expect(result.annualSavings).toBe(0);
        }
      });
    }
  }

  it('reads as one sentence the agent can say', () => {
    expect(expectOk(quote({ planId: 'pro', seats: 10, billing: 'monthly' })).text).toBe(
      'Pro for 10 seats billed monthly is $29 per seat per month: $290 a month ($3,480 over a year).',
    );
    expect(expectOk(quote({ planId: 'Pro', seats: 10, billing: 'annual' })).text).toBe(
      'Pro for 10 seats billed annually is $24 per seat per month: $2,880 a year ($240 a month), saving $600 a year against monthly billing.',
    );
    expect(expectOk(quote({ planId: 'starter', seats: 1, billing: 'monthly' })).text).toBe(
      'Starter for 1 seat billed monthly is $12 per seat per month: $12 a month ($144 over a year).',
    );
  });

  it('is exact to the cent where floating point is not', () => {
    const kb = kbWithPlan({ id: 'odd', name: 'Odd', pricePerSeatMonthly: 12.1, pricePerSeatMonthlyAnnual: 0.1 });
    expect(3 * 0.1).not.toBe(0.3); // the trap the cents arithmetic avoids
    const monthly = expectOk(quote({ planId: 'odd', seats: 7, billing: 'monthly' }, kb));
    expect(monthly).toMatchObject({ perSeatMonthly: 12.1, monthlyTotal: 84.7, annualTotal: 1016.4 });
    expect(monthly.text).toBe('Odd for 7 seats billed monthly is $12.10 per seat per month: $84.70 a month ($1,016.40 over a year).');
    const annual = expectOk(quote({ planId: 'odd', seats: 3, billing: 'annual' }, kb));
    expect(annual).toMatchObject({ perSeatMonthly: 0.1, monthlyTotal: 0.3, annualTotal: 3.6, annualSavings: 432 });
  });

  it('accepts a plan by name, alias or in a phrase', () => {
    expect(expectOk(quote({ planId: 'the Business plan', seats: 20, billing: 'annual' })).plan.id).toBe('business');
    expect(expectOk(quote({ planId: 'Profesional', seats: 5, billing: 'monthly' })).plan.id).toBe('pro');
  });

  it('refuses an unknown plan, naming the real ones', () => {
    expect(quote({ planId: 'Platinum', seats: 5, billing: 'monthly' })).toEqual({
      ok: false,
      code: 'unknown_plan',
      message: 'There is no plan called "Platinum". The plans are Starter, Pro, Business, Enterprise.',
    });
  });

  it('sends Enterprise to sales instead of inventing a price', () => {
    for (const billing of BILLINGS) {
      expect(quote({ planId: 'enterprise', seats: 100, billing })).toEqual({
        ok: false,
        code: 'contact_sales',
        message: 'Enterprise is priced individually: the sales team prepares a quote (sales@northwind.example).',
      });
    }
  });

  it('says which billing a plan offers when only one is priced', () => {
    const kb = kbWithPlan({ id: 'yearly', name: 'Yearly', pricePerSeatMonthly: null, pricePerSeatMonthlyAnnual: 8 });
    expect(quote({ planId: 'yearly', seats: 2, billing: 'monthly' }, kb)).toEqual({
      ok: false,
      code: 'contact_sales',
      message: 'Yearly is only available with annual billing.',
    });
    expect(expectOk(quote({ planId: 'yearly', seats: 2, billing: 'annual' }, kb))).toMatchObject({ annualTotal: 192, annualSavings: 0 });
  });

  it('enforces the seat bounds and points to a plan that fits', () => {
    expect(quote({ planId: 'pro', seats: 2, billing: 'monthly' })).toEqual({
      ok: false,
      code: 'below_min_seats',
      message: 'Pro starts at 3 seats; for 2 seats Starter fits.',
    });
    expect(quote({ planId: 'starter', seats: 11, billing: 'annual' })).toEqual({
      ok: false,
      code: 'above_max_seats',
      message: 'Starter goes up to 10 seats; for 11 seats Pro fits.',
    });
    expect(quote({ planId: 'business', seats: 1001, billing: 'monthly' })).toEqual({
      ok: false,
      code: 'above_max_seats',
      message: 'Business goes up to 1000 seats; for 1001 seats Enterprise fits.',
    });
  });

  it.each([0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p seats', (seats) => {
    expect(quote({ planId: 'pro', seats, billing: 'monthly' })).toMatchObject({ ok: false, code: 'invalid_seats' });
  });
});

describe('findPlan', () => {
  it.each([
    ['pro', 'pro'],
    ['PRO', 'pro'],
    ['Starter', 'starter'],
    ['  business  ', 'business'],
    ['enterprise plan', 'enterprise'],
    ['professional', 'pro'],
    ['plan básico', 'starter'],
    ['Plan Basico', 'starter'],
    ['How much is the Pro plan for 10 people?', 'pro'],
    ['compare Starter and Business', 'starter'],
    ['we want the business plan', 'business'],
  ])('%p → %p', (text, id) => {
    expect(findPlan(text)?.id).toBe(id);
  });

  it.each(['', 'platinum', 'product', 'approve', 'starters'])('finds nothing in %p', (text) => {
    expect(findPlan(text)).toBeUndefined();
  });
});
