/** @jest-environment node */
// Session 22 (es, fr, de, ar buyers): needs said in French, German and Arabic, the annual price asked in German,
// recall questions in everyday wording, and a booking request that is not the prospect's need.
import { annualPerMonth, annualTotal, conversation, monthly } from '../support/offline-agent';

type Tools = { toolName: string; input: unknown }[];
type Priced = { plan: string; seats: number; billing: string };
const priced = (tools: Tools) => tools.filter((tool) => tool.toolName === 'get_pricing').map((tool) => (tool.input as Priced).plan);
const UNSURE = /confirmed answer|rather not guess|respuesta confirmada|réponse confirmée|bestätigte Antwort|إجابة مؤكدة/;

describe('offline agent: session 22 buyers in es, fr, de and ar', () => {
  it('1: "we\'re 12, we need SSO" in French, German and Arabic is a need: Business is quoted, and the budget is compared', async () => {
    for (const [locale, said, budget, need] of [
      ['fr', 'nous sommes 12, on a besoin du SSO', 'notre budget est de 600 dollars par mois', /besoin du SSO/],
      ['de', 'wir sind 12 Leute und brauchen SSO', 'unser Budget liegt bei 700 Dollar im Monat', /^brauchen SSO$/],
      ['ar', 'نحن 12 موظف ونحتاج تسجيل دخول موحد SSO', 'ميزانيتنا 700 دولار شهريا', /^نحتاج/],
    ] as const) {
      const chat = conversation({ locale });
      const first = await chat.say(said);
      expect(priced(first.tools)).toEqual(['business', 'business']);
      expect(first.text).toContain(monthly('business', 12, locale));
      expect(first.session.state.lead.fields.need?.value ?? '').toMatch(need);
      const noted = await chat.say(budget);
      // The budget is set beside the Business quote ("fits the budget"), not only "noted".
      expect(noted.text).toMatch(/budget|Budget|الميزانية/);
      expect(noted.text).toContain(monthly('business', 12, locale));
    }
  });

  it('2: after "wir brauchen SSO", an objection and "welchen Plan hatten Sie empfohlen?" keep Business, never Pro', async () => {
    const chat = conversation({ locale: 'de' });
    await chat.say('Hallo, ich bin Jonas von der Firma Brückner GmbH');
    await chat.say('wir sind 12 Leute und brauchen SSO');
    const objection = await chat.say('das ist zu teuer für uns');
    expect(priced(objection.tools)).not.toContain('pro');
    expect(objection.text).toContain('**Business**');
    const which = await chat.say('welchen Plan hatten Sie empfohlen?');
    expect(priced(which.tools)).toContain('business');
    expect(which.text).not.toContain('**Pro**');
  });

  it('3: "was kostet das bei jährlicher Zahlung?" after a quote is the annual price, not the billing FAQ', async () => {
    const chat = conversation({ locale: 'de' });
    await chat.say('wir sind 20');
    const annual = await chat.say('was kostet das bei jährlicher Zahlung?');
    expect(priced(annual.tools)).toEqual(['pro']);
    expect(annual.text).toMatch(new RegExp(`${annualTotal('pro', 20, 'de').replace('$', '\\$')}|${annualPerMonth('pro', 20, 'de').replace('$', '\\$')}`));
    expect(annual.text).not.toMatch(/pro aktivem Nutzer/);
  });

  it('4: recall in everyday wording: "on etait combien deja ?", "wie viele waren wir nochmal?", "und was war das Budget?"', async () => {
    const fr = conversation({ locale: 'fr' });
    await fr.say('nous sommes 12');
    const howMany = await fr.say('on etait combien deja ?');
    expect(howMany.text).not.toMatch(UNSURE);
    expect(howMany.text).toContain('**12**');

    const de = conversation({ locale: 'de' });
    await de.say('wir sind 18 Leute');
    await de.say('unser Budget liegt bei 700 Dollar im Monat');
    const many = await de.say('wie viele waren wir nochmal?');
    expect(many.text).toContain('**18**');
    expect(many.text).not.toContain('Starter');
    const budget = await de.say('und was war das Budget?');
    expect(budget.text).not.toMatch(UNSURE);
    expect(budget.text).toContain('**700 Dollar im Monat**');
  });

  it('5: "ايش الخطة اللي نصحتني فيها؟" is the plan recommended again, not "I have no confirmed answer"', async () => {
    const chat = conversation({ locale: 'ar' });
    await chat.say('نحن 20 موظف');
    const again = await chat.say('ايش الخطة اللي نصحتني فيها؟');
    expect(again.text).not.toMatch(UNSURE);
    expect(priced(again.tools)).toContain('pro');
  });

  it('6: "quiero agendar una demo el jueves a las 11" is a booking, and does not replace the need on record', async () => {
    const chat = conversation({ locale: 'es' });
    await chat.say('somos 25 personas y necesitamos automatizar flujos e integrar con Salesforce');
    const booking = await chat.say('quiero agendar una demo el jueves a las 11');
    expect(booking.session.state.lead.fields.need?.value).toBe('necesitamos automatizar flujos e integrar con Salesforce');
  });
  it('7: a French agency of 8 that wants to "suivre le temps" gets Pro (Starter has no time tracking), "à l\'année" is annual, "a plus" is a goodbye', async () => {
    const chat = conversation({ locale: 'fr' });
    await chat.say('salut, on est une agence de 8 personnes');
    await chat.say('on veut surtout suivre le temps passé par client');
    const price = await chat.say('combien ca coute ?');
    expect(priced(price.tools)).toContain('pro');
    expect(priced(price.tools)).not.toContain('starter');
    const annual = await chat.say("et en payant a l'annee ?");
    expect(annual.text).not.toMatch(UNSURE);
    expect(annual.text).toContain(annualTotal('pro', 8, 'fr'));
    await chat.say('mon mail : paul@agence-lumen.fr');
    const bye = await chat.say('a plus');
    expect(bye.session.state.lead.fields.company).toBeUndefined();
    expect(bye.text).not.toContain('a plus');
  });
  it('8: "necesitamos SSO con Okta y que los datos estén en Europa" answers both needs (SSO and where the data lives)', async () => {
    const chat = conversation({ locale: 'es' });
    await chat.say('somos 60');
    const both = await chat.say('necesitamos SSO con Okta y que los datos esten en Europa');
    expect(both.text).toContain('SAML');
    expect(both.text).toMatch(/Fráncfort|UE/);
  });
  it('9: Egyptian "احنا 30 واحد ومحتاجين نربط مع Jira" is a need with the team size: priced, not the integrations list alone', async () => {
    const said = await conversation({ locale: 'ar' }).say('احنا 30 واحد ومحتاجين نربط مع Jira و HubSpot');
    expect(priced(said.tools)).toEqual(['pro', 'pro']);
    expect(said.text).toContain(monthly('pro', 30, 'ar'));
    expect(said.session.state.lead.fields.need?.value ?? '').toMatch(/^محتاجين نربط/);
  });
});
