import 'server-only';
import { z } from 'zod';
import { processSingleton } from './process-singleton';
import { parseSecurityConfig, securityEnvShape, type SecurityConfig } from './config-security';
import { getLookConfig, type ChatTexts, type LookConfig, type ThemeConfig } from './config-theme';

export type { RateLimitRule, SecurityConfig } from './config-security';

/**
 * Server configuration, validated once. Every variable is documented in .env.example.
 * The choice of each outside service (OpenAI or the offline agent, Upstash or memory) is derived here and nowhere else.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional());
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

/** Server speech providers; `browser` means none: the client speaks with speechSynthesis. */
export const TTS_PROVIDERS = ['smallest', 'openai', 'espeak', 'browser'] as const;
export type TtsProviderId = (typeof TTS_PROVIDERS)[number];
/** The sample rates Smallest.ai accepts (CONTRACTS.md); other providers have a fixed rate of their own. */
export const SAMPLE_RATES = [8_000, 16_000, 24_000, 44_100] as const;
export type SampleRate = (typeof SAMPLE_RATES)[number];
const voiceId = z.string().regex(/^[A-Za-z0-9_.+-]{1,64}$/, 'letters, digits, "_", ".", "+" or "-" (at most 64)');
const languageCode = z.string().regex(/^(auto|[a-z]{2,3}(-[A-Za-z]{2,4})?)$/, 'a language code such as en, es or auto');

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
  CHAT_TURN_WAIT_MS: int(15_000, 0, 120_000),
  STREAM_RESUME_TTL_SECONDS: int(120, 10, 3_600),
  CHAT_FAST_ROUTE: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
  OFFLINE_WORD_DELAY_MS: int(18, 0, 1_000),

  TTS_PROVIDER: z.preprocess(emptyToUndefined, z.enum(TTS_PROVIDERS).optional()),
  SMALLEST_API_KEY: optionalString,
  SMALLEST_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default('https://api.smallest.ai')),
  SMALLEST_VOICE_ID: z.preprocess(emptyToUndefined, voiceId.default('emily')),
  SMALLEST_MODEL: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).default('lightning_v3.1')),
  TTS_SPEED: z.preprocess(emptyToUndefined, z.coerce.number().min(0.5).max(2).default(1)),
  TTS_SAMPLE_RATE: z.preprocess(emptyToUndefined, z.coerce.number().pipe(z.union(SAMPLE_RATES.map((rate) => z.literal(rate)))).default(24_000)),
  TTS_LANGUAGE_EN: z.preprocess(emptyToUndefined, languageCode.default('en')),
  TTS_LANGUAGE_ES: z.preprocess(emptyToUndefined, languageCode.default('es')),
  TTS_CACHE_TTL_SECONDS: int(60 * 60 * 24 * 7, 0, 60 * 60 * 24 * 365),
  TTS_MAX_CHARS: int(1_000, 1, 10_000),
  TTS_QUEUE_MAX: int(32, 1, 1_000),
  OPENAI_TTS_MODEL: z.preprocess(emptyToUndefined, z.string().min(1).default('gpt-4o-mini-tts')),
  OPENAI_TTS_VOICE: z.preprocess(emptyToUndefined, voiceId.default('alloy')),
  OPENAI_TRANSCRIBE_MODEL: z.preprocess(emptyToUndefined, z.string().min(1).default('gpt-4o-mini-transcribe')),
  ESPEAK_VOICE_EN: z.preprocess(emptyToUndefined, voiceId.default('en-us')),
  ESPEAK_VOICE_ES: z.preprocess(emptyToUndefined, voiceId.default('es')),

  ...securityEnvShape,
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

/**
 * Speech settings. Which provider speaks is decided in lib/voice/select.ts from these plus one probe that config cannot
 * make (is espeak-ng on PATH?); `forcedProvider` is TTS_PROVIDER.
 */
export interface VoiceConfig {
  forcedProvider: TtsProviderId | undefined;
  smallest: { apiKey: string; baseURL: string; voiceId: string; model: string } | undefined;
  openai: { apiKey: string; baseURL: string; ttsModel: string; ttsVoice: string; transcribeModel: string } | undefined;
  espeak: { voices: { en: string; es: string } };
  speed: number;
  sampleRate: SampleRate;
  /** UI locale → the language code sent to the provider. */
  languages: { en: string; es: string };
  cacheTtlSeconds: number;
  maxChars: number;
  /** Requests allowed to wait for a provider that takes one at a time (Smallest.ai); more are refused with 429. */
  queueMax: number;
}

