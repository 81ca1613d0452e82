// The Next.js floor (bench/floor-app): copied under .tmp/bench/floor-<hash>/ and built there with the repo's `next`
// once per version of its sources (the hash covers the files, the Next.js version and Node's major), then served with
// `next start` as the app is (same Node flags), so the bench compares like with like.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, log } from '../lib/bootstrap.mjs';
import { freePort, serverNodeFlags, waitForHttp } from '../lib/next-server.mjs';

const SOURCE = path.join(ROOT, 'bench', 'floor-app');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

/** Every file under `dir`, sorted, relative to it. */
function listFiles(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix))
    .sort()
    .flatMap((name) => {
      const relative = path.join(prefix, name);
      return statSync(path.join(dir, relative)).isDirectory() ? listFiles(dir, relative) : [relative];
    });
}

/** The build directory for the current sources: .tmp/bench/floor-<12 hex of the hash>. */
export function floorAppDir() {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'next', 'package.json'), 'utf8')).version);
  hash.update(process.versions.node.split('.')[0]);
  for (const file of listFiles(SOURCE)) hash.update(`${file}\0`).update(readFileSync(path.join(SOURCE, file)));
  return path.join(ROOT, '.tmp', 'bench', `floor-${hash.digest('hex').slice(0, 12)}`);
}

/** Builds the floor app unless a build of these exact sources exists; returns its directory. */
export function ensureFloorBuild() {
  const dir = floorAppDir();
  if (existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir;
  log(`Building the Next.js floor app (bench/floor-app → ${path.relative(ROOT, dir)})`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(SOURCE, dir, { recursive: true });
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '' },
  });
  if (result.status !== 0 || !existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the floor app did not build:\n${output}`);
  }
  return dir;
}

/**
 * `next start` of the floor app on a free port.
 * @param {{ upstreamUrl?: string, dir?: string }} [options]
 * @returns {Promise<{ url: string, pid: number | undefined, stop: () => Promise<void> }>}
 */
export async function startFloorServer({ upstreamUrl = '', dir = ensureFloorBuild() } = {}) {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [...serverNodeFlags(), NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', FLOOR_UPSTREAM_URL: upstreamUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4_000)));
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', () => resolve((exited = true))));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, { isAlive: () => !exited });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n--- floor app output ---\n${output}`);
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
