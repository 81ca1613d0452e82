// `npm test`: the README's second command. Sets up what the tests need (Node 22, dependencies, redis-server and
// chromium from the system package manager, a production build) and runs every suite: Jest (unit, component,
// route handlers, integration over real HTTP with a real redis-server) and Playwright end to end in Chromium.
// Last, the page gate: Lighthouse mobile on `/` beside a blank Next.js page (scripts/bench/page.mjs --gate), which fails
// when `/` is more than 2 points behind it or over its JavaScript budget (docs/performance.md, "Page").
// Flags: --only=jest|e2e|page, and anything after `--` goes to Jest.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureBuild, ensureDependencies, ensureNode22, ensureSystemPackages, log } from './lib/bootstrap.mjs';
import { RUN_ID_VAR, reapMarked } from './lib/reap.mjs';

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

// Every stage has a deadline, so a hang fails the run with its name rather than running into CI's own limit with
// nothing said (a clean-clone CI once printed "Playwright: …" and then nothing until it was stopped at 90 minutes).
// Each is about three times what the stage takes on a slow 2-core host (Jest's suites without servers 4–5 min on two
// workers, its integration suites 5–6, Playwright 6–8, the page gate 2–4; a CI host has taken twice that: Jest with
// the page gate 35 min). Together they stay under CI's own 90 minutes
// with at most one retry: a retry follows only a set-up failure, and set-ups are bounded in seconds (90 s a step).
const STAGE_MINUTES = { jest: 15, 'jest-integration': 15, 'jest-retry': 8, e2e: 27, page: 15 };
// What the stages start carries this mark; what is still running after a stage is stopped (scripts/lib/reap.mjs).
process.env[RUN_ID_VAR] = randomUUID();
const started = Date.now();
const elapsed = () => {
  const seconds = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** Runs one stage with its deadline; returns its exit status (null when it was stopped at the deadline). */
function stage(name, command, commandArgs, env) {
  const minutes = STAGE_MINUTES[name];
  // SIGKILL: a stage whose event loop is stuck would never act on a SIGTERM it handles in JavaScript (Playwright does),
  // and spawnSync would wait for it forever. What it started is stopped by reap() after it.
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env, timeout: minutes * 60_000, killSignal: 'SIGKILL' });
  if (result.error && result.error.code === 'ETIMEDOUT') console.error(`\n✗ ${name} did not finish within ${minutes} minutes and was stopped (at ${elapsed()} into the run)`);
  else if (result.error) console.error(`\n✗ ${name} could not run: ${result.error.message}`);
  return result.error ? null : result.status;
}

/** Stops what a stage left running, and says so: a leftover server would share the cores with the next stage. */
async function reap(name) {
  const left = await reapMarked(process.env[RUN_ID_VAR]);
  if (left.length > 0) console.error(`${name} left ${left.length} process(es) running, now stopped:\n${left.map(({ pid, command }) => `  ${pid} ${command.slice(0, 160)}`).join('\n')}`);
  log(`${name} done at ${elapsed()}`);
}

const outDir = path.join(ROOT, '.tmp', 'test-results');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
// Tests that failed once and passed on their second try: counted as passed, named at the end.
const flaky = [];
let exitCode = 0;

