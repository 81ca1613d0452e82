import 'server-only';
import { z } from 'zod';

/**
 * Server configuration, validated once. Every variable is documented in .env.example.
 * The choice of each outside service (OpenAI or the offline agent, Upstash or memory) is derived here and nowhere else.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional());
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default('https://api.openai.com/v1')),
  OPENAI_MODEL: z.preprocess(emptyToUndefined, z.string().min(1).default('gpt-4.1-mini')),
  OPENAI_API_MODE: z.preprocess(emptyToUndefined, z.enum(['responses', 'chat']).default('responses')),
  OPENAI_TIMEOUT_MS: int(30_000, 1_000, 600_000),
  OPENAI_MAX_RETRIES: int(2, 0, 10),

  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  KV_REST_API_URL: optionalUrl,
  KV_REST_API_TOKEN: optionalString,
  STORE_KEY_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9:_-]{1,32}$/).default('sa:')),
  CONVERSATION_TTL_SECONDS: int(60 * 60 * 24 * 30, 60, 60 * 60 * 24 * 365),
  CONVERSATION_MAX_MESSAGES: int(400, 10, 10_000),

  CHAT_MAX_MESSAGE_CHARS: int(4_000, 1, 100_000),
  CHAT_CONTEXT_TOKENS: int(6_000, 500, 1_000_000),
  OFFLINE_WORD_DELAY_MS: int(18, 0, 1_000),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export type LlmConfig =
  | {
      provider: 'openai';
      apiKey: string;
      baseURL: string;
      model: string;
      apiMode: 'responses' | 'chat';
      timeoutMs: number;
      maxRetries: number;
      contextTokens: number;
      /** The offline agent answers, with a notice, when OpenAI fails before its first word. */
      wordDelayMs: number;
    }
  | { provider: 'offline'; model: 'offline-sales-agent'; wordDelayMs: number; contextTokens: number };

export type StoreConfig =
  | { provider: 'upstash'; url: string; token: string; prefix: string }
  | { provider: 'memory'; prefix: string };

export interface ServerConfig {
  env: ServerEnv['NODE_ENV'];
  logLevel: ServerEnv['LOG_LEVEL'];
  llm: LlmConfig;
  store: StoreConfig & { conversationTtlSeconds: number; maxMessages: number };
  chat: { maxMessageChars: number };
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((line) => `  - ${line}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/** Pure: builds the config from an environment, or throws a ConfigError naming each bad variable. */
export function parseServerConfig(source: Record<string, string | undefined>): ServerConfig {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const env = parsed.data;
  const restUrl = env.UPSTASH_REDIS_REST_URL ?? env.KV_REST_API_URL;
  const restToken = env.UPSTASH_REDIS_REST_TOKEN ?? env.KV_REST_API_TOKEN;
  if (Boolean(restUrl) !== Boolean(restToken)) {
    throw new ConfigError([
      restUrl
        ? 'UPSTASH_REDIS_REST_TOKEN: required when UPSTASH_REDIS_REST_URL is set'
        : 'UPSTASH_REDIS_REST_URL: required when UPSTASH_REDIS_REST_TOKEN is set',
    ]);
  }

  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    llm: env.OPENAI_API_KEY
      ? {
          provider: 'openai',
          apiKey: env.OPENAI_API_KEY,
          baseURL: env.OPENAI_BASE_URL.replace(/\/+$/, ''),
          model: env.OPENAI_MODEL,
          apiMode: env.OPENAI_API_MODE,
          timeoutMs: env.OPENAI_TIMEOUT_MS,
          maxRetries: env.OPENAI_MAX_RETRIES,
          contextTokens: env.CHAT_CONTEXT_TOKENS,
          wordDelayMs: env.OFFLINE_WORD_DELAY_MS,
        }
      : { provider: 'offline', model: 'offline-sales-agent', wordDelayMs: env.OFFLINE_WORD_DELAY_MS, contextTokens: env.CHAT_CONTEXT_TOKENS },
    store: {
      ...(restUrl && restToken
        ? { provider: 'upstash' as const, url: restUrl, token: restToken, prefix: env.STORE_KEY_PREFIX }
        : { provider: 'memory' as const, prefix: env.STORE_KEY_PREFIX }),
      conversationTtlSeconds: env.CONVERSATION_TTL_SECONDS,
      maxMessages: env.CONVERSATION_MAX_MESSAGES,
    },
    chat: { maxMessageChars: env.CHAT_MAX_MESSAGE_CHARS },
  };
}

let cached: ServerConfig | undefined;

/** The process's config, parsed on first use (instrumentation.ts calls this at start-up so a bad value stops the server). */
export function getServerConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}

/**
 * The client half of the split: the few settings the browser needs, derived from the validated server config and
 * passed to client components as props. Nothing secret can reach the client because nothing else is copied.
 */
export interface PublicConfig {
  chat: { maxMessageChars: number };
  agent: LlmConfig['provider'];
}

export function getPublicConfig(config: ServerConfig = getServerConfig()): PublicConfig {
  return { chat: { maxMessageChars: config.chat.maxMessageChars }, agent: config.llm.provider };
}
