/** @jest-environment node */
// The dashboard's days are the admin's (session 29b): the metrics' day buckets, the presets' "last N days", a custom
// range's dates and the funnel's span follow the admin's zone (the dashboard's `tz`, else the `admin_tz` cookie, else
// UTC: a forged cookie is UTC), at both ends of a day and on 23- and 25-hour daylight-saving days (Auckland, Los
// Angeles, Santiago). The store keeps UTC hours and days; another zone's day is summed from its hours.
import { adminTimeZoneCookie, dayEndIn, dayStartIn } from '@/lib/admin/time-zone';
import { recordEvents } from '@/lib/analytics/recorder';
import { planQuery, queryMetrics } from '@/lib/analytics/query';
import { presetRange } from '@/lib/analytics/range';
import type { MetricsReport } from '@/lib/analytics/report';
import type { AppEvent } from '@/lib/events/schema';
import { createMemoryKv, type Kv } from '@/lib/store/kv';
import { requireAdmin } from '@/lib/admin/guard';
import { GET } from '@/app/api/v1/admin/metrics/route';
import { parseMetricsQuery } from '@/app/api/v1/admin/metrics/schema';

jest.mock('@/lib/admin/guard', () => ({ requireAdmin: jest.fn() }));

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);

let round = 0;
/** A fresh store holding one conversation (with a lead) started at each instant. */
async function storeWith(instants: number[], now: number): Promise<Kv> {
  const kv = createMemoryKv({ prefix: `s29b${++round}:` });
  const events: AppEvent[] = instants.flatMap((instant, i): AppEvent[] => {
    const base = { conversationId: `c${round}-${i}`, visitorId: `v${i}` };
    return [
      { type: 'conversation.started', at: instant, ...base },
      { type: 'message', at: instant, ...base, role: 'user', chars: 5 },
      { type: 'lead.captured', at: instant, ...base, lead: { fields: { email: { value: `p${i}@x.io`, evidence: `p${i}@x.io`, confidence: 0.9 } }, score: 20 } },
      { type: 'latency', at: instant, ...base, metric: 'first_token', ms: 200 },
    ];
  });
  await recordEvents(kv, events, { retentionDays: 400, idleMs: 30 * 60_000, now });
  return kv;
}

/** The report for a query string, its days read in `cookieZone` unless it names its own `tz`. */
async function report(kv: Kv, query: string, now: number, cookieZone?: string): Promise<MetricsReport> {
  const { range } = parseMetricsQuery(new URLSearchParams(query), now, cookieZone);
  return queryMetrics({ kv, range, now });
}
const perDay = (result: MetricsReport) => result.series.map((point) => [point.start, point.conversations, point.leads]);

describe('a day on the dashboard is the admin’s day, at both of its ends', () => {
  const now = at('2026-12-10T12:00:00Z');

  it('Auckland (UTC+13): 23:59:59.999 on 4 December and midnight on the 5th fall on two days, as the admin lives them', async () => {
    const lastOf4th = dayEndIn('2026-12-04', 'Pacific/Auckland');
    expect(iso(lastOf4th)).toBe('2026-12-04T10:59:59.999Z');
    const kv = await storeWith([lastOf4th, lastOf4th + 1], now);
    const result = await report(kv, 'from=2026-12-03&to=2026-12-05', now, 'Pacific/Auckland');
    expect(result.range).toMatchObject({ timeZone: 'Pacific/Auckland', granularity: 'day', from: '2026-12-02T11:00:00.000Z', to: '2026-12-05T11:00:00.000Z' });
    expect(perDay(result)).toEqual([
      ['2026-12-02T11:00:00.000Z', 0, 0],
      ['2026-12-03T11:00:00.000Z', 1, 1],
      ['2026-12-04T11:00:00.000Z', 1, 1],
    ]);
    // Both were on the 4th in UTC: the UTC dashboard puts them on one day.
    expect(perDay(await report(kv, 'from=2026-12-03&to=2026-12-05', now)).map(([, conversations]) => conversations)).toEqual([0, 2, 0]);
  });

  it('Los Angeles (UTC−8): 07:59 UTC on 4 December is still the 3rd; the latency and funnel totals are the range’s', async () => {
    const kv = await storeWith([at('2026-12-04T07:59:59.999Z'), at('2026-12-04T08:00:00Z'), at('2026-12-06T08:00:00Z')], now);
    const result = await report(kv, 'from=2026-12-03&to=2026-12-05', now, 'America/Los_Angeles');
    expect(perDay(result)).toEqual([
      ['2026-12-03T08:00:00.000Z', 1, 1],
      ['2026-12-04T08:00:00.000Z', 1, 1],
      ['2026-12-05T08:00:00.000Z', 0, 0],
    ]);
    // The 6th (LA) is outside the range: counted nowhere, in the funnel and latency neither.
    expect(result.kpis).toMatchObject({ conversations: 2, leads: 2 });
    expect(result.latency.firstToken.count).toBe(2);
    expect(result.funnel[0]?.reached).toBe(2);
  });

  it('“last 7 days” is the admin’s today and the six days before it, midnight to midnight', () => {
    const lateEvening = at('2026-12-10T07:30:00Z'); // 23:30 on 9 December in Los Angeles, 20:30 on the 10th in Auckland
    expect(presetRange('7d', lateEvening, 'America/Los_Angeles')).toMatchObject({ from: at('2026-12-03T08:00:00Z'), to: at('2026-12-10T08:00:00Z') });
    expect(presetRange('7d', lateEvening, 'Pacific/Auckland')).toMatchObject({ from: at('2026-12-03T11:00:00Z'), to: at('2026-12-10T11:00:00Z') });
    expect(presetRange('7d', lateEvening)).toMatchObject({ from: at('2026-12-04T00:00:00Z'), to: at('2026-12-11T00:00:00Z'), timeZone: 'UTC' });
  });
});

