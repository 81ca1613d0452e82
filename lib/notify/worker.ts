import 'server-only';
import type { NotifyConfig } from '@/lib/config-notify';
import { processSingleton } from '@/lib/process-singleton';
import type { Kv, KvCommand } from '@/lib/store/kv';
import { claimJob, finishJob, nextAttemptAt, readDueJobs, type QueueJob } from './queue';

/**
 * Runs the queue's due jobs: one worker per process (started at start-up by start-node.ts), polling Redis no more
 * often than it must (it sleeps until the next due job, at most NOTIFY_QUEUE_POLL_MS) and woken at once when this
 * process enqueues. Handlers are injected: the Node ones send HTTP and SMTP; tests pass their own.
 */
export interface AttemptOutcome {
  ok: boolean;
  /** HTTP status or SMTP reply code, when there was an answer. */
  status?: number | null;
  error?: string;
  durationMs: number;
  /** False for failures that no retry can mend (the endpoint was deleted): the job is dropped. */
  retry?: boolean;
  /** Leave no record (the endpoint whose log it would go to is gone). */
  quiet?: boolean;
}

export interface AttemptRecord {
  jobId: string;
  attempt: number;
  at: number;
  ok: boolean;
  status: number | null;
  durationMs: number;
  error?: string;
  /** When the next attempt is due; null when this was the last. */
  nextAttemptAt: number | null;
}

export interface JobHandler {
  run(job: QueueJob): Promise<AttemptOutcome>;
  /** Commands written with the attempt's end, in the same transaction (a delivery log). */
  record?(job: QueueJob, attempt: AttemptRecord): KvCommand[];
  /** Hard limit of one attempt; the claim's lease is this plus a margin. */
  timeoutMs: number;
}

export interface NotifyWorker {
  start(): void;
  /** Stops polling and waits for the attempts in flight. */
  stop(): Promise<void>;
  /** Looks at the queue now instead of at the next planned time. */
  wake(): void;
  /** One pass: runs what is due. Resolves to the time the next job is due (null when none is queued). */
  tick(): Promise<number | null>;
  /** Resolves true when an attempt of `jobId` ends in this process within `timeoutMs`. */
  waitForAttempt(jobId: string, timeoutMs: number): Promise<boolean>;
}

export interface WorkerOptions {
  kv: Kv;
  handlers: Record<string, JobHandler>;
  queue: NotifyConfig['queue'];
  now?: () => number;
  random?: () => number;
  /** Jobs read per pass, and run at once. */
  batch?: number;
  /** Added to a handler's timeout to make the claim's lease. */
  leaseMarginMs?: number;
}

export function createNotifyWorker(options: WorkerOptions): NotifyWorker {
  const { kv, handlers, queue } = options;
  const now = options.now ?? Date.now;
  const batch = options.batch ?? 16;
  const leaseMargin = options.leaseMarginMs ?? 30_000;
  const waiters = new Map<string, Set<() => void>>();
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let woken = false;

  const settle = (jobId: string) => {
    waiters.get(jobId)?.forEach((resolve) => resolve());
    waiters.delete(jobId);
  };

  async function runOne(id: string): Promise<boolean> {
    const startedAt = now();
    // The lease covers the longest handler: the job's kind is known only once claimed.
    const lease = Math.max(...Object.values(handlers).map((h) => h.timeoutMs), 1_000) + leaseMargin;
    const job = await claimJob(kv, id, startedAt, lease);
    if (!job) return false;
    const runner = handlers[job.kind];
    let outcome: AttemptOutcome;
    if (!runner) {
      outcome = { ok: false, error: `no handler for "${job.kind}" jobs`, durationMs: 0, retry: false };
    } else {
      try {
        outcome = await runner.run(job);
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error), durationMs: now() - startedAt };
      }
    }
    const endedAt = now();
    const retryAt = outcome.ok || outcome.retry === false ? null : nextAttemptAt(job, queue.retryScheduleMs, endedAt, options.random);
    const record: AttemptRecord = {
      jobId: job.id,
      attempt: job.attempts + 1,
      at: startedAt,
      ok: outcome.ok,
      status: outcome.status ?? null,
      durationMs: outcome.durationMs,
      ...(outcome.error ? { error: outcome.error.slice(0, 500) } : {}),
      nextAttemptAt: retryAt,
    };
    if (!outcome.ok) {
      const next = retryAt === null ? 'giving up' : `retrying in ${Math.round((retryAt - endedAt) / 1000)} s`;
      console.warn(`[notify] ${job.kind} ${job.id} attempt ${record.attempt} failed (${outcome.error ?? outcome.status}); ${next}`);
    }
    const failed = !outcome.ok && retryAt === null ? { error: outcome.error ?? `status ${outcome.status}`, at: endedAt } : undefined;
    await finishJob(kv, job, { retryAt, failed }, (outcome.quiet ? undefined : runner?.record?.(job, record)) ?? []);
    settle(job.id);
    return true;
  }

  async function tick(): Promise<number | null> {
    for (;;) {
      const { due, nextDueAt } = await readDueJobs(kv, now(), batch);
      if (due.length === 0) return nextDueAt;
      const claimed = await Promise.all(due.map((id) => runOne(id)));
      // Work done: read again (retries were rescheduled, more may be due). All held by other workers: look again soon.
      if (!claimed.some(Boolean)) return now() + 200;
    }
  }

  function sleep(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      let wait = queue.pollMs;
      try {
        const next = await tick();
        failures = 0;
        if (next !== null) wait = Math.min(queue.pollMs, Math.max(0, next - now()));
      } catch (error) {
        failures += 1;
        wait = Math.min(queue.pollMs, 1_000 * 2 ** Math.min(failures, 5));
        console.error('[notify] the queue could not be read:', error instanceof Error ? error.message : error);
      }
      if (running) await sleep(wait);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      loop = null;
    },
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
    tick,
    waitForAttempt(jobId, timeoutMs) {
      return new Promise((resolve) => {
        const set = waiters.get(jobId) ?? new Set<() => void>();
        waiters.set(jobId, set);
        const done = () => {
          clearTimeout(timer);
          set.delete(done);
          resolve(true);
        };
        const timer = setTimeout(() => {
          set.delete(done);
          resolve(false);
        }, timeoutMs);
        set.add(done);
      });
    },
  };
}

const slot = () => processSingleton('notify-worker', () => ({ worker: null as NotifyWorker | null }));

/** The worker running in this process, if start-up started one. */
export function getRunningWorker(): NotifyWorker | null {
  return slot().worker;
}

export function setRunningWorker(worker: NotifyWorker | null): void {
  slot().worker = worker;
}
