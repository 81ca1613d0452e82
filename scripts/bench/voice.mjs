// The voice section of `npm run bench` (run against the app started by scripts/bench.mjs), measured beside its floor:
// the same work done against the stand-ins called directly, in the same run, sample by sample.
import { randomUUID } from 'node:crypto';
import { percentile, printTable, readSse } from './measure.mjs';

/**
 * The time from `started` until the first bytes of an `event: audio` frame reach the client (not its parse), and the
 * rest of the stream read to its end: a cut-off utterance would not be cached, and Smallest.ai's one slot per account
 * is only free again once its stream is over.
 * @param {Response} response @param {number} started
 */
async function firstAudioByte(response, started) {
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let head = '';
  let at;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at !== undefined) continue;
    const now = performance.now();
    head += decoder.decode(value, { stream: true });
    if (/(^|\n)event: audio\ndata: \{[^\n]*"audio":"[^"]/.test(head)) at = now - started;
    // Only the stream's opening is searched: after a few frames the first audio has necessarily been seen.
    else if (head.length > 1 << 16) throw new Error('no audio event in the first 64 KB');
  }
  if (at === undefined) throw new Error('no audio');
  return { ms: at };
}

/**
 * Voice, from the final transcript (the moment the browser POSTs the chat message) to the first audio byte of the
 * reply's first sentence, as the browser does it: stream the chat, split sentences as text arrives, POST the first one
 * to /api/v1/tts, wait for its first `audio` frame. The floor does the same against the stand-ins called directly: the
 * OpenAI stand-in's stream split by the same splitter, the first sentence sent straight to the Smallest.ai stand-in.
 * Floor and app take turns sample by sample, so both see the same machine state. Then /api/v1/tts alone: an uncached
 * sentence beside the Smallest.ai stand-in called directly, and a cached phrase (the goal: first audio under 5 ms).
 */
