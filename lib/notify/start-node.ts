import 'server-only';
import { createTransport } from 'nodemailer';
import { getServerConfig } from '@/lib/config';
import { getNotifyConfig, type NotifyConfig } from '@/lib/config-notify';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { getConversationStore } from '@/lib/store';
import { getKv, type Kv } from '@/lib/store/kv';
import { postWebhook, resolveHost } from '@/lib/webhooks/deliver-node';
import { createWebhookHandler, WEBHOOK_JOB, type WebhookPoster } from '@/lib/webhooks/delivery';
import { installHostResolver } from '@/lib/webhooks/url-policy';
import { createMailHandler, MAIL_JOB, type MailContext, type MailSender } from './mail';
import { createNotifyWorker, getRunningWorker, setRunningWorker, type JobHandler, type NotifyWorker } from './worker';

/**
 * The Node half of notifications, started once per process from lib/startup.ts: installs the DNS check the admin
 * routes use, and runs the queue worker with the real senders (HTTP for webhooks, SMTP for e-mail).
 */
const SMTP_TIMEOUT_MS = 20_000;

/** One SMTP transport per sender; nodemailer reads host, port, TLS and credentials from the URL. */
export function createSmtpSender(url: string): MailSender {
  const transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: SMTP_TIMEOUT_MS });
  return async (message) => {
    const info = await transport.sendMail(message);
    const code = /^(\d{3})\b/.exec(info.response ?? '')?.[1];
    return { status: code ? Number(code) : undefined };
  };
}

export interface NotifyRuntime {
  kv: Kv;
  config: NotifyConfig;
  mail?: { context: MailContext; send: MailSender };
  post?: WebhookPoster;
  now?: () => number;
  random?: () => number;
  leaseMarginMs?: number;
}

/** A worker with the handlers this configuration calls for (tests build theirs here with their own clock and senders). */
export function createRuntimeWorker(runtime: NotifyRuntime): NotifyWorker {
  const { kv, config } = runtime;
  const handlers: Record<string, JobHandler> = {
    [WEBHOOK_JOB]: createWebhookHandler({ kv, policy: config.webhooks, post: runtime.post ?? postWebhook, now: runtime.now }),
  };
  if (runtime.mail) handlers[MAIL_JOB] = createMailHandler({ ...runtime.mail, timeoutMs: SMTP_TIMEOUT_MS * 3, now: runtime.now });
  return createNotifyWorker({ kv, handlers, queue: config.queue, now: runtime.now, random: runtime.random, leaseMarginMs: runtime.leaseMarginMs });
}

/** Validates the config (a bad value throws ConfigError: start-up stops) and starts this process's worker. */
export function startNotifications(): void {
  const config = getNotifyConfig();
  installHostResolver(resolveHost);
  if (getRunningWorker()) return;
  const kb = getKnowledgeBase();
  const server = getServerConfig();
  const store = getConversationStore();
  const worker = createRuntimeWorker({
    kv: getKv(),
    config,
    mail: config.smtp
      ? {
          send: createSmtpSender(config.smtp.url),
          context: {
            kb,
            smtp: config.smtp,
            appOrigin: server.security.appOrigin,
            loadLead: async (id) => (await store.getConversation({ id }))?.state?.lead ?? null,
          },
        }
      : undefined,
  });
  setRunningWorker(worker);
  worker.start();
  if (!config.smtp && server.logLevel !== 'silent' && server.env !== 'test') {
    console.warn('[notify] SMTP_URL is not set: handoffs, bookings and qualified leads reach the sales team only through webhooks (/admin/webhooks).');
  }
}
