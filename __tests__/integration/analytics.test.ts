/** @jest-environment node */
// The analytics recorder and the dashboard query on real Redis (through the Upstash bridge) and on the in-memory
// store: the same traffic must give the same report on both, and that report must match counts made directly from
// the events. Also: every key expires, nothing personal is written, scratch keys are cleaned up, and idle
// conversations end exactly once however many sweepers run.
import { hourId } from '@/lib/analytics/buckets';
import { analyticsKeys } from '@/lib/analytics/keys';
import { queryMetrics } from '@/lib/analytics/query';
import { customRange } from '@/lib/analytics/range';
import { analyticsCommands, packCommands, recordEvents } from '@/lib/analytics/recorder';
import type { MetricsReport } from '@/lib/analytics/report';
import { subscribeAnalytics } from '@/lib/analytics/subscriber';
import { stopConversationSweeper, sweepIdleConversations } from '@/lib/analytics/sweeper';
import { drainEvents, publishEvent } from '@/lib/events/bus';
import type { AppEvent } from '@/lib/events/schema';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { STAGES } from '@/lib/sales/types';
import { createMemoryKv, createUpstashKv, getKv, kvHash, type Kv, type KvCommand } from '@/lib/store/kv';
import { sampleConversations } from '@/scripts/lib/analytics-sample.mjs';
import { startRedis, type RedisHarness } from '../support/redis';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
const FROM = Math.floor(NOW / DAY) * DAY - 3 * DAY;
const TO = FROM + 3 * DAY;
const OPTIONS = { retentionDays: 400, idleMs: 30 * 60_000, now: NOW };
const conversations = sampleConversations({ count: 80, from: FROM, to: TO, seed: 7 }) as { id: string; events: AppEvent[] }[];
const events = conversations.flatMap((c) => c.events).sort((a, b) => a.at - b.at);

let redis: RedisHarness;
let round = 0;
const upstashKv = (prefix: string) => createUpstashKv({ url: redis.bridgeUrl, token: redis.token, prefix });

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

/** Records the sample on a fresh Redis prefix and a fresh memory store, in bus-sized batches. */
async function recordBoth(): Promise<{ real: Kv; memory: Kv }> {
  round += 1;
  const real = upstashKv(`an${round}:`);
  const memory = createMemoryKv({ prefix: `an${round}:` });
  for (let i = 0; i < events.length; i += 97) {
    const batch = events.slice(i, i + 97);
    await Promise.all([recordEvents(real, batch, OPTIONS), recordEvents(memory, batch, OPTIONS)]);
  }
  return { real, memory };
}

/** The report without the fields that differ run to run. */
const comparable = ({ queryMs: _q, generatedAt: _g, ...rest }: MetricsReport) => rest;

/** What the dashboard should say about [from, to), counted directly from the events. */
function expected(from: number, to: number) {
  const inRange = events.filter((e) => e.at >= from && e.at < to);
  const count = (type: AppEvent['type']) => inRange.filter((e) => e.type === type).length;
  const prospectMessages = new Map<string, number>();
  const furthest = new Map<string, number>();
  for (const e of inRange) {
    const id = e.conversationId ?? '';
    if (e.type === 'message' && e.role === 'user') prospectMessages.set(id, (prospectMessages.get(id) ?? 0) + 1);
    if (e.type === 'conversation.started') furthest.set(id, Math.max(furthest.get(id) ?? 0, 0));
    if (e.type === 'stage.changed') furthest.set(id, Math.max(furthest.get(id) ?? 0, STAGES.indexOf(e.to as (typeof STAGES)[number])));
  }
  const questions = new Map<string, number>();
  for (const e of inRange) if (e.type === 'topic' && e.kind === 'question') questions.set(e.id, (questions.get(e.id) ?? 0) + 1);
  const leadsBySource = new Map<string, number>();
  for (const e of inRange) if (e.type === 'lead.captured') leadsBySource.set(e.source?.utm?.source ?? '-', (leadsBySource.get(e.source?.utm?.source ?? '-') ?? 0) + 1);
  return {
    conversations: count('conversation.started'),
    leads: count('lead.captured'),
    meetings: count('meeting.booked'),
    handoffs: count('handoff.requested'),
    engaged: [...prospectMessages.values()].filter((n) => n >= 2).length,
    visitors: new Set(inRange.map((e) => e.visitorId)).size,
    funnel: STAGES.map((_, index) => [...furthest.values()].filter((stage) => stage >= index).length),
    errors: count('error'),
    turns: inRange.filter((e) => e.type === 'message' && e.role === 'user').length,
    firstTokens: inRange.filter((e) => e.type === 'latency' && e.metric === 'first_token').map((e) => (e as { ms: number }).ms).sort((a, b) => a - b),
    questions,
    leadsBySource,
  };
}

