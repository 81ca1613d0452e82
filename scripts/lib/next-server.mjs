// Starts `next start` on a free port for integration tests, the bench and the bundle-size check.
// The PID held is the server itself (not an npx wrapper), so stopping it leaves nothing behind.
import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { runMarkEnv } from './reap.mjs';

// Not import.meta: Jest loads this file as CommonJS. Every caller (npm scripts, Jest, Playwright) runs from the root.
const ROOT = process.cwd();

/**
 * Node flags for the server (`npm start`, the tests and the bench; the bench's Next.js floor gets the same).
 * - On Node 22/23, AsyncLocalStorage (which Next.js uses on every request) runs on promise hooks;
 *   --experimental-async-context-frame switches it to the implementation that is the default from Node 24, which cut
 *   the server's CPU per streamed chat turn by ~20% in `npm run bench`.
 * - A young generation of up to 64 MB per semi-space (V8's default is 16 on 64-bit machines): a burst of chats
 *   allocates per-chunk objects and promises faster than a small nursery is swept, so objects that die within a turn
 *   were scavenged mid-burst, and some promoted. Two bench runs each way: 50 chats at once 1.22×/1.47× the floor with
 *   it, 1.71×/2.16× without; ~50 MB more resident memory (docs/performance.md, session 9).
 */
export function serverNodeFlags(version = process.versions.node) {
  const major = Number(version.split('.')[0]);
  return ['--max-semi-space-size=64', ...(major === 22 || major === 23 ? ['--experimental-async-context-frame'] : [])];
}

/** A TCP port that was free a moment ago (the OS picks it; the caller binds it soon after). */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not read the free port'))));
    });
  });
}

/**
 * One GET of `url` over a connection of its own: resolves with the status once the whole answer has arrived, rejects on
 * any error, and after `ms` whatever state the request is in (the socket is destroyed). `node:http` rather than
 * `fetch`: a fetch aborted by its signal while a slow server was answering once stayed pending for good (a test's
 * set-up then hung until its hook's deadline, with the server up and answering), and nothing here may wait unbounded.
 */
export function probeHttp(url, ms) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn(value);
    };
    const request = httpGet(url, { agent: false }, (response) => {
      response.on('error', (error) => settle(reject, error));
      response.on('end', () => settle(resolve, response.statusCode));
      response.resume();
    });
    request.on('error', (error) => settle(reject, error));
    const timer = setTimeout(() => {
      settle(reject, new Error(`no answer within ${ms} ms`));
      request.destroy();
    }, ms);
  });
}

/** Polls a URL until it answers with any HTTP status, or throws after `timeoutMs` (each attempt is bounded too). */
export async function waitForHttp(url, { timeoutMs = 30_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the process serving ${url} exited`);
    try {
      await probeHttp(url, Math.max(1, Math.min(5_000, deadline - Date.now())));
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${lastError}`);
}

/**
 * Servers still running when this process exits are killed with it: a test whose hook timed out before it got the
 * server's handle (so its afterAll could not stop it) must not leave a `next start` running on the machine. (One such
 * pair once kept ~40 % of a core each busy for 40 minutes, through the next test run and its page gate.)
 */
/** Kills `child` (SIGKILL) when this process exits. */
// One hook per process, found again through the process's own listeners: Jest loads this module afresh for each test
// file of a run in one process, and a hook per copy made Node warn of a listener leak after ten files.
const HOOK = Symbol.for('ai-sales-agent.kill-test-servers');
export function killOnExit(child) {
  let hook = process.listeners('exit').find((listener) => HOOK in listener);
  if (!hook) {
    const servers = new Set();
    hook = Object.assign(() => {
      for (const server of servers) server.kill('SIGKILL');
    }, { [HOOK]: servers });
    process.on('exit', hook);
  }
  const running = hook[HOOK];
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/**
 * What a test server inherits besides PATH/HOME: the build folder, and the mark of `npm test`'s run (TEST_RUN_ID,
 * scripts/lib/reap.mjs), so that a server a suite leaves behind is found and stopped before the next stage.
 */
function passOn() {
  return { ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}), ...runMarkEnv() };
}

/**
 * Starts `next start` and resolves once it answers its health route. A start that fails for a reason of the moment
 * (the free port taken before the server bound it, a host too busy to answer within the wait) is tried once more, on a
 * new port unless one was given, and says so on stderr; a server that exits the same way twice fails with its output.
 * @param {{ env?: Record<string, string | undefined>, port?: number, quiet?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, pid: number | undefined, logs: () => string, stop: () => Promise<void> }>}
 */
export async function startNextServer(options = {}) {
  try {
    return await startNextServerOnce(options);
  } catch (error) {
    process.stderr.write(`startNextServer: ${String(error).split('\n')[0]}; trying once more\n`);
    return startNextServerOnce(options);
  }
}

/** @param {{ env?: Record<string, string | undefined>, port?: number, quiet?: boolean }} options */
async function startNextServerOnce({ env = {}, port, quiet = true }) {
  const chosenPort = port ?? (await freePort());
  const output = [];
  // Only what the test passes (plus PATH/HOME) reaches the server, so a developer's .env cannot leak into a test.
  const child = spawn(process.execPath, [...serverNodeFlags(), path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(chosenPort), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...passOn(), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk) => {
    output.push(chunk.toString());
    if (!quiet) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  killOnExit(child);
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on('exit', () => { exited = true; resolve(); }));

  const url = `http://127.0.0.1:${chosenPort}`;
  try {
    await waitForHttp(`${url}/api/v1/health`, { isAlive: () => !exited });
  } catch (error) {
    child.kill('SIGKILL');
    if (!exited) await exitPromise;
    throw new Error(`${error.message}\n--- next start output ---\n${output.join('')}`);
  }
  return {
    url,
    port: chosenPort,
    pid: child.pid,
    logs: () => output.join(''),
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}
