import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { adminEnv, signInOverHttp, signInWithForm as signIn, TEST_ADMIN as ADMIN, TEST_VIEWER as VIEWER } from '../support/admin-session';
import { startRedis, type RedisHarness } from '../support/redis';

/**
 * Admin sign-in, roles and API keys (docs/admin.md) in Chromium over the production build. This spec runs its own
 * `next start` (real Redis through the bridge) with a configured admin and viewers and tight sign-in limits, so that it
 * can use them up without touching the shared server; a second pair of starts checks the generated admin of a
 * deployment with no admin configured (printed once, then only said to exist).
 */
type Server = Awaited<ReturnType<typeof startNextServer>>;

const LOCKED = { email: 'locked@e2e.test', password: 'locked password e2e 3' };

let redis: RedisHarness;
let server: Server;

function baseEnv(prefix: string): Record<string, string> {
  return {
    UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
    UPSTASH_REDIS_REST_TOKEN: redis.token,
    STORE_KEY_PREFIX: prefix,
    RATE_LIMIT_SESSION: '1000/1m',
  };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await startRedis();
  server = await startNextServer({
    env: {
      ...baseEnv('e2e-admin:'),
      ...(await adminEnv([LOCKED])),
      ADMIN_LOGIN_LIMIT_ACCOUNT: '3/15m',
    },
  });
});
test.afterAll(async () => {
  await server?.stop();
  await redis?.stop();
});

const url = (path: string) => new URL(path, server.url).toString();

