/** @jest-environment node */
// Backup → FLUSHALL → restore on a real redis-server through the Upstash bridge gives back every conversation (written
// by the real store), lead status and setting, values and expiries, binary values included; a dry run changes
// nothing; a newer format is refused. Also through `npm run backup` / `npm run restore` and the admin download.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { createClient, RESP_TYPES } from 'redis';
import { backupLines, restConnection, restoreBackup } from '@/lib/admin/backup';
import { getConversationDetail, listConversationRecords } from '@/lib/admin/conversations';
import { requireAdmin } from '@/lib/admin/guard';
import { getLeadDetail, setLeadStatus } from '@/lib/admin/leads';
import { startRedis, type RedisHarness } from '../support/redis';
import { redisDeps, storeConversation } from '../support/admin-records';

jest.mock('@/lib/admin/guard', () => ({ requireAdmin: jest.fn() }));
jest.setTimeout(90_000);

const PREFIX = 'sa:';
const ROOT = path.resolve(__dirname, '..', '..');
let redis: RedisHarness;
let client: ReturnType<typeof createClient>;
let dir: string;

beforeAll(async () => {
  redis = await startRedis();
  client = createClient({ url: redis.redisUrl, RESP: 2 });
  await client.connect();
  dir = mkdtempSync(path.join(tmpdir(), 'sa-backup-'));
});

afterAll(async () => {
  await client?.quit();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await client.flushAll();
});

/** Conversations through the real store, lead statuses, index rows, settings of every type, binary values. */
async function seed() {
  const deps = redisDeps(redis, PREFIX);
  const at = Date.now() - 60_000;
  const ids = {
    maria: await storeConversation(deps.store, {
      at,
      title: 'Demo para Acme Logística 🚚',
      lead: { stage: 'closing', fields: { email: 'maria@acme.io', name: 'María López', company: 'Acme Logística', teamSize: 25 } },
    }),
    bob: await storeConversation(deps.store, { at: at + 1_000, title: 'Is SSO included?', lead: { stage: 'qualification', fields: { email: 'bob@globex.com' } } }),
    plain: await storeConversation(deps.store, { at: at + 2_000, title: 'Just looking' }),
  };
  await listConversationRecords(deps, { limit: 10 });
  await setLeadStatus(deps, { id: ids.maria, status: 'qualified', note: 'Budget approved — call Tuesday', by: 'ana@northwind.example' });
  await deps.kv.exec([
    ['HSET', 'sa:admin:settings', 'notifyEmail', 'sales@northwind.example', 'webhooks', '{"enabled":true}'],
    ['SET', 'sa:secret:session', 'c2VjcmV0'],
    ['SADD', 'sa:admin:keys', 'key1', 'key2'],
    ['ZADD', 'sa:an:funnel', 3, 'greeting', 2, 'discovery', 1.5, 'closing'],
    ['RPUSH', 'sa:webhooks:log', '{"attempt":1}', '{"attempt":2}'],
    ['SET', 'sa:tts:abc', '{"chunks":["UklGRg=="]}', 'PX', 600_000],
    ['PFADD', 'sa:an:uv:2026-11-02', 'v1', 'v2', 'v3'],
    ['SET', 'other:app', 'not ours'],
  ]);
  // Values that are not UTF-8 text, written as raw bytes.
  await client.set('sa:bin:string', Buffer.from([0xff, 0x00, 0xfe, 0x41]));
  await client.hSet('sa:bin:hash', 'field', Buffer.from([0xc3, 0x28, 0x00]));
  await client.expire('sa:bin:hash', 3_600);
  return { deps, ids };
}

type Snapshot = Record<string, { type: string; pttl: number; value: unknown }>;
/** When each snapshot was taken (kept beside it, so its keys stay the keys under the prefix). */
const takenAt = new WeakMap<Snapshot, number>();

