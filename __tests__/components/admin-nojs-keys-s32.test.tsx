// Session 32: the keys page without JavaScript. The server page reads the keys as the list route does and renders them
// with plain POST forms (create; revoke behind a disclosure), says how a post went in the page's language, and shows a
// new key's secret once; a viewer reads the list without forms. With JavaScript the server's list hydrates as it is (not
// asked for again at once) and the inline confirmation takes over.
import KeysPage from '@/app/admin/keys/page';
import { scriptNoticeKey } from '@/components/admin/shell/no-script-notice';
import { createApiKey } from '@/lib/admin/keys';
import { keepSecretOnce } from '@/lib/admin/one-time-secret';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { createMemoryKv, type Kv } from '@/lib/store/kv';
import { adminTree, hydrateServerHtml, serverHtmlDoc } from '../support/server-html';

const mockServer: { locale: Locale; role: 'admin' | 'viewer'; kv: Kv | null } = { locale: 'en', role: 'admin', kv: null };
jest.mock('next/headers', () => ({ headers: async () => new Headers() }));
jest.mock('@/lib/admin/session', () => ({ readAdminSession: async () => ({ email: 'ana@northwind.example', role: mockServer.role, expiresAt: 2_000_000_000 }) }));
jest.mock('@/lib/i18n/server', () => ({ getRequestLocale: async () => mockServer.locale }));
jest.mock('@/lib/store/redis-client', () => ({ getRedisClient: jest.fn(), requesterOf: jest.fn() }));
jest.mock('@/lib/store/kv', () => ({ ...jest.requireActual('@/lib/store/kv'), getKv: () => mockServer.kv }));

let fetchMock: jest.Mock;
let keyId = '';

beforeAll(async () => {
  mockServer.kv = createMemoryKv({ prefix: 's32keys' });
  keyId = (await createApiKey({ kv: mockServer.kv, name: 'Nightly export', scopes: ['export'], createdBy: 'boss@northwind.example' })).key.id;
});

