import { z } from 'zod';

/**
 * The security half of the configuration: visitor sessions, rate limits, budgets, caps and the cross-site allow-list.
 * Its variables are part of the one env schema in lib/config.ts; this file holds their shapes and defaults.
 * Every default is listed in .env.example and docs/security.md.
 */
const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

const WINDOW_UNITS_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `<count>/<window>` such as `20/1m` or `5/10s`; `off` turns the limit off. */
export interface RateLimitRule {
  count: number;
  windowMs: number;
  /** As written in the config (`20/1m`): the `w` of the RateLimit-Policy header is derived from windowMs. */
  source: string;
}

const rateLimit = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .default(fallback)
      .transform((value, ctx): RateLimitRule | null => {
        if (/^(off|none)$/i.test(value)) return null;
        const match = /^(\d{1,7})\s*\/\s*(\d{0,6})\s*(s|m|h|d)$/i.exec(value);
        const count = Number(match?.[1]);
        const amount = match?.[2] ? Number(match[2]) : 1;
        const unit = match?.[3]?.toLowerCase() as keyof typeof WINDOW_UNITS_MS | undefined;
        if (!match || !unit || count < 1 || amount < 1) {
          ctx.addIssue({ code: 'custom', message: 'a limit such as 20/1m (count/window; window in s, m, h or d) or "off"' });
          return z.NEVER;
        }
        return { count, windowMs: amount * WINDOW_UNITS_MS[unit], source: value };
      }),
  );

const origin = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if (!/^https?:$/.test(url.protocol)) throw new Error('not http');
    // The URL parser lets a few characters through in a host that would break out of a CSP source ("'", ";"):
    // an origin here ends up in frame-ancestors, so only plain host characters pass.
    if (!/^[a-z0-9.\-[\]:]+$/i.test(url.host)) throw new Error('odd host');
    return url.origin;
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin such as https://www.example.com` });
    return z.NEVER;
  }
});

const originList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value),
  z.array(origin).default([]),
);

/** USD per million tokens, input/output, for the spend cap. Unlisted models use the configured fallback. */
const DEFAULT_PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
};

