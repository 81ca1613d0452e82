import { booked, hold, toolsOnRecord, UNSURE } from '../support/offline-agent';

/** QA pass s31: a tool stated in Arabic, where the data is kept, tools asked with "support", a date-only move. */

test('"نستخدم HubSpot" after a Pro price is their tool, recorded and acknowledged, not "yes, Pro includes"', async () => {
  for (const [locale, turns] of [
    ['ar', ['كم سعر الباقة الاحترافية؟', 'نستخدم HubSpot']],
    ['en', ['how much is Pro?', 'we use HubSpot']],
    ['es', ['¿cuánto cuesta Pro?', 'usamos HubSpot']],
  ] as const) {
    const reply = (await hold(locale, turns)).at(-1);
    expect(toolsOnRecord(reply)).toEqual(['HubSpot']);
    expect(reply?.text).not.toMatch(/نعم، تتضمن|^Yes|^Sí/u);
    expect(reply?.text).toMatch(/تتكامل Northwind Cloud مع HubSpot|connects with HubSpot|se conecta con HubSpot/);
  }
});

test.each([
  ['es', '¿dónde guardáis los datos?', /región de la UE \(Fráncfort\)/],
  ['es', '¿dónde se almacenan los datos?', /región de la UE \(Fráncfort\)/],
  ['es', '¿Dónde guarda usted los datos?', /región de la UE \(Fráncfort\)/],
  ['en', 'where do you store the data?', /EU region \(Frankfurt\)/],
  ['fr', 'où stockez-vous les données ?', /région UE \(Francfort\)/],
  ['de', 'wo speichert ihr die Daten?', /EU-Region \(Frankfurt\)/],
] as const)('%s "%s" gets the data-residency answer', async (locale, question, region) => {
  const [reply] = await hold(locale, [question]);
  expect(reply?.text).toMatch(region);
  expect(reply?.text).not.toMatch(UNSURE);
});

test.each([
  ['en', 'do you support Asana?', /\*\*Asana\*\* is a tool like ours, and it isn't among the integrations we list/],
  ['es', '¿soportáis Asana?', /\*\*Asana\*\* es una herramienta como la nuestra y no figura entre las integraciones/],
  ['fr', 'vous supportez Asana ?', /\*\*Asana\*\* est un outil comme le nôtre, et il ne fait pas partie des intégrations/],
  ['de', 'unterstützt ihr Asana?', /\*\*Asana\*\* ist ein Tool wie unseres und gehört nicht zu den Integrationen/],
  ['ar', 'هل تدعمون Asana؟', /\*\*Asana\*\* أداة مثل أداتنا، وليست ضمن التكاملات/],
] as const)('%s "%s" is an integration question, answered from the integrations list', async (locale, question, answer) => {
  const [reply] = await hold(locale, [question]);
  expect(reply?.text).toMatch(answer);
  expect(reply?.text).not.toMatch(/compares with|se compara|se compare|im Vergleich|مقارنة/);
});

test('"do you support Salesforce?" says which plans have it; "do you support SSO?" stays the SSO answer', async () => {
  const [salesforce, sso] = await hold('en', ['do you support Salesforce?', 'do you support SSO?']);
  expect(salesforce?.text).toMatch(/Salesforce comes with \*\*Pro\*\* and above/);
  expect(sso?.text).toMatch(/SAML single sign-on/);
});

test.each([
  ['en', ['do you support Asana?', 'what about Notion?'], /\*\*Notion\*\* isn't among the integrations we list/],
  ['es', ['¿soportáis Asana?', '¿y Notion?'], /\*\*Notion\*\* no figura entre las integraciones/],
  ['fr', ['vous supportez Asana ?', 'et Notion ?'], /\*\*Notion\*\* ne fait pas partie des intégrations/],
  ['de', ['unterstützt ihr Asana?', 'und Notion?'], /\*\*Notion\*\* gehört nicht zu den Integrationen/],
] as const)('%s: a tool asked after an integration question is answered from the list', async (locale, turns, answer) => {
  const reply = (await hold(locale, turns)).at(-1);
  expect(reply?.text).toMatch(answer);
  expect(reply?.text).not.toMatch(UNSURE);
});

test.each([
  ['en', 'book a demo for Dec 1 at 11:00, my email is a@b.com', 'move it to December 2nd', /Wed, Dec 2, 11:00 AM/],
  ['de', 'Demo am 1. Dezember um 11:00 buchen, meine E-Mail ist a@b.com', 'den 2. Dezember', /Mittwoch, 2\. Dezember, 11:00/],
  ['es', 'reservar una demo el 1 de diciembre a las 11:00, mi correo es a@b.com', 'mejor el 2 de diciembre', /miércoles, 2 de diciembre, 11:00/],
  ['fr', 'réserver une démo le 1er décembre à 11h00, mon e-mail est a@b.com', 'plutôt le 2 décembre', /mercredi 2 décembre, 11:00/],
  ['ar', 'أريد حجز عرض توضيحي يوم 1 ديسمبر الساعة 11:00، بريدي a@b.com', 'غيرها إلى 2 ديسمبر', /الأربعاء، 2 ديسمبر، 11:00/],
] as const)('%s: a date-only move keeps the booked time', async (locale, booking, move, label) => {
  const [, moved] = await hold(locale, [booking, move]);
  expect(booked(moved)?.start).toBe('2026-12-02T11:00:00.000Z');
  expect(moved?.text).toMatch(label);
});

test('a move with its own time takes that time', async () => {
  const [, moved] = await hold('en', ['book a demo for Dec 1 at 11:00, my email is a@b.com', 'move it to December 2nd at 3pm']);
  expect(booked(moved)?.start).toBe('2026-12-02T15:00:00.000Z');
});
