import 'server-only';
import { Webhook } from 'standardwebhooks';
import type { AppEvent } from '@/lib/events/schema';
import { newJobId, type QueueJob } from '@/lib/notify/queue';
import { notifyKeys } from '@/lib/notify/keys';
import type { AttemptRecord, JobHandler } from '@/lib/notify/worker';
import type { Kv, KvCommand } from '@/lib/store/kv';
import { getEndpoint, type WebhookEndpoint } from './endpoints';
import { checkWebhookUrl, type UrlPolicy } from './url-policy';
import { deliveryProblemOf, urlRefusalOf, type DeliveryProblem } from './url-refusal';
import { isAppError } from '@/lib/errors';

/**
 * Webhook deliveries as queue jobs: the body is fixed when the event happens (every retry sends the same bytes under
 * the same `webhook-id`), and each attempt is signed afresh with the endpoint's current secret and the attempt's time
 * (Standard Webhooks receivers refuse timestamps older than five minutes).
 */
export const WEBHOOK_JOB = 'webhook';
export const TEST_EVENT_TYPE = 'webhook.test';

export interface WebhookJobData {
  endpointId: string;
  /** `webhook-id`: one per event and endpoint, the same on every retry, so receivers can deduplicate. */
  messageId: string;
  type: string;
  body: string;
  test?: boolean;
}

export interface DeliveryLogEntry extends AttemptRecord {
  messageId: string;
  type: string;
  test?: boolean;
  /** Why it failed, in codes the admin page words in its language (`error` is English, for logs). */
  problem?: DeliveryProblem;
}

/** What a failed attempt's error says in codes: a refusal of the URL, a timeout, else a connection that failed. */
function problemOfError(error: unknown): DeliveryProblem {
  const refusal = isAppError(error) ? urlRefusalOf(error.details) : null;
  if (refusal) return { code: 'refused', refusal };
  return deliveryProblemOf(error) ?? { code: 'network' };
}

/** Sends one signed request; resolves with the receiver's status, rejects on a network error or timeout. */
export type WebhookPoster = (request: {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: UrlPolicy;
}) => Promise<{ status: number }>;

/** `{ type, timestamp, data }`: the event's facts without its envelope (and without the visitor's id). */
export function webhookPayload(event: AppEvent): { type: string; timestamp: string; data: Record<string, unknown> } {
  const { type, at, visitorId: _visitorId, ...data } = event;
  return { type, timestamp: new Date(at).toISOString(), data };
}

export function newMessageId(): string {
  return `msg_${crypto.randomUUID().replace(/-/g, '')}`;
}

export function webhookJob(endpoint: Pick<WebhookEndpoint, 'id'>, payload: { type: string }, options: { now: number; maxAttempts: number; test?: boolean }): QueueJob<WebhookJobData> {
  return {
    id: newJobId(),
    kind: WEBHOOK_JOB,
    data: {
      endpointId: endpoint.id,
      messageId: newMessageId(),
      type: payload.type,
      body: JSON.stringify(payload),
      ...(options.test ? { test: true } : {}),
    },
    attempts: 0,
    maxAttempts: options.maxAttempts,
    createdAt: options.now,
  };
}

/** The three Standard Webhooks headers for one attempt. */
export function signatureHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}

export function createWebhookHandler({
  kv,
  policy,
  post,
  now = Date.now,
}: {
  kv: Kv;
  policy: UrlPolicy & { timeoutMs: number; logSize: number };
  post: WebhookPoster;
  now?: () => number;
}): JobHandler {
  // Why an attempt without an answer failed, from run() to record() of the same attempt (the worker calls one, then the other).
  const problems = new Map<string, DeliveryProblem>();
  return {
    timeoutMs: policy.timeoutMs,
    async run(job) {
      const data = job.data as WebhookJobData;
      const endpoint = await getEndpoint({ kv, id: data.endpointId });
      if (!endpoint) return { ok: false, error: 'the endpoint was deleted', durationMs: 0, retry: false, quiet: true };
      if (!endpoint.enabled && !data.test) {
        problems.set(job.id, { code: 'disabled' });
        return { ok: false, error: 'the endpoint is disabled', durationMs: 0, retry: false };
      }
      const started = now();
      try {
        // Checked again at delivery: DNS may have changed since the endpoint was registered.
        const url = await checkWebhookUrl(endpoint.url, policy);
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'ai-sales-agent-webhooks/1',
          ...signatureHeaders(endpoint.secret, data.messageId, new Date(now()), data.body),
        };
        const { status } = await post({ url, headers, body: data.body, timeoutMs: policy.timeoutMs, policy });
        const ok = status >= 200 && status < 300;
        const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
        return { ok, status, durationMs: now() - started, ...(ok ? {} : { error: `HTTP ${status}${redirect}` }) };
      } catch (error) {
        problems.set(job.id, problemOfError(error));
        return { ok: false, status: null, error: error instanceof Error ? error.message : String(error), durationMs: now() - started };
      }
    },
    record(job, attempt): KvCommand[] {
      const data = job.data as WebhookJobData;
      const noAnswer = problems.get(job.id);
      problems.delete(job.id);
      const status = attempt.status;
      const problem: DeliveryProblem | undefined = attempt.ok
        ? undefined
        : status !== null
          ? { code: status >= 300 && status < 400 ? 'redirect' : 'http', status }
          : noAnswer;
      const entry: DeliveryLogEntry = {
        ...attempt,
        messageId: data.messageId,
        type: data.type,
        ...(data.test ? { test: true } : {}),
        ...(problem ? { problem } : {}),
      };
      const key = notifyKeys.deliveryLog(kv, data.endpointId);
      return [
        ['LPUSH', key, JSON.stringify(entry)],
        ['LTRIM', key, 0, policy.logSize - 1],
      ];
    },
  };
}

export async function readDeliveryLog({ kv, endpointId, limit }: { kv: Kv; endpointId: string; limit: number }): Promise<DeliveryLogEntry[]> {
  const [rows] = await kv.exec([['LRANGE', notifyKeys.deliveryLog(kv, endpointId), 0, limit - 1]]);
  return (Array.isArray(rows) ? rows : []).flatMap((row) => {
    try {
      return [JSON.parse(String(row)) as DeliveryLogEntry];
    } catch {
      return [];
    }
  });
}