const prices = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const table = { ...DEFAULT_PRICES };
      for (const entry of (value ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
        const match = /^([^=\s]+)\s*=\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(entry);
        if (!match?.[1]) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not model=input/output (USD per million tokens)` });
          return z.NEVER;
        }
        table[match[1]] = { input: Number(match[2]), output: Number(match[3]) };
      }
      return table;
    }),
);

export const securityEnvShape = {
  /** HMAC key of visitor sessions; at least 32 characters. Empty: generated once and kept in the store. */
  SESSION_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'at least 32 characters').optional()),
  SESSION_TTL_SECONDS: int(60 * 60 * 24 * 30, 60, 60 * 60 * 24 * 365),
  RATE_LIMIT_CHAT: rateLimit('20/1m'),
  RATE_LIMIT_TTS: rateLimit('120/1m'),
  RATE_LIMIT_TRANSCRIBE: rateLimit('10/1m'),
  RATE_LIMIT_SESSION: rateLimit('30/1m'),
  /** Thumbs up/down on replies. */
  RATE_LIMIT_FEEDBACK: rateLimit('30/1m'),
  /**
   * Reads and controls of a conversation: its history (GET /api/v1/chat/{id}), resuming its reply (…/stream), Stop and
   * erasure. A page load makes two, a broken reply one resume per try (backing off from 0.5 s): far under this.
   */
  RATE_LIMIT_READ: rateLimit('600/1m'),
  /** Resume streams one visitor may hold open at once on one instance (each polls the store while it is open). */
  RESUME_STREAMS_PER_VISITOR: int(6, 1, 1_000),
  /** …and one address (IPv4, or IPv6 /64), whatever visitors it holds: sessions are free, a few a minute each. */
  RESUME_STREAMS_PER_ADDRESS: int(20, 1, 10_000),
  /** LLM tokens (prompt + completion) one visitor may use per UTC day; 0 = no budget. */
  TOKEN_BUDGET_DAILY: int(60_000, 0, 1_000_000_000),
  /**
   * …and one address (IPv4, or IPv6 /64), whatever visitors it holds: sessions are free, so the per-visitor budget alone
   * let one address spend all day by starting new ones. Several visitors' worth (an office behind NAT); 0 = no cap.
   */
  TOKEN_BUDGET_DAILY_PER_ADDRESS: int(300_000, 0, 1_000_000_000),
  /** What the whole app may spend on the LLM per UTC day, in USD; 0 = no cap. */
  LLM_SPEND_CAP_DAILY_USD: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(1_000_000).default(25)),
  LLM_PRICES: prices,
  /** USD per million tokens (input/output) for a model that LLM_PRICES and the built-in table do not list. */
  LLM_PRICE_FALLBACK: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+(\.\d+)?\/\d+(\.\d+)?$/, 'input/output in USD per million tokens, such as 2/8')
      .default('2/8')
      .transform((value) => {
        const [input, output] = value.split('/').map(Number);
        return { input: input ?? 0, output: output ?? 0 };
      }),
  ),
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: the app faces clients directly). */
  TRUSTED_PROXIES: int(0, 0, 10),
  /** Origins (besides the app's own) whose pages may embed the chat and call the API from it. */
  EMBED_ALLOWED_ORIGINS: originList,
  /** The app's public origin when it differs from the Host the server sees (behind a proxy that rewrites Host). */
  APP_ORIGIN: z.preprocess(emptyToUndefined, origin.optional()),
  LLM_MAX_CONCURRENT: int(64, 1, 10_000),
  LLM_QUEUE_MAX: int(256, 0, 100_000),
  LLM_QUEUE_TIMEOUT_MS: int(10_000, 0, 120_000),
  TTS_MAX_CONCURRENT: int(16, 1, 1_000),
  TTS_QUEUE_PER_VISITOR: int(8, 1, 1_000),
  /** Speech requests one address (IPv4, or IPv6 /64) may have running or waiting at once on one instance, whatever visitors it holds. */
  TTS_STREAMS_PER_ADDRESS: int(8, 1, 10_000),
  TRANSCRIBE_MAX_BYTES: int(4 * 1024 * 1024, 1_024, 25 * 1024 * 1024),
  TRANSCRIBE_MAX_SECONDS: int(60, 1, 600),
  TRANSCRIBE_MAX_CONCURRENT: int(4, 1, 1_000),
  /** Uploads one address (IPv4, or IPv6 /64) may have in progress at once, whatever visitors it holds. */
  TRANSCRIBE_MAX_PER_ADDRESS: int(2, 1, 1_000),
  /** Longest time an upload's body may take to arrive, in milliseconds (then 408; a trickled body held a slot forever). */
  TRANSCRIBE_READ_TIMEOUT_MS: int(30_000, 100, 600_000),
  /**
   * Longest time a JSON body (a chat turn, identify(), speech, a session's optional body) may take to arrive, in
   * milliseconds (then 408). Node's own limit is its 300 s requestTimeout: a trickled body held its turn that long.
   */
  JSON_READ_TIMEOUT_MS: int(10_000, 100, 600_000),
  CHAT_MAX_TURNS_PER_CONVERSATION: int(200, 1, 100_000),
  CHAT_MAX_CONVERSATIONS_PER_DAY: int(50, 1, 100_000),
  /** Conversations one address (IPv4, or IPv6 /64) may start per UTC day, whatever visitors it holds; 0 = no cap. */
  CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY: int(250, 0, 1_000_000),
  /** Timeout of one upstream call (speech, transcription) in milliseconds. The LLM has OPENAI_TIMEOUT_MS. */
  UPSTREAM_TIMEOUT_MS: int(30_000, 1_000, 600_000),
};

type SecurityEnv = z.output<ReturnType<typeof z.object<typeof securityEnvShape>>>;

export interface SecurityConfig {
  session: { secret: string | undefined; ttlSeconds: number };
  rateLimits: Record<'chat' | 'tts' | 'transcribe' | 'session' | 'feedback' | 'read', RateLimitRule | null>;
  /** Open resume streams per visitor on this instance. */
  resumeStreamsPerVisitor: number;
  /** Open resume streams per address on this instance. */
  resumeStreamsPerAddress: number;
  budget: {
    tokensPerVisitorDaily: number;
    /** Tokens per address (IPv4, or IPv6 /64) per UTC day, all its visitors together; 0 = no cap. */
    tokensPerAddressDaily: number;
    spendCapDailyUsd: number;
    /** USD per million tokens of the configured model. */
    price: { input: number; output: number };
  };
  trustedProxies: number;
  appOrigin: string | undefined;
  embedAllowedOrigins: string[];
  llm: { maxConcurrent: number; queueMax: number; queueTimeoutMs: number };
  /** `streamsPerAddress`: speech requests running or waiting per address on this instance. */
  tts: { maxConcurrent: number; queuePerVisitor: number; streamsPerAddress: number };
  transcribe: { maxBytes: number; maxSeconds: number; maxConcurrent: number; maxPerAddress: number; readTimeoutMs: number };
  /** How long a JSON request body may take to arrive (JSON_READ_TIMEOUT_MS). */
  jsonReadTimeoutMs: number;
  /** `maxConversationsPerAddressPerDay`: all the address's visitors together; 0 = no cap. */
  chat: { maxTurnsPerConversation: number; maxConversationsPerDay: number; maxConversationsPerAddressPerDay: number };
  upstreamTimeoutMs: number;
}

export function parseSecurityConfig(env: SecurityEnv, model: string | undefined): SecurityConfig {
  return {
    session: { secret: env.SESSION_SECRET, ttlSeconds: env.SESSION_TTL_SECONDS },
    rateLimits: { chat: env.RATE_LIMIT_CHAT, tts: env.RATE_LIMIT_TTS, transcribe: env.RATE_LIMIT_TRANSCRIBE, session: env.RATE_LIMIT_SESSION, feedback: env.RATE_LIMIT_FEEDBACK, read: env.RATE_LIMIT_READ },
    resumeStreamsPerVisitor: env.RESUME_STREAMS_PER_VISITOR,
    resumeStreamsPerAddress: env.RESUME_STREAMS_PER_ADDRESS,
    budget: {
      tokensPerVisitorDaily: env.TOKEN_BUDGET_DAILY,
      tokensPerAddressDaily: env.TOKEN_BUDGET_DAILY_PER_ADDRESS,
      spendCapDailyUsd: env.LLM_SPEND_CAP_DAILY_USD,
      price: (model ? env.LLM_PRICES[model] : undefined) ?? (model ? env.LLM_PRICE_FALLBACK : { input: 0, output: 0 }),
    },
    trustedProxies: env.TRUSTED_PROXIES,
    appOrigin: env.APP_ORIGIN,
    embedAllowedOrigins: env.EMBED_ALLOWED_ORIGINS,
    llm: { maxConcurrent: env.LLM_MAX_CONCURRENT, queueMax: env.LLM_QUEUE_MAX, queueTimeoutMs: env.LLM_QUEUE_TIMEOUT_MS },
    tts: { maxConcurrent: env.TTS_MAX_CONCURRENT, queuePerVisitor: env.TTS_QUEUE_PER_VISITOR, streamsPerAddress: env.TTS_STREAMS_PER_ADDRESS },
    transcribe: {
      maxBytes: env.TRANSCRIBE_MAX_BYTES,
      maxSeconds: env.TRANSCRIBE_MAX_SECONDS,
      maxConcurrent: env.TRANSCRIBE_MAX_CONCURRENT,
      maxPerAddress: env.TRANSCRIBE_MAX_PER_ADDRESS,
      readTimeoutMs: env.TRANSCRIBE_READ_TIMEOUT_MS,
    },
    jsonReadTimeoutMs: env.JSON_READ_TIMEOUT_MS,
    chat: {
      maxTurnsPerConversation: env.CHAT_MAX_TURNS_PER_CONVERSATION,
      maxConversationsPerDay: env.CHAT_MAX_CONVERSATIONS_PER_DAY,
      maxConversationsPerAddressPerDay: env.CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY,
    },
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
  };
}