/** Every key under the prefix, read byte for byte with a plain Redis client (not the code under test). */
async function snapshot(): Promise<Snapshot> {
  const bytes = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const out: Snapshot = {};
  takenAt.set(out, Date.now());
  for (const key of (await client.keys(`${PREFIX}*`)).sort()) {
    const type = String(await client.sendCommand(['TYPE', key]));
    const read = { string: ['GET', key], hash: ['HGETALL', key], list: ['LRANGE', key, '0', '-1'], set: ['SMEMBERS', key], zset: ['ZRANGE', key, '0', '-1', 'WITHSCORES'] }[type];
    const raw = (await bytes.sendCommand(read ?? ['TYPE', key])) as Buffer | Buffer[];
    const text = Array.isArray(raw) ? raw.map((item) => item.toString('base64')) : raw.toString('base64');
    // A set's members and a hash's fields have no order Redis keeps (a hash with a long value is a hash table).
    const pairs = (items: string[]) => Array.from({ length: items.length / 2 }, (_, i) => `${items[2 * i]}=${items[2 * i + 1]}`).sort();
    const value = Array.isArray(text) ? (type === 'set' ? text.sort() : type === 'hash' ? pairs(text) : text) : text;
    out[key] = { type, pttl: await client.pTTL(key), value };
  }
  return out;
}

function expectSameData(after: Snapshot, before: Snapshot) {
  // An expiry moves by at most the time between the two snapshots (several seconds when node processes start between
  // them on a busy 2-core host), plus a second for the reads themselves.
  const withinMs = Math.max(5_000, (takenAt.get(after) ?? 0) - (takenAt.get(before) ?? 0) + 1_000);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const [key, entry] of Object.entries(before)) {
    const restored = after[key];
    expect({ key, type: restored?.type, value: restored?.value }).toEqual({ key, type: entry.type, value: entry.value });
    if (entry.pttl === -1) expect({ key, pttl: restored?.pttl }).toEqual({ key, pttl: -1 });
    else expect(Math.abs((restored?.pttl ?? 0) - entry.pttl)).toBeLessThan(withinMs);
  }
}

const connection = () => restConnection({ url: redis.bridgeUrl, token: redis.token, prefix: PREFIX });

async function backupText(): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of backupLines(connection())) chunks.push(chunk);
  return chunks.join('').split('\n');
}

test('backup, FLUSHALL, restore: every conversation, lead and setting comes back with its expiry', async () => {
  const { deps, ids } = await seed();
  const before = await snapshot();
  const conversations = await Promise.all(Object.values(ids).map((id) => deps.store.getConversation({ id })));
  const lead = await getLeadDetail(deps, ids.maria);
  const transcript = await getConversationDetail(deps, ids.bob);
  expect(Object.keys(before).length).toBeGreaterThan(15);

  const file = await backupText();
  expect(file.some((line) => line.includes('other:app'))).toBe(false);
  await client.flushAll();
  expect(await client.dbSize()).toBe(0);

  const report = await restoreBackup(connection(), () => file);
  expect(report).toMatchObject({ keys: Object.keys(before).length, restored: Object.keys(before).length, expired: 0, replaced: 0 });
  expectSameData(await snapshot(), before);
  await expect(Promise.all(Object.values(ids).map((id) => deps.store.getConversation({ id })))).resolves.toEqual(conversations);
  await expect(getLeadDetail(deps, ids.maria)).resolves.toEqual(lead);
  await expect(getConversationDetail(deps, ids.bob)).resolves.toEqual(transcript);
  expect((await listConversationRecords(deps, { limit: 10 })).items.map((row) => row.id)).toEqual([ids.plain, ids.bob, ids.maria]);
  await expect(client.pfCount('sa:an:uv:2026-11-02')).resolves.toBe(3);
  await expect(client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get('sa:bin:string')).resolves.toEqual(Buffer.from([0xff, 0x00, 0xfe, 0x41]));
});