test('ZUNIONSTORE answers on the in-memory store exactly as on Redis', async () => {
  const real = upstashKv('zu:');
  const memory = createMemoryKv({ prefix: 'zu:' });
  const script: KvCommand[] = [
    ['ZADD', 'zu:a', 1, 'x', 5, 'y'],
    ['ZADD', 'zu:b', 3, 'x', 2, 'z'],
    ['SADD', 'zu:s', 'x', 'w'],
    ['ZUNIONSTORE', 'zu:sum', 3, 'zu:a', 'zu:b', 'zu:missing'],
    ['ZRANGE', 'zu:sum', 0, -1, 'WITHSCORES'],
    ['ZUNIONSTORE', 'zu:max', 2, 'zu:a', 'zu:b', 'AGGREGATE', 'MAX'],
    ['ZRANGE', 'zu:max', 0, -1, 'WITHSCORES'],
    ['ZUNIONSTORE', 'zu:w', 3, 'zu:a', 'zu:b', 'zu:s', 'WEIGHTS', 2, 1, 10, 'AGGREGATE', 'MIN'],
    ['ZRANGE', 'zu:w', 0, -1, 'WITHSCORES'],
    ['ZUNIONSTORE', 'zu:sum', 1, 'zu:missing'],
    ['EXISTS', 'zu:sum'],
  ];
  const [r, m] = [await real.exec(script), await memory.exec(script)];
  expect(m).toEqual(r);
  expect(r[4]).toEqual(['z', '2', 'x', '4', 'y', '5']);
  expect(r[10]).toBe(0);
});

test('the same traffic gives the same report on Redis and in memory, and it matches the events', async () => {
  const { real, memory } = await recordBoth();
  for (const [from, to] of [
    [FROM, TO], // daily buckets
    [FROM + DAY, FROM + 2 * DAY], // hourly buckets
  ] as const) {
    const range = customRange(from, to, NOW);
    const [onRedis, inMemory] = await Promise.all([queryMetrics({ kv: real, range, now: NOW }), queryMetrics({ kv: memory, range, now: NOW })]);
    expect(comparable(inMemory)).toEqual(comparable(onRedis));

    const want = expected(range.from, range.to);
    expect(onRedis.range.granularity).toBe(to - from > 2 * DAY ? 'day' : 'hour');
    expect(want.conversations).toBeGreaterThan(10); // the sample really covers the range
    expect(onRedis.kpis).toMatchObject({
      conversations: want.conversations,
      engagedConversations: want.engaged,
      leads: want.leads,
      meetings: want.meetings,
      handoffs: want.handoffs,
      visitors: want.visitors,
      prospectMessages: want.turns,
    });
    expect(onRedis.kpis.leadConversion).toBeCloseTo(want.leads / want.conversations, 10);
    expect(onRedis.funnel.map((step) => step.reached)).toEqual(want.funnel);
    expect(onRedis.rates.errors).toBe(want.errors);
    expect(onRedis.series.reduce((sum, point) => sum + point.conversations, 0)).toBe(want.conversations);
    expect(onRedis.series).toHaveLength(range.granularity === 'day' ? 3 : 24);

    // Latency: within the histogram's bucket of the exact percentile.
    const exactP95 = want.firstTokens[Math.ceil(0.95 * want.firstTokens.length) - 1]!;
    expect(onRedis.latency.firstToken.count).toBe(want.firstTokens.length);
    expect(Math.abs(onRedis.latency.firstToken.p95! - exactP95) / exactP95).toBeLessThan(0.2);

    const topQuestion = [...want.questions].sort((a, b) => b[1] - a[1])[0]!;
    expect(onRedis.topQuestions[0]?.count).toBe(topQuestion[1]);
    expect(onRedis.topQuestions.find((q) => q.id === 'faq:sso')?.title).toMatch(/SSO|single sign-on/i);
    for (const [source, leads] of want.leadsBySource) {
      expect(onRedis.breakdown.source.find((row) => row.value === source)?.leads).toBe(leads);
    }
  }
});

