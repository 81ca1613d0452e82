// `npm run redis:dev`: a local redis-server (data kept in .tmp/redis, append-only, so it survives restarts) plus the
// Upstash REST bridge, so the app runs against the same client code as in production. Prints the two lines for
// .env.local; Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBridge, waitForRedis } from './redis-bridge.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = path.join(root, '.tmp', 'redis');
const tokenFile = path.join(dataDir, 'bridge-token');
/** @type {import('node:child_process').ChildProcess | null} */
let redisServer = null;

/**
 * The preferred port if nothing listens there, else one the OS picks.
 * @param {number} preferred
 * @returns {Promise<number>}
 */
function pickPort(preferred) {
  /** @param {number} port @returns {Promise<number>} */
  const tryPort = (port) =>
    new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = /** @type {net.AddressInfo} */ (server.address());
        server.close(() => resolve(address.port));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

/** A stable token, so the .env.local lines stay valid from one run to the next. */
function bridgeToken() {
  if (process.env.BRIDGE_TOKEN) return process.env.BRIDGE_TOKEN;
  if (existsSync(tokenFile)) {
    const saved = readFileSync(tokenFile, 'utf8').trim();
    if (saved) return saved;
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  return token;
}

async function main() {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    console.error('redis-server was not found on PATH. Install it, then run `npm run redis:dev` again:');
    console.error('  Debian/Ubuntu: sudo apt-get install -y redis-server');
    console.error('  macOS:         brew install redis');
    process.exit(1);
  }

  mkdirSync(dataDir, { recursive: true });
  const redisPort = await pickPort(6379);
  const logFile = path.join(dataDir, 'redis.log');
  const server = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--save', '', '--logfile', logFile],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  redisServer = server;
  let stopping = false;
  /** @type {Awaited<ReturnType<typeof startBridge>> | null} */
  let bridge = null;

  server.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`redis-server stopped unexpectedly (${code ?? signal}); see ${path.relative(root, logFile)}`);
    void bridge?.close();
    process.exit(1);
  });

  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  await waitForRedis({ redisUrl, timeoutMs: 10_000 });
  const token = bridgeToken();
  bridge = await startBridge({ redisUrl, token, port: await pickPort(Number(process.env.BRIDGE_PORT ?? 8079)) });

  console.error(`redis-server on ${redisUrl} (data in ${path.relative(root, dataDir)}), Upstash REST bridge on ${bridge.url}.`);
  console.error('Put these two lines in .env.local (Ctrl-C stops both servers):');
  console.log(`UPSTASH_REDIS_REST_URL=${bridge.url}`);
  console.log(`UPSTASH_REDIS_REST_TOKEN=${token}`);

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bridge?.close();
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // SIGTERM lets Redis flush the append-only file before exiting.
      server.kill('SIGTERM');
      await exited;
    }
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  redisServer?.kill('SIGTERM');
  process.exit(1);
});
