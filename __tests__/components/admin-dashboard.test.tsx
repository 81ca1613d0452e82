// The analytics dashboard (/admin) against a fixture of GET /api/v1/admin/metrics: every section shows its figures as
// text, the range picker asks for the right range, refusals and failures are said plainly, the figures refresh every
// 15 s only while the page is visible, and Spanish works.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { Dashboard } from '@/components/admin/dashboard/dashboard';
import { REFRESH_INTERVAL_MS } from '@/components/admin/dashboard/use-metrics';
import type { MetricsReport } from '@/lib/analytics/report';
import { I18nProvider } from '@/lib/i18n/provider';

// Recharts needs a laid-out DOM that jsdom lacks; the chart's text alternative is what these tests read anyway.
jest.mock('@/components/admin/dashboard/series-chart', () => ({
  __esModule: true,
  default: ({ points }: { points: unknown[] }) => <div data-testid="series-chart">{points.length} points</div>,
}));

const STAGE_COUNTS = [200, 150, 90, 60, 30, 12, 3];

const fixture: MetricsReport = {
  range: { from: '2026-11-24T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', granularity: 'day', timeZone: 'UTC', preset: '7d' },
  generatedAt: '2026-11-30T18:00:00.000Z',
  queryMs: 18.4,
  kpis: { conversations: 200, engagedConversations: 140, leads: 48, meetings: 12, meetingsCancelled: 2, handoffs: 5, visitors: 170, prospectMessages: 900, leadConversion: 0.24, meetingConversion: 0.06 },
  series: Array.from({ length: 7 }, (_, i) => ({
    start: new Date(Date.UTC(2026, 10, 24 + i)).toISOString(),
    conversations: i === 3 ? 60 : 20 + (i === 6 ? 0 : i),
    leads: 6,
    meetings: 2,
    handoffs: 1,
    visitors: 18,
    prospectMessages: 120,
    errors: 1,
  })),
  funnel: (['greeting', 'discovery', 'qualification', 'recommendation', 'objection_handling', 'closing', 'handoff'] as const).map((stage, i) => ({
    stage,
    reached: STAGE_COUNTS[i]!,
    shareOfStart: STAGE_COUNTS[i]! / 200,
    dropOff: i < 6 ? (STAGE_COUNTS[i]! - STAGE_COUNTS[i + 1]!) / STAGE_COUNTS[i]! : null,
  })),
  breakdown: {
    source: [
      { value: 'newsletter', conversations: 120, leads: 30, meetings: 8, handoffs: 2 },
      { value: '-', conversations: 70, leads: 15, meetings: 3, handoffs: 3 },
      { value: '*', conversations: 10, leads: 3, meetings: 1, handoffs: 0 },
    ],
    site: [{ value: 'https://shop.example.com', conversations: 200, leads: 48, meetings: 12, handoffs: 5 }],
    locale: [
      { value: 'es', conversations: 150, leads: 40, meetings: 10, handoffs: 4 },
      { value: 'en', conversations: 50, leads: 8, meetings: 2, handoffs: 1 },
    ],
    agent: [{ value: 'offline', conversations: 200, leads: 48, meetings: 12, handoffs: 5 }],
  },
  latency: { firstToken: { count: 880, p50: 420, p95: 1180, p99: 2300 }, firstAudio: { count: 0, p50: null, p95: null, p99: null } },
  rates: { turns: 900, errors: 9, errorRate: 0.01, fallbacks: 18, fallbackRate: 0.02, rateLimited: 4, ttsCacheHits: 33, errorCodes: [{ code: 'upstream_unavailable:llm', count: 9 }] },
  topQuestions: [{ id: 'faq:sso', title: 'Do you support single sign-on (SSO)?', count: 31 }],
  topObjections: [],
  feedback: { up: 36, down: 4, helpfulShare: 0.9 },
};

let fetchMock: jest.Mock;
let respond: (url: string) => Response;

