/** @jest-environment node */
import { ConfigError, getPublicConfig, parseServerConfig } from '@/lib/config';

describe('parseServerConfig', () => {
  it('runs on the embedded defaults with no variables', () => {
    const config = parseServerConfig({});
    expect(config.llm).toEqual({ provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 18, contextTokens: 6_000 });
    expect(config.store).toMatchObject({ provider: 'memory', prefix: 'sa:', conversationTtlSeconds: 2_592_000 });
    expect(config.chat.maxMessageChars).toBe(4_000);
  });

  it('switches each service on when its settings are present', () => {
    const config = parseServerConfig({
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1/',
      OPENAI_API_MODE: 'chat',
      KV_REST_API_URL: 'https://kv.example.com',
      KV_REST_API_TOKEN: 'token',
    });
    expect(config.llm).toMatchObject({ provider: 'openai', baseURL: 'http://127.0.0.1:4010/v1', apiMode: 'chat', model: 'gpt-4.1-mini' });
    expect(config.store).toMatchObject({ provider: 'upstash', url: 'https://kv.example.com', token: 'token' });
  });

  it('answers the chat from the fast route unless CHAT_FAST_ROUTE=off', () => {
    expect(parseServerConfig({}).chat.fastRoute).toBe(true);
    expect(parseServerConfig({ CHAT_FAST_ROUTE: 'on' }).chat.fastRoute).toBe(true);
    expect(parseServerConfig({ CHAT_FAST_ROUTE: 'off' }).chat.fastRoute).toBe(false);
  });

  it('treats empty strings as unset, as a copied .env.example leaves them', () => {
    expect(parseServerConfig({ OPENAI_API_KEY: '', UPSTASH_REDIS_REST_URL: ' ', OPENAI_TIMEOUT_MS: '' }).llm.provider).toBe('offline');
  });

  it.each([
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ OPENAI_API_MODE: 'completions' }, 'OPENAI_API_MODE'],
    [{ CHAT_MAX_MESSAGE_CHARS: 'lots' }, 'CHAT_MAX_MESSAGE_CHARS'],
    [{ CHAT_FAST_ROUTE: 'yes' }, 'CHAT_FAST_ROUTE'],
    [{ CONVERSATION_TTL_SECONDS: '5' }, 'CONVERSATION_TTL_SECONDS'],
    [{ STORE_KEY_PREFIX: 'has spaces' }, 'STORE_KEY_PREFIX'],
    [{ UPSTASH_REDIS_REST_URL: 'https://x.upstash.io' }, 'UPSTASH_REDIS_REST_TOKEN'],
    [{ UPSTASH_REDIS_REST_TOKEN: 'secret' }, 'UPSTASH_REDIS_REST_URL'],
  ])('stops with a message naming the bad variable: %j', (env, variable) => {
    expect(() => parseServerConfig(env)).toThrow(ConfigError);
    expect(() => parseServerConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('never copies a secret into the public config', () => {
    const config = parseServerConfig({ OPENAI_API_KEY: 'sk-secret', UPSTASH_REDIS_REST_URL: 'https://x.io', UPSTASH_REDIS_REST_TOKEN: 'tok-secret' });
    const serialized = JSON.stringify(getPublicConfig(config));
    expect(serialized).not.toMatch(/secret|x\.io/);
    expect(getPublicConfig(config)).toMatchObject({ chat: { maxMessageChars: 4000 }, agent: 'openai', voice: { maxRecordingSeconds: 60 } });
    // The rest is the look and the chat's wording (lib/config-theme.ts), public by nature.
    expect(Object.keys(getPublicConfig(config)).sort()).toEqual(['agent', 'chat', 'customization', 'theme', 'voice']);
  });
});
