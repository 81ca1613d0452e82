import 'server-only';
import type { Kv, KvCommand } from '@/lib/store/kv';
import { notifyKeys } from './keys';

/**
 * A durable job queue in Redis for webhook deliveries and e-mails: a sorted set of due times (the index) and a hash
 * of jobs. An attempt is claimed with SET NX on the job's lock together with a check that the job is still due, in
 * one transaction, so two instances never run the same attempt; the claimer then pushes the due time past its lease.
 * A worker that dies mid-attempt leaves the job due again when the lease ends: delivery is at least once, and
 * receivers deduplicate on `webhook-id` (Standard Webhooks).
 */
export interface QueueJob<Data = unknown> {
  id: string;
  /** Which handler runs it ("webhook", "mail"). */
  kind: string;
  data: Data;
  /** Attempts made so far. */
  attempts: number;
  maxAttempts: number;
  createdAt: number;
}

const FAILED_TTL_SECONDS = 30 * 86_400;

export function newJobId(): string {
  return `job_${crypto.randomUUID().replace(/-/g, '')}`;
}

/** Commands that add jobs, due at `dueAt` (to run in the same request as other writes). */
export function enqueueCommands(kv: Kv, jobs: readonly QueueJob[], dueAt: number): KvCommand[] {
  if (jobs.length === 0) return [];
  return [
    ['HSET', notifyKeys.jobs(kv), ...jobs.flatMap((job) => [job.id, JSON.stringify(job)])],
    ['ZADD', notifyKeys.queue(kv), ...jobs.flatMap((job) => [dueAt, job.id])],
  ];
}

export async function enqueueJobs(kv: Kv, jobs: readonly QueueJob[], dueAt: number): Promise<void> {
  if (jobs.length > 0) await kv.atomic(enqueueCommands(kv, jobs, dueAt));
}

/** Ids of jobs due at `now` (oldest first, at most `limit`) and when the next later one is due. */
export async function readDueJobs(kv: Kv, now: number, limit: number): Promise<{ due: string[]; nextDueAt: number | null }> {
  const [due, next] = await kv.exec([
    ['ZRANGEBYSCORE', notifyKeys.queue(kv), '-inf', now, 'LIMIT', 0, limit],
    ['ZRANGEBYSCORE', notifyKeys.queue(kv), `(${now}`, '+inf', 'WITHSCORES', 'LIMIT', 0, 1],
  ]);
  const nextScore = Array.isArray(next) && next.length >= 2 ? Number(next[1]) : NaN;
  return { due: Array.isArray(due) ? due.map(String) : [], nextDueAt: Number.isFinite(nextScore) ? nextScore : null };
}

/** Takes one attempt of a due job, or null when another worker holds it, or it is no longer due or gone. */
export async function claimJob(kv: Kv, id: string, now: number, leaseMs: number): Promise<QueueJob | null> {
  const [locked, score, json] = await kv.atomic([
    ['SET', notifyKeys.lock(kv, id), String(now), 'NX', 'PX', leaseMs],
    ['ZSCORE', notifyKeys.queue(kv), id],
    ['HGET', notifyKeys.jobs(kv), id],
  ]);
  if (locked !== 'OK') return null;
  const due = score !== null && Number(score) <= now;
  let job: QueueJob | null = null;
  try {
    job = typeof json === 'string' ? (JSON.parse(json) as QueueJob) : null;
  } catch {
    job = null;
  }
  if (!due || !job) {
    // Finished or rescheduled meanwhile (the lock was free because that attempt is over), or a job without its body.
    await kv.exec([['DEL', notifyKeys.lock(kv, id)], ...(due && !job ? [['ZREM', notifyKeys.queue(kv), id] as const] : [])]);
    return null;
  }
  // While this attempt runs the job is not due for anyone else; if this worker dies, it is due again after the lease.
  await kv.exec([['ZADD', notifyKeys.queue(kv), 'XX', now + leaseMs, id]]);
  return job;
}

/**
 * Ends an attempt: schedules the next one at `retryAt`, or removes the job (done, or out of attempts), in one
 * transaction with `extra` (the delivery log).
 */
export async function finishJob(
  kv: Kv,
  job: QueueJob,
  { retryAt, failed }: { retryAt: number | null; failed?: { error: string; at: number } },
  extra: readonly KvCommand[] = [],
): Promise<void> {
  const attempted: QueueJob = { ...job, attempts: job.attempts + 1 };
  const commands: KvCommand[] =
    retryAt !== null
      ? [
          ['HSET', notifyKeys.jobs(kv), job.id, JSON.stringify(attempted)],
          ['ZADD', notifyKeys.queue(kv), retryAt, job.id],
        ]
      : [
          ['ZREM', notifyKeys.queue(kv), job.id],
          ['HDEL', notifyKeys.jobs(kv), job.id],
          // What failed and why, not the payload: a lead's details do not linger here (30 days, last 100).
          ...(failed
            ? ([
                ['LPUSH', notifyKeys.failed(kv), JSON.stringify({ id: job.id, kind: job.kind, attempts: attempted.attempts, createdAt: job.createdAt, ...failed })],
                ['LTRIM', notifyKeys.failed(kv), 0, 99],
                ['EXPIRE', notifyKeys.failed(kv), FAILED_TTL_SECONDS],
              ] as KvCommand[])
            : []),
        ];
  await kv.atomic([...commands, ['DEL', notifyKeys.lock(kv, job.id)], ...extra]);
}

/**
 * When the next attempt runs after `attempts` failed ones: the schedule's delay for that attempt (the last one
 * repeats), ±20 % jitter so a receiver coming back is not hit by every retry at once; null when out of attempts.
 */
export function nextAttemptAt(job: Pick<QueueJob, 'attempts' | 'maxAttempts'>, scheduleMs: readonly number[], now: number, random = Math.random): number | null {
  const made = job.attempts + 1;
  if (made >= job.maxAttempts || scheduleMs.length === 0) return null;
  const base = scheduleMs[Math.min(made, scheduleMs.length) - 1] ?? 0;
  return now + Math.round(base * (0.8 + 0.4 * random()));
}
