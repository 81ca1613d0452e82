// Session 30, an admin changing a webhook endpoint while another admin does too: the page sends the version it read
// (If-Match, the list's `etag`), and a 409 says in the admin's language that someone else changed it, shows the current
// settings, keeps what was typed and lets them save again. And a 360 px, keyboard-only, Arabic and German look at the
// webhooks page: URLs keep their order inside Arabic sentences and fields, every control is named, Tab goes in order.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import BackupsPage from '@/app/admin/backups/page';
import AdminLayout from '@/app/admin/layout';
import { KeysManager } from '@/components/admin/keys/keys-manager';
import { ApiError } from '@/components/admin/webhooks/api';
import { webhookProblem } from '@/components/admin/webhooks/problem';
import { WebhooksManager } from '@/components/admin/webhooks/webhooks-manager';
import { notifyEn, notifyEs, type NotifyKey } from '@/lib/i18n/catalogues/notify';
import { notifyAr } from '@/lib/i18n/catalogues/notify-ar';
import { notifyDe } from '@/lib/i18n/catalogues/notify-de';
import { notifyFr } from '@/lib/i18n/catalogues/notify-fr';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';
import { translateNotify } from '@/lib/i18n/notify';
import { translateRecords } from '@/lib/i18n/records';

// The server pages (the admin shell, backups) rendered as the server would, for a signed-in admin in `mockServer.locale`.
const mockServer = { locale: 'de', email: 'ana@northwind.example' };
jest.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-sales-agent-admin-path': '/admin/backups' }) }));
jest.mock('next/navigation', () => ({ usePathname: () => '/admin/backups', redirect: jest.fn() }));
jest.mock('@/lib/admin/session', () => ({ readAdminSession: async () => ({ email: mockServer.email, role: 'admin', expiresAt: 2_000_000_000 }) }));
jest.mock('@/lib/admin/time-zone-server', () => ({ getAdminTimeZone: async () => 'UTC' }));
jest.mock('@/lib/i18n/server', () => ({ getRequestLocale: async () => mockServer.locale }));
jest.mock('@/lib/config', () => ({ getServerConfig: () => ({ store: { provider: 'upstash' } }) }));
jest.mock('@/app/admin/sign-in/actions', () => ({ signOutOfAdmin: jest.fn() }));

const ID = `we_${'c'.repeat(32)}`;
const URL = 'https://crm.example.com/hooks/';
const API = `/api/v1/admin/webhooks/${ID}`;
const EVENT_TYPES = ['lead.captured', 'lead.updated', 'meeting.booked'];
const catalogues: Record<Locale, Partial<Record<NotifyKey, string>>> = { en: notifyEn, es: notifyEs, fr: notifyFr, de: notifyDe, ar: notifyAr };
const words = (locale: Locale, key: NotifyKey) => translateNotify(locale, key);

const realFetch = global.fetch;
beforeEach(() => {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 360 });
});
afterEach(() => {
  global.fetch = realFetch;
});

interface Call {
  method: string;
  url: string;
  body: unknown;
  ifMatch: string | undefined;
}

/** The webhook admin API as the routes answer: versions move on with each change, a stale If-Match is a 409 naming the current one. */
function fakeApi() {
  const calls: Call[] = [];
  let version = 1;
  const endpoint = { id: ID, url: URL, events: ['lead.captured'], description: 'CRM', enabled: true, secretHint: 'whsec_…wxyz', createdAt: 1, updatedAt: 1 };
  const current = () => ({ ...endpoint, updatedAt: version, etag: `"${version}"` });
  const change = (fields: Partial<typeof endpoint>) => {
    Object.assign(endpoint, fields);
    version += 1;
  };
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const ifMatch = (init?.headers as Record<string, string> | undefined)?.['if-match'];
    calls.push({ method, url, body, ifMatch });
    if (url === '/api/v1/admin/webhooks' && method === 'GET') return Response.json({ endpoints: [current()], eventTypes: EVENT_TYPES });
    if (url === API && method === 'GET') return Response.json({ endpoint: current(), deliveries: [] }, { headers: { etag: `"${version}"` } });
    if (url === API && method === 'PATCH') {
      if (ifMatch !== undefined && ifMatch !== `"${version}"`) {
        return Response.json({ error: { code: 'conflict:admin', message: 'The endpoint was changed after you read it.', details: { etag: `"${version}"` } } }, { status: 409 });
      }
      const { rotateSecret, ...fields } = body ?? {};
      change(fields as Partial<typeof endpoint>);
      return Response.json({ endpoint: current(), ...(rotateSecret ? { secret: 'whsec_bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmV3+/==' } : {}) }, { headers: { etag: `"${version}"` } });
    }
    return Response.json({ error: { code: 'not_found:admin', message: 'no' } }, { status: 404 });
  }) as unknown as typeof fetch;
  return { calls, change, patches: () => calls.filter((call) => call.method === 'PATCH'), listReads: () => calls.filter((call) => call.method === 'GET' && call.url === '/api/v1/admin/webhooks').length };
}

