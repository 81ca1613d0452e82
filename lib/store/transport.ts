import 'server-only';
import { processSingleton } from '@/lib/process-singleton';
import { runtimeFetch } from './runtime-fetch';

/**
 * How the store's client sends one Upstash REST request: a POST of a small JSON body, read back whole as text.
 *
 * Route handlers stay edge-portable (ARCHITECTURE.md), so this module uses `fetch` only. On Node, instrumentation.ts
 * registers a transport on `node:http` with kept-alive connections (lib/store/node-transport.ts), which costs a
 * third of the CPU per request (docs/performance.md, "session 11"); every store client of the process uses it from
 * then on.
 */
export interface PostReply {
  status: number;
  body: string;
  /** A reply header (lower-case name), or undefined. */
  header(name: string): string | undefined;
}

export type Post = (url: URL, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<PostReply>;

/** The request outlived its deadline (the client never retries it: a store that does not answer must not hold a turn). */
export class StoreTimeoutError extends Error {
  constructor(ms: number) {
    super(`The store did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** Whether `error` is, or was caused by, a request past its deadline (the store adapters wrap it in a typed error). */
export function isStoreTimeout(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 4; cause = cause.cause, depth++) {
    if (cause.name === 'TimeoutError') return true;
  }
  return false;
}

/** The portable transport: the runtime's own fetch (not Next.js's patched copy), bounded by an abort signal. */
export const fetchPost: Post = async (url, headers, body, timeoutMs) => {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await runtimeFetch(url, { method: 'POST', headers, body, signal, cache: 'no-store' });
    const text = await response.text();
    return { status: response.status, body: text, header: (name) => response.headers.get(name) ?? undefined };
  } catch (error) {
    if (signal.aborted) throw new StoreTimeoutError(timeoutMs);
    throw error;
  }
};

const REGISTERED = 'store:transport';

/** Makes `post` the process's store transport (instrumentation.ts, on Node). */
export function registerStoreTransport(post: Post): void {
  processSingleton<{ post: Post }>(REGISTERED, () => ({ post: fetchPost })).post = post;
}

/** The transport of this moment: the one registered, else fetch. */
export function storeTransport(): Post {
  return processSingleton<{ post: Post }>(REGISTERED, () => ({ post: fetchPost })).post;
}
