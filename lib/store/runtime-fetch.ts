import 'server-only';

/**
 * The runtime's own `fetch`, not the copy Next.js patches for its data cache (it keeps the original on the wrapper as
 * `_nextOriginalFetch`). The wrapper runs cache and tracing bookkeeping on every call — ~0.6 ms of CPU per chat turn
 * over its ~8 store and model requests in a profile of 50 chats (docs/performance.md, "Hot path") — and none of it
 * applies to requests that are never cached: the store's and the model's. Read at call time, so a test that replaces
 * `globalThis.fetch` still sees its own.
 */
export const runtimeFetch: typeof fetch = (input, init) => {
  const current = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return (current._nextOriginalFetch ?? current)(input, init);
};
