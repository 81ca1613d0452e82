/** @jest-environment node */
// A ten-turn conversation of a marketing agency's head of ops (session 22): a budget said as "we budgeted around 15k a
// year" and an integration asked about as "what integrations do you have with figma?".
import { conversation, values } from '../support/offline-agent';

describe('offline agent, session 22', () => {
  it('reads "we budgeted …" as the budget, and sets the quote just given beside it', async () => {
    expect(values('we budgeted around 15k a year')).toMatchObject({ budget: 'around 15k a year' });
    expect(values("we've set aside $500 a month for this")).toMatchObject({ budget: '$500 a month' });
    expect(values('hemos presupuestado unos 300 dólares al mes')).toMatchObject({ budget: 'unos 300 dólares al mes' });
    // A count of people is still no money.
    expect(values('we budgeted for 20 seats')).not.toHaveProperty('budget');

    const { say } = conversation({ visitorTimeZone: 'America/Chicago' });
    await say("we're a 35 person marketing agency, we'd need SSO for sure");
    const quote = await say('ok so business for 35, how much annually?');
    expect(quote.text).toContain('$17,220 a year');
    const over = await say("that's a bit more than we hoped, we budgeted around 15k a year");
    expect(over.session.state.lead.fields.budget?.value).toBe('around 15k a year');
    expect(over.text).toContain('above the budget you mentioned (**around 15k a year**)');
    expect(over.text).not.toContain('Thanks, that helps');
  });

  it('says a tool it does not list is not listed, however the question is put, and a team is no tool', async () => {
    const { say, reset } = conversation();
    for (const [question, tool] of [
      ['what integrations do you have with figma?', 'Figma'],
      ['does it work with Airtable?', 'Airtable'],
      ['do you play nice with Linear?', 'Linear'],
      ['Do you have any integrations with Notion?', 'Notion'],
    ] as const) {
      reset();
      const reply = await say(question);
      expect(reply.text).toContain(`**${tool}** isn't among the integrations we list`);
    }
    reset();
    // A tool we list is the integrations answer, with no "not listed".
    expect((await say('Do you have integrations with Salesforce?')).text).not.toContain("isn't among the integrations");
    reset();
    const team = await say('we work with 30 people');
    expect(team.text).not.toContain("isn't among the integrations");
    expect(team.session.state.lead.fields.teamSize?.value).toBe(30);
  });
});

describe('offline agent, session 22: nothing the catalogue does not say', () => {
  it.each([
    ['en', 'we use github and slack'],
    ['es', 'usamos github y slack'],
    ['fr', 'on utilise github et slack'],
    ['de', 'wir nutzen github und slack'],
    ['ar', 'نستخدم github و slack'],
  ] as const)('%s: a stack they name is connected, with no two-way sync claimed', async (locale, text) => {
    const { say } = conversation({ locale });
    const reply = await say(text);
    expect(reply.text).toMatch(/GitHub|Slack/);
    expect(reply.text).not.toMatch(/both ways|se sincronizan|beide Richtungen|deux sens|الاتجاهين/);
  });
});
