// npm run screenshots: the public page at 360, 768 and 1280 px, light and dark, with a short conversation in the chat,
// plus the embed on a phone; written to docs/screenshots/ and the 1280 px light one to docs/screenshot.png (the
// README's). Runs against a production build (`npm run build` first; NEXT_DIST_DIR is honoured) with the offline agent
// and the in-memory store, in the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { mkdir, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startNextServer } from './lib/next-server.mjs';

const OUT = path.join(process.cwd(), 'docs', 'screenshots');
const QUESTION = 'How much is the Pro plan for a team of 12?';
const VIEWPORTS = [
  { name: '360', width: 360, height: 780 },
  { name: '768', width: 768, height: 1024 },
  { name: '1280', width: 1280, height: 800 },
];
const THEMES = ['light', 'dark'];

/** One visitor's visit: the chosen theme, one question answered, the chat in view. */
async function shoot(browser, baseUrl, viewport, theme) {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: 1, locale: 'en-US', reducedMotion: 'reduce', colorScheme: theme });
  await context.addCookies([{ name: 'sa-theme', value: theme, url: baseUrl }]);
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByTestId('chat-panel').and(page.locator('[data-engine="ready"]')).waitFor({ timeout: 20_000 });
  const input = page.getByTestId('composer-input');
  await input.fill(QUESTION);
  await input.press('Enter');
  await page.getByTestId('reply-actions').last().waitFor({ timeout: 30_000 });
  await input.blur();
  // Phones and tablets: the chat is below the hero; show it, as a visitor who tapped "Chat with sales" sees it.
  if (viewport.width < 1024) await page.locator('#chat').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  const file = path.join(OUT, `home-${viewport.name}-${theme}.png`);
  await page.screenshot({ path: file });
  await context.close();
  return file;
}

async function shootEmbed(browser, baseUrl, theme) {
  const context = await browser.newContext({ viewport: { width: 380, height: 640 }, deviceScaleFactor: 1, locale: 'en-US', reducedMotion: 'reduce' });
  const page = await context.newPage();
  // In a frame on the app's own origin, as a host page frames it: /embed opened on its own shows the app's wording, not
  // the name and greeting from its URL (lib/embed/origins.ts, hostWordingAllowed).
  await page.goto(`${baseUrl}/api/v1/health`);
  const src = `${baseUrl}/embed?mode=inline&theme=${theme}&name=Ava&color=%23e11d48&greeting=${encodeURIComponent('Hi, I am Ava. Ask me anything about our plans.')}`;
  await page.evaluate((url) => {
    document.body.innerHTML = '';
    document.body.style.margin = '0';
    const frame = document.createElement('iframe');
    frame.title = 'Ava';
    frame.src = url;
    frame.style.cssText = 'border:0;display:block;width:100vw;height:100vh';
    document.body.append(frame);
  }, src);
  const chat = page.frameLocator('iframe');
  await chat.getByTestId('chat-panel').and(chat.locator('[data-engine="ready"]')).waitFor({ timeout: 20_000 });
  await chat.getByText('Hi, I am Ava.', { exact: false }).waitFor({ timeout: 5_000 });
  const file = path.join(OUT, `embed-${theme}.png`);
  await page.screenshot({ path: file });
  await context.close();
  return file;
}

const server = await startNextServer({ env: { OFFLINE_WORD_DELAY_MS: '0', RATE_LIMIT_CHAT: '1000/1m', RATE_LIMIT_SESSION: '1000/1m' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--hide-scrollbars'],
});
try {
  await mkdir(OUT, { recursive: true });
  for (const theme of THEMES) {
    for (const viewport of VIEWPORTS) console.log(path.relative(process.cwd(), await shoot(browser, server.url, viewport, theme)));
    console.log(path.relative(process.cwd(), await shootEmbed(browser, server.url, theme)));
  }
  await copyFile(path.join(OUT, 'home-1280-light.png'), path.join(process.cwd(), 'docs', 'screenshot.png'));
  console.log('docs/screenshot.png (= home-1280-light.png)');
} finally {
  await browser.close();
  await server.stop();
}