/** Records CSP violations and console errors from before the first script runs. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { errors, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

async function keyCall(request: APIRequestContext, secret: string) {
  return request.get(url('/api/v1/admin/metrics'), { headers: { authorization: `Bearer ${secret}` } });
}

test('signed out: an admin page redirects to the sign-in, and the keys API answers 401', async ({ page, request }) => {
  const response = await page.goto(url('/admin/keys'));
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=%2Fadmin%2Fkeys$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Admin sections' })).toHaveCount(0);

  // A forged cookie gets past the edge's cheap check, not past the layout.
  await page.context().addCookies([{ name: 'authjs.session-token', value: 'forged', url: server.url }]);
  await page.goto(url('/admin'));
  await expect(page).toHaveURL(/\/admin\/sign-in/);

  const api = await request.get(url('/api/v1/admin/keys'));
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: { code: 'unauthorized:admin' } });
});

test('a wrong password is refused, and after the limit even the right one is, with the wait in minutes', async ({ page }) => {
  await page.goto(url('/admin/sign-in'));
  for (let i = 1; i <= 3; i++) {
    await signIn(page, { email: LOCKED.email, password: `wrong guess ${i}` });
    // This attempt's refusal, not the last one's (the same words): the form empties the password when it arrives. Without
    // this wait a slow refusal landed during the next sign-in and moved the focus from under its Tab.
    await expect(page.getByLabel('Password')).toHaveValue('', { timeout: 15_000 });
    // Not getByRole('alert'): Next.js's route announcer is one too.
    const alert = page.locator('#sign-in-error');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText('That e-mail and password do not match an admin account.');
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Password')).toBeFocused();
  }
  await signIn(page, LOCKED);
  await expect(page.locator('#sign-in-error')).toContainText(/Too many sign-in attempts\. Try again in 1[45] minutes\./);
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.includes('session-token'))).toBe(false);
});

test('the right password reaches the page asked for; an admin creates, uses and revokes an API key; sign-out ends it', async ({ page, request }) => {
  const watched = await watch(page);
  await page.goto(url('/admin/keys'));
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(url('/admin/keys'));
  const user = page.getByTestId('admin-user');
  await expect(user).toContainText(`Signed in as ${ADMIN.email}`);
  await expect(user).toContainText('Admin');
  const nav = page.getByRole('navigation', { name: 'Admin sections' });
  for (const name of ['Dashboard', 'Conversations', 'Leads', 'Webhooks', 'API keys', 'Backups']) await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');
  const session = (await page.context().cookies()).find((cookie) => cookie.name === 'authjs.session-token');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  // Create: the secret is shown once.
  await page.getByLabel('Name').fill('CRM sync');
  await page.getByLabel(/^leads:read/).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('heading', { name: 'Copy the new key now' })).toBeFocused();
  const secret = await page.getByTestId('created-key-secret').inputValue();
  expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'I have stored it' }).click();
  const row = page.getByTestId('keys-table').getByRole('row', { name: /CRM sync/ });
  await expect(row).toContainText('leads:read');
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).not.toContainText(secret);
  await expect(row).toContainText('Never');

  // The key works server to server on a route of its scope, and only there.
  expect((await keyCall(request, secret)).status()).toBe(200);
  expect((await request.get(url('/api/v1/admin/keys'), { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(403);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('keys-table').getByRole('row', { name: /CRM sync/ })).not.toContainText('Never', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  // Revoke, with a confirmation that can be declined.
  await page.getByRole('button', { name: 'Revoke the key “CRM sync”' }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Revoke the key “CRM sync”' })).toBeFocused();
  await page.getByRole('button', { name: 'Revoke the key “CRM sync”' }).click();
  await page.getByRole('button', { name: 'Revoke it' }).click();
  await expect(page.getByTestId('keys-status')).toHaveText('The key “CRM sync” was revoked.');
  await expect(page.getByText('No API keys yet.')).toBeVisible();
  const refused = await keyCall(request, secret);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized:admin' } });

  expect(await watched.violations()).toEqual([]);
  expect(watched.errors).toEqual([]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await page.goto(url('/admin'));
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});

test('a viewer reads but cannot create a key (403)', async ({ page }) => {
  await page.goto(url('/admin/sign-in'));
  await signIn(page, VIEWER);
  await expect(page).toHaveURL(url('/admin'));
  await expect(page.getByTestId('admin-user')).toContainText('Viewer (read-only)');
  await page.goto(url('/admin/keys'));
  await expect(page.getByText('Only admins can create or revoke keys.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create key' })).toHaveCount(0);

  const listed = await page.request.get(url('/api/v1/admin/keys'));
  expect(listed.status()).toBe(200);
  const create = await page.request.post(url('/api/v1/admin/keys'), {
    headers: { origin: server.url },
    data: { name: 'mine', scopes: ['export'] },
  });
  expect(create.status()).toBe(403);
  expect(await create.json()).toMatchObject({ error: { code: 'forbidden:admin' } });
});

test('with no admin configured, start-up prints a generated password once; a restart only says it exists', async ({ request }) => {
  test.setTimeout(120_000);
  const env = baseEnv('e2e-generated:');
  const first = await startNextServer({ env });
  let password = '';
  try {
    await expect.poll(() => /with password (\S+) \(shown once\)/.exec(first.logs())?.[1] ?? '', { timeout: 30_000 }).not.toBe('');
    password = /with password (\S+) \(shown once\)/.exec(first.logs())?.[1] ?? '';
    expect(first.logs()).toContain('[admin] No admin configured: sign in at /admin as admin@localhost with password');

    // Sign in as a script would: next-auth's CSRF token, then the credentials callback.
    const landed = await signInOverHttp(request, first.url, { email: 'admin@localhost', password });
    expect(landed.toString()).toBe(`${first.url}/admin`);
    const keys = await request.get(`${first.url}/api/v1/admin/keys`);
    expect(keys.status()).toBe(200);
  } finally {
    await first.stop();
  }

  const second = await startNextServer({ env });
  try {
    await expect.poll(() => second.logs(), { timeout: 30_000 }).toContain('the generated admin admin@localhost exists');
    expect(second.logs()).not.toContain(password);
    expect(second.logs()).not.toContain('(shown once)');
  } finally {
    await second.stop();
  }
});
