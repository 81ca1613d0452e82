import { expect, test, type Browser, type Page } from '@playwright/test';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startRedis } from '../support/redis';
import { baseURL } from '../support/e2e';

// "Never lose a word": the browser half against next start and real Redis (the offline agent streams a word every 40 ms).

// A long answer (~105 words, ~4 s at 40 ms a word): a loaded host must still find it mid-reply (a 45-word one was over first).
const QUESTION = 'How do you compare with Asana?';

interface StoredMessage {
  id: string;
  role: string;
  parts: Array<{ type: string; text?: string }>;
  metadata?: { status?: string };
}

/** The stored history, asked with the page's own visitor session. */
async function storedHistory(page: Page): Promise<StoredMessage[]> {
  return page.evaluate(async () => {
    const id = localStorage.getItem('sales-agent:conversation-id');
    const session = JSON.parse(localStorage.getItem('sales-agent:session') ?? '{}') as { token?: string };
    const response = await fetch(`/api/v1/chat/${id}`, { headers: { authorization: `Bearer ${session.token}` } });
    if (!response.ok) return [];
    return ((await response.json()) as { messages: StoredMessage[] }).messages;
  });
}

const textOf = (message: StoredMessage) => message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

async function openChat(page: Page, url = baseURL()) {
  await page.goto(url);
  await page.getByTestId('composer-input').click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
}

async function ask(page: Page, text: string) {
  const input = page.getByTestId('composer-input');
  await expect(input).toBeEnabled();
  await input.fill(text);
  await input.press('Enter');
}

/** Waits until the streaming reply shows at least `words` words (so the cut lands mid-reply). */
async function midReply(page: Page, words = 5) {
  await expect
    .poll(async () => ((await page.getByTestId('message-assistant').last().textContent().catch(() => '')) ?? '').split(/\s+/).length, { timeout: 10_000, intervals: [20] })
    .toBeGreaterThanOrEqual(words);
  await expect(page.getByTestId('stop-button')).toBeVisible();
}

async function replyDone(page: Page, timeout = 30_000) {
  await expect(page.getByTestId('stop-button')).toBeHidden({ timeout });
  // The reply's own text, without its author line (which carries the time it was received).
  return (await page.getByTestId('message-assistant').last().getByTestId('message-body').textContent()) ?? '';
}

/** The reply to QUESTION in a fresh conversation, uninterrupted: what every interrupted run must end up showing. */
async function referenceReply(browser: Browser, url = baseURL()): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openChat(page, url);
  await ask(page, QUESTION);
  const text = await replyDone(page);
  await context.close();
  expect(text.length).toBeGreaterThan(60);
  return text;
}

test.describe.configure({ timeout: 90_000 });

test('cutting the network mid-reply and restoring it completes the reply exactly once, as if uninterrupted', async ({ browser, page, context }) => {
  const reference = await referenceReply(browser);
  await openChat(page);
  await ask(page, QUESTION);
  await midReply(page);

  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline');
  await page.waitForTimeout(800);
  await context.setOffline(false);

  const text = await replyDone(page);
  expect(text).toBe(reference);
  await expect(page.getByTestId('message-assistant')).toHaveCount(1);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('chat-error')).toHaveCount(0);
  const stored = await storedHistory(page);
  expect(stored.map((message) => message.role)).toEqual(['user', 'assistant']);
});

test('reloading mid-reply resumes the reply where it was', async ({ browser, page }) => {
  const reference = await referenceReply(browser);
  await openChat(page);
  await ask(page, QUESTION);
  await midReply(page);

  await page.reload();
  await expect(page.getByTestId('message-user')).toHaveCount(1);
  await expect(page.getByTestId('message-user')).toContainText(QUESTION);
  // Not replyDone() alone: right after the reload the resume may not have started yet, so "no Stop button" can be true
  // before the first resumed word (and the text read then would be the first words only). The whole reply first.
  await expect(page.getByTestId('message-assistant').last().getByTestId('message-body')).toHaveText(reference, { timeout: 30_000 });
  const text = await replyDone(page);
  expect(text).toBe(reference);
  await expect(page.getByTestId('message-assistant')).toHaveCount(1);
  await expect(page.getByTestId('chat-error')).toHaveCount(0);
  await expect.poll(async () => (await storedHistory(page)).map((message) => message.role)).toEqual(['user', 'assistant']);
});

