// Session 32: the dashboard, webhooks and keys pages as a keyboard and screen-reader admin gets them, from the server's
// HTML (no JavaScript) and hydrated, in five languages. Without JavaScript the chart's place is a still box saying the
// chart needs it (the figures stay); a one-time secret is a named, read-only text a keyboard reaches, with no Copy or
// Done button that would do nothing; a refused post is an alert and the refused field is marked invalid and points to
// it. axe-core (installed with @axe-core/playwright) finds nothing on the server's HTML of the three pages.
import { act, fireEvent } from '@testing-library/react';
import axe from 'axe-core';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactNode } from 'react';
import AdminPage from '@/app/admin/page';
import KeysPage from '@/app/admin/keys/page';
import WebhooksPage from '@/app/admin/webhooks/page';
import { AdminTimeZoneProvider } from '@/components/admin/shell/time-zone';
import { keepSecretOnce } from '@/lib/admin/one-time-secret';
import { createApiKey } from '@/lib/admin/keys';
import { recordEvents } from '@/lib/analytics/recorder';
import type { AppEvent } from '@/lib/events/schema';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { translateDashboard } from '@/lib/i18n/dashboard';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { translateNotify } from '@/lib/i18n/notify';
import { createMemoryKv, type Kv } from '@/lib/store/kv';
import { seedEndpoint } from '../support/webhook-endpoints';
import { adminTree, hydrateServerHtml, serverHtmlDoc } from '../support/server-html';

const mockServer: { locale: Locale; kv: Kv | null } = { locale: 'en', kv: null };
jest.mock('next/headers', () => ({ headers: async () => new Headers() }));
jest.mock('@/lib/admin/session', () => ({ readAdminSession: async () => ({ email: 'ana@northwind.example', role: 'admin', expiresAt: 2_000_000_000 }) }));
jest.mock('@/lib/admin/time-zone-server', () => ({ getAdminTimeZone: async () => 'UTC' }));
jest.mock('@/lib/i18n/server', () => ({ getRequestLocale: async () => mockServer.locale }));
jest.mock('@/lib/store/redis-client', () => ({ getRedisClient: jest.fn(), requesterOf: jest.fn() }));
jest.mock('@/lib/store/kv', () => ({ ...jest.requireActual('@/lib/store/kv'), getKv: () => mockServer.kv }));
// Recharts needs a laid-out DOM that jsdom lacks (drawn only in the browser anyway).
jest.mock('@/components/admin/dashboard/series-chart', () => ({ __esModule: true, default: () => <div data-testid="series-chart" /> }));

const SECRET = 'whsec_bmV3c2VjcmV0bmV3c2VjcmV0bmV3c2VjcmV0';
const KEY_SECRET = `sk_live_${'A'.repeat(43)}`;
type Search = Record<string, string>;

beforeAll(async () => {
  mockServer.kv = createMemoryKv({ prefix: 's32a11y' });
  const now = Date.now();
  const events: AppEvent[] = [
    { type: 'conversation.started', at: now - 60_000, conversationId: 'r1', visitorId: 'v1' },
    { type: 'message', at: now - 59_000, conversationId: 'r1', visitorId: 'v1', role: 'user', chars: 5 },
  ];
  await recordEvents(mockServer.kv, events, { retentionDays: 400, idleMs: 30 * 60_000, now });
  await seedEndpoint(mockServer.kv, { url: 'https://hooks.example.com/crm', description: 'CRM', createdAt: 1 });
  await createApiKey({ kv: mockServer.kv, name: 'Nightly export', scopes: ['export'], createdBy: 'boss@northwind.example' });
});

beforeEach(() => {
  mockServer.locale = 'en';
  // Without JavaScript nothing is fetched; hydrated, the server's data is used as it is.
  global.fetch = jest.fn(async () => {
    throw new Error('the page asked the API');
  }) as unknown as typeof fetch;
  window.history.replaceState(null, '', '/admin');
});

