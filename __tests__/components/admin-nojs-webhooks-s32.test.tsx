// Session 32: the webhooks page without JavaScript. The server page reads the endpoints as the list route does and
// renders them with plain POST forms (add; enable or disable, test and delete per endpoint), says how a post went in
// the page's language, and shows a new endpoint's secret once; a viewer reads the list without forms. With JavaScript
// the server's list hydrates as it is (not asked for again at once) and the card's own controls take over.
import WebhooksPage from '@/app/admin/webhooks/page';
import { scriptNoticeKey } from '@/components/admin/shell/no-script-notice';
import { keepSecretOnce } from '@/lib/admin/one-time-secret';
import { WEBHOOK_EVENT_TYPES } from '@/lib/events/schema';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { translateNotify } from '@/lib/i18n/notify';
import { createMemoryKv, type Kv } from '@/lib/store/kv';
import { seedEndpoint } from '../support/webhook-endpoints';
import { adminTree, hydrateServerHtml, serverHtmlDoc } from '../support/server-html';

const mockServer: { locale: Locale; role: 'admin' | 'viewer'; kv: Kv | null } = { locale: 'en', role: 'admin', kv: null };
jest.mock('next/headers', () => ({ headers: async () => new Headers() }));
jest.mock('@/lib/admin/session', () => ({ readAdminSession: async () => ({ email: 'ana@northwind.example', role: mockServer.role, expiresAt: 2_000_000_000 }) }));
jest.mock('@/lib/i18n/server', () => ({ getRequestLocale: async () => mockServer.locale }));
jest.mock('@/lib/store/redis-client', () => ({ getRedisClient: jest.fn(), requesterOf: jest.fn() }));
jest.mock('@/lib/store/kv', () => ({ ...jest.requireActual('@/lib/store/kv'), getKv: () => mockServer.kv }));

let fetchMock: jest.Mock;
let enabledId = '';
let disabledId = '';

beforeAll(async () => {
  mockServer.kv = createMemoryKv({ prefix: 's32wh' });
  enabledId = (await seedEndpoint(mockServer.kv, { url: 'https://hooks.example.com/crm', description: 'CRM (sales)', createdAt: 1 })).id;
  disabledId = (await seedEndpoint(mockServer.kv, { url: 'https://hooks.example.com/slack', description: 'Slack', enabled: false, createdAt: 2, updatedAt: 7 })).id;
});

