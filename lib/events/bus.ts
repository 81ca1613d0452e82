import 'server-only';
import { trackBackground } from '@/lib/background';
import { processSingleton } from '@/lib/process-singleton';
import type { AppEvent } from './schema';

/**
 * The process's event bus. `publishEvent` never blocks or fails the caller: subscribers run after the current task
 * (after the response or chunk that caused the event has been handed on), each on its own, and an error in one is
 * logged and does not reach the others. One bus per process (lib/process-singleton.ts), so a subscriber registered at
 * start-up (instrumentation) sees events published by every route bundle.
 */
export type EventSubscriber = (events: readonly AppEvent[]) => void | Promise<void>;

interface Bus {
  subscribers: Map<string, EventSubscriber>;
  queue: AppEvent[];
  scheduled: boolean;
  pending: Set<Promise<unknown>>;
}

function bus(): Bus {
  return processSingleton('event-bus', () => ({ subscribers: new Map(), queue: [], scheduled: false, pending: new Set() }));
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

function flush(state: Bus): void {
  state.scheduled = false;
  const batch = state.queue.splice(0);
  if (batch.length === 0) return;
  for (const [name, subscriber] of state.subscribers) {
    const run = Promise.resolve()
      .then(() => subscriber(batch))
      .catch((error: unknown) => console.error(`[events] subscriber "${name}" failed:`, error instanceof Error ? error.message : error));
    state.pending.add(run);
    void trackBackground(run);
    void run.finally(() => state.pending.delete(run));
  }
}

/** Resolves when every event published so far has been handled (tests, graceful shutdown). */
export async function drainEvents(): Promise<void> {
  const state = bus();
  for (let i = 0; i < 10 && (state.queue.length > 0 || state.scheduled || state.pending.size > 0); i += 1) {
    if (state.scheduled || state.queue.length > 0) flush(state);
    await Promise.allSettled([...state.pending]);
  }
}
