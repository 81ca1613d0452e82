/** @jest-environment node */
// Item 8 of issue 7: the start-up warm-up (instrumentation bundle) and /api/v1/tts (route bundle) must share one
// Smallest.ai queue. Against `next start` and the stand-in, which answers 429 to a second request in flight: speech
// requested the moment the server answers must reach the provider one call at a time with the warm-up.
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startSmallestStandIn } from '../../scripts/standins/smallest-server.mjs';
import { warmPhrases } from '@/lib/voice/phrases';
import { readSseFrames } from '@/lib/voice/sse-frames';
import { startSession } from '../support/visitor';

jest.setTimeout(90_000);

type StandIn = Awaited<ReturnType<typeof startSmallestStandIn>>;
let standIn: StandIn;
let next: Awaited<ReturnType<typeof startNextServer>> | undefined;

const WARM = new Set([...warmPhrases('en'), ...warmPhrases('es')].map((text) => text.replace(/\s+/g, ' ').trim()));
const OURS = ['Right after start, one.', 'Right after start, two.', 'Right after start, three.'];

beforeAll(async () => {
  // Slow enough that the warm-up (four phrases) is still running when the first requests arrive.
  standIn = await startSmallestStandIn({ apiKey: 'sm-warm', firstChunkMs: 250, chunkIntervalMs: 60, chunks: 4 });
});

afterAll(async () => {
  await next?.stop();
  await standIn?.close();
});

const synthesis = () => standIn.requests.filter((request) => request.path === '/waves/v1/tts/live');
const textOf = (request: { body: unknown }) => String((request.body as { text?: unknown }).text ?? '');

async function speak(url: string, authorization: string, text: string): Promise<string[]> {
  const response = await fetch(`${url}/api/v1/tts`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!response.ok || !response.body) throw new Error(`tts ${response.status}: ${await response.text()}`);
  const events: string[] = [];
  for await (const frame of readSseFrames(response.body)) events.push(frame.event);
  return events;
}

it('serialises speech requested right after start with the warm-up: no 429, never two calls in flight', async () => {
  next = await startNextServer({
    env: { SMALLEST_API_KEY: 'sm-warm', SMALLEST_BASE_URL: standIn.url, TTS_PROVIDER: 'smallest', RATE_LIMIT_TTS: 'off' },
  });
  const { authorization } = await startSession(next.url);
  // Fired together, at once: the warm-up started with the server and is on its first phrases.
  const results = await Promise.all(OURS.map((text) => speak(next!.url, authorization, text)));
  for (const events of results) expect(events.at(-1)).toBe('done');

  // Let the warm-up finish, then check what the provider saw.
  const deadline = Date.now() + 20_000;
  while (synthesis().filter((request) => WARM.has(textOf(request))).length < WARM.size && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const calls = synthesis();
  const warm = calls.filter((request) => WARM.has(textOf(request)));
  const ours = calls.filter((request) => OURS.includes(textOf(request)));
  expect(warm).toHaveLength(WARM.size);
  expect(ours).toHaveLength(OURS.length);
  // The requests overlapped the warm-up (so the test exercised the collision), and were served between its phrases.
  expect(Math.min(...ours.map((request) => request.at))).toBeLessThan(Math.max(...warm.map((request) => request.at)));
  expect(standIn.stats()).toMatchObject({ rejected429: 0, maxConcurrent: 1 });
  expect(next.logs()).not.toMatch(/could not warm/);
});
