// Session 27, an admin in five languages, at 360 px, keyboard only, with and without JavaScript: a webhook URL the
// server refuses (a private address, http, a name resolving inside the network…) is said in the page's language, at
// the URL field; the conversations and leads filters and pager are plain GET forms the server page reads, so they
// work without JavaScript, and with it the list shows the server's rows at once and keeps the address up to date.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToStaticMarkup } from 'react-dom/server';
import { SWRConfig } from 'swr';
import { RecordList } from '@/components/admin/records/record-list';
import { needsScriptNotice } from '@/components/admin/shell/no-script-notice';
import { ApiError } from '@/components/admin/webhooks/api';
import { DeliveryLog } from '@/components/admin/webhooks/delivery-log';
import { deliveryProblemText, webhookProblem } from '@/components/admin/webhooks/problem';
import { WebhooksManager } from '@/components/admin/webhooks/webhooks-manager';
import { readRecordPageParams, type RecordListStart } from '@/lib/admin/record-query';
import type { RecordPage } from '@/lib/admin/records-types';
import { notifyEn, notifyEs } from '@/lib/i18n/catalogues/notify';
import { notifyAr } from '@/lib/i18n/catalogues/notify-ar';
import { notifyDe } from '@/lib/i18n/catalogues/notify-de';
import { notifyFr } from '@/lib/i18n/catalogues/notify-fr';
import { recordsEn, recordsEs } from '@/lib/i18n/catalogues/records';
import { recordsAr } from '@/lib/i18n/catalogues/records-ar';
import { recordsDe } from '@/lib/i18n/catalogues/records-de';
import { recordsFr } from '@/lib/i18n/catalogues/records-fr';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';
import { translateNotify } from '@/lib/i18n/notify';
import { translateRecords } from '@/lib/i18n/records';
import { ADDRESS_RANGES, URL_REFUSALS } from '@/lib/webhooks/url-refusal';
import { recordRow } from '../support/record-rows';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

const realFetch = global.fetch;
beforeEach(() => {
  // A phone: 360 px wide.
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 360 });
  window.history.replaceState(null, '', '/admin/conversations');
});
afterEach(() => {
  global.fetch = realFetch;
});

function renderIn(ui: React.ReactElement, locale: Locale) {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </SWRConfig>,
  );
}

// ------------------------------------------------------------------------------------------------ webhook refusals

/** The webhook API refusing every new endpoint the way lib/webhooks/url-policy.ts does. */
function refusingApi(details: Record<string, unknown>, message = 'The endpoint host rebind.attacker.example resolves to 10.0.0.7, which is private; webhooks go to public addresses only.') {
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === 'GET') return Response.json({ endpoints: [], eventTypes: ['lead.captured', 'meeting.booked'] });
    return Response.json({ error: { code: 'bad_request:admin', message, details } }, { status: 400 });
  }) as unknown as typeof fetch;
}

const NEW_NOTIFY_KEYS = [
  'admin.webhooks.field.urlMissing',
  'admin.webhooks.url.invalid',
  'admin.webhooks.url.https',
  'admin.webhooks.url.httpOrHttps',
  'admin.webhooks.url.credentials',
  'admin.webhooks.url.address',
  'admin.webhooks.url.unresolved',
  'admin.webhooks.url.resolvesTo',
  'admin.webhooks.url.cannotCheck',
  'admin.webhooks.error.badRequest',
  'admin.webhooks.error.tooMany',
  'admin.webhooks.error.gone',
  'admin.webhooks.problem.redirect',
  'admin.webhooks.problem.timeout',
  'admin.webhooks.problem.disabled',
  'admin.webhooks.problem.network',
  ...ADDRESS_RANGES.map((range) => `admin.webhooks.range.${range}`),
] as const;