const inZone = (page: ReactNode) => <AdminTimeZoneProvider zone="UTC">{page}</AdminTimeZoneProvider>;
const dashboard = async () => adminTree(inZone(await AdminPage({ searchParams: Promise.resolve({}) })), mockServer.locale);
const webhooks = async (search: Search = {}) => adminTree(await WebhooksPage({ searchParams: Promise.resolve(search) }), mockServer.locale);
const keys = async (search: Search = {}) => adminTree(await KeysPage({ searchParams: Promise.resolve(search) }), mockServer.locale);
const webhookSecret = async () => ({ change: 'added', secret: await keepSecretOnce({ kv: mockServer.kv!, owner: 'ana@northwind.example', value: { label: 'https://hooks.example.com/new', secret: SECRET } }) });
const keySecret = async () => ({ change: 'created', secret: await keepSecretOnce({ kv: mockServer.kv!, owner: 'ana@northwind.example', value: { label: 'CRM sync', secret: KEY_SECRET } }) });

/** The ids an element's aria-describedby names. */
const describedBy = (element: Element | null | undefined) => (element?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);

describe('the dashboard’s chart without JavaScript', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: a still box says the chart needs JavaScript; the figures stay', async (locale) => {
    mockServer.locale = locale;
    const doc = serverHtmlDoc(await dashboard());
    expect(doc.querySelector('.animate-pulse')).toBeNull();
    expect(doc.querySelector('[data-testid="series-no-chart"]')?.textContent).toBe(translateDashboard(locale, 'series.needsScript'));
    // No image named as a line chart where none is drawn; the table of the figures is there.
    expect(doc.querySelector('figure[role="img"]')).toBeNull();
    expect(doc.querySelector('details table tbody tr')).not.toBeNull();
  });

  it('hydrated, the chart takes the box’s place', async () => {
    const { container, recoverable } = await hydrateServerHtml(await dashboard());
    expect(recoverable).not.toHaveBeenCalled();
    expect(container.querySelector('[data-testid="series-no-chart"]')).toBeNull();
    expect(container.querySelector('figure[role="img"] [data-testid="series-chart"]')).not.toBeNull();
    container.remove();
  });

  it('the message is said in each language', () => {
    const texts = LOCALES.map((locale) => translateDashboard(locale, 'series.needsScript'));
    expect(new Set(texts).size).toBe(LOCALES.length);
    for (const text of texts) expect(text).toContain('JavaScript');
  });
});

describe('a one-time secret', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: the webhook secret is a named read-only text, with no dead buttons', async (locale) => {
    mockServer.locale = locale;
    const doc = serverHtmlDoc(await webhooks(await webhookSecret()));
    const panel = doc.querySelector('[data-testid="webhook-secret"]');
    const box = panel?.querySelector('[role="textbox"]');
    expect(box?.textContent).toBe(SECRET);
    expect(box?.getAttribute('aria-label')).toBe(translateNotify(locale, 'admin.webhooks.secret.label'));
    expect(box?.getAttribute('aria-readonly')).toBe('true');
    expect(box?.getAttribute('tabindex')).toBe('0');
    expect(box?.getAttribute('dir')).toBe('ltr');
    expect(panel?.querySelectorAll('button')).toHaveLength(0);
  });

  it.each(LOCALES.map((locale) => [locale]))('%s: the new key’s secret has its label and no dead buttons', async (locale) => {
    mockServer.locale = locale;
    const doc = serverHtmlDoc(await keys(await keySecret()));
    const panel = doc.querySelector('[data-testid="created-key"]');
    const input = panel?.querySelector<HTMLInputElement>('[data-testid="created-key-secret"]');
    expect(input?.value).toBe(KEY_SECRET);
    expect(doc.querySelector(`label[for="${input?.id}"]`)?.textContent).toBe(translateAdminShell(locale, 'keys.created.label'));
    expect(panel?.querySelectorAll('button')).toHaveLength(0);
  });

  it('hydrated, Copy and Done are there', async () => {
    const hooks = await hydrateServerHtml(await webhooks(await webhookSecret()));
    expect(hooks.recoverable).not.toHaveBeenCalled();
    expect([...hooks.container.querySelectorAll('[data-testid="webhook-secret"] button')].map((button) => button.textContent)).toEqual([
      translateNotify('en', 'admin.webhooks.secret.copy'),
      translateNotify('en', 'admin.webhooks.secret.done'),
    ]);
    hooks.container.remove();
    const keyPage = await hydrateServerHtml(await keys(await keySecret()));
    expect(keyPage.recoverable).not.toHaveBeenCalled();
    expect([...keyPage.container.querySelectorAll('[data-testid="created-key"] button')].map((button) => button.textContent)).toEqual([
      translateAdminShell('en', 'keys.copy'),
      translateAdminShell('en', 'keys.created.done'),
    ]);
    keyPage.container.remove();
  });
});

