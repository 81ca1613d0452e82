import 'server-only';
import { enqueueJobs } from '@/lib/notify/queue';
import { getRunningWorker } from '@/lib/notify/worker';
import type { Kv } from '@/lib/store/kv';
import { readDeliveryLog, TEST_EVENT_TYPE, webhookJob, type DeliveryLogEntry } from './delivery';
import type { WebhookEndpoint } from './endpoints';

/**
 * "Send test event": a `webhook.test` delivery through the same queue, signing and address checks as real events,
 * tried once (an admin clicking the button wants the answer now, not a retry an hour later). Waits for this process's
 * worker to make the attempt and returns its log entry; null when it did not finish in time (it still shows up in the
 * log).
 */
export async function sendTestEvent({
  kv,
  endpoint,
  waitMs,
  now = Date.now(),
}: {
  kv: Kv;
  endpoint: Pick<WebhookEndpoint, 'id' | 'url'>;
  waitMs: number;
  now?: number;
}): Promise<{ jobId: string; messageId: string; delivery: DeliveryLogEntry | null }> {
  const payload = {
    type: TEST_EVENT_TYPE,
    timestamp: new Date(now).toISOString(),
    data: { endpointId: endpoint.id, message: 'A test event sent from the admin. No action is needed.' },
  };
  const job = webhookJob(endpoint, payload, { now, maxAttempts: 1, test: true });
  const worker = getRunningWorker();
  const attempted = worker?.waitForAttempt(job.id, waitMs);
  await enqueueJobs(kv, [job], now);
  worker?.wake();
  if (!(await attempted)) return { jobId: job.id, messageId: job.data.messageId, delivery: null };
  const log = await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 20 });
  return { jobId: job.id, messageId: job.data.messageId, delivery: log.find((entry) => entry.jobId === job.id) ?? null };
}
