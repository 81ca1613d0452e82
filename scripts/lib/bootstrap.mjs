// Bootstrapping shared by `npm start` (serve.mjs) and `npm test` (test-all.mjs). Node built-ins only: this runs
// before `npm ci`, possibly on an older Node than the project needs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCAL_NODE_DIR = path.join(ROOT, '.tmp', 'node22');
const MIN_NODE_MAJOR = 22;

export function log(message) {
  console.log(`\x1b[36m›\x1b[0m ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/**
 * The project needs Node 22+. On an older Node, fetch Node 22 from the npm registry (the `node` package ships the
 * binary) into .tmp/node22 and re-run this script with it, so the README's commands work on a machine with only Node.
 */
export function ensureNode22() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= MIN_NODE_MAJOR) return;
  const localNode = path.join(LOCAL_NODE_DIR, 'node_modules', '.bin', 'node');
  if (!existsSync(localNode)) {
    log(`Node ${process.versions.node} is older than ${MIN_NODE_MAJOR}; fetching Node ${MIN_NODE_MAJOR} from the npm registry into .tmp/node22`);
    const status = run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', LOCAL_NODE_DIR, `node@${MIN_NODE_MAJOR}`]);
    if (status !== 0 || !existsSync(localNode)) {
      console.error(`Could not fetch Node ${MIN_NODE_MAJOR}. Install it yourself (e.g. \`nvm install ${MIN_NODE_MAJOR}\`) and run this again.`);
      process.exit(1);
    }
  }
  const binDir = path.dirname(localNode);
  const status = run(localNode, process.argv.slice(1), {
    env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(status);
}

function newestMtime(entries) {
  let newest = 0;
  const visit = (target) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const name of readdirSync(target)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(path.join(target, name));
      }
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const entry of entries) visit(path.join(ROOT, entry));
  return newest;
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('Installing dependencies (npm ci)');
  const status = run('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (status !== 0) process.exit(status);
}

const BUILD_INPUTS = [
  'app', 'components', 'lib', 'public', 'middleware.ts', 'instrumentation.ts', 'next.config.js',
  'postcss.config.mjs', 'package-lock.json', 'tsconfig.json',
];

/** `next build` when there is no build or a source file is newer than it. */
export function ensureBuild() {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestMtime(BUILD_INPUTS)) {
    log('The production build is up to date');
    return;
  }
  log('Building the app (the home page\'s CSS, then next build)');
  const css = run(process.execPath, [path.join(ROOT, 'scripts', 'build-css.mjs')]);
  if (css !== 0) process.exit(css);
  const status = run(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build']);
  if (status !== 0) process.exit(status);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * System packages the tests need (redis-server, chromium…). Installed with apt-get when this user can (root or
 * passwordless sudo); otherwise the exact command is printed and the run stops.
 */
export function ensureSystemPackages(packages) {
  const missing = packages.filter((pkg) => !has(pkg.command));
  if (missing.length === 0) return;
  const names = missing.map((pkg) => pkg.apt).join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : null;
  if (has('apt-get') && sudo) {
    log(`Installing system packages: ${names}`);
    const prefix = sudo.join(' ');
    const status = run('sh', ['-c', `${prefix} apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${prefix} apt-get install -y -qq ${names}`]);
    if (status === 0 && missing.every((pkg) => has(pkg.command))) return;
  }
  console.error(`\nThe tests need: ${missing.map((pkg) => pkg.command).join(', ')}. Install them, then run this again:\n`);
  console.error(`  Debian/Ubuntu:  sudo apt-get install -y ${names}`);
  console.error(`  macOS:          brew install ${missing.map((pkg) => pkg.brew ?? pkg.apt).join(' ')}\n`);
  process.exit(1);
}
