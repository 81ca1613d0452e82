/** @jest-environment node */
// Session 23, round 3: a group of the team re-quoted alone, "is Business enough?" checked need by need, something to
// share with the CFO, a booked meeting checked (not booked again), and a time that is neither a team size nor a need.
import { extractLeadFacts } from '@/lib/sales/lead/extract';
import { bookInput, conversation, kb, lead, talk } from '../support/offline-agent';

describe('offline agent, session 23 round 3', () => {
  it('"what about just the engineers?" after "80 engineers and 20 sales": the team is 100, the engineers 80', async () => {
    const { say } = conversation();
    const first = await say("we're 80 engineers and 20 sales");
    expect(lead(first).teamSize).toBe(100);
    expect(first.text).toContain('for 100 seats');
    const reply = await say('What about just the engineers?');
    expect(reply.text).toContain('**Pro** for 80 seats');
    expect(reply.text).toContain('**$2,320 a month**');
    expect(reply.text).not.toContain("I don't have a confirmed answer");
    expect(reply.tools.map((call) => call.input)).toContainEqual(expect.objectContaining({ plan: 'pro', seats: 80 }));
    expect((await say('and just sales?')).text).toContain('**Pro** for 20 seats');
    // The team on record stays the whole team.
    expect(lead(reply).teamSize).toBe(100);
  });

  it('"what about just the engineers?" after "80 people in engineering and 20 in sales"', async () => {
    const { say } = conversation();
    await say('we have 80 people in engineering and 20 in sales');
    expect((await say('what about just the engineers?')).text).toContain('for 80 seats');
  });

  it('"Is Business enough or do we need Enterprise?": each stated need checked against Business, SCIM is Enterprise\'s', async () => {
    const { say } = conversation();
    await say('we have 80 people in engineering and 20 in sales');
    await say('we need SAML SSO, SCIM and EU data residency');
    await say('how much for everyone?');
    const reply = await say('Is Business enough or do we need Enterprise?');
    expect(reply.text).toContain("Here's how **Business** measures up");
    expect(reply.text).toContain('**SCIM**: not on **Business**; it comes with **Enterprise**');
    expect(reply.text).toContain('**EU data**: yes');
    expect(reply.text).not.toContain('As I mentioned, **Enterprise** has custom pricing');
    expect(reply.text).toContain('**Enterprise** covers all of it');
    expect(reply.tools.map((call) => call.input)).toEqual([{ plan: 'enterprise', seats: 100, billing: 'monthly' }]);
    // In Spanish and German too, need by need.
    const es = await talk('es', 'Europe/Madrid', ['somos 80 personas', 'necesitamos SSO, SCIM y que los datos estén en Europa', '¿Business es suficiente o necesitamos Enterprise?']);
    expect(es.at(-1)?.text).toContain('**SCIM**: no está en **Business**; viene con **Enterprise**');
    expect(es.at(-1)?.text).toContain('**SSO**: sí');
    const de = await talk('de', 'Europe/Berlin', ['wir sind 60 Leute', 'wir brauchen SSO', 'Reicht Business oder brauchen wir Enterprise?']);
    expect(de.at(-1)?.text).toContain('Ja: **Business** deckt alles ab');
  });

  it('"Is Business enough?" with needs Business covers: yes, and no Enterprise pitch', async () => {
    const { say } = conversation();
    await say('we are 40 engineers');
    await say('we need SSO and EU data residency');
    const reply = await say('Is Business enough or do we need Enterprise?');
    expect(reply.text).toContain("Yes: **Business** covers everything you've told me you need.");
    expect(reply.text).toContain('**SSO**: yes');
    expect(reply.text).not.toContain('custom pricing');
    // No need stated at all: the team is what there is to check.
    const { say: other } = conversation();
    await other('we are 60 engineers');
    expect((await other('Is Business enough or do we need Enterprise?')).text).toContain('**60 seats**: yes');
  });

  it('"something to share with my CFO": a summary of the plan and price to copy, a written quote offered, no PDF', async () => {
    const { say } = conversation();
    await say('hi, we are 40 engineers');
    await say('how much?');
    const reply = await say('Can you send me something to share with my CFO?');
    expect(reply.text).toContain("I can't send files or e-mails from here");
    expect(reply.text).toContain('share with your CFO');
    expect(reply.text).toContain('**Pro** for 40 seats, billed monthly');
    expect(reply.text).toContain('**$11,520 a year**');
    expect(reply.text).not.toContain('As I mentioned');
    expect(reply.text).not.toMatch(/\bPDF\b|attached|I'll send/i);
    expect(reply.text).toContain('would you like me to pass your request to them?');
    expect(reply.text).not.toContain("I don't have a confirmed answer");
    // "Yes please" hands over to the sales team for the written quote.
    expect((await say('yes please')).tools.map((call) => call.toolName)).toContain('request_human');
    const [, es] = await talk('es', 'Europe/Madrid', ['somos 40 personas', '¿me puede enviar algo para compartir con mi jefe?']);
    expect(es?.text).toContain('compartirlo con su jefe');
    expect(es?.text).toContain('**Pro** para 40 usuarios');
  });

  it('"Tomorrow 4pm still works?" with that meeting booked: confirmed, never booked again', async () => {
    const { say } = conversation({ visitorTimeZone: 'America/New_York' });
    await say('hi, we are 40 engineers');
    await say('book a demo tomorrow 4pm');
    expect(bookInput(await say('jo@acme.com'))).toMatchObject({ email: 'jo@acme.com' });
    const reply = await say('Tomorrow 4pm still works?');
    expect(reply.tools).toEqual([]);
    expect(reply.text).toContain('Yes — your demo is on **Wed, Nov 25, 4:00 PM (America/New_York)**');
    expect(reply.text).not.toContain("You're booked");
    // Another time asked is still a move.
    expect(bookInput(await say('can we do Thursday 4pm instead?'))).toBeDefined();
    const [, , , es] = await talk('es', 'Europe/Madrid', ['somos 40', 'reservar una demo mañana a las 16:00', 'jo@acme.com', '¿mañana a las 16:00 sigue en pie?']);
    expect(es?.tools).toEqual([]);
    const [, , , de] = await talk('de', 'Europe/Berlin', ['wir sind 40', 'Demo morgen um 16 Uhr buchen', 'jo@acme.com', 'morgen um 16 Uhr passt noch?']);
    expect(de?.tools).toEqual([]);
  });

  it('a time said is neither a team size nor a need', async () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    const asked = extractLeadFacts({ text: 'tomorrow 3pm works for me', askedField: 'teamSize', now, kb });
    expect(asked.teamSize).toBeUndefined();
    expect(extractLeadFacts({ text: 'mañana a las 15:00 me va bien', askedField: 'need', now, kb }).need).toBeUndefined();
    expect(extractLeadFacts({ text: 'mañana a las 15:00 me va bien', now, kb }).need).toBeUndefined();
    expect(extractLeadFacts({ text: 'morgen um 15 Uhr passt mir gut', askedField: 'teamSize', now, kb }).teamSize).toBeUndefined();
    // A count is still a count, and a need with a day in it still a need.
    expect(extractLeadFacts({ text: 'about 30 people', askedField: 'teamSize', now, kb }).teamSize?.value).toBe(30);
    expect(extractLeadFacts({ text: 'we need something that works by Monday', now, kb }).need).toBeDefined();
    const [, es] = await talk('es', 'Europe/Madrid', ['hola', 'mañana a las 15:00 me va bien']);
    expect(lead(es ?? { session: { state: { lead: { fields: {} } } } }).need).toBeUndefined();
  });
});

