import 'server-only';
import { ConfigError, getServerConfig, type ServerConfig } from '@/lib/config';
import { getKnowledgeBase, KnowledgeBaseError } from '@/lib/sales/knowledge';
import { findEspeak } from '@/lib/voice/espeak';
import { chooseProviderId } from '@/lib/voice/select';
import { scheduleSpeechWarmup } from '@/lib/voice/warm';
import { registerEventSubscribers } from '@/lib/events/subscribers';
import { startNotifications } from '@/lib/notify/start-node';
import { startAdminSignIn } from '@/lib/admin/start';
import { checkOutboxDirectory, startOutboxSpool } from '@/lib/events/start-node';

/** Validates config at start-up; on a bad value prints which variable and stops the process. */
export function checkConfigAtStartup(): void {
  try {
    logStartup(getServerConfig());
    // Route modules load lazily: validate the knowledge base now so a bad entry stops start-up, not the first chat.
    getKnowledgeBase();
    // After the checks, and not awaited: the greeting is cached in the background while the server starts answering.
    scheduleSpeechWarmup();
    // Analytics, webhooks and notifications listen to the event bus from the start (lib/events/subscribers.ts).
    // Then the outbox's spool (its directory checked now: a bad EVENTS_OUTBOX_DIR stops start-up): events held while
    // the store was down before a restart are tried again.
    checkOutboxDirectory();
    void registerEventSubscribers()
      .catch((error: unknown) => console.error('[events] could not register subscribers:', error))
      .then(() => startOutboxSpool())
      .catch((error: unknown) => console.error('[events] the outbox spool could not start (held events stay in memory):', error));
    // The queue worker delivering webhooks and e-mails (Node only: DNS checks, HTTP, SMTP); a bad setting stops start-up.
    startNotifications();
    // Admin sign-in: its settings are checked now; with no ADMIN_EMAIL a generated admin's password is printed once.
    startAdminSignIn();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeBaseError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** One line at start-up saying which real services are in use, so a deployer sees at once what the app talks to. */
export function logStartup(config: ServerConfig): void {
  if (config.logLevel === 'silent' || config.env === 'test') return;
  const llm = config.llm.provider === 'openai' ? `openai (${config.llm.model}, ${config.llm.apiMode} API)` : 'offline sales agent';
  const store = config.store.provider === 'upstash' ? `upstash (${new URL(config.store.url).host})` : 'in-memory';
  console.info(`[sales-agent] agent: ${llm} · store: ${store} · speech: ${chooseProviderId(config.voice, { espeakPath: () => findEspeak() })}`);
}
