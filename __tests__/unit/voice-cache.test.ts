/** @jest-environment node */
import { parseServerConfig } from '@/lib/config';
import { createMemoryAudioCache } from '@/lib/store/audio-cache';
import { normaliseSpeechText, speechCacheId } from '@/lib/voice/cache-key';
import { translate } from '@/lib/i18n';
import { createLru } from '@/lib/lru';
import { createSpeechService } from '@/lib/voice/speech';
import { pcmFormat, type SpeechRequest, type TtsProvider } from '@/lib/voice/types';
import { warmSpeechCache } from '@/lib/voice/warm';

const parts = { provider: 'smallest', variant: 'lightning_v3.1', voice: 'emily', speed: 1, sampleRate: 24_000, language: 'en', text: 'Hello there.' };

describe('normaliseSpeechText', () => {
  it.each([
    ['  Hello   there. ', 'Hello there.'],
    ['Line one\n\tline two', 'Line one line two'],
    ['It\u2019s \u201Cgreat\u201D', 'It\'s "great"'],
    ['non\u00A0breaking\u202Fspaces', 'non breaking spaces'],
    ['Cafe\u0301', 'Café'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseSpeechText(input)).toBe(expected);
  });

  it('keeps case and punctuation, which change how a sentence is said', () => {
    expect(normaliseSpeechText('US?')).toBe('US?');
  });
});

describe('speechCacheId', () => {
  it('is the same for texts that normalise the same, as a 64-hex digest', async () => {
    const a = await speechCacheId(parts);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await speechCacheId({ ...parts, text: '  Hello \n there. ' })).toBe(a);
  });

  it.each([['provider', 'openai'], ['variant', 'lightning_v3.1_pro'], ['voice', 'george'], ['speed', 1.2], ['sampleRate', 16_000], ['language', 'es'], ['text', 'Hello there!']])(
    'changes with %s',
    async (field, value) => {
      expect(await speechCacheId({ ...parts, [field]: value })).not.toBe(await speechCacheId(parts));
    },
  );
});

describe('createLru', () => {
  it('evicts the least recently used entry past its budget, and expires entries', () => {
    let now = 0;
    const lru = createLru<string>({ maxEntries: 2, maxBytes: 100, ttlMs: 1_000, clock: () => now });
    lru.set('a', 'A', 10);
    lru.set('b', 'B', 10);
    expect(lru.get('a')).toBe('A'); // a is now the most recent
    lru.set('c', 'C', 10);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    lru.set('big', 'X', 1_000); // larger than the whole budget: not kept
    expect(lru.get('big')).toBeUndefined();
    now = 2_000;
    expect(lru.get('a')).toBeUndefined();
  });
});

/** A provider that counts its calls and yields two chunks of a known PCM pattern. */
function fakeProvider(): TtsProvider & { calls: SpeechRequest[] } {
  const calls: SpeechRequest[] = [];
  return {
    id: 'smallest',
    format: pcmFormat(24_000),
    formatFor: (rate) => pcmFormat(rate),
    variant: 'fake',
    calls,
    async *stream(request) {
      calls.push(request);
      yield new Uint8Array([1, 0, 2, 0]);
      yield new Uint8Array([3, 0]);
    },
    hasVoice: async (voice) => voice === 'emily' || voice === 'george',
    ping: async () => ({ ok: true, latencyMs: 0 }),
  };
}

async function drain(result: Awaited<ReturnType<ReturnType<typeof createSpeechService>['synthesize']>>) {
  const chunks = [];
  for await (const chunk of result.chunks) chunks.push(chunk);
  return chunks;
}

