/** @jest-environment node */
// QA round 26: what the offline agent remembers about the prospect (bugs 10, 12, 15, 16, 19), and reads back.
import { fieldsAskedIn } from '@/lib/sales/asked-questions';
import { hold, lead, values } from '../support/offline-agent';

describe('offline agent memory: QA round 26', () => {
  it('10: the team size is the paid team, now', async () => {
    // Volunteers beside the staff are not the seats; alone, they are the team.
    expect(values("we're a non-profit, about 18 staff and 40 volunteers").teamSize).toBe(18);
    expect(values('we have 40 volunteers').teamSize).toBe(40);
    // Working alone is a team of one; a question about the minimum and a hire to come change nothing.
    expect(values('just me, solo founder').teamSize).toBe(1);
    expect(values('wait, I have to pay for 3 seats?').teamSize).toBeUndefined();
    expect(values('I might hire 2 people next year').teamSize).toBeUndefined();
    expect(values('If we hire up to 50 people').teamSize).toBe(50);
    const [, , minimum, hire, count] = await hold('en', ['just me, solo founder', 'how much is pro for just me?', 'wait, I have to pay for 3 seats?', 'I might hire 2 people next year', 'how many people are we?']);
    expect(minimum && lead(minimum).teamSize).toBe(1);
    expect(hire && lead(hire)).toMatchObject({ teamSize: 1 });
    expect(hire && lead(hire).need).toBeUndefined();
    expect(count?.text).toContain('**1**');
    // "For 25" after the price list: the seats to price, remembered.
    const [, priced, said] = await hold('en', ['pricing?', 'for 25', 'how many people did I say?']);
    expect(priced && lead(priced).teamSize).toBe(25);
    expect(priced?.text).not.toContain('How many people');
    expect(said?.text).toContain('**25**');
  });

  it('12: a role is no name, and roles and companies said in passing are kept', async () => {
    const [admin, name] = await hold('en', ['Hi, IT admin here. I have some security questions.', "what's my name?"]);
    expect(admin?.text).not.toContain('Nice to meet you, IT');
    expect(admin && lead(admin)).toEqual({ role: 'IT admin' });
    expect(name?.text).not.toContain('**IT**');
    const [, role] = await hold('en', ['Hi! I run ops at a creative agency', "what's my role?"]);
    expect(role?.text).toContain('**Head of ops**');
    expect(values("Hello. I'm Daniel Okafor, VP Operations at Continental Freight Systems.")).toMatchObject({ role: 'VP Operations', company: 'Continental Freight Systems' });
    expect(values("Hi, I'm in procurement at Meridian Health Partners. Evaluating on behalf of our PMO.")).toMatchObject({
      role: 'procurement',
      company: 'Meridian Health Partners',
      authority: 'needs approval',
    });
    expect(values('Ich bin Stefan Braun, Leiter IT bei Braun Maschinenbau GmbH')).toMatchObject({ name: 'Stefan Braun', role: 'Leiter IT', company: 'Braun Maschinenbau GmbH' });
    const [lucia, empresa] = await hold('es', ['me llamo Lucía Fernández, coordinadora en Fundación Mar Abierto', '¿en qué empresa trabajo?'], 'Europe/Madrid');
    expect(lucia && lead(lucia)).toMatchObject({ name: 'Lucía Fernández', role: 'coordinadora', company: 'Fundación Mar Abierto' });
    expect(empresa?.text).toContain('**Fundación Mar Abierto**');
  });

  it('15: "remind me the price" repeats the last quote in full', async () => {
    const [, , remind] = await hold('en', ["we're 35", 'how much is pro?', 'remind me the price']);
    expect(remind?.text).toContain('**$1,015 a month**');
    expect(remind?.text).toContain('**$10,080 a year**');
    expect(remind?.text).not.toContain("Here's what you've told me");
    const [, , rappel] = await hold('fr', ['nous sommes 35', 'combien coûte Pro ?', "rappelez-moi le prix que vous m'avez donné"], 'Europe/Paris');
    expect(rappel?.text).toContain('1\u202f015\u00a0$US');
    expect(rappel?.text).toContain('10\u202f080\u00a0$US');
    expect(rappel?.text).not.toContain('Voici ce que vous m’avez dit');
  });

  it('16: the go-live date and the meeting are recalled in short questions', async () => {
    const [, golive] = await hold('en', ['We want to go live by April.', 'and the go-live date I gave you?']);
    expect(golive?.text).toContain('**by April**');
    const [, , when] = await hold('en', ['book a demo for tomorrow 3pm', 'a@b.in', 'when is it?'], 'Asia/Kolkata');
    expect(when?.text).toContain('Wed, Nov 25, 3:00 PM');
  });

  it('19: no field is asked again on the next question, in other words', async () => {
    const replies = await hold('en', [
      'Hi! I run ops at a creative agency',
      'Jess Morales, Harbor & Pine Creative',
      "we're 35 people. mostly designers and account managers",
      'what would pro cost us?',
      'is that per month?',
      'what about annually?',
      'and for 50?',
      'does that include SSO?',
      "ok so what's business for 35 then",
      'hmm',
    ]);
    const asked = replies.map((reply) => fieldsAskedIn(reply.text)).filter((fields) => fields.length > 0);
    for (let index = 1; index < asked.length; index++) {
      for (const field of asked[index] ?? []) expect([index, field, asked[index - 1]?.includes(field)]).toEqual([index, field, false]);
    }
    // "I run ops" answered the role: never asked.
    expect(asked.flat()).not.toContain('role');
  });
});
