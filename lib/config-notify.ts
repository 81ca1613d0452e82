import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/**
 * Notifications and webhooks: the SMTP mailer, the durable job queue both use, and the webhook SSRF policy.
 * Validated once (getNotifyConfig), at start-up by lib/notify/start-node.ts. Every variable is in .env.example and
 * docs/admin.md.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(emptyToUndefined, z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).optional()).transform((value) =>
    value === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(value),
  );
const list = (value: unknown) => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value);

const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `5s,30s,2m,10m,1h`: the wait after the 1st, 2nd, … failed attempt; the last one repeats. */
const schedule = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .default('5s,30s,2m,10m,1h,6h')
    .transform((value, ctx) => {
      const delays = value.split(',').map((part) => {
        const match = /^\s*(\d{1,9})\s*(ms|s|m|h|d)\s*$/i.exec(part);
        const unit = match?.[2]?.toLowerCase() as keyof typeof DURATION_UNITS_MS | undefined;
        return match && unit ? Number(match[1]) * DURATION_UNITS_MS[unit] : NaN;
      });
      if (delays.some((delay) => !Number.isFinite(delay) || delay > 7 * 86_400_000)) {
        ctx.addIssue({ code: 'custom', message: 'delays such as 5s,30s,2m,10m,1h (each in ms, s, m, h or d, at most 7d)' });
        return z.NEVER;
      }
      return delays;
    }),
);

const smtpUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .optional()
    .refine((value) => value === undefined || /^smtps?:\/\/[^\s]+$/i.test(value), 'an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com'),
);
const emails = z.preprocess(list, z.array(z.email()).default([]));

export const notifyEnvShape = {
  /** smtp://user:pass@host:587 (STARTTLS) or smtps://…:465. Empty: no e-mail is sent (webhooks still are). */
  SMTP_URL: smtpUrl,
  /** Who gets the sales team's e-mails (comma-separated). Empty: the knowledge base's handoff e-mail. */
  NOTIFY_EMAIL_TO: emails,
  /** The From of every e-mail, e.g. `"Northwind Sales" <sales@example.com>`. Empty: the knowledge base's sales e-mail. */
  NOTIFY_EMAIL_FROM: z.preprocess(emptyToUndefined, z.string().trim().max(300).optional()),
  /** Also e-mail the prospect their calendar invite when they book (needs SMTP_URL). */
  NOTIFY_SEND_INVITES: flag(true),
  /** A lead whose score reaches this is announced to the sales team once per conversation (lib/sales/lead.ts scores 0–100). */
  LEAD_QUALIFIED_SCORE: int(60, 1, 100),
  /** Attempts per webhook delivery or e-mail before it is given up (the first one included). */
  NOTIFY_MAX_ATTEMPTS: int(8, 1, 50),
  NOTIFY_RETRY_SCHEDULE: schedule,
  /** Longest pause between two looks at the queue when nothing is due sooner (new jobs of this process wake it at once). */
  NOTIFY_QUEUE_POLL_MS: int(30_000, 50, 3_600_000),
  WEBHOOK_TIMEOUT_MS: int(10_000, 100, 60_000),
  /** Delivery attempts kept per endpoint for the admin page. */
  WEBHOOK_LOG_SIZE: int(50, 1, 1_000),
  /** Allow endpoints on private, loopback, link-local… addresses (a receiver on your own network). */
  WEBHOOK_ALLOW_PRIVATE: flag(false),
  /** Host names or IP addresses allowed whatever they resolve to (comma-separated). */
  WEBHOOK_ALLOWED_HOSTS: z.preprocess(list, z.array(z.string().min(1).max(253)).default([])),
  /** Allow plain http:// endpoints (otherwise https only). */
  WEBHOOK_ALLOW_HTTP: flag(false),
  /**
   * Where events the store could not take are kept until it answers again (lib/events/spool-node.ts): a directory, or
   * `off` to hold them in memory only. Empty: a folder under the OS's temp directory.
   */
  EVENTS_OUTBOX_DIR: z.preprocess(emptyToUndefined, z.string().trim().max(500).optional()),
};

const notifyEnvSchema = z.object(notifyEnvShape);

export interface NotifyConfig {
  /** Set when e-mail is on. */
  smtp: { url: string; from: string | undefined; to: string[]; sendInvites: boolean } | undefined;
  leadQualifiedScore: number;
  queue: { maxAttempts: number; retryScheduleMs: number[]; pollMs: number };
  /** The outbox's spool: `dir` undefined means the OS's temp directory; `disk` false keeps held events in memory only. */
  outbox: { disk: boolean; dir: string | undefined };
  webhooks: {
    timeoutMs: number;
    logSize: number;
    allowPrivate: boolean;
    /** Lower-case host names, IPv6 without brackets. */
    allowedHosts: string[];
    allowHttp: boolean;
  };
}

/** Pure: the notify config from an environment, or a ConfigError naming each bad variable. */
export function parseNotifyConfig(source: Record<string, string | undefined>): NotifyConfig {
  const parsed = notifyEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const env = parsed.data;
  return {
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.NOTIFY_EMAIL_FROM, to: env.NOTIFY_EMAIL_TO, sendInvites: env.NOTIFY_SEND_INVITES } : undefined,
    leadQualifiedScore: env.LEAD_QUALIFIED_SCORE,
    queue: { maxAttempts: env.NOTIFY_MAX_ATTEMPTS, retryScheduleMs: env.NOTIFY_RETRY_SCHEDULE, pollMs: env.NOTIFY_QUEUE_POLL_MS },
    outbox: env.EVENTS_OUTBOX_DIR?.toLowerCase() === 'off' ? { disk: false, dir: undefined } : { disk: true, dir: env.EVENTS_OUTBOX_DIR },
    webhooks: {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      logSize: env.WEBHOOK_LOG_SIZE,
      allowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
      allowedHosts: env.WEBHOOK_ALLOWED_HOSTS.map((host) => host.toLowerCase().replace(/^\[(.*)\]$/, '$1')),
      allowHttp: env.WEBHOOK_ALLOW_HTTP,
    },
  };
}

/** The process's notify config, parsed on first use (start-up parses it, so a bad value stops the server). */
export function getNotifyConfig(): NotifyConfig {
  return processSingleton('notify-config', () => parseNotifyConfig(process.env));
}

/**
 * Whether a booked prospect really gets an e-mailed invite. The chat may say "the invite goes to <email>" only when
 * this is true; otherwise it offers the .ics download alone (see docs/admin.md).
 */
export function invitesAreEmailed(config: NotifyConfig = getNotifyConfig()): boolean {
  return Boolean(config.smtp?.sendInvites);
}
