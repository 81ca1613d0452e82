import { expect, test } from '@playwright/test';
import { baseURL } from '../support/e2e';

test('a prospect asks for a price, watches the reply stream, reloads and sees the history', async ({ page }) => {
  await page.goto(baseURL());
  const input = page.getByTestId('composer-input');
  await expect(input).toBeVisible();

  // Watch it stream: the page itself records the reply's length at every change (a MutationObserver), so the
  // count does not depend on how often a loaded test host gets to sample it.
  await page.evaluate(() => {
    const lengths: number[] = [];
    (window as unknown as { replyLengths: number[] }).replyLengths = lengths;
    new MutationObserver(() => {
      const replies = document.querySelectorAll('[data-testid="message-assistant"]');
      const last = replies[replies.length - 1];
      if (last) lengths.push(last.textContent?.length ?? 0);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await input.fill('How much is the Pro plan?');
  await input.press('Enter');

  await expect(page.getByTestId('message-user')).toHaveText(/How much is the Pro plan\?/);
  const reply = page.getByTestId('message-assistant').last();

  // The price shows while the reply is written; the Stop button goes when it is done.
  await expect(reply).toContainText('$', { timeout: 15_000 });
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 15_000 });
  const lengths = await page.evaluate(() => (window as unknown as { replyLengths: number[] }).replyLengths);
  const distinct = new Set(lengths.filter((length) => length > 0));
  // Written a few words at a time (the offline agent sends a word every 40 ms here), not all at once.
  expect(distinct.size).toBeGreaterThan(2);
  // The reply's own text, without its author line (which carries the time it was received).
  const finalText = (await reply.getByTestId('message-body').textContent()) ?? '';

  await page.reload();
  await expect(page.getByTestId('message-user')).toHaveText(/How much is the Pro plan\?/);
  await expect(page.getByTestId('message-assistant').last().getByTestId('message-body')).toHaveText(finalText);
});

test('the page works on a 360 px wide phone without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(baseURL());
  await expect(page.getByTestId('composer-input')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the CSP nonce lets the app hydrate (no blocked scripts)', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(baseURL());
  await page.getByTestId('suggested-question').first().click();
  await expect(page.getByTestId('message-assistant').first()).not.toBeEmpty();
  expect(violations).toEqual([]);
});

test('typed and sent with Enter before the page’s scripts have run (a slow phone), the question is sent once they have', async ({ page }) => {
  // The page's JavaScript is held back until the question is typed: the box is the server's HTML, not yet React's.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(baseURL(), { waitUntil: 'domcontentloaded' });
  const input = page.getByTestId('composer-input');
  await expect(input).toBeEditable();
  await input.pressSequentially('Is there a free trial?');
  await input.press('Enter');
  release();
  await expect(page.getByTestId('message-user')).toHaveText(/Is there a free trial\?/, { timeout: 20_000 });
  await expect(page.getByTestId('message-assistant').last()).toContainText('14-day', { timeout: 20_000 });
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  await expect(input).toHaveValue('');
});
