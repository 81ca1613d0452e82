// `npm run bench`: time to first token through /api/v1/chat against calling the OpenAI stand-in directly, at 1, 50
// and 200 simultaneous chats, measured in one run on this machine. Prints p50/p95 of the added latency, the
// inter-token gaps, errors, and the Redis commands issued per turn (counted by the Upstash bridge).
// Options: --ttft=MS (stand-in time to first token, default 150), --interval=MS (between tokens, default 10),
// --levels=1,50,200, --rounds=N (bursts per level, default 3), --no-dashboard (skip the admin dashboard's query bench).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createParser } from 'eventsource-parser';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, ensureBuild, ensureDependencies, ensureNode22, ensureSystemPackages, log } from './lib/bootstrap.mjs';
import { freePort, startNextServer, waitForHttp } from './lib/next-server.mjs';

ensureNode22();
ensureDependencies();
ensureSystemPackages([{ command: 'redis-server', apt: 'redis-server', brew: 'redis' }]);
ensureBuild();

const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const TTFT_MS = Number(option('ttft', '150'));
const INTERVAL_MS = Number(option('interval', '10'));
const LEVELS = option('levels', '1,50,200').split(',').map(Number);
const ROUNDS = Number(option('rounds', '3'));
const SMALLEST_FIRST_CHUNK_MS = Number(option('tts-first-chunk', '80'));
const VOICE_SAMPLES = Number(option('voice-samples', '15'));
const REPLY = 'Northwind Cloud Pro is built for growing teams: unlimited projects, advanced automations, SSO, and priority support, all in one place.';
const TOKEN = 'bench-token';

const children = [];
function startChild(command, args, name) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => code && code !== 0 && !stopping && console.error(`${name} exited with ${code}:\n${output}`));
  children.push(child);
  return child;
}
let stopping = false;

