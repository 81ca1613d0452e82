import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/**
 * The embed's own settings (docs/embed.md). The allow-list of host origins is EMBED_ALLOWED_ORIGINS in
 * lib/config-security.ts (the API's Origin check uses it too). Validated once per process; listed in .env.example.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const embedEnvSchema = z.object({
  /**
   * Key of `SalesAgent.identify({ email, hash })`: the host's server sends hex HMAC-SHA-256(key, email), so a visitor
   * cannot claim someone else's address. Empty: identify is refused (403 forbidden:identify).
   */
  EMBED_IDENTITY_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'at least 32 characters').optional()),
});

export interface EmbedConfig {
  identitySecret: string | undefined;
}

export function parseEmbedConfig(source: Record<string, string | undefined>): EmbedConfig {
  const parsed = embedEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  return { identitySecret: parsed.data.EMBED_IDENTITY_SECRET };
}

/** The process's embed settings, read from the environment once. */
export function getEmbedConfig(): EmbedConfig {
  return processSingleton('embed-config', () => parseEmbedConfig(process.env));
}