describe('the speech service', () => {
  const config = parseServerConfig({ SMALLEST_API_KEY: 'k' }).voice;

  it('never calls the provider on a hit, in memory or in the shared cache, and counts hits and misses', async () => {
    const provider = fakeProvider();
    const cache = createMemoryAudioCache();
    const service = createSpeechService({ config, provider, cache });
    const first = await service.synthesize({ text: 'Hello there.' });
    expect(first.format).toEqual({ encoding: 'pcm_s16le', sampleRate: 24_000, channels: 1, provider: 'smallest', cached: false });
    expect(await drain(first)).toEqual([{ audio: 'AQACAA==', bytes: 4 }, { audio: 'AwA=', bytes: 2 }]);

    const again = await service.synthesize({ text: '  Hello   there. ' });
    expect(again.format.cached).toBe(true);
    expect(await drain(again)).toEqual([{ audio: 'AQACAA==', bytes: 4 }, { audio: 'AwA=', bytes: 2 }]);

    service.clearMemory();
    const fromShared = await service.synthesize({ text: 'Hello there.' });
    expect(fromShared.format.cached).toBe(true);
    await drain(fromShared);
    expect(provider.calls).toHaveLength(1);
    expect(await cache.getAudioStats()).toEqual({ hits: 2, misses: 1 });
  });

  it('prepares a memory hit without hashing or asking the shared cache, and counts it only when served', async () => {
    const provider = fakeProvider();
    const cache = createMemoryAudioCache();
    const getAudio = jest.spyOn(cache, 'getAudio');
    const service = createSpeechService({ config, provider, cache });
    await drain(await service.synthesize({ text: 'Hello there.' }));
    expect(getAudio).toHaveBeenCalledTimes(1);
    const digest = jest.spyOn(crypto.subtle, 'digest');
    try {
      const prepared = await service.prepare({ text: 'Hello there.' });
      expect(prepared.cached).toBe(true);
      expect(digest).not.toHaveBeenCalled();
      expect(getAudio).toHaveBeenCalledTimes(1);
      // Prepared but never started (the route refused it after the lookup): not a hit.
      expect(await cache.getAudioStats()).toEqual({ hits: 0, misses: 1 });
      expect(await drain(await prepared.start())).toEqual([{ audio: 'AQACAA==', bytes: 4 }, { audio: 'AwA=', bytes: 2 }]);
      expect(await cache.getAudioStats()).toEqual({ hits: 1, misses: 1 });
      expect(provider.calls).toHaveLength(1);
    } finally {
      digest.mockRestore();
    }
  });

  it('resolves settings from config and the locale', async () => {
    const provider = fakeProvider();
    const service = createSpeechService({ config, provider, cache: createMemoryAudioCache() });
    await drain(await service.synthesize({ text: 'Hola.', language: 'es', voice: 'george', speed: 1.5, sampleRate: 16_000 }));
    expect(provider.calls[0]).toMatchObject({ text: 'Hola.', language: 'es', voice: 'george', speed: 1.5, sampleRate: 16_000 });
  });

  it('refuses an unknown voice and empty text before calling the provider', async () => {
    const provider = fakeProvider();
    const service = createSpeechService({ config, provider, cache: createMemoryAudioCache() });
    await expect(service.synthesize({ text: 'Hi', voice: 'nobody' })).rejects.toMatchObject({ code: 'bad_request:voice' });
    await expect(service.synthesize({ text: ' \n ' })).rejects.toMatchObject({ code: 'bad_request:voice' });
    expect(provider.calls).toHaveLength(0);
  });

  it('answers 503 upstream_unavailable:voice, pointing at browser speech, when there is no server provider', async () => {
    const service = createSpeechService({ config, provider: null, cache: createMemoryAudioCache() });
    await expect(service.synthesize({ text: 'Hi' })).rejects.toMatchObject({ code: 'upstream_unavailable:voice', message: expect.stringContaining('speechSynthesis') });
  });

  it('warms the fixed phrases so that the greeting is a hit', async () => {
    const provider = fakeProvider();
    const service = createSpeechService({ config, provider, cache: createMemoryAudioCache() });
    const warmed = await warmSpeechCache(service);
    expect(warmed.failed).toBe(0);
    expect(provider.calls.length).toBe(warmed.warmed);
    const greeting = await service.synthesize({ text: translate('en', 'chat.empty.title'), language: 'en' });
    expect(greeting.format.cached).toBe(true);
    expect(provider.calls.length).toBe(warmed.warmed);
  });
});
