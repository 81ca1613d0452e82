import 'server-only';
import { getServerConfig } from '@/lib/config';
import { getUnsavedWriter } from '@/lib/chat/unsaved';
import { heldEventCounts } from '@/lib/events/bus';
import { getSalesAgent } from '@/lib/llm';
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

/** Pings every outside service in parallel. Errors are summarised, never raw (they may name hosts or keys). */
export async function getHealthReport(): Promise<HealthReport> {
  const config = getServerConfig();
  const agent = getSalesAgent();
  const store = getConversationStore();
  const speech = getSpeechService();
  const browserSpeech = { ok: true, latencyMs: 0 };
  const [agentHealth, storeHealth, speechHealth] = await Promise.all([agent.ping(), store.ping(), speech.provider?.ping() ?? browserSpeech]);
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