export async function benchVoice({ appUrl, visitor, standInUrl, smallestUrl, smallestKey, samples }) {
  const { createSentenceSplitter } = await import('../../lib/voice/sentences.ts');
  const standInOrigin = new URL(standInUrl).origin;
  const control = (body) => fetch(`${standInOrigin}/__standin/behaviour`, { method: 'POST', body: JSON.stringify(body) });
  const previous = await (await fetch(`${standInOrigin}/__standin/behaviour`)).json();

  // Whether the app answered from its cache is counted at the Smallest.ai stand-in (no synthesis call during the
  // request): the route no longer tells a visitor (docs/security.md, "Speech cache").
  const upstreamCalls = async () => (await (await fetch(`${new URL(smallestUrl).origin}/__standin/stats`)).json()).calls;
  const ttsApp = async (text) => {
    const before = await upstreamCalls();
    const started = performance.now();
    const response = await fetch(`${appUrl}/api/v1/tts`, { method: 'POST', headers: { 'content-type': 'application/json', ...visitor }, body: JSON.stringify({ text }) });
    const result = await firstAudioByte(response, started);
    return { ...result, cached: (await upstreamCalls()) === before };
  };
  // What /api/v1/tts sends upstream for a plain { text } (docs/voice.md: the configured defaults).
  const ttsDirect = async (text) => {
    const started = performance.now();
    const response = await fetch(`${smallestUrl}/waves/v1/tts/live`, {
      method: 'POST',
      headers: { authorization: `Bearer ${smallestKey}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ text, voice_id: 'emily', model: 'lightning_v3.1', sample_rate: 24_000, speed: 1, language: 'en', output_format: 'pcm' }),
    });
    return firstAudioByte(response, started);
  };

  // A voice turn after the conversation's first, as most are: the first message is sent and read to its end (untimed)
  // before the timed one, on the same instance (which then starts the reply before the store answers, as it would).
  const chatApp = (id, text = 'What plans do you have?', first = false) =>
    fetch(`${appUrl}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...visitor },
      body: JSON.stringify({ id, message: { id: `u-${randomUUID()}`, role: 'user', parts: [{ type: 'text', text }] }, ...(first ? { first: true } : {}) }),
    });
  const openConversation = async () => {
    const id = randomUUID();
    await (await chatApp(id, 'Hi, we are a team of 25.', true)).text();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the turn is stored after its last byte
    return id;
  };
  const chatDirect = () =>
    fetch(`${standInUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
      body: JSON.stringify({ model: 'gpt-bench', stream: true, messages: [{ role: 'user', content: 'What plans do you have?' }] }),
    });
  const deltaOf = {
    app: (chunk) => (chunk.type === 'text-delta' ? chunk.delta : undefined),
    direct: (chunk) => chunk.choices?.[0]?.delta?.content ?? undefined,
  };

  /** One voice turn: ms from the chat request to the first sentence, and to its first audio byte. */
  const turn = async (side, reply) => {
    await control({ replyText: reply });
    const splitter = createSentenceSplitter();
    const conversation = side === 'app' ? await openConversation() : undefined;
    const started = performance.now();
    let audio;
    const response = await (conversation ? chatApp(conversation) : chatDirect());
    if (!response.ok) throw new Error(`${side} chat HTTP ${response.status}`);
    await readSse(response, (data) => {
      if (data === '[DONE]' || audio) return;
      const delta = deltaOf[side](JSON.parse(data));
      if (!delta) return;
      const [first] = splitter.push(delta);
      if (!first) return;
      const sentenceAt = performance.now() - started;
      audio = (side === 'app' ? ttsApp : ttsDirect)(first).then((result) => ({ ...result, sentenceAt, ms: sentenceAt + result.ms, tts: result.ms }));
    });
    if (!audio) throw new Error(`${side}: the reply had no complete sentence`);
    return audio;
  };

  const rows = [];
  const summary = {};
  try {
    for (const mode of ['uncached', 'cached']) {
      const app = [];
      const floor = [];
      // Uncached: a first sentence never spoken before. Cached: the same one each time (spoken once first).
      const replyFor = (index) => `Plan number ${mode === 'uncached' ? `${index}-${randomUUID().slice(0, 8)}` : 'cached-sample'} fits growing teams well. It includes automations and priority support.`;
      if (mode === 'cached') await turn('app', replyFor(0));
      for (let index = 0; index < samples; index++) {
        const reply = replyFor(index);
        floor.push(await turn('direct', reply));
        app.push(await turn('app', reply));
      }
      const p = (list, key, q) => percentile(list.map((sample) => sample[key]), q);
      // A cached sentence's floor is the model's pace alone: the app has nothing to ask Smallest.ai for.
      const floorMs = (q) => (mode === 'cached' ? p(floor, 'sentenceAt', q) : p(floor, 'ms', q));
      const row = {
        mode,
        samples: app.length,
        'cache hits': app.filter((sample) => sample.cached).length,
        'floor p50': floorMs(50),
        'app p50': p(app, 'ms', 50),
        'above floor p50': p(app, 'ms', 50) - floorMs(50),
        'above floor p95': p(app, 'ms', 95) - floorMs(95),
        // Where the app's time goes: the chat (its first sentence vs the model's own) and the TTS request.
        'chat part p50': p(app, 'sentenceAt', 50) - p(floor, 'sentenceAt', 50),
        'tts part p50': mode === 'cached' ? p(app, 'tts', 50) : p(app, 'tts', 50) - p(floor, 'tts', 50),
      };
      rows.push(row);
      summary[mode] = row;
    }
  } finally {
    await control({ replyText: previous.replyText ?? null });
  }
  printTable('Voice: final transcript → first audio byte of the reply (ms), the app beside the stand-ins called directly (its floor)', rows);

  // /api/v1/tts alone: no chat in front, so the route's own cost shows without the chat's noise.
  const alone = { app: [], direct: [] };
  for (let index = 0; index < samples; index++) {
    const text = `Sentence ${index}-${randomUUID().slice(0, 8)} is spoken once.`;
    alone.direct.push(await ttsDirect(text));
    alone.app.push(await ttsApp(text));
  }
  const PHRASE = 'Thanks for your interest in Northwind Cloud.';
  await ttsApp(PHRASE);
  const phrase = [];
  for (let index = 0; index < Math.max(samples, 20); index++) phrase.push(await ttsApp(PHRASE));
  const ms = (list, q) => percentile(list.map((sample) => sample.ms), q);
  const fixed = (value) => value.toFixed(1);
  console.log(
    `\n/api/v1/tts alone, uncached: first audio p50 ${fixed(ms(alone.app, 50))} ms, p95 ${fixed(ms(alone.app, 95))} ms; Smallest.ai stand-in direct p50 ${fixed(ms(alone.direct, 50))} ms, ` +
      `p95 ${fixed(ms(alone.direct, 95))} ms → the route adds ${fixed(ms(alone.app, 50) - ms(alone.direct, 50))} ms (p50), ${fixed(ms(alone.app, 95) - ms(alone.direct, 95))} ms (p95)` +
      `\nCached phrase through /api/v1/tts (request sent → first audio byte): p50 ${fixed(ms(phrase, 50))} ms, p95 ${fixed(ms(phrase, 95))} ms ` +
      `(${phrase.filter((sample) => sample.cached).length}/${phrase.length} cache hits)`,
  );
  const uncached = summary.uncached;
  if (uncached) console.log(`Goals (issue 12): uncached ≤ 20 ms above the floor (p50 ${fixed(uncached['above floor p50'])} ms); a cached phrase's first audio < 5 ms (p50 ${fixed(ms(phrase, 50))} ms).`);
}
