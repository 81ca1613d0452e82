/** @jest-environment node */
// Session 24 (English prospects): a plan named for a team it cannot hold ("can i get starter for 20 people"), a
// per-seat price taken for the whole team, Slack / HubSpot / Salesforce per plan, the team's growth remembered and used
// when sizing; then six long conversations typed as people type, every reply checked.
import { audit, conversation, kb, lead, monthly, plan, type Said } from '../support/offline-agent';
import { memoryLines } from '@/lib/sales/memory';
import { formatPrice } from '@/lib/sales/knowledge';

/** The first plan whose own feature lines name `tool` (the catalogue's answer to "which plan has it?"). */
const firstWith = (tool: string) => {
  const found = kb.plans.find((entry) => entry.features.some((line) => line.includes(tool)));
  if (!found) throw new Error(`no plan names ${tool}`);
  return found;
};
const perSeat = (id: string) => `**${formatPrice(plan(id).pricePerSeatMonthly ?? 0)} per seat per month**`;

async function hold(turns: readonly string[], zone = 'Europe/London'): Promise<Said[]> {
  const { say } = conversation({ visitorTimeZone: zone });
  const replies: Said[] = [];
  for (const turn of turns) replies.push(await say(turn));
  return replies;
}

describe('offline agent, session 24 (English): the open gaps', () => {
  it('"can i get starter for 20 people": no, Starter stops at its catalogue limit, and the plan that holds 20 is priced', async () => {
    const { say } = conversation();
    const reply = await say('can i get starter for 20 people');
    const starter = plan('starter');
    expect(reply.text.startsWith(`No: Starter goes up to ${starter.maxSeats} seats; for 20 seats Pro fits.`)).toBe(true);
    expect(reply.text).toContain(`**Pro** for 20 seats, billed monthly: ${perSeat('pro')}, so **${monthly('pro', 20)} a month**`);
    expect(reply.tools.map((call) => call.input)).toContainEqual({ plan: 'pro', seats: 20, billing: 'monthly' });
    expect(lead(reply).teamSize).toBe(20);
    // Asked again later in other words, with the team on record: the same no.
    const { say: other } = conversation();
    await other("we're 20");
    const again = await other('can we just use starter?');
    expect(again.text).toContain(`No: Starter goes up to ${starter.maxSeats} seats`);
    expect(again.text).not.toMatch(/rather not guess|confirmed answer/);
  });

  it('"pro is 29 a month for the whole team right?": no, per seat, from the catalogue; with a team on record, its total', async () => {
    const { say } = conversation();
    const alone = await say('pro is 29 a month for the whole team right?');
    expect(alone.text).toContain(`No — **Pro** is priced per seat, not for the whole team: ${perSeat('pro')} billed monthly`);
    expect(alone.text).not.toContain('For your team of');
    expect(alone.text).not.toContain('- Everything in Starter');
    const { say: team } = conversation();
    await team("we're 12 people");
    const twelve = await team('pro is 29 a month for the whole team right?');
    expect(twelve.text).toContain('No — **Pro** is priced per seat');
    expect(twelve.text).toContain('For your team of 12, that comes to:');
    // The total is said again, though the same figure was quoted a message before.
    expect(twelve.text).toContain(`**${monthly('pro', 12)} a month**`);
    expect(twelve.text).not.toContain('As I mentioned');
    const business = await team('so business is 49 total per month?');
    expect(business.text).toContain(`No — **Business** is priced per seat, not for the whole team: ${perSeat('business')}`);
    expect(business.text).toContain(`**${monthly('business', 12)} a month**`);
  });

  it('Slack, HubSpot and Salesforce per plan, from the plans\' own integration lines', async () => {
    const slack = firstWith('Slack');
    const hubspot = firstWith('HubSpot');
    const salesforce = firstWith('Salesforce');
    const ask = async (text: string) => (await conversation().say(text)).text;
    expect(await ask('does starter have slack?')).toContain(`Yes — **Starter** includes ${slack.features.find((line) => line.includes('Slack'))?.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase())}`);
    expect(await ask('does starter include hubspot')).toContain(`Not on **Starter**: **${hubspot.name}** and above include`);
    expect(await ask('which plan has salesforce')).toContain(`Salesforce comes with **${salesforce.name}** and above (all 60+ integrations`);
    expect(await ask('is slack on all plans?')).toContain(`Every plan includes Slack, from **${slack.name}** up`);
    expect(await ask('does pro have slack')).toContain('Yes — **Pro** includes Slack.');
    expect(await ask('which plans have hubspot and salesforce?')).toContain(`Salesforce and HubSpot come with **${hubspot.name}** and above`);
    const integrate = await ask('do you integrate with hubspot?');
    expect(integrate).toContain(kb.faqs.find((faq) => faq.id === 'integrations')?.answer);
    expect(integrate).toContain(`HubSpot comes with **${hubspot.name}** and above`);
    // "That" is the plan just quoted.
    const { say } = conversation();
    await say("we're 8 people");
    expect((await say('does that include salesforce?')).text).toContain(`Not on **Starter**: **${salesforce.name}** and above include Salesforce.`);
    expect((await say('can i connect slack on the cheapest plan?')).text).toContain('Yes — **Starter** includes');
  });

  it('"we\'ll add 5 more in january": remembered, and the plan sized for 13 (Starter outgrown), never a timeline or an objection', async () => {
    const { say } = conversation();
    await say('we are 8 people');
    const growth = await say("we'll add 5 more in january");
    expect(growth.text).toContain(`Noted: 5 more in January takes you from 8 to 13 people. **Starter** stops at ${plan('starter').maxSeats} seats, so you'd outgrow it; **Pro** covers 3–250 seats`);
    expect(growth.text).toContain(`**Pro** for 13 seats, billed monthly: ${perSeat('pro')}, so **${monthly('pro', 13)} a month**`);
    expect(lead(growth)).toEqual({ teamSize: 8 });
    expect(growth.session.state.growth).toMatchObject({ added: 5, when: 'in January' });
    const fits = await say('which plan fits us?');
    expect(fits.text).toContain("Counting the 5 more in January you mentioned, you'll be 13 people: past **Starter**'s 10 seats, so I'd go with **Pro**");
    const recall = await say('what did i tell you about hiring?');
    expect(recall.text).toContain('You told me your team is growing: **5 more in January**, so **13 people** then.');
    // The OpenAI agent's prompt carries it too.
    expect(memoryLines(recall.session.state, kb).join('\n')).toContain('- team growth: 5 more in January (13 then)');
  });

  it('"we\'re hiring 10 next quarter": the plan still fits, said so; not the "next quarter" timing objection', async () => {
    const { say } = conversation();
    await say("we're 40 people");
    const hiring = await say("we're hiring 10 next quarter");
    expect(hiring.text).toContain('Noted: 10 more next quarter takes you from 40 to 50 people, and **Pro** still fits (it covers 3–250 seats).');
    expect(hiring.text).not.toContain('address your concern');
    expect(hiring.session.state.objections ?? []).toEqual([]);
    expect(lead(hiring).timeline).toBeUndefined();
    expect((await say('what would you recommend')).text).toContain("Counting the 10 more next quarter you mentioned, you'll be 50 people, and **Pro** still fits (3–250 seats): it's the one I'd go with.");
  });

  it('growth said before the team size, and "what if I hire 2 people next year?": noted, then sized', async () => {
    const { say } = conversation();
    const first = await say("we'll add 5 more in january");
    expect(first.text).toContain("5 more in January — noted; I'll size plans with that in mind.");
    expect(first.text).not.toContain('Thanks, that helps');
    const size = await say('we are 8 right now');
    expect(size.text).toContain("Counting the 5 more in January you mentioned, you'll be 13 people: past **Starter**'s 10 seats, so I'd go with **Pro**");
    expect(size.tools.map((call) => call.input)).toContainEqual({ plan: 'pro', seats: 13, billing: 'monthly' });
    expect(lead(size).teamSize).toBe(8);
    const everything = await say('what do you know about us');
    expect(everything.text).toContain('- team growth: **5 more in January**');
    // Supposed, not stated: priced for the team they would be.
    const { say: solo } = conversation();
    await solo('just me, solo founder');
    const supposed = await solo('what if i hire 2 people next year');
    expect(supposed.text).toContain('Noted: 2 more next year takes you from 1 to 3 people, and **Starter** still fits');
    expect(supposed.text).toContain(`**Starter** for 3 seats, billed monthly: ${perSeat('starter')}, so **${monthly('starter', 3)} a month**`);
    expect(supposed.text).not.toMatch(/rather not guess/);
  });
});