describe('a daylight-saving day is 23 or 25 hours long, and its buckets say so', () => {
  const days = (result: MetricsReport) => result.series.map((point, i) => (Date.parse(result.series[i + 1]?.start ?? result.range.to) - Date.parse(point.start)) / HOUR);

  it.each([
    // [zone, from, to, the day's first instant, its length in hours]
    ['America/Los_Angeles', '2026-10-31', '2026-11-02', '2026-11-01T07:00:00.000Z', 25],
    ['America/Los_Angeles', '2026-03-07', '2026-03-09', '2026-03-08T08:00:00.000Z', 23],
    ['Pacific/Auckland', '2026-04-04', '2026-04-06', '2026-04-04T11:00:00.000Z', 25],
    ['Pacific/Auckland', '2026-09-26', '2026-09-28', '2026-09-26T12:00:00.000Z', 23],
    // Santiago skips midnight itself (00:00 → 01:00 on 6 September): the day starts at 01:00 local.
    ['America/Santiago', '2026-09-05', '2026-09-07', '2026-09-06T04:00:00.000Z', 23],
    ['America/Santiago', '2026-04-03', '2026-04-05', '2026-04-04T03:00:00.000Z', 25],
  ])('%s, %s to %s: the middle day starts at %s and lasts %i h; what happens in its last hour is counted on it', async (zone, from, to, start, hours) => {
    const lastHour = Date.parse(start) + (hours - 1) * HOUR + 30 * 60_000;
    const kv = await storeWith([Date.parse(start), lastHour, Date.parse(start) + hours * HOUR], at('2026-12-01T00:00:00Z'));
    const result = await report(kv, `from=${from}&to=${to}&tz=${encodeURIComponent(zone)}`, at('2026-12-01T00:00:00Z'));
    expect(result.series[1]?.start).toBe(start);
    expect(days(result)[1]).toBe(hours);
    expect(result.series.map((point) => point.conversations)).toEqual([0, 2, 1]);
    expect(result.range.timeZone).toBe(zone);
  });
});

