/** @jest-environment node */
// Session 23 (es, de, fr, ar buyers): "und Jira?" after the integrations, recall of the needs in the past tense, a
// weekday moved on a Monday, the company given as an item of a list, and "what did you recommend?" in every language.
import { booked, conversation, values } from '../support/offline-agent';

type Tools = { toolName: string; input: unknown }[];
const priced = (tools: Tools) => tools.filter((tool) => tool.toolName === 'get_pricing').map((tool) => (tool.input as { plan: string }).plan);
const UNSURE = /confirmed answer|rather not guess|respuesta confirmada|réponse confirmée|bestätigte Antwort|إجابة مؤكدة/;
const MONDAY = Date.parse('2026-11-23T12:00:00Z');

describe('offline agent: session 23 buyers in es, de, fr and ar', () => {
  it('1: "und jira?" after the integrations is answered about Jira (the plan that has it), not the whole list again', async () => {
    for (const [locale, list, follow, answer] of [
      ['de', 'welche Integrationen habt ihr?', 'und jira?', /Ja, \*\*Pro\*\* enthält Jira\./],
      ['es', '¿qué integraciones tienen?', '¿y jira?', /Sí: \*\*Pro\*\* incluye Jira\./],
      ['fr', 'quelles intégrations avez-vous ?', 'et jira ?', /\*\*Pro\*\* inclut Jira\./],
      ['ar', 'ما هي التكاملات المتوفرة؟', 'وماذا عن Jira؟', /Jira/],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(list);
      const jira = await chat.say(follow);
      expect(jira.text).toMatch(answer);
      expect(jira.text).not.toMatch(/Zendesk|Wie schon gesagt|Como le comentaba|Comme je vous le disais|كما ذكرت/);
    }
  });

  it('2: "und Jira?" with Starter quoted says Starter lacks it and Pro has it; "und SAP?" is not among the integrations', async () => {
    const chat = conversation({ locale: 'de' });
    await chat.say('wir sind 8');
    await chat.say('Welche Integrationen sind bei Starter dabei?');
    const jira = await chat.say('und Jira?');
    expect(jira.text).toContain('Nicht in **Starter**: Jira gibt es ab **Pro**.');

    const sap = conversation({ locale: 'de' });
    await sap.say('Welche Integrationen habt ihr?');
    const unlisted = await sap.say('und SAP?');
    expect(unlisted.text).toMatch(/\*\*SAP\*\* gehört nicht zu den Integrationen/);
    expect(unlisted.text).not.toMatch(UNSURE);
    // A word the knowledge base answers is its own question, not a product we lack.
    await sap.say('Welche Integrationen habt ihr?');
    const prices = await sap.say('und Preise?');
    expect(prices.text).not.toMatch(/gehört nicht zu den Integrationen/);
    expect(prices.text).toContain('**Starter**');
  });

  it('3: "¿qué necesitábamos?" and the past tense in fr, de and ar recall the needs said, in the second person', async () => {
    const es = conversation({ locale: 'es' });
    await es.say('hola, somos 25 personas y necesitamos SSO e integrar con Salesforce');
    for (const question of ['¿qué necesitábamos?', '¿qué te dije que necesitábamos?', 'y ¿qué era lo que necesitábamos?']) {
      const recall = await es.say(question);
      expect(recall.text).not.toMatch(UNSURE);
      expect(recall.text).toContain('Me dijo que **necesitan SSO e integrar con Salesforce**.');
    }
    for (const [locale, need, question, said] of [
      ['fr', 'nous sommes 25 et nous avons besoin du SSO', 'de quoi avions-nous besoin déjà ?', 'Vous m’avez dit que **vous avez besoin du SSO**.'],
      ['de', 'wir sind 25 und brauchen SSO', 'was brauchten wir nochmal?', 'Sie haben mir gesagt, **Sie brauchen SSO**.'],
      ['ar', 'نحن 25 موظف ونحتاج تسجيل دخول موحد SSO', 'ماذا كنا نحتاج؟', 'ذكرت لي أنكم **تحتاجون تسجيل دخول موحد SSO**.'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(need);
      const recall = await chat.say(question);
      expect(recall.text).not.toMatch(UNSURE);
      expect(recall.text).toContain(said);
    }
  });

  it('4: "mejor el martes", "lieber Dienstag", "plutôt mardi" said on a Monday move the demo to the next day, never today', async () => {
    for (const [locale, zone, ask, email, instead] of [
      ['es', 'Europe/Madrid', 'quiero agendar una demo el jueves a las 11', 'ana@acme.es', 'mejor el martes'],
      ['de', 'Europe/Berlin', 'ich möchte eine Demo am Donnerstag um 11 buchen', 'jonas@firma.de', 'lieber Dienstag'],
      ['fr', 'Europe/Paris', 'je voudrais réserver une démo jeudi à 11h', 'marie@societe.fr', 'plutôt mardi'],
    ] as const) {
      const chat = conversation({ locale, visitorTimeZone: zone, now: MONDAY });
      await chat.say(ask);
      expect(booked(await chat.say(email))?.start).toBe('2026-11-26T10:00:00.000Z');
      expect(booked(await chat.say(instead))?.start).toBe('2026-11-24T10:00:00.000Z');
      // Said on a Tuesday after 11:00, it is the next week's Tuesday.
      const tuesday = conversation({ locale, visitorTimeZone: zone });
      await tuesday.say(ask);
      await tuesday.say(email);
      expect(booked(await tuesday.say(instead))?.start).toBe('2026-12-01T10:00:00.000Z');
    }
  });

  it('5: the company as an item of a list after the name is kept, and not asked for again', async () => {
    expect(values('ich heiße Max Huber, Firma Kleinbau GmbH')).toMatchObject({ name: 'Max Huber', company: 'Kleinbau GmbH' });
    expect(values('me llamo Andrés Gómez, andres@fundacionluz.org, de Fundación Luz')).toMatchObject({ name: 'Andrés Gómez', company: 'Fundación Luz' });
    expect(values("je m'appelle Claire Dubois, société Atelier Lumière")).toMatchObject({ company: 'Atelier Lumière' });
    // (A town after "de" is no company.)
    expect(values('soy Ana, somos 20, de Sevilla').company).toBeUndefined();
    expect(values('me llamo Ana, de Madrid, somos 20').company).toBeUndefined();

    const chat = conversation({ locale: 'de', visitorTimeZone: 'Europe/Vienna' });
    await chat.say('wir sind 5');
    await chat.say('ok, ich will einen Termin nächste Woche Dienstag um 15 Uhr');
    await chat.say('max@kleinbau.at');
    const named = await chat.say('ich heiße Max Huber, Firma Kleinbau GmbH');
    expect(named.session.state.lead.fields.company?.value).toBe('Kleinbau GmbH');
    expect(named.text).not.toMatch(/Für welches Unternehmen/);

    const es = conversation({ locale: 'es', visitorTimeZone: 'America/Bogota' });
    await es.say('somos 8');
    await es.say('¿puedo agendar una llamada el viernes a las 9?');
    const given = await es.say('me llamo Andrés Gómez, andres@fundacionluz.org, de Fundación Luz');
    expect(given.session.state.lead.fields.company?.value).toBe('Fundación Luz');
    expect(given.text).not.toMatch(/¿En qué empresa trabaja\?/);
  });

  it('6: "was hast du mir empfohlen?", "¿qué me recomendaste?", "qu\'est-ce que vous m\'avez recommandé ?", "ماذا نصحتني؟" give the plan again', async () => {
    for (const [locale, team, question, plan] of [
      ['de', 'wir sind 5', 'was hast du mir empfohlen?', 'starter'],
      ['es', 'somos 30', '¿qué me recomendaste?', 'pro'],
      ['fr', 'nous sommes 30', "qu'est-ce que vous m'avez recommandé ?", 'pro'],
      ['ar', 'نحن 30 موظف', 'ماذا نصحتني؟', 'pro'],
    ] as const) {
      const chat = conversation({ locale });
      await chat.say(team);
      const again = await chat.say(question);
      expect(again.text).not.toMatch(UNSURE);
      expect(priced(again.tools)).toContain(plan);
    }
  });
});
