import { expect, test } from '@playwright/test';
import { baseURL } from '../support/e2e';

/**
 * The public page as a new prospect sees it (issue 11): a message box that fits a 360 px phone, a launcher one tap
 * from the chat, no failed request on a first visit, plan cards that start the right conversation, a confirmed and
 * announced "New conversation", and the theme switch remembered without a flash.
 */
const url = (path: string) => new URL(path, baseURL()).toString();

test('on a 360 px phone the message box is wide and its placeholder whole; the launcher brings the chat and steps aside', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url('/'));
  // Below the hero on a phone, the chat's engine loads once the chat is scrolled into view (or reached for).
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'loading');
  await page.getByTestId('chat-panel').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
  const input = page.getByTestId('composer-input');
  const box = await input.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(260);
  // The placeholder fits on its line: measured with the box's own font.
  const fits = await input.evaluate((element) => {
    const textarea = element as HTMLTextAreaElement;
    const style = getComputedStyle(textarea);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room = textarea.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(textarea.placeholder).width <= room;
  });
  expect(fits).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.evaluate(() => window.scrollTo(0, 0));
  const launcher = page.getByTestId('chat-launcher');
  await expect(launcher).toBeVisible();
  await launcher.click();
  await expect(page.getByTestId('chat-panel')).toBeInViewport();
  await expect(launcher).toBeHidden();
});

test('a first visit and a first message fail no request (no favicon or history 404)', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(url('/'));
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
  const favicon = await page.request.get(url('/favicon.ico'));
  expect(favicon.status()).toBe(200);
  await page.getByTestId('composer-input').fill('Hello!');
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  expect(failed).toEqual([]);
});

test('on a phone the chat engine waits below the hero, yet a question typed at once is sent and answered; a plan asks too', async ({ page }) => {
  // The engine loads when the chat is reached for or scrolled to (chat-panel-view.tsx); the shell takes typing meanwhile.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url('/'));
  const input = page.getByTestId('composer-input');
  await input.click();
  await input.pressSequentially('How much is the Pro plan?');
  await input.press('Enter');
  await expect(page.getByTestId('message-user').first()).toHaveText(/How much is the Pro plan\?/, { timeout: 15_000 });
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('message-assistant').last()).toContainText('Pro');
  await expect(input).toHaveValue('');

  // A new visit, straight to a plan's button, before anything else on the page was touched.
  await page.context().clearCookies();
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(url('/'));
  await page.getByRole('link', { name: 'Ask about Business' }).click();
  await expect(page.getByTestId('message-user').last()).toContainText('Tell me about the Business plan', { timeout: 15_000 });
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('chat-panel')).toBeInViewport();
});

test("a plan's call to action asks about that plan", async ({ page }) => {
  await page.goto(url('/'));
  const pro = page.getByRole('link', { name: 'Ask about Pro' });
  await expect(pro).toBeVisible();
  await pro.click();
  await expect(page.getByTestId('message-user').last()).toContainText('Tell me about the Pro plan');
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('message-assistant').last()).toContainText('Pro');
  await expect(page.getByTestId('composer-input')).toBeFocused();
});

test('"New conversation" is disabled when empty, asks first, and announces the new conversation', async ({ page }) => {
  await page.goto(url('/'));
  await expect(page.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
  const button = page.getByTestId('new-conversation');
  await expect(button).toBeDisabled();
  await page.getByTestId('composer-input').fill('Do you offer a free trial?');
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout: 20_000 });
  await expect(button).toBeEnabled();

  await button.click();
  const dialog = page.getByRole('alertdialog', { name: 'Start a new conversation?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  await button.click();
  await dialog.getByRole('button', { name: 'Start new' }).click();
  await expect(page.getByTestId('message-user')).toHaveCount(0);
  await expect(page.getByTestId('chat-announcement')).toHaveText('New conversation started.');
  await expect(button).toBeDisabled();
  await expect(page.getByTestId('composer-input')).toBeFocused();
});

test('the theme switch applies at once and is remembered, rendered by the server (no flash of the wrong theme)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url('/'));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(248, 250, 252)');
  const html = await (await page.request.get(url('/'))).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  // "System" follows the device.
  await page.getByLabel('Theme').selectOption('system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
