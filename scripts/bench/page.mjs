// `npm run bench:page`: Lighthouse mobile (its default config: a mid-range phone, simulated slow 4G and 4× CPU
// slowdown) on a blank Next.js 16 page (the floor app's `/`, same Next.js version) beside this app's `/` and `/embed`,
// and on a plain host page (examples/bubble.html, served from another origin) without and with the embed bubble
// (closed), measured in one run in the system Chromium. Prints performance, total blocking time, LCP, accessibility,
// best practices and SEO side by side (the median run by performance score of each page) and each page's gap to its
// reference (the blank page; for the host page, the same page without the bubble).
// `--gate` (a step of `npm test`, scripts/test-all.mjs): only the blank page and `/`, plus both pages' first-load
// JavaScript; exits 1 when `/` fails scripts/bench/page-gate.mjs's limits (2 points, the JavaScript budget, 100 for
// accessibility, best practices and SEO). A median of 3 more than 2 points behind gets 4 more rounds first, and a
// median of 7 still behind 4 more again (a median of 11).
// Options: --runs=N (Lighthouse runs per page, default 3), --chromium=PATH (default $CHROMIUM_PATH or
// /usr/bin/chromium), --no-build (use the app's existing build as it is: `npm test` has just made it).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ROOT, ensureBuild, ensureDependencies, ensureNode22, log } from '../lib/bootstrap.mjs';
import { freePort, startNextServer } from '../lib/next-server.mjs';
import { ensureFloorBuild, startFloorServer } from './floor-app.mjs';
import { printTable } from './measure.mjs';
import { PAGE_LIMITS, describeAgainstBlank, gateFailures, hostPage, isSlowHost, measureFirstLoad, medianRun, performanceBehind } from './page-gate.mjs';

ensureNode22();
const started = Date.now();
ensureDependencies();
if (!process.argv.includes('--no-build')) ensureBuild();
ensureFloorBuild();

