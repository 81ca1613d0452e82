/** @jest-environment node */
// Session 32: the dashboard's address (/admin?range=30d, /admin?from=&to=), read as strictly as the lists read theirs:
// a good range is the range the metrics API would query for the same days and zone, a bad parameter is named (and
// nothing is queried), a wrong date is said at its field; the server page's loader runs the API's query.
import { parseMetricsQuery } from '@/app/api/v1/admin/metrics/schema';
import { loadDashboardStart } from '@/lib/admin/dashboard-page';
import { dashboardPageHref, readDashboardPageParams, type RangeChoice } from '@/lib/admin/dashboard-query';
import { dayStartAt, dayStartIn } from '@/lib/admin/time-zone';
import { presetRange } from '@/lib/analytics/range';
import { recordEvents } from '@/lib/analytics/recorder';
import { createMemoryKv, type Kv } from '@/lib/store/kv';

const NOW = Date.UTC(2026, 11, 4, 15, 30);
const MADRID = 'Europe/Madrid';
const read = (search: Record<string, string | string[]>, locale: 'en' | 'es' | 'fr' | 'de' | 'ar' = 'en', zone = 'UTC') => readDashboardPageParams(locale, search, zone, NOW);

describe('a good address', () => {
  it('none is the last 7 days of the admin’s zone, as the API reads no query', () => {
    const params = read({}, 'en', MADRID);
    expect(params).toMatchObject({ choice: { kind: 'preset', preset: '7d' }, invalid: [], dateErrors: {}, timeZone: MADRID });
    expect(params.range).toEqual(parseMetricsQuery(new URLSearchParams(), NOW, MADRID).range);
  });

  it.each(['24h', '7d', '30d', '90d'] as const)('range=%s is that preset', (preset) => {
    const params = read({ range: preset, lang: 'es' }, 'es', MADRID);
    expect(params.choice).toEqual({ kind: 'preset', preset });
    expect(params.range).toEqual(presetRange(preset, NOW, MADRID));
  });

  it('dates in the page’s format (or ISO) are whole days of the admin’s zone, the end included, as the API reads them', () => {
    const api = parseMetricsQuery(new URLSearchParams({ from: '2026-11-01', to: '2026-11-30' }), NOW, MADRID).range;
    for (const [locale, from, to] of [
      ['es', '01/11/2026', '30/11/2026'],
      ['en', '11/01/2026', '11/30/2026'],
      ['de', '01.11.2026', '30.11.2026'],
      ['fr', '2026-11-01', '2026-11-30'],
    ] as const) {
      const params = read({ from, to }, locale, MADRID);
      expect([locale, params.choice, params.invalid, params.dateErrors]).toEqual([locale, { kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, [], {}]);
      expect(params.range).toEqual(api);
    }
    expect(api.from).toBe(dayStartIn('2026-11-01', MADRID));
    expect(api.to).toBe(dayStartIn('2026-12-01', MADRID));
  });

  it('the page’s own address reads back as the same range', () => {
    const choices: RangeChoice[] = [
      { kind: 'preset', preset: '7d' },
      { kind: 'preset', preset: '24h' },
      { kind: 'custom', from: '2026-11-20', to: '2026-12-03' },
    ];
    expect(choices.map(dashboardPageHref)).toEqual(['/admin', '/admin?range=24h', '/admin?from=2026-11-20&to=2026-12-03']);
    for (const choice of choices) {
      const search = Object.fromEntries(new URLSearchParams(dashboardPageHref(choice).split('?')[1] ?? ''));
      expect(read(search, 'ar').choice).toEqual(choice);
    }
  });
});

describe('a bad address', () => {
  it.each([
    [{ range: '7days' }, ['range']],
    [{ range: '7d', utm_source: 'mail' }, ['utm_source']],
    [{ range: ['7d', '30d'] }, ['range']],
    [{ range: '30d', from: '2026-11-01', to: '2026-11-02' }, ['range']],
    [{ tz: 'Europe/Madrid', locale: 'es' }, ['locale', 'tz']],
  ] as const)('%j names %j, and nothing is queried', (search, named) => {
    const params = read(search as Record<string, string | string[]>);
    expect(params.invalid).toEqual(named);
    expect(params.range).toBeNull();
  });

  it.each([
    [{ from: '31/02/2026', to: '01/03/2026' }, { from: 'invalid' }],
    [{ from: '2026-11-01' }, { to: 'invalid' }],
    [{ from: '', to: '2026-11-01' }, { from: 'invalid' }],
    [{ from: '2026-11-10', to: '2026-11-01' }, { to: 'order' }],
    [{ from: '2025-01-01', to: '2026-11-30' }, { to: 'tooLong' }],
    [{ from: '2026-12-05', to: '2026-12-06' }, { from: 'future' }],
  ] as const)('%j is said at the field (%j), the dates kept as typed', (search, errors) => {
    const params = read(search as Record<string, string>, 'es');
    expect(params.dateErrors).toEqual(errors);
    expect(params.invalid).toEqual([]);
    expect(params.range).toBeNull();
    expect(params.typed).toEqual({ from: 'from' in search ? search.from : '', to: 'to' in search ? search.to : '' });
  });

  it('today is not yet to come, in the admin’s zone: Auckland is already on 5 December', () => {
    expect(read({ from: '2026-12-05', to: '2026-12-05' }, 'en', 'Pacific/Auckland').range?.from).toBe(dayStartAt(NOW, 'Pacific/Auckland'));
  });
});

describe('the server page’s loader', () => {
  let kv: Kv;
  beforeAll(async () => {
    kv = createMemoryKv({ prefix: 's32-unit' });
    await recordEvents(
      kv,
      [
        { type: 'conversation.started', at: NOW - 60_000, conversationId: 'r1', visitorId: 'v1' },
        { type: 'conversation.started', at: NOW - 3 * 86_400_000, conversationId: 'r2', visitorId: 'v2' },
      ],
      { retentionDays: 400, idleMs: 30 * 60_000, now: NOW },
    );
  });

  it('runs the API’s query for the range, in the page’s language', async () => {
    const start = await loadDashboardStart({ kv, locale: 'de', search: { range: '24h' }, timeZone: MADRID, now: NOW });
    expect(start.failed).toBe(false);
    expect(start.report?.kpis.conversations).toBe(1);
    expect(start.report?.range).toMatchObject({ preset: '24h', timeZone: MADRID });
    expect((await loadDashboardStart({ kv, locale: 'en', search: {}, now: NOW })).report?.kpis.conversations).toBe(2);
  });

  it('asks the store nothing for an address it cannot read, and says a store that failed', async () => {
    const exec = jest.fn(async () => {
      throw new Error('store down');
    });
    const broken: Kv = { ...kv, exec };
    expect(await loadDashboardStart({ kv: broken, locale: 'en', search: { range: 'all' }, now: NOW })).toMatchObject({ report: null, failed: false });
    expect(exec).not.toHaveBeenCalled();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await loadDashboardStart({ kv: broken, locale: 'en', search: {}, now: NOW })).toMatchObject({ report: null, failed: true });
    expect(error).toHaveBeenCalledWith('[admin] the dashboard figures could not be read', expect.any(Error));
    error.mockRestore();
  });
});
