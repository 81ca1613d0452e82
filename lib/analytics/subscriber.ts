import 'server-only';
import { ConfigError } from '@/lib/config';
import { getAnalyticsConfig, type AnalyticsConfig } from '@/lib/config-analytics';
import { subscribeEvents } from '@/lib/events/bus';
import { getKv } from '@/lib/store/kv';
import { recordEvents } from './recorder';
import { startConversationSweeper } from './sweeper';

/** Records every app event into the metrics store and starts the idle-conversation sweeper (lib/events/subscribers.ts). */
export function subscribeAnalytics(): void {
  let config: AnalyticsConfig;
  try {
    config = getAnalyticsConfig();
  } catch (error) {
    // Said loudly, but the other subscribers (webhooks, e-mail) registered after this one must still start.
    if (error instanceof ConfigError) return console.error(`[analytics] not recording: ${error.message}`);
    throw error;
  }
  const { retentionDays, idleMs } = config;
  subscribeEvents('analytics', (events) => recordEvents(getKv(), events, { retentionDays, idleMs }));
  startConversationSweeper();
}
