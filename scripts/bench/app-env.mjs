// The app's environment in the bench scripts (bench.mjs, bench/profile.mjs, bench/decompose.mjs): the OpenAI stand-in
// through Chat Completions, the store through the Upstash bridge, and the limits on — their Redis commands are part of
// each turn's cost — but high enough for the bursts (every bench chat is a new conversation of the one bench visitor).

/**
 * @param {{ upstreamUrl: string, bridgeUrl: string, token: string, prefix: string }} where
 * @param {Record<string, string>} [extra] more variables (speech, Node options, switches), overriding these
 */
export function benchAppEnv({ upstreamUrl, bridgeUrl, token, prefix }, extra = {}) {
  return {
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: upstreamUrl,
    OPENAI_API_MODE: 'chat',
    OPENAI_MODEL: 'gpt-bench',
    UPSTASH_REDIS_REST_URL: bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: token,
    STORE_KEY_PREFIX: prefix,
    RATE_LIMIT_CHAT: '1000000/1m',
    RATE_LIMIT_TTS: '1000000/1m',
    RATE_LIMIT_SESSION: '1000000/1m',
    TOKEN_BUDGET_DAILY: '0',
    CHAT_MAX_CONVERSATIONS_PER_DAY: '100000',
    // Every bench client is one address (loopback): the per-address daily caps would refuse the bursts after 250
    // conversations (docs/security.md). Off, as the per-visitor token budget is.
    TOKEN_BUDGET_DAILY_PER_ADDRESS: '0',
    CHAT_MAX_CONVERSATIONS_PER_ADDRESS_PER_DAY: '0',
    LLM_SPEND_CAP_DAILY_USD: '0',
    LLM_MAX_CONCURRENT: '2000',
    ...extra,
  };
}