function renderPage(locale: Locale = 'en') {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>
        <WebhooksManager canWrite />
      </I18nProvider>
    </SWRConfig>,
  );
}

describe('a change made on the version the admin read', () => {
  it('Edit sends only what changed with If-Match; a 409 says so, shows the current settings, keeps the typed text, and Save again lands', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    renderPage();
    const card = await screen.findByTestId('webhook-endpoint');
    const edit = within(card).getByRole('button', { name: 'Edit' });
    await user.click(edit);
    const form = within(card).getByRole('form', { name: `Edit ${URL}` });
    expect(edit).toHaveAttribute('aria-expanded', 'true');
    expect(within(form).getByLabelText('Endpoint URL')).toHaveFocus();
    expect(within(form).getByLabelText('Endpoint URL')).toHaveValue(URL);
    const description = within(form).getByLabelText('Description (optional)');
    await user.clear(description);
    await user.type(description, 'CRM (sales team)');
    await user.click(within(form).getByRole('checkbox', { name: /meeting\.booked/ }));

    // Another admin renames it and turns it off after this page read it.
    api.change({ description: 'Renamed by Ana', enabled: false });
    const readsBefore = api.listReads();
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(notifyEn['admin.webhooks.edit.changed']);
    expect(api.patches()).toEqual([{ method: 'PATCH', url: API, body: { description: 'CRM (sales team)', events: ['lead.captured', 'meeting.booked'] }, ifMatch: '"1"' }]);
    // The list is read again: the card shows what the other admin did; the form keeps this admin's words.
    await waitFor(() => expect(api.listReads()).toBeGreaterThan(readsBefore));
    expect(await within(card).findByText('Renamed by Ana')).toBeInTheDocument();
    expect(within(card).getByRole('checkbox', { name: 'Enabled' })).not.toBeChecked();
    expect(description).toHaveValue('CRM (sales team)');
    expect(within(form).getByRole('checkbox', { name: /meeting\.booked/ })).toBeChecked();

    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(card).findByText('Changes saved.')).toHaveAttribute('role', 'status');
    expect(api.patches()[1]).toEqual({ method: 'PATCH', url: API, body: { description: 'CRM (sales team)', events: ['lead.captured', 'meeting.booked'] }, ifMatch: '"2"' });
    expect(within(card).queryByRole('form')).not.toBeInTheDocument();
    expect(edit).toHaveFocus();
    expect(await within(card).findByText('CRM (sales team)')).toBeInTheDocument();
  });

  it('German: the enabled switch sends its version; a 409 is said in German, the switch shows the current state, and switching again lands', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    renderPage('de');
    const card = await screen.findByTestId('webhook-endpoint');
    const enabled = within(card).getByRole('checkbox', { name: notifyDe['admin.webhooks.endpoint.enabled'] });
    // Someone else has changed the URL's description meanwhile.
    api.change({ description: 'Vertrieb' });
    await user.click(enabled);
    expect(await within(card).findByText(notifyDe['admin.webhooks.error.changed']!)).toHaveAttribute('role', 'status');
    expect(api.patches()).toEqual([{ method: 'PATCH', url: API, body: { enabled: false }, ifMatch: '"1"' }]);
    expect(await within(card).findByText('Vertrieb')).toBeInTheDocument();
    expect(enabled).toBeChecked();

    await user.click(enabled);
    await waitFor(() => expect(api.patches()[1]).toEqual({ method: 'PATCH', url: API, body: { enabled: false }, ifMatch: '"2"' }));
    await waitFor(() => expect(enabled).not.toBeChecked());
    expect(within(card).queryByText(notifyDe['admin.webhooks.error.changed']!)).not.toBeInTheDocument();
  });

  it('Arabic: a rotation on a stale version is refused in Arabic and the confirmation stays, so Rotate again goes through', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    renderPage('ar');
    const card = await screen.findByTestId('webhook-endpoint');
    await user.click(within(card).getByRole('button', { name: notifyAr['admin.webhooks.endpoint.rotate'] }));
    const dialog = within(card).getByRole('alertdialog');
    api.change({ url: 'https://crm.example.com/v2/' });
    await user.click(within(dialog).getByRole('button', { name: notifyAr['admin.webhooks.rotate.yes'] }));
    expect(await within(card).findByText(notifyAr['admin.webhooks.error.changed']!)).toBeInTheDocument();
    expect(api.patches()[0]).toMatchObject({ body: { rotateSecret: true }, ifMatch: '"1"' });
    // The confirmation now names the URL the endpoint has, left to right inside the Arabic sentence.
    await waitFor(() => expect(within(card).getByRole('alertdialog')).toHaveTextContent('\u2066https://crm.example.com/v2/\u2069'));
    await user.click(within(within(card).getByRole('alertdialog')).getByRole('button', { name: notifyAr['admin.webhooks.rotate.yes'] }));
    const secret = await screen.findByTestId('webhook-secret');
    expect(api.patches()[1]).toMatchObject({ body: { rotateSecret: true }, ifMatch: '"2"' });
    expect(within(secret).getByText('whsec_bmV3bmV3bmV3bmV3bmV3bmV3bmV3bmV3+/==')).toHaveAttribute('dir', 'ltr');
    expect(within(secret).getByRole('heading')).toHaveTextContent('\u2066https://crm.example.com/v2/\u2069');
  });

  it.each(LOCALES.map((locale) => [locale]))('%s: a 409 naming the current version is “someone else changed it”; one without is still “too many endpoints”', (locale) => {
    const stale = new ApiError(409, 'The endpoint was changed after you read it.', 'conflict:admin', { etag: '"5"' });
    const full = new ApiError(409, 'At most 50 webhook endpoints can be registered; delete one first.', 'conflict:admin');
    expect(webhookProblem(locale, stale).text).toBe(words(locale, 'admin.webhooks.error.changed'));
    expect(webhookProblem(locale, full).text).toBe(words(locale, 'admin.webhooks.error.tooMany'));
  });

  it('the new words are in all five languages, each its own', () => {
    const keys: NotifyKey[] = ['admin.webhooks.endpoint.edit', 'admin.webhooks.edit.label', 'admin.webhooks.edit.save', 'admin.webhooks.edit.saving', 'admin.webhooks.edit.saved', 'admin.webhooks.edit.changed', 'admin.webhooks.error.changed', 'admin.webhooks.list.retry'];
    for (const key of keys) {
      const texts = LOCALES.map((locale) => catalogues[locale][key]);
      expect(texts.every((text) => typeof text === 'string' && text.length > 0)).toBe(true);
      expect(new Set(texts).size).toBe(LOCALES.length);
    }
    expect(new Set(LOCALES.map((locale) => translateAdminShell(locale, 'keys.list.retry'))).size).toBe(LOCALES.length);
  });
});

