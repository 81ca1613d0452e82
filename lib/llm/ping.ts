import 'server-only';
import type { AgentHealth } from '@/lib/llm/types';

export const PING_TIMEOUT_MS = 2_000;

/** Health of the OpenAI boundary: can we list models with this key, and how fast. Never throws. */
export async function pingOpenAI(options: {
  baseURL: string;
  apiKey: string;
  fetch: typeof fetch;
  now: () => number;
  timeoutMs?: number;
}): Promise<AgentHealth> {
  const timeoutMs = options.timeoutMs ?? PING_TIMEOUT_MS;
  const started = options.now();
  const latency = () => Math.max(0, Math.round(options.now() - started));
  try {
    const response = await options.fetch(`${options.baseURL}/models`, {
      headers: { authorization: `Bearer ${options.apiKey}` },
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    // Drain the body so the connection can be reused; its content does not matter here.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { ok: true, latencyMs: latency() };
    return { ok: false, latencyMs: latency(), error: `OpenAI answered HTTP ${response.status}` };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { ok: false, latencyMs: latency(), error: timedOut ? `OpenAI did not answer within ${timeoutMs} ms` : 'OpenAI is unreachable' };
  }
}
