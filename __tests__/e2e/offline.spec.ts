import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../support/e2e';

/** Every CSP violation the page reports, from before its first script runs (the list survives reloads per page). */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

/** Opens the home page and waits until the chat has loaded and the service worker controls the page. */
async function visitOnline(page: Page) {
  await page.goto(baseURL());
  await expect(page.getByTestId('composer-input')).toBeEnabled({ timeout: 15_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('the service worker script is served fresh, for the whole site, and the page CSP allows it', async ({ request }) => {
  const worker = await request.get(`${baseURL()}/serwist/sw.js`);
  expect(worker.status()).toBe(200);
  expect(worker.headers()['content-type']).toMatch(/javascript/);
  expect(worker.headers()['cache-control']).toMatch(/no-cache/);
  expect(worker.headers()['service-worker-allowed']).toBe('/');
  const page = await request.get(baseURL());
  expect(page.headers()['content-security-policy']).toContain("worker-src 'self'");
});

test('after one online visit the page opens offline, from the cache, and hydrates without CSP violations', async ({ page, context }) => {
  const violations = await recordCspViolations(page);
  await visitOnline(page);

  await context.setOffline(true);
  // The worker itself is cut off too, so whatever loads next comes from its caches.
  const [worker] = context.serviceWorkers();
  expect(worker).toBeDefined();
  expect(await worker!.evaluate(() => fetch('/api/v1/health').then(() => 'online', () => 'offline'))).toBe('offline');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#chat')).toBeVisible();
  // The whole style sheet came from the cache too (the home page links it after the hero: scripts/build-css.mjs): the
  // plans below the fold are laid out as cards, not as a bare list.
  await expect(page.locator('#plans ul').first()).toHaveCSS('display', 'grid');
  await expect(page.getByTestId('plan-cta').first()).toHaveCSS('border-top-left-radius', /^[1-9]/);
  // The composer is enabled once the lazily loaded chat chunk has run: the JavaScript came from the cache and hydrated.
  await expect(page.getByTestId('composer-input')).toBeEnabled({ timeout: 15_000 });
  // The page's scripts carry the nonce of the cached response's CSP header (checked by the absence of violations).
  expect(violations).toEqual([]);

  await context.setOffline(false);
});

test('a new service worker waits for the prospect, who is offered a reload into the new version', async ({ page }) => {
  await visitOnline(page);
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(firstWorker).toMatch(/\/serwist\/sw\.js$/);

  // A deploy, simulated with a new script URL for the same registration (the build serves the same file for it; route
  // interception does not reach the browser's fetch of a worker script). Pages loaded from now on register that URL.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (url, options) {
      return register.call(this, `${String(url)}?version=2`, options);
    };
  });
  await page.evaluate(() => navigator.serviceWorker.register('/serwist/sw.js?version=2', { scope: '/' }));

  const prompt = page.getByRole('status').filter({ hasText: 'A new version of this page is available.' });
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  // Until the prospect agrees, the old version keeps running the page.
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);

  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByTestId('composer-input')).toBeEnabled({ timeout: 15_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\?version=2$/);
  // The reloaded page runs the new version: nothing is waiting any more, so no prompt.
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.waiting ?? null))).toBeNull();
  await expect(page.getByTestId('update-prompt')).toBeHidden();
});

test('"Not now" puts the prompt away; the new version waits for the next visit', async ({ page }) => {
  await visitOnline(page);
  await page.evaluate(() => navigator.serviceWorker.register('/serwist/sw.js?version=2', { scope: '/' }));
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  await prompt.getByRole('button', { name: 'Not now' }).click();
  await expect(prompt).toBeHidden();
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.waiting?.state))).toBe('installed');
});

/** The /_next/static chunk files a page has loaded so far (their names). */
const loadedChunks = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).flatMap((url) => /\/_next\/static\/chunks\/([\w.-]+)$/.exec(new URL(url).pathname)?.[1] ?? []));

test('the worker precaches what the public pages load, and none of what only the admin loads', async ({ page, context }) => {
  await visitOnline(page);
  // The chat, opened and used: its lazily loaded chunks are part of what must work offline.
  await page.getByTestId('composer-input').fill('How much is Pro for 8 people?');
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.getByTestId('message-assistant').last()).toContainText('$', { timeout: 20_000 });
  const home = await loadedChunks(page);
  const precached = await page.evaluate(async () => {
    const names = await caches.keys();
    const precache = names.find((name) => name.startsWith('serwist-precache'));
    if (!precache) return [];
    const requests = await (await caches.open(precache)).keys();
    return requests.flatMap((request) => /\/_next\/static\/chunks\/([\w.-]+)$/.exec(new URL(request.url).pathname)?.[1] ?? []);
  });
  expect(home.length).toBeGreaterThan(3);
  expect(home.filter((chunk) => !precached.includes(chunk))).toEqual([]);

  const embed = await context.newPage();
  await embed.goto(`${baseURL()}/embed?mode=inline`);
  await expect(embed.getByTestId('composer-input')).toBeEnabled({ timeout: 15_000 });
  const embedChunks = await loadedChunks(embed);
  expect(embedChunks.filter((chunk) => !precached.includes(chunk))).toEqual([]);

  const admin = await context.newPage();
  await admin.goto(`${baseURL()}/admin/sign-in`);
  await expect(admin.getByRole('button').first()).toBeVisible();
  await admin.waitForLoadState('load');
  const adminOnly = (await loadedChunks(admin)).filter((chunk) => !home.includes(chunk) && !embedChunks.includes(chunk));
  expect(adminOnly.length).toBeGreaterThan(0);
  expect(adminOnly.filter((chunk) => precached.includes(chunk))).toEqual([]);
});
