/** @jest-environment node */
// The backup file format and the restore's checks, over the in-memory interpreter of lib/store/kv.ts (the same
// code runs against real Redis in __tests__/integration/admin-backup.test.ts).
import { BACKUP_FORMAT, BackupError, backupLines, kvConnection, readBackup, restoreBackup, type BackupConnection } from '@/lib/admin/backup';
import { createMemoryKv, kvHash, type Kv } from '@/lib/store/kv';

const T0 = Date.UTC(2026, 10, 2, 9);

function setup(prefix = 'sa:') {
  let now = T0;
  const kv = createMemoryKv({ prefix, now: () => now });
  return { kv, conn: kvConnection(kv), now: () => now, advance: (ms: number) => (now += ms) };
}

async function fill(kv: Kv) {
  await kv.exec([
    ['SET', 'sa:secret:session', 'k3y'],
    ['SET', 'sa:tts:abc', '{"chunks":["AAA="]}', 'EX', 3_600],
    ['HSET', 'sa:conv:1', 'title', 'Hi, there', 'owner', 'v1', 'messageCount', '2'],
    ['EXPIRE', 'sa:conv:1', 86_400],
    ['RPUSH', 'sa:conv:1:msgs', '{"id":"u1"}', '{"id":"a1"}'],
    ['SADD', 'sa:admin:webhook-events', 'lead.captured', 'meeting.booked'],
    ['ZADD', 'sa:conv:index', 1_700_000_000_000, '1', 5.5, 'two words'],
    ['SET', 'other:app:key', 'not ours'],
  ]);
}

async function lines(conn: BackupConnection, now: () => number) {
  const text: string[] = [];
  for await (const chunk of backupLines(conn, { now })) text.push(chunk);
  return text.join('').split('\n');
}

/** Every key under the prefix with its type, value and TTL, for comparing stores. */
async function snapshot(kv: Kv) {
  const [[, keys]] = (await kv.exec([['SCAN', 0, 'MATCH', `${kv.prefix}*`]])) as [[string, string[]]];
  const out: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    const [type, ttl] = await kv.exec([['TYPE', key], ['PTTL', key]]);
    const read = { string: ['GET', key], hash: ['HGETALL', key], list: ['LRANGE', key, 0, -1], set: ['SMEMBERS', key], zset: ['ZRANGE', key, 0, -1, 'WITHSCORES'] }[type as string];
    const [value] = await kv.exec([read as [string, ...string[]]]);
    out[key] = { type, ttl, value: type === 'hash' ? kvHash(value) : type === 'set' ? (value as string[]).sort() : value };
  }
  return out;
}

describe('backup file', () => {
  it('holds each key once, even when SCAN lists a key twice (it may, while the keyspace is resized)', async () => {
    const source = setup();
    await fill(source.kv);
    // A SCAN that lists conv:1 in both of its pages, as Redis may.
    let page = 0;
    const conn: BackupConnection = {
      ...source.conn,
      exec: async (commands) => {
        if (commands[0]?.[0] !== 'SCAN') return source.conn.exec(commands);
        page += 1;
        return page === 1 ? [['7', ['sa:conv:1', 'sa:secret:session']]] : [['0', ['sa:conv:1', 'sa:tts:abc']]];
      },
    };
    const text = await lines(conn, source.now);
    const records = text.slice(1, -2).map((line) => JSON.parse(line) as { key: string });
    expect(records.map((record) => record.key)).toEqual(['conv:1', 'secret:session', 'tts:abc']);
    expect(JSON.parse(text.at(-2) ?? '')).toEqual({ end: true, keys: 3, checksum: expect.stringMatching(/^fnv1a64:[0-9a-f]{16}$/) });
  });

  it('has a versioned header, one line per key under the prefix with its type and expiry, and an end line', async () => {
    const source = setup();
    await fill(source.kv);
    const text = await lines(source.conn, source.now);
    expect(text.pop()).toBe('');
    expect(JSON.parse(text[0] ?? '')).toEqual({ format: BACKUP_FORMAT, version: 1, createdAt: new Date(T0).toISOString(), prefix: 'sa:' });
    expect(JSON.parse(text[text.length - 1] ?? '')).toEqual({ end: true, keys: 6, checksum: expect.stringMatching(/^fnv1a64:[0-9a-f]{16}$/) });
    const records = text.slice(1, -1).map((line) => JSON.parse(line));
    expect(records.map((record) => record.key).sort()).toEqual(['admin:webhook-events', 'conv:1', 'conv:1:msgs', 'conv:index', 'secret:session', 'tts:abc']); // not other:app:key
    expect(records.find((record) => record.key === 'conv:1')).toEqual({ key: 'conv:1', type: 'hash', pttl: 86_400_000, value: ['title', 'Hi, there', 'owner', 'v1', 'messageCount', '2'] });
    expect(records.find((record) => record.key === 'conv:index')).toEqual({ key: 'conv:index', type: 'zset', pttl: -1, value: ['two words', '5.5', '1', '1700000000000'] });
  });
});