if (only === undefined || only === 'jest') {
  log('Jest: unit, component, route-handler and integration tests');
  const runJest = async (name, jestArgs) => {
    const json = path.join(outDir, `${name}.json`);
    const status = stage(name, bin('jest'), ['--ci', '--json', `--outputFile=${json}`, ...jestArgs], { ...process.env, NODE_ENV: 'test' });
    await reap('Jest');
    return { status, report: existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined };
  };
  // Without arguments, two runs: the suites that start no server (unit, eval, components, routes) are CPU-bound and
  // independent, so they get both cores (Jest's default on two is one worker); the integration suites start real
  // servers with timing margins and keep running one at a time after them. One report of both, as from one run.
  const runBoth = async () => {
    const integrationDir = '/__tests__/integration/';
    const fast = await runJest('jest', ['--maxWorkers=2', '--testPathIgnorePatterns', '/node_modules/', '/__tests__/e2e/', integrationDir]);
    const servers = await runJest('jest-integration', ['--maxWorkers=1', '--testPathPatterns', integrationDir]);
    if (!fast.report || !servers.report) return { status: fast.status ?? servers.status ?? null, report: undefined };
    const sum = (key) => (fast.report[key] ?? 0) + (servers.report[key] ?? 0);
    const report = {
      ...fast.report,
      testResults: [...fast.report.testResults, ...servers.report.testResults],
      numPassedTests: sum('numPassedTests'),
      numFailedTests: sum('numFailedTests'),
      numPendingTests: sum('numPendingTests'),
      numTodoTests: sum('numTodoTests'),
      numRuntimeErrorTestSuites: sum('numRuntimeErrorTestSuites'),
      success: fast.report.success && servers.report.success,
    };
    const statuses = [fast.status, servers.status];
    return { status: statuses.includes(null) ? null : Math.max(...statuses), report };
  };
  let { status, report } = passThrough.length > 0 ? await runJest('jest', passThrough) : await runBoth();
  // Run once more, loudly, and named in the summary as flaky:
  // - a file whose set-up failed (no test of it passed, and every test failed with the same first line: a beforeAll
  //   that timed out or threw while starting its servers; a file of one test only when Jest names a hook's timeout);
  // - an integration file with a failed test: these run real servers (next start, redis-server, stand-ins) on two
  //   shared cores, where a loaded moment has failed a timing margin twice in a row of CI runs (a stall limit, a
  //   streaming sample). A test that fails again fails the run; unit, component and route tests are never retried.
  const integration = `${path.sep}__tests__${path.sep}integration${path.sep}`;
  const setUpFailures = (report?.testResults ?? []).filter((suite) => {
    const ran = (suite.assertionResults ?? []).filter((test) => test.status === 'passed' || test.status === 'failed');
    const failed = ran.filter((test) => test.status === 'failed');
    if (failed.length === 0) return false;
    if (suite.name.includes(integration)) return true;
    if (failed.length !== ran.length) return false;
    const firstLines = new Set(failed.map((test) => String(test.failureMessages?.[0] ?? '').split('\n')[0]));
    return firstLines.size === 1 && (failed.length > 1 || [...firstLines][0]?.includes('for a hook') === true);
  });
  if (report && setUpFailures.length > 0 && setUpFailures.length <= 3) {
    const files = setUpFailures.map((suite) => suite.name);
    console.error(`Jest: ${files.map((file) => path.relative(ROOT, file)).join(', ')} failed (a set-up, or an integration test on real servers); running ${files.length === 1 ? 'it' : 'them'} once more`);
    const again = await runJest('jest-retry', ['--runTestsByPath', ...files]);
    if (again.report) {
      const retried = new Set(files);
      const failedFirst = new Set(
        report.testResults
          .filter((suite) => retried.has(suite.name))
          .flatMap((suite) => (suite.assertionResults ?? []).filter((test) => test.status === 'failed').map((test) => `${suite.name}\0${test.fullName}`)),
      );
      for (const suite of again.report.testResults) {
        for (const test of suite.assertionResults ?? []) {
          if (test.status === 'passed' && failedFirst.has(`${suite.name}\0${test.fullName}`)) flaky.push(`jest: ${path.relative(ROOT, suite.name)} › ${test.fullName}`);
        }
      }
      const kept = report.testResults.filter((suite) => !retried.has(suite.name));
      const count = (suites, key) => suites.reduce((sum, suite) => sum + (suite.assertionResults ?? []).filter((test) => test.status === key).length, 0);
      const testResults = [...kept, ...again.report.testResults];
      report = {
        ...report,
        testResults,
        numPassedTests: count(testResults, 'passed'),
        numFailedTests: count(testResults, 'failed'),
        numPendingTests: count(testResults, 'pending'),
        numTodoTests: count(testResults, 'todo'),
        numRuntimeErrorTestSuites: testResults.filter((suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0).length,
      };
      report.success = report.numFailedTests === 0 && report.numRuntimeErrorTestSuites === 0;
      // The first run's status stood for the failures now retried: with them passed, the retry's status decides.
      if (report.success && status === 1) status = again.status;
    }
  }
  if (status !== 0) {
    // Jest also exits 1 when something logs after its test file has ended ("Cannot log after tests are done"), with
    // every test passed and its own report saying success. That is reported loudly, but only a failed test, a suite
    // that could not run or a missing report fails the run.
    const passedAnyway = status === 1 && report?.success === true && report.numFailedTests === 0 && report.numRuntimeErrorTestSuites === 0;
    if (!passedAnyway) exitCode = status ?? 1;
    console.error(
      passedAnyway
        ? 'Jest exited with status 1 although its report says every suite passed: something logged or loaded after its test file ended (search above for "after tests are done" or "torn down")'
        : `Jest exited with status ${status}`,
    );
  }
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } else totals.failed += 1;
}

