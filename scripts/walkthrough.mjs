// `npm run walkthrough`: records the README's walkthrough video — a scripted visit with captions — into
// docs/walkthrough/: walkthrough.webm (1280×720, VP9), captions.vtt (the same captions with their times) and poster.png.
//
// How: like scripts/screenshots.mjs, a production build (the user's `.next` when it exists, else its own
// `.next-walkthrough`, built if missing or stale; NEXT_DIST_DIR is honoured) served by `next start` on the embedded
// defaults (offline agent, in-memory store), a generated admin account, and examples/ served on another origin as the
// embed's host site (as __tests__/e2e/embed.spec.ts does). The system Chromium (CHROMIUM_PATH) is driven by Playwright,
// which records each scene's video (recordVideo) with the system ffmpeg (installed with apt-get when missing, as
// `npm test` installs chromium); the scenes are then joined and re-encoded small with the same ffmpeg.
//
//   node scripts/walkthrough.mjs --dry-run          lists the scenes and steps and exits (no build, no browser)
//   node scripts/walkthrough.mjs --dry-run --json   the same as JSON (the Jest test reads it)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, symlink } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

const ROOT = process.cwd();
const OUT = path.join(ROOT, 'docs', 'walkthrough');
const WORK = path.join(ROOT, '.tmp', 'walkthrough');
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 360, height: 720 };
const PROSPECT = { name: 'Maria Lopez', company: 'Acme Logistics', email: 'maria.lopez@acme-logistics.example' };

/** The Tuesday of next week, spelled out ("Tuesday 8 December"): never ambiguous (as __tests__/support/e2e-chat.ts). */
function tuesdayNextWeek() {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 7);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(day);
}

// ---------------------------------------------------------------------------------------------------------------
// The script: three scenes (each a browser context with its own video), each a list of captioned steps.
// ---------------------------------------------------------------------------------------------------------------

