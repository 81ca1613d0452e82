// Session 32: the dashboard without JavaScript. The server page reads the figures of its address's range (in the
// admin's zone, in the page's language) and renders them: KPIs, funnel, breakdowns and health are in the HTML, with no
// request from the browser; the range picker is two plain GET forms to /admin; an address it cannot read is named in
// an alert; with JavaScript the server's figures hydrate as they are and are not asked for again at once.
import { act, fireEvent } from '@testing-library/react';
import { SWRConfig } from 'swr';
import AdminPage from '@/app/admin/page';
import { scriptNoticeKey } from '@/components/admin/shell/no-script-notice';
import { AdminTimeZoneProvider } from '@/components/admin/shell/time-zone';
import { formatDateInput } from '@/lib/admin/date-input';
import { queryMetrics } from '@/lib/analytics/query';
import { presetRange } from '@/lib/analytics/range';
import { recordEvents } from '@/lib/analytics/recorder';
import type { AppEvent } from '@/lib/events/schema';
import { translateAdminShell } from '@/lib/i18n/admin-shell';
import { translateDashboard } from '@/lib/i18n/dashboard';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';
import { createMemoryKv, type Kv } from '@/lib/store/kv';
import { hydrateServerHtml, serverHtmlDoc } from '../support/server-html';

const mockServer: { locale: Locale; zone: string; kv: Kv | null } = { locale: 'en', zone: 'UTC', kv: null };
jest.mock('next/headers', () => ({ headers: async () => new Headers() }));
jest.mock('@/lib/admin/session', () => ({ readAdminSession: async () => ({ email: 'ana@northwind.example', role: 'viewer', expiresAt: 2_000_000_000 }) }));
jest.mock('@/lib/admin/time-zone-server', () => ({ getAdminTimeZone: async () => mockServer.zone }));
jest.mock('@/lib/i18n/server', () => ({ getRequestLocale: async () => mockServer.locale }));
// The in-memory store; the Upstash client (an ES module in a browser-like environment) is not loaded at all.
jest.mock('@/lib/store/redis-client', () => ({ getRedisClient: jest.fn(), requesterOf: jest.fn() }));
jest.mock('@/lib/store/kv', () => ({ ...jest.requireActual('@/lib/store/kv'), getKv: () => mockServer.kv }));
// Recharts needs a laid-out DOM that jsdom lacks (drawn only in the browser anyway).
jest.mock('@/components/admin/dashboard/series-chart', () => ({ __esModule: true, default: () => <div data-testid="series-chart" /> }));

const NOW = Date.now();
/** The UTC day `days` before today, as the API writes days. */
const isoDay = (days: number) => new Date(NOW - days * 86_400_000).toISOString().slice(0, 10);
let fetchMock: jest.Mock;

beforeAll(async () => {
  mockServer.kv = createMemoryKv({ prefix: 's32' });
  const source = { utm: { source: 'newsletter' }, locale: 'es', agent: 'offline' as const };
  const events: AppEvent[] = [
    { type: 'conversation.started', at: NOW - 60_000, conversationId: 'r1', visitorId: 'v1', source },
    { type: 'message', at: NOW - 59_000, conversationId: 'r1', visitorId: 'v1', role: 'user', chars: 5 },
    { type: 'stage.changed', at: NOW - 58_000, conversationId: 'r1', from: 'greeting', to: 'discovery', reason: 'need' },
    { type: 'latency', at: NOW - 58_000, conversationId: 'r1', metric: 'first_token', ms: 420 },
    { type: 'error', at: NOW - 57_000, conversationId: 'r1', code: 'upstream_unavailable:llm' },
    { type: 'conversation.started', at: NOW - 30_000, conversationId: 'r2', visitorId: 'v2' },
    { type: 'conversation.started', at: NOW - 25_000, conversationId: 'r3', visitorId: 'v3', source },
    { type: 'meeting.booked', at: NOW - 20_000, conversationId: 'r2', booking: { id: 'b', email: 'x@example.com', start: '', durationMinutes: 30, timezone: 'UTC', localLabel: '', ics: '' } },
  ];
  await recordEvents(mockServer.kv, events, { retentionDays: 400, idleMs: 30 * 60_000, now: NOW });
});

