import { extractLeadFacts } from '@/lib/sales/lead';

/** Introductions without "I'm": "Maria Lopez from Acme Logistics, team of 25, next quarter". */
const facts = (text: string) =>
  Object.fromEntries(Object.entries(extractLeadFacts({ text, now: 0, ownNames: ['Northwind Cloud', 'Pro', 'Starter', 'Growth', 'Enterprise'] })).map(([field, fact]) => [field, fact?.value]));

describe('introductions without "I\'m"', () => {
  it.each([
    ['Maria Lopez from Acme Logistics, team of 25, next quarter', { name: 'Maria Lopez', company: 'Acme Logistics', teamSize: 25, timeline: 'next quarter' }],
    ['This is Maria Lopez from Acme', { name: 'Maria Lopez', company: 'Acme' }],
    ['Maria Lopez, Acme Logistics, 25 people', { name: 'Maria Lopez', company: 'Acme Logistics', teamSize: 25 }],
    ['maria lopez from acme logistics, team of 25', { teamSize: 25 }],
    ['Hi, Tom Baker from Initech here. We need it by next month', { name: 'Tom Baker', company: 'Initech' }],
  ])('%s', (text, expected) => {
    expect(facts(text)).toMatchObject(expected);
  });

  it.each([
    'Pricing from HubSpot',
    'Migrating from Jira to you, is that hard?',
    'Moving from Asana next quarter',
    'Reports from Salesforce, 25 people',
    'Data from Google Sheets',
    'Pro plan, Starter plan, which one?',
    'Monday, Tuesday, 25 people',
  ])('no false name or company in "%s"', (text) => {
    const found = facts(text);
    expect(found.name).toBeUndefined();
    if (!/\bfrom\b/i.test(text)) expect(found.company).toBeUndefined();
    else expect(found.company ?? '').not.toMatch(/HubSpot|Jira|Asana|Salesforce|Google/);
  });
});

describe('the offline agent, told "Maria Lopez from Acme Logistics, team of 25, next quarter"', () => {
  it('keeps all four facts, acknowledges them, and recalls the team size later', async () => {
    const { ask, assistantMessage, userMessage } = await import('../support/offline-agent');
    const intro = 'Maria Lopez from Acme Logistics, team of 25, next quarter';
    const first = await ask(intro);
    const fields = first.session.state.lead.fields;
    expect(fields.name?.value).toBe('Maria Lopez');
    expect(fields.company?.value).toBe('Acme Logistics');
    expect(fields.teamSize?.value).toBe(25);
    expect(fields.timeline?.value).toMatch(/next quarter/i);
    expect(first.text).toMatch(/next quarter/i);
    expect(first.text).not.toMatch(/which company|what's your name|how many people/i);
    const recall = await ask('What did I say my team size was?', {
      history: [userMessage(intro), assistantMessage(first.text)],
      state: first.session.state,
    });
    expect(recall.text).toMatch(/25/);
  });
});
