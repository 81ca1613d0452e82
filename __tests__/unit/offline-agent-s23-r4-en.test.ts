/** @jest-environment node */
// Session 23, round 4 (English): a price the prospect names checked against the catalogue, "what was the total
// again?", a booked meeting's state asked ("is it confirmed?", "is it cancelled?"), and a name given before an email.
import { conversation, lead } from '../support/offline-agent';

describe('offline agent, session 23 round 4 (English)', () => {
  it('"is starter 8 dollars a seat": corrected from the catalogue, never "I\'d rather not guess"', async () => {
    const { say } = conversation();
    const reply = await say('is starter 8 dollars a seat');
    expect(reply.text).toContain("No, that isn't the **Starter** price: it's");
    // (Their figure is not said back: only catalogue prices are.)
    expect(reply.text).not.toContain('$8');
    expect(reply.text).toContain('**$12 per seat per month**');
    expect(reply.text).not.toMatch(/rather not guess|confirmed answer/);
  });

  it('"pro is $19 right": corrected, and $19 is no budget', async () => {
    const { say } = conversation();
    const reply = await say('pro is $19 right');
    expect(reply.text).toContain("No, that isn't the **Pro** price: it's");
    expect(reply.text).not.toContain('$19');
    expect(reply.text).toContain('**$29 per seat per month**');
    expect(reply.text).not.toContain('Budget noted');
    expect(lead(reply).budget).toBeUndefined();
    // The right figure is confirmed.
    expect((await say('and business is $41 a seat if we pay yearly, right?')).text).toContain('Yes: **Business** is');
  });

  it('"what was the total again?" after a quote: the quote again, not "I don\'t have a confirmed answer"', async () => {
    const { say } = conversation();
    await say("we're about 25 people");
    await say('what would you recommend');
    const reply = await say('what was the total again?');
    expect(reply.text).toContain('**Pro** for 25 seats');
    expect(reply.text).toContain('**$725 a month**');
    expect(reply.text).not.toContain('confirmed answer');
  });

  it('"is the meeting confirmed?" and, once cancelled, "is it cancelled?": answered from the booking', async () => {
    const { say } = conversation({ visitorTimeZone: 'Europe/London' });
    await say('I want to book a demo, sarah@brightpath.com');
    await say('friday at 3pm');
    const confirmed = await say('is the meeting confirmed?');
    expect(confirmed.text).toContain('Yes — your demo is on **Fri, Nov 27, 3:00 PM (Europe/London)**');
    expect(confirmed.tools).toEqual([]);
    await say('please cancel the demo');
    const cancelled = await say('is it cancelled?');
    expect(cancelled.text).toContain('is cancelled, so nothing is booked now');
    expect(cancelled.text).not.toContain('rather not guess');
  });

  it('"Sarah Kim, sarah.kim@…" to "what\'s the best email?": the name is taken too, and never asked for again', async () => {
    const { say } = conversation({ visitorTimeZone: 'Europe/London' });
    await say("hi I'd like to book a demo");
    const reply = await say('Sarah Kim, sarah.kim@brightpath.co.uk');
    expect(lead(reply).name).toBe('Sarah Kim');
    expect(lead(reply).email).toBe('sarah.kim@brightpath.co.uk');
    const booked = await say('wednesday at 10am works');
    expect(booked.text).not.toMatch(/who am i speaking with|your name/i);
    // A company before an address is no name.
    const { say: other } = conversation();
    expect(lead(await other('Acme Corp, ana@acme.com')).name).toBeUndefined();
  });

  it('"actually one question, do you have a mobile app": a question we cannot confirm, not a need noted', async () => {
    const { say } = conversation();
    await say('we are 40 people');
    const reply = await say('actually one question, do you have a mobile app');
    expect(reply.text).toMatch(/rather not guess|confirmed answer/);
    expect(reply.text).not.toContain('helpful context');
    expect(lead(reply).need).toBeUndefined();
  });

  it('"ok what do you have for next week": the hours demos are booked in, and a day and time asked', async () => {
    const { say } = conversation({ visitorTimeZone: 'America/Chicago' });
    await say('we are 30 people');
    await say('my email is tom@riverline.com');
    const reply = await say('ok what do you have for next week');
    expect(reply.text).toContain('any weekday from 9 AM to 5 PM (America/Chicago)');
    expect(reply.text).not.toContain('Thanks, that helps');
    expect(reply.tools).toEqual([]);
    // Without an email on record, the address is asked with it.
    const { say: other } = conversation();
    expect((await other('when are you free for a demo?')).text).toContain('what email should the invite go to');
  });

  it('"which plan do we need for that" after asking about SSO and SCIM: Enterprise (SCIM is Enterprise\'s), not Business', async () => {
    const { say } = conversation();
    await say('we are 300 people');
    await say('do you support sso with okta. and scim?');
    const reply = await say('which plan do we need for that');
    expect(reply.text).toContain('**Enterprise**');
    expect(reply.text).not.toContain("I'd suggest **Business**");
    expect(reply.tools.map((call) => call.input)).toContainEqual(expect.objectContaining({ plan: 'enterprise' }));
    // And a message later, the price is still Enterprise's.
    const price = await say('how much would that be for 300 ppl');
    expect(price.text).not.toContain("I'd suggest **Business**");
    expect(price.tools.map((call) => call.input)).toContainEqual(expect.objectContaining({ plan: 'enterprise' }));
  });

  it('"what about jira and github" after the integrations: both tools answered, not Jira alone', async () => {
    const { say } = conversation();
    await say('does it integrate with SAP');
    const reply = await say('what about jira and github');
    expect(reply.text).toContain('**Pro** includes Jira and GitHub.');
  });

  it('"who will contact me and when" after asking for a person: the sales team and its hours, never "no confirmed answer"', async () => {
    const { say } = conversation({ visitorTimeZone: 'America/Denver' });
    await say('we have 15 people in marketing');
    await say('can I talk to a real person please');
    const reply = await say('who will contact me and when');
    expect(reply.text).toContain('A member of our sales team will get in touch; they work Monday to Friday, 9 AM to 6 PM');
    // (The handoff's reply just asked for the email: not asked again in the very next one.)
    expect(reply.text).not.toContain("What's the best email or number for them to reach you?");
    expect(reply.text).not.toContain('confirmed answer');
    expect(reply.tools).toEqual([]);
    await say('my email is jenna@peakmedia.com');
    expect((await say('when will someone get back to me?')).text).toContain('will get in touch at **jenna@peakmedia.com**');
  });

  it('"are we still on?" checks the demo; "what slots do you have on friday" asks, and never moves it', async () => {
    const { say } = conversation();
    await say('can we do a call thursday at 2pm? tom@acme.io');
    expect((await say('are we still on?')).text).toContain('Yes — your demo is on **Thu, Nov 26, 2:00 PM (America/New_York)**');
    const slots = await say('what slots do you have on friday');
    expect(slots.tools).toEqual([]);
    expect(slots.text).toContain('Your demo stays on **Thu, Nov 26, 2:00 PM (America/New_York)** for now');
    expect(slots.session.state.bookings.at(-1)?.start).toBe('2026-11-26T19:00:00.000Z');
  });

  it('"is business 49 per user right": confirmed from the catalogue; "just send me info": no file, the team offered', async () => {
    const { say } = conversation();
    expect((await say('is business 49 per user right')).text).toContain('Yes: **Business** is **$49 per seat per month**');
    const info = await say('no call needed for now just send me info');
    expect(info.text).toContain("I can't send files from here");
    expect(info.text).not.toContain('Thanks, that helps');
  });

  it('"remind me what you recommended and why": the recommendation with its reason, said in full again', async () => {
    const { say } = conversation();
    await say("we're about 25 people");
    await say('what would you recommend');
    const reply = await say('remind me what you recommended and why');
    expect(reply.text).toContain("For a team of 25, I'd suggest **Pro**. For growing teams that automate their workflows and report on them.");
    expect(reply.text).toContain('**$725 a month**');
  });

  it('"thanks, maybe later": a polite close, not the "no time to switch" objection', async () => {
    const { say } = conversation();
    await say('we are 40 people');
    const reply = await say('thanks, maybe later');
    expect(reply.text).toContain('No pressure at all.');
    expect(reply.text).not.toContain('address your concern');
    expect(reply.text).not.toContain('migration');
    expect((await say('ok bye')).text).toContain('Thanks for your time');
  });

  it('"you offer a 50% discount right?", "my friend said he got 40% off": no, and the figure is not said back', async () => {
    const { say } = conversation();
    const reply = await say('you offer a 50% discount right?');
    expect(reply.text).toContain("No, that's not a discount I can confirm");
    expect(reply.text).not.toContain('50%');
    const friend = await say('my friend said he got 40% off');
    expect(friend.text).toContain("That isn't a discount I can confirm either");
    expect(friend.text).not.toContain('40%');
  });

  it('"is it 12 a seat?" after Starter\'s price: confirmed for that plan, not "I\'d rather not guess"', async () => {
    const { say } = conversation();
    await say("what's the price of starter");
    const reply = await say('is it 12 a seat?');
    expect(reply.text).toContain('Yes: **Starter** is **$12 per seat per month**');
  });

  it('"we budget $500 a month, is that enough for pro for 20 people": the price set beside the budget, never a bare "yes"', async () => {
    const { say } = conversation();
    const reply = await say('we budget $500 a month, is that enough for pro for 20 people');
    expect(reply.text).not.toContain("Yes: **Pro** covers everything you've told me you need.");
    expect(reply.text).toContain('**$580 a month**');
    expect(reply.text).toContain('Billed annually, at **$480 a month**, it fits the budget you mentioned (**$500 a month**).');
  });
});