beforeEach(() => {
  respond = () => Response.json(fixture);
  fetchMock = jest.fn(async (url: string) => respond(url));
  global.fetch = fetchMock as unknown as typeof fetch;
});
afterEach(() => {
  jest.useRealTimers();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

function renderDashboard(locale = 'en') {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>
        <Dashboard />
      </I18nProvider>
    </SWRConfig>,
  );
}

const region = (name: string | RegExp) => screen.getByRole('region', { name });
const requested = () => fetchMock.mock.calls.map(([url]) => String(url));

test('shows every section of the report as text: KPIs, series summary and table, funnel, latency, rates, breakdowns, topics', async () => {
  const user = userEvent.setup();
  renderDashboard();
  expect(screen.getByRole('status')).toHaveTextContent('Loading the figures');
  await screen.findByText('Conversations', { selector: 'dt' });
  expect(requested()).toEqual(['/api/v1/admin/metrics?range=7d']);

  const kpis = region('Key figures');
  const kpi = (label: string) => within(kpis).getByText(label, { selector: 'dt' }).parentElement!;
  expect(kpi('Conversations')).toHaveTextContent('200');
  expect(kpi('Engaged conversations')).toHaveTextContent('140');
  expect(kpi('Leads')).toHaveTextContent('48');
  expect(kpi('Leads')).toHaveTextContent('Lead conversion: 24%');
  expect(kpi('Meetings booked')).toHaveTextContent('Meeting conversion: 6% · 2 cancelled');
  expect(kpi('Handoffs to sales')).toHaveTextContent('5');
  expect(kpi('Visitors')).toHaveTextContent('170');

  const series = region('Over time');
  expect(series).toHaveTextContent('200 conversations, 48 leads and 12 meetings in 7 days.');
  expect(series).toHaveTextContent(/Busiest: Fri, Nov 27, with 60 conversations/);
  expect(within(series).getByRole('img', { name: /Line chart of conversations, leads and meetings per day/ })).toBeInTheDocument();
  expect(await within(series).findByTestId('series-chart')).toHaveTextContent('7 points');
  await user.click(within(series).getByText('Show the figures as a table'));
  const rows = within(series).getAllByRole('row');
  expect(rows).toHaveLength(8);
  expect(rows[4]).toHaveTextContent(/Fri, Nov 27\s*60\s*6\s*2\s*1\s*18\s*120\s*1/);

  const funnel = within(region('Sales funnel by playbook stage')).getByRole('table', { name: /Furthest stage/ });
  const stage = (name: string) => within(funnel).getByRole('rowheader', { name }).closest('tr')!;
  expect(stage('Greeting')).toHaveTextContent(/200\s*100%\s*25%/);
  expect(stage('Qualification')).toHaveTextContent(/90\s*45%\s*33.3%/);
  expect(stage('Handoff')).toHaveTextContent(/3\s*1.5%\s*—/);

  const latency = region('Response times');
  expect(latency).toHaveTextContent(/First word of a reply\s*p50\s*420 ms\s*p95\s*1,180 ms\s*p99\s*2,300 ms\s*880 measured/);
  expect(latency).toHaveTextContent(/First sound of a spoken reply\s*Nothing measured/);

  const rates = region('Reliability');
  expect(rates).toHaveTextContent(/Error rate\s*1%\s*9 of 900 turns/);
  expect(rates).toHaveTextContent(/Answered by the offline agent\s*2%\s*18 of 900 turns/);
  expect(within(rates).getByRole('table', { name: 'Errors by code' })).toHaveTextContent(/upstream_unavailable:llm\s*9/);

  const breakdown = region('Where conversations come from');
  const sources = within(breakdown).getByRole('table', { name: 'Source (UTM)' });
  expect(within(sources).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['newsletter', 'Direct (no UTM source)', 'All others']);
  expect(within(breakdown).getByRole('table', { name: 'Language' })).toHaveTextContent(/Spanish\s*150\s*40\s*10\s*4/);
  expect(within(breakdown).getByRole('table', { name: 'Agent' })).toHaveTextContent('Offline agent');

  expect(region('Top questions')).toHaveTextContent(/Do you support single sign-on \(SSO\)\?\s*31/);
  expect(region('Top objections')).toHaveTextContent('None recorded in this range.');
  expect(screen.getByText(/Nov 24, 2026 – Nov 30, 2026 · Hours and days are in UTC\./)).toBeInTheDocument();
});

test('shows helpful replies: up, down and the share rated helpful; says so when nothing was rated', async () => {
  renderDashboard();
  const helpful = await screen.findByRole('region', { name: 'Helpful replies' });
  expect(helpful).toHaveTextContent(/Rated helpful\s*36\s*Rated not helpful\s*4\s*Share rated helpful\s*90%\s*36 of 40 rated replies/);
  respond = () => Response.json({ ...fixture, feedback: { up: 0, down: 0, helpfulShare: null } });
  cleanup();
  renderDashboard('es');
  expect(await screen.findByRole('region', { name: 'Respuestas útiles' })).toHaveTextContent('No se valoró ninguna respuesta en este periodo.');
});

test('the range picker asks for a preset, or for custom dates once they make sense', async () => {
  const user = userEvent.setup();
  renderDashboard();
  await screen.findByText('Conversations', { selector: 'dt' });
  const week = screen.getByRole('button', { name: 'Last 7 days' });
  expect(week).toHaveAttribute('aria-pressed', 'true');

  await user.click(screen.getByRole('button', { name: 'Last 30 days' }));
  await waitFor(() => expect(requested()).toContain('/api/v1/admin/metrics?range=30d'));
  expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');
  expect(week).toHaveAttribute('aria-pressed', 'false');

  await user.click(screen.getByRole('button', { name: 'Custom dates' }));
  const from = screen.getByLabelText('From');
  const to = screen.getByLabelText('To (included)');
  await user.clear(from);
  await user.type(from, '2026-11-20');
  await user.clear(to);
  await user.type(to, '2026-11-10');
  expect(screen.getByRole('alert')).toHaveTextContent('Choose a start date on or before the end date.');
  expect(screen.getByRole('button', { name: 'Show' })).toBeDisabled();
  await user.clear(to);
  await user.type(to, '2026-11-25');
  await user.click(screen.getByRole('button', { name: 'Show' }));
  await waitFor(() => expect(requested()).toContain('/api/v1/admin/metrics?from=2026-11-20&to=2026-11-25'));
});

test('a signed-out admin is told to sign in again, without a pointless retry; a failure offers one that works', async () => {
  respond = () => Response.json({ error: { code: 'unauthorized:admin', message: 'Sign in.' } }, { status: 401 });
  const { unmount } = renderDashboard();
  expect(await screen.findByRole('alert')).toHaveTextContent('Your session has ended. Sign in again to see the figures.');
  expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  unmount();

  respond = () => Response.json({ error: { code: 'internal:admin', message: 'Something went wrong on our side.' } }, { status: 500 });
  const user = userEvent.setup();
  renderDashboard();
  expect(await screen.findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent('The figures could not be loaded: The server did not answer as expected. Try again in a moment.');
  respond = () => Response.json(fixture);
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Engaged conversations')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('refreshes every 15 seconds while visible, and not while the tab is hidden', async () => {
  jest.useFakeTimers({ advanceTimers: true });
  renderDashboard();
  await screen.findByText('Engaged conversations');
  expect(fetchMock).toHaveBeenCalledTimes(1);

  await act(async () => jest.advanceTimersByTimeAsync(REFRESH_INTERVAL_MS + 50));
  await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));

  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  await act(async () => jest.advanceTimersByTimeAsync(3 * REFRESH_INTERVAL_MS));
  expect(fetchMock).toHaveBeenCalledTimes(2);
});