export interface ServerConfig {
  env: ServerEnv['NODE_ENV'];
  logLevel: ServerEnv['LOG_LEVEL'];
  llm: LlmConfig;
  store: StoreConfig & { conversationTtlSeconds: number; maxMessages: number };
  chat: { maxMessageChars: number; turnWaitMs: number; resumeTtlSeconds: number; /** `next start` answers the chat's and the speech's POSTs before Next.js routes them (lib/fast-routes.ts). */ fastRoute: boolean };
  voice: VoiceConfig;
  security: SecurityConfig;
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
    chat: { maxMessageChars: env.CHAT_MAX_MESSAGE_CHARS, turnWaitMs: env.CHAT_TURN_WAIT_MS, resumeTtlSeconds: env.STREAM_RESUME_TTL_SECONDS, fastRoute: env.CHAT_FAST_ROUTE === 'on' },
    voice: parseVoiceConfig(env),
    security: parseSecurityConfig(env, env.OPENAI_API_KEY ? env.OPENAI_MODEL : undefined),
  };
}

function parseVoiceConfig(env: ServerEnv): VoiceConfig {
  const forced = env.TTS_PROVIDER;
  if (forced === 'smallest' && !env.SMALLEST_API_KEY) throw new ConfigError(['SMALLEST_API_KEY: required when TTS_PROVIDER=smallest']);
  if (forced === 'openai' && !env.OPENAI_API_KEY) throw new ConfigError(['OPENAI_API_KEY: required when TTS_PROVIDER=openai']);
  return {
    forcedProvider: forced,
    smallest: env.SMALLEST_API_KEY
      ? { apiKey: env.SMALLEST_API_KEY, baseURL: env.SMALLEST_BASE_URL.replace(/\/+$/, ''), voiceId: env.SMALLEST_VOICE_ID, model: env.SMALLEST_MODEL }
      : undefined,
    openai: env.OPENAI_API_KEY
      ? {
          apiKey: env.OPENAI_API_KEY,
          baseURL: env.OPENAI_BASE_URL.replace(/\/+$/, ''),
          ttsModel: env.OPENAI_TTS_MODEL,
          ttsVoice: env.OPENAI_TTS_VOICE,
          transcribeModel: env.OPENAI_TRANSCRIBE_MODEL,
        }
      : undefined,
    espeak: { voices: { en: env.ESPEAK_VOICE_EN, es: env.ESPEAK_VOICE_ES } },
    speed: env.TTS_SPEED,
    sampleRate: env.TTS_SAMPLE_RATE as SampleRate,
    languages: { en: env.TTS_LANGUAGE_EN, es: env.TTS_LANGUAGE_ES },
    cacheTtlSeconds: env.TTS_CACHE_TTL_SECONDS,
    maxChars: env.TTS_MAX_CHARS,
    queueMax: env.TTS_QUEUE_MAX,
  };
}

/** The process's config, parsed on first use (instrumentation.ts calls this at start-up so a bad value stops the server). */
export function getServerConfig(): ServerConfig {
  return processSingleton('config', () => parseServerConfig(process.env));
}

/**
 * The client half of the split: the few settings the browser needs, derived from the validated server config and
 * passed to client components as props. Nothing secret can reach the client because nothing else is copied.
 */
export interface PublicConfig {
  chat: { maxMessageChars: number };
  agent: LlmConfig['provider'];
  /** The browser stops recording just before the server's duration cap on transcription. */
  voice: { maxRecordingSeconds: number };
  /** Theme and brand (lib/config-theme.ts): painted on the page, so public by nature. */
  theme: ThemeConfig;
  /** The chat's name, avatar, greeting, questions, placeholder and legal notice; unset ones are translated defaults. */
  customization: ChatTexts;
}

export function getPublicConfig(config: ServerConfig = getServerConfig(), look: LookConfig = getLookConfig()): PublicConfig {
  return {
    chat: { maxMessageChars: config.chat.maxMessageChars },
    agent: config.llm.provider,
    voice: { maxRecordingSeconds: config.security.transcribe.maxSeconds },
    theme: look.theme,
    customization: look.chat,
  };
}
