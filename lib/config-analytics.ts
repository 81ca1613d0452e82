import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The analytics half of the configuration (docs/admin.md, "Analytics"): how long the time-bucketed metrics live and
 * when a quiet conversation counts as ended. Validated once per process, like lib/config.ts; listed in .env.example.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

export const analyticsEnvSchema = z.object({
  /** Days a metrics bucket (an hour's or a day's counters, histograms, unique visitors, topics) is kept. */
  ANALYTICS_RETENTION_DAYS: int(400, 1, 3_650),
  /** Minutes without any event after which a conversation is ended (`conversation.ended` is published once). */
  CONVERSATION_IDLE_MINUTES: int(30, 1, 7 * 24 * 60),
});

export interface AnalyticsConfig {
  retentionDays: number;
  idleMs: number;
  /** How often each process looks for idle conversations: often enough to end them within ~1/6 of the idle time. */
  sweepIntervalMs: number;
}

export function parseAnalyticsConfig(source: Record<string, string | undefined>): AnalyticsConfig {
  const parsed = analyticsEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const idleMs = parsed.data.CONVERSATION_IDLE_MINUTES * 60_000;
  return {
    retentionDays: parsed.data.ANALYTICS_RETENTION_DAYS,
    idleMs,
    sweepIntervalMs: Math.min(60_000, Math.max(5_000, Math.round(idleMs / 6))),
  };
}

/** The process's analytics settings, read from the environment once. */
export function getAnalyticsConfig(): AnalyticsConfig {
  return processSingleton('analytics-config', () => parseAnalyticsConfig(process.env));
}
