// `npm run bench`: time to first token through /api/v1/chat beside its floors, measured in one run on this machine:
// the OpenAI stand-in called directly, a bare Node relay (scripts/bench/bare-relay.mjs: the limit), and a minimal
// Next.js 16 route that only relays (bench/floor-app: what Next.js itself costs), at 1, 10 and 50 simultaneous chats.
// Prints p50/p95 of the time each adds above the stand-in, the server CPU per turn and memory of each, a sustained
// test (500 long replies at once on one instance, the p95 gap between tokens at the client), the Redis commands per
// turn (counted by the Upstash bridge), the resume buffer and voice figures, the page beside a blank Next.js page
// (Lighthouse), and the admin dashboard's query bench.
// Options: --ttft=MS (stand-in time to first token, default 200), --interval=MS (between tokens, default 10),
// --levels=1,10,50, --rounds=N (bursts per level, default 8; 20 for one chat), --sustained=N (streams, default 500),
// --sustained-tokens=N (tokens per sustained reply, default 200), --no-sustained, --no-voice, --no-page, --no-dashboard.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, ensureBuild, ensureDependencies, ensureNode22, ensureSystemPackages, log } from './lib/bootstrap.mjs';
import { freePort, startNextServer, waitForHttp } from './lib/next-server.mjs';
import { ensureFloorBuild, startFloorServer } from './bench/floor-app.mjs';
import { burst, cpuMs, isOpenAIToken, isUIToken, percentile, printTable, rssMb, sleep, timedStream } from './bench/measure.mjs';
import { benchResume } from './bench/resume-voice.mjs';
import { benchVoice } from './bench/voice.mjs';
import { benchAppEnv } from './bench/app-env.mjs';
import { sustain } from './bench/sustained.mjs';

ensureNode22();
ensureDependencies();
ensureSystemPackages([{ command: 'redis-server', apt: 'redis-server', brew: 'redis' }]);
ensureBuild();
ensureFloorBuild();

const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const flag = (name) => process.argv.includes(`--${name}`);
const TTFT_MS = Number(option('ttft', '200'));
const INTERVAL_MS = Number(option('interval', '10'));
const LEVELS = option('levels', '1,10,50').split(',').map(Number);
// Eight bursts per level: a burst's samples move together (one slow burst of three was a third of the 50-chat samples
// and moved the ratio from 1.4× to 2.7× in session 31), and a burst of 50 takes under a second per target.
const ROUNDS = Number(option('rounds', '8'));
const SUSTAINED = flag('no-sustained') ? 0 : Number(option('sustained', '500'));
const SUSTAINED_TOKENS = Number(option('sustained-tokens', '200'));
const SMALLEST_FIRST_CHUNK_MS = Number(option('tts-first-chunk', '80'));
const VOICE_SAMPLES = Number(option('voice-samples', '15'));
const REPLY = 'Northwind Cloud Pro is built for growing teams: unlimited projects, advanced automations, SSO, and priority support, all in one place.';
const TOKEN = 'bench-token';

const children = [];
let stopping = false;
function startChild(command, args, name) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => code && code !== 0 && !stopping && console.error(`${name} exited with ${code}:\n${output}`));
  children.push(child);
  return child;
}

