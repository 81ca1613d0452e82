/** @jest-environment node */
// The analytics pieces that need no store: UTC buckets and ranges, the latency histogram's quantiles against a known
// distribution, the commands one batch of events turns into (retention TTLs, what is never written), the funnel's
// drop-off and the topic titles.
import { bucketStarts, dayId, hourId } from '@/lib/analytics/buckets';
import { HISTOGRAM_UPPER_MS, histogramBucket, histogramQuantile, type Histogram } from '@/lib/analytics/histogram';
import { analyticsKeys, fieldValue, parseDimensionField, FIELD } from '@/lib/analytics/keys';
import { buildReport, planQuery } from '@/lib/analytics/query';
import { customRange, presetRange } from '@/lib/analytics/range';
import { analyticsCommands, conversationStateTtlSeconds } from '@/lib/analytics/recorder';
import { topicTitle } from '@/lib/analytics/topics';
import { parseAnalyticsConfig } from '@/lib/config-analytics';
import type { AppEvent } from '@/lib/events/schema';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { STAGES } from '@/lib/sales/types';
import type { KvCommand } from '@/lib/store/kv';
import { seededRandom } from '@/scripts/lib/analytics-sample.mjs';

const T = Date.UTC(2026, 10, 30, 18, 25, 12); // 2026-11-30 18:25:12 UTC
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const kv = { prefix: 'sa:' };

