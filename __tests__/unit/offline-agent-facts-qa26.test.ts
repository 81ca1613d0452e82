/** @jest-environment node */
// QA round 26 (bugs 9, 11, 13, 14, 17, 18 and 20): facts, hand-offs, objections, budgets, identity and small talk.
// (The support helper's clock: Tue 24 Nov 2026, 12:00 UTC.)
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { conversation } from '../support/offline-agent';

const kb = getKnowledgeBase();
const objection = (id: string) => {
  const found = kb.objections.find((entry) => entry.id === id);
  if (!found) throw new Error(`no objection ${id}`);
  return found.answer.split(/(?<=[.!?])\s/)[0] ?? found.answer;
};
const faq = (id: string) => {
  const found = kb.faqs.find((entry) => entry.id === id);
  if (!found) throw new Error(`no faq ${id}`);
  return found.answer;
};
type Tools = { toolName: string; input: unknown }[];
const called = (tools: Tools) => tools.map((tool) => tool.toolName);
const UNSURE = "I don't have a confirmed answer";

describe('offline agent: QA round 26 facts, objections and small talk', () => {
  it('9: "does business have SCIM?" is a no (Enterprise only); "including backups?" after residency is a yes', async () => {
    const chat = conversation();
    const scim = await chat.say('does business have SCIM?');
    expect(scim.text).not.toMatch(/^Yes\b/u);
    expect(scim.text).toContain('Not on **Business**');
    expect(scim.text).toContain('**Enterprise**');
    expect(scim.text).toContain('SCIM');

    await chat.say('where is data stored?');
    const backups = await chat.say('including backups?');
    expect(backups.text).not.toContain(UNSURE);
    expect(backups.text).toContain('including backups');
  });

  it('9: volunteers who only look at boards are free view-only guests; "what would we lose vs enterprise?" compares the plans', async () => {
    const nonprofit = conversation({ visitorTimeZone: 'Australia/Sydney' });
    await nonprofit.say("we're a non-profit, about 18 staff and 40 volunteers");
    const guests = await nonprofit.say('do the volunteers need seats? they only need to look at boards');
    expect(guests.text).toContain('guests (view-only collaborators on Pro and above) are free');
    expect(faq('billing')).toContain('guests (view-only collaborators on Pro and above) are free');
    expect(guests.text).not.toContain('Unlimited projects and boards');

    const large = conversation();
    await large.say("we're 300 people, looking at business");
    const lose = await large.say('what would we lose vs enterprise?');
    expect(lose.text).not.toContain('Asana');
    expect(lose.text).toContain('**Enterprise**');
    expect(lose.text).toContain('SCIM user provisioning');
    expect(lose.text).toContain('99.95% uptime SLA');
  });

  it('11: "please have someone from security contact me" hands off to a person', async () => {
    const chat = conversation();
    await chat.say('m@alpine.de');
    const handoff = await chat.say('please have someone from security contact me');
    expect(called(handoff.tools)).toContain('request_human');
    expect(handoff.text).not.toContain('Thanks, that helps');
  });

  it('13: no objection in a procurement introduction; Asana is the expensive one; "why would we switch?" is about the tool they use', async () => {
    const chat = conversation();
    const intro = await chat.say("Hi, I'm in procurement at Meridian Health Partners.");
    expect(intro.text).not.toContain(objection('need-approval'));
    expect(intro.text).toContain('Meridian Health Partners');

    const asana = await chat.say("we're moving off Asana, it's gotten too expensive");
    expect(asana.text).not.toContain(objection('too-expensive'));
    expect(asana.text).toContain("I can't speak to **Asana**'s current prices");

    const why = await chat.say("we're on Asana right now. why would we switch?");
    expect(why.text).not.toContain(objection('no-time'));
    expect(why.text).toContain(objection('already-use-competitor'));
  });

  it('14: a budget in euros is not compared with a dollar quote, and says so; "$40/seat max" is set beside the per-seat price', async () => {
    const de = conversation({ locale: 'de', visitorTimeZone: 'Europe/Berlin' });
    await de.say('wir sind 28');
    const euros = await de.say('Unser Budget: maximal 12.000 Euro im Jahr');
    expect(euros.text).toContain('Budget notiert');
    expect(euros.text).toContain('Unsere Preise gibt es nur in USD');
    expect(euros.text).toContain('**Pro** für 28 Nutzer');

    const es = conversation({ locale: 'es', visitorTimeZone: 'Europe/Madrid' });
    await es.say('somos 12, cuanto cuesta pro?');
    const tope = await es.say('nuestro tope son 3000 euros al año');
    expect(tope.text).toContain('Nuestros precios están solo en USD');
    expect(tope.text).toContain('348\u00a0US$');

    const en = conversation();
    await en.say("we're 35 people, need SSO");
    const seat = await en.say('$40/seat max');
    expect(seat.text).toContain('above the budget you mentioned (**$40/seat**)');
  });

  it('17: "who are you exactly, a bot?" is answered as an AI', async () => {
    const { text } = await conversation().say('who are you exactly, a bot?');
    expect(text).toContain('an AI, not a person');
    expect(text).not.toContain(UNSURE);
  });

  it('18: greetings, fillers, thanks and goodbyes get a greeting, the next question, a thank-you or a goodbye', async () => {
    const es = conversation({ locale: 'es', visitorTimeZone: 'Europe/Madrid' });
    const hola = await es.say('Hola, buenas tardes');
    expect(hola.text).toMatch(/^¡Hola!/u);
    expect(hola.text).not.toContain('Gracias, me sirve');
    const mmm = await es.say('mmm');
    expect(mmm.text).not.toContain('Gracias, me sirve');
    const chao = await es.say('gracias, chao');
    expect(chao.text).toContain('Gracias por su tiempo');
    expect(chao.text).not.toContain('¿Le ayudo con algo más');

    const en = conversation();
    await en.say('hi');
    for (const filler of ['hmm', 'sure', 'hmm ok']) {
      const { text } = await en.say(filler);
      expect(text).not.toContain('Thanks, that helps');
    }
    const ok = await en.say('ok');
    expect(ok.text).not.toContain('What can I help you with today?');
    const thanks = await en.say('great, thanks for your help');
    expect(thanks.text).toContain("You're welcome!");
    const out = await en.say('cheers Tom out');
    expect(out.text).toContain('Thanks for your time');
    expect(out.text).not.toContain('Is there anything else I can help you with');
  });

  it('20: "what happens when the trial ends?" says what happens at the end', async () => {
    const chat = conversation();
    await chat.say('is there a free trial?');
    const { text } = await chat.say('what happens when the trial ends?');
    expect(text).toContain('you pick a plan or your workspace pauses; nothing is charged automatically');
    expect(faq('trial')).toContain('you pick a plan or your workspace pauses; nothing is charged automatically');
  });
});
