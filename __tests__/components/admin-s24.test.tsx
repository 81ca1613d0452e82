// An admin's look at the admin pages' controls: every control has an accessible name in each of the five languages,
// the records lists' words come from the locale's catalogue, and the export links download what the filters select.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { Dashboard } from '@/components/admin/dashboard/dashboard';
import { KeysManager } from '@/components/admin/keys/keys-manager';
import { LeadView } from '@/components/admin/records/lead-view';
import { RecordList } from '@/components/admin/records/record-list';
import { SignInForm } from '@/components/admin/sign-in/sign-in-form';
import { WebhooksManager } from '@/components/admin/webhooks/webhooks-manager';
import type { LeadDetail, RecordRow } from '@/lib/admin/records-types';
import type { MetricsReport } from '@/lib/analytics/report';
import { recordsAr } from '@/lib/i18n/catalogues/records-ar';
import { recordsDe } from '@/lib/i18n/catalogues/records-de';
import { recordsFr } from '@/lib/i18n/catalogues/records-fr';
import { recordsEn, recordsEs, type RecordsKey } from '@/lib/i18n/catalogues/records';
import type { Locale } from '@/lib/i18n/locales';
import { I18nProvider } from '@/lib/i18n/provider';
import { translateRecords } from '@/lib/i18n/records';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));
// Recharts needs a laid-out DOM that jsdom lacks; the dashboard's text alternative of the chart is what is read here.
jest.mock('@/components/admin/dashboard/series-chart', () => ({ __esModule: true, default: () => <div>chart</div> }));

const LOCALES: Locale[] = ['en', 'es', 'fr', 'de', 'ar'];
const ID = '3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69';
const AT = Date.UTC(2026, 10, 2, 9, 30);
const WEBHOOK_ID = `we_${'a'.repeat(32)}`;

const row: RecordRow = { id: ID, createdAt: AT, updatedAt: AT, messageCount: 4, title: 'Demo?', stage: 'closing', score: 40, hasLead: true, name: 'Kim', email: 'kim@hooli.com', status: 'new', bookings: 0, handoff: false };
const lead: LeadDetail = {
  id: ID,
  createdAt: AT,
  updatedAt: AT,
  title: 'Demo?',
  stage: 'closing',
  score: 40,
  reasons: ['email given'],
  fields: [{ field: 'email', value: 'kim@hooli.com', evidence: 'Reach me at kim@hooli.com please', confidence: 0.95, asked: true, capturedAt: AT }],
  status: 'contacted',
  history: [{ status: 'contacted', note: 'Called', at: AT, by: 'boss@example.com' }],
  bookings: [],
  handoff: null,
};

const STAGE_NAMES = ['greeting', 'discovery', 'qualification', 'recommendation', 'objection_handling', 'closing', 'handoff'] as const;
const report: MetricsReport = {
  range: { from: '2026-11-24T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', granularity: 'day', timeZone: 'UTC', preset: '7d' },
  generatedAt: '2026-11-30T18:00:00.000Z',
  queryMs: 12,
  kpis: { conversations: 10, engagedConversations: 4, leads: 3, meetings: 1, meetingsCancelled: 0, handoffs: 1, visitors: 7, prospectMessages: 14, leadConversion: 0.3, meetingConversion: 0.1 },
  series: [{ start: '2026-11-30T00:00:00.000Z', conversations: 10, leads: 3, meetings: 1, handoffs: 1, visitors: 7, prospectMessages: 14, errors: 2 }],
  funnel: STAGE_NAMES.map((stage, i) => ({ stage, reached: [10, 6, 3, 1, 1, 1, 0][i] ?? 0, shareOfStart: 0.1, dropOff: i < 6 ? 0.5 : null })),
  breakdown: { source: [{ value: 'newsletter', conversations: 10, leads: 3, meetings: 1, handoffs: 1 }], site: [], locale: [], agent: [] },
  latency: { firstToken: { count: 10, p50: 500, p95: 1000, p99: 1000 }, firstAudio: { count: 0, p50: null, p95: null, p99: null } },
  rates: { turns: 14, errors: 2, errorRate: 0.14, fallbacks: 1, fallbackRate: 0.07, rateLimited: 0, ttsCacheHits: 0, errorCodes: [{ code: 'llm_timeout', count: 2 }] },
  topQuestions: [{ id: 'faq:sso', title: 'SSO?', count: 3 }],
  topObjections: [],
  feedback: { up: 1, down: 0, helpfulShare: 1 },
};

const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

/** One fake of the admin API for every page here. */
function fakeApi() {
  const urls: string[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    urls.push(url);
    const path = url.split('?')[0];
    if (path === '/api/v1/admin/leads' || path === '/api/v1/admin/conversations') return json({ items: [row], nextCursor: 'c-2' });
    if (path === `/api/v1/admin/leads/${ID}`) return json(lead);
    if (path === '/api/v1/admin/keys') {
      return json({ keys: [{ id: 'key_AAAAAAAAAAAA', name: 'Nightly', scopes: ['export'], preview: 'sk_live_Zzzz…', createdAt: AT, createdBy: 'boss@example.com', lastUsedAt: AT }] });
    }
    if (path === '/api/v1/admin/webhooks') {
      return json({
        endpoints: [{ id: WEBHOOK_ID, url: 'https://crm.example.com/hooks', events: ['lead.captured'], description: 'CRM', enabled: true, secretHint: 'whsec_…wxyz', createdAt: 1, updatedAt: 1 }],
        eventTypes: ['lead.captured', 'lead.updated', 'meeting.booked', 'handoff.requested', 'conversation.ended'],
      });
    }
    if (path === `/api/v1/admin/webhooks/${WEBHOOK_ID}`) return json({ endpoint: { id: WEBHOOK_ID }, deliveries: [] });
    if (path === '/api/v1/admin/metrics') return json(report);
    return json({ error: { code: 'not_found:admin', message: 'no' } }, 404);
  }) as unknown as typeof fetch;
  return urls;
}

