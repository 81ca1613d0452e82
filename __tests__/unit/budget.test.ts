// A stated budget read as a number, and a quote set beside it (lib/sales/budget.ts).
import { budgetFit, parseBudget } from '@/lib/sales/budget';

describe('parseBudget', () => {
  it.each([
    ['around 1000 dollars a month', { amount: 1000, per: 'month', perSeat: false }],
    ['$1,500 per month', { amount: 1500, per: 'month', perSeat: false }],
    ['$12k a year', { amount: 12000, per: 'year', perSeat: false }],
    ['about 20 dollars per user per month', { amount: 20, per: 'month', perSeat: true }],
    ['1.000 € monthly', undefined], // another currency than the catalogue's
    ['15000 annually', { amount: 15000, per: 'year', perSeat: false }],
    ['unos 2.000 dólares al mes', { amount: 2000, per: 'month', perSeat: false }],
    ['$5,000', undefined], // no period: never guessed
    ['no budget set', undefined],
  ])('reads %p', (text, expected) => expect(parseBudget(text, 'USD')).toEqual(expected));

  it('reads euros for a catalogue in euros', () => {
    expect(parseBudget('1.200,50 € par mois', 'EUR')).toEqual({ amount: 1200.5, per: 'month', perSeat: false });
    expect(parseBudget('20 € pro Nutzer im Monat', 'EUR')).toEqual({ amount: 20, per: 'month', perSeat: true });
  });
});

describe('budgetFit', () => {
  // Pro for 45 seats: $29 billed monthly ($1,305 a month), $24 billed annually ($1,080 a month, $12,960 a year).
  const monthly = { perSeatMonthly: 29, monthlyTotal: 1305, annualTotal: 15660 };
  const annual = { perSeatMonthly: 24, monthlyTotal: 1080, annualTotal: 12960 };
  it('compares a monthly, a yearly and a per-seat budget with the matching amount', () => {
    expect(budgetFit({ amount: 1500, per: 'month', perSeat: false }, monthly, annual)).toBe('within');
    expect(budgetFit({ amount: 1100, per: 'month', perSeat: false }, monthly, annual)).toBe('annual-within');
    expect(budgetFit({ amount: 1000, per: 'month', perSeat: false }, monthly, annual)).toBe('above');
    expect(budgetFit({ amount: 13000, per: 'year', perSeat: false }, monthly, annual)).toBe('annual-within');
    expect(budgetFit({ amount: 25, per: 'month', perSeat: true }, monthly, annual)).toBe('annual-within');
    expect(budgetFit({ amount: 300, per: 'year', perSeat: true }, monthly, annual)).toBeUndefined();
    expect(budgetFit({ amount: 1000, per: 'month', perSeat: false }, undefined, undefined)).toBeUndefined();
  });
});
