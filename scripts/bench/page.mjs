// `npm run bench:page`: Lighthouse mobile (its default config: a mid-range phone, simulated slow 4G and 4× CPU
// slowdown) on a blank Next.js 16 page (the floor app's `/`, same Next.js version) beside this app's `/` and `/embed`,
// measured in one run in the system Chromium. Prints performance, total blocking time, LCP, accessibility, best
// practices and SEO side by side (the median run by performance score of each page).
// Options: --runs=N (Lighthouse runs per page, default 3), --chromium=PATH (default $CHROMIUM_PATH or /usr/bin/chromium).
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureBuild, ensureDependencies, ensureNode22, log } from '../lib/bootstrap.mjs';
import { startNextServer } from '../lib/next-server.mjs';
import { ensureFloorBuild, startFloorServer } from './floor-app.mjs';
import { printTable } from './measure.mjs';

ensureNode22();
ensureDependencies();
ensureBuild();
ensureFloorBuild();

const option = (name, fallback) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(option('runs', '3'));
const CHROMIUM = option('chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
// As in playwright.config.ts (the system Chromium on these machines), headless.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const floor = await startFloorServer();
// The app on its embedded defaults (offline agent, in-memory store), as `npm start` serves it with no configuration.
const app = await startNextServer({ env: { OPENAI_API_KEY: '' } });
const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });

const pages = [
  { name: 'blank Next.js page', url: `${floor.url}/` },
  { name: 'this app: /', url: `${app.url}/` },
  { name: 'this app: /embed', url: `${app.url}/embed` },
];

/** Bytes of JavaScript transferred (compressed) among the page load's network requests. */
const scriptBytes = (items = []) => items.filter((item) => item.resourceType === 'Script').reduce((sum, item) => sum + (item.transferSize ?? 0), 0);

/** One Lighthouse run (mobile, default throttling): the figures we compare. */
async function audit(url) {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse failed on ${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (name) => Math.round((categories[name]?.score ?? NaN) * 100);
  const failing = (name) =>
    (categories[name]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
  return {
    performance: score('performance'),
    'TBT ms': audits['total-blocking-time']?.numericValue ?? NaN,
    'LCP ms': audits['largest-contentful-paint']?.numericValue ?? NaN,
    'FCP ms': audits['first-contentful-paint']?.numericValue ?? NaN,
    'JS KB (transfer)': scriptBytes(audits['network-requests']?.details?.items) / 1024,
    accessibility: score('accessibility'),
    'best practices': score('best-practices'),
    seo: score('seo'),
    failing: [...failing('accessibility'), ...failing('best-practices'), ...failing('seo')].join(' '),
  };
}

const rows = [];
try {
  for (const page of pages) await audit(page.url).catch(() => undefined); // warm each server's caches once
  const runs = new Map(pages.map((page) => [page, []]));
  // Pages take turns run by run, so a slower moment of the machine falls on all of them.
  for (let run = 0; run < RUNS; run++) {
    for (const page of pages) {
      log(`Lighthouse ${run + 1}/${RUNS}: ${page.name}`);
      runs.get(page).push(await audit(page.url));
    }
  }
  for (const page of pages) {
    const sorted = [...runs.get(page)].sort((a, b) => a.performance - b.performance);
    const median = sorted[Math.floor(sorted.length / 2)];
    rows.push({ page: page.name, runs: sorted.length, 'perf range': `${sorted[0].performance}–${sorted.at(-1).performance}`, ...median });
  }
} finally {
  await chrome.kill();
  await Promise.all([floor.stop(), app.stop()]);
}

printTable(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} mobile (default throttling), median run of ${RUNS} by performance; Chromium ${CHROMIUM}`, rows);
const [blank, home, embed] = rows;
for (const row of [home, embed]) {
  console.log(`${row.page}: performance ${row.performance - blank.performance >= 0 ? '+' : ''}${row.performance - blank.performance} vs the blank page (goal ≥ −2), TBT ${(row['TBT ms'] - blank['TBT ms']).toFixed(0)} ms above it (goal ≤ 100 ms)`);
}