test('messages written while the server is unreachable survive a reload and go out in order, once each', async ({ page, context }) => {
  await openChat(page);
  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline');
  for (const text of ['First: what plans do you have?', 'Second: is there a free trial?', 'Third: do you support SSO?']) await ask(page, text);
  await expect(page.getByTestId('message-queued')).toHaveCount(3);
  await expect(page.getByTestId('connection-status')).toContainText('3 messages waiting to send');

  // The page itself must load for the reload; the chat API stays unreachable until we let it through.
  const unreachable = (route: import('@playwright/test').Route) => route.abort('internetdisconnected');
  await page.route('**/api/v1/chat**', unreachable);
  await page.route('**/api/v1/health', unreachable);
  await context.setOffline(false);
  await page.reload();
  await page.getByTestId('composer-input').click();
  await expect(page.getByTestId('message-queued')).toHaveCount(3);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', /reconnecting|offline/, { timeout: 10_000 });

  await page.unroute('**/api/v1/chat**', unreachable);
  await page.unroute('**/api/v1/health', unreachable);
  // "Retry now" if it is still offered; the client may have reconnected on its own already, and then the button is gone
  // (a Playwright click would wait for it until the test's timeout: 86 s in one CI run). A DOM click does not wait.
  await page.evaluate(() => (document.querySelector('[data-testid="connection-retry"]') as HTMLButtonElement | null)?.click());
  await expect(page.getByTestId('message-assistant')).toHaveCount(3, { timeout: 45_000 });
  await replyDone(page);
  await expect(page.getByTestId('message-queued')).toHaveCount(0);

  const stored = await storedHistory(page);
  const users = stored.filter((message) => message.role === 'user');
  expect(users.map(textOf)).toEqual(['First: what plans do you have?', 'Second: is there a free trial?', 'Third: do you support SSO?']);
  expect(new Set(users.map((message) => message.id)).size).toBe(3);
  expect(stored.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
});

test('a server restart mid-reply shows the failure, and one retry produces one complete reply', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const redis = await startRedis();
  const env = {
    UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    OFFLINE_WORD_DELAY_MS: '40',
    STORE_KEY_PREFIX: 'e2e-restart:',
    SESSION_SECRET: 'e2e-restart-secret-0123456789abcdef0123456789abcdef',
    RATE_LIMIT_CHAT: '1000/1m',
    RATE_LIMIT_SESSION: '1000/1m',
  };
  let server = await startNextServer({ env });
  try {
    const reference = await referenceReply(browser, server.url);
    await openChat(page, server.url);
    await ask(page, QUESTION);
    await midReply(page);

    // A crash, not a graceful stop (which would let the reply finish): the producer dies with the process.
    if (server.pid) process.kill(server.pid, 'SIGKILL');
    await server.stop();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'reconnecting', { timeout: 10_000 });
    server = await startNextServer({ env, port: server.port });

    await expect(page.getByTestId('chat-error')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('chat-error').getByRole('button').click();
    await expect(page.getByTestId('chat-error')).toHaveCount(0);
    await expect(page.getByTestId('message-assistant').last().getByTestId('message-body')).toHaveText(reference, { timeout: 30_000 });
    await replyDone(page);
    await expect(page.getByTestId('message-assistant')).toHaveCount(1);
    await expect(page.getByTestId('message-user')).toHaveCount(1);
    await expect.poll(async () => (await storedHistory(page)).map((message) => message.role)).toEqual(['user', 'assistant']);
  } finally {
    await server.stop();
    await redis.stop();
  }
});