beforeEach(() => {
  mockServer.locale = 'en';
  mockServer.role = 'admin';
  // Without JavaScript nothing is fetched: a request from the page would be a failure of this test.
  fetchMock = jest.fn(async () => {
    throw new Error('the keys page asked the API');
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

const page = (search: Record<string, string> = {}) => KeysPage({ searchParams: Promise.resolve(search) });

/** What a browser without JavaScript gets from the server: the page's HTML, read as a document. */
const serverDoc = async (search: Record<string, string> = {}) => serverHtmlDoc(adminTree(await page(search), mockServer.locale));

describe('an admin’s page in the server’s HTML', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: the keys, the create form and each key’s revoke form, without a request', async (locale) => {
    mockServer.locale = locale;
    const t = (key: Parameters<typeof translateAdminShell>[1], vars?: Record<string, string>) => translateAdminShell(locale, key, vars);
    const doc = await serverDoc();
    const rows = [...doc.querySelectorAll('[data-testid="keys-table"] tbody tr')];
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Nightly export']);
    expect(doc.body.textContent).not.toContain(t('keys.list.loading'));

    const create = doc.querySelector<HTMLFormElement>('form[method="post"][action="/api/v1/admin/keys/form"]');
    expect(create?.querySelector('input[name="name"]')).not.toBeNull();
    expect([...(create?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="scopes"]') ?? [])].map((box) => box.value)).toEqual(['leads:read', 'export', 'webhooks']);
    expect(create?.querySelector('button[type="submit"]')?.textContent).toBe(t('keys.create.submit'));

    // Revoke asks first: its button is inside a closed disclosure named for the key, under the question.
    const revoke = doc.querySelector<HTMLFormElement>(`form[method="post"][action="/api/v1/admin/keys/${keyId}/form"]`);
    const button = revoke?.querySelector<HTMLButtonElement>('button');
    expect([button?.type, button?.name, button?.value, button?.textContent]).toEqual(['submit', 'action', 'revoke', t('keys.revoke.yes')]);
    expect(revoke?.textContent).toContain(t('keys.revoke.confirm', { name: 'Nightly export' }));
    const details = revoke?.closest('details');
    expect(details?.hasAttribute('open')).toBe(false);
    expect(details?.querySelector('summary')?.getAttribute('aria-label')).toBe(t('keys.revoke.label', { name: 'Nightly export' }));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a viewer reads the keys, with no form to post', async () => {
    mockServer.role = 'viewer';
    const doc = await serverDoc();
    expect(doc.querySelectorAll('[data-testid="keys-table"] tbody tr')).toHaveLength(1);
    expect(doc.querySelectorAll('form')).toHaveLength(0);
    expect(doc.body.textContent).toContain(translateAdminShell('en', 'keys.viewerNote'));
  });
});

describe('after a post, the page says how it went', () => {
  const said = (doc: Document) => doc.querySelector('[data-testid="keys-change"]')?.textContent;

  it.each(LOCALES.map((locale) => [locale]))('%s: revoked, a refused name or scopes, too many, not allowed', async (locale) => {
    mockServer.locale = locale;
    const t = (key: Parameters<typeof translateAdminShell>[1], vars?: Record<string, string | number>) => translateAdminShell(locale, key, vars);
    expect(said(await serverDoc({ change: 'revoked' }))).toBe(t('keys.change.revoked'));
    expect(said(await serverDoc({ change: 'invalidName' }))).toBe(t('keys.error.name'));
    expect(said(await serverDoc({ change: 'invalidScopes' }))).toBe(t('keys.error.scopes'));
    expect(said(await serverDoc({ change: 'invalid' }))).toBe(t('keys.error.invalid'));
    expect(said(await serverDoc({ change: 'tooMany' }))).toBe(t('keys.error.tooMany', { max: 100 }));
    expect(said(await serverDoc({ change: 'forbidden' }))).toBe(t('keys.error.request', { message: t('problem.forbidden') }));
    expect(said(await serverDoc({ change: 'missing' }))).toBe(t('keys.error.gone'));
    expect(said(await serverDoc({ change: 'pwned' }))).toBeUndefined();
  });

  it('a new key’s secret is shown once, to the admin who made it', async () => {
    const secret = `sk_live_${'N'.repeat(43)}`;
    const token = await keepSecretOnce({ kv: mockServer.kv!, owner: 'ana@northwind.example', value: { label: 'CRM sync', secret } });
    const first = await serverDoc({ change: 'created', secret: token });
    expect(first.querySelector<HTMLInputElement>('[data-testid="created-key-secret"]')?.value).toBe(secret);
    expect(first.querySelector('[data-testid="created-key"]')?.textContent).toContain(translateAdminShell('en', 'keys.created.once', { name: 'CRM sync' }));
    const reload = await serverDoc({ change: 'created', secret: token });
    expect(reload.querySelector('[data-testid="created-key"]')).toBeNull();
    expect(reload.body.innerHTML).not.toContain(secret);
    const someoneElses = await keepSecretOnce({ kv: mockServer.kv!, owner: 'eve@northwind.example', value: { label: 'x', secret: `sk_live_${'E'.repeat(43)}` } });
    expect((await serverDoc({ secret: someoneElses })).body.innerHTML).not.toContain('sk_live_EEEE');
  });
});

it('with JavaScript, the server’s list hydrates as it is, is not asked for again, and Revoke is the inline confirmation', async () => {
  const { container, recoverable } = await hydrateServerHtml(adminTree(await page(), 'en'));
  expect(recoverable).not.toHaveBeenCalled();
  expect(fetchMock).not.toHaveBeenCalled();
  expect(container.querySelectorAll('[data-testid="keys-table"] tbody tr')).toHaveLength(1);
  expect(container.querySelector('details')).toBeNull();
  expect(container.querySelector(`button[aria-label="${translateAdminShell('en', 'keys.revoke.label', { name: 'Nightly export' })}"]`)?.getAttribute('type')).toBe('button');
  container.remove();
});

it('the keys page needs no notice', () => {
  expect(scriptNoticeKey('/admin/keys')).toBeNull();
});
