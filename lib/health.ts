import 'server-only';
import { getServerConfig } from '@/lib/config';
import { getSalesAgent } from '@/lib/llm';
import { getConversationStore } from '@/lib/store';

export interface HealthReport {
  status: 'ok' | 'degraded';
  agent: { provider: 'openai' | 'offline'; model: string; ok: boolean; latencyMs: number; error?: string };
  store: { provider: 'upstash' | 'memory'; durable: boolean; ok: boolean; latencyMs: number; error?: string };
  speech: { provider: 'browser'; ok: boolean; note: string };
  checkedAt: string;
}

/** Pings every outside service in parallel. Errors are summarised, never raw (they may name hosts or keys). */
export async function getHealthReport(): Promise<HealthReport> {
  const config = getServerConfig();
  const agent = getSalesAgent();
  const store = getConversationStore();
  const [agentHealth, storeHealth] = await Promise.all([agent.ping(), store.ping()]);
  const report: HealthReport = {
    status: agentHealth.ok && storeHealth.ok ? 'ok' : 'degraded',
    agent: { provider: agent.kind, model: agent.model, ...agentHealth },
    store: { provider: store.kind, durable: config.store.provider === 'upstash', ...storeHealth },
    // Server-side speech arrives with the voice issue; until then replies are spoken by the browser.
    speech: { provider: 'browser', ok: true, note: 'Speech is synthesised in the browser (speechSynthesis).' },
    checkedAt: new Date().toISOString(),
  };
  return report;
}
