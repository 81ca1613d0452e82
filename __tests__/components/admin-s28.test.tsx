// Session 28, an admin far from UTC and without JavaScript: the lists read and show days and times in the admin's own
// zone (the one their browser left in a cookie), say which zone that is, hydrate without a mismatch when the browser's
// zone differs, then ask again in the browser's; the transcript and lead pages are in the server's HTML, so they read
// without JavaScript (their changes still need it, and the notice says just that), in five languages.
import { act, render, screen, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { SWRConfig } from 'swr';
import { LeadView } from '@/components/admin/records/lead-view';
import { RecordList } from '@/components/admin/records/record-list';
import { TranscriptView } from '@/components/admin/records/transcript-view';
import { scriptNoticeKey } from '@/components/admin/shell/no-script-notice';
import { AdminTimeZoneProvider } from '@/components/admin/shell/time-zone';
import { readRecordPageParams, type RecordListStart } from '@/lib/admin/record-query';
import type { ConversationDetail, LeadDetail, RecordPage } from '@/lib/admin/records-types';
import { dayEndIn, dayStartIn } from '@/lib/admin/time-zone';
import { adminShellEn, adminShellEs } from '@/lib/i18n/catalogues/admin-shell';
import { adminShellAr } from '@/lib/i18n/catalogues/admin-shell-ar';
import { adminShellDe } from '@/lib/i18n/catalogues/admin-shell-de';
import { adminShellFr } from '@/lib/i18n/catalogues/admin-shell-fr';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';
import { translateRecords } from '@/lib/i18n/records';
import { recordRow, ROW_AT } from '../support/record-rows';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

// The browser's own zone, as Intl would report it on the admin's machine.
let mockBrowserZone = 'UTC';
jest.mock('@/lib/admin/time-zone', () => {
  const actual = jest.requireActual('@/lib/admin/time-zone');
  return { ...actual, browserTimeZone: () => mockBrowserZone };
});

const realFetch = global.fetch;
beforeEach(() => {
  mockBrowserZone = 'UTC';
  window.history.replaceState(null, '', '/admin/conversations');
});
afterEach(() => {
  global.fetch = realFetch;
  document.cookie = 'admin_tz=; Path=/admin; Max-Age=0';
});

const AUCKLAND = 'Pacific/Auckland';
const LOS_ANGELES = 'America/Los_Angeles';
const PAGE: RecordPage = { items: [recordRow(1, { title: 'Precio para 12 personas' })], nextCursor: null };

function tree(ui: React.ReactElement, locale: Locale, zone?: string) {
  const inner = <I18nProvider locale={locale}>{ui}</I18nProvider>;
  return <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>{zone ? <AdminTimeZoneProvider zone={zone}>{inner}</AdminTimeZoneProvider> : inner}</SWRConfig>;
}

/** What the browser gets from the server: the HTML, read as a document. */
function serverDoc(ui: React.ReactElement, locale: Locale, zone?: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${renderToStaticMarkup(tree(ui, locale, zone))}`, 'text/html');
}

const startIn = (zone: string, search: Record<string, string>, locale: Locale = 'en'): RecordListStart => {
  const params = readRecordPageParams('conversations', locale, search, zone);
  return { params, page: params.query ? PAGE : null, failed: false };
};
const formatIn = (locale: Locale, zone: string, ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(ms);

describe('the lists without JavaScript: the admin’s days and times, in their zone', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: rows, export and the zone said, all in Auckland time', (locale) => {
    const doc = serverDoc(<RecordList kind="conversations" start={startIn(AUCKLAND, { from: '2026-12-01', to: '2026-12-01' }, locale)} />, locale, AUCKLAND);
    // The time of the row is Auckland's (ROW_AT is 09:30 UTC, 22:30 in Auckland), not the server's UTC.
    expect(doc.querySelector('tbody')?.textContent).toContain(formatIn(locale, AUCKLAND, ROW_AT - 60_000));
    // The export asks for what the list shows: Auckland's 1 December.
    const csv = new URLSearchParams(doc.querySelector('a[href*="format=csv"]')?.getAttribute('href')?.split('?')[1]);
    expect([Number(csv.get('from')), Number(csv.get('to'))]).toEqual([dayStartIn('2026-12-01', AUCKLAND), dayEndIn('2026-12-01', AUCKLAND)]);
    // The form says whose days these are (the zone's name isolated in the right-to-left page).
    const zone = locale === 'ar' ? `\u2066${AUCKLAND}\u2069` : AUCKLAND;
    expect(doc.querySelector('form[role="search"]')?.textContent).toContain(translateAdminShell(locale, 'date.zone', { zone }));
  });

  it('with JavaScript, the server’s rows hydrate as they are, then the list asks again in the browser’s own zone', async () => {
    const urls: string[] = [];
    global.fetch = jest.fn(async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return Response.json({ items: [recordRow(2, { title: 'Los Angeles' })], nextCursor: null });
    }) as unknown as typeof fetch;
    const start = startIn(AUCKLAND, { from: '2026-12-01' });
    const ui = <RecordList kind="conversations" start={start} />;
    const container = document.createElement('div');
    // The server: the cookie said Auckland.
    container.innerHTML = renderToString(tree(ui, 'en', AUCKLAND));
    document.body.appendChild(container);
    expect(container.textContent).toContain(formatIn('en', AUCKLAND, ROW_AT - 60_000));
    // The browser: it is in Los Angeles now (the admin travelled, or the cookie is from another machine).
    mockBrowserZone = LOS_ANGELES;
    const recoverable = jest.fn();
    await act(async () => {
      hydrateRoot(container, tree(ui, 'en', AUCKLAND), { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    await waitFor(() => expect(container.textContent).toContain('Los Angeles'));
    expect(urls.map((url) => new URLSearchParams(url.split('?')[1]).get('from'))).toContain(String(dayStartIn('2026-12-01', LOS_ANGELES)));
    expect(container.textContent).toContain(translateAdminShell('en', 'date.zone', { zone: LOS_ANGELES }));
    expect(container.textContent).toContain(formatIn('en', LOS_ANGELES, ROW_AT - 2 * 60_000));
    // …and leaves that zone for the server's next page.
    expect(document.cookie).toContain('admin_tz=America%2FLos_Angeles');
    container.remove();
  });
});

const ID = '3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69';
const AT = Date.UTC(2026, 11, 1, 10, 45);
const detail: ConversationDetail = {
  id: ID,
  createdAt: AT,
  updatedAt: AT + 60_000,
  messageCount: 2,
  title: 'مرحبا، كم سعر الخطة؟',
  stage: 'discovery',
  lead: { score: 20, status: 'contacted', email: 'layla@example.ae', name: 'ليلى', fields: 2 },
  transcript: [
    { kind: 'message', id: 'u1', role: 'user', at: AT, lang: 'ar', segments: [{ kind: 'text', text: 'مرحبا، كم سعر الخطة؟ =HYPERLINK("x")' }] },
    { kind: 'message', id: 'a1', role: 'assistant', at: AT + 1, lang: 'ar', segments: [{ kind: 'text', text: 'خطة **Pro** بسعر 29 دولارًا.' }] },
  ],
  bookings: [],
  handoff: null,
};
const lead: LeadDetail = {
  id: ID,
  createdAt: AT,
  updatedAt: AT,
  title: detail.title,
  stage: 'discovery',
  score: 20,
  reasons: ['email given'],
  fields: [{ field: 'email', value: 'layla@example.ae', evidence: 'بريدي layla@example.ae', lang: 'ar', confidence: 0.95, asked: true, capturedAt: AT }],
  status: 'contacted',
  history: [{ status: 'contacted', note: 'Llamada 🙂 <b>hecha</b>', at: AT, by: 'ana@northwind.example' }],
  bookings: [],
  handoff: null,
};

describe('the transcript and the lead read without JavaScript', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: the transcript, the lead line and the votes are in the server’s HTML, times in the admin’s zone', (locale) => {
    const doc = serverDoc(<TranscriptView id={ID} canWrite start={{ detail, failed: false }} ratings={{ ratings: { a1: 'up' } }} />, locale, LOS_ANGELES);
    expect(doc.querySelector('h1')?.textContent).toBe(detail.title);
    expect(doc.body.textContent).toContain('مرحبا، كم سعر الخطة؟ =HYPERLINK("x")');
    expect(doc.querySelector('strong')?.textContent).toBe('Pro');
    expect(doc.body.textContent).toContain(translateRecords(locale, 'records.rating.up'));
    expect(doc.body.textContent).toContain('layla@example.ae');
    expect(doc.querySelector('time')?.textContent).toBe(formatIn(locale, LOS_ANGELES, AT));
    expect(doc.body.textContent).not.toContain(translateRecords(locale, 'records.loading'));
  });

  it.each(LOCALES.map((locale) => [locale]))('%s: each field with its evidence sentence, the score, the status history, as the server read them', (locale) => {
    const doc = serverDoc(<LeadView id={ID} canWrite={false} start={{ detail: lead, failed: false }} />, locale, AUCKLAND);
    expect(doc.querySelector('h1')?.textContent).toBe('layla@example.ae');
    const quote = doc.querySelector('blockquote');
    expect(quote?.textContent).toBe('“بريدي layla@example.ae”');
    expect(quote?.getAttribute('lang')).toBe('ar');
    expect(doc.querySelector('meter')?.getAttribute('aria-label')).toBe(translateRecords(locale, 'records.lead.confidence'));
    // The note is the admin's text, never markup.
    expect(doc.body.textContent).toContain('Llamada 🙂 <b>hecha</b>');
    expect(doc.querySelector('b')).toBeNull();
    expect(doc.body.textContent).toContain(formatIn(locale, AUCKLAND, AT));
    expect(doc.body.textContent).not.toContain(translateRecords(locale, 'records.loading'));
  });

  it('a record the server did not find says so; a store that failed says so with Try again — not "Loading…" for ever', () => {
    const missing = serverDoc(<LeadView id={ID} canWrite start={{ detail: null, failed: false }} />, 'de');
    expect(missing.body.textContent).toContain(translateRecords('de', 'records.notFound'));
    expect(missing.body.textContent).not.toContain(translateRecords('de', 'records.loading'));
    const failed = serverDoc(<TranscriptView id={ID} canWrite start={{ detail: null, failed: true }} />, 'fr');
    expect(failed.querySelector('[role="alert"]')?.textContent).toContain(translateRecords('fr', 'records.retry'));
  });

  it('with JavaScript the server’s transcript shows at once, then the API answers for itself', async () => {
    global.fetch = jest.fn(async (input: RequestInfo | URL) =>
      String(input).endsWith('/feedback') ? Response.json({ ratings: {} }) : Response.json({ ...detail, title: 'Fresh from the API' }),
    ) as unknown as typeof fetch;
    render(tree(<TranscriptView id={ID} canWrite start={{ detail, failed: false }} />, 'en'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(detail.title);
    expect(screen.queryByText(translateRecords('en', 'records.loading'))).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Fresh from the API' })).toBeInTheDocument();
  });

  it('the notice says what still needs JavaScript: nothing on the lists, the changes on a record, the dashboard’s chart and refresh, everything elsewhere', () => {
    for (const path of ['/admin/conversations', '/admin/leads/', '/admin/backups', '/admin/keys']) expect([path, scriptNoticeKey(path)]).toEqual([path, null]);
    for (const path of [`/admin/conversations/${ID}`, `/admin/leads/${ID}`, '/admin/leads/x/']) expect([path, scriptNoticeKey(path)]).toEqual([path, 'shell.noScriptReadOnly']);
    for (const path of ['/admin', '/admin/', '/admin?range=30d']) expect([path, scriptNoticeKey(path)]).toEqual([path, 'shell.noScriptDashboard']);
    for (const path of ['/admin/settings', `/admin/conversations/${ID}/more`]) expect([path, scriptNoticeKey(path)]).toEqual([path, 'shell.noScript']);
  });

  it('the new words are in all five languages, each its own', () => {
    const catalogues = { es: adminShellEs, fr: adminShellFr, de: adminShellDe, ar: adminShellAr };
    for (const key of ['date.zone', 'shell.noScriptReadOnly'] as const) {
      for (const [locale, catalogue] of Object.entries(catalogues)) {
        expect([locale, key, catalogue[key] && catalogue[key] !== adminShellEn[key]]).toEqual([locale, key, true]);
      }
      expect(adminShellAr['date.zone']).toContain('{zone}');
    }
  });
});