/** Every key under a prefix, with its type, TTL and readable contents. */
async function dumpRedis(kv: Kv) {
  const out: { key: string; type: string; ttl: number; content: string }[] = [];
  let cursor = '0';
  do {
    const [reply] = await kv.exec([['SCAN', cursor, 'MATCH', `${kv.prefix}*`, 'COUNT', 1000]]);
    const [next, keys] = reply as [string, string[]];
    cursor = next;
    for (const key of keys) {
      const [type, ttl] = (await kv.exec([['TYPE', key], ['TTL', key]])) as [string, number];
      const read: KvCommand = type === 'hash' ? ['HGETALL', key] : type === 'zset' ? ['ZRANGE', key, 0, -1, 'WITHSCORES'] : ['GET', key];
      const [content] = await kv.exec([read]);
      out.push({ key, type, ttl, content: JSON.stringify(content) });
    }
  } while (cursor !== '0');
  return out;
}

test('on Redis every key expires, no scratch key survives a query, and nothing personal is readable', async () => {
  const { real } = await recordBoth();
  await queryMetrics({ kv: real, range: customRange(FROM, TO, NOW), now: NOW });
  const keys = await dumpRedis(real);
  expect(keys.length).toBeGreaterThan(50);
  expect(keys.filter((k) => k.key.includes(':an:tmp:'))).toEqual([]);
  for (const { key, ttl } of keys) {
    expect([key, ttl > 0]).toEqual([key, true]);
    expect(ttl).toBeLessThanOrEqual(401 * 24 * 3600);
  }
  const everything = keys.map((k) => k.key + k.content).join('\n');
  expect(everything).not.toMatch(/@example\.com|reach me|VCALENDAR|visitor-7-/);
  // Visitor ids live only in HyperLogLogs (Redis strings of registers, not the ids).
  expect(keys.filter((k) => k.key.includes(':an:uv:')).every((k) => k.type === 'string' && k.content.includes('HYLL'))).toBe(true);
});

test('one EVAL per batch on Redis writes exactly what the commands themselves write', async () => {
  // A turn's batch, and the whole sample at once (which needs several scripts: each stays under Lua's stack).
  const turn = conversations[0]!.events.slice(0, 12);
  for (const [name, batch] of [['turn', turn], ['all', events]] as const) {
    const packedKv = upstashKv(`pk-${name}:`);
    const plainKv = upstashKv(`pl-${name}:`);
    const commands = analyticsCommands(plainKv, batch, OPTIONS);
    const packed = packCommands(analyticsCommands(packedKv, batch, OPTIONS));
    expect(packed.every((command) => command[0] === 'EVAL')).toBe(true);
    if (name === 'turn') expect([commands.length > 10, packed.length]).toEqual([true, 1]);
    else expect(packed.length).toBeGreaterThan(1);
    const sent: unknown[][] = [];
    const counting: Kv = { ...packedKv, exec: (batchCommands) => (sent.push([...batchCommands]), packedKv.exec(batchCommands)) };
    await recordEvents(counting, batch, OPTIONS);
    await plainKv.exec(commands);
    expect(sent.map((request) => request.length)).toEqual([packed.length]);
    const strip = (kv: Kv, dump: Awaited<ReturnType<typeof dumpRedis>>) =>
      dump.map(({ key, type, content, ttl }) => ({ key: key.slice(kv.prefix.length), type, content: content.split(kv.prefix).join('~'), expires: ttl > 0 })).sort((a, b) => a.key.localeCompare(b.key));
    const [viaScript, viaPipeline] = [strip(packedKv, await dumpRedis(packedKv)), strip(plainKv, await dumpRedis(plainKv))];
    expect(viaScript.length).toBeGreaterThan(5);
    expect(viaScript).toEqual(viaPipeline);
  }
});

