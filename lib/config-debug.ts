import 'server-only';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The agent's debug view (docs/sales-brain.md): DEBUG_AGENT=1 streams a `data-debug` part with every reply (stage,
 * state diff, passages with scores, tools, tokens, timings). Refused in production — ignored, with a warning — unless
 * DEBUG_AGENT_IN_PRODUCTION=1 says so on purpose: the part shows the prompt's knowledge and the lead's evidence.
 */
export interface DebugConfig {
  agent: boolean;
}

export function parseDebugConfig(env: Record<string, string | undefined>, warn: (message: string) => void = console.warn): DebugConfig {
  const wanted = /^(1|true|yes|on)$/i.test(env.DEBUG_AGENT?.trim() ?? '');
  if (!wanted) return { agent: false };
  if (env.NODE_ENV === 'production' && !/^(1|true|yes|on)$/i.test(env.DEBUG_AGENT_IN_PRODUCTION?.trim() ?? '')) {
    warn('[config] DEBUG_AGENT is ignored in production; set DEBUG_AGENT_IN_PRODUCTION=1 to allow it.');
    return { agent: false };
  }
  return { agent: true };
}

export function getDebugConfig(): DebugConfig {
  return processSingleton('debug-config', () => parseDebugConfig(process.env));
}