const redisDir = mkdtempSync(path.join(tmpdir(), 'bench-redis-'));
const [redisPort, bridgePort, standInPort, smallestPort, relayPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
startChild('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], 'redis-server');
startChild(process.execPath, ['scripts/redis-bridge.mjs', '--redis', `redis://127.0.0.1:${redisPort}`, '--port', String(bridgePort), '--token', TOKEN], 'bridge');
startChild(process.execPath, ['scripts/standins/openai-server.mjs', '--port', String(standInPort), '--ttft', String(TTFT_MS), '--interval', String(INTERVAL_MS)], 'stand-in');
startChild(process.execPath, ['scripts/standins/smallest-server.mjs', '--port', String(smallestPort), '--api-key', 'sk-bench-voice', '--first-chunk', String(SMALLEST_FIRST_CHUNK_MS), '--interval', '10'], 'smallest stand-in');
const smallestUrl = `http://127.0.0.1:${smallestPort}`;
const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
const standInUrl = `http://127.0.0.1:${standInPort}/v1`;
const relay = startChild(process.execPath, ['scripts/bench/bare-relay.mjs', '--port', String(relayPort), '--upstream', standInUrl], 'bare relay');
const relayUrl = `http://127.0.0.1:${relayPort}`;
await waitForHttp(`${bridgeUrl}/__bridge/stats`);
await waitForHttp(`${standInUrl}/models`);
await waitForHttp(`${smallestUrl}/__standin/stats`);
await waitForHttp(relayUrl);
const control = (body) => fetch(`http://127.0.0.1:${standInPort}/__standin/behaviour`, { method: 'POST', body: JSON.stringify(body) });
await control({ replyText: REPLY });

const floor = await startFloorServer({ upstreamUrl: standInUrl });
const next = await startNextServer({
  env: benchAppEnv(
    { upstreamUrl: standInUrl, bridgeUrl, token: TOKEN, prefix: 'bench:' },
    {
      SMALLEST_API_KEY: 'sk-bench-voice',
      SMALLEST_BASE_URL: smallestUrl,
      // e.g. BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    },
  ),
});

// One visitor session per bench run, as a browser would keep one; every request carries it.
const sessionResponse = await fetch(`${next.url}/api/v1/session`, { method: 'POST' });
const { token: sessionToken } = await sessionResponse.json();
const visitor = { authorization: `Bearer ${sessionToken}` };

async function stopAll() {
  stopping = true;
  await Promise.all([next.stop(), floor.stop()]);
  for (const child of children) child.kill('SIGTERM');
  rmSync(redisDir, { recursive: true, force: true });
}

// The same Chat Completions request for the stand-in and both floors; the app gets a chat message: each a new
// conversation's first message, sent as the app's own client sends one (`first: true`, lib/chat/turn.ts).
const openAIRequest = JSON.stringify({ model: 'gpt-bench', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Tell me about Pro' }] });
const postOpenAI = (url) => () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' }, body: openAIRequest });
let conversationSeq = 0;
const postApp = () =>
  fetch(`${next.url}/api/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...visitor },
    body: JSON.stringify({ id: randomUUID(), message: { id: `u${++conversationSeq}`, role: 'user', parts: [{ type: 'text', text: 'Tell me about Pro' }] }, first: true }),
  });
const targets = [
  { name: 'stand-in direct', pid: undefined, send: postOpenAI(`${standInUrl}/chat/completions`), isToken: isOpenAIToken, marker: '"delta":{"content":' },
  { name: 'bare Node relay', pid: relay.pid, send: postOpenAI(relayUrl), isToken: isOpenAIToken, marker: '"delta":{"content":' },
  { name: 'Next.js floor', pid: floor.pid, send: postOpenAI(`${floor.url}/api/relay`), isToken: isOpenAIToken, marker: '"delta":{"content":' },
  { name: 'this app', pid: next.pid, send: postApp, isToken: isUIToken, marker: '"text-delta"' },
];
const [direct, bare, nextFloor, app] = targets;
const viaApp = () => timedStream(postApp, isUIToken);
const bridgeStats = async () => (await fetch(`${bridgeUrl}/__bridge/stats`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();

try {
  log(`Warming up (stand-in: time to first token ${TTFT_MS} ms, ${INTERVAL_MS} ms between tokens)`);
  for (let index = 0; index < 5; index++) for (const target of targets) await burst(3, () => timedStream(target.send, target.isToken));

  // Redis commands per turn: one chat at a time, after its turn has been stored.
  await sleep(300);
  const statsBefore = await bridgeStats();
  const TURNS = 10;
  for (let index = 0; index < TURNS; index++) await viaApp();
  await sleep(300);
  const statsAfter = await bridgeStats();
  const commandsPerTurn = (statsAfter.commands - statsBefore.commands) / TURNS;
  const requestsPerTurn = (statsAfter.requests - statsBefore.requests) / TURNS;

  const latencyRows = [];
  const costRows = [];
  const summary = {};
  for (const level of LEVELS) {
    const results = new Map(targets.map((target) => [target, []]));
    const cpu = new Map(targets.map((target) => [target, 0]));
    // Each burst's app ÷ floor (p50 added above the stand-in in that burst): how much the level's figure moves by burst.
    const burstRatios = [];
    // A single chat is cheap to repeat: take enough samples for a stable median.
    const rounds = level === 1 ? Math.max(ROUNDS, 20) : ROUNDS;
    for (let round = 0; round < rounds; round++) {
      // The four take turns, burst by burst, so that all of them see the same machine state.
      const round = new Map();
      for (const target of targets) {
        const before = target.pid ? cpuMs(target.pid) : NaN;
        const samples = await burst(level, () => timedStream(target.send, target.isToken));
        results.get(target).push(...samples);
        round.set(target, percentile(samples.filter((result) => !result.error).map((result) => result.ttft), 50));
        await sleep(level === 1 ? 20 : 200);
        cpu.set(target, cpu.get(target) + (target.pid ? cpuMs(target.pid) - before : NaN));
      }
      if (level > 1) burstRatios.push((round.get(app) - round.get(direct)) / Math.max(round.get(nextFloor) - round.get(direct), 0.1));
    }
    const ttfts = (target) => results.get(target).filter((result) => !result.error).map((result) => result.ttft);
    const at = (target, p) => percentile(ttfts(target), p);
    const added = (target, p) => at(target, p) - at(direct, p);
    const errors = [...results.values()].flat().filter((result) => result.error);
    latencyRows.push({
      chats: level,
      samples: results.get(app).length,
      'direct ttft p50': at(direct, 50),
      'bare relay +p50': added(bare, 50),
      '+p95': added(bare, 95),
      'Next floor +p50': added(nextFloor, 50),
      ' +p95': added(nextFloor, 95),
      'this app +p50': added(app, 50),
      '  +p95': added(app, 95),
      'app − floor p50': added(app, 50) - added(nextFloor, 50),
      'app / floor p50': (added(app, 50) / Math.max(added(nextFloor, 50), 0.1)).toFixed(2) + '×',
      errors: errors.length,
    });
    const perTurn = (target) => cpu.get(target) / results.get(target).length;
    costRows.push({
      chats: level,
      'bare relay cpu/turn': perTurn(bare),
      'Next floor cpu/turn': perTurn(nextFloor),
      'this app cpu/turn': perTurn(app),
      'bare relay rss MB': rssMb(bare.pid),
      'Next floor rss MB': rssMb(nextFloor.pid),
      'this app rss MB': rssMb(app.pid),
    });
    summary[level] = { floor: added(nextFloor, 50), app: added(app, 50), burstRatios };
    if (errors[0]) console.error(`  level ${level}: first error: ${errors[0].error}`);
  }

  printTable(
    `Time to first token added above the stand-in called directly (ms; p50/p95; ${ROUNDS} bursts per level, ${Math.max(ROUNDS, 20)} for one chat; stand-in ${TTFT_MS} ms to first token, ${INTERVAL_MS} ms between tokens; node ${process.versions.node})`,
    latencyRows,
  );
  printTable('Server CPU per turn (ms, from /proc: user + system) and resident memory after each level (MB)', costRows);
  const one = summary[1];
  const fifty = summary[50];
  if (one) console.log(`\nOne chat: this app adds ${(one.app - one.floor).toFixed(1)} ms more than the Next.js floor (goal ≤ 3 ms).`);
  if (fifty) {
    const ratios = [...fifty.burstRatios].sort((a, b) => a - b);
    const spread = ratios.length > 0 ? ` Burst by burst: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}× (median ${percentile(ratios, 50).toFixed(2)}×).` : '';
    console.log(`50 chats: this app adds ${(fifty.app / Math.max(fifty.floor, 0.1)).toFixed(2)}× what the Next.js floor adds (goal ≤ 1.5×).${spread}`);
  }
  console.log(`Redis per chat turn (through the Upstash bridge, rate limiting on: per visitor + per address): ${commandsPerTurn.toFixed(1)} commands in ${requestsPerTurn.toFixed(1)} HTTP requests (goal ≤ 8 besides the resume buffer)`);

  if (SUSTAINED > 0) {
    const long = Array.from({ length: SUSTAINED_TOKENS }, (_, i) => `w${i}`).join(' ');
    await control({ replyText: long });
    log(`Sustained: ${SUSTAINED} streams at once, ${SUSTAINED_TOKENS} tokens each (${INTERVAL_MS} ms apart)`);
    const rows = [];
    try {
      for (const target of targets) {
        rows.push(await sustain(target, { streams: SUSTAINED, tokens: SUSTAINED_TOKENS }));
        await sleep(1_000);
      }
    } finally {
      await control({ replyText: REPLY });
    }
    printTable(
      `Sustained: ${SUSTAINED} concurrent streams on one instance, ${SUSTAINED_TOKENS} tokens each at ${INTERVAL_MS} ms (at the client, ms: gaps between tokens, ` +
        `between reads bringing tokens, and to the last token, ideally ${TTFT_MS + (SUSTAINED_TOKENS - 1) * INTERVAL_MS} ms; CPU per stream from /proc)`,
      rows,
    );
  }

  await benchResume({ appUrl: next.url, visitor, standInPort, bridgeStats, viaApp, reply: REPLY });
  if (!flag('no-voice')) {
    await benchVoice({ appUrl: next.url, visitor, standInUrl, smallestUrl, smallestKey: 'sk-bench-voice', samples: VOICE_SAMPLES });
  }
} finally {
  await stopAll();
}

// ---------------------------------------------------------------------------------------------------------- Page
// Lighthouse mobile on `/` and `/embed` beside the blank Next.js page, and a host page with the embed bubble
// (scripts/bench/page.mjs, `npm run bench:page` alone), after the servers above have stopped. Skip with --no-page.
if (!flag('no-page')) {
  const page = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/bench/page.mjs', '--no-build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (page.status !== 0) process.exitCode = page.status ?? 1;
}

// ----------------------------------------------------------------------------------------------- Admin dashboard
// The metrics query over 10,000 conversations' worth of events in 30 days, on a Redis of its own (`npm run
// bench:dashboard` runs it alone). Skip with --no-dashboard.
if (!flag('no-dashboard')) {
  const dashboard = spawnSync(process.execPath, ['scripts/bench-dashboard.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (dashboard.status !== 0) process.exitCode = dashboard.status ?? 1;
}
