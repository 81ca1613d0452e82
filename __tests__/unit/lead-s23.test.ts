/** @jest-environment node */
// Session 23, the lead record: what is not a need stays out of `need`, someone else deciding is recorded, a first name
// said before the role is no company, and names, needs and corrections in conversations held in four languages.
import { extractLeadFacts } from '@/lib/sales/lead';
import { conversation, hold, lead, values } from '../support/offline-agent';

/** What one message gives when the agent had just asked for `asked`: field → value. */
const answered = (text: string, asked: Parameters<typeof extractLeadFacts>[0]['askedField']) =>
  Object.fromEntries(Object.entries(extractLeadFacts({ text, askedField: asked, messageId: 'm', now: 0, ownNames: ['Northwind Cloud'] })).map(([field, fact]) => [field, fact?.value]));

describe('lead record, session 23', () => {
  it.each([
    'your competitors are cheaper',
    'we do about 3000 runs a month',
    'usamos Trello y Slack',
    'wir nutzen Asana',
    "on utilise Notion aujourd'hui",
    "we're using Jira",
  ])('"%s" after "what are you hoping to solve?" is no need', (text) => {
    expect(answered(text, 'need')).not.toHaveProperty('need');
  });

  it('a need said beside the tools in use is still the need', () => {
    expect(answered('we use Trello but tasks keep slipping', 'need').need).toBe('tasks keep slipping');
    expect(answered('better reporting for our clients', 'need').need).toBe('better reporting for our clients');
  });

  it('usage per month is no head count, even when the team size was asked', () => {
    expect(answered('we do about 3000 runs a month', 'teamSize')).not.toHaveProperty('teamSize');
    expect(answered('about 40', 'teamSize').teamSize).toBe(40);
  });

  it('in a conversation, the objection, the usage and the tools leave the need empty; the tools are kept as tools', async () => {
    const [, objection, usage] = await hold('en', ['hi', 'your competitors are cheaper', 'we do about 3000 runs a month']);
    expect(lead(objection!)).not.toHaveProperty('need');
    expect(lead(usage!)).not.toHaveProperty('need');
    expect(lead(usage!)).not.toHaveProperty('teamSize');
    const [, tools] = await hold('es', ['hola', 'usamos Trello y Slack'], 'Europe/Madrid');
    expect(lead(tools!)).not.toHaveProperty('need');
    expect(tools!.session.state.tools?.map((tool) => tool.name)).toEqual(expect.arrayContaining(['Trello', 'Slack']));
    const [, asana] = await hold('de', ['hallo', 'wir nutzen Asana'], 'Europe/Berlin');
    expect(lead(asana!)).not.toHaveProperty('need');
  });

  it.each([
    'la decisión la toma mi jefe',
    'la decisión es de mi jefa',
    'my boss makes the decision',
    'my manager makes the decisions',
    "it's up to my boss",
    'mein Chef entscheidet',
    'die Entscheidung trifft mein Chef',
    'die Entscheidung liegt bei meiner Chefin',
    "c'est mon patron qui décide",
    'la décision revient à mon patron',
    'mon chef prend la décision',
  ])('"%s": someone else decides', (text) => {
    expect(values(text).authority).toBe('needs approval');
  });

  it('"la decisión la toma mi jefe" is stored in a Spanish conversation', async () => {
    const [, said] = await hold('es', ['hola', 'la decisión la toma mi jefe'], 'Europe/Madrid');
    expect(lead(said!).authority).toBe('needs approval');
  });

  it('"Sarah, I\'m head of IT": Sarah is the name, not the company; "Globex, I\'m head of IT" stays a company', async () => {
    expect(values("Sarah, I'm head of IT")).toMatchObject({ name: 'Sarah', role: 'head of IT' });
    expect(values("Sarah, I'm head of IT")).not.toHaveProperty('company');
    expect(values("Sarah Connor, I'm head of IT")).not.toHaveProperty('company');
    expect(values("Globex, I'm head of IT")).toMatchObject({ company: 'Globex', role: 'head of IT' });
    expect(values("Victor Logistics, I'm the CTO")).toMatchObject({ company: 'Victor Logistics' });
    const { say } = conversation();
    await say('hi');
    const reply = await say("Sarah, I'm head of IT");
    expect(lead(reply)).toMatchObject({ name: 'Sarah', role: 'head of IT' });
    expect(lead(reply)).not.toHaveProperty('company');
  });
});