describe('a refused webhook URL is said in the page’s language', () => {
  it('every refusal and every kind of address has its own words in all five languages', () => {
    for (const [locale, catalogue] of [
      ['es', notifyEs],
      ['fr', notifyFr],
      ['de', notifyDe],
      ['ar', notifyAr],
    ] as const) {
      for (const key of NEW_NOTIFY_KEYS) {
        const english = notifyEn[key as keyof typeof notifyEn];
        expect([locale, key, typeof english]).toEqual([locale, key, 'string']);
        expect([locale, key, catalogue[key as keyof typeof notifyEn] !== undefined && catalogue[key as keyof typeof notifyEn] !== english]).toEqual([locale, key, true]);
      }
    }
    expect(translateRecords('ar', 'records.filters.invalid', { params: 'x' })).not.toBe(recordsEn['records.filters.invalid']);
    for (const catalogue of [recordsEs, recordsFr, recordsDe, recordsAr]) expect(catalogue['records.filters.invalid']).toMatch(/\{params\}/);
  });

  it.each(URL_REFUSALS.map((reason) => [reason]))('%s: worded from its code, never the API’s English', (reason) => {
    const details = { reason, host: 'rebind.attacker.example', address: '10.0.0.7', range: 'private' };
    for (const locale of LOCALES) {
      const { text, url } = webhookProblem(locale, new ApiError(400, 'English for the log', 'bad_request:admin', details));
      expect(url).toBe(true);
      expect(text).not.toContain('English for the log');
      if (locale !== 'en') expect(text).not.toBe(webhookProblem('en', new ApiError(400, 'x', 'bad_request:admin', details)).text);
      if (reason === 'resolves_to') expect(text).toContain(translateNotify(locale, 'admin.webhooks.range.private'));
    }
  });

  it('other failures by their status, in the page’s language; a forged details shape is not trusted', () => {
    expect(webhookProblem('de', new ApiError(409, 'At most 50', 'conflict:admin')).text).toBe(notifyDe['admin.webhooks.error.tooMany']);
    expect(webhookProblem('fr', new ApiError(503, 'Host names cannot be checked', 'upstream_unavailable:admin')).text).toBe(notifyFr['admin.webhooks.url.cannotCheck']);
    expect(webhookProblem('es', new ApiError(400, 'url: Too big', 'bad_request:admin')).text).toBe(notifyEs['admin.webhooks.error.badRequest']);
    expect(webhookProblem('ar', new ApiError(400, 'x', 'bad_request:admin', { reason: 'address', range: '<img src=x>', address: 1 })).text).toBe(
      translateNotify('ar', 'admin.webhooks.url.address', { address: '\u2066\u2069', range: notifyAr['admin.webhooks.range.reserved'] as string }),
    );
    expect(webhookProblem('es', new TypeError('Failed to fetch')).text).toBe(notifyEs['admin.webhooks.error.generic']);
  });

  it.each(LOCALES.map((locale) => [locale]))('%s: a DNS name resolving to a private address, said at the URL field, which gets the focus', async (locale) => {
    refusingApi({ reason: 'resolves_to', host: 'rebind.attacker.example', address: '10.0.0.7', range: 'private' });
    const user = userEvent.setup();
    renderIn(<WebhooksManager canWrite />, locale);
    const field = screen.getByLabelText(translateNotify(locale, 'admin.webhooks.field.url'));
    await user.type(field, 'https://rebind.attacker.example/hook');
    await user.click(await screen.findByRole('checkbox', { name: /lead\.captured/ }));
    await user.click(screen.getByRole('button', { name: translateNotify(locale, 'admin.webhooks.add.submit') }));
    const alert = await screen.findByRole('alert');
    // An address and a host keep their left-to-right order inside an Arabic sentence.
    const isolate = (text: string) => (locale === 'ar' ? `\u2066${text}\u2069` : text);
    expect(alert).toHaveTextContent(
      translateNotify(locale, 'admin.webhooks.url.resolvesTo', { host: isolate('rebind.attacker.example'), address: isolate('10.0.0.7'), range: translateNotify(locale, 'admin.webhooks.range.private') }),
      { normalizeWhitespace: false },
    );
    // Not the API's English message (for scripts and logs).
    expect(alert).not.toHaveTextContent('The endpoint host');
    if (locale === 'en') expect(alert).toHaveTextContent('The host rebind.attacker.example resolves to 10.0.0.7, which is a private address');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);
    expect(field).toHaveFocus();
  });

  it('an empty URL is said before anything is sent, keyboard only (Tab order: URL, description, events, Add)', async () => {
    refusingApi({ reason: 'invalid' });
    const user = userEvent.setup();
    renderIn(<WebhooksManager canWrite />, 'es');
    await screen.findByRole('checkbox', { name: /lead\.captured/ });
    await user.tab();
    expect(screen.getByLabelText(notifyEs['admin.webhooks.field.url'])).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText(notifyEs['admin.webhooks.field.description'])).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('checkbox', { name: /lead\.captured/ })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: notifyEs['admin.webhooks.add.submit'] })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(notifyEs['admin.webhooks.field.urlMissing']);
    expect(screen.getByLabelText(notifyEs['admin.webhooks.field.url'])).toHaveFocus();
    expect((global.fetch as jest.Mock).mock.calls.some(([, init]) => (init as RequestInit | undefined)?.method === 'POST')).toBe(false);
  });
});