describe('where the zone comes from', () => {
  const now = at('2026-12-10T12:00:00Z');

  it('the cookie’s zone when the query names none; UTC when the cookie is missing or forged; `tz` wins over the cookie', () => {
    const fromOf = (query: string, cookieZone?: string) => iso(parseMetricsQuery(new URLSearchParams(query), now, cookieZone).range.from);
    expect(fromOf('from=2026-12-01&to=2026-12-05', 'America/Los_Angeles')).toBe('2026-12-01T08:00:00.000Z');
    expect(fromOf('from=2026-12-01&to=2026-12-05')).toBe('2026-12-01T00:00:00.000Z');
    expect(fromOf('from=2026-12-01&to=2026-12-05&tz=Pacific/Auckland', 'America/Los_Angeles')).toBe('2026-11-30T11:00:00.000Z');
    expect(fromOf('from=2026-12-01&to=2026-12-05&tz=UTC', 'America/Los_Angeles')).toBe('2026-12-01T00:00:00.000Z');
    // An instant with its offset is that instant whatever the zone; the end is widened to the zone's midnight.
    expect(parseMetricsQuery(new URLSearchParams('from=2026-12-01T12:00:00Z&to=2026-12-05T12:00:00Z&tz=America/Los_Angeles'), now).range).toMatchObject({
      from: dayStartIn('2026-12-01', 'America/Los_Angeles'),
      to: dayStartIn('2026-12-06', 'America/Los_Angeles'),
    });
  });

  const guard = jest.mocked(requireAdmin);
  const get = (query: string, cookie?: string) =>
    GET(new Request(`http://localhost/api/v1/admin/metrics${query}`, { headers: { authorization: 'Bearer k', ...(cookie ? { cookie } : {}) } }));
  beforeEach(() => {
    for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN']) delete process.env[name];
    guard.mockResolvedValue({ kind: 'key', keyId: 'k1', scopes: ['leads:read'] });
  });

  it('through the route: the admin’s cookie sets the days and the answer names the zone; a forged cookie is UTC; a bad `tz` is a typed 400', async () => {
    const zoneOf = async (query: string, cookie?: string) => ((await (await get(query, cookie)).json()) as MetricsReport).range;
    const cookie = (zone: string) => adminTimeZoneCookie(zone, false).split(';')[0] ?? '';
    expect(await zoneOf('?range=30d', `lang=es; ${cookie('America/Santiago')}`)).toMatchObject({ timeZone: 'America/Santiago' });
    const santiago = await zoneOf('?range=30d', cookie('America/Santiago'));
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Santiago', timeStyle: 'short' }).format(Date.parse(santiago.from))).toMatch(/^0[01]:00$/);
    for (const forged of ['admin_tz=%2B05%3A00', 'admin_tz=Evil%2F..%2F..', 'admin_tz=America%2FNowhere', `admin_tz=${'A'.repeat(300)}`]) {
      expect(await zoneOf('?range=30d', forged)).toMatchObject({ timeZone: 'UTC', to: expect.stringMatching(/T00:00:00\.000Z$/) });
    }
    const bad = await get('?range=7d&tz=%2B05%3A00');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'bad_request:admin', message: expect.stringMatching(/^tz: .*IANA/) });
  });
});

describe('what the store is asked', () => {
  const kv = { prefix: 'p:' };
  const counterKeys = (plan: ReturnType<typeof planQuery>) => plan.commands.filter((command) => command[0] === 'HGETALL').map((command) => String(command[1]));

  it('a UTC day reads its day hash, as before; another zone’s day its 23, 24 or 25 hours, each hour once', () => {
    const utc = planQuery(kv, presetRange('7d', at('2026-12-10T12:00:00Z')));
    expect(counterKeys(utc)).toHaveLength(7);
    expect(counterKeys(utc).every((key) => key.startsWith('p:an:d:'))).toBe(true);

    const la = planQuery(kv, parseMetricsQuery(new URLSearchParams('from=2026-10-31&to=2026-11-02&tz=America/Los_Angeles'), at('2026-12-01T00:00:00Z')).range);
    const keys = counterKeys(la);
    expect(keys).toHaveLength(24 + 25 + 24);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('p:an:h:2026103107');
    expect(la.slices).toEqual([
      [0, 24],
      [24, 49],
      [49, 73],
    ]);
    // The per-conversation unions (funnel, engaged, topics) cover the same hours.
    const funnelUnion = la.commands.find((command) => command[0] === 'ZUNIONSTORE');
    expect(funnelUnion?.[2]).toBe(73);
  });

  it('a zone half an hour off UTC (Kolkata): each day is the whole UTC hours from the one its midnight falls in, none counted twice', async () => {
    const now = at('2026-12-10T12:00:00Z');
    const kv2 = await storeWith([at('2026-12-03T18:15:00Z'), at('2026-12-03T18:45:00Z'), at('2026-12-04T12:00:00Z')], now);
    const result = await report(kv2, 'from=2026-12-03&to=2026-12-05&tz=Asia/Kolkata', now);
    expect(result.series.map((point) => point.start)).toEqual(['2026-12-02T18:30:00.000Z', '2026-12-03T18:30:00.000Z', '2026-12-04T18:30:00.000Z']);
    expect(result.series.map((point) => point.conversations)).toEqual([0, 3, 0]);
    expect(result.kpis.conversations).toBe(3);
  });
});
