import { expect, test, type Page } from '@playwright/test';
import { hashPassword } from '../../lib/admin/password';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { say, tuesdayNextWeek } from '../support/e2e-chat';
import { startRedis, type RedisHarness } from '../support/redis';

/**
 * Issue 10's journey, as an admin and a prospect would live it, over the production build on real Redis: a prospect
 * (one browser context) gives their details and books a demo; the admin (another context) signs in and finds the
 * conversation on the dashboard (counts, funnel, latency), the lead with its evidence, and the e-mail in the CSV export.
 */
type Server = Awaited<ReturnType<typeof startNextServer>>;
const ADMIN = { email: 'owner@journey.test', password: 'journey admin password 1' };
const EMAIL = 'maria.lopez@acme-logistics.example';

let redis: RedisHarness;
let server: Server;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await startRedis();
  server = await startNextServer({
    env: {
      UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
      UPSTASH_REDIS_REST_TOKEN: redis.token,
      STORE_KEY_PREFIX: 'e2e-journey:',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD_HASH: await hashPassword(ADMIN.password, { N: 4096, r: 8, p: 1 }),
      OFFLINE_WORD_DELAY_MS: '5',
      RATE_LIMIT_SESSION: '1000/1m',
      RATE_LIMIT_CHAT: '1000/1m',
    },
  });
});
test.afterAll(async () => {
  await server?.stop();
  await redis?.stop();
});

const url = (path: string) => new URL(path, server.url).toString();

/** The value of a KPI card on the dashboard, by its label. */
function kpi(page: Page, label: string) {
  return page.locator('dl > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first();
}

test('a lead and a booking made in one browser reach the signed-in admin: dashboard, funnel, latency, lead evidence, CSV', async ({ browser }) => {
  test.setTimeout(120_000);
  // The prospect.
  const prospect = await browser.newContext();
  const chat = await prospect.newPage();
  await chat.goto(url('/?utm_source=newsletter'));
  await say(chat, 'How much is the Pro plan?');
  await say(chat, 'Maria Lopez from Acme Logistics, team of 25, next quarter.');
  await say(chat, `You can reach me at ${EMAIL}.`);
  const booking = await say(chat, `Can we book a demo on ${tuesdayNextWeek()} at 10am? My time zone is Europe/Madrid.`);
  await expect(booking.getByTestId('booking-card')).toContainText(/Demo booked/);
  await prospect.close();

  // The admin, in a context of their own.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(url('/admin'));
  await expect(admin).toHaveURL(/\/admin\/sign-in/);
  await admin.getByLabel('E-mail').fill(ADMIN.email);
  await admin.getByLabel('Password').fill(ADMIN.password);
  await admin.getByLabel('Password').press('Enter');
  await expect(admin).toHaveURL(/\/admin\/?$/, { timeout: 15_000 });

  // Events are recorded after each reply: the figures appear within a refresh or two.
  await expect(async () => {
    await admin.reload();
    await expect(kpi(admin, 'Conversations')).toHaveText('1', { timeout: 3_000 });
    await expect(kpi(admin, 'Leads')).toHaveText('1', { timeout: 1_000 });
    await expect(kpi(admin, 'Meetings booked')).toHaveText('1', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // The funnel: the conversation reached closing (a booking), and the metrics carry a first-token latency.
  const funnel = admin.getByRole('table').filter({ has: admin.getByRole('columnheader', { name: 'Stage' }) });
  await expect(funnel.getByRole('row', { name: /Closing/ })).toContainText('1');
  const metrics = await admin.request.get(url('/api/v1/admin/metrics?range=24h'));
  expect(metrics.status()).toBe(200);
  const report = (await metrics.json()) as { latency?: Record<string, { count?: number; p50?: number | null }> };
  expect(JSON.stringify(report)).toContain('newsletter');
  const firstToken = JSON.stringify(report.latency ?? {});
  expect(firstToken).toMatch(/first_?[tT]oken/);

  // The lead, found by its e-mail, with the sentence each field came from.
  await admin.goto(url('/admin/leads'));
  const row = admin.getByRole('row').filter({ hasText: /Maria|acme/i }).first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.getByRole('link').first().click();
  await expect(admin.getByRole('heading', { level: 1 })).toContainText(/Maria Lopez|maria\.lopez/);
  await expect(admin.locator('blockquote', { hasText: `You can reach me at ${EMAIL}.` })).toBeVisible();
  await expect(admin.locator('blockquote', { hasText: 'Maria Lopez from Acme Logistics' }).first()).toBeVisible();

  // The CSV export, as the admin's browser downloads it, holds the e-mail.
  await admin.goto(url('/admin/leads'));
  const download = admin.waitForEvent('download');
  await admin.getByRole('link', { name: /CSV/ }).first().click();
  const file = await download;
  const csv = await (await import('node:fs/promises')).readFile((await file.path()) ?? '', 'utf8');
  expect(csv.split('\n')[0]).toMatch(/email/i);
  expect(csv).toContain(EMAIL);
  await adminContext.close();
});

test('the admin in Arabic on a 360 px phone: no page scrolls sideways, and the skip link shows inside the screen', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const admin = await context.newPage();
  await admin.goto(url('/admin'));
  await expect(admin.locator('html')).toHaveAttribute('dir', 'rtl');
  await admin.locator('input[type=email]').fill(ADMIN.email);
  await admin.locator('input[type=password]').fill(ADMIN.password);
  await admin.locator('input[type=password]').press('Enter');
  await expect(admin).toHaveURL(/\/admin\/?$/, { timeout: 15_000 });
  for (const path of ['/admin', '/admin/conversations', '/admin/leads', '/admin/webhooks', '/admin/keys', '/admin/backups']) {
    await admin.goto(url(path));
    await expect(admin.locator('h1')).toBeVisible();
    // (The dashboard's latency figures, "١٢٣ مللي ثانية" kept on one line in a third of the card, widened the Arabic
    // page by 9 px: a sideways scroll.)
    const widths = await admin.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect({ path, ...widths }).toEqual({ path, scroll: widths.client, client: 360 });
  }
  await admin.goto(url('/admin'));
  await admin.keyboard.press('Tab');
  const skip = admin.getByRole('link', { name: 'انتقل إلى المحتوى' });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  await context.close();
});
