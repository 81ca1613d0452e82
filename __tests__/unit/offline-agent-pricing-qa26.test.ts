/** @jest-environment node */
// QA round 26 (bugs 4–8): plans, prices and the follow-ups that lean on a quote, each fixed and pinned here.
import { annualTotal, conversation, kb, monthly, plan, usd } from '../support/offline-agent';

type Tools = { toolName: string; input: unknown }[];
type Priced = { plan: string; seats: number; billing: string };
const pricing = (tools: Tools) => tools.filter((tool) => tool.toolName === 'get_pricing').map((tool) => tool.input as Priced);
const priced = (tools: Tools) => pricing(tools).map((input) => input.plan);
const called = (tools: Tools) => tools.map((tool) => tool.toolName);
const UNSURE = /confirmed answer|rather not guess|respuesta confirmada|réponse confirmée|bestätigte Antwort/;

describe('offline agent: QA round 26 plans and prices', () => {
  it('4: "we don\'t need SSO" and "no need for sso" are not a need for SSO: Pro stays the plan', async () => {
    const chat = conversation();
    await chat.say("we're 14 people");
    const none = await chat.say("we don't need SSO");
    expect(none.text).not.toContain('SAML');
    expect(none.session.state.lead.fields.need?.value ?? '').not.toMatch(/sso/i);
    const which = await chat.say('which plan?');
    expect(priced(which.tools)).toContain('pro');
    expect(priced(which.tools)).not.toContain('business');
    expect(which.text).toContain('**Pro**');

    const once = await conversation().say("we're 14 people, no need for sso");
    expect(priced(once.tools)).toEqual(['pro', 'pro']);
    expect(once.text).toContain(monthly('pro', 14));

    for (const [locale, team, none, which] of [
      ['es', 'somos 14', 'no necesitamos SSO', '¿qué plan nos recomienda?'],
      ['de', 'wir sind 14', 'wir brauchen kein SSO', 'welcher Tarif passt?'],
      ['fr', 'nous sommes 14', "on n'a pas besoin du SSO", 'quel plan ?'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      const said = await chat.say(none);
      expect(said.text).not.toContain('SAML');
      expect(said.session.state.lead.fields.need).toBeUndefined();
      expect(priced((await chat.say(which)).tools)).toEqual(['pro', 'pro']);
    }
  });

  // (Session 29: asking about SSO is their interest, recorded as their need: the plan with it, Pro named as the trade-off.)
  it('5: asking about SSO makes it their need, a per-seat budget is compared, and "¿entra?" is no SSO question', async () => {
    const seat = conversation();
    await seat.say("we're 35");
    await seat.say('does pro include SSO?');
    const budget = await seat.say('budget is $40/seat max');
    expect(budget.text).toContain('**Pro** fits the budget, without SAML single sign-on');
    const fits = await seat.say('which plan fits?');
    expect(priced(fits.tools)).toContain('business');
    expect(fits.text).toContain("I'd suggest **Business**");

    const annual = conversation();
    await annual.say("we're 45");
    await annual.say('does that include sso?');
    await annual.say('our budget is 15k a year');
    const advice = await annual.say('which plan do you recommend?');
    expect(priced(advice.tools)).toEqual(['business', 'business']);
    expect(advice.text).toContain('**Pro** fits the budget, without SAML single sign-on');

    const es = conversation({ locale: 'es' });
    await es.say('somos 12');
    await es.say('nuestro tope son 3000 euros al año');
    const fit = await es.say('¿entra?');
    expect(fit.text).not.toContain('SAML');
    const ten = await es.say('¿y si fuéramos 10?');
    expect(priced(ten.tools)).toEqual(['starter', 'starter']);
    expect(ten.text).toContain(annualTotal('starter', 10, 'es'));
  });

  it('6: "is that per month?", "and for 50?", "what about 30?", "which one?" answer from the last quote', async () => {
    const chat = conversation();
    await chat.say("we're 20 people");
    await chat.say('how much is pro?');
    const month = await chat.say('is that per month?');
    expect(month.text).not.toMatch(UNSURE);
    expect(pricing(month.tools)).toEqual([{ plan: 'pro', seats: 20, billing: 'monthly' }]);
    expect(month.text).toContain(monthly('pro', 20));
    const fifty = await chat.say('and for 50?');
    expect(pricing(fifty.tools).map((input) => [input.plan, input.seats])).toEqual([['pro', 50], ['pro', 50]]);
    expect(fifty.text).toContain(monthly('pro', 50));
    const thirty = await chat.say('what about 30?');
    expect(thirty.text).toContain(monthly('pro', 30));
    const which = await chat.say('which one?');
    expect(which.text).not.toMatch(UNSURE);
    expect(which.text).toContain("I'd suggest **Pro**");

    const es = conversation({ locale: 'es' });
    await es.say('somos 20');
    await es.say('¿cuánto cuesta pro?');
    expect((await es.say('¿es por mes?')).text).toContain(monthly('pro', 20, 'es'));
    expect((await es.say('¿y para 60?')).text).toContain(monthly('pro', 60, 'es'));

    const fr = conversation({ locale: 'fr' });
    await fr.say('nous sommes 20');
    await fr.say('combien coûte pro ?');
    expect((await fr.say("c'est par mois ?")).text).toContain(monthly('pro', 20, 'fr'));

    const de = conversation({ locale: 'de' });
    await de.say('wir sind 20');
    await de.say('was kostet pro?');
    const perMonth = await de.say('pro Monat?');
    expect(perMonth.text).not.toContain('Workflow');
    expect(perMonth.text).toContain(monthly('pro', 20, 'de'));
    expect((await de.say('und für 40?')).text).toContain(monthly('pro', 40, 'de'));
  });

  it('6: "does business fit?" is set beside the budget; "passt das?" too', async () => {
    const chat = conversation();
    await chat.say("we're 75");
    await chat.say('our budget is 35k a year');
    const fit = await chat.say('does business fit?');
    expect(priced(fit.tools)).toEqual(['business', 'business', 'pro', 'pro']);
    expect(fit.text).toContain('**Business** is above the budget you mentioned');
    expect(fit.text).toContain(annualTotal('pro', 75));

    const de = conversation({ locale: 'de' });
    await de.say('wir sind 28');
    await de.say('unser Budget ist maximal 12.000 Dollar im Jahr');
    await de.say('was kostet business?');
    const passt = await de.say('passt das?');
    expect(passt.text).not.toMatch(UNSURE);
    expect(passt.text).toContain('über dem Budget');
  });

  it('7: "what\'s business for 35", "what\'s starter?", "¿cuánto sale Starter?" and "vale, ¿y Pro?" are priced', async () => {
    const chat = conversation();
    await chat.say("we're 20 people");
    const business = await chat.say("ok so what's business for 35 then");
    expect(pricing(business.tools).map((input) => [input.plan, input.seats])).toEqual([['business', 35], ['business', 35]]);
    expect(business.text).toContain(monthly('business', 35));

    const starter = await conversation().say("what's starter?");
    expect(starter.text).not.toMatch(UNSURE);
    expect(starter.text).toContain('**Starter**');
    expect(starter.text).toContain(usd(plan('starter').pricePerSeatMonthly ?? 0));

    const es = conversation({ locale: 'es' });
    await es.say('somos 12');
    const sale = await es.say('¿cuánto sale Starter?');
    expect(sale.text).toContain(`**${usd(plan('starter').pricePerSeatMonthly ?? 0, 'es')} por usuario al mes**`);
    const pro = await es.say('vale, ¿y Pro?');
    expect(priced(pro.tools)).toContain('pro');
    expect(pro.text).toContain(monthly('pro', 12, 'es'));
  });

  it('8: the plan and billing the buyer named stay; price lock, added seats and a formal quote are answered', async () => {
    const chat = conversation();
    await chat.say("we're looking at 60 seats of Business, annual");
    const lock = await chat.say('is there a price lock for multi-year?');
    expect(priced(lock.tools)).not.toContain('pro');
    expect(lock.text).toContain('multi-year');
    expect(lock.text).toContain(kb.company.salesEmail);
    const seats = await chat.say('what if we add 10 seats mid-contract?');
    expect(seats.text).toContain('prorated');
    expect(seats.text).not.toContain('cancelled');
    const which = await chat.say('and which plan?');
    expect(pricing(which.tools)).toEqual([{ plan: 'business', seats: 60, billing: 'annual' }]);
    const quote = await chat.say('can you send a formal quote to my email?');
    expect(called(quote.tools)).toContain('request_human');
    expect(priced(quote.tools)).toEqual([]);

    const total = conversation();
    await total.say("we're looking at 60 seats of Business, annual");
    const asked = await total.say("what's the total?");
    expect(pricing(asked.tools)).toEqual([{ plan: 'business', seats: 60, billing: 'annual' }]);
    expect(asked.text).toContain(annualTotal('business', 60));
    expect(asked.text).not.toContain(monthly('business', 60));

    const solo = conversation();
    await solo.say("we're 5");
    await solo.say('how much is starter?');
    const year = await solo.say("so what's the total for the year");
    expect(pricing(year.tools)).toEqual([{ plan: 'starter', seats: 5, billing: 'annual' }]);
    expect(year.text).toContain(annualTotal('starter', 5));
  });
});