describe('the webhooks page at 360 px, keyboard only, in Arabic and German', () => {
  it('Arabic: URLs keep their order inside sentences, the URL fields read left to right', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderPage('ar');
    const card = await screen.findByTestId('webhook-endpoint');
    expect(within(card).getByRole('heading', { level: 3 })).toHaveTextContent(`\u2066${URL}\u2069`);
    expect(within(card).getByRole('group', { name: notifyAr['admin.webhooks.endpoint.actions']!.replace('{url}', `\u2066${URL}\u2069`) })).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: notifyAr['admin.webhooks.endpoint.delete'] }));
    expect(within(card).getByRole('alertdialog')).toHaveTextContent(notifyAr['admin.webhooks.delete.confirm']!.replace('{url}', `\u2066${URL}\u2069`));
    for (const field of screen.getAllByLabelText(notifyAr['admin.webhooks.field.url']!)) expect(field).toHaveAttribute('dir', 'ltr');
    // Each card's switch says which endpoint it turns off.
    expect(within(card).getByRole('checkbox', { name: notifyAr['admin.webhooks.endpoint.enabled'] })).toHaveAccessibleDescription(`\u2066${URL}\u2069`);
    // The admin's own description is isolated from the Arabic around it.
    expect(within(card).getByText('CRM').tagName).toBe('BDI');
  });

  it.each([['de'], ['ar']] as Array<[Locale]>)('%s: Tab walks the card in order, Edit opens at the URL, Escape closes back to Edit; every control is named', async (locale) => {
    fakeApi();
    const user = userEvent.setup();
    renderPage(locale);
    const card = await screen.findByTestId('webhook-endpoint');
    const t = (key: NotifyKey) => words(locale, key);
    within(card).getByRole('checkbox', { name: t('admin.webhooks.endpoint.enabled') }).focus();
    const order = [t('admin.webhooks.endpoint.test'), t('admin.webhooks.endpoint.showLog'), t('admin.webhooks.endpoint.edit'), t('admin.webhooks.endpoint.rotate'), t('admin.webhooks.endpoint.delete')];
    for (const name of order) {
      await user.tab();
      expect(within(card).getByRole('button', { name })).toHaveFocus();
    }
    const edit = within(card).getByRole('button', { name: t('admin.webhooks.endpoint.edit') });
    edit.focus();
    await user.keyboard('{Enter}');
    const form = within(card).getByRole('form');
    expect(within(form).getByLabelText(t('admin.webhooks.field.url'))).toHaveFocus();
    await user.tab();
    expect(within(form).getByLabelText(t('admin.webhooks.field.description'))).toHaveFocus();
    const controls = [...document.querySelectorAll<HTMLElement>('button, input, a[href], select, textarea')];
    for (const control of controls) expect(control).toHaveAccessibleName();
    await user.keyboard('{Escape}');
    expect(within(card).queryByRole('form')).not.toBeInTheDocument();
    expect(edit).toHaveFocus();
  });
});

