/** @jest-environment node */
import { extractLeadFacts, mergeLead } from '@/lib/sales/lead';
import { advanceStage, nextField, questionFor, STAGE_QUESTIONS, stageGoal, type StageSignals } from '@/lib/sales/playbook';
import { emptySalesState, LEAD_FIELDS, STAGES, type LeadField, type SalesState, type Stage } from '@/lib/sales/types';

const T0 = Date.UTC(2025, 0, 15);

/** One prospect turn as the agents run it: extract (with the field we asked), merge, advance, pick the next question. */
function turn(state: SalesState, text: string, signals: Omit<StageSignals, 'changed' | 'evidence'> = {}, at = T0): SalesState {
  const facts = extractLeadFacts({ text, askedField: state.lastAskedField, now: at });
  const merged = mergeLead(state.lead, facts, at);
  const { state: advanced } = advanceStage({ ...state, lead: merged.lead }, { ...signals, changed: merged.changed, evidence: text }, at);
  return { ...advanced, lastAskedField: nextField(advanced) };
}

function inStage(stage: Stage, text = ''): SalesState {
  const base = emptySalesState(T0);
  const lead = text ? mergeLead(base.lead, extractLeadFacts({ text, now: T0 }), T0).lead : base.lead;
  return { ...base, stage, lead };
}

describe('stageGoal', () => {
  it('gives every stage its own goal', () => {
    const goals = STAGES.map(stageGoal);
    expect(new Set(goals).size).toBe(STAGES.length);
    expect(stageGoal('recommendation')).toMatch(/catalogue prices/);
    expect(stageGoal('closing')).toMatch(/email/);
  });
});

describe('advanceStage', () => {
  it('stays in greeting on small talk and moves to discovery on anything substantive', () => {
    let state = turn(emptySalesState(T0), 'hello!', { intent: 'greeting' });
    expect(state.stage).toBe('greeting');
    state = turn(state, 'What does Northwind do exactly?', { intent: 'faq' });
    expect(state.stage).toBe('discovery');
    expect(state.stageHistory).toEqual([
      { from: 'greeting', to: 'discovery', reason: "prospect engaged: 'What does Northwind do exactly?'", at: T0 },
    ]);
  });

  it('does not move on turn count: ten small-talk turns stay in discovery', () => {
    let state = inStage('discovery');
    for (let i = 0; i < 10; i++) state = turn(state, i % 2 ? 'haha nice, how is the weather there?' : 'thanks!', { intent: i % 2 ? 'small-talk' : 'thanks' });
    expect(state.stage).toBe('discovery');
    expect(state.stageHistory).toEqual([]);
  });

  it('moves discovery → qualification once the need is known, with the need as evidence', () => {
    const state = turn(inStage('discovery'), 'We need to automate onboarding for new hires.', { intent: 'qualify' });
    expect(state.stage).toBe('qualification');
    expect(state.stageHistory.at(-1)?.reason).toBe("need given: 'We need to automate onboarding for new hires.'");
  });

  it('moves qualification → recommendation once team size and need are known', () => {
    let state = turn(inStage('discovery'), 'We need to automate onboarding for new hires.', { intent: 'qualify' });
    state = turn(state, 'We are 25 people.', { intent: 'team-size' });
    expect(state.stage).toBe('recommendation');
    expect(state.stageHistory.map((change) => change.to)).toEqual(['qualification', 'recommendation']);
    expect(state.stageHistory.at(-1)?.reason).toContain('We are 25 people.');
  });

  it('jumps to recommendation when a plan is asked about with seats', () => {
    const state = turn(emptySalesState(T0), 'How much is Pro for 20 seats?', { intent: 'plan-price' });
    expect(state.stage).toBe('recommendation');
    expect(state.stageHistory[0]?.reason).toBe("asked about a plan with seats: 'How much is Pro for 20 seats?'");
  });

  it('detours to objection handling and returns to recommendation once answered', () => {
    let state = inStage('recommendation', 'We need to track projects. We are 30 people.');
    state = turn(state, 'Honestly that is too expensive for us.', { objection: true });
    expect(state.stage).toBe('objection_handling');
    expect(state.stageHistory.at(-1)?.reason).toBe("objection raised: 'Honestly that is too expensive for us.'");
    state = turn(state, 'Another objection: we already use Asana.', { objection: true });
    expect(state.stage).toBe('objection_handling');
    state = turn(state, 'ok, that makes sense', { intent: 'thanks' });
    expect(state.stage).toBe('recommendation');
    expect(state.stageHistory.at(-1)?.reason).toMatch(/^objection answered/);
  });

  it('returns from an early objection to the stage the evidence supports, not further', () => {
    let state = inStage('discovery');
    state = turn(state, 'Sounds pricey.', { objection: true });
    state = turn(state, 'fine', { intent: 'small-talk' });
    expect(state.stage).toBe('discovery');
  });

  it('closes on booking interest or a booking', () => {
    expect(turn(inStage('discovery'), 'Can I book a demo?', { intent: 'contact' }).stage).toBe('closing');
    expect(turn(inStage('recommendation'), 'Tuesday at 10 works', { bookingMade: true }).stage).toBe('closing');
  });

  it('closes when a qualified lead gives an email, but not an unqualified one', () => {
    const qualified = turn(inStage('recommendation', 'We need to track projects. We are 30 people.'), 'ana@acme.com', { intent: 'contact-details' });
    expect(qualified.stage).toBe('closing');
    expect(qualified.stageHistory.at(-1)?.reason).toBe("email given by a qualified lead: 'ana@acme.com'");
    const early = turn(inStage('greeting'), 'ana@acme.com', { intent: 'contact-details' });
    expect(early.stage).toBe('discovery');
  });

  it('never moves backwards on ordinary turns', () => {
    const state = turn(inStage('closing'), 'How much is Pro for 20 seats?', { intent: 'plan-price' });
    expect(state.stage).toBe('closing');
    expect(state.stageHistory).toEqual([]);
  });

  it('hands off when a human is requested; waits there on small talk; resumes if the prospect carries on', () => {
    let state = turn(inStage('qualification', 'We need better reporting.'), 'Can I talk to a real person?', { handoffRequested: true });
    expect(state.stage).toBe('handoff');
    expect(state.stageHistory.at(-1)?.reason).toBe("human requested: 'Can I talk to a real person?'");
    state = turn(state, 'thanks', { intent: 'thanks' });
    expect(state.stage).toBe('handoff');
    state = turn(state, 'Meanwhile: we are 12 people.', { intent: 'team-size' });
    expect(state.stage).toBe('recommendation');
    expect(state.stageHistory.at(-1)?.reason).toMatch(/^prospect continued after the handoff/);
  });

  it('returns the same state object and no change when nothing moves', () => {
    const state = inStage('discovery');
    const result = advanceStage(state, { intent: 'greeting', changed: [] }, T0);
    expect(result.state).toBe(state);
    expect(result.change).toBeUndefined();
  });
});

