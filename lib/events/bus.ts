import 'server-only';
import { trackBackground } from '@/lib/background';
import { isAppError } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import type { AppEvent } from './schema';

/**
 * The process's event bus. `publishEvent` never blocks or fails the caller: subscribers run after the current task
 * (after the response or chunk that caused the event has been handed on), each on its own, and an error in one is
 * logged and does not reach the others. One bus per process (lib/process-singleton.ts), so a subscriber registered at
 * start-up (instrumentation) sees events published by every route bundle.
 *
 * The outbox: a subscriber that fails because the store is not answering (a typed `upstream_unavailable:…`, a store
 * timeout) does not lose the batch. The bus holds it for that subscriber and tries again — after 1 s, 2 s, 5 s, then every
 * 10 s while the store stays down, and at once when a later batch (for any subscriber) finds it back — so a handoff or booking made while Redis is down
 * still reaches the sales team (e-mail, webhooks) and the dashboard once it returns. Held batches are written to a
 * spool (lib/events/spool-node.ts, registered at start-up on Node) so a restart during the outage keeps them too.
 * Delivery stays at least once; any other error is logged and the batch dropped, as before (a bug must not loop).
 */
export type EventSubscriber = (events: readonly AppEvent[]) => void | Promise<void>;

/** A batch one subscriber could not take yet. */
export interface HeldBatch {
  id: string;
  subscriber: string;
  events: AppEvent[];
  /** When it was first held (epoch ms). */
  heldAt: number;
}

/** Where held batches are kept across a restart (lib/events/spool-node.ts). Writes are fire-and-forget. */
export interface OutboxSpool {
  added(batch: HeldBatch): void;
  /** `ids` were delivered (or given up); `remaining` is everything still held, for every subscriber. */
  removed(ids: readonly string[], remaining: readonly HeldBatch[]): void;
}

/** Held batches per subscriber at most; past it the oldest is dropped (and said in the log). */
export const MAX_HELD_BATCHES = 5_000;
/** Waits between retries of a subscriber's held batches while the store stays down; the last repeats. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000] as const;
/** A later batch tries the held ones at once (instead of joining them) when the last try is at least this old. */
const PROBE_AFTER_MS = 1_000;

interface Holding {
  batches: HeldBatch[];
  failures: number;
  lastTry: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  running: Promise<void> | undefined;
}

interface Bus {
  subscribers: Map<string, EventSubscriber>;
  queue: AppEvent[];
  scheduled: boolean;
  pending: Set<Promise<unknown>>;
  held: Map<string, Holding>;
  spool: OutboxSpool | undefined;
  dropped: number;
}

function bus(): Bus {
  return processSingleton('event-bus', () => ({
    subscribers: new Map(),
    queue: [],
    scheduled: false,
    pending: new Set(),
    held: new Map(),
    spool: undefined,
    dropped: 0,
  }));
}

/** Registers (or replaces) the subscriber named `name`. Returns a function that removes it. */
export function subscribeEvents(name: string, subscriber: EventSubscriber): () => void {
  const { subscribers } = bus();
  subscribers.set(name, subscriber);
  return () => {
    if (subscribers.get(name) === subscriber) subscribers.delete(name);
  };
}

/** Queues events for every subscriber; they are delivered together, in order, after the current task. */
export function publishEvent(...events: AppEvent[]): void {
  const state = bus();
  if (state.subscribers.size === 0 || events.length === 0) return;
  state.queue.push(...events);
  if (state.scheduled) return;
  state.scheduled = true;
  void trackBackground(new Promise<void>((resolve) => setTimeout(() => resolve(flush(state)), 0)));
}

