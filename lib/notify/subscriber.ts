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
import { MAIL_JOB, mailJob, type MailJobData } from './mail';
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
  const sent = await withinProspectLimits(kv, jobs, now, deps.conversationTtlSeconds);
  await enqueueJobs(kv, sent, now);
  if (sent.length > 0) getRunningWorker()?.wake();
  return sent;
}

/**
 * The chat sends invites to whatever address a visitor types, from the company's sender: capped, so that it cannot be
 * made to mail someone over and over. At most PROSPECT_MAILS_PER_CONVERSATION e-mails to the prospect per conversation
 * (a booking, a few moves, a corrected address, a cancellation) and PROSPECT_MAILS_PER_ADDRESS_PER_DAY to one address
 * a day across conversations. Past either, the prospect's e-mail is left out (the team's copy still goes: it says what
 * happened). Counted in one request, only when there is such an e-mail.
 */
export const PROSPECT_MAILS_PER_CONVERSATION = 6;
export const PROSPECT_MAILS_PER_ADDRESS_PER_DAY = 5;
const PROSPECT_TEMPLATES = new Set(['invite', 'withdraw-invite', 'cancel-invite']);

function prospectAddress(job: QueueJob): string | undefined {
  const data = job.data as Partial<MailJobData>;
  if (job.kind !== MAIL_JOB || !data.template || !PROSPECT_TEMPLATES.has(data.template) || !data.event || !('booking' in data.event)) return undefined;
  const { booking } = data.event;
  return (data.template === 'withdraw-invite' ? booking.previousEmail : booking.email)?.toLowerCase();
}

async function withinProspectLimits(kv: Kv, jobs: QueueJob[], now: number, conversationTtlSeconds: number): Promise<QueueJob[]> {
  const counted = jobs.flatMap((job) => {
    const address = prospectAddress(job);
    return address ? [{ job, address, conversationId: (job.data as MailJobData).event.conversationId ?? 'none' }] : [];
  });
  if (counted.length === 0) return jobs;
  const day = new Date(now).toISOString().slice(0, 10);
  const replies = await kv.exec(
    counted.flatMap(({ address, conversationId }) => [
      ['INCR', notifyKeys.prospectMails(kv, conversationId)],
      ['EXPIRE', notifyKeys.prospectMails(kv, conversationId), conversationTtlSeconds],
      ['INCR', notifyKeys.recipientDay(kv, fnv1a64(address), day)],
      ['EXPIRE', notifyKeys.recipientDay(kv, fnv1a64(address), day), 2 * 86_400],
    ] as const),
  );
  const refused = new Set<QueueJob>();
  counted.forEach(({ job }, index) => {
    const perConversation = Number(replies[index * 4]);
    const perAddress = Number(replies[index * 4 + 2]);
    if (perConversation > PROSPECT_MAILS_PER_CONVERSATION || perAddress > PROSPECT_MAILS_PER_ADDRESS_PER_DAY) refused.add(job);
  });
  if (refused.size > 0) console.warn(`[notify] ${refused.size} e-mail(s) to a prospect left out: over the limit per conversation or per address a day`);
  return jobs.filter((job) => !refused.has(job));
}

/** The one line lib/events/subscribers.ts calls. */
export function subscribeNotifications(): void {
  subscribeEvents('notifications', (events) =>
    enqueueNotifications(events, { kv: getKv(), config: getNotifyConfig(), conversationTtlSeconds: getServerConfig().store.conversationTtlSeconds }).then(
      () => undefined,
    ),
  );
}