/** @typedef {{ page: import('@playwright/test').Page, app: string, site: string, admin: { email: string, password: string } }} Ctx */
/** @type {Array<{ id: string, viewport: { width: number, height: number }, sameVisitor?: boolean, steps: Array<{ id: string, caption: string, run: (ctx: Ctx) => Promise<void> }> }>} */
const SCENES = [
  {
    id: 'desktop',
    viewport: DESKTOP,
    steps: [
      {
        id: 'public-page',
        caption: '1 · The public page: plans and prices beside the sales chat',
        async run({ page, app }) {
          await page.goto(app);
          await chatReady(page);
          await pause(page, 2500);
        },
      },
      {
        id: 'pricing',
        caption: '2 · Ask about pricing: the reply streams in, quoted from the catalogue',
        async run({ page }) {
          await say(page, 'How much is the Pro plan for a team of 12?');
          await pause(page, 3000);
        },
      },
      {
        id: 'details',
        caption: '3 · Give your name, company and e-mail: the agent notes them as a lead',
        async run({ page }) {
          await say(page, `I'm ${PROSPECT.name} from ${PROSPECT.company}, we are 25 people.`);
          await pause(page, 800);
          await say(page, `You can reach me at ${PROSPECT.email}.`);
          await pause(page, 2000);
        },
      },
      {
        id: 'booking',
        caption: '4 · Book a demo: the booking card, with a calendar invite to download',
        async run({ page }) {
          await say(page, `Can we book a demo on ${tuesdayNextWeek()} at 10am? My time zone is Europe/Madrid.`);
          const card = page.getByTestId('booking-card').last();
          await card.waitFor({ timeout: 20_000 });
          await card.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
          await pause(page, 1000);
          await page.screenshot({ path: path.join(OUT, 'poster.png') });
          await pause(page, 2500);
        },
      },
      {
        id: 'spanish',
        caption: '5 · Switch the language to Spanish: the page, the chat and the replies',
        async run({ page }) {
          await page.getByTestId('locale-switcher').locator('select').selectOption('es');
          await pause(page, 600);
          await page.getByTestId('locale-switcher').locator('button[type="submit"]').click();
          await page.locator('html[lang="es"]').waitFor({ state: 'attached', timeout: 15_000 });
          await chatReady(page);
          await say(page, '¿Cuánto cuesta el plan Starter?');
          await pause(page, 2500);
        },
      },
      {
        id: 'dark',
        caption: '6 · …and the theme to dark (light, dark or the system’s)',
        async run({ page }) {
          const control = page.getByTestId('theme-control');
          await control.scrollIntoViewIfNeeded();
          await pause(page, 800);
          await control.selectOption('dark');
          await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
          await pause(page, 1200);
          await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
          await pause(page, 2500);
        },
      },
    ],
  },
  {
    id: 'phone',
    viewport: PHONE,
    // The same visitor as on the desktop: their conversation, language and theme.
    sameVisitor: true,
    steps: [
      {
        id: 'phone',
        caption: '7 · On a 360 px phone: the launcher brings the chat one tap away',
        async run({ page, app }) {
          await page.goto(app);
          await chatReady(page);
          await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
          await pause(page, 1500);
          await page.getByTestId('chat-launcher').tap();
          await pause(page, 1500);
          await say(page, '¿Y el plan Business para 40 personas?');
          await pause(page, 2500);
        },
      },
    ],
  },
  {
    id: 'embed-and-admin',
    viewport: DESKTOP,
    steps: [
      {
        id: 'embed',
        caption: '8 · On another site: the embed bubble, one script tag',
        async run({ page, site }) {
          await page.goto(`${site}/bubble.html`);
          const launcher = page.getByRole('button', { name: 'Open the chat' });
          await launcher.waitFor();
          await repaintCaption(page);
          await pause(page, 2000);
          await launcher.click();
          const chat = page.frameLocator('iframe[title="Ava from Northwind"]');
          await chat.getByTestId('composer-input').waitFor({ timeout: 20_000 });
          await pause(page, 1000);
          await say(page, 'Do you offer a free trial?', chat);
          await pause(page, 2500);
        },
      },
      {
        id: 'dashboard',
        caption: '9 · The admin signs in: conversations, leads and meetings on the dashboard',
        async run({ page, app, admin }) {
          await page.goto(`${app}/admin`);
          await page.getByLabel('E-mail').waitFor();
          await repaintCaption(page);
          await page.getByLabel('E-mail').pressSequentially(admin.email, { delay: 25 });
          await page.getByLabel('Password').fill(admin.password);
          await page.getByLabel('Password').press('Enter');
          await page.waitForURL(/\/admin\/?$/, { timeout: 20_000 });
          // Events are recorded just after each reply: the lead is on the dashboard within a reload or two.
          const leads = page.locator('dl > div').filter({ has: page.locator('dt', { hasText: /^Leads$/ }) }).locator('dd').first();
          for (let attempt = 0; attempt < 10 && (await leads.textContent({ timeout: 10_000 }))?.trim() === '0'; attempt += 1) {
            await page.waitForTimeout(1000);
            await page.reload();
            await repaintCaption(page);
          }
          await pause(page, 4000);
        },
      },
      {
        id: 'lead',
        caption: '10 · The new lead, with the sentence each fact came from',
        async run({ page, app }) {
          await page.goto(`${app}/admin/leads`);
          const row = page.getByRole('row').filter({ hasText: /Maria|acme/i }).first();
          await row.waitFor({ timeout: 15_000 });
          await repaintCaption(page);
          await pause(page, 2000);
          await row.getByRole('link').first().click();
          await page.locator('blockquote').first().waitFor({ timeout: 15_000 });
          await repaintCaption(page);
          await pause(page, 4000);
        },
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Helpers used by the steps.
// ---------------------------------------------------------------------------------------------------------------

const CAPTION_ID = 'walkthrough-caption';
/** The caption shown on each page of the current context (kept here so a new page load gets it again). */
const shown = new WeakMap();

/** Shows `text` over the page: a large caption, bottom left on a desktop (clear of the chat), on top on a phone. */
async function showCaption(page, text) {
  shown.set(page, text);
  await repaintCaption(page);
}

async function repaintCaption(page) {
  const text = shown.get(page);
  if (!text) return;
  await page
    .evaluate(
      ({ id, text }) => {
        let element = document.getElementById(id);
        if (!element) {
          element = document.createElement('div');
          element.id = id;
          element.setAttribute('aria-hidden', 'true');
          const phone = window.innerWidth < 600;
          // CSSOM properties, not a style attribute: the app's CSP allows them without 'unsafe-inline'.
          Object.assign(element.style, {
            position: 'fixed',
            zIndex: '2147483647',
            pointerEvents: 'none',
            left: phone ? '8px' : '24px',
            right: phone ? '8px' : 'auto',
            ...(phone ? { top: '8px' } : { bottom: '24px' }),
            maxWidth: phone ? 'none' : '700px',
            padding: phone ? '10px 14px' : '14px 22px',
            borderRadius: '14px',
            background: 'rgba(15, 23, 42, 0.92)',
            color: '#fff',
            font: `600 ${phone ? 19 : 27}px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif`,
            boxShadow: '0 8px 30px rgba(0, 0, 0, 0.35)',
            letterSpacing: '0.01em',
          });
          document.documentElement.appendChild(element);
        }
        element.textContent = text;
      },
      { id: CAPTION_ID, text },
    )
    .catch(() => {});
}

/** Waits the given time (the viewer's reading time), repainting the caption if the page navigated meanwhile. */
async function pause(page, ms) {
  await page.waitForTimeout(ms);
  await repaintCaption(page);
}

async function chatReady(page) {
  await page.getByTestId('chat-panel').and(page.locator('[data-engine="ready"]')).waitFor({ timeout: 20_000 });
  await repaintCaption(page);
}

/** Types a message as a person would, sends it with Enter and waits for the whole reply (in the page or a frame). */
async function say(page, text, scope = page) {
  const input = scope.getByTestId('composer-input');
  await input.click();
  await input.pressSequentially(text, { delay: 18 });
  await input.press('Enter');
  await scope.getByTestId('message-user').last().filter({ hasText: text.slice(0, 20) }).waitFor({ timeout: 15_000 });
  await scope.getByTestId('stop-button').waitFor({ state: 'hidden', timeout: 30_000 });
  await repaintCaption(page);
}

// ---------------------------------------------------------------------------------------------------------------
// --dry-run: the steps, no side effects.
// ---------------------------------------------------------------------------------------------------------------

const args = new Set(process.argv.slice(2));
if (args.has('--dry-run')) {
  const steps = SCENES.flatMap((scene) => scene.steps.map((step) => ({ scene: scene.id, viewport: `${scene.viewport.width}x${scene.viewport.height}`, id: step.id, caption: step.caption })));
  if (args.has('--json')) console.log(JSON.stringify({ scenes: SCENES.map((scene) => scene.id), steps }, null, 2));
  else {
    for (const scene of SCENES) {
      console.log(`scene ${scene.id} (${scene.viewport.width}×${scene.viewport.height})`);
      for (const step of scene.steps) console.log(`  ${step.caption}`);
    }
    console.log(`${steps.length} steps in ${SCENES.length} scenes; output: docs/walkthrough/{walkthrough.webm,captions.vtt,poster.png}`);
  }
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// The recording.
// ---------------------------------------------------------------------------------------------------------------

const { ensureBuild, ensureNode22, ensureSystemPackages, log } = await import('./lib/bootstrap.mjs');
ensureNode22();

/** The build to serve: NEXT_DIST_DIR if set, else the user's `.next` if it exists, else our own dist dir. */
function chooseBuild() {
  if (!process.env.NEXT_DIST_DIR) process.env.NEXT_DIST_DIR = existsSync(path.join(ROOT, '.next', 'BUILD_ID')) ? '.next' : '.next-walkthrough';
  // `next build` rewrites tsconfig.json; put it back as it was.
  // (and its time: a newer tsconfig.json would make the build look stale to the next run).
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const before = readFileSync(tsconfig, 'utf8');
  const { atime, mtime } = statSync(tsconfig);
  try {
    ensureBuild();
  } finally {
    if (readFileSync(tsconfig, 'utf8') !== before) {
      writeFileSync(tsconfig, before);
      utimesSync(tsconfig, atime, mtime);
    }
  }
  log(`Serving the build in ${process.env.NEXT_DIST_DIR}`);
}

/**
 * Playwright records video through an ffmpeg of its own, which cannot be downloaded here: point its browser registry
 * at a folder whose ffmpeg entry is the system's (same command-line interface; VP9 through libvpx).
 */
async function pointPlaywrightAtSystemFfmpeg() {
  ensureSystemPackages([{ command: 'ffmpeg', apt: 'ffmpeg', brew: 'ffmpeg' }]);
  const browsers = JSON.parse(await readFile(path.join(ROOT, 'node_modules', 'playwright-core', 'browsers.json'), 'utf8'));
  const revision = browsers.browsers.find((browser) => browser.name === 'ffmpeg')?.revision;
  const registry = path.join(WORK, 'playwright-registry');
  const target = path.join(registry, `ffmpeg-${revision}`, process.platform === 'darwin' ? 'ffmpeg-mac' : 'ffmpeg-linux');
  await mkdir(path.dirname(target), { recursive: true });
  await rm(target, { force: true });
  const systemFfmpeg = spawnSync('sh', ['-c', 'command -v ffmpeg'], { encoding: 'utf8' }).stdout.trim();
  await symlink(systemFfmpeg, target);
  process.env.PLAYWRIGHT_BROWSERS_PATH = registry;
  return systemFfmpeg;
}

/** Serves examples/ (another site: localhost, not 127.0.0.1), pointing its pages at the app instead of localhost:3000. */
async function serveExamples(appUrl) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  const server = http.createServer(async (request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://x').pathname) || 'bubble.html';
    const type = types[path.extname(name)];
    try {
      if (!type) throw new Error('not served');
      const body = (await readFile(path.join(ROOT, 'examples', name), 'utf8')).replaceAll('http://localhost:3000', appUrl);
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

function vttTime(ms) {
  const total = Math.max(0, Math.round(ms));
  const pad = (value, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}.${pad(total % 1000, 3)}`;
}

function probeDurationMs(ffprobe, file) {
  const result = spawnSync(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  const seconds = Number(result.stdout.trim());
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`could not read the duration of ${file}: ${result.stderr}`);
  return seconds * 1000;
}

chooseBuild();
const ffmpeg = await pointPlaywrightAtSystemFfmpeg();
const ffprobe = path.join(path.dirname(ffmpeg), 'ffprobe');
const { chromium } = await import('@playwright/test');
const { freePort, startNextServer } = await import('./lib/next-server.mjs');
const { hashPassword } = await import('../lib/admin/password.ts');

const admin = { email: 'admin@walkthrough.test', password: randomBytes(18).toString('base64url') };
const appPort = await freePort();
const appUrl = `http://127.0.0.1:${appPort}`;
const site = await serveExamples(appUrl);
const server = await startNextServer({
  port: appPort,
  env: {
    OFFLINE_WORD_DELAY_MS: '30',
    TTS_PROVIDER: 'browser',
    EMBED_ALLOWED_ORIGINS: site.url,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD_HASH: await hashPassword(admin.password, { N: 4096, r: 8, p: 1 }),
    RATE_LIMIT_CHAT: '1000/1m',
    RATE_LIMIT_SESSION: '1000/1m',
  },
});
log(`App on ${server.url} (pid ${server.pid}), example site on ${site.url}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--hide-scrollbars'],
});
await rm(path.join(WORK, 'video'), { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
const cues = [];
const segments = [];
let storageState;
try {
  for (const scene of SCENES) {
    const videoDir = path.join(WORK, 'video', scene.id);
    const context = await browser.newContext({
      viewport: scene.viewport,
      deviceScaleFactor: 1,
      locale: 'en-US',
      colorScheme: 'light',
      ...(scene.viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}),
      recordVideo: { dir: videoDir, size: scene.viewport },
      ...(scene.sameVisitor && storageState ? { storageState } : {}),
    });
    const page = await context.newPage();
    const start = Date.now();
    const times = [];
    for (const step of scene.steps) {
      log(step.caption);
      times.push({ caption: step.caption, at: Date.now() - start });
      await showCaption(page, step.caption);
      await step.run({ page, app: server.url, site: site.url, admin });
    }
    await page.waitForTimeout(500);
    storageState = await context.storageState();
    await context.close();
    const [file] = (await readdir(videoDir)).filter((name) => name.endsWith('.webm'));
    if (!file) throw new Error(`no video was recorded for scene ${scene.id}`);
    segments.push({ file: path.join(videoDir, file), viewport: scene.viewport, times });
  }
} finally {
  await browser.close();
  await server.stop();
  await site.close();
}

// Join the scenes (the phone one centred on a dark 1280×720 stage), 15 frames a second, VP9 at a quality that keeps
// text sharp and the file a few MB; the captions' times follow each scene's offset in the joined video.
let offset = 0;
for (const segment of segments) {
  for (const time of segment.times) cues.push({ start: Math.round(offset + time.at), caption: time.caption });
  offset += probeDurationMs(ffprobe, segment.file);
}
// Back to back: each caption until the next one starts, the last until the end.
cues.forEach((cue, index) => (cue.end = cues[index + 1]?.start ?? Math.round(offset)));
const filters = segments.map((segment, index) => {
  const fit = segment.viewport.width === DESKTOP.width ? '' : `pad=${DESKTOP.width}:${DESKTOP.height}:(ow-iw)/2:(oh-ih)/2:color=0x0f172a,`;
  return `[${index}:v]${fit}scale=${DESKTOP.width}:${DESKTOP.height},setsar=1,fps=15,format=yuv420p[v${index}]`;
});
const joined = `${segments.map((_, index) => `[v${index}]`).join('')}concat=n=${segments.length}:v=1:a=0[out]`;
const output = path.join(OUT, 'walkthrough.webm');
log('Encoding docs/walkthrough/walkthrough.webm');
const encode = spawnSync(ffmpeg, [
  '-y', '-loglevel', 'error',
  ...segments.flatMap((segment) => ['-i', segment.file]),
  '-filter_complex', [...filters, joined].join(';'),
  '-map', '[out]', '-an',
  '-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '44', '-deadline', 'good', '-cpu-used', '4', '-row-mt', '1', '-g', '150',
  '-metadata', 'title=AI sales agent: walkthrough',
  output,
], { stdio: 'inherit' });
if (encode.status !== 0) throw new Error(`ffmpeg exited with ${encode.status}`);

const vtt = ['WEBVTT', '', ...cues.flatMap((cue, index) => [String(index + 1), `${vttTime(cue.start)} --> ${vttTime(cue.end)}`, cue.caption, ''])].join('\n');
writeFileSync(path.join(OUT, 'captions.vtt'), vtt);
const { size } = await stat(output);
log(`docs/walkthrough/walkthrough.webm: ${(probeDurationMs(ffprobe, output) / 1000).toFixed(1)} s, ${(size / 1024 / 1024).toFixed(2)} MB`);
log('docs/walkthrough/captions.vtt, docs/walkthrough/poster.png');
