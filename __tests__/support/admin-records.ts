// Conversations with leads, written through the real conversation store, for the admin records, export and backup tests.
import { randomUUID } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { RecordsDeps } from '@/lib/admin/records-index';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { emptySalesState, type LeadField, type SalesState, type Stage } from '@/lib/sales/state';
import type { ConversationStore } from '@/lib/store';
import { createMemoryKv, createUpstashKv } from '@/lib/store/kv';
import { createMemoryStore } from '@/lib/store/memory';
import { createUpstashStore } from '@/lib/store/upstash';

export const TTL_SECONDS = 30 * 24 * 3_600;

/** A clock the store, the kv and the admin code share, moved by hand. */
export function testClock(start = Date.UTC(2026, 10, 2, 9)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export function memoryDeps(clock = testClock(), prefix = 'adm:'): RecordsDeps & { clock: typeof clock } {
  return {
    store: createMemoryStore({ prefix, conversationTtlSeconds: TTL_SECONDS, maxMessages: 400, clock: clock.now }),
    kv: createMemoryKv({ prefix, now: clock.now }),
    ttlSeconds: TTL_SECONDS,
    now: clock.now,
    syncIntervalMs: 0,
    clock,
  };
}

export function redisDeps(harness: { bridgeUrl: string; token: string }, prefix = 'adm:', clock = testClock(Date.now())): RecordsDeps & { clock: typeof clock } {
  const connection = { url: harness.bridgeUrl, token: harness.token, prefix };
  return {
    store: createUpstashStore({ ...connection, conversationTtlSeconds: TTL_SECONDS, maxMessages: 400, clock: clock.now }),
    kv: createUpstashKv(connection),
    ttlSeconds: TTL_SECONDS,
    now: clock.now,
    syncIntervalMs: 0,
    clock,
  };
}

export interface LeadSpec {
  stage?: Stage;
  score?: number;
  fields?: Partial<Record<LeadField, string | number>>;
  /** The sentence every field came from (default: one built from the value). */
  evidence?: string;
}

export function salesState(at: number, spec: LeadSpec = {}): SalesState {
  const state = emptySalesState(at);
  state.stage = spec.stage ?? 'discovery';
  if (spec.stage && spec.stage !== 'greeting') state.stageHistory.push({ from: 'greeting', to: spec.stage, reason: `moved to ${spec.stage}`, at });
  for (const [field, value] of Object.entries(spec.fields ?? {}) as Array<[LeadField, string | number]>) {
    state.lead.fields[field] = {
      value,
      evidence: spec.evidence ?? `My ${field} is ${value}.`,
      confidence: field === 'email' ? 0.95 : 0.7,
      asked: field === 'email',
      capturedAt: at,
      messageId: 'u1',
    };
  }
  state.lead.score = spec.score ?? Object.keys(spec.fields ?? {}).length * 10;
  state.lead.reasons = Object.keys(spec.fields ?? {}).map((field) => `${field} given`);
  state.lead.updatedAt = at;
  return state;
}

export function exchange(userText: string, reply: string, at: number, extraParts: unknown[] = []): SalesUIMessage[] {
  return [
    { id: `u-${randomUUID()}`, role: 'user', parts: [{ type: 'text', text: userText }], metadata: { createdAt: at } },
    {
      id: `a-${randomUUID()}`,
      role: 'assistant',
      parts: [...(extraParts as SalesUIMessage['parts']), { type: 'text', text: reply }],
      metadata: { createdAt: at + 1, agent: 'offline' },
    },
  ];
}

/** Stores a conversation the way a chat turn does: claimed by its visitor, then written. Returns its id. */
export async function storeConversation(
  store: ConversationStore,
  args: { at: number; title: string; lead?: LeadSpec; visitorId?: string; id?: string; extraParts?: unknown[] },
): Promise<string> {
  const id = args.id ?? randomUUID();
  const visitorId = args.visitorId ?? `v-${id.slice(0, 8)}`;
  await store.loadTurn({ id, visitorId, day: new Date(args.at).toISOString().slice(0, 10) });
  await store.appendMessages({
    id,
    messages: exchange(args.title, 'Happy to help with that.', args.at, args.extraParts),
    state: salesState(args.at, args.lead),
    now: args.at,
  });
  return id;
}

/**
 * Reads a byte stream to its end the way a client would, counting lines and bytes, and samples the heap after a
 * forced collection every `sampleBytes`: the peak growth over the start is what the stream made the process hold.
 */
export async function measureStream(stream: ReadableStream<Uint8Array>, sampleBytes = 4_000_000) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let lines = 0;
  let bytes = 0;
  let sinceSample = 0;
  let first = '';
  const started = performance.now();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!first) first = new TextDecoder().decode(value.subarray(0, 4_000));
    bytes += value.byteLength;
    sinceSample += value.byteLength;
    for (const byte of value) if (byte === 0x0a) lines += 1;
    if (sinceSample > sampleBytes) {
      sinceSample = 0;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }
  gc();
  peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
  return { lines, bytes, mb: bytes / 1_048_576, peakMb: peak / 1_048_576, seconds: (performance.now() - started) / 1_000, first };
}
