// Deterministic sample traffic for the analytics store: whole conversations' worth of app events (lib/events/schema.ts)
// spread over a time span, with sources, stages, leads, bookings, latencies, topics and errors. Used by the analytics
// integration test (which checks the dashboard against counts made directly from these events) and by
// `npm run bench:dashboard` (10,000 conversations over 30 days).

const STAGES = ['greeting', 'discovery', 'qualification', 'recommendation', 'objection_handling', 'closing', 'handoff'];
const FAQS = ['security', 'sso', 'data-residency', 'trial', 'cancellation', 'integrations', 'support', 'onboarding', 'pricing-unknown'];
const OBJECTIONS = ['too-expensive', 'already-use-competitor', 'no-time', 'security-concerns', 'need-approval'];
const UTM_SOURCES = ['google', 'newsletter', 'linkedin', undefined, undefined];
const SITES = [undefined, undefined, 'https://shop.example.com', 'https://blog.example.org'];
const LOCALES = ['en', 'en', 'es'];
const AGENTS = ['openai', 'openai', 'offline'];

/** A seeded generator (mulberry32): the same seed gives the same traffic. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Conversations as arrays of events, in time order within each. `from`/`to` bound the start times (epoch ms); each
 * conversation lasts a few minutes. Visitors repeat (`visitors` distinct ids), so unique visitors < conversations.
 * @returns {{ id: string, events: object[] }[]}
 */
export function sampleConversations({ count, from, to, seed = 1, visitors = Math.max(1, Math.round(count * 0.7)) }) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const logNormal = (median, sigma) => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random()));
  const span = Math.max(1, to - from - 15 * 60_000);
  const conversations = [];
  for (let i = 0; i < count; i += 1) {
    const id = `conv-${seed}-${i}`;
    const visitorId = `visitor-${seed}-${Math.floor(random() * visitors)}`;
    const source = {
      page: pick(['/', '/pricing', '/features']),
      ...(pick(SITES) ? { embedSite: pick(SITES.filter(Boolean)) } : {}),
      ...(pick(UTM_SOURCES) ? { utm: { source: pick(UTM_SOURCES.filter(Boolean)), campaign: 'winter' } } : {}),
      locale: pick(LOCALES),
      agent: pick(AGENTS),
    };
    let at = from + Math.floor(random() * span);
    const base = () => ({ at, conversationId: id, visitorId, source });
    const events = [{ type: 'conversation.started', ...base() }];
    const turns = 1 + Math.floor(random() * 7);
    const furthest = Math.min(STAGES.length - 1, Math.floor(random() * (turns + 1)));
    let stage = 0;
    for (let turn = 0; turn < turns; turn += 1) {
      at += 5_000 + Math.floor(random() * 40_000);
      events.push({ type: 'message', role: 'user', chars: 20 + Math.floor(random() * 200), ...base() });
      if (random() < 0.02) events.push({ type: 'rate_limited', limit: 'chat', ...base() });
      if (random() < 0.5) events.push({ type: 'topic', kind: 'question', id: `faq:${pick(FAQS)}`, ...base() });
      if (random() < 0.15) events.push({ type: 'topic', kind: 'objection', id: pick(OBJECTIONS), ...base() });
      if (random() < 0.03) {
        events.push({ type: 'error', code: 'upstream_unavailable:llm', ...base() });
        events.push({ type: 'fallback.offline', reason: 'upstream_unavailable', ...base() });
      }
      events.push({ type: 'latency', metric: 'first_token', ms: Math.round(logNormal(450, 0.5)), ...base() });
      if (random() < 0.4) {
        events.push({ type: 'latency', metric: 'first_audio', ms: Math.round(logNormal(700, 0.4)), ...base() });
        if (random() < 0.3) events.push({ type: 'tts.cache_hit', ...base() });
      }
      if (stage < furthest && (random() < 0.6 || turn === turns - 1)) {
        const next = turn === turns - 1 ? furthest : stage + 1;
        events.push({ type: 'stage.changed', from: STAGES[stage], to: STAGES[next], reason: 'sample', ...base() });
        stage = next;
      }
      at += 1_000 + Math.floor(random() * 4_000);
      events.push({ type: 'message', role: 'assistant', chars: 100 + Math.floor(random() * 600), ...base() });
    }
    const email = `prospect${i}@example.com`;
    if (random() < 0.3) {
      const lead = { fields: { email: { value: email, evidence: `you can reach me at ${email}`, confidence: 0.95 } }, score: 40 };
      events.push({ type: 'lead.captured', lead, ...base() });
      if (random() < 0.3) events.push({ type: 'lead.updated', lead: { ...lead, score: 60 }, changed: ['score'], ...base() });
      if (random() < 0.35) {
        const booking = { id: `b-${i}`, email, start: new Date(at + 86_400_000).toISOString(), durationMinutes: 30, timezone: 'UTC', localLabel: 'tomorrow', ics: 'BEGIN:VCALENDAR' };
        events.push({ type: 'meeting.booked', booking, ...base() });
      }
    }
    if (random() < 0.05) events.push({ type: 'handoff.requested', reason: 'asked for a person', email, ...base() });
    conversations.push({ id, events });
  }
  return conversations;
}