test('a dry run changes nothing, with or without flush', async () => {
  await seed();
  const file = await backupText();
  await client.set('sa:admin:settings:new', 'since the backup');
  await client.del('sa:secret:session');
  const before = await snapshot();
  const report = await restoreBackup(connection(), () => file, { dryRun: true });
  expect(report.dryRun).toBe(true);
  expect(report.restored).toBe(report.keys);
  expect(report.replaced).toBe(report.keys - 1);
  const flushing = await restoreBackup(connection(), () => file, { dryRun: true, flush: true });
  expect(flushing.flushed).toBe(Object.keys(before).length);
  expectSameData(await snapshot(), before);
});

test('a backup from a newer format version is refused and nothing changes', async () => {
  await seed();
  const file = await backupText();
  const newer = [JSON.stringify({ ...JSON.parse(file[0] ?? '{}'), version: 2 }), ...file.slice(1)];
  await client.set('sa:changed', 'yes');
  const before = await snapshot();
  await expect(restoreBackup(connection(), () => newer, { flush: true })).rejects.toThrow(/format version 2, written by a newer version of the app/);
  expectSameData(await snapshot(), before);
});

// A value Redis would refuse, or could not hold, is refused in the check with its line — before the flush, the DELs
// and the first write (QA session 24: a bad score deleted keys and stopped half-way; an empty list deleted a live key).
const badHeader = () => JSON.stringify({ format: 'sales-agent-backup', version: 1, createdAt: new Date().toISOString(), prefix: PREFIX });
const badFile = (line: string) => [badHeader(), '{"key":"qa:probe","type":"string","pttl":-1,"value":"x"}', line, '{"end":true,"keys":2}'];

test.each([
  ['a zset score that is not a number', '{"key":"an:funnel","type":"zset","pttl":-1,"value":["abc","NaNscore"]}', 'a zset score that is not a number ("NaNscore")'],
  ['a zset score that overflows a float', '{"key":"an:funnel","type":"zset","pttl":-1,"value":["abc","1e999"]}', 'a zset score that is not a number ("1e999")'],
  ['an empty list in place of a live key', '{"key":"webhooks:log","type":"list","pttl":-1,"value":[]}', 'its value does not fit its type (an empty list'],
  ['an empty hash', '{"key":"admin:settings","type":"hash","pttl":-1,"value":[]}', 'its value does not fit its type (an empty hash'],
  ['a duplicate set member', '{"key":"admin:keys","type":"set","pttl":-1,"value":["key1","key1"]}', 'a duplicate set member ("key1")'],
  ['a pttl PEXPIRE would refuse', '{"key":"secret:session","type":"string","pttl":9223372036854775807,"value":"x"}', 'no valid pttl'],
  ['bad base64', '{"key":"bin:string","type":"string","pttl":-1,"value":{"base64":"@@@notbase64"}}', 'bad base64'],
])('%s is refused before anything is written, and nothing changes', async (_name, line, why) => {
  await seed();
  const before = await snapshot();
  for (const options of [{ dryRun: true }, {}, { flush: true }]) {
    await expect(restoreBackup(connection(), () => badFile(line), options)).rejects.toThrow(`Line 3 of the backup is not a valid key: ${why}`);
    expectSameData(await snapshot(), before);
  }
});

test('zset scores inf, +inf, -inf and numbers are restored as Redis holds them', async () => {
  const file = [badHeader(), '{"key":"z","type":"zset","pttl":-1,"value":["a","inf","b","-inf","c","+inf","d","1e3","e","-0.5"]}', '{"end":true,"keys":1}'];
  await expect(restoreBackup(connection(), () => file)).resolves.toMatchObject({ restored: 1 });
  await expect(client.sendCommand(['ZRANGE', 'sa:z', '0', '-1', 'WITHSCORES'])).resolves.toEqual(['b', '-inf', 'e', '-0.5', 'd', '1000', 'a', 'inf', 'c', 'inf']);
});