test('speaks Spanish', async () => {
  renderDashboard('es');
  await screen.findByText('Conversaciones', { selector: 'dt' });
  expect(region('Cifras clave')).toHaveTextContent('Conversión a contacto');
  expect(region('Embudo de ventas por etapa del guion')).toHaveTextContent('Manejo de objeciones');
  expect(screen.getByRole('button', { name: 'Últimos 30 días' })).toBeInTheDocument();
  expect(within(region('De dónde vienen las conversaciones')).getByRole('table', { name: 'Idioma' })).toHaveTextContent('español');
  expect(screen.getByText(/Las horas y los días están en UTC/)).toBeInTheDocument();
});

test('asks for topic titles in its own language (one cache entry per locale) and counts in German plural forms', async () => {
  respond = () => Response.json({ ...fixture, kpis: { ...fixture.kpis, meetings: 1 }, topQuestions: [{ id: 'faq:integrations', title: 'Mit welchen Tools lässt sich Northwind Cloud verbinden?', count: 4 }] });
  renderDashboard('de');
  await screen.findByText('Gespräche', { selector: 'dt' });
  expect(requested()).toEqual(['/api/v1/admin/metrics?range=7d&locale=de']);
  expect(screen.getByText(/200 Gespräche, 48 Leads und 1 Termin in 7 Tagen\./)).toBeInTheDocument();
  expect(screen.getByText('Mit welchen Tools lässt sich Northwind Cloud verbinden?')).toBeInTheDocument();
});

test('counts in Arabic plural forms', async () => {
  respond = () => Response.json({ ...fixture, kpis: { ...fixture.kpis, conversations: 2, leads: 11, meetings: 6 } });
  renderDashboard('ar');
  expect(await screen.findByText(/محادثتان و11 عميلًا محتملًا و6 اجتماعات خلال 7 أيام\./)).toBeInTheDocument();
  expect(requested()).toEqual(['/api/v1/admin/metrics?range=7d&locale=ar']);
});

test('on a phone no grid grows past the screen: every grid has explicit minmax(0, 1fr) columns, tables scroll in their box', async () => {
  const { container } = renderDashboard();
  await screen.findAllByRole('table');
  // An implicit grid column is `auto`: a wide table inside makes it (and the page) wider than the screen. Tailwind's
  // grid-cols-N are repeat(N, minmax(0, 1fr)), which cannot grow past the container. jsdom does no layout.
  const grids = [...container.querySelectorAll<HTMLElement>('.grid')];
  expect(grids.length).toBeGreaterThan(5);
  const implicit = grids.map((grid) => grid.className).filter((names) => !names.split(' ').some((name) => /^grid-cols-\d+$/.test(name)));
  expect(implicit).toEqual([]);
  for (const table of container.querySelectorAll('table')) expect(table.parentElement).toHaveClass('overflow-x-auto');
});
