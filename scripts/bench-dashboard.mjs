// `npm run bench:dashboard`: how long the admin dashboard's query takes with 10,000 conversations' worth of events
// over 30 days in a real Redis, read through the Upstash REST bridge exactly as the app reads it (lib/analytics/query.ts
// over lib/store/kv.ts). The traffic is recorded by the app's own recorder (lib/analytics/recorder.ts) from the
// deterministic sample in scripts/lib/analytics-sample.mjs. Prints p50/p95 per range against the 300 ms goal.
// Options: --conversations=N (default 10000), --days=N (default 30), --runs=N (timed queries per range, default 20).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, ensureDependencies, ensureNode22, ensureSystemPackages, log } from './lib/bootstrap.mjs';
import { sampleConversations } from './lib/analytics-sample.mjs';
import { freePort, waitForHttp } from './lib/next-server.mjs';

ensureNode22();
ensureDependencies();
ensureSystemPackages([{ command: 'redis-server', apt: 'redis-server', brew: 'redis' }]);

const option = (name, fallback) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CONVERSATIONS = option('conversations', 10_000);
const DAYS = option('days', 30);
const RUNS = option('runs', 20);
const GOAL_MS = 300;
const TOKEN = 'bench-dashboard-token';
const DAY_MS = 86_400_000;

// The app's TypeScript modules, bundled once for plain Node (path aliases from tsconfig.json; `server-only` is a
// marker that throws outside React's server build, so it is replaced by an empty module here).
const { build } = await import('esbuild');
const outDir = path.join(ROOT, '.tmp', 'bench-dashboard');
mkdirSync(outDir, { recursive: true });
const entry = path.join(outDir, 'analytics.mjs');
await build({
  stdin: {
    contents: [
      "export { analyticsCommands, recordEvents } from '@/lib/analytics/recorder';",
      "export { queryMetrics } from '@/lib/analytics/query';",
      "export { presetRange } from '@/lib/analytics/range';",
      "export { createUpstashKv } from '@/lib/store/kv';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  outfile: entry,
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  alias: { 'server-only': path.join(ROOT, '__tests__', 'support', 'empty.js') },
  packages: 'external',
  logLevel: 'error',
});
const { analyticsCommands, recordEvents, queryMetrics, presetRange, createUpstashKv } = await import(pathToFileURL(entry).href);

const children = [];
let stopping = false;
function startChild(command, args, name) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => code && !stopping && console.error(`${name} exited with ${code}:\n${output}`));
  children.push(child);
}
const redisDir = mkdtempSync(path.join(tmpdir(), 'bench-dashboard-redis-'));
const [redisPort, bridgePort] = await Promise.all([freePort(), freePort()]);
startChild('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], 'redis-server');
startChild(process.execPath, ['scripts/redis-bridge.mjs', '--redis', `redis://127.0.0.1:${redisPort}`, '--port', String(bridgePort), '--token', TOKEN], 'bridge');
const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
await waitForHttp(`${bridgeUrl}/__bridge/stats`);

async function stopAll() {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  rmSync(redisDir, { recursive: true, force: true });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

try {
  const kv = createUpstashKv({ url: bridgeUrl, token: TOKEN, prefix: 'bench:' });
  const now = Date.now();
  const options = { retentionDays: 400, idleMs: 30 * 60_000, now };

  log(`Generating ${CONVERSATIONS.toLocaleString('en')} conversations over ${DAYS} days`);
  const events = sampleConversations({ count: CONVERSATIONS, from: now - DAYS * DAY_MS, to: now, seed: 2026 })
    .flatMap((conversation) => conversation.events)
    .sort((a, b) => a.at - b.at);

  // What recording costs a live chat: the bus delivers a turn's events together, so one pipeline per turn.
  let turns = 0;
  let turnCommands = 0;
  for (const { events: own } of sampleConversations({ count: 500, from: now - DAY_MS, to: now, seed: 9 })) {
    const starts = own.map((event, index) => (event.type === 'message' && event.role === 'user' ? index : -1)).filter((index) => index > 0);
    for (const [index, start] of [0, ...starts].entries()) {
      turns += 1;
      turnCommands += analyticsCommands(kv, own.slice(start, starts[index] ?? own.length), options).length;
    }
  }

  log(`Recording ${events.length.toLocaleString('en')} events through the recorder (batches of 500, 4 at a time)`);
  const recordStarted = performance.now();
  const batches = [];
  for (let i = 0; i < events.length; i += 500) batches.push(events.slice(i, i + 500));
  for (let i = 0; i < batches.length; i += 4) await Promise.all(batches.slice(i, i + 4).map((batch) => recordEvents(kv, batch, options)));
  const recordMs = performance.now() - recordStarted;

  const [keyCount, memory] = await kv.exec([['DBSIZE'], ['INFO', 'memory']]);
  const usedMemory = /used_memory_human:(\S+)/.exec(String(memory))?.[1] ?? '?';

  const rows = [];
  let thirtyDays = null;
  for (const preset of ['24h', '7d', '30d', '90d']) {
    const range = presetRange(preset, Date.now());
    for (let i = 0; i < 3; i += 1) await queryMetrics({ kv, range });
    const times = [];
    let report = null;
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      report = await queryMetrics({ kv, range });
      times.push(performance.now() - started);
    }
    if (preset === '30d') thirtyDays = { report, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
    rows.push({
      range: preset,
      buckets: report.series.length,
      conversations: report.kpis.conversations,
      p50: percentile(times, 0.5).toFixed(1),
      p95: percentile(times, 0.95).toFixed(1),
      max: Math.max(...times).toFixed(1),
    });
  }

  console.log(`\nDashboard query on real Redis through the Upstash bridge (${RUNS} runs per range after 3 warm-ups)`);
  console.log(`  seeded: ${CONVERSATIONS.toLocaleString('en')} conversations, ${events.length.toLocaleString('en')} events over ${DAYS} days`);
  console.log(`  recording took ${(recordMs / 1000).toFixed(1)} s (${((events.length / recordMs) * 1000).toFixed(0)} events/s); ${keyCount} keys, Redis memory ${usedMemory}`);
  console.log(`  a live turn's events cost one pipeline of ${(turnCommands / turns).toFixed(1)} commands on average`);
  console.log('');
  console.log('  range   buckets  conversations   p50 ms   p95 ms   max ms');
  for (const row of rows) {
    console.log(`  ${row.range.padEnd(6)}  ${String(row.buckets).padStart(7)}  ${String(row.conversations).padStart(13)}  ${row.p50.padStart(7)}  ${row.p95.padStart(7)}  ${row.max.padStart(7)}`);
  }
  const { report, p50, p95 } = thirtyDays;
  console.log(`\n  30 days: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms — goal under ${GOAL_MS} ms: ${p95 < GOAL_MS ? 'met' : 'NOT met'}`);
  console.log(`  (30-day report: ${report.kpis.conversations} conversations, ${report.kpis.engagedConversations} engaged, ${report.kpis.leads} leads, ${report.kpis.meetings} meetings, first-token p95 ${report.latency.firstToken.p95} ms)`);
  if (p95 >= GOAL_MS) process.exitCode = 1;
} finally {
  await stopAll();
}
