// The resume-buffer and voice sections of `npm run bench` (run against the app started by scripts/bench.mjs).
import { randomUUID } from 'node:crypto';
import { percentile, printTable, readEvents, readSse } from './measure.mjs';

/**
 * Resumable replies: the Redis commands one 500-token reply costs with the resume buffer on (the whole turn: load,
 * limits, lock, buffer flushes, store), and the time from a reconnect (GET …/stream with Last-Event-ID) to the first
 * replayed event, after dropping the connection 20 events into a reply.
 */
export async function benchResume({ appUrl, visitor, standInPort, bridgeStats, viaApp, reply }) {
  const control = (body) => fetch(`http://127.0.0.1:${standInPort}/__standin/behaviour`, { method: 'POST', body: JSON.stringify(body) });
  const LONG = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
  await control({ replyText: LONG });
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await bridgeStats();
    const long = await viaApp();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await bridgeStats();
    const tokens = long.gaps ? long.gaps.length + 1 : 0;
    const kinds = (name) => (after.byKind?.[name] ?? 0) - (before.byKind?.[name] ?? 0);
    const bufferCommands = kinds('stream') + kinds('lock');

    const reconnects = [];
    for (let sample = 0; sample < 10; sample++) {
      const id = randomUUID();
      const abort = new AbortController();
      const response = await fetch(`${appUrl}/api/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...visitor },
        body: JSON.stringify({ id, message: { id: `r${sample}-${process.pid}`, role: 'user', parts: [{ type: 'text', text: 'Tell me about Pro' }] } }),
        signal: abort.signal,
      });
      let lastId = 0;
      let seen = 0;
      await readEvents(response, (event) => {
        lastId = Number(event.id ?? lastId);
        seen += 1;
        return seen >= 20;
      });
      abort.abort();
      const started = performance.now();
      const resumed = await fetch(`${appUrl}/api/v1/chat/${id}/stream`, { headers: { ...visitor, 'last-event-id': String(lastId) } });
      let firstAt = 0;
      await readEvents(resumed, () => {
        firstAt ||= performance.now();
      });
      reconnects.push(firstAt - started);
    }
    console.log(
      `\nResume buffer: one ${tokens}-token reply cost ${bufferCommands} Redis commands for its buffer and turn lock (goal < 30); ` +
        `the whole turn ${after.commands - before.commands} commands in ${after.requests - before.requests} HTTP requests` +
        `\nReconnect (GET /stream with Last-Event-ID, 20 events into a reply) → first replayed event: p50 ${percentile(reconnects, 50).toFixed(1)} ms, p95 ${percentile(reconnects, 95).toFixed(1)} ms (${reconnects.length} samples)`,
    );
  } finally {
    await control({ replyText: reply });
  }
}


/**
 * Voice: from the final transcript (the moment the browser POSTs the chat message) to the first audio chunk of the
 * reply's first sentence, as the browser does it: stream the chat, split sentences as text arrives, POST the first one
 * to /api/v1/tts, wait for its first `audio` event. The floor is the upstream latency: the model's time to first token,
 * its token interval up to the end of that sentence, and (uncached) Smallest's time to first chunk.
 */
export async function benchVoice({ appUrl, visitor, standInPort, ttftMs: TTFT_MS, intervalMs: INTERVAL_MS, smallestFirstChunkMs: SMALLEST_FIRST_CHUNK_MS, samples: VOICE_SAMPLES }) {
  const { createSentenceSplitter } = await import('../../lib/voice/sentences.ts');
  const control = (body) => fetch(`http://127.0.0.1:${standInPort}/__standin/behaviour`, { method: 'POST', body: JSON.stringify(body) });
  const firstAudio = async (text) => {
    const started = performance.now();
    const response = await fetch(`${appUrl}/api/v1/tts`, { method: 'POST', headers: { 'content-type': 'application/json', ...visitor }, body: JSON.stringify({ text }) });
    if (!response.ok) throw new Error(`tts HTTP ${response.status}`);
    let at;
    let cached = false;
    await readSse(response, (data) => {
      const event = JSON.parse(data);
      if (event.cached === true) cached = true;
      if (at === undefined && typeof event.audio === 'string') at = performance.now();
    });
    return { ms: at - started, cached };
  };
  const turn = async (reply) => {
    await control({ replyText: reply });
    const splitter = createSentenceSplitter();
    const started = performance.now();
    let deltas = 0;
    let sentence;
    let audio;
    const response = await fetch(`${appUrl}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...visitor },
      body: JSON.stringify({ id: randomUUID(), message: { role: 'user', parts: [{ type: 'text', text: 'What plans do you have?' }] } }),
    });
    await readSse(response, (data) => {
      if (data === '[DONE]' || sentence) return;
      const chunk = JSON.parse(data);
      if (chunk.type !== 'text-delta') return;
      deltas++;
      const [first] = splitter.push(chunk.delta);
      if (first) {
        sentence = first;
        const sentenceAt = performance.now() - started;
        // firstAudio resolves after the whole audio stream: the first chunk came `result.ms` after the request.
        audio = firstAudio(first).then((result) => ({ ...result, at: sentenceAt + result.ms, sentenceAt }));
      }
    });
    const result = await audio;
    return { ms: result.at, cached: result.cached, deltas, sentenceAt: result.sentenceAt, tts: result.ms };
  };

  const rows = [];
  for (const mode of ['uncached', 'cached']) {
    const samples = [];
    for (let index = 0; index < VOICE_SAMPLES; index++) {
      // Uncached: a first sentence never spoken before. Cached: the same sentence as the previous uncached run.
      const reply = `Plan number ${mode === 'uncached' ? `${index}-${Date.now()}` : 'cached-sample'} fits growing teams well. It includes automations and priority support.`;
      if (mode === 'cached' && index === 0) await turn(reply);
      samples.push(await turn(reply));
    }
    const floors = samples.map((sample) => TTFT_MS + Math.max(0, sample.deltas - 1) * INTERVAL_MS + (sample.cached ? 0 : SMALLEST_FIRST_CHUNK_MS));
    const overheads = samples.map((sample, index) => sample.ms - floors[index]);
    rows.push({
      mode,
      samples: samples.length,
      'cache hits': samples.filter((sample) => sample.cached).length,
      'first audio p50': percentile(samples.map((sample) => sample.ms), 50),
      'first audio p95': percentile(samples.map((sample) => sample.ms), 95),
      'upstream floor p50': percentile(floors, 50),
      'overhead p50': percentile(overheads, 50),
      'overhead p95': percentile(overheads, 95),
      // Where the overhead sits: the chat (first sentence complete vs the model's pace) and the TTS request.
      'chat part p50': percentile(samples.map((sample) => sample.sentenceAt - (TTFT_MS + Math.max(0, sample.deltas - 1) * INTERVAL_MS)), 50),
      'tts part p50': percentile(samples.map((sample) => sample.tts - (sample.cached ? 0 : SMALLEST_FIRST_CHUNK_MS)), 50),
    });
  }
  const phrase = [];
  for (let index = 0; index < VOICE_SAMPLES; index++) phrase.push(await firstAudio('Thanks for your interest in Northwind Cloud.'));
  printTable(
    `Voice: final transcript → first audio chunk of the reply (ms; model ${TTFT_MS} ms to first token + ${INTERVAL_MS} ms/token, Smallest ${SMALLEST_FIRST_CHUNK_MS} ms to first chunk)`,
    rows,
  );
  const cachedPhrase = phrase.slice(1).map((sample) => sample.ms);
  console.log(`\nCached phrase through /api/v1/tts: first audio p50 ${percentile(cachedPhrase, 50).toFixed(1)} ms, p95 ${percentile(cachedPhrase, 95).toFixed(1)} ms (${phrase.slice(1).filter((sample) => sample.cached).length}/${cachedPhrase.length} cache hits)`);
  console.log('Goal (issue 12): overhead above the floor p50 ≤ 20 ms uncached; a cached phrase\'s first audio < 5 ms.');
}