describe('the admin shell and the backups page on a phone, keyboard only', () => {
  afterEach(() => {
    mockServer.locale = 'de';
    mockServer.email = 'ana@northwind.example';
  });

  it('German, a long address: it wraps instead of widening the page; Tab goes skip link, sign-out, then the sections in order', async () => {
    mockServer.email = 'vertriebsleitung.mitteleuropa@northwind-handelsgesellschaft.example';
    const user = userEvent.setup();
    render(await AdminLayout({ children: <main>Inhalt</main> }));
    const t = (key: Parameters<typeof translateAdminShell>[1], vars?: Record<string, string>) => translateAdminShell('de', key, vars);
    const who = screen.getByText(t('shell.signedInAs', { email: mockServer.email }));
    expect(who).toHaveClass('wrap-anywhere', 'min-w-0');
    expect(screen.getByTestId('admin-user')).toHaveClass('min-w-0');

    await user.tab();
    expect(screen.getByRole('link', { name: t('shell.skip') })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: t('shell.signOut') })).toHaveFocus();
    for (const key of ['shell.nav.dashboard', 'shell.nav.conversations', 'shell.nav.leads', 'shell.nav.webhooks', 'shell.nav.keys', 'shell.nav.backups'] as const) {
      await user.tab();
      expect(screen.getByRole('link', { name: t(key) })).toHaveFocus();
    }
    expect(screen.getByRole('link', { name: t('shell.nav.backups') })).toHaveAttribute('aria-current', 'page');
  });

  it('Arabic: each command wider than a phone is reached by Tab after the download, so the keyboard can scroll it; it stays left to right', async () => {
    mockServer.locale = 'ar';
    const user = userEvent.setup();
    render(<div dir="rtl">{await BackupsPage()}</div>);
    await user.tab();
    expect(screen.getByRole('link', { name: translateRecords('ar', 'records.backups.download') })).toHaveFocus();
    const commands = screen.getAllByText(/^npm run /);
    expect(commands).toHaveLength(3);
    for (const command of commands) {
      await user.tab();
      expect(command).toHaveFocus();
      expect(command).toHaveAttribute('dir', 'ltr');
      expect(command).toHaveClass('overflow-x-auto');
    }
  });
});

describe('a list that failed to load can be asked again from the keyboard', () => {
  /** The first `failures` list reads fail with a 503; the next answer. */
  function flakyApi(failures: number, answer: () => unknown) {
    let reads = 0;
    global.fetch = jest.fn(async () => {
      reads += 1;
      if (reads <= failures) return Response.json({ error: { code: 'upstream_unavailable:admin', message: 'Redis is unavailable' } }, { status: 503 });
      return Response.json(answer());
    }) as unknown as typeof fetch;
    return { reads: () => reads };
  }

  it('German webhooks: says it in German with Erneut versuchen, which loads the list', async () => {
    const api = flakyApi(1, () => ({ endpoints: [{ id: ID, url: URL, events: ['lead.captured'], description: 'CRM', enabled: true, secretHint: 'whsec_…wxyz', createdAt: 1, updatedAt: 1, etag: '"1"' }], eventTypes: EVENT_TYPES }));
    const user = userEvent.setup();
    renderPage('de');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(notifyDe['admin.webhooks.list.error']!);
    expect(alert).not.toHaveTextContent('Redis');
    within(alert).getByRole('button', { name: 'Erneut versuchen' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('webhook-endpoint')).toHaveTextContent(URL);
    expect(api.reads()).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('Arabic API keys: says it in Arabic with a named retry, which loads the keys', async () => {
    flakyApi(1, () => ({ keys: [{ id: 'key_AAAAAAAAAAAA', name: 'Nightly', scopes: ['export'], preview: 'sk_live_Zzzz…', createdAt: 1, createdBy: null, lastUsedAt: null }] }));
    const user = userEvent.setup();
    render(
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <I18nProvider locale="ar">
          <KeysManager locale="ar" canWrite={false} />
        </I18nProvider>
      </SWRConfig>,
    );
    const alert = await screen.findByRole('alert');
    const retry = within(alert).getByRole('button', { name: translateAdminShell('ar', 'keys.list.retry') });
    retry.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('keys-table')).toHaveTextContent('Nightly');
  });
});
