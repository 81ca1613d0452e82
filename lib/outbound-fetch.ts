import 'server-only';
import { processSingleton } from '@/lib/process-singleton';
import { runtimeFetch } from '@/lib/store/runtime-fetch';

/**
 * The `fetch` of the requests to outside services: the model's and Smallest.ai's. Route handlers stay edge-portable
 * (ARCHITECTURE.md), so this module uses only the runtime's own fetch (not Next.js's patched copy,
 * lib/store/runtime-fetch.ts); on Node, instrumentation.ts registers one on `node:http` (lib/node-fetch.ts), read at
 * each call.
 */
const REGISTERED = 'outbound-fetch';

export function registerOutboundFetch(implementation: typeof fetch): void {
  processSingleton<{ fetch: typeof fetch }>(REGISTERED, () => ({ fetch: runtimeFetch })).fetch = implementation;
}

export const outboundFetch: typeof fetch = (input, init) => processSingleton<{ fetch: typeof fetch }>(REGISTERED, () => ({ fetch: runtimeFetch })).fetch(input, init);
