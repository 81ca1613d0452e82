import { processSingleton } from '@/lib/process-singleton';

/**
 * Work that outlives its request: a reply relayed to its end and stored after the client has gone. Tracked once per
 * process so that whoever must wait for it can (a graceful stop, a test file's end: Jest fails a run when a turn still
 * logs after its file has finished).
 */
const pending = () => processSingleton('background-work', () => new Set<Promise<unknown>>());

/** Tracks `work` until it settles, and returns it. */
export function trackBackground<T>(work: Promise<T>): Promise<T> {
  const set = pending();
  set.add(work);
  void work.then(
    () => set.delete(work),
    () => set.delete(work),
  );
  return work;
}

/** Waits for the work tracked now (and any it starts meanwhile) to settle, at most `timeoutMs`. */
export async function settleBackground(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const works = [...pending()];
    const left = deadline - Date.now();
    if (works.length === 0 || left <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.allSettled(works), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
    clearTimeout(timer);
  }
}
