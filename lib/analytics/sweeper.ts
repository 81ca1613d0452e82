import 'server-only';
import { getAnalyticsConfig } from '@/lib/config-analytics';
import { publishEvent } from '@/lib/events/bus';
import { eventSourceSchema, type AppEvent, type EventSource } from '@/lib/events/schema';
import { forgetProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { getKv, kvHash, type Kv, type KvCommand } from '@/lib/store/kv';
import { analyticsKeys } from './keys';

/**
 * Ends conversations that have been quiet for CONVERSATION_IDLE_MINUTES: publishes `conversation.ended` once per
 * conversation, however many instances run. Each instance sweeps on its own timer; a conversation is claimed by the
 * instance whose ZREM removes it from the idle index, inside a transaction that also reads its last activity, so an
 * event that arrived after the candidate list was read puts the conversation back instead of ending it.
 */
export interface SweepOptions {
  kv: Kv;
  idleMs: number;
  now?: number;
  /** Conversations claimed per round (a sweep runs rounds until fewer are idle). */
  batch?: number;
  publish?: (...events: AppEvent[]) => void;
}

const MAX_ROUNDS = 20;

/** One sweep; returns the ids it ended. */
export async function sweepIdleConversations(options: SweepOptions): Promise<string[]> {
  const { kv, idleMs } = options;
  const now = options.now ?? Date.now();
  const batch = options.batch ?? 200;
  const publish = options.publish ?? publishEvent;
  const keys = analyticsKeys(kv);
  const cutoff = now - idleMs;
  const endedIds: string[] = [];

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const [reply] = await kv.exec([['ZRANGE', keys.active(), '-inf', cutoff, 'BYSCORE', 'LIMIT', 0, batch]]);
    const candidates = Array.isArray(reply) ? reply.map(String) : [];
    if (candidates.length === 0) break;

    const claims = await kv.atomic(candidates.flatMap((id): KvCommand[] => [['ZSCORE', keys.active(), id], ['ZREM', keys.active(), id]]));
    const claimed: { id: string; lastAt: number }[] = [];
    const putBack: (string | number)[] = [];
    candidates.forEach((id, index) => {
      const lastAt = Number(claims[index * 2]);
      if (Number(claims[index * 2 + 1]) !== 1) return; // another instance claimed it first
      if (lastAt > cutoff) putBack.push(lastAt, id);
      else claimed.push({ id, lastAt });
    });

    const commands: KvCommand[] = claimed.map(({ id }) => ['HGETALL', keys.conversation(id)]);
    if (putBack.length > 0) commands.push(['ZADD', keys.active(), 'GT', ...putBack]);
    const states = await kv.exec(commands);
    const events = claimed.map(({ id, lastAt }, index): AppEvent => {
      const state = kvHash(states[index]);
      return {
        type: 'conversation.ended',
        at: lastAt + idleMs,
        conversationId: id,
        messages: Math.max(0, Math.trunc(Number(state.m ?? 0)) || 0),
        source: parseSource(state.s),
      };
    });
    if (events.length > 0) publish(...events);
    endedIds.push(...claimed.map(({ id }) => id));
    if (candidates.length < batch) break;
  }
  return endedIds;
}

function parseSource(text: string | undefined): EventSource | undefined {
  if (!text) return undefined;
  try {
    const parsed = eventSourceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts this process's sweeper once (lib/process-singleton.ts). The timer is unref'd: it never keeps a process
 * alive, and a sweep never overlaps the previous one.
 */
export function startConversationSweeper(): void {
  processSingleton('analytics-sweeper', () => {
    const { idleMs, sweepIntervalMs } = getAnalyticsConfig();
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      sweepIdleConversations({ kv: getKv(), idleMs })
        .catch((error: unknown) => console.error('[analytics] idle sweep failed:', error instanceof Error ? error.message : error))
        .finally(() => (running = false));
    }, sweepIntervalMs);
    timer.unref?.();
    return timer;
  });
}

/** Stops this process's sweeper (graceful shutdown, tests). */
export function stopConversationSweeper(): void {
  clearInterval(processSingleton<ReturnType<typeof setInterval> | undefined>('analytics-sweeper', () => undefined));
  forgetProcessSingleton('analytics-sweeper');
}