describe('idle conversations', () => {
  const IDLE = 30 * 60_000;
  const started = (id: string, at: number): AppEvent => ({ type: 'conversation.started', at, conversationId: id, source: { locale: 'es', agent: 'offline' } });
  const said = (id: string, at: number): AppEvent => ({ type: 'message', at, conversationId: id, role: 'user', chars: 10 });

  async function seed(kv: Kv, now: number) {
    await recordEvents(kv, [started('idle-1', now - 3 * IDLE), said('idle-1', now - 2 * IDLE), started('idle-2', now - IDLE - 1), started('live', now - IDLE / 2)], { ...OPTIONS, now });
  }

  test.each(['redis', 'memory'])('%s: two sweepers at once end each idle conversation exactly once, with its messages and source', async (store) => {
    round += 1;
    const kv = store === 'redis' ? upstashKv(`sw${round}:`) : createMemoryKv({ prefix: `sw${round}:` });
    const now = NOW;
    await seed(kv, now);
    const published: AppEvent[] = [];
    const publish = (...events: AppEvent[]) => void published.push(...events);
    const [a, b] = await Promise.all([
      sweepIdleConversations({ kv, idleMs: IDLE, now, publish, batch: 1 }),
      sweepIdleConversations({ kv, idleMs: IDLE, now, publish, batch: 1 }),
    ]);
    expect([...a, ...b].sort()).toEqual(['idle-1', 'idle-2']);
    expect(published.map((e) => e.conversationId).sort()).toEqual(['idle-1', 'idle-2']);
    expect(published.find((e) => e.conversationId === 'idle-1')).toEqual({
      type: 'conversation.ended',
      at: now - 2 * IDLE + IDLE,
      conversationId: 'idle-1',
      messages: 1,
      source: { locale: 'es', agent: 'offline' },
    });
    // A later sweep finds nothing more; the live conversation is still indexed.
    expect(await sweepIdleConversations({ kv, idleMs: IDLE, now, publish })).toEqual([]);
    const [live] = await kv.exec([['ZSCORE', analyticsKeys(kv).active(), 'live']]);
    expect(Number(live)).toBe(now - IDLE / 2);

    // Recording the ended events counts them and forgets the conversations' state.
    await recordEvents(kv, published, { ...OPTIONS, now });
    const keys = analyticsKeys(kv);
    const endedAt = [...new Set(published.map((e) => hourId(e.at)))];
    const [state, ...hours] = await kv.exec([['EXISTS', keys.conversation('idle-1')], ...endedAt.map((hour): KvCommand => ['HGETALL', keys.hourCounters(hour)])]);
    expect(state).toBe(0);
    expect(hours.reduce<number>((sum, hash) => sum + Number(kvHash(hash).ended ?? 0), 0)).toBe(2);
  });

  test('a conversation that speaks while it is being claimed is put back, not ended', async () => {
    round += 1;
    const kv = upstashKv(`race${round}:`);
    const now = NOW;
    await seed(kv, now);
    const active = analyticsKeys(kv).active();
    // The message lands between the sweeper's read of idle candidates and its claim.
    const racing: Kv = { ...kv, atomic: async (commands) => (await kv.exec([['ZADD', active, 'GT', now, 'idle-2']]), kv.atomic(commands)) };
    const published: AppEvent[] = [];
    const ended = await sweepIdleConversations({ kv: racing, idleMs: IDLE, now, publish: (...e) => void published.push(...e) });
    expect(ended).toEqual(['idle-1']);
    expect(published.map((e) => e.conversationId)).toEqual(['idle-1']);
    const [score] = await kv.exec([['ZSCORE', active, 'idle-2']]);
    expect(Number(score)).toBe(now);
  });
});

test('from the bus: events published by the app land in the store the dashboard reads', async () => {
  const env = { ...process.env };
  Object.assign(process.env, { UPSTASH_REDIS_REST_URL: redis.bridgeUrl, UPSTASH_REDIS_REST_TOKEN: redis.token, STORE_KEY_PREFIX: 'bus:' });
  resetProcessSingletons();
  try {
    subscribeAnalytics();
    const at = NOW - 60_000;
    publishEvent(
      { type: 'conversation.started', at, conversationId: 'b1', visitorId: 'v1', source: { utm: { source: 'ads' } } },
      { type: 'message', at, conversationId: 'b1', visitorId: 'v1', role: 'user', chars: 5 },
      { type: 'message', at, conversationId: 'b1', visitorId: 'v1', role: 'user', chars: 5 },
      { type: 'lead.captured', at, conversationId: 'b1', visitorId: 'v1', source: { utm: { source: 'ads' } }, lead: { fields: {}, score: 10 } },
      { type: 'latency', at, conversationId: 'b1', metric: 'first_token', ms: 320 },
    );
    await drainEvents();
    const report = await queryMetrics({ kv: getKv(), range: customRange(NOW - HOUR, NOW, NOW), now: NOW });
    expect(getKv().kind).toBe('upstash');
    expect(report.kpis).toMatchObject({ conversations: 1, engagedConversations: 1, leads: 1, visitors: 1, leadConversion: 1 });
    expect(report.breakdown.source).toEqual([{ value: 'ads', conversations: 1, leads: 1, meetings: 0, handoffs: 0 }]);
    expect(report.latency.firstToken.count).toBe(1);
  } finally {
    stopConversationSweeper();
    process.env = env;
    resetProcessSingletons();
  }
});