describe('lead record, session 23: conversations held', () => {
  it('"nous avons besoin d\'automatiser…" keeps the elision: no space after "d\'"', () => {
    expect(values("nous avons besoin d'automatiser nos rapports clients").need).toBe("nous avons besoin d'automatiser nos rapports clients");
    expect(values("j'ai besoin d'un outil pour suivre les projets").need).toBe("j'ai besoin d'un outil pour suivre les projets");
  });

  it('a first name before "je suis / soy / ich bin <role>", or before "hier / ici", is the name', () => {
    expect(values('Julien, je suis gérant de Boulangerie Marceau')).toMatchObject({ name: 'Julien', role: 'gérant' });
    expect(values('Lucía, soy directora de operaciones')).toMatchObject({ name: 'Lucía', role: 'directora de operaciones' });
    expect(values('Sarah, ich bin Leiterin IT')).toMatchObject({ name: 'Sarah', role: 'Leiterin IT' });
    expect(values('Katrin hier, Leiterin IT bei Alpenwerk AG')).toMatchObject({ name: 'Katrin', role: 'Leiterin IT', company: 'Alpenwerk AG' });
    expect(values('Julien ici')).toMatchObject({ name: 'Julien' });
    // A company said first still is one; a greeting never is; "hier" as "yesterday" names no one.
    expect(values('Globex, je suis le DSI')).toMatchObject({ company: 'Globex', role: 'DSI' });
    for (const text of ['Bonjour, je suis directeur commercial', 'Hola, soy directora de operaciones', 'Hallo, ich bin Leiterin IT']) {
      expect(values(text)).not.toHaveProperty('company');
      expect(values(text)).not.toHaveProperty('name');
    }
    expect(values("J'ai appelé hier")).not.toHaveProperty('name');
  });

  it('"Priya, head of operations", "Claire Martin, DSI chez …": a name, a comma and a role keep the name', () => {
    expect(values('Priya, head of operations')).toMatchObject({ name: 'Priya', role: 'head of operations' });
    expect(values('Claire Martin, DSI chez Groupe Vauban')).toMatchObject({ name: 'Claire Martin', role: 'DSI', company: 'Groupe Vauban' });
    expect(values('Globex, head of IT')).not.toHaveProperty('name');
    expect(values('Sarah, what does Pro cost?')).not.toHaveProperty('name');
  });

  it('"company\'s Meridian Health" gives the company', () => {
    expect(values("company's Meridian Health").company).toBe('Meridian Health');
  });

  it('"brauchen SSO und Audit-Logs" without the "wir" is the need, said as a statement', () => {
    expect(values('brauchen SSO und Audit-Logs').need).toBe('brauchen SSO und Audit-Logs');
    expect(values('brauchen wir nicht')).not.toHaveProperty('need');
  });

  it('a German conversation keeps the name said with "hier", the SSO need and who decides', async () => {
    const replies = await hold('de', ['Servus', 'Katrin hier, Leiterin IT bei Alpenwerk AG', 'wir sind so um die 120 Mitarbeiter', 'brauchen SSO und Audit-Logs', 'das entscheidet der Vorstand'], 'Europe/Vienna');
    expect(lead(replies.at(-1)!)).toMatchObject({ name: 'Katrin', company: 'Alpenwerk AG', role: 'Leiterin IT', teamSize: 120, need: 'brauchen SSO und Audit-Logs', authority: 'needs approval' });
  });
});
