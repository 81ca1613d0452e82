// The home page's JavaScript budget, checked after `next build` (npm run build), gzipped (level 9) file by file:
// - first load: every <script src> in the HTML that a modern browser runs (noModule polyfills excluded). At most
//   PAGE_LIMITS.firstLoadOverBlankKB (10 KB) above a blank Next.js page of the same version (issue 12), and under the
//   absolute GUARD_KB. The blank page is measured in the same run when the bench's floor app is built
//   (scripts/bench/floor-app.mjs, `npm run bench` or `npm run bench:page` build it); otherwise BLANK_FIRST_LOAD_KB,
//   measured from that same floor app with this script's method, stands in (and the output says so).
// - the chat chunk(s): the JavaScript the page loads after its first load until the chat engine has rendered (loaded
//   on idle or on the first interaction), in the system Chromium: under CHAT_CHUNK_KB. Parts loaded only when used
//   (the debug panel, transcript download, erase, the confirm dialog) are their own chunks and not counted.
// It also fails when the home page loads the admin dashboard's chart library (Recharts), which belongs to /admin only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { floorAppDir, startFloorServer } from './bench/floor-app.mjs';
import { PAGE_LIMITS, firstLoadScriptSources } from './bench/page-gate.mjs';
import { reportEmbedLoader } from './embed-size.mjs';
import { startNextServer } from './lib/next-server.mjs';

/** First-load JavaScript of bench/floor-app's blank page (Next 16.4.6, 5 files), measured 2026-11-30 by this script. */
const BLANK_FIRST_LOAD_KB = 131.4;
const GUARD_KB = PAGE_LIMITS.firstLoadGuardKB;
const OVER_BLANK_KB = PAGE_LIMITS.firstLoadOverBlankKB;
const CHAT_CHUNK_KB = 60;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const kb = (bytes) => (bytes / 1024).toFixed(1);
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
/** A class name only Recharts' code carries. */
const hasRecharts = (buffer) => buffer.includes('recharts-wrapper');

/** The first-load scripts of `url`: each file's gzipped size, and whether any is Recharts. */
async function measureInitial(url) {
  const html = await (await fetch(url)).text();
  const files = [];
  let recharts = false;
  for (const src of firstLoadScriptSources(html)) {
    const absolute = new URL(src, url).href;
    const body = Buffer.from(await (await fetch(absolute)).arrayBuffer());
    files.push({ url: absolute, gzipped: gz(body) });
    recharts ||= hasRecharts(body);
  }
  return { files, gzipped: files.reduce((sum, file) => sum + file.gzipped, 0), recharts };
}

/** The blank page's first load: measured now when the floor app is built, else the recorded figure. */
async function measureBlank() {
  if (!existsSync(path.join(floorAppDir(), '.next', 'BUILD_ID'))) return { gzipped: BLANK_FIRST_LOAD_KB * 1024, measured: false };
  const floor = await startFloorServer({ dir: floorAppDir() });
  try {
    return { gzipped: (await measureInitial(`${floor.url}/`)).gzipped, measured: true };
  } finally {
    await floor.stop();
  }
}

/** What the browser loads beyond the first load until the chat engine has rendered: the chat chunk(s). */
async function measureChatChunks(url, initialUrls) {
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
      if (!/\.js(\?|$)/.test(response.url()) || initialUrls.has(response.url())) return;
      bodies.push(response.body().then((body) => ({ url: response.url(), gzipped: gz(body), recharts: hasRecharts(body) }), () => ({ url: response.url(), gzipped: 0, recharts: false })));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator('[data-testid="chat-panel"][data-engine="ready"]').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const files = await Promise.all(bodies);
    return { files, gzipped: files.reduce((sum, file) => sum + file.gzipped, 0), recharts: files.some((file) => file.recharts) };
  } finally {
    await browser.close();
  }
}

const name = (file) => new URL(file.url).pathname.split('/').pop();
const server = await startNextServer({ env: {} });
let initial;
let chat;
try {
  initial = await measureInitial(`${server.url}/`);
  chat = await measureChatChunks(`${server.url}/`, new Set(initial.files.map((file) => file.url)));
} finally {
  await server.stop();
}
const blank = await measureBlank();
const over = initial.gzipped - blank.gzipped;

console.log('\nHome page JavaScript (gzipped):');
console.log(`  first load:  ${kb(initial.gzipped)} KB in ${initial.files.length} files (${initial.files.map((file) => `${name(file)} ${kb(file.gzipped)}`).join(', ')})`);
console.log(`  blank Next.js page: ${kb(blank.gzipped)} KB ${blank.measured ? '(bench/floor-app, measured now)' : `(recorded figure: build bench/floor-app with npm run bench:page to measure it in the same run)`}`);
console.log(`  first load above the blank page: ${kb(over)} KB (at most ${OVER_BLANK_KB} KB); absolute guard ${GUARD_KB} KB`);
if (chat) {
  console.log(`  chat chunk(s), loaded when the chat is reached for, on screen, has a history, or 5 s after load: ${kb(chat.gzipped)} KB in ${chat.files.length} files (${chat.files.map((file) => `${name(file)} ${kb(file.gzipped)}`).join(', ')}); budget ${CHAT_CHUNK_KB} KB`);
} else {
  console.log(`  chat chunk(s): not measured (no Chromium at ${CHROMIUM})`);
}

if (initial.recharts || chat?.recharts) {
  console.error('The home page loads Recharts: the dashboard chart must stay a lazy import under /admin (components/admin/dashboard).');
  process.exitCode = 1;
}
if (over > OVER_BLANK_KB * 1024) {
  console.error(`The first-load JavaScript is ${kb(over - OVER_BLANK_KB * 1024)} KB over its budget (the blank page + ${OVER_BLANK_KB} KB).`);
  process.exitCode = 1;
}
if (initial.gzipped > GUARD_KB * 1024) {
  console.error(`The first-load JavaScript is ${kb(initial.gzipped - GUARD_KB * 1024)} KB over the ${GUARD_KB} KB guard.`);
  process.exitCode = 1;
}
if (chat && chat.gzipped >= CHAT_CHUNK_KB * 1024) {
  console.error(`The chat chunk is ${kb(chat.gzipped)} KB, not under ${CHAT_CHUNK_KB} KB: keep the AI SDK runtime, zod and big renderers out of the browser (docs/performance.md, "Chat chunk").`);
  process.exitCode = 1;
}
// The embed loader's own budget (4 KB gzipped): scripts/embed-size.mjs.
reportEmbedLoader();
