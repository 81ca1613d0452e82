/** @jest-environment node */
// The admin's conversation search and the exports at scale, on a real redis-server through the Upstash bridge:
// 10,000 conversations written by the real store (search timings reported), and an export of 100,000 leads whose
// heap growth stays bounded while every line arrives.
import { createClient } from 'redis';
import { listConversationRecords } from '@/lib/admin/conversations';
import { exportStream } from '@/lib/admin/export';
import { listLeadRecords } from '@/lib/admin/leads';
import { syncRecordsIndex } from '@/lib/admin/records-index';
import { conversationIndexKey } from '@/lib/store/keys';
import { startRedis, type RedisHarness } from '../support/redis';
import { measureStream, redisDeps, storeConversation } from '../support/admin-records';

jest.setTimeout(300_000);

const PREFIX = 'sa:';
const CONVERSATIONS = 10_000;
const EXPORTED = 100_000;

let redis: RedisHarness;
let client: ReturnType<typeof createClient>;
let deps: ReturnType<typeof redisDeps>;
let emails: string[];

beforeAll(async () => {
  redis = await startRedis();
  client = createClient({ url: redis.redisUrl, RESP: 2 });
  await client.connect();
  deps = redisDeps(redis, PREFIX);
  // 10,000 conversations a minute apart, every third a lead, written as chat turns write them (16 at a time).
  const start = deps.now() - CONVERSATIONS * 60_000;
  emails = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < CONVERSATIONS; i = next++) {
        const lead = i % 3 === 0;
        if (lead) emails[i] = `buyer${i}@company${i % 97}.com`;
        await storeConversation(deps.store, {
          at: start + i * 60_000,
          title: `Question ${i}: what does the ${['Starter', 'Growth', 'Scale'][i % 3]} plan cost for ${i % 50} seats?`,
          lead: lead ? { stage: i % 2 ? 'qualification' : 'closing', fields: { email: emails[i] as string, company: `Company ${i % 97}` } } : undefined,
        });
      }
    }),
  );
}, 300_000);

afterAll(async () => {
  await client?.quit();
  await redis?.stop();
});

async function timed<T>(what: string, work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  console.info(`[admin search, ${CONVERSATIONS} conversations in Redis] ${what}: ${ms.toFixed(0)} ms`);
  return { result, ms };
}

describe(`searching ${CONVERSATIONS.toLocaleString('en')} conversations`, () => {
  it('indexes them once, then lists and searches within the budget', async () => {
    const first = await timed('first look (indexes every conversation)', () => syncRecordsIndex(deps));
    expect(first.result).toBe(CONVERSATIONS);
    const again = await timed('a later look with nothing new', () => syncRecordsIndex(deps));
    expect(again.result).toBe(0);

    const page = await timed('first page of 25, newest first', () => listConversationRecords(deps, { limit: 25 }));
    expect(page.result.items.map((row) => row.title.split(':')[0])).toEqual(Array.from({ length: 25 }, (_, i) => `Question ${CONVERSATIONS - 1 - i}`));
    expect(page.ms).toBeLessThan(300);

    const one = await timed('a lead found by e-mail near the oldest end', () => listLeadRecords(deps, { q: 'BUYER3@company3.com', limit: 25 }));
    expect(one.result.items.map((row) => row.email)).toEqual(['buyer3@company3.com']);

    const none = await timed('a search that matches nothing (reads every row once)', () => listConversationRecords(deps, { q: 'no such words', limit: 25 }));
    expect(none.result).toEqual({ items: [], nextCursor: null });
    expect(none.ms).toBeLessThan(3_000);

    const closing = await timed('leads at the closing stage, first page', () => listLeadRecords(deps, { stage: 'closing', limit: 25 }));
    expect(closing.result.items).toHaveLength(25);
    expect(closing.result.items.every((row) => row.stage === 'closing' && row.hasLead)).toBe(true);
  });

  it('walks every lead exactly once through the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listLeadRecords>> = await listLeadRecords(deps, { limit: 100, cursor });
      seen.push(...page.items.map((row) => row.email ?? ''));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(Math.ceil(CONVERSATIONS / 3));
    expect(new Set(seen)).toEqual(new Set(emails.filter(Boolean)));
  });
});

describe(`exporting ${EXPORTED.toLocaleString('en')} leads from Redis`, () => {
  it('streams every line with the heap bounded', async () => {
    // Copy the 3,334 stored leads inside Redis until there are 100,000 (the store's own keys, so its reads work).
    const ids = await client.zRange(conversationIndexKey(PREFIX), 0, -1);
    const leadIds: string[] = [];
    for (const id of ids) if ((await client.get(`${PREFIX}conv:${id}:state`))?.includes('"email"')) leadIds.push(id);
    await client.del(conversationIndexKey(PREFIX));
    const now = deps.now();
    for (let copy = 0; copy * leadIds.length < EXPORTED; copy += 1) {
      const batch = client.multi();
      leadIds.forEach((id, i) => {
        const n = copy * leadIds.length + i;
        if (n >= EXPORTED) return;
        const newId = `${id.slice(0, 24)}${n.toString(16).padStart(12, '0')}`;
        for (const suffix of ['', ':msgs', ':state']) batch.copy(`${PREFIX}conv:${id}${suffix}`, `${PREFIX}conv:${newId}${suffix}`, { REPLACE: true });
        batch.zAdd(conversationIndexKey(PREFIX), { score: now - n, value: newId });
      });
      await batch.exec();
    }
    expect(await client.zCard(conversationIndexKey(PREFIX))).toBe(EXPORTED);

    const result = await measureStream(exportStream(deps, 'leads', 'csv'), 2_000_000);
    console.info(`[export] ${EXPORTED} leads from Redis as CSV: ${result.mb.toFixed(1)} MB in ${result.seconds.toFixed(1)} s, heap growth at most ${result.peakMb.toFixed(1)} MB`);
    expect(result.lines).toBe(EXPORTED + 1);
    expect(result.peakMb).toBeLessThan(50);
  });
});
