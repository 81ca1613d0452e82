// `npm test`: the README's second command. Sets up what the tests need (Node 22, dependencies, redis-server and
// chromium from the system package manager, a production build) and runs every suite: Jest (unit, component,
// route handlers, integration over real HTTP with a real redis-server) and Playwright end to end in Chromium.
// Flags: --only=jest|e2e, and anything after `--` goes to Jest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureBuild, ensureDependencies, ensureNode22, ensureSystemPackages, log } from './lib/bootstrap.mjs';

ensureNode22();
const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const passThrough = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];

ensureDependencies();
ensureSystemPackages([
  { command: 'redis-server', apt: 'redis-server', brew: 'redis' },
  ...(only === 'jest' ? [] : [{ command: 'chromium', apt: 'chromium', brew: '--cask chromium' }]),
]);
ensureBuild();

const outDir = path.join(ROOT, '.tmp', 'test-results');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

if (only !== 'e2e') {
  log('Jest: unit, component, route-handler and integration tests');
  const jestJson = path.join(outDir, 'jest.json');
  const status = spawnSync(bin('jest'), ['--ci', '--json', `--outputFile=${jestJson}`, ...passThrough], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  }).status;
  if (status !== 0) {
    exitCode = status ?? 1;
    console.error(`Jest exited with status ${status}`);
  }
  if (existsSync(jestJson)) {
    const report = JSON.parse(readFileSync(jestJson, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } else totals.failed += 1;
}

if (only !== 'jest') {
  log('Playwright: end to end in the system Chromium');
  const pwJson = path.join(outDir, 'playwright.json');
  const status = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  }).status;
  if (status !== 0) {
    exitCode = status ?? 1;
    console.error(`Playwright exited with status ${status}`);
  }
  if (existsSync(pwJson)) {
    const { stats } = JSON.parse(readFileSync(pwJson, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } else totals.failed += 1;
}

if (totals.passed === 0 && exitCode === 0) exitCode = 1;
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