describe('a failed delivery is said in the page’s language in the log', () => {
  const entry = (n: number, extra: Record<string, unknown>) => ({ jobId: `job_${n}`, attempt: 1, at: Date.UTC(2026, 11, 1, 10, n), ok: false, status: null, durationMs: 40, nextAttemptAt: null, messageId: `m${n}`, type: 'lead.captured', ...extra });
  const deliveries = [
    entry(1, { status: 302, error: 'HTTP 302 (redirects are not followed)', problem: { code: 'redirect', status: 302 } }),
    entry(2, { error: 'no answer within 10000 ms', problem: { code: 'timeout' } }),
    entry(3, { error: 'the endpoint is disabled', problem: { code: 'disabled' } }),
    entry(4, { error: 'The endpoint host hooks.example.com resolves to 192.168.1.20, which is private; …', problem: { code: 'refused', refusal: { reason: 'resolves_to', host: 'hooks.example.com', address: '192.168.1.20', range: 'private' } } }),
    entry(5, { error: 'connect ECONNREFUSED 93.184.216.34:443', problem: { code: 'network' } }),
    entry(6, { status: 500, error: 'HTTP 500', problem: { code: 'http', status: 500 } }),
  ];

  it.each(LOCALES.map((locale) => [locale]))('%s: redirect, timeout, disabled, refused at delivery, connection — none in the log’s English', async (locale) => {
    global.fetch = jest.fn(async () => Response.json({ endpoint: {}, deliveries })) as unknown as typeof fetch;
    renderIn(<DeliveryLog id={`we_${'a'.repeat(32)}`} url="https://hooks.example.com/in" />, locale);
    const table = await screen.findByTestId('delivery-log');
    const text = table.textContent ?? '';
    for (const english of ['redirects are not followed', 'no answer within', 'The endpoint host']) expect(text).not.toContain(english);
    if (locale !== 'en') expect(text).not.toContain('the endpoint is disabled');
    for (const item of deliveries) expect(text).toContain(deliveryProblemText(locale, item as never));
    expect(text).toContain(translateNotify(locale, 'admin.webhooks.problem.timeout'));
    expect(text).toContain(translateNotify(locale, 'admin.webhooks.range.private'));
    // The system's own words for a failed connection are kept (they name the cause), inside the translated sentence.
    expect(text).toContain('ECONNREFUSED');
  });

  it('an entry logged before the codes existed shows its error as it was', () => {
    expect(deliveryProblemText('de', { error: 'HTTP 418', status: 418 })).toBe('HTTP 418');
    expect(deliveryProblemText('de', { status: null })).toBe(notifyDe['admin.webhooks.log.noAnswer']);
  });
});

// ------------------------------------------------------------------------------------------------ lists without JavaScript

const PAGE: RecordPage = {
  items: [recordRow(1, { title: 'Precio para 12 personas', hasLead: true, name: 'María Pérez', email: 'maria@acme.es' }), recordRow(2)],
  nextCursor: '1793611740000:1',
};

function startOf(kind: 'conversations' | 'leads', locale: Locale, search: Record<string, string | string[]>, page: RecordPage | null = PAGE): RecordListStart {
  const params = readRecordPageParams(kind, locale, search);
  return { params, page: params.query ? page : null, failed: false };
}

/** What a browser without JavaScript gets: the server's HTML, forms and all. */
function serverHtml(kind: 'conversations' | 'leads', locale: Locale, start: RecordListStart): Document {
  const html = renderToStaticMarkup(
    <SWRConfig value={{ provider: () => new Map() }}>
      <I18nProvider locale={locale}>
        <RecordList kind={kind} start={start} />
      </I18nProvider>
    </SWRConfig>,
  );
  return new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
}

const fieldsOf = (form: HTMLFormElement) => [...form.elements].flatMap((element) => ((element as HTMLInputElement).name ? [(element as HTMLInputElement).name] : []));