test('npm run restore: a truncated gzip or bad base64 gives "Restore failed:", exit code 1 and no stack trace', async () => {
  await seed();
  const before = await snapshot();
  const full = gzipSync(Buffer.from(`${(await backupText()).join('\n')}`));
  const truncated = path.join(dir, 'truncated.ndjson.gz');
  writeFileSync(truncated, full.subarray(0, Math.floor(full.length / 2)));
  const cut = await run('restore.mjs', [truncated]);
  expect(cut.code).toBe(1);
  expect(cut.stderr).toContain('Restore failed: The backup file is cut short or not valid gzip');
  expect(cut.stderr).not.toMatch(/^\s+at /m);

  const base64 = path.join(dir, 'bad-base64.ndjson');
  writeFileSync(base64, `${badFile('{"key":"bin:string","type":"string","pttl":-1,"value":{"base64":"@@@notbase64"}}').join('\n')}\n`);
  const refused = await run('restore.mjs', [base64, '--flush']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('Restore failed: Line 3 of the backup is not a valid key: bad base64.');
  expect(refused.stderr).not.toMatch(/^\s+at /m);
  expectSameData(await snapshot(), before);
});

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', path.join(ROOT, 'scripts', script), ...args],
      { cwd: ROOT, env: { ...process.env, UPSTASH_REDIS_REST_URL: redis.bridgeUrl, UPSTASH_REDIS_REST_TOKEN: redis.token, STORE_KEY_PREFIX: PREFIX } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('npm run backup and npm run restore (dry run, flush, newer version)', async () => {
  const { deps, ids } = await seed();
  const before = await snapshot();
  const file = path.join(dir, 'nightly.ndjson.gz');
  const backup = await run('backup.mjs', [file]);
  expect(backup).toMatchObject({ code: 0, stderr: '' });
  expect(backup.stdout).toContain(`Backed up ${Object.keys(before).length} keys.`);
  const lines = gunzipSync(await import('node:fs').then((fs) => fs.readFileSync(file))).toString('utf8').trimEnd().split('\n');
  expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ format: 'sales-agent-backup', version: 1, prefix: PREFIX });

  await client.flushAll();
  const dry = await run('restore.mjs', [file, '--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain(`${Object.keys(before).length} keys would be restored`);
  expect(dry.stdout).toContain('Nothing was changed.');
  expect(await client.dbSize()).toBe(0);

  await client.set('sa:stray', 'deleted by --flush');
  const restored = await run('restore.mjs', ['--', file, '--flush']);
  expect(restored.code).toBe(0);
  expect(restored.stdout).toContain('1 keys under "sa:" were deleted first.');
  expectSameData(await snapshot(), before);
  await expect(getLeadDetail(deps, ids.maria)).resolves.toMatchObject({ status: 'qualified' });

  const newer = path.join(dir, 'from-the-future.ndjson');
  writeFileSync(newer, `${JSON.stringify({ format: 'sales-agent-backup', version: 3, createdAt: new Date().toISOString(), prefix: PREFIX })}\n{"end":true,"keys":0}\n`);
  const refused = await run('restore.mjs', [newer]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('Restore failed: This backup is format version 3, written by a newer version of the app');
  expect((await run('restore.mjs', [])).code).toBe(2);
});

test('an admin downloads a gzipped backup from /api/v1/admin/backup', async () => {
  await seed();
  const keys = Object.keys(await snapshot()).length;
  jest.mocked(requireAdmin).mockResolvedValue({ kind: 'user', email: 'ana@northwind.example', role: 'admin' });
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  Object.assign(process.env, { UPSTASH_REDIS_REST_URL: redis.bridgeUrl, UPSTASH_REDIS_REST_TOKEN: redis.token, STORE_KEY_PREFIX: PREFIX });
  const { resetProcessSingletons } = await import('@/lib/process-singleton');
  resetProcessSingletons();
  const route = await import('@/app/api/v1/admin/backup/route');
  const response = await route.GET(new Request('http://localhost/api/v1/admin/backup'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="sales-agent-backup-.+\.ndjson\.gz"$/);
  expect(jest.mocked(requireAdmin)).toHaveBeenCalledWith(expect.any(Request), { write: true });
  const lines = gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');

  await client.flushAll();
  const report = await restoreBackup(connection(), () => lines.split('\n'));
  expect(report.restored).toBe(keys);
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  resetProcessSingletons();
});