beforeEach(() => {
  mockServer.locale = 'en';
  mockServer.role = 'admin';
  // Without JavaScript nothing is fetched: a request from the page would be a failure of this test.
  fetchMock = jest.fn(async () => {
    throw new Error('the webhooks page asked the API');
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

const page = (search: Record<string, string> = {}) => WebhooksPage({ searchParams: Promise.resolve(search) });

/** What a browser without JavaScript gets from the server: the page's HTML, read as a document. */
const serverDoc = async (search: Record<string, string> = {}) => serverHtmlDoc(adminTree(await page(search), mockServer.locale));

const postForms = (doc: Document, action: string) => [...doc.querySelectorAll<HTMLFormElement>(`form[method="post"][action="${action}"]`)];
const buttons = (form: HTMLFormElement | undefined) => [...(form?.querySelectorAll<HTMLButtonElement>('button') ?? [])].map((button) => [button.type, button.name, button.value, button.textContent]);

describe('an admin’s page in the server’s HTML', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: the endpoints, the add form and each endpoint’s forms, without a request', async (locale) => {
    mockServer.locale = locale;
    const t = (key: Parameters<typeof translateNotify>[1], vars?: Record<string, string>) => translateNotify(locale, key, vars);
    const doc = await serverDoc();
    const cards = [...doc.querySelectorAll('[data-testid="webhook-endpoint"]')];
    expect(cards.map((card) => card.querySelector('h3')?.textContent?.replace(/[\u2066\u2069]/g, ''))).toEqual(['https://hooks.example.com/crm', 'https://hooks.example.com/slack']);
    expect(cards[0]?.textContent).toContain('CRM (sales)');
    expect(doc.body.textContent).not.toContain(t('admin.webhooks.list.loading'));

    const [addForm] = postForms(doc, '/api/v1/admin/webhooks/form');
    expect(addForm?.querySelector<HTMLInputElement>('input[name="url"]')?.type).toBe('url');
    expect(addForm?.querySelector('input[name="description"]')).not.toBeNull();
    expect([...(addForm?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="events"]') ?? [])].map((box) => box.value)).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(buttons(addForm)).toEqual([['submit', '', '', t('admin.webhooks.add.submit')]]);

    // The enabled one offers Disable, the disabled one Enable, each on the version shown.
    const [enabledSwitch, test, remove] = postForms(doc, `/api/v1/admin/webhooks/${enabledId}/form`);
    expect(buttons(enabledSwitch)).toEqual([['submit', 'action', 'disable', t('admin.webhooks.endpoint.disable')]]);
    expect(enabledSwitch?.querySelector<HTMLInputElement>('input[name="etag"]')?.value).toBe('"1"');
    expect(buttons(test)).toEqual([['submit', 'action', 'test', t('admin.webhooks.endpoint.test')]]);
    // Delete asks first: its button is inside a closed disclosure, under the question.
    expect(buttons(remove)).toEqual([['submit', 'action', 'delete', t('admin.webhooks.delete.yes')]]);
    expect(remove?.closest('details')?.hasAttribute('open')).toBe(false);
    expect(remove?.closest('details')?.querySelector('summary')?.textContent).toBe(t('admin.webhooks.endpoint.delete'));
    const [disabledSwitch] = postForms(doc, `/api/v1/admin/webhooks/${disabledId}/form`);
    expect(buttons(disabledSwitch)).toEqual([['submit', 'action', 'enable', t('admin.webhooks.endpoint.enable')]]);
    expect(disabledSwitch?.querySelector<HTMLInputElement>('input[name="etag"]')?.value).toBe('"7"');
    // What needs JavaScript is not offered as a button that would do nothing.
    expect(doc.body.textContent).not.toContain(t('admin.webhooks.endpoint.rotate'));
    expect(doc.body.textContent).not.toContain(t('admin.webhooks.endpoint.showLog'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a viewer reads the endpoints, with no form to post', async () => {
    mockServer.role = 'viewer';
    const doc = await serverDoc();
    expect(doc.querySelectorAll('[data-testid="webhook-endpoint"]')).toHaveLength(2);
    expect(doc.querySelectorAll('form')).toHaveLength(0);
    expect(doc.body.textContent).toContain(translateNotify('en', 'admin.webhooks.viewerNote'));
    expect(doc.body.textContent).toContain(translateNotify('en', 'admin.webhooks.endpoint.disabled'));
  });
});

describe('after a post, the page says how it went', () => {
  const said = (doc: Document) => doc.querySelector('[data-testid="webhook-change"]')?.textContent;

  it.each(LOCALES.map((locale) => [locale]))('%s: done, refused with the API’s reason, not allowed', async (locale) => {
    mockServer.locale = locale;
    expect(said(await serverDoc({ change: 'disabled' }))).toBe(translateNotify(locale, 'admin.webhooks.change.disabled'));
    expect(said(await serverDoc({ change: 'refused', reason: 'scheme' }))).toBe(translateNotify(locale, 'admin.webhooks.url.https'));
    const address = said(await serverDoc({ change: 'refused', reason: 'address', address: '10.0.0.7', range: 'private' }));
    expect(address?.replace(/[\u2066\u2069]/g, '')).toBe(translateNotify(locale, 'admin.webhooks.url.address', { address: '10.0.0.7', range: translateNotify(locale, 'admin.webhooks.range.private') }));
    expect(said(await serverDoc({ change: 'invalid' }))).toBe(translateNotify(locale, 'admin.webhooks.error.badRequest'));
    expect(said(await serverDoc({ change: 'forbidden' }))).toBe(translateAdminShell(locale, 'problem.forbidden'));
    expect(said(await serverDoc({ change: 'changed' }))).toBe(translateNotify(locale, 'admin.webhooks.error.changed'));
  });

  it('an unknown word says nothing; a refusal without its reason says what any refusal says', async () => {
    expect(said(await serverDoc({ change: 'pwned' }))).toBeUndefined();
    expect(said(await serverDoc({ change: 'refused', reason: 'because' }))).toBe(translateNotify('en', 'admin.webhooks.error.badRequest'));
  });

  it('a new endpoint’s secret is shown once, to the admin who made it', async () => {
    const token = await keepSecretOnce({ kv: mockServer.kv!, owner: 'ana@northwind.example', value: { label: 'https://hooks.example.com/new', secret: 'whsec_bmV3c2VjcmV0bmV3c2VjcmV0bmV3c2VjcmV0' } });
    const first = await serverDoc({ change: 'added', secret: token });
    expect(first.querySelector('[data-testid="webhook-secret"] code')?.textContent).toBe('whsec_bmV3c2VjcmV0bmV3c2VjcmV0bmV3c2VjcmV0');
    expect(first.querySelector('[data-testid="webhook-secret"] h2')?.textContent).toContain('https://hooks.example.com/new');
    expect(said(first)).toBe(translateNotify('en', 'admin.webhooks.change.added'));
    const reload = await serverDoc({ change: 'added', secret: token });
    expect(reload.querySelector('[data-testid="webhook-secret"]')).toBeNull();
    const someoneElses = await keepSecretOnce({ kv: mockServer.kv!, owner: 'eve@northwind.example', value: { label: 'x', secret: 'whsec_ZXZl' } });
    expect((await serverDoc({ secret: someoneElses })).body.textContent).not.toContain('whsec_ZXZl');
  });
});

it('with JavaScript, the server’s list hydrates as it is, is not asked for again, and the card’s own controls take over', async () => {
  const { container, recoverable } = await hydrateServerHtml(adminTree(await page(), 'en'));
  expect(recoverable).not.toHaveBeenCalled();
  expect(fetchMock).not.toHaveBeenCalled();
  expect(container.querySelectorAll('[data-testid="webhook-endpoint"]')).toHaveLength(2);
  const switches = [...container.querySelectorAll<HTMLInputElement>('[data-testid="webhook-endpoint"] input[type="checkbox"]')];
  expect(switches.map((box) => box.checked)).toEqual([true, false]);
  expect(container.querySelectorAll('[data-testid="webhook-endpoint"] form')).toHaveLength(0);
  expect(container.textContent).toContain(translateNotify('en', 'admin.webhooks.endpoint.rotate'));
  container.remove();
});

it('the notice says only editing, rotating and the delivery log need JavaScript, in five languages', () => {
  expect(scriptNoticeKey('/admin/webhooks')).toBe('shell.noScriptWebhooks');
  const texts = LOCALES.map((locale) => translateAdminShell(locale, 'shell.noScriptWebhooks'));
  expect(new Set(texts).size).toBe(LOCALES.length);
  for (const text of texts) expect(text).toContain('JavaScript');
});
