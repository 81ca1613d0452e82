// Prints the JavaScript the home page ships, gzipped (level 9), after `next build` (npm run build):
// - initial: every <script src> in the HTML that a modern browser runs (noModule polyfills excluded);
// - after idle: everything the page has loaded once the browser is idle (the chat engine is loaded lazily on idle or
//   on first interaction), measured in the system Chromium when it is installed.
// The goal is 120 KB, but Next 16's App Router runtime with React 19 is ~131 KB gzipped on a blank page by itself (measured here),
// so the build fails only when the initial JavaScript grows past GUARD_KB (a regression guard, not the goal).
// It also fails when the home page loads the admin dashboard's chart library (Recharts), which belongs to /admin only.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startNextServer } from './lib/next-server.mjs';
import { reportEmbedLoader } from './embed-size.mjs';

const GOAL_KB = 120;
const GUARD_KB = 145;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const kb = (bytes) => (bytes / 1024).toFixed(1);
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
/** A class name only Recharts' code carries. */
const hasRecharts = (buffer) => buffer.includes('recharts-wrapper');

async function measureInitial(url) {
  const html = await (await fetch(`${url}/`)).text();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((match) => !/\bnoModule\b/i.test(match[0]));
  const sources = [...new Set(tags.map((match) => match[1]))];
  let total = 0;
  let recharts = false;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    total += gz(body);
    recharts ||= hasRecharts(body);
  }
  return { files: sources.length, gzipped: total, recharts };
}

async function measureAfterIdle(url) {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const bodies = [];
    page.on('response', (response) => {
      if (/\.js(\?|$)/.test(response.url())) bodies.push(response.body().then((body) => ({ size: gz(body), recharts: hasRecharts(body) }), () => ({ size: 0, recharts: false })));
    });
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(bodies);
    return { files: loaded.length, gzipped: loaded.reduce((sum, { size }) => sum + size, 0), recharts: loaded.some((file) => file.recharts) };
  } finally {
    await browser.close();
  }
}

const server = await startNextServer({ env: {} });
try {
  const initial = await measureInitial(server.url);
  const idle = await measureAfterIdle(server.url);
  console.log('\nHome page JavaScript (gzipped):');
  console.log(`  initial (before any interaction): ${kb(initial.gzipped)} KB in ${initial.files} files`);
  console.log(idle ? `  after idle (chat engine loaded):  ${kb(idle.gzipped)} KB in ${idle.files} files` : '  after idle: not measured (no Chromium at ' + CHROMIUM + ')');
  console.log(`  goal ${GOAL_KB} KB; a blank Next 16 page alone is 131 KB; build fails above ${GUARD_KB} KB initial`);
  if (initial.recharts || idle?.recharts) {
    console.error('The home page loads Recharts: the dashboard chart must stay a lazy import under /admin (components/admin/dashboard).');
    process.exitCode = 1;
  }
  if (initial.gzipped / 1024 > GUARD_KB) {
    console.error(`The initial JavaScript is ${kb(initial.gzipped - GUARD_KB * 1024)} KB over the ${GUARD_KB} KB guard.`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
}
// The embed loader's own budget (4 KB gzipped): scripts/embed-size.mjs.
reportEmbedLoader();