describe('the filters and pager work without JavaScript', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: a GET form to the page with named fields, the server’s rows, and pager forms that carry the cursor', (locale) => {
    const doc = serverHtml('leads', locale, startOf('leads', locale, { q: 'acme', status: 'qualified', from: '2026-11-04' }));
    const search = doc.querySelector('form[role="search"]') as HTMLFormElement;
    expect(search.getAttribute('method')).toBe('get');
    expect(search.getAttribute('action')).toBe('/admin/leads');
    expect(fieldsOf(search)).toEqual(['q', 'stage', 'status', 'from', 'to']);
    expect((search.elements.namedItem('q') as HTMLInputElement).value).toBe('acme');
    expect((search.elements.namedItem('status') as HTMLSelectElement).querySelector('option[selected]')?.getAttribute('value')).toBe('qualified');
    // The day shows in the page's own format.
    expect((search.elements.namedItem('from') as HTMLInputElement).value).toBe({ en: '11/04/2026', es: '04/11/2026', fr: '04/11/2026', de: '04.11.2026', ar: '04/11/2026' }[locale]);
    // The rows are in the HTML: nothing waits for a script.
    expect(doc.body.textContent).toContain('María Pérez');
    expect(doc.querySelector('a[href$="/admin/leads/3f1c2a9e-8b7d-4c6e-9a5f-000000000001"]')).not.toBeNull();
    expect(doc.body.textContent).not.toContain(translateRecords(locale, 'records.loading'));
    // Older: a GET form to the next page, keeping the filters and the way back.
    const older = [...doc.querySelectorAll('nav form')].find((form) => form.textContent === translateRecords(locale, 'records.pager.older')) as HTMLFormElement;
    expect(older.getAttribute('action')).toBe('/admin/leads');
    const hidden = Object.fromEntries([...older.querySelectorAll('input[type="hidden"]')].map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]));
    expect(hidden).toEqual({ q: 'acme', status: 'qualified', from: '2026-11-04', cursor: '1793611740000:1', trail: '' });
    // …which the server page reads back as page 2, whose Newer goes back to page 1.
    const second = readRecordPageParams('leads', locale, hidden);
    expect(second).toMatchObject({ cursor: '1793611740000:1', trail: [''], invalid: [] });
    const page2 = serverHtml('leads', locale, { params: second, page: { items: [recordRow(3)], nextCursor: null }, failed: false });
    const newer = [...page2.querySelectorAll('nav form')].find((form) => form.textContent === translateRecords(locale, 'records.pager.newer')) as HTMLFormElement;
    expect([...newer.querySelectorAll('input[type="hidden"]')].map((input) => (input as HTMLInputElement).name)).toEqual(['q', 'status', 'from']);
    expect(page2.body.textContent).toContain(translateRecords(locale, 'records.pager.page', { page: new Intl.NumberFormat(locale).format(2) }));
  });

  it('Clear submits an empty GET form of its own', () => {
    const doc = serverHtml('conversations', 'de', startOf('conversations', 'de', { q: 'hooli' }));
    const clear = [...doc.querySelectorAll('button')].find((button) => button.textContent === recordsDe['records.filters.clear']) as HTMLButtonElement;
    const target = doc.getElementById(clear.getAttribute('form') ?? '') as HTMLFormElement;
    expect(target.tagName).toBe('FORM');
    expect(target.getAttribute('method')).toBe('get');
    expect(target.getAttribute('action')).toBe('/admin/conversations');
    // Its only control is the Clear button itself: no field goes with it.
    expect([...target.elements]).toEqual([clear]);
    expect(fieldsOf(target)).toEqual([]);
  });

  it.each(LOCALES.map((locale) => [locale]))('%s: a date that is not one is said at the field with what was typed; an unknown filter is named; nothing is listed', (locale) => {
    const doc = serverHtml('conversations', locale, startOf('conversations', locale, { from: '31/02/2026', sate: 'closing' }));
    const from = doc.querySelector('input[name="from"]') as HTMLInputElement;
    expect(from.value).toBe('31/02/2026');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    const error = doc.getElementById(`${from.id}-error`);
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain(translateAdminShell(locale, 'date.invalid', { pattern: '', example: '' }).slice(0, 8));
    const alerts = [...doc.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent ?? '');
    expect(alerts).toContain(translateRecords(locale, 'records.filters.invalid', { params: '\u2068sate\u2069' }));
    expect(doc.querySelector('table')).toBeNull();
    // No export of filters that cannot be read: the file would be the API's refusal.
    expect(doc.querySelector('a[href^="/api/v1/admin/export"]')).toBeNull();
  });

  it('the "needs JavaScript" notice stays only on the pages that still need it', () => {
    for (const path of ['/admin/conversations', '/admin/leads', '/admin/leads/', '/admin/backups', '/admin/keys']) expect([path, needsScriptNotice(path)]).toEqual([path, false]);
    for (const path of ['/admin', '/admin/conversations/3f1c2a9e-8b7d-4c6e-9a5f-000000000001', '/admin/leads/x', '/admin/webhooks']) {
      expect([path, needsScriptNotice(path)]).toEqual([path, true]);
    }
  });

  it('a range that ends before it starts is said at the second date', () => {
    const doc = serverHtml('leads', 'fr', startOf('leads', 'fr', { from: '05/11/2026', to: '01/11/2026' }));
    const to = doc.querySelector('input[name="to"]') as HTMLInputElement;
    expect(doc.getElementById(`${to.id}-error`)?.textContent).toBe(translateAdminShell('fr', 'date.order'));
  });
});

