import { expect, test, type Page } from '@playwright/test';
import { baseURL } from '../support/e2e';

interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
}

/** Records every CSP violation (from before the first script runs) and every console error and failed request. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __cspViolations: unknown[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.violatedDirective, blockedURI: event.blockedURI, sourceFile: event.sourceFile, line: event.lineNumber });
    });
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return {
    consoleErrors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations),
  };
}

test('the home page loads, lazy-loads the chat and answers a message with no CSP violation and no console error', async ({ page }) => {
  const watched = await watch(page);
  const response = await page.goto(baseURL());
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toMatch(/script-src [^;]*'nonce-/);
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval');

  // The chat chunk (the AI SDK, zod) loads once the page is idle; the composer is enabled when it has.
  const input = page.getByTestId('composer-input');
  await expect(input).toBeEnabled({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');

  await input.fill('How much is the Pro plan?');
  await input.press('Enter');
  const reply = page.getByTestId('message-assistant').last();
  await expect(reply).toContainText('$', { timeout: 15_000 });
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 15_000 });

  expect(await watched.violations()).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
});

test('the favicon resolves (a missing one is a console error on every page)', async ({ page }) => {
  const favicon = await page.request.get(`${baseURL()}/favicon.ico`);
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/image\//);
  const watched = await watch(page);
  await page.goto(baseURL());
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href', { timeout: 5_000 });
  expect(icon).toBeTruthy();
  expect((await page.request.get(new URL(icon ?? '', baseURL()).href)).status()).toBe(200);
  expect(watched.consoleErrors).toEqual([]);
});
