import { kvKey, type Kv } from '@/lib/store/kv';

/** Every Redis key of notifications and webhooks, in one place. */
export const notifyKeys = {
  /** Sorted set: job id → when it is due (epoch ms). The index the worker walks; jobs leave it when done. */
  queue: (kv: Kv) => kvKey(kv, 'notify', 'queue'),
  /** Hash: job id → the job as JSON. */
  jobs: (kv: Kv) => kvKey(kv, 'notify', 'jobs'),
  /** Held by the worker running one attempt of a job (SET NX PX): two instances never run the same attempt. */
  lock: (kv: Kv, jobId: string) => kvKey(kv, 'notify', 'lock', jobId),
  /** Jobs that ran out of attempts, newest first: id, kind, last error (the last 100, for 30 days). */
  failed: (kv: Kv) => kvKey(kv, 'notify', 'failed'),
  /** Set once per conversation when its lead was announced as qualified (with the conversation's TTL). */
  qualified: (kv: Kv, conversationId: string) => kvKey(kv, 'notify', 'qualified', conversationId),
  /** Counter: e-mails to the prospect (invites, cancellations) queued for one conversation (with its TTL). */
  prospectMails: (kv: Kv, conversationId: string) => kvKey(kv, 'notify', 'prospect', conversationId),
  /** Counter: e-mails to one address (a fingerprint of it, never the address) on one UTC day (two days' TTL). */
  recipientDay: (kv: Kv, addressHash: string, day: string) => kvKey(kv, 'notify', 'to', addressHash, day),
  /** Hash: endpoint id → endpoint JSON. */
  endpoints: (kv: Kv) => kvKey(kv, 'webhooks', 'endpoints'),
  /** List of delivery attempts of one endpoint, newest first, capped at WEBHOOK_LOG_SIZE. */
  deliveryLog: (kv: Kv, endpointId: string) => kvKey(kv, 'webhooks', 'log', endpointId),
};
