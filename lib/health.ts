import 'server-only';
import { getServerConfig } from '@/lib/config';
import { getUnsavedWriter } from '@/lib/chat/unsaved';
import { heldEventCounts } from '@/lib/events/bus';
import { getSalesAgent } from '@/lib/llm';
import { processSingleton } from '@/lib/process-singleton';
import { getConversationStore } from '@/lib/store';
import { getSpeechService } from '@/lib/voice/speech';

export interface HealthReport {
  status: 'ok' | 'degraded';
  agent: { provider: 'openai' | 'offline'; model: string; ok: boolean; latencyMs: number; error?: string };
  store: { provider: 'upstash' | 'memory'; durable: boolean; ok: boolean; latencyMs: number; error?: string };
  speech: { provider: 'smallest' | 'openai' | 'espeak' | 'browser'; ok: boolean; latencyMs?: number; note: string; error?: string };
  /**
   * Events the store could not take yet (lib/events/bus.ts, the outbox), and conversations whose turns it could not
   * take (lib/chat/unsaved.ts): counts only, tried again until it answers.
   */
  outbox: { heldBatches: number; heldEvents: number; unsavedConversations: number };
  checkedAt: string;
}

/**
 * How long the model's and the speech provider's answers to a ping are reused. /api/v1/health is public and every open
 * chat probes it: pinging both providers on every request let anyone turn a flood of cheap GETs into as many calls to
 * the paid providers (whose rate limits the prospects' replies share). The store is pinged for every report (its state
 * is what an outage shows), but concurrent reports share one ping of each.
 */
export const PROVIDER_PING_REUSE_MS = 5_000;

interface SharedPing<T> {
  pending?: Promise<T>;
  value?: T;
  at: number;
}

/** `ping()`'s answer, shared with every caller while it is in flight and reused for `reuseMs` after. */
function sharedPing<T>(name: string, reuseMs: number, ping: () => Promise<T>): Promise<T> {
  const shared = processSingleton(`health-ping:${name}`, (): SharedPing<T> => ({ at: 0 }));
  if (shared.pending) return shared.pending;
  if (shared.value !== undefined && Date.now() - shared.at < reuseMs) return Promise.resolve(shared.value);
  const pending = ping().then(
    (value) => {
      Object.assign(shared, { pending: undefined, value, at: Date.now() });
      return value;
    },
    (error: unknown) => {
      shared.pending = undefined;
      throw error;
    },
  );
  shared.pending = pending;
  return pending;
}

/** Pings every outside service in parallel. Errors are summarised, never raw (they may name hosts or keys). */
export async function getHealthReport(): Promise<HealthReport> {
  const config = getServerConfig();
  const agent = getSalesAgent();
  const store = getConversationStore();
  const speech = getSpeechService();
  const browserSpeech = { ok: true, latencyMs: 0 };
  const speechProvider = speech.provider;
  const [agentHealth, storeHealth, speechHealth] = await Promise.all([
    sharedPing(`agent:${agent.kind}:${agent.model}`, PROVIDER_PING_REUSE_MS, () => agent.ping()),
    sharedPing(`store:${store.kind}`, 0, () => store.ping()),
    speechProvider ? sharedPing(`speech:${speech.providerId}`, PROVIDER_PING_REUSE_MS, () => speechProvider.ping()) : browserSpeech,
  ]);
  const held = heldEventCounts();
  const report: HealthReport = {
    status: agentHealth.ok && storeHealth.ok && speechHealth.ok ? 'ok' : 'degraded',
    agent: { provider: agent.kind, model: agent.model, ...agentHealth },
    store: { provider: store.kind, durable: config.store.provider === 'upstash', ...storeHealth },
    speech: {
      provider: speech.providerId,
      ...speechHealth,
      note:
        speech.providerId === 'browser'
          ? 'No server speech is configured: replies are spoken by the browser (speechSynthesis).'
          : `Replies are spoken by ${speech.providerId} through /api/v1/tts; the browser's speechSynthesis is the fallback.`,
    },
    outbox: { heldBatches: held.batches, heldEvents: held.events, unsavedConversations: getUnsavedWriter().size() },
    checkedAt: new Date().toISOString(),
  };
  return report;
}