function renderIn(ui: ReactElement, locale: Locale) {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </SWRConfig>,
  );
}

/** Every interactive element the page shows, with the accessible name a screen reader would read. */
function unnamedControls(container: HTMLElement): string[] {
  const controls = container.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=link], [role=checkbox], [role=switch]');
  const unnamed: string[] = [];
  for (const control of controls) {
    try {
      expect(control).toHaveAccessibleName();
    } catch {
      unnamed.push(control.outerHTML.slice(0, 120));
    }
  }
  return unnamed;
}

const pages: Array<[string, (locale: Locale) => ReactElement, string]> = [
  ['leads list', () => <RecordList kind="leads" />, 'table'],
  ['conversations list', () => <RecordList kind="conversations" />, 'table'],
  ['lead view', () => <LeadView id={ID} canWrite />, 'heading'],
  ['API keys', (locale) => <KeysManager locale={locale} canWrite />, 'table'],
  ['webhooks', () => <WebhooksManager canWrite />, 'list'],
  ['dashboard', () => <Dashboard />, 'table'],
  ['sign-in', (locale) => <SignInForm action={jest.fn()} locale={locale} callbackUrl="/admin" initialProblem={{ kind: 'rate_limited', minutes: 3 }} />, 'button'],
];

test('the check flags a control without a name (an icon button, an unlabelled date)', () => {
  const { container } = render(
    <div>
      <button type="button">
        <svg aria-hidden="true" />
      </button>
      <input type="date" />
      <button type="button">OK</button>
    </div>,
  );
  expect(unnamedControls(container)).toHaveLength(2);
});

describe.each(LOCALES)('every control has an accessible name (%s)', (locale) => {
  it.each(pages)('%s', async (_name, ui, role) => {
    fakeApi();
    const { container } = renderIn(ui(locale), locale);
    await screen.findAllByRole(role);
    await waitFor(() => expect(container.querySelectorAll('a[href], button, input, select').length).toBeGreaterThan(0));
    expect(unnamedControls(container)).toEqual([]);
  });
});

describe('the records lists speak the page’s language', () => {
  const catalogues: Record<Exclude<Locale, 'en'>, Partial<Record<RecordsKey, string>>> = { es: recordsEs, fr: recordsFr, de: recordsDe, ar: recordsAr };

  it.each(Object.keys(catalogues) as Array<Exclude<Locale, 'en'>>)('%s: no English word of the records catalogue shows where the locale has its own', async (locale) => {
    fakeApi();
    const { container } = renderIn(<RecordList kind="leads" />, locale);
    await screen.findByRole('table');
    const shown = new Set<string>();
    for (const element of container.querySelectorAll<HTMLElement>('*')) {
      for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) shown.add(node.textContent.trim());
      for (const attribute of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(attribute);
        if (value) shown.add(value);
      }
    }
    const own = catalogues[locale];
    const leaked = (Object.keys(recordsEn) as RecordsKey[]).filter((key) => {
      const english = recordsEn[key];
      return own[key] !== undefined && own[key] !== english && !english.includes('{') && english.length > 3 && shown.has(english);
    });
    expect(leaked).toEqual([]);
  });

  it('words the export labels for both kinds so that they agree in Spanish and French (leads and prospects are masculine)', () => {
    for (const locale of ['es', 'fr'] as const) {
      for (const kind of ['conversations', 'leads'] as const) {
        const what = translateRecords(locale, `records.what.${kind}`);
        for (const key of ['records.export.csvLabel', 'records.export.ndjsonLabel', 'records.export.csvFilteredLabel', 'records.export.ndjsonFilteredLabel'] as const) {
          const label = translateRecords(locale, key, { what });
          expect(label).toContain(what);
          if (kind === 'leads') expect(label).not.toMatch(/\btodas las\b|\btoutes les\b/);
        }
      }
    }
  });
});

describe('exports follow the filters', () => {
  it('downloads everything with no filter, and only what the list shows once filters are applied, with labels that say which', async () => {
    const urls = fakeApi();
    const user = userEvent.setup();
    renderIn(<RecordList kind="leads" />, 'en');
    await screen.findByRole('table');
    expect(screen.getByRole('link', { name: 'Export every one of the leads as CSV' })).toHaveAttribute('href', '/api/v1/admin/export?type=leads&format=csv');

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'hooli');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'contacted');
    await user.type(screen.getByLabelText('Active from'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(urls.at(-1)).toContain('q=hooli'));

    const csv = screen.getByRole('link', { name: 'Export the leads that match the filters as CSV' });
    const ndjson = screen.getByRole('link', { name: 'Export the leads that match the filters as NDJSON' });
    const listed = Object.fromEntries(new URLSearchParams(urls.at(-1)?.split('?')[1]));
    const exported = Object.fromEntries(new URLSearchParams(csv.getAttribute('href')?.split('?')[1]));
    const { limit: _limit, ...filters } = listed;
    expect(exported).toEqual({ type: 'leads', format: 'csv', ...filters });
    expect(filters).toEqual({ q: 'hooli', status: 'contacted', from: String(new Date('2026-11-01T00:00:00').getTime()) });
    expect(ndjson.getAttribute('href')).toContain('format=ndjson');

    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Export every one of the leads as CSV' })).toHaveAttribute('href', '/api/v1/admin/export?type=leads&format=csv'));
  });
});
