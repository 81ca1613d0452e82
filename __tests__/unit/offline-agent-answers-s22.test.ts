/** @jest-environment node */
// Session 22: answers the offline agent still got wrong after QA rounds 25 and 26, each fixed and pinned here.
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { conversation } from '../support/offline-agent';

const kb = getKnowledgeBase();
type Tools = { toolName: string; input: unknown }[];
type Priced = { plan: string; seats: number; billing: string };
const pricing = (tools: Tools) => tools.filter((tool) => tool.toolName === 'get_pricing').map((tool) => tool.input as Priced);
const plan = (id: string) => {
  const found = kb.plans.find((entry) => entry.id === id);
  if (!found) throw new Error(`no plan ${id}`);
  return found;
};

describe('offline agent: session 22 answers', () => {
  it('2: SSO needed on a budget below Business: over budget, SSO only on Business and Enterprise, and the trade-off', async () => {
    const en = conversation();
    await en.say("we're 12 and we need SSO");
    const said = await en.say('our budget is $450 a month');
    expect(said.text).toContain('That is above the budget you mentioned (**$450 a month**). SAML single sign-on is only on');
    expect(said.text).toContain('only on **Business** and **Enterprise**');
    expect(said.text).toContain('**Pro** fits the budget');
    expect(said.text).toContain('(up to 10)');

    const es = conversation({ locale: 'es' });
    await es.say('somos 12 y necesitamos SSO');
    const dicho = await es.say('nuestro presupuesto es de 450 dólares al mes');
    expect(dicho.text).toContain('solo está en **Business** y **Enterprise**');
    expect(dicho.text).toContain('**Pro** entra en el presupuesto');
  });

  it('3: "so business isnt even possible for us?" is about Business, set beside the budget', async () => {
    const chat = conversation();
    await chat.say("we're 12 and we need SSO");
    await chat.say('our budget is $450 a month');
    const asked = await chat.say('so business isnt even possible for us?');
    expect(pricing(asked.tools).map((input) => input.plan)).toContain('business');
    expect(asked.text).toContain('**Business**');
    expect(asked.text).not.toMatch(/confirmed answer|rather not guess/);
  });

  it('4: "how much storage on business?" is the storage line Business inherits, not its price', async () => {
    const said = await conversation().say('how much storage on business?');
    const storage = plan('pro').features.find((line) => /storage/i.test(line)) ?? 'storage';
    expect(said.text).toContain(storage);
    expect(pricing(said.tools)).toEqual([]);
  });

  it('6: "thats for how many people" and "is that for 12 people?" after a quote: its seat count', async () => {
    const chat = conversation();
    await chat.say('how much is pro for 12?');
    const how = await chat.say('thats for how many people');
    expect(how.text).toContain('12 seats');
    expect(how.text).not.toContain('that helps');
    const twelve = await chat.say('is that for 12 people?');
    expect(twelve.text).toContain('12 seats');
  });
});