describe('nextField', () => {
  it('asks discovery questions in order: need, then team size', () => {
    let state = inStage('discovery');
    expect(nextField(state)).toBe('need');
    state = inStage('discovery', 'We need to automate onboarding.');
    expect(nextField(state)).toBe('teamSize');
  });

  it('asks qualification questions one at a time and never repeats an answered one', () => {
    let state: SalesState = { ...inStage('qualification', 'We need better reporting.'), lastAskedField: undefined };
    state = { ...state, lastAskedField: nextField(state) };
    expect(state.lastAskedField).toBe('timeline');
    state = turn(state, 'next month');
    expect(state.lead.fields.timeline).toMatchObject({ value: 'next month', asked: true });
    expect(state.lastAskedField).toBe('authority');
    state = turn(state, "yes, I'm the one who decides");
    expect(state.lead.fields.authority?.value).toBe('decision maker');
    expect(state.lastAskedField).toBe('budget');
    state = turn(state, 'about $500 a month');
    expect(state.lead.fields.budget?.value).toBe('about $500 a month');
    expect(state.lastAskedField).toBeUndefined();
    expect(state.stage).toBe('qualification');
    // Team size is what moves qualification on; then the remaining questions belong to the recommendation.
    state = turn(state, 'We are 8 people.', { intent: 'team-size' });
    expect(state.stage).toBe('recommendation');
    expect(state.lastAskedField).toBe('email');
  });

  it('asks for the email first when closing, then name and company', () => {
    expect(nextField(inStage('closing'))).toBe('email');
    expect(nextField(inStage('closing', 'Reach me at ana@acme.com.'))).toBe('name');
    expect(nextField(inStage('closing', "I'm Ana, ana@acme.com."))).toBe('company');
    expect(nextField(inStage('objection_handling'))).toBeUndefined();
  });

  it('does not ask the same unanswered question twice in a row', () => {
    const state: SalesState = { ...inStage('discovery'), lastAskedField: 'need' };
    expect(nextField(state)).toBe('teamSize');
  });

  it('never returns a field already known, whatever the stage and lead', () => {
    const fact = { value: 'x', evidence: 'x', confidence: 0.8, asked: false, capturedAt: T0 };
    for (const stage of STAGES) {
      for (let mask = 0; mask < 1 << LEAD_FIELDS.length; mask += 7) {
        const fields = Object.fromEntries(LEAD_FIELDS.filter((_, bit) => mask & (1 << bit)).map((field) => [field, fact]));
        const state: SalesState = { ...emptySalesState(T0), stage, lead: { fields, score: 0, reasons: [], updatedAt: T0 } };
        const field = nextField(state);
        if (field !== undefined) {
          expect(fields[field]).toBeUndefined();
          expect(STAGE_QUESTIONS[stage]).toContain(field);
        }
      }
    }
  });
});

describe('questionFor', () => {
  it('phrases one natural question per field in English and Spanish', () => {
    for (const field of LEAD_FIELDS as readonly LeadField[]) {
      const en = questionFor(field, 'en');
      const es = questionFor(field, 'es');
      expect(en).toMatch(/^[A-Z].*\?$/);
      expect(es).toMatch(/¿.*\?$/);
      expect(en.split('?').length).toBe(2);
      expect(en).not.toBe(es);
    }
    expect(questionFor('teamSize', 'en')).toMatch(/how many people/i);
    expect(questionFor('email', 'es')).toMatch(/correo/);
  });
});
