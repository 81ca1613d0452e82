import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { killOnExit } from '@/scripts/lib/next-server.mjs';
import { startBridge, waitForRedis, type Bridge } from '@/scripts/redis-bridge.mjs';
import { freePort } from './ports';

export interface RedisHarness {
  redisUrl: string;
  bridgeUrl: string;
  token: string;
  /** The running bridge (replaced by restartBridge). */
  readonly bridge: Bridge;
  /** Stops the bridge only: Redis keeps its data, clients get connection errors. */
  stopBridge(): Promise<void>;
  /** Starts the bridge again on the same port, so existing clients reconnect to the same URL. */
  restartBridge(): Promise<void>;
  /** Kills redis-server (SIGKILL, as a crash would) while the bridge keeps answering HTTP. */
  killRedis(): Promise<void>;
  /** Starts redis-server again on the same port (with `dir`, from its append-only file). */
  restartRedis(): Promise<void>;
  /** Freezes redis-server (SIGSTOP): connections stay open and nothing is answered, as with a hung store. */
  pauseRedis(): void;
  /** Lets a frozen redis-server go on (SIGCONT). */
  resumeRedis(): void;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'redis-server was not found on PATH. Install it: `sudo apt-get install -y redis-server` (Debian/Ubuntu) or `brew install redis` (macOS).';

/**
 * A real redis-server on a free port plus the Upstash REST bridge in-process. Without `dir` Redis keeps nothing on disk;
 * with `dir` it writes an append-only file there (to test data surviving a Redis restart).
 */
export async function startRedis(opts: { dir?: string } = {}): Promise<RedisHarness> {
  try {
    return await startRedisOnce(opts);
  } catch (error) {
    if ((error as Error).message === INSTALL_HINT) throw error;
    // A start that failed for a reason of the moment (the free port taken before redis-server bound it, a host too
    // busy to answer in time) gets one more try on a new port; the first failure stays in the log.
    console.warn(`startRedis: ${(error as Error).message}; trying once more on another port`);
    return startRedisOnce(opts);
  }
}

async function startRedisOnce(opts: { dir?: string }): Promise<RedisHarness> {
  const redisPort = await freePort();
  const persistence = opts.dir ? ['--dir', opts.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''] : ['--save', '', '--appendonly', 'no'];
  const spawnRedis = () =>
    spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', ...persistence], { stdio: ['ignore', 'pipe', 'pipe'] });
  let child = spawnRedis();
  killOnExit(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(INSTALL_HINT) : error),
    );
    child.once('exit', (code, signal) => reject(new Error(`redis-server exited early (${code ?? signal}):\n${output}`)));
  });
  exited.catch(() => undefined); // observed by the race below; afterwards an exit is expected (stop)

  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  try {
    await Promise.race([waitForRedis({ redisUrl, timeoutMs: 10_000 }), exited]);
  } catch (error) {
    await killProcess(child);
    throw error;
  }

  const token = randomBytes(16).toString('hex');
  let bridge: Bridge | null;
  try {
    bridge = await startBridge({ redisUrl, token });
  } catch (error) {
    await killProcess(child);
    throw error;
  }
  const bridgePort = bridge.port;
  const bridgeUrl = bridge.url;

  const harness: RedisHarness = {
    redisUrl,
    bridgeUrl,
    token,
    get bridge() {
      if (!bridge) throw new Error('the bridge is stopped');
      return bridge;
    },
    async stopBridge() {
      const running = bridge;
      bridge = null;
      await running?.close();
    },
    async restartBridge() {
      await harness.stopBridge();
      bridge = await startBridge({ redisUrl, token, port: bridgePort });
    },
    async killRedis() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async restartRedis() {
      child = spawnRedis();
      killOnExit(child);
      await waitForRedis({ redisUrl, timeoutMs: 10_000 });
    },
    pauseRedis() {
      child.kill('SIGSTOP');
    },
    resumeRedis() {
      child.kill('SIGCONT');
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGCONT');
      await harness.stopBridge();
      await killProcess(child);
    },
  };
  return harness;
}

function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
