// The dashboard in the admin's own zone (session 29b): it asks for the admin's days (`tz`), shows the days and times
// of the report in the zone the server read them in, says which zone that is, in every language, and a custom
// range's default dates are the admin's today and the days before it.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { Dashboard } from '@/components/admin/dashboard/dashboard';
import type { MetricsReport } from '@/lib/analytics/report';
import { dashboardAr } from '@/lib/i18n/catalogues/dashboard-ar';
import { dashboardDe } from '@/lib/i18n/catalogues/dashboard-de';
import { dashboardFr } from '@/lib/i18n/catalogues/dashboard-fr';
import { dashboardEn, dashboardEs } from '@/lib/i18n/catalogues/dashboard';
import { I18nProvider } from '@/lib/i18n/provider';

jest.mock('@/components/admin/dashboard/series-chart', () => ({ __esModule: true, default: () => <div data-testid="series-chart" /> }));
let adminZone = 'Pacific/Auckland';
jest.mock('@/components/admin/shell/time-zone', () => ({ useAdminTimeZone: () => adminZone }));

const AUCKLAND_DAYS = ['2026-11-23T11:00:00.000Z', '2026-11-24T11:00:00.000Z'];
const report = (timeZone: string, starts = AUCKLAND_DAYS): MetricsReport => ({
  range: { from: starts[0]!, to: '2026-11-25T11:00:00.000Z', granularity: 'day', timeZone, preset: '7d' },
  generatedAt: '2026-11-25T08:00:00.000Z',
  queryMs: 3,
  kpis: { conversations: 2, engagedConversations: 0, leads: 0, meetings: 0, meetingsCancelled: 0, handoffs: 0, visitors: 2, prospectMessages: 2, leadConversion: 0, meetingConversion: 0 },
  series: starts.map((start) => ({ start, conversations: 1, leads: 0, meetings: 0, handoffs: 0, visitors: 1, prospectMessages: 1, errors: 0 })),
  funnel: [],
  breakdown: { source: [], site: [], locale: [], agent: [] },
  latency: { firstToken: { count: 0, p50: null, p95: null, p99: null }, firstAudio: { count: 0, p50: null, p95: null, p99: null } },
  rates: { turns: 2, errors: 0, errorRate: 0, fallbacks: 0, fallbackRate: 0, rateLimited: 0, ttsCacheHits: 0, errorCodes: [] },
  topQuestions: [],
  topObjections: [],
  feedback: { up: 0, down: 0, helpfulShare: null },
});

let fetchMock: jest.Mock;
let answer: MetricsReport;
beforeEach(() => {
  adminZone = 'Pacific/Auckland';
  answer = report('Pacific/Auckland');
  fetchMock = jest.fn(async () => Response.json(answer));
  global.fetch = fetchMock as unknown as typeof fetch;
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

const renderDashboard = (locale = 'en') =>
  render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>
        <Dashboard />
      </I18nProvider>
    </SWRConfig>,
  );
const requested = () => fetchMock.mock.calls.map(([url]) => String(url));

test('asks for the admin’s days and shows them as the admin’s: 11:00 UTC on 23 November is Auckland’s 24th', async () => {
  renderDashboard();
  expect(await screen.findByText(/Hours and days are in your time zone, Pacific\/Auckland\./)).toBeInTheDocument();
  expect(requested()).toEqual(['/api/v1/admin/metrics?range=7d&tz=Pacific%2FAuckland']);
  expect(screen.getByText(/Showing Nov 24, 2026 – Nov 25, 2026/)).toBeInTheDocument();
  expect(screen.getAllByText('Tue, Nov 24').length).toBeGreaterThan(0);
  expect(screen.queryByText('Mon, Nov 23')).not.toBeInTheDocument();
});

test('a server that read the days in UTC (no zone known) is shown, and said, as UTC; UTC asks for no zone', async () => {
  adminZone = 'UTC';
  answer = report('UTC', ['2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z']);
  renderDashboard();
  expect(await screen.findByText(/Hours and days are in UTC\./)).toBeInTheDocument();
  expect(requested()).toEqual(['/api/v1/admin/metrics?range=7d']);
  expect(screen.getAllByText('Mon, Nov 23').length).toBeGreaterThan(0);
});

test('the custom range starts from the admin’s today, not UTC’s', async () => {
  // 20:00 UTC on 4 December is 09:00 on the 5th in Auckland.
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-04T20:00:00Z'));
  const user = userEvent.setup();
  renderDashboard();
  await user.click(screen.getByRole('button', { name: 'Custom dates' }));
  expect(screen.getByLabelText('To (included)')).toHaveValue('12/05/2026');
  expect(screen.getByLabelText('From')).toHaveValue('11/22/2026');
  await user.click(screen.getByRole('button', { name: 'Show' }));
  await waitFor(() => expect(requested()).toContain('/api/v1/admin/metrics?from=2026-11-22&to=2026-12-05&tz=Pacific%2FAuckland'));
});

test.each([
  ['es', dashboardEs],
  ['fr', dashboardFr],
  ['de', dashboardDe],
  ['ar', dashboardAr],
])('%s names the zone in its own words', async (locale, catalogue) => {
  const note = catalogue['dashboard.zoneNote'];
  expect(note).toContain('{zone}');
  expect(note).not.toBe(dashboardEn['dashboard.zoneNote']);
  renderDashboard(locale);
  expect(await screen.findByText(new RegExp(note!.replace('{zone}', 'Pacific/Auckland').replace(/[.*+?^$()|[\]\\/]/g, '\\$&')))).toBeInTheDocument();
});
