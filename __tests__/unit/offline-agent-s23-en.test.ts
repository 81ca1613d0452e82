/** @jest-environment node */
// Session 23 (English): needs checked against the plan, price objections, a company said before the role, usage told,
// two standards at once, the SOC 2 report, and a tool asked about on one plan.
import { conversation, lead, values } from '../support/offline-agent';

describe('offline agent, session 23 (English)', () => {
  it('"does that cover what we need?" checks each stated need against the plan quoted, from the catalogue', async () => {
    const { say } = conversation({ visitorTimeZone: 'America/New_York' });
    await say('hi, we are 40 engineers');
    await say('we need SSO, Jira sync and SOC 2');
    const reply = await say('does that cover what we need?');
    expect(reply.text).toContain("Here's how **Pro** measures up against what you've told me you need:");
    expect(reply.text).toContain('**40 seats**: yes');
    expect(reply.text).toContain('**SSO**: not on **Pro**; it comes with **Business** and above');
    expect(reply.text).toContain('**Jira**: yes (All 60+ integrations, including Salesforce, HubSpot and Jira)');
    expect(reply.text).toContain('**SOC 2**: yes, for Northwind Cloud as a whole');
    expect(reply.text).toContain('**Business** covers all of it');
    expect(reply.text).not.toContain("I don't have a confirmed answer");
  });

  it('a need the catalogue does not state is said to be unconfirmed in the check', async () => {
    const { say } = conversation();
    await say('we need SSO, an audit log and HIPAA, 60 people');
    const reply = await say('does Business cover what we need?');
    expect(reply.text).toContain('**SSO**: yes');
    expect(reply.text).toContain('**Audit log**: yes');
    expect(reply.text).toContain('**HIPAA**: not something I can confirm');
  });

  it('"your competitors are cheaper" is a price objection, not the discounts list', async () => {
    const { say } = conversation();
    await say('we are 20 people');
    const reply = await say('your competitors are cheaper');
    expect(reply.text).toContain('the useful comparison is cost against the time it saves');
    expect(reply.text).not.toContain('Registered nonprofits and schools');
    // Asked for a discount too, the discounts answer stays.
    expect((await say('other tools are cheaper, can you give us a discount?')).text).toContain('Registered nonprofits and schools');
  });

  it('"Globex, I\'m head of IT" keeps the company as well as the role', async () => {
    expect(values("Globex, I'm head of IT")).toMatchObject({ company: 'Globex', role: 'head of IT' });
    expect(values("Hi, I'm head of IT")).not.toHaveProperty('company');
    const { say } = conversation();
    const reply = await say("Globex, I'm head of IT");
    expect(lead(reply)).toMatchObject({ company: 'Globex', role: 'head of IT' });
  });

  it('"we do about 3000 runs a month" is usage, set beside the plan', async () => {
    const { say, reset } = conversation();
    await say('we are 20 people');
    const fits = await say('we do about 3000 runs a month');
    expect(fits.text).toContain('Noted: about **3000 runs** a month. **Pro** includes 25,000 workflow runs per month, so that fits.');
    reset();
    await say('we are 8 people');
    const over = await say('we do about 3000 runs a month');
    expect(over.text).toContain("**Starter** includes 1,000 workflow runs per month, so you'd need **Pro**");
  });

  it('HIPAA and FedRAMP asked together: both answered', async () => {
    const { say } = conversation();
    const reply = await say('do you have HIPAA and FedRAMP?');
    expect(reply.text).toContain("HIPAA and FedRAMP aren't among the certifications and standards I can confirm");
  });

  it('the SOC 2 report asked for: what the FAQ says, the handoff offered, and done when accepted', async () => {
    const { say } = conversation();
    const reply = await say('can you send me your SOC 2 report?');
    expect(reply.text).toContain('available under NDA');
    expect(reply.text).toContain('Would you like me to pass your request to them?');
    const yes = await say('yes please');
    expect(yes.tools.map((call) => call.toolName)).toContain('request_human');
  });

  it('"does Starter\'s 10 include GitHub?" is answered from the catalogue', async () => {
    const { say } = conversation();
    const starter = await say("does Starter's 10 include GitHub?");
    expect(starter.text).toContain("**GitHub** is among the integrations we list, and **Pro** and above include all of them; whether **Starter**'s 10 core integrations include it isn't stated");
    expect((await say('does Pro include GitHub?')).text).toContain('Yes: **GitHub** is among the integrations we list');
    expect((await say('does Starter include Slack?')).text).toContain('Yes — **Starter** includes');
  });
});
