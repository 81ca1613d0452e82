/** @jest-environment node */
// Buyer session 22: what English-speaking B2B buyers still hit (a school, an enterprise, a price-only and a rude buyer).
import { conversation } from '../support/offline-agent';

type Tools = { toolName: string; input: unknown }[];
const priced = (tools: Tools) => tools.filter((tool) => tool.toolName === 'get_pricing').map((tool) => (tool.input as { plan: string }).plan);

describe('offline agent: buyer session 22', () => {
  it('1: "we need student data to stay in the us" is data residency (US region), not the discount FAQ', async () => {
    const chat = conversation();
    await chat.say("we have about 60 staff who'd use it");
    const said = await chat.say('we need student data to stay in the us');
    expect(said.text).toContain('US region');
    expect(said.text).toMatch(/Business and Enterprise/);
    expect(said.text).not.toMatch(/nonprofits and schools/);
  });

  it('2: "is it ferpa compliant" names FERPA as a standard it cannot confirm, not the data-residency answer', async () => {
    const chat = conversation();
    await chat.say('we are a k-12 school with 60 staff');
    const said = await chat.say('is it ferpa compliant');
    expect(said.text).toContain("FERPA isn't among the certifications");
    expect(said.text).not.toMatch(/GDPR-compliant/);
  });

  it('3: "is business enough or do we need enterprise" after a SCIM need is answered with Enterprise', async () => {
    const chat = conversation();
    await chat.say("We're evaluating work management platforms for ~600 employees.");
    await chat.say('We need SCIM, SAML with Okta, and EU data residency.');
    const said = await chat.say('is business enough or do we need enterprise');
    expect(said.text).not.toMatch(/rather not guess/);
    expect(said.text).toContain('**Enterprise**');
    expect(priced(said.tools)).toContain('enterprise');
  });

  it('4: "thats a rip off" is the too-expensive objection, not a statement thanked for', async () => {
    const chat = conversation();
    await chat.say('i said PRICE. 25 users');
    const said = await chat.say('thats a rip off');
    expect(said.text).toContain('I understand the concern.');
    expect(said.text).not.toMatch(/that helps|helpful context|second signature/i);
    const over = await conversation().say('way overpriced tbh');
    expect(over.text).toContain('I understand the concern.');
  });

  it('5: "no thanks just wanted the price" closes politely instead of quoting again', async () => {
    const chat = conversation();
    await chat.say('price?');
    await chat.say('for 5 ppl');
    const said = await chat.say('no thanks just wanted the price');
    expect(said.text).toContain('thanks for your time');
    expect(said.text).not.toContain('$60');
    expect(priced(said.tools)).toEqual([]);
    // Asking for the price is still a price request.
    const asks = await conversation().say('i just want the price for 5 users');
    expect(priced(asks.tools)).toContain('starter');
  });
});