/** The store (or another service a subscriber writes to) not answering: worth holding the batch for. */
export function isRetryableEventError(error: unknown): boolean {
  if (isAppError(error)) return error.code.startsWith('upstream_unavailable:');
  return error instanceof Error && error.name === 'TimeoutError';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function track(state: Bus, run: Promise<unknown>): void {
  state.pending.add(run);
  void trackBackground(run);
  void run.finally(() => state.pending.delete(run));
}

function flush(state: Bus): void {
  state.scheduled = false;
  const batch = state.queue.splice(0);
  if (batch.length === 0) return;
  for (const [name, subscriber] of state.subscribers) {
    const holding = state.held.get(name);
    if (holding && holding.batches.length > 0) {
      // The store was down a moment ago for this subscriber: the batch joins the held ones, in order, and a try of
      // them all goes now if none went in the last second (so the first turn after Redis returns delivers everything).
      hold(state, name, batch);
      if (Date.now() - holding.lastTry >= PROBE_AFTER_MS) retryHeld(state, name);
      continue;
    }
    const run = Promise.resolve()
      .then(() => subscriber(batch))
      // It took its batch, so the store answers again: the other subscribers' held batches need not wait for a timer.
      .then(() => probeHeld(state))
      .catch((error: unknown) => {
        if (isRetryableEventError(error)) {
          console.warn(`[events] subscriber "${name}" could not take ${batch.length} event(s), held for a retry:`, describe(error));
          hold(state, name, batch);
          schedule(state, name);
        } else console.error(`[events] subscriber "${name}" failed:`, describe(error));
      });
    track(state, run);
  }
}

/** Tries every subscriber's held batches whose last try is at least PROBE_AFTER_MS old. */
function probeHeld(state: Bus): void {
  for (const [name, holding] of state.held) {
    if (holding.batches.length > 0 && !holding.running && Date.now() - holding.lastTry >= PROBE_AFTER_MS) void retryHeld(state, name);
  }
}

function holdingOf(state: Bus, name: string): Holding {
  let holding = state.held.get(name);
  if (!holding) {
    holding = { batches: [], failures: 0, lastTry: Date.now(), timer: undefined, running: undefined };
    state.held.set(name, holding);
  }
  return holding;
}

function allHeld(state: Bus): HeldBatch[] {
  return [...state.held.values()].flatMap((holding) => holding.batches);
}

function hold(state: Bus, name: string, events: AppEvent[], from?: Omit<HeldBatch, 'subscriber' | 'events'>): void {
  const holding = holdingOf(state, name);
  const batch: HeldBatch = { id: from?.id ?? crypto.randomUUID(), subscriber: name, events, heldAt: from?.heldAt ?? Date.now() };
  holding.batches.push(batch);
  state.spool?.added(batch);
  if (holding.batches.length > MAX_HELD_BATCHES) {
    const dropped = holding.batches.splice(0, holding.batches.length - MAX_HELD_BATCHES);
    state.dropped += dropped.length;
    console.error(`[events] subscriber "${name}" holds more than ${MAX_HELD_BATCHES} batches: dropped the oldest ${dropped.length}`);
    state.spool?.removed(
      dropped.map((entry) => entry.id),
      allHeld(state),
    );
  }
}

function schedule(state: Bus, name: string): void {
  const holding = state.held.get(name);
  if (!holding || holding.batches.length === 0 || holding.timer || holding.running) return;
  const delay = RETRY_DELAYS_MS[Math.min(holding.failures, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
  holding.timer = setTimeout(() => {
    holding.timer = undefined;
    retryHeld(state, name);
  }, delay);
  // A held batch must not keep a process that is otherwise done alive (tests, a graceful stop); the spool keeps it.
  holding.timer.unref?.();
}

/** Tries a subscriber's held batches, oldest first, until one fails for the store again. */
function retryHeld(state: Bus, name: string): Promise<void> {
  const holding = state.held.get(name);
  if (!holding || holding.batches.length === 0) return Promise.resolve();
  if (holding.running) return holding.running;
  if (holding.timer) {
    clearTimeout(holding.timer);
    holding.timer = undefined;
  }
  const run = (async () => {
    holding.lastTry = Date.now();
    const done: string[] = [];
    let stalled = false;
    while (holding.batches.length > 0) {
      const batch = holding.batches[0]!;
      const subscriber = state.subscribers.get(name);
      if (!subscriber) break; // unsubscribed meanwhile: keep the batches for a subscriber registered again
      try {
        await subscriber(batch.events);
      } catch (error) {
        if (isRetryableEventError(error)) {
          stalled = true;
          break;
        }
        console.error(`[events] subscriber "${name}" failed on ${batch.events.length} held event(s), dropped:`, describe(error));
      }
      holding.batches.shift();
      done.push(batch.id);
    }
    if (done.length > 0) {
      state.spool?.removed(done, allHeld(state));
      console.info(`[events] subscriber "${name}" took ${done.length} held batch(es)${holding.batches.length > 0 ? `; ${holding.batches.length} still held` : ''}`);
    }
    holding.failures = stalled ? holding.failures + 1 : 0;
  })().finally(() => {
    holding.running = undefined;
    schedule(state, name);
  });
  holding.running = run;
  track(state, run);
  return run;
}

/** Makes `spool` keep the held batches from now on (lib/events/spool-node.ts, at start-up on Node). */
export function setOutboxSpool(spool: OutboxSpool | undefined): void {
  bus().spool = spool;
}

/** Holds batches a spool kept from before a restart, and tries them (after the subscribers are registered). */
export function restoreHeldBatches(batches: readonly HeldBatch[]): void {
  const state = bus();
  const names = new Set<string>();
  for (const batch of batches) {
    hold(state, batch.subscriber, batch.events, batch);
    names.add(batch.subscriber);
  }
  for (const name of names) void retryHeld(state, name);
}

/** What the outbox holds now, per subscriber (the health report, tests). */
export function heldEventCounts(): { batches: number; events: number; dropped: number; bySubscriber: Record<string, number> } {
  const state = bus();
  const bySubscriber: Record<string, number> = {};
  let batches = 0;
  let events = 0;
  for (const [name, holding] of state.held) {
    if (holding.batches.length === 0) continue;
    bySubscriber[name] = holding.batches.length;
    batches += holding.batches.length;
    events += holding.batches.reduce((sum, batch) => sum + batch.events.length, 0);
  }
  return { batches, events, dropped: state.dropped, bySubscriber };
}

/** Tries every held batch now (tests; an operator's nudge after the store is back). Resolves when the tries end. */
export async function retryHeldEvents(): Promise<void> {
  const state = bus();
  await Promise.all([...state.held.keys()].map((name) => retryHeld(state, name)));
}

/** Resolves when every event published so far has been handled (tests, graceful shutdown). Held batches wait on. */
export async function drainEvents(): Promise<void> {
  const state = bus();
  for (let i = 0; i < 10 && (state.queue.length > 0 || state.scheduled || state.pending.size > 0); i += 1) {
    if (state.scheduled || state.queue.length > 0) flush(state);
    await Promise.allSettled([...state.pending]);
  }
}