describe('UTC buckets and ranges', () => {
  test('hour and day ids are UTC', () => {
    expect(hourId(T)).toBe('2026113018');
    expect(dayId(T)).toBe('20261130');
    expect(hourId(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('2026010100');
    expect(dayId(Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toBe('20261231');
  });

  test('bucket starts cover [from, to) with a partial first bucket', () => {
    expect(bucketStarts(T, T + 2 * HOUR, 'hour').map(hourId)).toEqual(['2026113018', '2026113019', '2026113020']);
    expect(bucketStarts(Date.UTC(2026, 10, 29), Date.UTC(2026, 11, 2), 'day').map(dayId)).toEqual(['20261129', '20261130', '20261201']);
  });

  test('presets: 24 hourly buckets, or N whole days with today included', () => {
    const day = presetRange('24h', T);
    expect(day).toMatchObject({ granularity: 'hour', to: Date.UTC(2026, 10, 30, 19), from: Date.UTC(2026, 10, 29, 19) });
    expect(bucketStarts(day.from, day.to, day.granularity)).toHaveLength(24);
    const week = presetRange('7d', T);
    expect(week).toMatchObject({ granularity: 'day', from: Date.UTC(2026, 10, 24), to: Date.UTC(2026, 11, 1) });
    expect(bucketStarts(week.from, week.to, 'day').map(dayId)).toEqual(['20261124', '20261125', '20261126', '20261127', '20261128', '20261129', '20261130']);
    expect(bucketStarts(presetRange('90d', T).from, presetRange('90d', T).to, 'day')).toHaveLength(90);
  });

  test('custom ranges: hours up to two days, days beyond, never past now, at most 366 days', () => {
    expect(customRange(T - 36 * HOUR, T, T)).toMatchObject({ granularity: 'hour', from: Date.UTC(2026, 10, 29, 6), to: Date.UTC(2026, 10, 30, 19) });
    expect(customRange(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 8), T)).toMatchObject({ granularity: 'day', from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 8) });
    // A `to` in the future stops at the current hour.
    expect(customRange(T - 3 * DAY, T + 30 * DAY, T).to).toBe(Date.UTC(2026, 11, 1));
    expect(() => customRange(T, T - HOUR, T)).toThrow(RangeError);
    expect(() => customRange(T - 400 * DAY, T, T)).toThrow(/366 days/);
  });
});

describe('latency histogram', () => {
  test('log-spaced bounds from 10 ms to two minutes, each covering its values', () => {
    expect(HISTOGRAM_UPPER_MS[0]).toBe(10);
    expect(HISTOGRAM_UPPER_MS.at(-1)).toBeGreaterThanOrEqual(120_000);
    for (let i = 1; i < HISTOGRAM_UPPER_MS.length; i += 1) expect(HISTOGRAM_UPPER_MS[i]!).toBeGreaterThan(HISTOGRAM_UPPER_MS[i - 1]!);
    for (const ms of [0, 1, 10, 10.5, 11, 99, 100, 101, 1234, 60_000, 119_999]) {
      const index = histogramBucket(ms);
      expect(HISTOGRAM_UPPER_MS[index]!).toBeGreaterThanOrEqual(ms);
      if (index > 0) expect(HISTOGRAM_UPPER_MS[index - 1]!).toBeLessThan(ms);
    }
    expect(histogramBucket(10 * 60_000)).toBe(HISTOGRAM_UPPER_MS.length - 1);
  });

  const exact = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const histogramOf = (values: number[]) => {
    const histogram: Histogram = new Map();
    for (const value of values) histogram.set(histogramBucket(value), (histogram.get(histogramBucket(value)) ?? 0) + 1);
    return histogram;
  };

  // The estimate always lies in the same bucket as the true quantile, so it is off by less than the bucket's 20%;
  // interpolation brings smooth distributions much closer.
  test.each([
    ['log-normal around 400 ms (first tokens)', 0.03, (r: () => number) => 400 * Math.exp(0.6 * Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r()))],
    ['uniform 50–2,000 ms', 0.03, (r: () => number) => 50 + r() * 1950],
    ['bimodal: cache hits at 25–35 ms, misses at 800–1,000 ms', 0.2, (r: () => number) => (r() < 0.7 ? 25 + r() * 10 : 800 + r() * 200)],
  ])('p50/p95/p99 of %s are within %p of the exact values', (_name, tolerance, draw) => {
    const r = seededRandom(42); // the same distribution on every run
    const values = Array.from({ length: 50_000 }, () => draw(r));
    const sorted = [...values].sort((a, b) => a - b);
    const histogram = histogramOf(values);
    for (const q of [0.5, 0.95, 0.99]) {
      const estimate = histogramQuantile(histogram, q)!;
      const truth = exact(sorted, q);
      expect(Math.abs(estimate - truth) / truth).toBeLessThan(tolerance);
      expect(histogramBucket(estimate)).toBe(histogramBucket(truth));
    }
  });

  test('an empty histogram has no quantiles; one value is its own bucket', () => {
    expect(histogramQuantile(new Map(), 0.5)).toBeNull();
    const one = histogramOf([500]);
    const p50 = histogramQuantile(one, 0.5)!;
    const index = histogramBucket(500);
    expect(p50).toBeGreaterThan(HISTOGRAM_UPPER_MS[index - 1]!);
    expect(p50).toBeLessThanOrEqual(HISTOGRAM_UPPER_MS[index]!);
  });
});

describe('recording commands', () => {
  const source = { page: '/pricing', embedSite: 'https://shop.example.com', utm: { source: 'Newsletter' }, locale: 'es', agent: 'offline' as const };
  const base = { conversationId: 'c1', visitorId: 'v-secret-1', source };
  const options = { retentionDays: 400, idleMs: 30 * 60_000, now: T };
  const ttlOf = (commands: KvCommand[], key: string) => commands.find((c) => c[0] === 'EXPIRE' && c[1] === key)?.[2];

  test('counters per hour and day with per-dimension fields, summed within the batch', () => {
    const commands = analyticsCommands(kv, [
      { type: 'conversation.started', at: T, ...base },
      { type: 'message', at: T, role: 'user', chars: 12, ...base },
      { type: 'message', at: T + 1000, role: 'user', chars: 30, ...base },
      { type: 'lead.captured', at: T + 2000, ...base, lead: { fields: { email: { value: 'ana@example.com', evidence: 'write to ana@example.com', confidence: 0.95 } }, score: 40 } },
    ], options);
    const hincr = (key: string, field: string) => commands.find((c) => c[0] === 'HINCRBY' && c[1] === key && c[2] === field)?.[3];
    for (const key of ['sa:an:h:2026113018', 'sa:an:d:20261130']) {
      expect(hincr(key, 'conversations')).toBe(1);
      expect(hincr(key, 'conversations|src:newsletter')).toBe(1);
      expect(hincr(key, 'conversations|site:https://shop.example.com')).toBe(1);
      expect(hincr(key, 'conversations|locale:es')).toBe(1);
      expect(hincr(key, 'conversations|agent:offline')).toBe(1);
      expect(hincr(key, 'messages.user')).toBe(2);
      expect(hincr(key, 'leads|src:newsletter')).toBe(1);
    }
    expect(commands).toContainEqual(['ZINCRBY', 'sa:an:m:2026113018', 2, 'c1']);
    expect(commands).toContainEqual(['ZADD', 'sa:an:f:2026113018', 'GT', 0, 'c1']);
    expect(commands).toContainEqual(['PFADD', 'sa:an:uv:h:2026113018', 'v-secret-1']);
    expect(commands).toContainEqual(['ZADD', 'sa:an:active', 'GT', T + 2000, 'c1']);
    expect(commands).toContainEqual(['HINCRBY', 'sa:an:c:c1', 'm', 2]);
  });

  test('a meeting counts once: moving it (published again with a sequence) or cancelling it adds no meeting; a cancellation is counted apart', () => {
    const booking = { id: 'b1', email: 'ana@example.com', start: '2026-12-02T10:00:00Z', durationMinutes: 30, timezone: 'UTC', localLabel: 'Wed 10:00', ics: 'BEGIN:VCALENDAR' };
    const commands = analyticsCommands(kv, [
      { type: 'meeting.booked', at: T, ...base, booking },
      { type: 'meeting.booked', at: T + 1000, ...base, booking: { ...booking, start: '2026-12-03T10:00:00Z', sequence: 1, movedFrom: 'Wed 10:00' } },
      { type: 'meeting.cancelled', at: T + 2000, ...base, booking: { ...booking, sequence: 2, cancelledAt: T + 2000 } },
      { type: 'meeting.booked', at: T + 3000, ...base, booking: { ...booking, id: 'b2' } },
    ], options);
    const hincr = (key: string, field: string) => commands.find((c) => c[0] === 'HINCRBY' && c[1] === key && c[2] === field)?.[3];
    for (const key of ['sa:an:h:2026113018', 'sa:an:d:20261130']) {
      expect(hincr(key, 'meetings')).toBe(2);
      expect(hincr(key, 'meetings|src:newsletter')).toBe(2);
      expect(hincr(key, 'meetings.cancelled')).toBe(1);
    }
  });

  test('no e-mail, message text, evidence or visitor id outside the HyperLogLogs', () => {
    const commands = analyticsCommands(kv, [
      { type: 'lead.captured', at: T, ...base, lead: { fields: { email: { value: 'ana@example.com', evidence: 'I am Ana, ana@example.com', confidence: 0.9 } }, score: 50 } },
      { type: 'meeting.booked', at: T, ...base, booking: { id: 'b1', email: 'ana@example.com', start: '2026-12-02T10:00:00Z', durationMinutes: 30, timezone: 'UTC', localLabel: 'Wed 10:00', ics: 'BEGIN:VCALENDAR' } },
      { type: 'handoff.requested', at: T, ...base, reason: 'wants a human: "call me at +34 600"', email: 'ana@example.com' },
    ], options);
    const text = JSON.stringify(commands.filter((c) => c[0] !== 'PFADD'));
    expect(text).not.toMatch(/ana@example\.com|I am Ana|VCALENDAR|\+34 600|v-secret-1/);
    expect(JSON.stringify(commands)).toContain('v-secret-1'); // only in PFADD
  });

  test('every bucket expires its retention after the end of its bucket; old events are dropped', () => {
    const at = T - 5 * DAY;
    const commands = analyticsCommands(kv, [
      { type: 'conversation.started', at, ...base },
      { type: 'topic', at, kind: 'question', id: 'faq:sso', ...base },
      { type: 'latency', at, metric: 'first_token', ms: 420, ...base },
      { type: 'message', at: T - 401 * DAY, role: 'user', chars: 1, ...base },
    ], options);
    const hourEnd = Math.floor(at / HOUR) * HOUR + HOUR;
    const dayEnd = Math.floor(at / DAY) * DAY + DAY;
    const keys = analyticsKeys(kv);
    const expected = (end: number) => Math.ceil((end + 400 * DAY - T) / 1000);
    expect(ttlOf(commands, keys.hourCounters(hourId(at)))).toBe(expected(hourEnd));
    expect(ttlOf(commands, keys.dayCounters(dayId(at)))).toBe(expected(dayEnd));
    expect(ttlOf(commands, keys.topics('question', hourId(at)))).toBe(expected(hourEnd));
    expect(ttlOf(commands, keys.hourVisitors(hourId(at)))).toBe(expected(hourEnd));
    expect(ttlOf(commands, keys.dayVisitors(dayId(at)))).toBe(expected(dayEnd));
    expect(ttlOf(commands, keys.active())).toBe(conversationStateTtlSeconds(30 * 60_000));
    expect(ttlOf(commands, keys.conversation('c1'))).toBe(7 * 24 * 3600);
    // Every key written has an EXPIRE in the same batch.
    const written = new Set(commands.filter((c) => c[0] !== 'EXPIRE').map((c) => String(c[1])));
    const expiring = new Set(commands.filter((c) => c[0] === 'EXPIRE').map((c) => String(c[1])));
    expect([...written].filter((key) => !expiring.has(key))).toEqual([]);
    // The 401-day-old message wrote nothing.
    expect(commands.some((c) => String(c[1]).includes(dayId(T - 401 * DAY)))).toBe(false);
  });

  test('latency goes into its histogram bucket; stage changes keep the furthest stage; an ended conversation leaves the index', () => {
    const commands = analyticsCommands(kv, [
      { type: 'latency', at: T, metric: 'first_audio', ms: 250, ...base },
      { type: 'stage.changed', at: T, from: 'greeting', to: 'qualification', reason: 'x', ...base },
      { type: 'stage.changed', at: T, from: 'qualification', to: 'discovery', reason: 'x', ...base },
      { type: 'conversation.ended', at: T, messages: 4, ...base },
    ], options);
    expect(commands).toContainEqual(['HINCRBY', 'sa:an:h:2026113018', FIELD.latency('first_audio', histogramBucket(250)), 1]);
    expect(commands).toContainEqual(['ZADD', 'sa:an:f:2026113018', 'GT', STAGES.indexOf('qualification'), 'c1']);
    expect(commands).toContainEqual(['ZREM', 'sa:an:active', 'c1']);
    expect(commands).toContainEqual(['DEL', 'sa:an:c:c1']);
    expect(commands).toContainEqual(['HINCRBY', 'sa:an:d:20261130', 'ended', 1]);
  });

  test('free-text labels cannot break a field apart', () => {
    expect(fieldValue('Google Ads|x:y  Promo')).toBe('google_ads_x:y_promo');
    expect(fieldValue(undefined)).toBe('-');
    expect(fieldValue('x'.repeat(200))).toHaveLength(64);
    expect(parseDimensionField('leads|site:https://a.example:8443')).toEqual({ metric: 'leads', dimension: 'site', value: 'https://a.example:8443' });
    expect(parseDimensionField('messages.user')).toBeNull();
    expect(parseDimensionField('nope|src:x')).toBeNull();
  });
});

describe('report', () => {
  const kb = getKnowledgeBase();
  const range = customRange(Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 4), T);

  test('funnel: reached counts per stage and the share that stopped at each', () => {
    const plan = planQuery(kv, range);
    const replies: unknown[] = new Array(plan.commands.length).fill(null);
    const reached = [100, 80, 50, 30, 20, 10, 5];
    reached.forEach((count, index) => (replies[plan.at.funnel + index] = count));
    const report = buildReport(plan, replies, { kb, now: T, queryMs: 1 });
    expect(report.funnel.map((step) => step.stage)).toEqual([...STAGES]);
    expect(report.funnel.map((step) => step.reached)).toEqual(reached);
    expect(report.funnel.map((step) => step.dropOff)).toEqual([0.2, 0.375, 0.4, 1 / 3, 0.5, 0.5, null]);
    expect(report.funnel[3]!.shareOfStart).toBe(0.3);
  });

  test('KPIs, conversion, rates and breakdown from the bucket hashes; empty ranges give nulls, not NaN', () => {
    const plan = planQuery(kv, range);
    expect(plan.starts).toHaveLength(3);
    const replies: unknown[] = new Array(plan.commands.length).fill(null);
    replies[plan.at.counters] = ['conversations', '8', 'leads', '2', 'conversations|src:ads', '5', 'conversations|src:-', '3', 'leads|src:ads', '2', 'messages.user', '40', 'errors', '2', 'error:upstream_unavailable:llm', '2', 'fallbacks', '1'];
    replies[plan.at.counters + 2] = ['conversations', '2', 'meetings', '1', 'conversations|src:ads', '2'];
    replies[plan.at.engaged] = 6;
    replies[plan.at.allVisitors] = 9;
    replies[plan.at.question] = ['faq:sso', '7', 'unknown-topic', '2'];
    const report = buildReport(plan, replies, { kb, now: T, queryMs: 12.34 });
    expect(report.kpis).toMatchObject({ conversations: 10, engagedConversations: 6, leads: 2, meetings: 1, visitors: 9, leadConversion: 0.2, meetingConversion: 0.1 });
    expect(report.series.map((p) => p.conversations)).toEqual([8, 0, 2]);
    expect(report.rates).toMatchObject({ turns: 40, errors: 2, errorRate: 0.05, fallbacks: 1, fallbackRate: 0.025, errorCodes: [{ code: 'upstream_unavailable:llm', count: 2 }] });
    expect(report.breakdown.source).toEqual([
      { value: 'ads', conversations: 7, leads: 2, meetings: 0, handoffs: 0 },
      { value: '-', conversations: 3, leads: 0, meetings: 0, handoffs: 0 },
    ]);
    expect(report.topQuestions).toEqual([
      { id: 'faq:sso', title: kb.faqs.find((f) => f.id === 'sso')?.question ?? 'Sso', count: 7 },
      { id: 'unknown-topic', title: 'Unknown topic', count: 2 },
    ]);
    expect(report.range).toMatchObject({ timeZone: 'UTC', granularity: 'day', from: '2026-11-01T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' });
    const empty = buildReport(plan, new Array(plan.commands.length).fill(null), { kb, now: T, queryMs: 1 });
    expect(empty.kpis.leadConversion).toBeNull();
    expect(empty.rates.errorRate).toBeNull();
    expect(empty.latency.firstToken).toEqual({ count: 0, p50: null, p95: null, p99: null });
    expect(empty.funnel[0]!.dropOff).toBeNull();
  });

  test('one pipeline: hashes, visitor counts, unions with a safety expiry, and their scratch keys deleted at the end', () => {
    const plan = planQuery(kv, presetRange('30d', T));
    const names = plan.commands.map((c) => c[0]);
    expect(names.filter((n) => n === 'HGETALL')).toHaveLength(30);
    expect(names.filter((n) => n === 'ZUNIONSTORE')).toHaveLength(4);
    const unions = plan.commands.filter((c) => c[0] === 'ZUNIONSTORE');
    for (const union of unions) expect(union[2]).toBe(30 * 24);
    expect(plan.commands.at(-1)).toEqual(['DEL', ...unions.map((u) => u[1])]);
  });

  test('topic titles come from the knowledge base, whichever way the id is written', () => {
    const objection = kb.objections[0]!;
    expect(topicTitle('objection', objection.id, kb)).toBe(objection.title ?? expect.any(String));
    expect(topicTitle('objection', `objection:${objection.id}`, kb)).toBe(topicTitle('objection', objection.id, kb));
    const plan = kb.plans[0]!;
    expect(topicTitle('question', `plan:${plan.id}`, kb)).toBe(plan.name);
    expect(topicTitle('question', 'never-heard-of', kb)).toBe('Never heard of');
  });
});

describe('config', () => {
  test('defaults, bounds and the sweep interval', () => {
    expect(parseAnalyticsConfig({})).toEqual({ retentionDays: 400, idleMs: 30 * 60_000, sweepIntervalMs: 60_000 });
    expect(parseAnalyticsConfig({ CONVERSATION_IDLE_MINUTES: '1', ANALYTICS_RETENTION_DAYS: '30' })).toEqual({ retentionDays: 30, idleMs: 60_000, sweepIntervalMs: 10_000 });
    expect(() => parseAnalyticsConfig({ ANALYTICS_RETENTION_DAYS: '0' })).toThrow(/ANALYTICS_RETENTION_DAYS/);
    expect(() => parseAnalyticsConfig({ CONVERSATION_IDLE_MINUTES: 'soon' })).toThrow(/CONVERSATION_IDLE_MINUTES/);
  });
});

// Events never carry message text; this keeps the schema's promise visible next to the recorder's tests.
test('the event schema has no field for message text', () => {
  const message: AppEvent = { type: 'message', at: T, role: 'user', chars: 5 };
  expect(Object.keys(message)).not.toContain('text');
});
