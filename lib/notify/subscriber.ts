import 'server-only';
import { getNotifyConfig, type NotifyConfig } from '@/lib/config-notify';
import { getServerConfig } from '@/lib/config';
import { subscribeEvents } from '@/lib/events/bus';
import { WEBHOOK_EVENT_TYPES, type AppEvent, type WebhookEventType } from '@/lib/events/schema';
import { fnv1a64 } from '@/lib/fnv';
import { getKv, type Kv } from '@/lib/store/kv';
import { listEndpoints } from '@/lib/webhooks/endpoints';
import { webhookJob, webhookPayload } from '@/lib/webhooks/delivery';
import { notifyKeys } from './keys';
import { mailJob } from './mail';
import { enqueueJobs, type QueueJob } from './queue';
import { getRunningWorker } from './worker';

/**
 * Turns the bus's events into queued work: a delivery per subscribed webhook endpoint, and e-mails to the sales team
 * (handoff, booking, cancellation, a lead reaching LEAD_QUALIFIED_SCORE — once per conversation) and to a prospect who
 * booked or cancelled.
 * Runs after the response (the bus defers); enqueuing is one Redis transaction, and this process's worker is woken
 * so the sales team hears at once. Events nobody is notified of cost no Redis call at all.
 */
const WEBHOOK_TYPES = new Set<string>(WEBHOOK_EVENT_TYPES);
const MAIL_TYPES = new Set<string>(['handoff.requested', 'meeting.booked', 'meeting.cancelled', 'lead.captured', 'lead.updated']);

export interface EnqueueDeps {
  kv: Kv;
  config: NotifyConfig;
  /** How long the "already announced as qualified" mark lives: as long as the conversation. */
  conversationTtlSeconds: number;
  now?: number;
}

export async function enqueueNotifications(events: readonly AppEvent[], deps: EnqueueDeps): Promise<QueueJob[]> {
  const { kv, config } = deps;
  const now = deps.now ?? Date.now();
  const maxAttempts = config.queue.maxAttempts;
  const forWebhooks = events.filter((event) => WEBHOOK_TYPES.has(event.type));
  const forMail = config.smtp ? events.filter((event) => MAIL_TYPES.has(event.type)) : [];
  if (forWebhooks.length === 0 && forMail.length === 0) return [];

  const jobs: QueueJob[] = [];
  if (forWebhooks.length > 0) {
    const endpoints = (await listEndpoints({ kv })).filter((endpoint) => endpoint.enabled);
    for (const event of forWebhooks) {
      const payload = webhookPayload(event);
      for (const endpoint of endpoints) {
        if (endpoint.events.includes(event.type as WebhookEventType)) jobs.push(webhookJob(endpoint, payload, { now, maxAttempts }));
      }
    }
  }
  for (const event of forMail) {
    if (event.type === 'handoff.requested') jobs.push(mailJob({ template: 'handoff', event }, { now, maxAttempts }));
    if (event.type === 'meeting.booked') {
      jobs.push(mailJob({ template: 'booking', event }, { now, maxAttempts }));
      if (config.smtp?.sendInvites) {
        jobs.push(mailJob({ template: 'invite', event }, { now, maxAttempts }));
        // The prospect corrected their e-mail after booking: the address the invite first went to gets it cancelled.
        if (event.booking.previousEmail) jobs.push(mailJob({ template: 'withdraw-invite', event }, { now, maxAttempts }));
      }
    }
    if (event.type === 'meeting.cancelled') {
      jobs.push(mailJob({ template: 'cancelled', event }, { now, maxAttempts }));
      // The prospect had the invite by e-mail only when invites are sent: the cancellation follows the same way.
      if (config.smtp?.sendInvites) jobs.push(mailJob({ template: 'cancel-invite', event }, { now, maxAttempts }));
    }
    if ((event.type === 'lead.captured' || event.type === 'lead.updated') && event.lead.score >= config.leadQualifiedScore && event.conversationId) {
      // Once per conversation, whichever instance sees it first; the mark lives as long as the conversation. Its value
      // is the event's fingerprint, so the same event tried again after the queueing below failed (the store went down between
      // the two; the bus holds the batch, lib/events/bus.ts) still finds the mark its own and queues the mail.
      const mark = notifyKeys.qualified(kv, event.conversationId);
      const owner = fnv1a64(JSON.stringify(event));
      const [first, current] = await kv.exec([['SET', mark, owner, 'NX', 'EX', deps.conversationTtlSeconds], ['GET', mark]]);
      if (first === 'OK' || current === owner) jobs.push(mailJob({ template: 'qualified', event, threshold: config.leadQualifiedScore }, { now, maxAttempts }));
    }
  }
  await enqueueJobs(kv, jobs, now);
  if (jobs.length > 0) getRunningWorker()?.wake();
  return jobs;
}

/** The one line lib/events/subscribers.ts calls. */
export function subscribeNotifications(): void {
  subscribeEvents('notifications', (events) =>
    enqueueNotifications(events, { kv: getKv(), config: getNotifyConfig(), conversationTtlSeconds: getServerConfig().store.conversationTtlSeconds }).then(
      () => undefined,
    ),
  );
}
