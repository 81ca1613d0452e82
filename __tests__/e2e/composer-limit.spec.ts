import { expect, test } from '@playwright/test';
import { baseURL } from '../support/e2e';

// The paste: 5,265 characters against the server's default limit (CHAT_MAX_MESSAGE_CHARS = 4,000).
const PASTE = 'Our team of 25 needs a CRM that syncs with Jira. '.repeat(108).slice(0, 5_265);

test('a 5,265-character paste stays whole, Send is disabled and the count says by how much it is over', async ({ page }) => {
  const chatPosts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/chat') chatPosts.push(request.url());
  });
  await page.goto(baseURL());
  const input = page.getByTestId('composer-input');
  await expect(input).toBeEnabled();

  await input.focus();
  // insertText is what a paste does to the field: a maxlength attribute would cut it here, silently.
  await page.keyboard.insertText(PASTE);

  await expect(input).toHaveValue(PASTE);
  await expect(page.getByTestId('send-button')).toBeDisabled();
  await expect(page.getByTestId('composer-count')).toContainText('5,265 / 4,000');
  await expect(page.getByRole('status').filter({ hasText: 'characters over' })).toHaveText(
    'Your message is 1,265 characters over the 4,000-character limit. Shorten it to send; nothing has been cut.',
  );
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  await input.press('Enter');
  await expect(input).toHaveValue(PASTE);
  expect(chatPosts).toEqual([]);

  // Shortened to the limit, it sends whole.
  await input.fill(PASTE.slice(0, 4_000));
  await expect(page.getByTestId('send-button')).toBeEnabled();
  await input.press('Enter');
  await expect(page.getByTestId('message-user')).toContainText(PASTE.slice(0, 4_000).trim());
  // Shown from the outbox at once; the request follows (after the chat engine, if the paste beat it to the page).
  await expect.poll(() => chatPosts.length).toBe(1);
});
