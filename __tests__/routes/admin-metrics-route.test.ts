/** @jest-environment node */
// GET /api/v1/admin/metrics, called directly on the in-memory store. The admin guard is mocked (its real
// implementation belongs to the sign-in work): the route must ask it for `leads:read` before anything else, pass its
// typed refusals through, validate the query with typed 400s, and answer the dashboard's report.
import { AppError } from '@/lib/errors';
import { recordEvents } from '@/lib/analytics/recorder';
import type { MetricsReport } from '@/lib/analytics/report';
import type { AppEvent } from '@/lib/events/schema';
import { getKv } from '@/lib/store/kv';
import { requireAdmin } from '@/lib/admin/guard';
import { GET, POST } from '@/app/api/v1/admin/metrics/route';

jest.mock('@/lib/admin/guard', () => ({ requireAdmin: jest.fn() }));
const guard = jest.mocked(requireAdmin);

delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
delete process.env.KV_REST_API_URL;
delete process.env.KV_REST_API_TOKEN;

const NOW = Date.now();
const get = (query = '') => GET(new Request(`http://localhost/api/v1/admin/metrics${query}`, { headers: { authorization: 'Bearer k' } }));
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

beforeAll(async () => {
  const source = { utm: { source: 'newsletter' }, locale: 'es', agent: 'openai' as const };
  const events: AppEvent[] = [
    { type: 'conversation.started', at: NOW - 60_000, conversationId: 'r1', visitorId: 'v1', source },
    { type: 'message', at: NOW - 59_000, conversationId: 'r1', visitorId: 'v1', role: 'user', chars: 5 },
    { type: 'stage.changed', at: NOW - 58_000, conversationId: 'r1', from: 'greeting', to: 'discovery', reason: 'need' },
    { type: 'topic', at: NOW - 58_000, conversationId: 'r1', kind: 'objection', id: 'too-expensive' },
    { type: 'conversation.started', at: NOW - 30_000, conversationId: 'r2', visitorId: 'v2' },
    { type: 'meeting.booked', at: NOW - 20_000, conversationId: 'r2', booking: { id: 'b', email: 'x@example.com', start: '', durationMinutes: 30, timezone: 'UTC', localLabel: '', ics: '' } },
  ];
  await recordEvents(getKv(), events, { retentionDays: 400, idleMs: 30 * 60_000, now: NOW });
});

beforeEach(() => {
  guard.mockReset();
  guard.mockResolvedValue({ kind: 'key', keyId: 'k1', scopes: ['leads:read'] });
});

test('answers the report for the default range (7 days) to a caller the guard lets through, never cached', async () => {
  const response = await get();
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const report = (await response.json()) as MetricsReport;
  expect(guard).toHaveBeenCalledWith(expect.any(Request), { scope: 'leads:read' });
  expect(report.range).toMatchObject({ preset: '7d', granularity: 'day', timeZone: 'UTC' });
  expect(report.series).toHaveLength(7);
  expect(report.kpis).toMatchObject({ conversations: 2, meetings: 1, visitors: 2, meetingConversion: 0.5 });
  expect(report.funnel.slice(0, 3).map((s) => s.reached)).toEqual([2, 1, 0]);
  expect(report.breakdown.locale).toEqual([
    { value: '-', conversations: 1, leads: 0, meetings: 1, handoffs: 0 },
    { value: 'es', conversations: 1, leads: 0, meetings: 0, handoffs: 0 },
  ]);
  expect(report.topObjections).toEqual([{ id: 'too-expensive', title: expect.stringMatching(/expensive/i), count: 1 }]);
});

test('24h is hourly; explicit dates are whole UTC days with the end date included', async () => {
  const hourly = (await (await get('?range=24h')).json()) as MetricsReport;
  expect(hourly.range.granularity).toBe('hour');
  expect(hourly.series).toHaveLength(24);
  expect(hourly.kpis.conversations).toBe(2);

  const today = new Date(NOW).toISOString().slice(0, 10);
  const dates = (await (await get(`?from=2026-01-01&to=${today}`)).json()) as MetricsReport;
  expect(dates.range).toMatchObject({ from: '2026-01-01T00:00:00.000Z', granularity: 'day', preset: null });
  expect(dates.range.to).toBe(new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString());
  expect(dates.kpis.conversations).toBe(2);
});

test.each([
  ['?range=1y', /range/],
  ['?from=yesterday', /from/],
  ['?from=2026-11-20T10:00:00', /offset/], // a date-time without its offset is ambiguous
  ['?from=2026-11-20&to=2026-11-10', /before/],
  ['?from=2020-01-01&to=2026-01-01', /366 days/],
  ['?range=7d&from=2026-11-01', /either range or from/],
  ['?to=2026-11-01', /from/],
  ['?tz=Mars/Olympus_Mons', /IANA time zone/],
  ['?range=7d&limit=5', /limit|unrecognized/i],
])('%s is a typed 400', async (query, message) => {
  const response = await get(query);
  expect(response.status).toBe(400);
  const error = await errorOf(response);
  expect(error.code).toBe('bad_request:admin');
  expect(error.message).toMatch(message);
});

test('tz=UTC is accepted', async () => {
  expect((await get('?range=30d&tz=UTC')).status).toBe(200);
});

test.each([
  ['unauthorized:admin', 401],
  ['forbidden:admin', 403],
] as const)('the guard refuses (%s) before the query is even read', async (code, status) => {
  const refusal = new AppError(code, 'Refused by the guard.');
  guard.mockRejectedValue(refusal);
  const response = await get('?range=not-a-range');
  expect(response.status).toBe(status);
  expect(await errorOf(response)).toEqual({ code: refusal.code, message: refusal.message });
});

test('other methods get a typed 405 naming GET', async () => {
  const response = await POST(new Request('http://localhost/api/v1/admin/metrics', { method: 'POST' }));
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toContain('GET');
});

test('titles topics in the locale asked for (English for what its overlay lacks); an unknown locale is a typed 400', async () => {
  const titles = async (query: string) => ((await (await get(query)).json()) as MetricsReport).topObjections.map((topic) => topic.title);
  expect(await titles('?locale=de')).toEqual(['Das ist zu teuer']);
  expect(await titles('?locale=ar-SA')).toEqual(['السعر مرتفع جدًا']);
  expect(await titles('?range=7d')).toEqual([expect.stringMatching(/expensive/i)]);
  const refused = await get('?locale=it');
  expect(refused.status).toBe(400);
  expect(await errorOf(refused)).toMatchObject({ code: 'bad_request:admin', message: expect.stringMatching(/^locale:/) });
});
