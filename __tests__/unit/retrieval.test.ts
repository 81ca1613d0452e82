/** @jest-environment node */
import { getKnowledgeBase, knowledgeBaseFile, parseKnowledgeBase } from '@/lib/sales/knowledge';
import { getPassage, listPassages, searchKnowledge } from '@/lib/sales/retrieval';

const ids = (query: string, limit = 5) => searchKnowledge(query, { limit }).map((passage) => passage.id);

describe('searchKnowledge', () => {
  it.each([
    ['do you have SSO?', 'faq:sso'],
    ['Is it SOC 2 compliant?', 'faq:security'],
    ['integrations with salesforce', 'faq:integrations'],
    ['where is our data stored', 'faq:data-residency'],
    ['that is too expensive for us', 'objection:too-expensive'],
    ['we already use Asana', 'objection:already-use-competitor'],
    ['my boss needs to approve this', 'objection:need-approval'],
    ['vs Asana', 'competitor:asana'],
    ['how do you compare to monday.com?', 'competitor:monday'],
    ['Smartsheet alternative', 'competitor:smartsheet'],
    ['Do you have a customer in logistics?', 'case:acme'],
    ['I want to talk to a human', 'policy:handoff'],
    ['book a demo', 'policy:meetings'],
    ['how much is the Pro plan', 'plan:pro'],
    ['what is Northwind Cloud', 'company:profile'],
  ])('%s → %s first', (query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it.each([
    ['¿Tienen inicio de sesión único?', 'faq:sso'],
    ['Es demasiado caro para nosotros', 'objection:too-expensive'],
    ['¿Cuánto cuesta el plan Pro?', 'plan:pro'],
    ['¿Hay una prueba gratuita?', 'faq:trial'],
    ['¿Puedo hablar con una persona?', 'policy:handoff'],
    ['¿Dónde se guardan los datos? ¿Cumplen el RGPD?', 'faq:data-residency'],
  ])('understands Spanish: %s → %s first', (query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it('tolerates typos and word endings', () => {
    expect(ids('intgrations')[0]).toBe('faq:integrations');
    expect(ids('onboard')[0]).toBe('faq:onboarding');
  });

  it('returns full passages, best first, within the limit', () => {
    const passages = searchKnowledge('SOC 2 compliance and encryption', { limit: 3 });
    expect(passages).toHaveLength(3);
    expect(passages[0]).toEqual({
      id: 'faq:security',
      kind: 'faq',
      title: 'How do you keep our data secure?',
      text: getKnowledgeBase().faqs.find((faq) => faq.id === 'security')?.answer,
      score: expect.any(Number),
    });
    const scores = passages.map((passage) => passage.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((score) => score > 0)).toBe(true);
  });

  it('returns nothing for an empty query, small talk or a zero limit', () => {
    expect(searchKnowledge('')).toEqual([]);
    expect(searchKnowledge('   ')).toEqual([]);
    expect(searchKnowledge('hello')).toEqual([]);
    expect(searchKnowledge('sso', { limit: 0 })).toEqual([]);
  });

  it('is deterministic', () => {
    expect(searchKnowledge('price per seat and discounts', { limit: 8 })).toEqual(searchKnowledge('price per seat and discounts', { limit: 8 }));
  });

  it('searches the knowledge base it is given', () => {
    const data = structuredClone(knowledgeBaseFile) as { competitors: Record<string, unknown>[] };
    data.competitors.push({
      id: 'clickup',
      name: 'ClickUp',
      summary: 'An all-in-one productivity platform.',
      ourAdvantages: ['Simpler everyday views'],
      theirStrengths: ['Very broad feature set'],
    });
    const kb = parseKnowledgeBase(data);
    expect(searchKnowledge('ClickUp vs Northwind', { kb })[0]?.id).toBe('competitor:clickup');
    expect(searchKnowledge('ClickUp vs Northwind').map((passage) => passage.id)).not.toContain('competitor:clickup');
  });
});

describe('passages', () => {
  it('gives every entry of every section an id of the form kind:entry-id', () => {
    const kb = getKnowledgeBase();
    const all = listPassages().map((passage) => passage.id);
    expect(all).toEqual(expect.arrayContaining([
      ...kb.plans.map((plan) => `plan:${plan.id}`),
      ...kb.faqs.map((faq) => `faq:${faq.id}`),
      ...kb.objections.map((objection) => `objection:${objection.id}`),
      ...kb.competitors.map((competitor) => `competitor:${competitor.id}`),
      ...kb.caseStudies.map((study) => `case:${study.id}`),
      'policy:discounts', 'policy:commitments', 'policy:handoff', 'policy:meetings', 'company:profile',
    ]));
    expect(new Set(all).size).toBe(all.length);
  });

  it('states plan prices from the catalogue, and competitors fairly', () => {
    expect(getPassage('plan:pro')).toMatchObject({
      kind: 'plan',
      title: 'Pro plan',
      score: 0,
      text: expect.stringContaining('$29 per seat/month billed monthly, $24 per seat/month billed annually'),
    });
    expect(getPassage('plan:enterprise')?.text).toContain('Custom pricing — contact sales');
    const asana = getPassage('competitor:asana');
    expect(asana?.title).toBe('Northwind Cloud vs Asana');
    expect(asana?.text).toMatch(/Where Asana is strong: A mature product/);
  });

  it('keeps the maximum discount out of what a prospect may be told', () => {
    const discounts = getPassage('policy:discounts');
    expect(discounts?.text).toContain('approved by the sales team');
    expect(discounts?.text).not.toContain(String(getKnowledgeBase().policies.maxDiscountPercent));
    expect(getPassage('policy:meetings')?.text).toBe(
      'Demo calls last 30 minutes and can be booked Monday to Friday, from 9 AM to 5 PM in your time zone.',
    );
  });

  it('returns undefined for an unknown id', () => {
    expect(getPassage('faq:nope')).toBeUndefined();
    expect(getPassage('sso')).toBeUndefined();
  });
});
