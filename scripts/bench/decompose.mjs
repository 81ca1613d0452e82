// `node scripts/bench/decompose.mjs [--turns=30]`: where one chat's time to first token goes, this app beside the
// Next.js floor (bench/floor-app), one turn at a time on an idle machine. A minimal OpenAI-compatible upstream in this
// process (200 ms to the first token, then 10 ms per word) stamps when each request arrives and when its first chunk
// is written, on the same clock as the client, so each turn splits into:
//   before  — the client sends → the upstream request arrives (routing, session, body, store, planning, SDK set-up)
//   after   — the upstream's first chunk → the first text reaches the client (the stream stages)
// The app runs as in `npm run bench` (production build, Upstash bridge over redis-server, rate limits on). Uses the
// existing build (NEXT_DIST_DIR is honoured): run `npm run build` first. The app answers a new conversation's first
// message two ways on the same server, with `first: true` (the speculative start, as its client sends it) and without,
// and a conversation's second message (the first sent, read and stored untimed before it).
// Prints medians and p90s.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureNode22 } from '../lib/bootstrap.mjs';
import { freePort, startNextServer, waitForHttp } from '../lib/next-server.mjs';
import { benchAppEnv } from './app-env.mjs';
import { ensureFloorBuild, startFloorServer } from './floor-app.mjs';
import { percentile, sleep } from './measure.mjs';

ensureNode22();
const TURNS = Number(process.argv.find((arg) => arg.startsWith('--turns='))?.split('=')[1] ?? '30');
const TOKEN = 'bench-token';
const NAMES = ['app', 'app without the speculative start', 'app, a later message', 'floor'];
const LABELS = {
  floor: 'Next.js floor',
  'app without the speculative start': 'this app, the first message sent without `first: true` (the reply waits for the store)',
  app: 'this app, as its client sends a first message (`first: true`: the speculative start)',
  'app, a later message': "this app, a conversation's second message (this instance answered the first: the speculative start from what it remembers)",
};
const WORDS = 'Northwind Cloud Pro is built for growing teams: unlimited projects and advanced automations.'.split(' ');

const arrivals = [];
const firstChunks = [];
const chunk = (delta, finish) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const upstream = createServer((request, response) => {
  arrivals.push(performance.now());
  request.resume();
  request.on('end', () => {
    if (!request.url?.includes('chat/completions')) return void response.end('{}');
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    setTimeout(() => {
      firstChunks.push(performance.now());
      response.write(chunk({ role: 'assistant', content: `${WORDS[0]} ` }, null));
      let next = 1;
      const timer = setInterval(() => {
        if (next < WORDS.length) return void response.write(chunk({ content: `${WORDS[next++]} ` }, null));
        clearInterval(timer);
        response.write(chunk({}, 'stop'));
        response.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-bench', choices: [], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } })}\n\n`);
        response.end('data: [DONE]\n\n');
      }, 10);
    }, 200);
  });
});
const upstreamPort = await freePort();
await new Promise((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
const upstreamUrl = `http://127.0.0.1:${upstreamPort}/v1`;

const redisDir = mkdtempSync(path.join(tmpdir(), 'decompose-redis-'));
const [redisPort, bridgePort] = [await freePort(), await freePort()];
const children = [spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], { stdio: 'ignore' })];
children.push(spawn(process.execPath, ['scripts/redis-bridge.mjs', '--redis', `redis://127.0.0.1:${redisPort}`, '--port', String(bridgePort), '--token', TOKEN], { stdio: 'ignore' }));
const bridgeUrl = `http://127.0.0.1:${bridgePort}`;

const servers = [];
try {
  await waitForHttp(`${bridgeUrl}/__bridge/stats`);

  const app = await startNextServer({ env: benchAppEnv({ upstreamUrl, bridgeUrl, token: TOKEN, prefix: 'decompose:' }, { CHAT_FAST_ROUTE: 'on' }) });
  servers.push(app);
  const floor = await startFloorServer({ upstreamUrl, dir: ensureFloorBuild() });
  servers.push(floor);
  // Each turn opens a new conversation, as a prospect's first message does; our client then sends `first: true`.
  const chatTarget = async (server, first) => {
    const { token } = await (await fetch(`${server.url}/api/v1/session`, { method: 'POST' })).json();
    return {
      send: () =>
        fetch(`${server.url}/api/v1/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ id: randomUUID(), message: { id: `u-${randomUUID()}`, role: 'user', parts: [{ type: 'text', text: 'Tell me about Pro' }] }, ...(first ? { first: true } : {}) }),
        }),
      isText: (text) => text.includes('"text-delta"'),
    };
  };
  // A conversation's second message: the first is sent and read to its end (not timed) before the timed one.
  const laterTarget = async (server) => {
    const { token } = await (await fetch(`${server.url}/api/v1/session`, { method: 'POST' })).json();
    let id = '';
    const post = (body) =>
      fetch(`${server.url}/api/v1/chat`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const message = (text) => ({ id: `u-${randomUUID()}`, role: 'user', parts: [{ type: 'text', text }] });
    return {
      prepare: async () => {
        id = randomUUID();
        await (await post({ id, message: message('Tell me about Pro'), first: true })).text();
        await sleep(50); // the first turn is stored after its last byte
      },
      send: () => post({ id, message: message('And for a team of 25?') }),
      isText: (text) => text.includes('"text-delta"'),
    };
  };
  const targets = {
    app: await chatTarget(app, true),
    'app, a later message': await laterTarget(app),
    'app without the speculative start': await chatTarget(app, false),
    floor: {
      send: () =>
        fetch(`${floor.url}/api/relay`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
          body: JSON.stringify({ model: 'gpt-bench', stream: true, messages: [{ role: 'user', content: 'Tell me about Pro' }] }),
        }),
      isText: (text) => text.includes('"content"'),
    },
  };
  const turn = async (name) => {
    await targets[name].prepare?.();
    const arrived = arrivals.length;
    const started = performance.now();
    const response = await targets[name].send();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let firstText;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (firstText === undefined && targets[name].isText(text)) firstText = performance.now();
    }
    return { before: arrivals[arrived] - started, after: firstText - firstChunks.at(-1), added: firstText - started - 200 };
  };
  for (let index = 0; index < 10; index++) for (const name of NAMES) await turn(name);
  const results = Object.fromEntries(NAMES.map((name) => [name, []]));
  for (let index = 0; index < TURNS; index++) {
    for (const name of NAMES) {
      results[name].push(await turn(name));
      await sleep(50);
    }
  }
  const figure = (name, key) => `${percentile(results[name].map((result) => result[key]), 50).toFixed(2)} / ${percentile(results[name].map((result) => result[key]), 90).toFixed(2)}`;
  console.log(`One chat at a time, ${TURNS} turns each (ms, p50 / p90):`);
  console.log('| server | before the upstream request | first chunk → client | added to the first token |');
  console.log('| --- | --- | --- | --- |');
  for (const name of ['floor', 'app without the speculative start', 'app', 'app, a later message']) console.log(`| ${LABELS[name]} | ${figure(name, 'before')} | ${figure(name, 'after')} | ${figure(name, 'added')} |`);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  upstream.close();
  for (const child of children) child.kill('SIGTERM');
  rmSync(redisDir, { recursive: true, force: true });
}
