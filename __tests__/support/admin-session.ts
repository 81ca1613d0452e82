import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { hashPassword } from '../../lib/admin/password';

/**
 * Admin accounts and sign-in for specs and integration tests over a running server (docs/admin.md). Give a server
 * `await adminEnv()` and sign in with `signInOverHttp` (next-auth's CSRF token, then the credentials callback; the
 * cookie stays in the request context) or `signInWithForm` (the sign-in page, keyboard only).
 */
export interface AdminTestAccount {
  email: string;
  password: string;
}

export const TEST_ADMIN: AdminTestAccount = { email: 'admin@e2e.test', password: 'admin password e2e 1' };
export const TEST_VIEWER: AdminTestAccount = { email: 'viewer@e2e.test', password: 'viewer password e2e 2' };

/** Cheap scrypt parameters: the hashes are made for each run, and the format is the production one. */
const FAST = { N: 4096, r: 8, p: 1 };

/** The server environment that makes TEST_ADMIN an admin and TEST_VIEWER (and `extraViewers`) viewers. */
export async function adminEnv(extraViewers: AdminTestAccount[] = []): Promise<Record<string, string>> {
  const viewers = await Promise.all([TEST_VIEWER, ...extraViewers].map(async (account) => `${account.email}:${await hashPassword(account.password, FAST)}`));
  return {
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD_HASH: await hashPassword(TEST_ADMIN.password, FAST),
    ADMIN_VIEWERS: viewers.join(','),
    // Every test client comes from 127.0.0.1.
    ADMIN_LOGIN_LIMIT_IP: '1000/15m',
  };
}

/** Signs `request` in as a script would; returns where next-auth sent it (the page asked for, or the sign-in with an error). */
export async function signInOverHttp(request: APIRequestContext, baseUrl: string, account: AdminTestAccount, callbackPath = '/admin'): Promise<URL> {
  const { csrfToken } = (await (await request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const answer = await request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { email: account.email, password: account.password, csrfToken, callbackUrl: `${baseUrl}${callbackPath}` },
    maxRedirects: 0,
  });
  return new URL(answer.headers()['location'] ?? '', baseUrl);
}

/** Fills the sign-in page with the keyboard only: the labelled fields, Tab between them (checked), Enter to send. */
export async function signInWithForm(page: Page, account: AdminTestAccount): Promise<void> {
  await page.getByLabel('E-mail').fill(account.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
}