if (only === undefined || only === 'e2e') {
  log('Playwright: end to end in the system Chromium');
  const pwJson = path.join(outDir, 'playwright.json');
  const runPlaywright = async () => {
    rmSync(pwJson, { force: true });
    // PLAYWRIGHT_RETRIES: a test that fails gets one more try here (not in a plain `npx playwright test`); one that
    // fails twice fails the run, one that passes the second time is named at the end as flaky.
    const code = stage('e2e', bin('playwright'), ['test', '--reporter=list,json'], { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PLAYWRIGHT_RETRIES: '1' });
    await reap('Playwright');
    return code;
  };
  let status = await runPlaywright();
  // A run that failed before its first test (its set-up: redis-server, the stand-in, `next start`) is run once more,
  // loudly: that is the machine, not a test. A run in which any test ran stands as it is.
  const readStats = () => (existsSync(pwJson) ? JSON.parse(readFileSync(pwJson, 'utf8')).stats : undefined);
  const testsRun = (stats) => (stats ? stats.expected + stats.unexpected + stats.flaky : 0);
  if (status !== 0 && testsRun(readStats()) === 0) {
    console.error(`Playwright exited with status ${status} before running any test (see its set-up above); running it once more`);
    status = await runPlaywright();
  }
  if (status !== 0) {
    exitCode = status ?? 1;
    console.error(`Playwright exited with status ${status}`);
  }
  const stats = readStats();
  if (stats?.flaky) {
    const walk = (suite, titles) =>
      [...(suite.suites ?? []).flatMap((inner) => walk(inner, [...titles, inner.title])), ...(suite.specs ?? []).flatMap((spec) => (spec.tests ?? []).filter((test) => test.status === 'flaky').map(() => `e2e: ${[...titles, spec.title].filter(Boolean).join(' › ')}`))];
    flaky.push(...JSON.parse(readFileSync(pwJson, 'utf8')).suites.flatMap((suite) => walk(suite, [suite.title])));
  }
  if (stats) {
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } else totals.failed += 1;
}

// A step of its own rather than a Jest test: it must not share the two cores with Jest's workers and the servers its
// integration suites start (a slower moment falls unevenly on the pages compared), it takes ~1½ minutes (3 runs of
// each page) that `npx jest` should not pay, and it measures the production build made above.
if (only === undefined || only === 'page') {
  log('Lighthouse: / beside a blank Next.js page (the page gate)');
  const status = stage('page', process.execPath, [path.join(ROOT, 'scripts', 'bench', 'page.mjs'), '--gate', '--no-build'], process.env);
  await reap('The page gate');
  if (status === 0) totals.passed += 1;
  else {
    exitCode = status ?? 1;
    totals.failed += 1;
    console.error(`The page gate (scripts/bench/page.mjs --gate) exited with status ${status}`);
  }
}

if (totals.passed === 0 && exitCode === 0) exitCode = 1;
if (flaky.length > 0) console.log(`\nflaky (failed once, passed on a second try; counted as passed):\n${flaky.map((name) => `  ${name}`).join('\n')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${flaky.length} flaky (${elapsed()})`);
process.exit(exitCode);