describe('offline agent, session 24 (English): long conversations as people type them', () => {
  it('a CTO of 120: SSO and SCIM, security, data in Germany, hiring, integrations, recall, a demo booked and moved', async () => {
    const replies = await hold(
      [
        'hey',
        'im the cto at a logistics co, about 120 ppl',
        'we need sso with okta and scim provisioning',
        'which plan do we need for that',
        'how much would that be for 120',
        'hmm ok. do you have soc2?',
        "and wheres the data stored, we're in germany",
        "we're hiring 30 next year btw",
        'what would you recommend then',
        'do you integrate wiht jira',
        'what did i tell you about our team size?',
        'how much again for the enterprise plan',
        'can we do a demo thursday 10am berlin time',
        'marcus.weber@trakline.de',
        'is the meeting confirmed?',
        'actually can we move it to friday same time',
        'what did i say about hiring',
        'thanks thats all',
      ],
      'Europe/London',
    );
    audit(replies);
    const [, intro, sso, which, price, soc, where, hiring, recommend, jira, size, again, demo, email, confirmed, moved, recall, bye] = replies;
    expect(lead(intro!)).toMatchObject({ role: 'CTO', teamSize: 120 });
    expect(sso?.text).toContain('- **SCIM**: on **Enterprise** (SCIM user provisioning).');
    expect(which?.text).toContain('**Enterprise** has custom pricing');
    expect(which?.tools.map((call) => call.input)).toContainEqual(expect.objectContaining({ plan: 'enterprise' }));
    expect(price?.text).toContain('**Enterprise** has custom pricing');
    expect(soc?.text).toContain('SOC 2 Type II audited every year');
    expect(where?.text).toContain('EU region (Frankfurt)');
    expect(hiring?.text).toContain('Noted: 30 more next year takes you from 120 to 150 people, and **Enterprise** still fits');
    expect(lead(hiring!).timeline).toBeUndefined();
    expect(recommend?.text).toContain("you'll be 150 people, and **Enterprise** still fits");
    expect(jira?.text).toContain('Jira comes with **Pro** and above');
    expect(size?.text).toContain('You told me your team is **120** people now, growing to **150** next year.');
    // The quote's "what's the best email?" is not asked a third time.
    expect(again?.text).toContain('**Enterprise** has custom pricing');
    expect(again?.text).not.toContain("what's the best email to reach you?");
    expect(demo?.text).toContain("What's the best email for the invite?");
    expect(email?.tools).toContainEqual({ toolName: 'book_meeting', input: { email: 'marcus.weber@trakline.de', preferredTimes: ['thursday 10am'], timezone: 'Europe/Berlin' } });
    expect(email?.text).toContain('**Thu, Nov 26, 10:00 AM (Europe/Berlin)**');
    expect(confirmed?.text).toContain('Yes — your demo is on **Thu, Nov 26, 10:00 AM (Europe/Berlin)**');
    expect(confirmed?.tools).toEqual([]);
    expect(moved?.text).toContain('to **Fri, Nov 27, 10:00 AM (Europe/Berlin)**');
    expect(moved?.session.state.bookings.filter((booking) => booking.cancelledAt === undefined).at(-1)?.start).toBe('2026-11-27T09:00:00.000Z');
    expect(recall?.text).toContain('**30 more next year**, so **150 people** then');
    expect(bye?.text).toContain('See you on **Fri, Nov 27, 10:00 AM (Europe/Berlin)**');
    expect(lead(bye!)).toMatchObject({ role: 'CTO', teamSize: 120, email: 'marcus.weber@trakline.de' });
    expect(bye?.session.state.lead.fields.email?.evidence).toBe('marcus.weber@trakline.de');
  });

  it('a solo founder: Starter for one, Pro\'s minimum, the trial, integrations per plan, a budget, a hire supposed', async () => {
    const replies = await hold([
      'hi just me, solo founder',
      'how much is starter',
      'can i get pro for just me?',
      'wait i have to pay for 3 seats?',
      'is there a free plan',
      'how long is the trial',
      'does starter have slack?',
      'what about hubspot',
      'ok and can i connect salesforce on starter?',
      'budget is like 30 bucks a month',
      'is starter within that',
      'what if i hire 2 people next year',
      'what did i tell you about my budget',
      'cool. how do i sign up',
      'bye',
    ]);
    audit(replies);
    const [first, , pro, minimum, free, trial, slack, hubspot, salesforce, budget, within, hire, recall, signUp, bye] = replies;
    expect(first?.text).toContain("For a team of 1, I'd suggest **Starter**.");
    expect(pro?.text).toContain('**Pro** starts at 3 seats: for your team of 1, it is billed as 3.');
    expect(minimum?.text).toContain(`Yes — **Pro** has a minimum of 3 seats, so a team of 1 is billed for 3. **Starter** has no such minimum (it covers 1–10 seats), so you'd pay for 1: ${perSeat('starter')}`);
    expect(lead(minimum!).teamSize).toBe(1);
    expect(free?.text).toContain("There's no free plan");
    expect(trial?.text.startsWith('A 14-day free trial')).toBe(true);
    expect(slack?.text).toContain('Yes — **Starter** includes 10 core integrations (Slack');
    expect(hubspot?.text).toContain('Not on **Starter**: **Pro** and above include HubSpot.');
    expect(salesforce?.text).toContain('Not on **Starter**: **Pro** and above include Salesforce.');
    expect(budget?.text).toContain('That fits the budget you mentioned (**30 bucks a month**).');
    expect(within?.text).toContain('that fits the budget you mentioned (**30 bucks a month**)');
    expect(within?.text).not.toMatch(/rather not guess|confirmed answer/);
    expect(hire?.text).toContain('takes you from 1 to 3 people, and **Starter** still fits');
    expect(hire?.text).toContain(`**${monthly('starter', 3)} a month**`);
    expect(lead(hire!).teamSize).toBe(1);
    expect(recall?.text).toContain('You told me your budget is **30 bucks a month**.');
    expect(signUp?.text).toContain('14-day free trial');
    expect(bye?.text).toContain('Thanks for your time!');
  });

  it('procurement: per-seat pricing, invoices, a discount asked and a nonprofit, payment terms, a formal quote, the total again', async () => {
    const replies = await hold([
      "Hi, I'm in procurement at Meridian Health",
      "we're looking at about 60 seats",
      'pro is 29 a month for the whole team right?',
      'can we pay by invoice?',
      'whats the price for business for 60 annually',
      'can you do 20% off?',
      "we're a nonprofit actually",
      'do you offer net 60 payment terms',
      'can we get a DPA signed',
      'can you send a formal quote to my email',
      'its priya.nair@meridianhealth.org',
      'what was the total again?',
      'can we pay by invoice?',
      'ok thanks',
    ]);
    audit(replies);
    const [intro, seats, perSeatClaim, invoice, business, discount, nonprofit, terms, dpa, formal, email, total, invoiceAgain] = replies;
    expect(lead(intro!)).toMatchObject({ company: 'Meridian Health', role: 'procurement' });
    expect(seats?.text).toContain("For a team of 60, I'd suggest **Pro**.");
    expect(perSeatClaim?.text).toContain('No — **Pro** is priced per seat, not for the whole team');
    expect(perSeatClaim?.text).toContain(`**${monthly('pro', 60)} a month**`);
    expect(invoice?.text).toContain('annual Business and Enterprise plans can also pay by invoice');
    expect(business?.tools.map((call) => call.input)).toEqual([{ plan: 'business', seats: 60, billing: 'annual' }]);
    expect(discount?.text).toContain("No, that's not a discount I can confirm");
    expect(discount?.text).not.toContain('20%');
    expect(nonprofit?.text).toContain('nonprofits and schools can apply for a discount through sales');
    expect(terms?.text).toContain("Payment terms such as net-30 or net-60 aren't something I can confirm");
    expect(dpa?.text).toContain('sign a DPA on request');
    expect(formal?.tools.map((call) => call.toolName)).toEqual(['request_human']);
    expect(email?.text).toContain('**priya.nair@meridianhealth.org**');
    // The total of the quote they asked for (Business, by name), not presented as our suggestion.
    expect(total?.text).toContain('Business for 60 seats is **$41 per seat per month**');
    expect(total?.text).not.toContain("I'd suggest **Business**");
    expect(invoiceAgain?.text).toContain('pay by invoice');
    expect(lead(invoiceAgain!)).toMatchObject({ company: 'Meridian Health', teamSize: 60, email: 'priya.nair@meridianhealth.org' });
  });

  it('a security lead: standards (and one we cannot confirm), the report handed over, EU residency, SCIM, "is business enough"', async () => {
    const replies = await hold([
      'hello, security lead here at a fintech',
      'are you soc 2 type ii?',
      'iso 27001?',
      'what about hipaa',
      'how is data encrypted',
      'can you send me your soc 2 report',
      'yes please',
      'we need eu data residency. which plan?',
      "we're 35 people",
      'does business have audit logs',
      'and scim?',
      'is business enough or do we need enterprise',
      'what did i tell you so far',
      'do you support okta',
      'ok thanks, bye',
    ]);
    audit(replies);
    const [, soc, iso, hipaa, encrypted, report, yes, residency, size, audit_, scim, enough, told, okta, bye] = replies;
    expect(soc?.text).toContain('SOC 2 Type II audited every year');
    expect(iso?.text).toContain('ISO 27001');
    expect(hipaa?.text).toContain("HIPAA isn't among the certifications and standards I can confirm");
    expect(encrypted?.text).toContain('AES-256');
    expect(report?.text).toContain("I can't send the report from this chat");
    expect(report?.tools).toEqual([]);
    expect(yes?.tools.map((call) => call.toolName)).toEqual(['request_human']);
    expect(residency?.text).toContain('Business and Enterprise');
    expect(size?.text).toContain("For a team of 35, I'd suggest **Business**.");
    expect(audit_?.text).toContain('Yes — **Business** includes audit log');
    expect(scim?.text).toContain('Enterprise adds SCIM provisioning');
    // SCIM, asked just before, is checked too: Enterprise's alone.
    expect(enough?.text).toContain('- **SCIM**: not on **Business**; it comes with **Enterprise**');
    expect(enough?.text).toContain('- **EU data**: yes');
    expect(told?.text).toContain('- role: **security lead**');
    expect(told?.text).toContain('- team size: **35**');
    expect(okta?.text).toContain('Okta');
    expect(bye?.text).toContain('Thanks for your time!');
  });

  it('someone who only wants a human: handed over once, no questions once asked not to, a call number kept and read back', async () => {
    const replies = await hold([
      'i want to talk to a human',
      'no i dont want a bot',
      'stop asking me questions',
      'just have someone call me',
      '+44 7700 900123',
      'when will they call',
      "what's the number you have for me",
      'ok',
      'actually also how much is pro',
      'are you still there?',
      'thanks',
    ]);
    audit(replies);
    const [human, bot, stop, call, phone, when, number, , price, there] = replies;
    expect(human?.tools.map((call_) => call_.toolName)).toEqual(['request_human']);
    expect(bot?.text).toContain('Our sales team already has your request');
    expect(bot?.text).not.toContain('Thanks, that helps');
    expect(stop?.text).toContain('no more questions from me');
    for (const reply of replies.slice(2)) expect(reply.text).not.toContain('?');
    expect(call?.text).toContain('already has your request');
    expect(lead(phone!).phone).toBe('+44 7700 900123');
    expect(when?.text).toContain('will get in touch at **+44 7700 900123**');
    expect(number?.text).toContain('**+44 7700 900123**');
    expect(number?.text).not.toMatch(/rather not guess|confirmed answer/);
    expect(price?.text).toContain(`**Pro** is ${perSeat('pro')} billed monthly`);
    expect(there?.text).toContain("Yes, I'm here.");
  });

  it('contact details given piecemeal: name, surname, company in lower case, a broken email fixed, a demo booked, cancelled, rebooked', async () => {
    const replies = await hold([
      'hi',
      'im dana',
      'looking at options for my team',
      "we're 14",
      'last name is okafor btw',
      'company is fernhill studio',
      'dana@fernhill',
      'sorry dana@fernhill.studio',
      'can we do a demo tmrw at 3pm',
      'what time is that for me',
      'whats my email again',
      'cancel it please',
      'is it cancelled?',
      'ok book next monday 11am instead',
      'who will I be meeting',
      'what do you know about me',
      'great thanks',
    ]);
    audit(replies);
    const [, name, , team, surname, company, broken, fixed, booked, when, email, cancel, cancelled, rebooked, who, known] = replies;
    expect(name?.text).toContain('Nice to meet you, Dana!');
    expect(team?.text).toContain("For a team of 14, I'd suggest **Pro**.");
    expect(surname?.text).toContain('**Dana Okafor**');
    expect(lead(company!).company).toBe('Fernhill Studio');
    expect(company?.text).toContain("I've noted that you're with Fernhill Studio.");
    expect(broken?.text).toContain('The address **dana@fernhill** looks incomplete');
    expect(lead(broken!).email).toBeUndefined();
    expect(lead(fixed!).email).toBe('dana@fernhill.studio');
    expect(booked?.tools).toContainEqual({ toolName: 'book_meeting', input: { email: 'dana@fernhill.studio', preferredTimes: ['tmrw at 3pm'], timezone: 'Europe/London' } });
    expect(booked?.text).toContain('**Wed, Nov 25, 3:00 PM (Europe/London)**');
    expect(when?.text).toContain('**Wed, Nov 25, 3:00 PM (Europe/London)**');
    expect(email?.text).toContain('You told me your email is **dana@fernhill.studio**.');
    expect(cancel?.tools.map((call) => call.toolName)).toEqual(['cancel_meeting']);
    expect(cancelled?.text).toContain('is cancelled, so nothing is booked now');
    expect(cancelled?.tools).toEqual([]);
    expect(rebooked?.text).toContain('**Mon, Nov 30, 11:00 AM (Europe/London)**');
    expect(who?.text).toContain('**Mon, Nov 30, 11:00 AM (Europe/London)**');
    expect(known?.text).toContain('- name: **Dana Okafor**');
    expect(known?.text).toContain('- company: **Fernhill Studio**');
    expect(known?.text).toContain('- email: **dana@fernhill.studio**');
    expect(lead(known!)).toMatchObject({ name: 'Dana Okafor', company: 'Fernhill Studio', teamSize: 14, email: 'dana@fernhill.studio' });
    expect(known?.session.state.lead.fields.company?.evidence).toBe('company is fernhill studio');
  });

  it('typos and a change of mind: a misspelt plan re-priced for the corrected team, "so pro then", "what did i tell you about sso"', async () => {
    const replies = await hold([
      'hw much is buisness for 25 ppl',
      'wat about anual',
      "hmm actually we're 30 not 25",
      'whats the difference between pro and business',
      'we dont need sso',
      'so pro then',
      'how much was pro again',
      'what did i tell you about sso',
    ]);
    audit(replies);
    const [first, annual, corrected, difference, , chosen, again, sso] = replies;
    expect(first?.text).toContain(`**Business** for 25 seats, billed monthly: ${perSeat('business')}`);
    expect(annual?.text).toContain('Business for 25 seats is **$41 per seat per month**');
    // Business, the plan they asked for (misspelt), priced for the team as corrected; not a new suggestion.
    expect(corrected?.text).toContain(`**Business** for 30 seats, billed monthly: ${perSeat('business')}, so **${monthly('business', 30)} a month**`);
    expect(corrected?.text).not.toContain("I'd suggest");
    expect(lead(corrected!).teamSize).toBe(30);
    expect(difference?.text).toContain('On top of Pro, **Business** adds:');
    expect(chosen?.text).toContain(`**${monthly('pro', 30)} a month**`);
    expect(chosen?.text).toContain("I'll ask our sales team to set you up");
    expect(chosen?.text).not.toContain('- Everything in Starter');
    expect(again?.text).toContain(`**Pro** for 30 seats, billed monthly: ${perSeat('pro')}, so **${monthly('pro', 30)} a month**`);
    expect(sso?.text).toContain('You told me: “we dont need sso”.');
  });

  it('a stack said first: "does pro work with both" answers for Slack and Jira; growth beside a budget; "does business still fit"', async () => {
    const replies = await hold([
      'we use jira and slack heavily',
      'about 45 engineers',
      'does pro work with both',
      'what tools did i say we use',
      'our budget is 1000 a month',
      "we're adding 15 more engineers in q2",
      'does business still fit our budget then',
      'book me wed 2pm, jon@quarry.dev',
      'what time is that in new york',
      'whats my budget again',
    ]);
    audit(replies);
    const [stack, , both, tools, , growth, business, booked, newYork, budget] = replies;
    expect(stack?.text).toContain('connects with Slack and Jira');
    expect(both?.text).toContain('Yes — **Pro** includes Slack and Jira.');
    expect(tools?.text).toContain('You told me you use **Slack and Jira**.');
    expect(growth?.text).toContain('Noted: 15 more in Q2 takes you from 45 to 60 people, and **Pro** still fits');
    expect(business?.text).toContain(`**Business** for 45 seats, billed monthly: ${perSeat('business')}`);
    expect(business?.text).toContain('is above the budget you mentioned (**1000 a month**)');
    expect(booked?.text).toContain('**Wed, Nov 25, 2:00 PM (Europe/London)**');
    expect(newYork?.text).toContain('**Wed, Nov 25, 9:00 AM (America/New_York)**');
    expect(budget?.text).toContain('You told me your budget is **1000 a month**.');
    expect(lead(budget!)).toMatchObject({ teamSize: 45, budget: '1000 a month', email: 'jon@quarry.dev' });
  });

  it('a team on Asana: "whats northwind", the price after the trial, "per month or per year", "does starter cover 12", an apology that is no goal', async () => {
    const replies = await hold([
      'whats northwind',
      "we're on asana now, 22 ppl",
      'whats the price after the trial for us',
      'is that per month or per year',
      'does starter cover 12',
      'is business 41 a month for all of us?',
      'asdkjh qwe',
      'sorry cat on keyboard',
      'what did i tell you about asana',
    ]);
    audit(replies);
    const [about, asana, afterTrial, periods, starter, flat, , sorry, recall] = replies;
    expect(about?.text).toContain(kb.company.description);
    expect(lead(asana!).teamSize).toBe(22);
    expect(afterTrial?.text).toContain(`**Pro** for 22 seats, billed monthly: ${perSeat('pro')}, so **${monthly('pro', 22)} a month**`);
    expect(periods?.text).toContain(`**${monthly('pro', 22)} a month**`);
    expect(periods?.text).toContain('Billed annually, Pro for 22 seats is **$24 per seat per month**');
    expect(periods?.text).not.toMatch(/rather not guess/);
    expect(starter?.text.startsWith(`No: Starter goes up to ${plan('starter').maxSeats} seats; for 12 seats Pro fits.`)).toBe(true);
    expect(flat?.text).toContain(`No — **Business** is priced per seat, not for the whole team: ${perSeat('business')}`);
    expect(flat?.text).toContain(`**${monthly('business', 22)} a month**`);
    expect(lead(sorry!).need).toBeUndefined();
    expect(recall?.text).toContain('You told me: “we\'re on asana now, 22 ppl”.');
  });
});
