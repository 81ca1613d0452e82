/** @jest-environment node */
import {
  countTokens,
  fitContext,
  MESSAGE_OVERHEAD_TOKENS,
  summarize,
  SUMMARY_MAX_TOKENS,
  type ContextMessage,
} from '@/lib/sales/context';
import type { ConversationSummary } from '@/lib/sales/types';
import fc from 'fast-check';
import { countTokens as countWhole } from 'gpt-tokenizer/encoding/o200k_base';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import { cancelBooking, createBooking } from '@/lib/sales/booking';
import { buildSystemPrompt } from '@/lib/sales/prompts';
import { searchKnowledge } from '@/lib/sales/retrieval';
import { emptySalesState } from '@/lib/sales/state';

const PLAN_NAMES = ['Starter', 'Pro', 'Business', 'Enterprise'];
const cost = (message: ContextMessage) => countTokens(message.text) + MESSAGE_OVERHEAD_TOKENS;

function conversation(texts: string[]): ContextMessage[] {
  return texts.map((text, index) => ({ id: `m${index}`, role: index % 2 === 0 ? 'user' : 'assistant', text }));
}

describe('countTokens', () => {
  it('counts with the o200k tokenizer', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('The quick brown fox jumps over the lazy dog.')).toBe(10);
  });
  it('counts special-token text typed by a prospect instead of throwing', () => {
    expect(countTokens('ignore this <|endoftext|> please')).toBeGreaterThan(3);
  });

  // countTokens counts "#"-headed blocks apart (and remembers them): the sum must be the whole text's count, exactly.
  const whole = (text: string) => countWhole(text, { disallowedSpecial: new Set() });
  it('counts a system prompt block by block exactly as the whole text, in every locale, twice in a row', () => {
    for (const locale of ['en', 'es', 'fr', 'de', 'ar'] as const) {
      const kb = getLocalizedKnowledgeBase(locale);
      const prompt = buildSystemPrompt({ kb, state: emptySalesState(0), passages: searchKnowledge('How much is Pro for 25 people?', { limit: 4, kb }), nextField: 'teamSize', locale });
      expect(prompt.split('\n#').length).toBeGreaterThan(5);
      expect(countTokens(prompt)).toBe(whole(prompt));
      expect(countTokens(prompt)).toBe(whole(prompt));
    }
    expect(getKnowledgeBase()).toBeDefined();
  });
  it('tells the model to book in the browser\'s time zone when the client sent one', () => {
    const kb = getLocalizedKnowledgeBase('en');
    const input = { kb, state: emptySalesState(0), passages: [], locale: 'en' as const };
    expect(buildSystemPrompt({ ...input, visitorTimeZone: 'Europe/Berlin' })).toContain('Their browser is in the time zone Europe/Berlin: book in it unless they name another');
    expect(buildSystemPrompt(input)).toContain('have given an email, preferred times and their time zone');
    expect(buildSystemPrompt(input)).not.toContain('Their browser is in the time zone');
  });
  it('tells the model to offer a cheaper plan within a stated budget and to answer a goodbye with one', () => {
    const prompt = buildSystemPrompt({ kb: getLocalizedKnowledgeBase('en'), state: emptySalesState(0), passages: [], locale: 'en' });
    expect(prompt).toContain('if a cheaper plan that holds the same team and has what they need is within it, price that plan too with get_pricing');
    expect(prompt).toContain('- Recommend the cheapest plan that holds their team and has everything they said they need');
    // A move that leans on the booked slot keeps what they did not change.
    expect(prompt).toContain('"same time" and a day alone ("move it to Monday") keep the booked hour, a time alone ("make it 2pm") keeps the booked day');
    expect(prompt).toContain('- A goodbye, or "not interested", gets a short goodbye (their first name, the meeting if one is booked), not another question.');
    expect(prompt).toContain('Asked to stop asking questions, ask none from then on.');
  });
  it('remembers the meeting booked, in the browser\'s zone too, says how a meeting is cancelled, and remembers a cancellation', () => {
    const kb = getLocalizedKnowledgeBase('en');
    const booking = createBooking({ email: 'tom@acme.io', preferredTimes: ['Friday at 2pm'], timezone: 'America/New_York', now: Date.parse('2026-11-24T12:00:00Z') });
    if (!booking.ok) throw new Error(booking.message);
    const state = { ...emptySalesState(0), bookings: [booking.booking] };
    const prompt = buildSystemPrompt({ kb, state, passages: [], locale: 'en', visitorTimeZone: 'Europe/London' });
    expect(prompt).toContain('- meeting booked: Fri, Nov 27, 2:00 PM (America/New_York) (30 min) for tom@acme.io; in their browser\'s zone that is Fri, Nov 27, 7:00 PM (Europe/London)');
    expect(buildSystemPrompt({ kb, state, passages: [], locale: 'en', visitorTimeZone: 'America/New_York' })).not.toContain("in their browser's zone");
    expect(prompt).toContain('- When the prospect asks to cancel their meeting, call cancel_meeting');
    expect(buildSystemPrompt({ kb, state: emptySalesState(0), passages: [], locale: 'en' })).not.toContain('meeting booked:');
    // Cancelled: the memory says so, and nothing is booked.
    const cancelled = { ...state, bookings: [cancelBooking(booking.booking, { now: Date.parse('2026-11-25T12:00:00Z') })] };
    const after = buildSystemPrompt({ kb, state: cancelled, passages: [], locale: 'en', visitorTimeZone: 'Europe/London' });
    expect(after).toContain('- meeting cancelled by the prospect: Fri, Nov 27, 2:00 PM (America/New_York) for tom@acme.io (nothing is booked now)');
    expect(after).not.toContain('meeting booked:');
  });
  it('counts generated text with headings, blank lines, punctuation and slashes exactly as the whole text', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', '# Plans', '#', '##x', '/path', '- item: $29.', '  indented', '(note)', '...', 'ünïcödé #tag', 'مرحبا', '\t', '<|endoftext|>'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        expect(countTokens(text)).toBe(whole(text));
      }),
      { numRuns: 400 },
    );
  });
});

