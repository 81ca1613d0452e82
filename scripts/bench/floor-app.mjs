// The Next.js floor (bench/floor-app): copied under .tmp/bench/floor-<hash>/ with a hard-linked copy of the repo's
// node_modules (Turbopack only compiles files under its root, and the floor's root must not be the repository's, whose
// middleware and instrumentation it would bundle), built there once per version of its sources (the hash covers its
// files, package-lock.json and Node's major), then served with `next start` as the app is (same Node flags).
// Nothing ever runs npm in that directory: it is removed and recreated whole.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT, log } from '../lib/bootstrap.mjs';
import { freePort, serverNodeFlags, waitForHttp } from '../lib/next-server.mjs';
import { runMarkEnv } from '../lib/reap.mjs';

const SOURCE = path.join(ROOT, 'bench', 'floor-app');

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
  hash.update(readFileSync(path.join(ROOT, 'package-lock.json')));
  hash.update(process.versions.node.split('.')[0]);
  for (const file of listFiles(SOURCE)) hash.update(`${file}\0`).update(readFileSync(path.join(SOURCE, file)));
  return path.join(ROOT, '.tmp', 'bench', `floor-${hash.digest('hex').slice(0, 12)}`);
}

/** Hard links every file of `from` into `to` (symbolic links copied as links): a copy that costs no disk space. */
function linkTree(from, to) {
  if (spawnSync('cp', ['-al', from, to], { stdio: 'ignore' }).status === 0) return;
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (stat.isDirectory()) linkTree(source, target);
    else linkSync(source, target);
  }
}

/** Builds the floor app unless a build of these exact sources exists; returns its directory. */
export function ensureFloorBuild() {
  const dir = floorAppDir();
  if (existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir;
  log(`Building the Next.js floor app (bench/floor-app → ${path.relative(ROOT, dir)})`);
  // Earlier builds of other sources are of no further use.
  const parent = path.dirname(dir);
  if (existsSync(parent)) for (const name of readdirSync(parent)) if (name.startsWith('floor-')) rmSync(path.join(parent, name), { recursive: true, force: true });
  cpSync(SOURCE, dir, { recursive: true });
  linkTree(realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'));
  const result = spawnSync(process.execPath, [path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...runMarkEnv(), NEXT_TELEMETRY_DISABLED: '1' },
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
 * @param {{ upstreamUrl?: string, dir?: string, env?: Record<string, string> }} [options]  env: added (e.g. NODE_OPTIONS for a profiler)
 * @returns {Promise<{ url: string, pid: number | undefined, stop: () => Promise<void> }>}
 */
export async function startFloorServer({ upstreamUrl = '', dir = ensureFloorBuild(), env = {} } = {}) {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [...serverNodeFlags(), path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...runMarkEnv(), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', FLOOR_UPSTREAM_URL: upstreamUrl, ...env },
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