describe('a refused post without JavaScript', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: a refused webhook URL is an alert, and the URL field points to it', async (locale) => {
    mockServer.locale = locale;
    const doc = serverHtmlDoc(await webhooks({ change: 'refused', reason: 'scheme' }));
    const said = doc.querySelector('[data-testid="webhook-change"]');
    expect(said?.getAttribute('role')).toBe('alert');
    expect(said?.textContent).toBe(translateNotify(locale, 'admin.webhooks.url.https'));
    const url = doc.querySelector('input[name="url"]');
    expect(url?.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(url)).toContain(said?.id);
    // A change made is a status, and marks no field.
    const done = serverHtmlDoc(await webhooks({ change: 'disabled' }));
    expect(done.querySelector('[data-testid="webhook-change"]')?.getAttribute('role')).toBe('status');
    expect(done.querySelector('input[name="url"]')?.hasAttribute('aria-invalid')).toBe(false);
  });

  it.each(LOCALES.map((locale) => [locale]))('%s: a refused key name or scopes is an alert, and the field points to it', async (locale) => {
    mockServer.locale = locale;
    const name = serverHtmlDoc(await keys({ change: 'invalidName' }));
    const saidName = name.querySelector('[data-testid="keys-change"]');
    expect(saidName?.getAttribute('role')).toBe('alert');
    const nameInput = name.querySelector('input[name="name"]');
    expect(nameInput?.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(nameInput)).toContain(saidName?.id);

    const scopes = serverHtmlDoc(await keys({ change: 'invalidScopes' }));
    const saidScopes = scopes.querySelector('[data-testid="keys-change"]');
    expect(saidScopes?.getAttribute('role')).toBe('alert');
    expect(describedBy(scopes.querySelector('fieldset'))).toEqual([saidScopes?.id]);
    expect(scopes.querySelector('input[name="name"]')?.hasAttribute('aria-invalid')).toBe(false);

    const revoked = serverHtmlDoc(await keys({ change: 'revoked' }));
    expect(revoked.querySelector('[data-testid="keys-change"]')?.getAttribute('role')).toBe('status');
  });

  it('hydrated, a name left empty marks the field and points to the alert', async () => {
    const { container } = await hydrateServerHtml(await keys());
    const form = container.querySelector<HTMLFormElement>('[data-testid="create-key-form"]')!;
    await act(async () => {
      fireEvent.submit(form);
    });
    const alert = form.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(translateAdminShell('en', 'keys.error.name'));
    const input = form.querySelector('input[name="name"]');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toContain(alert?.id);
    container.remove();
  });
});

describe('axe-core on the server’s HTML', () => {
  const check = async (ui: ReactNode, locale: Locale) => {
    const root = document.createElement('div');
    root.setAttribute('lang', locale);
    root.setAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    root.innerHTML = renderToStaticMarkup(ui);
    document.body.appendChild(root);
    // axe measures icon fonts on a canvas, which jsdom has not got.
    const canvas = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    try {
      // Contrast needs layout (the e2e suite checks it in a browser); `region` is about the whole page's landmarks.
      const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
    } finally {
      canvas.mockRestore();
      root.remove();
    }
  };

  it.each([['en'], ['ar']] as const)('%s: the dashboard, the webhooks page with a secret and a refusal, the keys page with a secret', async (locale) => {
    mockServer.locale = locale;
    expect(await check(await dashboard(), locale)).toEqual([]);
    expect(await check(await webhooks({ ...(await webhookSecret()), change: 'refused', reason: 'scheme' }), locale)).toEqual([]);
    expect(await check(await keys(await keySecret()), locale)).toEqual([]);
    expect(await check(await keys({ change: 'invalidName' }), locale)).toEqual([]);
  });
});