const redisDir = mkdtempSync(path.join(tmpdir(), 'bench-redis-'));
const [redisPort, bridgePort, standInPort, smallestPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
startChild('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], 'redis-server');
startChild(process.execPath, ['scripts/redis-bridge.mjs', '--redis', `redis://127.0.0.1:${redisPort}`, '--port', String(bridgePort), '--token', TOKEN], 'bridge');
startChild(process.execPath, ['scripts/standins/openai-server.mjs', '--port', String(standInPort), '--ttft', String(TTFT_MS), '--interval', String(INTERVAL_MS)], 'stand-in');
startChild(process.execPath, ['scripts/standins/smallest-server.mjs', '--port', String(smallestPort), '--api-key', 'sk-bench-voice', '--first-chunk', String(SMALLEST_FIRST_CHUNK_MS), '--interval', '10'], 'smallest stand-in');
const smallestUrl = `http://127.0.0.1:${smallestPort}`;
const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
const standInUrl = `http://127.0.0.1:${standInPort}/v1`;
await waitForHttp(`${bridgeUrl}/__bridge/stats`);
await waitForHttp(`${standInUrl}/models`);
await waitForHttp(`${smallestUrl}/__standin/stats`);
await fetch(`http://127.0.0.1:${standInPort}/__standin/behaviour`, { method: 'POST', body: JSON.stringify({ replyText: REPLY }) });

const next = await startNextServer({
  env: {
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: standInUrl,
    OPENAI_API_MODE: 'chat',
    OPENAI_MODEL: 'gpt-bench',
    UPSTASH_REDIS_REST_URL: bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: TOKEN,
    STORE_KEY_PREFIX: 'bench:',
    SMALLEST_API_KEY: 'sk-bench-voice',
    SMALLEST_BASE_URL: smallestUrl,
    // Limits stay on (their Redis commands are part of each turn's cost) but high enough for the bursts.
    RATE_LIMIT_CHAT: '1000000/1m',
    RATE_LIMIT_TTS: '1000000/1m',
    RATE_LIMIT_SESSION: '1000000/1m',
    TOKEN_BUDGET_DAILY: '0',
    // Every bench chat is a new conversation of the one bench visitor.
    CHAT_MAX_CONVERSATIONS_PER_DAY: '100000',
    LLM_SPEND_CAP_DAILY_USD: '0',
    LLM_MAX_CONCURRENT: '1000',
    // e.g. BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
  },
});

// One visitor session per bench run, as a browser would keep one; every request carries it.
const sessionResponse = await fetch(`${next.url}/api/v1/session`, { method: 'POST' });
const { token: sessionToken } = await sessionResponse.json();
const visitor = { authorization: `Bearer ${sessionToken}` };

async function stopAll() {
  stopping = true;
  await next.stop();
  for (const child of children) child.kill('SIGTERM');
  rmSync(redisDir, { recursive: true, force: true });
}

/** Reads an SSE body, calling onData(payload) per `data:` line; returns when the stream ends. */
/**
 * Reads a server-sent event stream (eventsource-parser) until it ends or `onEvent` returns true, then cancels it.
 * @param {Response} response @param {(event: { id: string | undefined, data: string }) => boolean | void} onEvent
 */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let stop = false;
  const parser = createParser({ onEvent: (event) => { if (!stop && onEvent({ id: event.id, data: event.data }) === true) stop = true; } });
  while (!stop) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  await reader.cancel().catch(() => undefined);
}

/** The `data` of each event, as the browser's chat reads it. */
const readSse = (response, onData) => readEvents(response, (event) => void onData(event.data));

/** One streamed request; returns { ttft, gaps, error } with times in ms from just before fetch(). */
async function timedStream(send, isToken) {
  const started = performance.now();
  const times = [];
  try {
    const response = await send();
    if (!response.ok) return { error: `HTTP ${response.status}` };
    let failed;
    await readSse(response, (data) => {
      if (data === '[DONE]') return;
      const parsed = JSON.parse(data);
      if (parsed.type === 'error') failed = parsed.errorText;
      if (isToken(parsed)) times.push(performance.now());
    });
    if (failed || times.length === 0) return { error: failed ?? 'no tokens' };
    const gaps = times.slice(1).map((time, index) => time - times[index]);
    return { ttft: times[0] - started, gaps };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
}

let conversationSeq = 0;
const direct = () =>
  timedStream(
    () => fetch(`${standInUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
      body: JSON.stringify({ model: 'gpt-bench', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Tell me about Pro' }] }),
    }),
    (chunk) => Boolean(chunk.choices?.[0]?.delta?.content),
  );
const viaApp = () =>
  timedStream(
    () => fetch(`${next.url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...visitor },
      body: JSON.stringify({ id: randomUUID(), message: { id: `u${++conversationSeq}`, role: 'user', parts: [{ type: 'text', text: 'Tell me about Pro' }] } }),
    }),
    (chunk) => chunk.type === 'text-delta',
  );

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const burst = async (n, fn) => Promise.all(Array.from({ length: n }, fn));
/** CPU time (ms) the Next.js server process has used so far, from /proc (Linux); null elsewhere. */
const serverCpuMs = () => {
  try {
    const fields = readFileSync(`/proc/${next.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
};
const bridgeStats = async () => (await fetch(`${bridgeUrl}/__bridge/stats`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();

try {
  log(`Warming up (stand-in: time to first token ${TTFT_MS} ms, ${INTERVAL_MS} ms between tokens)`);
  for (let index = 0; index < 5; index++) await Promise.all([viaApp(), direct()]);

  // Redis commands per turn: one chat at a time, after its turn has been stored.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const statsBefore = await bridgeStats();
  const TURNS = 10;
  for (let index = 0; index < TURNS; index++) await viaApp();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const statsAfter = await bridgeStats();
  const commandsPerTurn = (statsAfter.commands - statsBefore.commands) / TURNS;
  const requestsPerTurn = (statsAfter.requests - statsBefore.requests) / TURNS;

  const rows = [];
  for (const level of LEVELS) {
    const app = [];
    const base = [];
    let cpu = 0;
    // A single chat is cheap to repeat: take enough samples for a stable median.
    const rounds = level === 1 ? Math.max(ROUNDS, 20) : ROUNDS;
    for (let round = 0; round < rounds; round++) {
      // Direct and via-app bursts alternate so both see the same machine state.
      base.push(...(await burst(level, direct)));
      const cpuBefore = serverCpuMs();
      app.push(...(await burst(level, viaApp)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      cpu += (serverCpuMs() ?? NaN) - (cpuBefore ?? NaN);
    }
    const ok = (results) => results.filter((result) => !result.error);
    const appTtft = ok(app).map((result) => result.ttft);
    const baseTtft = ok(base).map((result) => result.ttft);
    const appGaps = ok(app).flatMap((result) => result.gaps);
    const baseGaps = ok(base).flatMap((result) => result.gaps);
    rows.push({
      chats: level,
      samples: app.length,
      'direct ttft p50': percentile(baseTtft, 50),
      'app ttft p50': percentile(appTtft, 50),
      'added p50': percentile(appTtft, 50) - percentile(baseTtft, 50),
      'added p95': percentile(appTtft, 95) - percentile(baseTtft, 95),
      'gap p50 (direct/app)': `${percentile(baseGaps, 50).toFixed(1)} / ${percentile(appGaps, 50).toFixed(1)}`,
      'gap p95 (direct/app)': `${percentile(baseGaps, 95).toFixed(1)} / ${percentile(appGaps, 95).toFixed(1)}`,
      'server cpu/turn': cpu / app.length,
      errors: app.filter((result) => result.error).length + base.filter((result) => result.error).length,
    });
    const firstError = [...app, ...base].find((result) => result.error);
    if (firstError) console.error(`  level ${level}: first error: ${firstError.error}`);
  }

  printTable(
    `Time to first token through /api/v1/chat vs the stand-in called directly (ms; ${ROUNDS} bursts per level, 20 for one chat; node ${process.versions.node}; server CPU per turn from /proc)`,
    rows,
  );
  console.log(`\nRedis per chat turn (through the Upstash bridge, rate limiting on: per visitor + per address): ${commandsPerTurn.toFixed(1)} commands in ${requestsPerTurn.toFixed(1)} HTTP requests`);
  console.log('Goal: added p50 < 5 ms for 1 chat and < 40 ms for a burst of 50, no errors.');

  await benchResume();
  await benchVoice();
} finally {
  await stopAll();
}

// ----------------------------------------------------------------------------------------------- Admin dashboard
// The metrics query over 10,000 conversations' worth of events in 30 days, on a Redis of its own (`npm run
// bench:dashboard` runs it alone). Skip with --no-dashboard.
if (!process.argv.includes('--no-dashboard')) {
  const dashboard = spawnSync(process.execPath, ['scripts/bench-dashboard.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (dashboard.status !== 0) process.exitCode = dashboard.status ?? 1;
}

/**
 * Resumable replies: the Redis commands one 500-token reply costs with the resume buffer on (the whole turn: load,
 * limits, lock, buffer flushes, store), and the time from a reconnect (GET …/stream with Last-Event-ID) to the first
 * replayed event, after dropping the connection 20 events into a reply.
 */
async function benchResume() {
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
      const response = await fetch(`${next.url}/api/v1/chat`, {
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
      const resumed = await fetch(`${next.url}/api/v1/chat/${id}/stream`, { headers: { ...visitor, 'last-event-id': String(lastId) } });
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
    await control({ replyText: REPLY });
  }
}


/**
 * Voice: from the final transcript (the moment the browser POSTs the chat message) to the first audio chunk of the
 * reply's first sentence, as the browser does it: stream the chat, split sentences as text arrives, POST the first one
 * to /api/v1/tts, wait for its first `audio` event. The floor is the upstream latency: the model's time to first token,
 * its token interval up to the end of that sentence, and (uncached) Smallest's time to first chunk.
 */
async function benchVoice() {
  const { createSentenceSplitter } = await import('../lib/voice/sentences.ts');
  const control = (body) => fetch(`http://127.0.0.1:${standInPort}/__standin/behaviour`, { method: 'POST', body: JSON.stringify(body) });
  const firstAudio = async (text) => {
    const started = performance.now();
    const response = await fetch(`${next.url}/api/v1/tts`, { method: 'POST', headers: { 'content-type': 'application/json', ...visitor }, body: JSON.stringify({ text }) });
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
    const response = await fetch(`${next.url}/api/v1/chat`, {
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
  console.log('Goal: overhead above the floor p50 < 50 ms uncached; a cached phrase\'s first audio < 20 ms.');
}

function printTable(title, rows) {
  const format = (value) => (typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(1)) : String(value));
  const headers = Object.keys(rows[0]);
  const widths = headers.map((header) => Math.max(header.length, ...rows.map((row) => format(row[header]).length)));
  const line = (cells) => `| ${cells.map((cell, index) => cell.padStart(widths[index])).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(headers));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(headers.map((header) => format(row[header]))));
}