describe('fitContext', () => {
  const short = conversation(['Hi, how much is Pro?', 'Pro is $29 per seat/month billed monthly.', 'And Business?']);

  it('leaves a history that fits untouched', () => {
    const result = fitContext({ systemTokens: 100, messages: short, budget: 1000 });
    expect(result.recent).toEqual(short);
    expect(result.folded).toBe(0);
    expect(result.summary).toBeUndefined();
    expect(result.totalTokens).toBe(100 + short.reduce((sum, message) => sum + cost(message), 0));
  });

  it('folds the oldest turns into a summary when over budget, keeping recent turns verbatim', () => {
    const texts: string[] = [];
    for (let i = 0; i < 30; i++) {
      texts.push(i === 0 ? "I'm Ana from Acme and we need to automate onboarding for 40 people." : `Question number ${i}: does Pro include feature ${i}?`);
      texts.push(`Yes — the Pro plan at $29 per seat/month includes feature ${i}, and Business adds more.`);
    }
    texts.push('Great, can I book a demo?');
    const messages = conversation(texts);
    const result = fitContext({ systemTokens: 300, messages, budget: 900, keepRecent: 4, planNames: PLAN_NAMES });
    expect(result.totalTokens).toBeLessThanOrEqual(900);
    expect(result.folded).toBeGreaterThan(0);
    expect(result.summary?.coveredMessages).toBe(result.folded);
    expect(result.recent).toEqual(messages.slice(result.folded));
    expect(result.recent[0]?.role).toBe('user');
    expect(result.recent.at(-1)?.text).toBe('Great, can I book a demo?');
    expect(result.summary?.text).toContain("- Prospect said: I'm Ana from Acme and we need to automate onboarding for 40 people.");
    expect(result.summary?.text).toMatch(/- Plans discussed: Pro; Business/);
    expect(result.summary?.text).toContain('Pro $29 per seat/month');
    expect(result.totalTokens).toBe(300 + countTokens(result.summary?.text ?? '') + MESSAGE_OVERHEAD_TOKENS + result.recent.reduce((sum, m) => sum + cost(m), 0));
  });

  it('skips messages an existing summary already covers', () => {
    const summary: ConversationSummary = { text: 'Earlier in this conversation:\n- Prospect said: We are 12 people.', coveredMessages: 2 };
    const result = fitContext({ systemTokens: 50, messages: short, summary, budget: 1000 });
    expect(result.recent).toEqual(short.slice(2));
    expect(result.summary).toBe(summary);
    expect(result.totalTokens).toBe(50 + countTokens(summary.text) + MESSAGE_OVERHEAD_TOKENS + cost(short[2]!));
  });

  it('always keeps the last user message, even when it alone exceeds the budget', () => {
    const huge = 'We need a lot of things. '.repeat(200);
    const messages = conversation(['hello', 'Hi! How can I help?', huge]);
    const result = fitContext({ systemTokens: 100, messages, budget: 300 });
    expect(result.recent.map((m) => m.text)).toEqual([huge]);
    expect(result.folded).toBe(2);
    expect(result.totalTokens).toBeGreaterThan(300);
  });

  it('keeps a 200-turn conversation within budget, with a summary that grows but stays capped', () => {
    const budget = 1500;
    const systemTokens = 500;
    const cap = Math.min(SUMMARY_MAX_TOKENS, Math.floor(budget / 4));
    const prospect = [
      (i: number) => `How much would the Pro plan cost for ${10 + i} seats?`,
      (i: number) => `We need to automate onboarding for team ${i}, and our budget is $${1000 + i} a month.`,
      (i: number) => `Does Business include SSO and audit logs for project ${i}?`,
      () => 'ok thanks',
      (i: number) => `I'm the decision maker and we want to start in ${1 + (i % 3)} weeks.`,
    ];
    const messages: ContextMessage[] = [];
    let summary: ConversationSummary | undefined;
    let covered = 0;
    const summarySizes: number[] = [];
    for (let i = 0; i < 200; i++) {
      messages.push({ id: `u${i}`, role: 'user', text: prospect[i % prospect.length]!(i) });
      const fit = fitContext({ systemTokens, messages, summary, budget, keepRecent: 6, planNames: PLAN_NAMES });
      expect(fit.totalTokens).toBeLessThanOrEqual(budget);
      expect(fit.recent.at(-1)?.id).toBe(`u${i}`);
      // Nothing is lost: every message is either summarised or sent verbatim.
      expect((fit.summary?.coveredMessages ?? 0) + fit.recent.length).toBe(messages.length);
      expect(fit.summary?.coveredMessages ?? 0).toBeGreaterThanOrEqual(covered);
      summary = fit.summary;
      covered = summary?.coveredMessages ?? 0;
      if (summary) {
        const tokens = countTokens(summary.text);
        expect(tokens).toBeLessThanOrEqual(cap);
        summarySizes.push(tokens);
      }
      messages.push({
        id: `a${i}`,
        role: 'assistant',
        text: `For ${10 + i} seats, Pro is $29 per seat/month billed monthly and Business is $49 per seat/month; Enterprise is custom. Shall I book a demo?`,
      });
    }
    expect(covered).toBeGreaterThan(300);
    expect(summarySizes.length).toBeGreaterThan(100);
    // It grew from its first fold, then held at the cap instead of growing without bound.
    expect(Math.max(...summarySizes)).toBeGreaterThan(summarySizes[0]!);
    expect(Math.max(...summarySizes)).toBeLessThanOrEqual(cap);
    expect(summary?.text).toContain('- Plans discussed: Pro; Business; Enterprise');
    expect(summary?.text).toContain('Prospect asked:');
  });
});

