/** @jest-environment node */
// The event bus's outbox (lib/events/bus.ts) and its spool on disk (lib/events/spool-node.ts): a batch a subscriber
// could not take because the store was down is held, in order, and delivered once the store answers — also after a
// restart, from the journal the process that held it left behind.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drainEvents, heldEventCounts, publishEvent, restoreHeldBatches, retryHeldEvents, setOutboxSpool, subscribeEvents, type HeldBatch } from '@/lib/events/bus';
import { createFileSpool, outboxDirectory, replayJournal } from '@/lib/events/spool-node';
import type { AppEvent } from '@/lib/events/schema';
import { AppError } from '@/lib/errors';
import { resetProcessSingletons } from '@/lib/process-singleton';

const handoff = (id: string, at = 1_000): AppEvent => ({ type: 'handoff.requested', at, conversationId: id, reason: 'wants a human', email: `${id}@acme.example` });
const storeDown = () => new AppError('upstream_unavailable:store', 'The store is not answering.');

/** A subscriber in front of a store that can be switched off: what it took, in order. */
function storeSubscriber() {
  const state = { up: true, took: [] as string[], calls: 0 };
  const subscriber = (events: readonly AppEvent[]) => {
    state.calls += 1;
    if (!state.up) throw storeDown();
    state.took.push(...events.map((event) => event.conversationId ?? '?'));
  };
  return { state, subscriber };
}

let dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'outbox-test-'));
  dirs.push(dir);
  return dir;
};

