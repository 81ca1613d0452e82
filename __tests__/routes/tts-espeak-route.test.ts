/** @jest-environment node */
// With no keys at all, POST /api/v1/tts speaks through espeak-ng when it is installed: the embedded default.
import { drainEvents, subscribeEvents } from '@/lib/events/bus';
import type { AppEvent } from '@/lib/events/schema';
import { findEspeak } from '@/lib/voice/espeak';
import { readSseFrames } from '@/lib/voice/sse-frames';
import { TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

for (const name of ['OPENAI_API_KEY', 'SMALLEST_API_KEY', 'TTS_PROVIDER', 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN']) delete process.env[name];
process.env.SESSION_SECRET = TEST_SESSION_SECRET;

(findEspeak() ? describe : describe.skip)('POST /api/v1/tts with espeak-ng', () => {
  beforeAll(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  const published: AppEvent[] = [];
  beforeAll(() => void subscribeEvents('test-tts-events', (events) => void published.push(...events)));

  it('answers {"text":"Hello"} with a format event, audio and done, then serves the repeat from the cache', async () => {
    const { POST } = await import('@/app/api/v1/tts/route');
    const { authorization } = await visitorHeaders();
    const call = async () => {
      const headers = { authorization, 'content-type': 'application/json' };
      const response = await POST(new Request('http://localhost/api/v1/tts', { method: 'POST', body: '{"text":"Hello"}', headers }));
      expect(response.status).toBe(200);
      const events = [];
      for await (const frame of readSseFrames(response.body!)) events.push({ event: frame.event, data: JSON.parse(frame.data) });
      return events;
    };
    const first = await call();
    expect(first[0]).toEqual({ event: 'format', data: { encoding: 'pcm_s16le', sampleRate: 22_050, channels: 1, provider: 'espeak' } });
    expect(first.filter((event) => event.event === 'audio').length).toBeGreaterThan(0);
    expect(first.at(-1)?.data.bytes).toBeGreaterThan(10_000);
    await drainEvents();
    expect(published.filter((event) => event.type === 'tts.cache_hit')).toEqual([]);
    const second = await call();
    // The repeat is served from the cache (counted below), but the answer does not say so: the same events as a miss.
    expect(second.at(-1)).toEqual({ event: 'done', data: first.at(-1)?.data });
    expect(second[0]).toEqual(first[0]);
    // Each request's first audio is timed, and the repeat counted as a cache hit, for the dashboard.
    await drainEvents();
    expect(published.filter((event) => event.type === 'latency')).toEqual([
      expect.objectContaining({ metric: 'first_audio', ms: expect.any(Number), visitorId: expect.any(String) }),
      expect.objectContaining({ metric: 'first_audio' }),
    ]);
    expect(published.filter((event) => event.type === 'tts.cache_hit')).toHaveLength(1);
  });
});