const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const GATE = process.argv.includes('--gate');
const RUNS = Number(option('runs', '3'));
const EXTRA_RUNS = 4;
const CHROMIUM = option('chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
// As in playwright.config.ts (the system Chromium on these machines), headless.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** examples/bubble.html and its style sheet from their own origin: `/` with the bubble, `/without` the same page without it. */
async function startHostPage(appOrigin) {
  const source = readFileSync(path.join(ROOT, 'examples', 'bubble.html'), 'utf8');
  const files = {
    '/': { type: 'text/html', body: hostPage(source, appOrigin, { bubble: true }) },
    '/without': { type: 'text/html', body: hostPage(source, appOrigin, { bubble: false }) },
    '/example.css': { type: 'text/css', body: readFileSync(path.join(ROOT, 'examples', 'example.css'), 'utf8') },
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://host').pathname];
    response.writeHead(file ? 200 : 404, { 'content-type': `${file?.type ?? 'text/plain'}; charset=utf-8`, 'cache-control': 'no-cache' });
    response.end(file?.body ?? 'not found');
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

const floor = await startFloorServer();
// The app on its embedded defaults (offline agent, in-memory store), as `npm start` serves it with no configuration.
const app = await startNextServer({ env: { OPENAI_API_KEY: '' } });
const host = GATE ? undefined : await startHostPage(app.url);
const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });

const blankPage = { name: 'blank Next.js page', url: `${floor.url}/` };
const homePage = { name: 'this app: /', url: `${app.url}/` };
const pages = [blankPage, homePage];
if (host) {
  pages.push(
    { name: 'this app: /embed', url: `${app.url}/embed` },
    { name: 'host page, no bubble', url: `${host.url}/without` },
    { name: 'host page, bubble closed', url: `${host.url}/` },
  );
}

/** Bytes of JavaScript transferred (compressed) among the page load's network requests. */
const scriptBytes = (items = []) => items.filter((item) => item.resourceType === 'Script').reduce((sum, item) => sum + (item.transferSize ?? 0), 0);

/**
 * One Lighthouse run (mobile, default throttling): the figures we compare. Lighthouse itself sometimes fails a run on a
 * loaded machine (NO_NAVSTART, a protocol timeout): such a run is tried again, up to twice, and reported in the log.
 */
async function audit(url, attempt = 1) {
  try {
    return await auditOnce(url);
  } catch (error) {
    if (attempt >= 3) throw error;
    log(`Lighthouse run ${attempt} on ${url} failed (${error instanceof Error ? error.message : String(error)}): trying again`);
    return audit(url, attempt + 1);
  }
}

async function auditOnce(url) {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse failed on ${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (name) => Math.round((categories[name]?.score ?? NaN) * 100);
  const failing = (name) =>
    (categories[name]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
  const requests = audits['network-requests']?.details?.items ?? [];
  return {
    performance: score('performance'),
    'TBT ms': audits['total-blocking-time']?.numericValue ?? NaN,
    'LCP ms': audits['largest-contentful-paint']?.numericValue ?? NaN,
    'FCP ms': audits['first-contentful-paint']?.numericValue ?? NaN,
    'JS KB (transfer)': scriptBytes(requests) / 1024,
    requests: requests.length,
    accessibility: score('accessibility'),
    'best practices': score('best-practices'),
    seo: score('seo'),
    failing: [...failing('accessibility'), ...failing('best-practices'), ...failing('seo')].join(' '),
  };
}

const rows = [];
let firstLoad;
try {
  // Each server's first answers (module loading, caches) and Chromium's first trace are not part of the measure.
  for (const page of pages) for (let i = 0; i < 2; i++) await (await fetch(page.url)).arrayBuffer();
  await audit(blankPage.url).catch(() => undefined);
  const runs = new Map(pages.map((page) => [page, []]));
  // Pages take turns run by run, so a slower moment of the machine falls on all of them.
  const round = async (label) => {
    for (const page of pages) {
      log(`Lighthouse ${label}: ${page.name}`);
      runs.get(page).push(await audit(page.url));
    }
  };
  for (let run = 0; run < RUNS; run++) await round(`${run + 1}/${RUNS}`);
  // The gate on a busy machine: a median of 3 that trails by more than this host's limit gets 4 more rounds (a median
  // of 7) before the verdict, so one slow moment does not fail the build and a page that is really behind still does.
  // Still behind after 7: 4 more (a median of 11), no further: one more stage at most, so a page that is behind fails.
  // The limit is the one the verdict will use: on a host too slow to judge 2 points, rounds that could only move a
  // printed figure are not run (they were 8 of the 11 runs, 2 minutes, of session 28's CI).
  const behind = () => performanceBehind(medianRun(runs.get(blankPage)), medianRun(runs.get(homePage)));
  for (let stage = 0; GATE && stage < 2 && behind(); stage++) {
    for (let run = 0; run < EXTRA_RUNS; run++) await round(`extra ${stage * EXTRA_RUNS + run + 1}/${2 * EXTRA_RUNS}`);
  }
  for (const page of pages) {
    const scores = runs.get(page).map((run) => run.performance);
    rows.push({ page: page.name, runs: scores.length, 'perf range': `${Math.min(...scores)}–${Math.max(...scores)}`, ...medianRun(runs.get(page)) });
  }
  firstLoad = { blank: (await measureFirstLoad(blankPage.url)).bytes, home: (await measureFirstLoad(homePage.url)).bytes };
} finally {
  await chrome.kill();
  await Promise.all([floor.stop(), app.stop(), host?.stop()]);
}

const version = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
printTable(`Lighthouse ${version} mobile (default throttling), median run by performance; Chromium ${CHROMIUM}`, rows);
const [blank, home, embed, without, bubble] = rows;
console.log('');
for (const row of [home, embed]) if (row) console.log(describeAgainstBlank(row, blank));
if (without && bubble) {
  console.log(
    `host page: performance ${bubble.performance} with the bubble (closed) vs ${without.performance} without (${bubble.performance - without.performance >= 0 ? '+' : ''}${bubble.performance - without.performance}; goal 0), ` +
      `TBT ${bubble['TBT ms'].toFixed(0)} vs ${without['TBT ms'].toFixed(0)} ms, ${bubble.requests} requests vs ${without.requests}`,
  );
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`first-load JavaScript (gzipped): / ${kb(firstLoad.home)}, blank page ${kb(firstLoad.blank)} (+${kb(firstLoad.home - firstLoad.blank)}; at most +${PAGE_LIMITS.firstLoadOverBlankKB} KB, ${PAGE_LIMITS.firstLoadGuardKB} KB in all)`);
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);

if (GATE) {
  const slowHost = isSlowHost(blank);
  if (slowHost) {
    console.warn(
      `\nThis host cannot judge the 2-point criterion: the blank Next.js page itself blocks ${blank['TBT ms'].toFixed(0)} ms (median; over ${PAGE_LIMITS.hostBlankTbtMs} ms, ` +
        `about twice its 79 ms where the gate was calibrated, means a slow or loaded machine). The gap above is reported, not enforced; / fails only more than ` +
        `${PAGE_LIMITS.slowHostPoints} points behind. The JavaScript budget and the 100s are enforced as everywhere (docs/performance.md).`,
    );
  }
  const failures = gateFailures({ blank, home, firstLoad });
  if (failures.length > 0) {
    console.error(`\nThe page gate failed for /:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
    process.exitCode = 1;
  } else if (slowHost) console.log(`\nThe page gate passed on a slow host: / is within ${PAGE_LIMITS.slowHostPoints} points of the blank page (the 2-point verdict needs a host where the blank page blocks at most ${PAGE_LIMITS.hostBlankTbtMs} ms) and within its JavaScript budget.`);
  else console.log(`\nThe page gate passed: / is within ${PAGE_LIMITS.points} points of the blank page and within its JavaScript budget.`);
}
