// `node scripts/bench/profile.mjs`: CPU profiles of the app and of the Next.js floor (bench/floor-app) during bursts of chats
// against the OpenAI stand-in, then their summaries (scripts/bench/profile-summary.mjs). The servers run as in
// `npm run bench` (production build, Upstash bridge over a real redis-server, rate limits on). Each is started with
// `--inspect` on a loopback port and profiled through the inspector's V8 profiler (what `node --cpu-prof` records)
// only while the bursts run, after a warm-up: start-up and compilation stay out of the figures.
//   node scripts/bench/profile.mjs [--chats=50] [--bursts=4] [--out=.tmp/profiles] [--ttft=200] [--interval=10] [--pause=300] [--reply-tokens=N] [--no-floor] [--no-build]
// --reply-tokens=N makes every reply N word tokens (the sustained test's replies: --chats=500 --bursts=1 --reply-tokens=200).
// Writes <out>/app-<time>.cpuprofile and floor-<time>.cpuprofile (open them in Chrome DevTools or speedscope).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, ensureBuild, ensureNode22, log } from '../lib/bootstrap.mjs';
import { freePort, startNextServer, waitForHttp } from '../lib/next-server.mjs';
import { benchAppEnv } from './app-env.mjs';
import { ensureFloorBuild, startFloorServer } from './floor-app.mjs';
import { burst, cpuMs, isOpenAIToken, isUIToken, percentile, sleep, timedStream } from './measure.mjs';

ensureNode22();
const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const CHATS = Number(option('chats', '50'));
const BURSTS = Number(option('bursts', '4'));
const OUT = path.resolve(ROOT, option('out', '.tmp/profiles'));
const TTFT_MS = option('ttft', '200');
const INTERVAL_MS = option('interval', '10');
// Quiet time between bursts: with a long --ttft and a --pause longer than the summary's --gap, each burst's work before
// the upstream requests and its streaming fall into separate segments (profile-summary.mjs --segments=even|odd).
const PAUSE_MS = Number(option('pause', '300'));
const REPLY_TOKENS = Number(option('reply-tokens', '0'));
const WITH_FLOOR = !process.argv.includes('--no-floor');
const TOKEN = 'bench-token';
if (!process.argv.includes('--no-build')) ensureBuild();
if (WITH_FLOOR) ensureFloorBuild();
mkdirSync(OUT, { recursive: true });

/** The V8 profiler of a process started with --inspect=127.0.0.1:<port>, through the inspector protocol. */
async function inspector(port) {
  await waitForHttp(`http://127.0.0.1:${port}/json/list`);
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let seq = 0;
  const pending = new Map();
  socket.onmessage = (message) => {
    const data = JSON.parse(String(message.data));
    if (data.id && pending.has(data.id)) {
      pending.get(data.id)(data);
      pending.delete(data.id);
    }
  };
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++seq;
      pending.set(id, (data) => (data.error ? reject(new Error(`${method}: ${data.error.message}`)) : resolve(data.result)));
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 100 });
  return {
    start: () => send('Profiler.start'),
    stop: async () => (await send('Profiler.stop')).profile,
    close: () => socket.close(),
  };
}

const children = [];
const startChild = (args) => {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  children.push(child);
  return child;
};
const redisDir = mkdtempSync(path.join(tmpdir(), 'profile-redis-'));
const [redisPort, bridgePort, standInPort, appInspect, floorInspect] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
children.push(spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], { stdio: 'ignore' }));
startChild(['scripts/redis-bridge.mjs', '--redis', `redis://127.0.0.1:${redisPort}`, '--port', String(bridgePort), '--token', TOKEN]);
startChild(['scripts/standins/openai-server.mjs', '--port', String(standInPort), '--ttft', TTFT_MS, '--interval', INTERVAL_MS]);
const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
const standInUrl = `http://127.0.0.1:${standInPort}/v1`;
await waitForHttp(`${bridgeUrl}/__bridge/stats`);
await waitForHttp(`${standInUrl}/models`);
await fetch(`http://127.0.0.1:${standInPort}/__standin/behaviour`, {
  method: 'POST',
  body: JSON.stringify({
    replyText:
      REPLY_TOKENS > 0
        ? Array.from({ length: REPLY_TOKENS }, (_, i) => `w${i}`).join(' ')
        : 'Northwind Cloud Pro is built for growing teams: unlimited projects, advanced automations, SSO, and priority support, all in one place.',
  }),
});

const servers = [];
try {
  const app = await startNextServer({
    env: benchAppEnv({ upstreamUrl: standInUrl, bridgeUrl, token: TOKEN, prefix: 'profile:' }, { NODE_OPTIONS: `--inspect=127.0.0.1:${appInspect}` }),
  });

  servers.push(app);
  const { token } = await (await fetch(`${app.url}/api/v1/session`, { method: 'POST' })).json();
  const postApp = () =>
    fetch(`${app.url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ id: randomUUID(), message: { id: `u-${randomUUID()}`, role: 'user', parts: [{ type: 'text', text: 'Tell me about Pro' }] }, first: true }),
    });
  const targets = [{ name: 'app', server: app, inspect: appInspect, send: postApp, isToken: isUIToken }];
  if (WITH_FLOOR) {
    const floor = await startFloorServer({ upstreamUrl: standInUrl, env: { NODE_OPTIONS: `--inspect=127.0.0.1:${floorInspect}` } });
    servers.push(floor);
    const body = JSON.stringify({ model: 'gpt-bench', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Tell me about Pro' }] });
    const send = () => fetch(`${floor.url}/api/relay`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' }, body });
    targets.push({ name: 'floor', server: floor, inspect: floorInspect, send, isToken: isOpenAIToken });
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const target of targets) {
    log(`${target.name}: warming up, then ${BURSTS} bursts of ${CHATS} chats under the profiler`);
    for (let index = 0; index < 5; index++) await burst(10, () => timedStream(target.send, target.isToken));
    const profiler = await inspector(target.inspect);
    await sleep(500);
    const cpuBefore = cpuMs(target.server.pid);
    await profiler.start();
    const results = [];
    for (let index = 0; index < BURSTS; index++) {
      results.push(...(await burst(CHATS, () => timedStream(target.send, target.isToken))));
      await sleep(PAUSE_MS);
    }
    const profile = await profiler.stop();
    const cpu = cpuMs(target.server.pid) - cpuBefore;
    profiler.close();
    const file = path.join(OUT, `${target.name}-${stamp}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const ok = results.filter((result) => !result.error);
    console.log(
      `${target.name}: ${ok.length}/${results.length} turns, time to first token p50 ${percentile(ok.map((result) => result.ttft), 50).toFixed(0)} ms, ` +
        `CPU ${(cpu / results.length).toFixed(1)} ms per turn (/proc, profiler on) → ${path.relative(ROOT, file)}`,
    );
    const summary = spawn(process.execPath, [path.join(ROOT, 'scripts/bench/profile-summary.mjs'), file, `--turns=${results.length}`, '--top=20'], { stdio: 'inherit' });
    await new Promise((resolve) => summary.on('exit', resolve));
  }
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  for (const child of children) child.kill('SIGTERM');
  rmSync(redisDir, { recursive: true, force: true });
}