describe('summarize', () => {
  const messages: ContextMessage[] = conversation([
    "Hi, I'm Ana from Acme. We need to automate onboarding for 40 people.",
    'The Pro plan is $29 per seat/month, and Business is $49 per seat/month.',
    'Does Pro include SSO?',
    'SSO is included on Business and Enterprise.',
    'ok',
  ]);

  it('extracts what the prospect asked and told, and the plans and prices discussed', () => {
    expect(summarize(messages, undefined, { planNames: PLAN_NAMES })).toBe(
      [
        'Earlier in this conversation:',
        '- Plans discussed: Pro; Business; Enterprise',
        '- Prices quoted: Pro $29 per seat/month; Business $49 per seat/month',
        "- Prospect said: Hi, I'm Ana from Acme.",
        '- Prospect said: We need to automate onboarding for 40 people.',
        '- Prospect asked: Does Pro include SSO?',
      ].join('\n'),
    );
  });

  it('is deterministic and merges into the previous summary without duplicates', () => {
    const first = summarize(messages.slice(0, 2), undefined, { planNames: PLAN_NAMES });
    expect(summarize(messages.slice(0, 2), undefined, { planNames: PLAN_NAMES })).toBe(first);
    const rolled = summarize(messages.slice(2), first, { planNames: PLAN_NAMES });
    expect(rolled).toBe(summarize(messages, undefined, { planNames: PLAN_NAMES }));
    expect(summarize(messages.slice(0, 2), first, { planNames: PLAN_NAMES })).toBe(first);
  });

  it('stays within its token cap by dropping the oldest lines first', () => {
    const many = conversation(Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? `We need to migrate project number ${i} by March.` : 'Noted.')));
    const text = summarize(many, undefined, { maxTokens: 80 });
    expect(countTokens(text)).toBeLessThanOrEqual(80);
    expect(text).toContain('project number 78');
    expect(text).not.toContain('project number 0 ');
    expect(text.startsWith('Earlier in this conversation:')).toBe(true);
  });
});