describe('restore', () => {
  it('gives back every key with its value and remaining expiry, under the target prefix', async () => {
    const source = setup();
    await fill(source.kv);
    const file = await lines(source.conn, source.now);
    const target = setup();
    target.advance(60_000); // restored a minute after the backup
    const report = await restoreBackup(target.conn, () => file, { now: target.now });
    expect(report).toMatchObject({ keys: 6, restored: 6, expired: 0, replaced: 0, prefixChanged: false, byType: { string: 2, hash: 1, list: 1, set: 1, zset: 1 } });
    source.advance(60_000);
    expect(await snapshot(target.kv)).toEqual(await snapshot(source.kv));
    expect(await target.kv.exec([['PTTL', 'sa:tts:abc']])).toEqual([3_600_000 - 60_000]);

    const renamed = setup('staging:');
    const moved = await restoreBackup(renamed.conn, () => file, { now: renamed.now });
    expect(moved.prefixChanged).toBe(true);
    await expect(renamed.kv.exec([['HGET', 'staging:conv:1', 'title']])).resolves.toEqual(['Hi, there']);
  });

  it('leaves out keys whose expiry passed since the backup', async () => {
    const source = setup();
    await fill(source.kv);
    const file = await lines(source.conn, source.now);
    const target = setup();
    target.advance(2 * 3_600_000);
    const report = await restoreBackup(target.conn, () => file, { now: target.now });
    expect(report).toMatchObject({ restored: 5, expired: 1 });
    await expect(target.kv.exec([['EXISTS', 'sa:tts:abc']])).resolves.toEqual([0]);
  });

  it('replaces keys that exist, keeps other keys, and with flush deletes every key under the prefix first', async () => {
    const source = setup();
    await fill(source.kv);
    const file = await lines(source.conn, source.now);
    const target = setup();
    await target.kv.exec([['RPUSH', 'sa:conv:1:msgs', 'stale'], ['SET', 'sa:extra', 'x'], ['SET', 'other:app:key', 'theirs']]);
    const report = await restoreBackup(target.conn, () => file, { now: target.now });
    expect(report.replaced).toBe(1);
    await expect(target.kv.exec([['LRANGE', 'sa:conv:1:msgs', 0, -1], ['GET', 'sa:extra']])).resolves.toEqual([['{"id":"u1"}', '{"id":"a1"}'], 'x']);

    const flushed = await restoreBackup(target.conn, () => file, { now: target.now, flush: true });
    expect(flushed).toMatchObject({ flushed: 7, restored: 6, replaced: 0 });
    await expect(target.kv.exec([['GET', 'sa:extra'], ['GET', 'other:app:key']])).resolves.toEqual([null, 'theirs']);
  });

  it('changes nothing on a dry run, and says what it would do', async () => {
    const source = setup();
    await fill(source.kv);
    const file = await lines(source.conn, source.now);
    const target = setup();
    await target.kv.exec([['SET', 'sa:secret:session', 'other'], ['SET', 'sa:extra', 'x']]);
    const before = await snapshot(target.kv);
    const report = await restoreBackup(target.conn, () => file, { now: target.now, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, restored: 6, replaced: 1, flushed: 0 });
    const flushRun = await restoreBackup(target.conn, () => file, { now: target.now, dryRun: true, flush: true });
    expect(flushRun).toMatchObject({ dryRun: true, flushed: 2 });
    expect(await snapshot(target.kv)).toEqual(before);
  });

  it('refuses a backup from a newer format version, with a message that says what to do, and changes nothing', async () => {
    const source = setup();
    await fill(source.kv);
    const file = await lines(source.conn, source.now);
    const newer = [JSON.stringify({ ...JSON.parse(file[0] ?? ''), version: 2 }), ...file.slice(1)];
    const target = setup();
    await target.kv.exec([['SET', 'sa:extra', 'x']]);
    const error = await restoreBackup(target.conn, () => newer, { flush: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toBe(
      'This backup is format version 2, written by a newer version of the app; this version reads format version 1. Update the app, then restore.',
    );
    expect(Object.keys(await snapshot(target.kv))).toEqual(['sa:extra']);
  });

  it.each([
    ['an empty file', [], 'The backup file is empty.'],
    ['another kind of file', ['{"format":"redis-dump","version":1}'], 'This is not a sales-agent-backup file (its format is "redis-dump").'],
    ['a file cut before its end line', 'cut', 'The backup file is cut short: it has no end line after 6 keys.'],
    ['a wrong count in the end line', 'count', "The backup's end line counts 99 keys, but it holds 6."],
    ['a broken key line', 'broken', 'Line 3 of the backup is not a valid key: unknown type "stream".'],
  ])('refuses %s before writing anything', async (_name, variant, message) => {
    const source = setup();
    await fill(source.kv);
    const file = (await lines(source.conn, source.now)).filter(Boolean);
    const input =
      variant === 'cut'
        ? file.slice(0, -1)
        : variant === 'count'
          ? [...file.slice(0, -1), '{"end":true,"keys":99}']
          : variant === 'broken'
            ? file.map((line, i) => (i === 2 ? line.replace(/"type":"\w+"/, '"type":"stream"') : line))
            : (variant as string[]);
    const target = setup();
    await expect(restoreBackup(target.conn, () => input, { flush: true })).rejects.toThrow(message);
    expect(await snapshot(target.kv)).toEqual({});
  });

  // Each value a real backup could never hold (Redis would refuse it, or could not keep it) is refused in the check,
  // with its line number, before anything is deleted or written — dry run, plain run and --flush alike.
  const HEADER = JSON.stringify({ format: BACKUP_FORMAT, version: 1, createdAt: new Date(T0).toISOString(), prefix: 'sa:' });
  const PROBE = '{"key":"qa:probe","type":"string","pttl":-1,"value":"x"}';
  it.each([
    ['a zset score that is not a number', '{"key":"conv:index","type":"zset","pttl":-1,"value":["abc","NaNscore"]}', 'a zset score that is not a number ("NaNscore")'],
    ['an empty zset score', '{"key":"conv:index","type":"zset","pttl":-1,"value":["abc",""]}', 'a zset score that is not a number ("")'],
    ['a zset score too large for a float', '{"key":"conv:index","type":"zset","pttl":-1,"value":["abc","1e999"]}', 'a zset score that is not a number ("1e999")'],
    ['a zset score in base64', '{"key":"conv:index","type":"zset","pttl":-1,"value":["abc",{"base64":"MQ=="}]}', 'a zset score that is not a number'],
    ['an empty list', '{"key":"conv:1:msgs","type":"list","pttl":-1,"value":[]}', 'its value does not fit its type (an empty list'],
    ['an empty hash', '{"key":"conv:1","type":"hash","pttl":-1,"value":[]}', 'its value does not fit its type (an empty hash'],
    ['an empty set', '{"key":"admin:webhook-events","type":"set","pttl":-1,"value":[]}', 'its value does not fit its type (an empty set'],
    ['an empty zset', '{"key":"conv:index","type":"zset","pttl":-1,"value":[]}', 'its value does not fit its type (an empty zset'],
    ['a hash value that is not a string', '{"key":"conv:1","type":"hash","pttl":-1,"value":["title",5]}', 'its value does not fit its type.'],
    ['a list item that is not a string', '{"key":"conv:1:msgs","type":"list","pttl":-1,"value":["a",null]}', 'its value does not fit its type.'],
    ['a duplicate set member', '{"key":"admin:webhook-events","type":"set","pttl":-1,"value":["a","b","a"]}', 'a duplicate set member ("a")'],
    ['a duplicate hash field', '{"key":"conv:1","type":"hash","pttl":-1,"value":["title","a","title","b"]}', 'a duplicate hash field ("title")'],
    ['a duplicate zset member', '{"key":"conv:index","type":"zset","pttl":-1,"value":["m","1","m","2"]}', 'a duplicate zset member ("m")'],
    ['a pttl past what Redis takes', '{"key":"conv:1","type":"string","pttl":1e300,"value":"x"}', 'no valid pttl'],
    ['a fractional pttl', '{"key":"conv:1","type":"string","pttl":1.5,"value":"x"}', 'no valid pttl'],
    ['bad base64', '{"key":"an:uv:1","type":"string","pttl":-1,"value":{"base64":"@@@notbase64"}}', 'bad base64'],
    ['binary data the in-memory store cannot take', '{"key":"an:uv:1","type":"string","pttl":-1,"value":{"base64":"/wD+QQ=="}}', 'binary data, which only Redis can take back'],
    ['a line that is JSON but not an object', 'null', 'not a JSON object'],
  ])('refuses %s in the check, with its line, and changes nothing', async (_name, line, why) => {
    for (const options of [{ dryRun: true }, {}, { flush: true }]) {
      const target = setup();
      await fill(target.kv);
      const before = await snapshot(target.kv);
      const error = await restoreBackup(target.conn, () => [HEADER, PROBE, line, '{"end":true,"keys":2}'], { ...options, now: target.now }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toContain(`Line 3 of the backup is not a valid key: ${why}`);
      expect(await snapshot(target.kv)).toEqual(before);
    }
  });

  it('refuses an end line that is not JSON, and changes nothing', async () => {
    const target = setup();
    await fill(target.kv);
    const before = await snapshot(target.kv);
    await expect(restoreBackup(target.conn, () => [HEADER, PROBE, '{"end":true,"keys":1'], { flush: true })).rejects.toThrow(new BackupError("The backup's end line (line 3) is not JSON."));
    expect(await snapshot(target.kv)).toEqual(before);
  });

  it('takes every zset score Redis takes: numbers, inf, +inf and -inf', async () => {
    const target = setup();
    const scores = ['inf', '-inf', '+inf', 'INF', '1e3', '-0.5', '+3', '.25', '7.', '0', '1E-5'];
    const value = scores.flatMap((score, i) => [`m${i}`, score]);
    const file = [HEADER, JSON.stringify({ key: 'z', type: 'zset', pttl: -1, value }), '{"end":true,"keys":1}'];
    await expect(restoreBackup(target.conn, () => file, { now: target.now })).resolves.toMatchObject({ restored: 1 });
    await expect(target.kv.exec([['ZSCORE', 'sa:z', 'm0'], ['ZSCORE', 'sa:z', 'm1'], ['ZSCORE', 'sa:z', 'm4'], ['ZCARD', 'sa:z']])).resolves.toEqual(['inf', '-inf', '1000', scores.length]);
  });

  it('reads a backup line by line, header first', async () => {
    const source = setup();
    await fill(source.kv);
    const items = [];
    for await (const item of readBackup(await lines(source.conn, source.now))) items.push(item);
    expect(items[0]).toMatchObject({ format: BACKUP_FORMAT });
    expect(items.slice(1).every((item) => 'key' in item)).toBe(true);
  });
});
