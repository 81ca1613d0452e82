import 'server-only';
import type { NotifyConfig } from '@/lib/config-notify';
import type { AppEvent } from '@/lib/events/schema';
import { resolveLocale, type Locale, type TranslationVars } from '@/lib/i18n';
import { translateNotify, type NotifyKey } from '@/lib/i18n/notify';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { formatLocalLabel, teamInvite } from '@/lib/sales/booking';
import { withdrawInvite } from '@/lib/sales/invite';
import type { LeadRecord } from '@/lib/sales/types';
import { newJobId, type QueueJob } from './queue';
import type { JobHandler } from './worker';

/**
 * The e-mails: to the sales team on a handoff, a booking (with the .ics), a cancellation and a qualified lead; to the
 * prospect, the calendar invite the chat told them about and, when they cancel, its cancellation (METHOD:CANCEL). Jobs keep the event; the message is rendered when it is sent, so a queued
 * mail picks up the conversation's latest lead details.
 */
export const MAIL_JOB = 'mail';

type EventOf<T extends AppEvent['type']> = Extract<AppEvent, { type: T }>;

export type MailJobData =
  | { template: 'handoff'; event: EventOf<'handoff.requested'> }
  | { template: 'booking'; event: EventOf<'meeting.booked'> }
  | { template: 'invite'; event: EventOf<'meeting.booked'> }
  | { template: 'cancelled'; event: EventOf<'meeting.cancelled'> }
  | { template: 'cancel-invite'; event: EventOf<'meeting.cancelled'> }
  /** The invite withdrawn from the address it first went to, when the prospect corrected their e-mail after booking. */
  | { template: 'withdraw-invite'; event: EventOf<'meeting.booked'> }
  | { template: 'qualified'; event: EventOf<'lead.captured'> | EventOf<'lead.updated'>; threshold: number };

export interface MailMessage {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  /** The invite as a text/calendar alternative of the body too, so mail clients show accept/decline. */
  alternatives?: { content: string; contentType: string }[];
}

/** Sends one message; resolves with the server's reply code, rejects when the server refused or could not be reached. */
export type MailSender = (message: MailMessage) => Promise<{ status?: number }>;

export interface MailContext {
  kb: Pick<KnowledgeBase, 'company' | 'policies'>;
  smtp: NonNullable<NotifyConfig['smtp']>;
  /** Where admins open a conversation: `${appOrigin}/admin/conversations/<id>`. */
  appOrigin?: string;
  /** The conversation's current lead, when the store has it (handoff e-mails show who is waiting). */
  loadLead?: (conversationId: string) => Promise<LeadRecord | null>;
}

export function mailJob(data: MailJobData, options: { now: number; maxAttempts: number }): QueueJob<MailJobData> {
  return { id: newJobId(), kind: MAIL_JOB, data, attempts: 0, maxAttempts: options.maxAttempts, createdAt: options.now };
}

const TEAM_LOCALE: Locale = 'en';
const CALENDAR_TYPE = 'text/calendar; charset=utf-8; method=REQUEST';
const CANCEL_TYPE = 'text/calendar; charset=utf-8; method=CANCEL';

export function teamRecipients(context: Pick<MailContext, 'kb' | 'smtp'>): string[] {
  return context.smtp.to.length > 0 ? context.smtp.to : [context.kb.policies.handoff.email ?? context.kb.company.salesEmail];
}

function sender(context: Pick<MailContext, 'kb' | 'smtp'>): string {
  return context.smtp.from ?? `"${context.kb.company.name.replace(/["\r\n]/g, '')} Sales" <${context.kb.company.salesEmail}>`;
}

function leadLines(lead: Pick<LeadRecord, 'fields'>, t: (key: NotifyKey, vars?: TranslationVars) => string): string[] {
  return Object.entries(lead.fields).flatMap(([field, fact]) =>
    fact ? [t('notify.lead.fact', { field, value: String(fact.value), evidence: fact.evidence, confidence: Math.round(fact.confidence * 100) })] : [],
  );
}

function contextLines(event: AppEvent, context: MailContext, t: (key: NotifyKey, vars?: TranslationVars) => string): string[] {
  const { source } = event;
  return [
    event.conversationId ? t('notify.field.conversation', { id: event.conversationId }) : '',
    event.conversationId && context.appOrigin ? t('notify.adminLink', { url: `${context.appOrigin}/admin/conversations/${encodeURIComponent(event.conversationId)}` }) : '',
    source?.page ? t('notify.field.page', { page: source.page }) : '',
    source?.embedSite ? t('notify.field.site', { site: source.embedSite }) : '',
    source?.locale ? t('notify.field.locale', { locale: source.language ? `${source.locale} → ${source.language}` : source.locale }) : '',
  ].filter(Boolean);
}

/** The meeting's time for the team's e-mails: in their language, whatever language the prospect chatted in. */
function teamLabel(event: EventOf<'meeting.booked'> | EventOf<'meeting.cancelled'>): string {
  const { booking } = event;
  const start = Date.parse(booking.start);
  return Number.isFinite(start) ? formatLocalLabel(start, booking.timezone, event.at, TEAM_LOCALE) : booking.localLabel;
}