describe('with JavaScript, the list starts from the server’s rows and keeps the address up to date', () => {
  it('shows the server’s rows at once, asks the API from the admin’s own midnight, and writes the filters into the address', async () => {
    const urls: string[] = [];
    global.fetch = jest.fn(async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return Response.json({ items: [recordRow(7, { title: 'Gefiltert' })], nextCursor: null });
    }) as unknown as typeof fetch;
    const user = userEvent.setup();
    renderIn(<RecordList kind="conversations" start={startOf('conversations', 'de', { q: 'preis' })} />, 'de');
    // From the server, before any answer of the API.
    expect(screen.getByText('Precio para 12 personas')).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe('?q=preis'));

    const search = screen.getByRole('search', { name: recordsDe['records.filters.label'] });
    const q = within(search).getByRole('searchbox', { name: recordsDe['records.filters.q'] });
    await user.clear(q);
    await user.type(q, 'hooli');
    await user.type(within(search).getByRole('textbox', { name: recordsDe['records.filters.from'] }), '04.11.2026');
    await user.click(within(search).getByRole('button', { name: recordsDe['records.filters.apply'] }));
    expect(await screen.findByText('Gefiltert')).toBeInTheDocument();
    const query = Object.fromEntries(new URLSearchParams(urls.at(-1)?.split('?')[1]));
    expect(query).toMatchObject({ q: 'hooli', from: String(new Date('2026-11-04T00:00:00').getTime()) });
    // The address says ISO days, which the server page reads back in any language.
    expect(window.location.pathname).toBe('/admin/conversations');
    expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({ q: 'hooli', from: '2026-11-04' });
  });

  it('an address with an unknown filter lists nothing until the filters are applied again, then lists', async () => {
    const urls: string[] = [];
    global.fetch = jest.fn(async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return Response.json({ items: [recordRow(9, { title: 'Alles' })], nextCursor: null });
    }) as unknown as typeof fetch;
    const user = userEvent.setup();
    renderIn(<RecordList kind="conversations" start={startOf('conversations', 'ar', { sate: 'x' })} />, 'ar');
    expect(screen.getByRole('alert')).toHaveTextContent('sate');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(urls).toEqual([]);
    await user.click(screen.getByRole('button', { name: recordsAr['records.filters.apply'] }));
    expect(await screen.findByText('Alles')).toBeInTheDocument();
    expect(screen.queryByText(/sate/)).toBeNull();
  });

  it('pager buttons keep working with the keyboard and are named; Older then Newer walks the cursors', async () => {
    const urls: string[] = [];
    global.fetch = jest.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      const cursor = new URLSearchParams(url.split('?')[1]).get('cursor');
      return Response.json(cursor ? { items: [recordRow(30, { title: 'Seite zwei' })], nextCursor: null } : { items: [recordRow(1, { title: 'Seite eins' })], nextCursor: '1793611740000:1' });
    }) as unknown as typeof fetch;
    const user = userEvent.setup();
    renderIn(<RecordList kind="conversations" />, 'de');
    await screen.findByText('Seite eins');
    const older = screen.getByRole('button', { name: recordsDe['records.pager.older'] });
    older.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Seite zwei')).toBeInTheDocument();
    expect(new URLSearchParams(urls.at(-1)?.split('?')[1]).get('cursor')).toBe('1793611740000:1');
    await waitFor(() => expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({ cursor: '1793611740000:1', trail: '' }));
    // The last page: Older says it cannot go on, keeps the focus, and does nothing.
    expect(older).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard('{Enter}');
    expect(older).toHaveFocus();
    await user.click(screen.getByRole('button', { name: recordsDe['records.pager.newer'] }));
    expect(await screen.findByText('Seite eins')).toBeInTheDocument();
    await waitFor(() => expect(window.location.search).toBe(''));
  });
});
