// The resume-buffer section of `npm run bench` (run against the app started by scripts/bench.mjs); voice is in voice.mjs.
import { randomUUID } from 'node:crypto';
import { percentile, readEvents } from './measure.mjs';

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
    // Counted only once the store is quiet: after the sustained test, an overloaded app still ends hundreds of turns
    // (their buffers' end markers and locks) for seconds after the last token reached the client, and those commands
    // were counted as this reply's (313 instead of 13 in one run).
    let before = await bridgeStats();
    for (const started = Date.now(); Date.now() - started < 20_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = await bridgeStats();
      if (now.commands === before.commands) break;
      before = now;
    }
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