describe('offline agent, session 23 round 3: long conversations', () => {
  it('"SOC 2 compliant? what about HIPAA?": the FAQ for SOC 2, and HIPAA said to be unconfirmed, not passed over', async () => {
    const { say } = conversation();
    await say('we are 55 people');
    const reply = await say('are you SOC 2 compliant? what about HIPAA?');
    expect(reply.text).toContain('SOC 2 Type II');
    expect(reply.text).toContain("HIPAA isn't among the certifications and standards I can confirm");
    const [es] = await talk('es', 'Europe/Madrid', ['¿cumplen con SOC 2 e HIPAA?']);
    expect(es?.text).toContain('HIPAA no está entre las certificaciones');
    // A standard the FAQ names, asked alone, is the FAQ's answer only.
    expect((await conversation().say('are you SOC 2 compliant?')).text).not.toContain("isn't among the certifications");
  });

  it('"Datenhaltung in der EU", "EU hosting": data residency, answered by its FAQ and checked in "is Business enough?"', async () => {
    const de = await talk('de', 'Europe/Berlin', ['wir sind 70 Leute', 'Wir brauchen SSO mit Entra ID und Datenhaltung in der EU', 'Reicht Business oder brauchen wir Enterprise?']);
    expect(de[1]?.text).toContain('EU-Region (Frankfurt)');
    expect(de[2]?.text).toContain('**Datenhaltung in der EU**: ja');
    const { say } = conversation();
    await say('we are 70 people');
    expect((await say('we need SSO and EU hosting')).text).toContain('EU region (Frankfurt)');
    expect((await say('is Business enough?')).text).toContain('**EU hosting**: yes');
  });

  it('"¿Business es suficiente?" in Spanish: need by need, never Enterprise priced for fewer seats than it starts at', async () => {
    const es = await talk('es', 'Europe/Madrid', ['somos 30 personas en la oficina y 12 en almacén', 'necesitamos SSO con Azure AD y que los datos estén en Europa', '¿Business es suficiente o necesitamos Enterprise?']);
    expect(es.at(-1)?.text).toContain('Sí: **Business** cubre todo lo que me ha dicho que necesitan.');
    expect(es.at(-1)?.text).toContain('**42 usuarios**: sí');
    expect(es.at(-1)?.text).not.toContain('Para 42 usuarios');
  });

  it('"tomorrow 3pm works for me" with no meeting in talk offers that demo; a day without an hour does not', async () => {
    const { say } = conversation({ visitorTimeZone: 'America/New_York' });
    await say('hi');
    const asked = await say('tomorrow 3pm works for me');
    expect(asked.text).toContain('**tomorrow 3pm**');
    expect(asked.text).toContain("What's the best email for the invite?");
    expect(lead(asked).teamSize).toBeUndefined();
    expect(bookInput(await say('jo@acme.com'))).toMatchObject({ email: 'jo@acme.com', preferredTimes: ['tomorrow 3pm'] });
    const [, es] = await talk('es', 'Europe/Madrid', ['hola', 'mañana a las 15:00 me va bien']);
    expect(es?.text).toContain('**mañana a las 15:00**');
    const { say: other } = conversation();
    await other('we are 20 people');
    expect((await other('we want to go live tomorrow, works for me')).text).not.toContain('demo');
  });

  it('"we need SSO with Okta and audit logs": the SSO FAQ, and the audit log not passed over (the plan whose line has it)', async () => {
    const { say } = conversation();
    await say("we're about 55 people");
    const reply = await say('we need SSO with Okta and audit logs');
    expect(reply.text).toContain('SAML single sign-on with Okta');
    expect(reply.text).toContain('**Audit logs**: on **Business** and above (Audit log and advanced admin permissions).');
    const [es] = await talk('es', 'Europe/Madrid', ['necesitamos SSO y registro de auditoría']);
    expect(es?.text).toContain('**Registro de auditoría**: en **Business** y superiores');
  });
});