/** The message for a job, in the team's language or, for the invite, the prospect's. */
export async function renderMail(data: MailJobData, context: MailContext): Promise<MailMessage> {
  const company = context.kb.company.name;
  const team = teamRecipients(context);
  const from = sender(context);
  const footer = (t: (key: NotifyKey, vars?: TranslationVars) => string) => `\n--\n${t('notify.footer', { company })}`;
  const tTeam = (key: NotifyKey, vars?: TranslationVars) => translateNotify(TEAM_LOCALE, key, vars);

  // The prospect's calendar e-mail, in their language: the invite, or its cancellation (METHOD:CANCEL, same UID) — also
  // to the address the invite first went to when they corrected their e-mail after booking.
  if (data.template === 'invite' || data.template === 'cancel-invite' || data.template === 'withdraw-invite') {
    const { booking } = data.event;
    const withdrawn = data.template === 'withdraw-invite' && booking.previousEmail ? booking.previousEmail : undefined;
    const cancel = data.template === 'cancel-invite' || withdrawn !== undefined;
    const ics = withdrawn ? withdrawInvite(booking.ics, withdrawn, data.event.at) : booking.ics;
    const t = (key: NotifyKey, vars?: TranslationVars) => translateNotify(resolveLocale(data.event.source?.language ?? data.event.source?.locale), key, vars);
    const vars = { company, when: booking.localLabel, minutes: booking.durationMinutes };
    const contentType = cancel ? CANCEL_TYPE : CALENDAR_TYPE;
    return {
      from,
      to: [withdrawn ?? booking.email],
      replyTo: team[0],
      subject: t(cancel ? 'notify.cancelInvite.subject' : 'notify.invite.subject', vars),
      text: `${t(withdrawn ? 'notify.withdrawInvite.body' : cancel ? 'notify.cancelInvite.body' : 'notify.invite.body', vars)}\n${footer(t)}`,
      attachments: [{ filename: cancel ? 'cancel.ics' : 'invite.ics', content: ics, contentType }],
      alternatives: [{ content: ics, contentType }],
    };
  }

  const t = tTeam;
  const lines: string[] = [];
  let subject: string;
  let attachments: MailMessage['attachments'];
  let replyTo: string | undefined;
  if (data.template === 'handoff') {
    const { event } = data;
    const stored = event.conversationId && context.loadLead ? await context.loadLead(event.conversationId).catch(() => null) : null;
    // The stored lead (it may have grown since), unless it knows less than the lead the event carries.
    const lead = event.lead && Object.keys(event.lead.fields).length > Object.keys(stored?.fields ?? {}).length ? event.lead : stored;
    const who = event.email ?? String(lead?.fields.name?.value ?? lead?.fields.email?.value ?? t('notify.unknownProspect'));
    subject = t('notify.handoff.subject', { who });
    replyTo = event.email;
    lines.push(t('notify.handoff.intro'), '', t('notify.field.reason', { reason: event.reason }), t('notify.field.email', { email: event.email ?? t('notify.notGiven') }));
    if (lead && Object.keys(lead.fields).length > 0) lines.push('', t('notify.lead.heading', { score: lead.score }), ...leadLines(lead, t));
  } else if (data.template === 'booking') {
    const { booking } = data.event;
    const when = teamLabel(data.event);
    subject = t('notify.booking.subject', { when, email: booking.email });
    replyTo = booking.email;
    lines.push(
      t('notify.booking.intro', { minutes: booking.durationMinutes }),
      ...(booking.movedFrom ? [t('notify.booking.moved', { when: booking.movedFrom })] : []),
      ...(booking.previousEmail ? [t('notify.booking.previousEmail', { email: booking.previousEmail })] : []),
      '',
      t('notify.field.when', { when, start: booking.start }),
      t('notify.field.email', { email: booking.email }),
    );
    attachments = [{ filename: 'invite.ics', content: teamInvite(booking, context.kb, when, data.event.at), contentType: CALENDAR_TYPE }];
  } else if (data.template === 'cancelled') {
    const { booking } = data.event;
    const when = teamLabel(data.event);
    subject = t('notify.cancelled.subject', { when, email: booking.email });
    replyTo = booking.email;
    lines.push(
      t('notify.cancelled.intro'),
      '',
      t('notify.field.when', { when, start: booking.start }),
      t('notify.field.email', { email: booking.email }),
    );
    attachments = [{ filename: 'cancel.ics', content: teamInvite(booking, context.kb, when, data.event.at, 'CANCEL'), contentType: CANCEL_TYPE }];
  } else {
    const { event, threshold } = data;
    const email = event.lead.fields.email?.value;
    const who = String(event.lead.fields.name?.value ?? email ?? t('notify.unknownProspect'));
    subject = t('notify.qualified.subject', { score: event.lead.score, who });
    replyTo = typeof email === 'string' ? email : undefined;
    lines.push(t('notify.qualified.intro', { threshold }), '', t('notify.lead.heading', { score: event.lead.score }), ...leadLines(event.lead, t));
  }
  lines.push('', ...contextLines(data.event, context, t));
  return {
    from,
    to: team,
    ...(replyTo ? { replyTo } : {}),
    subject,
    text: `${lines.join('\n')}\n${footer(t)}`,
    ...(attachments ? { attachments } : {}),
  };
}

/** The queue's handler for mail jobs. */
export function createMailHandler({ context, send, timeoutMs, now = Date.now }: { context: MailContext; send: MailSender; timeoutMs: number; now?: () => number }): JobHandler {
  return {
    timeoutMs,
    async run(job) {
      const started = now();
      try {
        const message = await renderMail(job.data as MailJobData, context);
        const { status } = await send(message);
        return { ok: true, status: status ?? null, durationMs: now() - started };
      } catch (error) {
        const status = (error as { responseCode?: unknown }).responseCode;
        return {
          ok: false,
          status: typeof status === 'number' ? status : null,
          error: error instanceof Error ? error.message : String(error),
          durationMs: now() - started,
        };
      }
    },
  };
}