let warn: jest.SpyInstance;
let info: jest.SpyInstance;
beforeEach(() => {
  resetProcessSingletons();
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
});
afterEach(async () => {
  await drainEvents();
  setOutboxSpool(undefined);
  warn.mockRestore();
  info.mockRestore();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('the outbox', () => {
  test('a batch the store could not take is held, not lost, and goes out in order once it answers', async () => {
    const { state, subscriber } = storeSubscriber();
    subscribeEvents('notifications', subscriber);
    state.up = false;
    publishEvent(handoff('c1'));
    await drainEvents();
    expect(state.took).toEqual([]);
    expect(heldEventCounts()).toMatchObject({ batches: 1, events: 1, bySubscriber: { notifications: 1 } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('held for a retry'), 'The store is not answering.');

    // While it holds batches, later ones join them behind (not tried on their own, which would reorder them).
    publishEvent(handoff('c2'));
    await drainEvents();
    expect(heldEventCounts().batches).toBe(2);

    state.up = true;
    await retryHeldEvents();
    expect(state.took).toEqual(['c1', 'c2']);
    expect(heldEventCounts()).toMatchObject({ batches: 0, events: 0, bySubscriber: {} });
  });

  test('only the subscriber that failed holds the batch; the others got it at once', async () => {
    const down = storeSubscriber();
    const up = storeSubscriber();
    subscribeEvents('notifications', down.subscriber);
    subscribeEvents('other', up.subscriber);
    down.state.up = false;
    publishEvent(handoff('c1'));
    await drainEvents();
    expect(up.state.took).toEqual(['c1']);
    expect(heldEventCounts().bySubscriber).toEqual({ notifications: 1 });
    down.state.up = true;
    await retryHeldEvents();
    expect(down.state.took).toEqual(['c1']);
    expect(up.state.took).toEqual(['c1']);
  });

  test('an error that is not the store being down is logged and the batch dropped, as before (a bug must not loop)', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    subscribeEvents('broken', () => {
      throw new TypeError('cannot read x of undefined');
    });
    publishEvent(handoff('c1'));
    await drainEvents();
    expect(heldEventCounts().batches).toBe(0);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"broken" failed'), 'cannot read x of undefined');
    error.mockRestore();
  });

  test('a store timeout is held too', async () => {
    subscribeEvents('analytics', () => {
      const timeout = new Error('The store did not answer within 2000 ms');
      timeout.name = 'TimeoutError';
      throw timeout;
    });
    publishEvent(handoff('c1'));
    await drainEvents();
    expect(heldEventCounts().bySubscriber).toEqual({ analytics: 1 });
  });

  test('retries on its own, with backoff, while the store stays down, and delivers once it is back', async () => {
    const { state, subscriber } = storeSubscriber();
    subscribeEvents('notifications', subscriber);
    state.up = false;
    publishEvent(handoff('c1'));
    await drainEvents();
    const callsAfterFirst = state.calls;
    // The first retry is due 1 s later: still down, so it stays held and the next waits longer.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(state.calls).toBe(callsAfterFirst + 1);
    expect(heldEventCounts().batches).toBe(1);
    state.up = true;
    // The second retry is due 2 s after that.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(state.took).toEqual(['c1']);
    expect(heldEventCounts().batches).toBe(0);
  }, 10_000);

  test('a later batch that finds the store back delivers the held ones first, without waiting for the timer', async () => {
    const { state, subscriber } = storeSubscriber();
    subscribeEvents('notifications', subscriber);
    state.up = false;
    publishEvent(handoff('c1'));
    await drainEvents();
    // The timer's retry at 1 s fails (the next is due at 3 s). More than the probe interval (1 s) after it, the store
    // is back and a new turn publishes: everything goes now, not at 3 s.
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    const calls = state.calls;
    expect(calls).toBe(2);
    state.up = true;
    publishEvent(handoff('c2'));
    await drainEvents();
    expect(state.took).toEqual(['c1', 'c2']);
    expect(heldEventCounts().batches).toBe(0);
  }, 10_000);
});

describe('the spool on disk', () => {
  test('journals held batches, forgets delivered ones, and removes the file once nothing is held', async () => {
    const dir = tempDir();
    const spool = createFileSpool(dir);
    setOutboxSpool(spool);
    const { state, subscriber } = storeSubscriber();
    subscribeEvents('notifications', subscriber);
    state.up = false;
    publishEvent(handoff('c1'));
    await drainEvents();
    publishEvent(handoff('c2'));
    await drainEvents();
    await spool.flushed();
    const journal = readFileSync(spool.file, 'utf8');
    expect(replayJournal(journal).batches.map((batch) => batch.events[0]?.conversationId)).toEqual(['c1', 'c2']);
    // The journal holds the lead's e-mail until it is delivered: readable by this user only.
    expect(readdirSync(dir)).toEqual([path.basename(spool.file)]);

    state.up = true;
    await retryHeldEvents();
    await spool.flushed();
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a process that starts after one died mid-outage adopts its journal and delivers what it held', async () => {
    const dir = tempDir();
    // The journal of a process that is gone (its pid is not running): two batches held, one of them delivered later.
    const held: HeldBatch[] = [
      { id: 'b1', subscriber: 'notifications', events: [handoff('c1', 1)], heldAt: 1 },
      { id: 'b2', subscriber: 'notifications', events: [handoff('c2', 2)], heldAt: 2 },
      { id: 'b3', subscriber: 'analytics', events: [handoff('c3', 3)], heldAt: 3 },
    ];
    const gone = 2 ** 22 + 12_345; // above Linux's default pid_max: never a running process
    writeFileSync(
      path.join(dir, `outbox-${gone}.jsonl`),
      [...held.map((batch) => JSON.stringify({ add: batch })), JSON.stringify({ done: ['b2'] }), '{"add":{"id":"torn'].join('\n'),
    );
    // A live process's journal is left alone (its owner still delivers it).
    writeFileSync(path.join(dir, `outbox-${process.ppid}.jsonl`), `${JSON.stringify({ add: held[1] })}\n`);

    const notified = storeSubscriber();
    const recorded = storeSubscriber();
    subscribeEvents('notifications', notified.subscriber);
    subscribeEvents('analytics', recorded.subscriber);
    const spool = createFileSpool(dir);
    const adopted = await spool.adopt();
    expect(adopted.map((batch) => batch.id)).toEqual(['b1', 'b3']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('1 unreadable line'));
    setOutboxSpool(spool);
    restoreHeldBatches(adopted);
    await retryHeldEvents();
    expect(notified.state.took).toEqual(['c1']);
    expect(recorded.state.took).toEqual(['c3']);
    await spool.flushed();
    expect(readdirSync(dir)).toEqual([`outbox-${process.ppid}.jsonl`]);
  });

  test('two processes starting together never both adopt one journal', async () => {
    const dir = tempDir();
    const gone = 2 ** 22 + 54_321;
    writeFileSync(path.join(dir, `outbox-${gone}.jsonl`), `${JSON.stringify({ add: { id: 'b1', subscriber: 'notifications', events: [handoff('c1')], heldAt: 1 } })}\n`);
    const [a, b] = await Promise.all([createFileSpool(dir, 2 ** 22 + 1).adopt(), createFileSpool(dir, 2 ** 22 + 2).adopt()]);
    expect([...a, ...b].map((batch) => batch.id)).toEqual(['b1']);
  });

  test('a line that is no held batch (an edited or foreign file) is skipped, never replayed', () => {
    const text = [
      JSON.stringify({ add: { id: 'b1', subscriber: 'notifications', events: [{ type: 'nope', at: 1 }], heldAt: 1 } }),
      JSON.stringify({ add: { id: 'b2', subscriber: 'notifications', events: [], heldAt: 1 } }),
      JSON.stringify({ something: 'else' }),
      JSON.stringify({ add: { id: 'b3', subscriber: 'notifications', events: [handoff('c3')], heldAt: 3 } }),
    ].join('\n');
    const { batches, skipped } = replayJournal(text);
    expect(batches.map((batch) => batch.id)).toEqual(['b3']);
    expect(skipped).toBe(3);
  });

  test('the folder is per store, so events are never replayed into another store', () => {
    const a = outboxDirectory('/var/outbox', { url: 'https://one.upstash.io', prefix: 'sa:' });
    expect(a.startsWith(path.join('/var/outbox', ''))).toBe(true);
    expect(outboxDirectory('/var/outbox', { url: 'https://one.upstash.io', prefix: 'sa:' })).toBe(a);
    expect(outboxDirectory('/var/outbox', { url: 'https://two.upstash.io', prefix: 'sa:' })).not.toBe(a);
    expect(outboxDirectory('/var/outbox', { url: 'https://one.upstash.io', prefix: 'other:' })).not.toBe(a);
    expect(outboxDirectory(undefined, { url: 'https://one.upstash.io', prefix: 'sa:' }).startsWith(tmpdir())).toBe(true);
  });
});

describe('the spool directory at start-up', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetProcessSingletons();
  });

  test('a directory the deployer set that cannot be written stops start-up, naming EVENTS_OUTBOX_DIR', async () => {
    const { checkOutboxDirectory } = await import('@/lib/events/start-node');
    const { ConfigError } = await import('@/lib/config');
    const blocker = path.join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a directory');
    Object.assign(process.env, { UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:1', UPSTASH_REDIS_REST_TOKEN: 't', EVENTS_OUTBOX_DIR: blocker });
    resetProcessSingletons();
    expect(() => checkOutboxDirectory()).toThrow(ConfigError);
    expect(() => checkOutboxDirectory()).toThrow(/EVENTS_OUTBOX_DIR: .*a-file.* cannot be written/);
    // A writable one passes and is created (mode 0700), and `off` needs none.
    process.env.EVENTS_OUTBOX_DIR = path.join(tempDir(), 'spool');
    resetProcessSingletons();
    expect(() => checkOutboxDirectory()).not.toThrow();
    expect(readdirSync(process.env.EVENTS_OUTBOX_DIR)).toHaveLength(1);
    process.env.EVENTS_OUTBOX_DIR = 'off';
    resetProcessSingletons();
    expect(() => checkOutboxDirectory()).not.toThrow();
  });
});