beforeEach(() => {
  mockServer.locale = 'en';
  mockServer.zone = 'UTC';
  // Without JavaScript nothing is fetched: a request from the dashboard would be a failure of this test.
  fetchMock = jest.fn(async () => {
    throw new Error('the dashboard asked the API');
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  window.history.replaceState(null, '', '/admin');
});

function tree(page: React.ReactNode, locale: Locale, zone: string) {
  return (
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>
        <AdminTimeZoneProvider zone={zone}>{page}</AdminTimeZoneProvider>
      </I18nProvider>
    </SWRConfig>
  );
}

const page = (search: Record<string, string | string[]> = {}) => AdminPage({ searchParams: Promise.resolve(search) });

/** What a browser without JavaScript gets from the server: the page's HTML, read as a document. */
async function serverDoc(search: Record<string, string | string[]> = {}): Promise<Document> {
  return serverHtmlDoc(tree(await page(search), mockServer.locale, mockServer.zone));
}

/** The value beside a KPI's label. */
const kpi = (doc: Document, label: string) => [...doc.querySelectorAll('dt')].find((dt) => dt.textContent === label)?.nextElementSibling?.textContent;
const number = (locale: Locale, value: number) => new Intl.NumberFormat(locale).format(value);

describe('the figures are in the server’s HTML', () => {
  it.each(LOCALES.map((locale) => [locale]))('%s: KPIs, funnel, breakdowns and health, without a request', async (locale) => {
    mockServer.locale = locale;
    const t = (key: Parameters<typeof translateDashboard>[1]) => translateDashboard(locale, key);
    const doc = await serverDoc();
    expect(kpi(doc, t('kpi.conversations'))).toBe(number(locale, 3));
    expect(kpi(doc, t('kpi.meetings'))).toBe(number(locale, 1));
    expect(kpi(doc, t('kpi.visitors'))).toBe(number(locale, 3));
    const text = doc.body.textContent ?? '';
    // The breakdown by source and the health's error codes.
    expect(text).toContain('newsletter');
    expect(text).toContain('upstream_unavailable:llm');
    // The funnel: three conversations greeted, one in discovery.
    const funnel = [...doc.querySelectorAll('section')].find((section) => section.querySelector('h2, h3')?.textContent === t('funnel.heading'));
    expect(funnel?.textContent).toContain(number(locale, 3));
    expect(text).not.toContain(t('dashboard.loading'));
    expect(doc.querySelector('[role="alert"]')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('the days are the admin’s (their cookie’s zone), and the page says so', async () => {
    mockServer.zone = 'Pacific/Auckland';
    const doc = await serverDoc({ range: '30d' });
    expect(doc.body.textContent).toContain(translateDashboard('en', 'dashboard.zoneNote', { zone: 'Pacific/Auckland' }));
    expect(kpi(doc, translateDashboard('en', 'kpi.conversations'))).toBe('3');
    // The 30 days' table has a row a day.
    expect(doc.querySelectorAll('details tbody tr')).toHaveLength(30);
  });
});

describe('the range picker is plain GET forms to /admin', () => {
  it('presets submit `range`; the one shown is pressed', async () => {
    const doc = await serverDoc({ range: '30d' });
    const presets = [...doc.querySelectorAll<HTMLButtonElement>('form[method="get"][action="/admin"] button[name="range"]')];
    expect(presets.map((button) => [button.type, button.value])).toEqual([
      ['submit', '24h'],
      ['submit', '7d'],
      ['submit', '30d'],
      ['submit', '90d'],
    ]);
    expect(presets.filter((button) => button.getAttribute('aria-pressed') === 'true').map((button) => button.value)).toEqual(['30d']);
  });

  it('Custom submits the dates form (hidden until then), whose fields are `from` and `to` in the page’s format', async () => {
    mockServer.locale = 'es';
    const doc = await serverDoc();
    const custom = [...doc.querySelectorAll('button')].find((button) => button.textContent === translateDashboard('es', 'range.custom'));
    const form = doc.getElementById(custom?.getAttribute('form') ?? '');
    expect(custom?.getAttribute('type')).toBe('submit');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.getAttribute('action')).toBe('/admin');
    expect(form?.hasAttribute('hidden')).toBe(true);
    const from = form?.querySelector<HTMLInputElement>('input[name="from"]');
    const to = form?.querySelector<HTMLInputElement>('input[name="to"]');
    // The admin's last 14 days, typed as the Spanish page writes dates.
    expect([from?.value, to?.value]).toEqual([formatDateInput('es', isoDay(13)), formatDateInput('es', isoDay(0))]);
  });

  it('a custom range from the address: its figures, the form open with its dates', async () => {
    mockServer.locale = 'es';
    const doc = await serverDoc({ from: formatDateInput('es', isoDay(6)), to: formatDateInput('es', isoDay(0)) });
    const form = doc.querySelector('input[name="from"]')?.closest('form');
    expect(form?.hasAttribute('hidden')).toBe(false);
    expect(form?.querySelector<HTMLInputElement>('input[name="to"]')?.value).toBe(formatDateInput('es', isoDay(0)));
    expect(doc.querySelectorAll('details tbody tr')).toHaveLength(7);
    expect(kpi(doc, translateDashboard('es', 'kpi.conversations'))).toBe('3');
  });
});

describe('an address the page cannot read', () => {
  it('names the bad parameters in an alert and shows no figures', async () => {
    const doc = await serverDoc({ range: '7days', utm: 'x' });
    const alert = doc.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(translateDashboard('en', 'dashboard.invalidParams', { params: '\u2068range, utm\u2069' }));
    expect(doc.querySelectorAll('dt')).toHaveLength(0);
    expect(doc.body.textContent).not.toContain(translateDashboard('en', 'dashboard.loading'));
  });

  it('a date that is not one is said at its field, as typed, in the page’s language', async () => {
    mockServer.locale = 'fr';
    const doc = await serverDoc({ from: '31/02/2026', to: '01/03/2026' });
    const from = doc.querySelector<HTMLInputElement>('input[name="from"]');
    expect(from?.value).toBe('31/02/2026');
    expect(from?.getAttribute('aria-invalid')).toBe('true');
    expect(from?.closest('form')?.hasAttribute('hidden')).toBe(false);
    expect(doc.querySelectorAll('dt')).toHaveLength(0);
  });

  it('a range longer than the API reads is said at its end, with the longest there is', async () => {
    const doc = await serverDoc({ from: '2024-01-01', to: isoDay(0) });
    const to = doc.querySelector<HTMLInputElement>('input[name="to"]');
    expect(to?.getAttribute('aria-invalid')).toBe('true');
    expect(to?.closest('form')?.textContent).toContain(translateDashboard('en', 'range.tooLong', { days: '366' }));
    expect(doc.querySelectorAll('dt')).toHaveLength(0);
  });
});

it('a store that failed is said, and Try again is a GET form that asks the server for the same range again', async () => {
  const kv = mockServer.kv!;
  mockServer.kv = { ...kv, exec: async () => Promise.reject(new Error('store down')) };
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    mockServer.locale = 'de';
    const doc = await serverDoc({ range: '90d' });
    const alert = doc.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(translateDashboard('de', 'dashboard.error', { message: translateAdminShell('de', 'problem.failed') }));
    const retry = alert?.querySelector('form');
    expect([retry?.getAttribute('method'), retry?.getAttribute('action')]).toEqual(['get', '/admin']);
    expect([...(retry?.querySelectorAll<HTMLInputElement>('input[type="hidden"]') ?? [])].map((input) => [input.name, input.value])).toEqual([['range', '90d']]);
    expect(retry?.querySelector('button[type="submit"]')?.textContent).toBe(translateDashboard('de', 'dashboard.retry'));
    expect(doc.body.textContent).not.toContain(translateDashboard('de', 'dashboard.loading'));
  } finally {
    mockServer.kv = kv;
    logged.mockRestore();
  }
});

it('with JavaScript, the server’s figures hydrate as they are and are not asked for again at once; a preset asks and keeps the address', async () => {
  const { container, recoverable } = await hydrateServerHtml(tree(await page(), 'en', 'UTC'));
  expect(recoverable).not.toHaveBeenCalled();
  expect(fetchMock).not.toHaveBeenCalled();
  expect(container.textContent).toContain(translateDashboard('en', 'kpi.conversations'));
  expect(container.querySelector('[data-testid="series-chart"]')).not.toBeNull();

  const report = await queryMetrics({ kv: mockServer.kv!, range: presetRange('30d', Date.now()) });
  fetchMock.mockImplementation(async () => Response.json(report));
  const thirty = [...container.querySelectorAll('button')].find((button) => button.textContent === translateDashboard('en', 'range.30d'));
  await act(async () => {
    fireEvent.click(thirty!);
  });
  expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/v1/admin/metrics?range=30d']);
  expect(`${window.location.pathname}${window.location.search}`).toBe('/admin?range=30d');
  container.remove();
});

it('the notice says only the chart and the live refresh need JavaScript, in five languages', () => {
  expect(scriptNoticeKey('/admin')).toBe('shell.noScriptDashboard');
  const texts = LOCALES.map((locale) => translateAdminShell(locale, 'shell.noScriptDashboard'));
  expect(new Set(texts).size).toBe(LOCALES.length);
  for (const text of texts) expect(text).toContain('JavaScript');
});
