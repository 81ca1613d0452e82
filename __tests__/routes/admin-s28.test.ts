/** @jest-environment node */
// Session 28, an admin far from UTC (Auckland, Los Angeles) using the lists without JavaScript: a day typed in the
// filters is the admin's own day (their zone, from the cookie their browser left), at both ends and across daylight
// saving; a forged zone cookie is UTC, never an error or a crash; the transcript and lead pages read their record on
// the server (so they show without JavaScript), a bad id or a failing store is said, not thrown.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { loadRecordListStart } from '@/lib/admin/record-list-page';
import { loadConversationStart, loadLeadStart, loadRatingsStart } from '@/lib/admin/record-detail-page';
import { readRecordPageParams } from '@/lib/admin/record-query';
import { adminTimeZoneCookie, adminTimeZoneOf, dayEndIn, dayStartIn } from '@/lib/admin/time-zone';
import { recordRating } from '@/lib/analytics/feedback';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { getConversationStore } from '@/lib/store';
import * as conversations from '@/app/api/v1/admin/conversations/route';
import * as exporter from '@/app/api/v1/admin/export/route';
import * as leads from '@/app/api/v1/admin/leads/route';
import * as metrics from '@/app/api/v1/admin/metrics/route';
import { memoryDeps, salesState, storeConversation, testClock, TTL_SECONDS, type LeadSpec } from '../support/admin-records';
import { parseCsv } from '../support/csv';

const HOUR = 3_600_000;

describe('a day in the filters is the admin’s own day, without JavaScript too', () => {
  it('Auckland (UTC+13 in December): from 1 Dec to 1 Dec is Auckland’s whole 1 December', () => {
    const params = readRecordPageParams('conversations', 'en', { from: '12/01/2026', to: '12/01/2026' }, 'Pacific/Auckland');
    expect(params.timeZone).toBe('Pacific/Auckland');
    expect(params.query).toMatchObject({ from: Date.UTC(2026, 10, 30, 11), to: Date.UTC(2026, 11, 1, 11) - 1 });
  });

  it('Los Angeles (UTC−8): the day starts at 08:00 UTC and ends before the next 08:00', () => {
    const params = readRecordPageParams('leads', 'es', { from: '01/12/2026', to: '2026-12-01' }, 'America/Los_Angeles');
    expect(params.query).toMatchObject({ from: Date.UTC(2026, 11, 1, 8), to: Date.UTC(2026, 11, 2, 8) - 1 });
  });

  it('a day of a daylight-saving change is 25 or 23 hours long, not 24', () => {
    // Los Angeles falls back on 1 November 2026, Auckland springs forward on 27 September 2026.
    expect(dayEndIn('2026-11-01', 'America/Los_Angeles') + 1 - dayStartIn('2026-11-01', 'America/Los_Angeles')).toBe(25 * HOUR);
    expect(dayEndIn('2026-09-27', 'Pacific/Auckland') + 1 - dayStartIn('2026-09-27', 'Pacific/Auckland')).toBe(23 * HOUR);
    // Santiago's clocks skip midnight itself (00:00 → 01:00 on 6 September 2026): the day starts at its first hour,
    // not at 23:00 the evening before; the day before ends just then.
    expect(new Date(dayStartIn('2026-09-06', 'America/Santiago')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(dayEndIn('2026-09-05', 'America/Santiago')).toBe(dayStartIn('2026-09-06', 'America/Santiago') - 1);
  });

  it('without a zone (a browser that never ran the page’s script) days are UTC, as before', () => {
    expect(readRecordPageParams('conversations', 'de', { from: '01.12.2026' }).query).toMatchObject({ from: Date.UTC(2026, 11, 1) });
  });

  it('1 January 1970 east of UTC starts before the epoch: still a day, not a refused parameter', () => {
    expect(readRecordPageParams('conversations', 'en', { from: '1970-01-01' }, 'Pacific/Auckland')).toMatchObject({ invalid: [], query: { from: 0 } });
  });

  it('the server page lists what happened on the admin’s day, at both of its ends', async () => {
    const deps = memoryDeps(testClock(Date.UTC(2026, 11, 5)));
    const zone = 'Pacific/Auckland';
    const start = dayStartIn('2026-12-01', zone);
    const end = dayEndIn('2026-12-01', zone);
    const at = { before: start - 1, first: start, last: end, after: end + 1 };
    const ids = Object.fromEntries(
      await Promise.all(Object.entries(at).map(async ([name, when]) => [name, await storeConversation(deps.store, { at: when, title: `At ${name}` })] as const)),
    );
    const listed = async (timeZone?: string) => {
      const page = (await loadRecordListStart(deps, 'conversations', 'en', { from: '2026-12-01', to: '2026-12-01' }, timeZone)).page;
      return new Set(page?.items.map((item) => item.id));
    };
    expect(await listed(zone)).toEqual(new Set([ids.first, ids.last]));
    // Read as a UTC day (what the page did before), the same filter missed the first hours of the admin's day and
    // listed eleven hours of their 2 December.
    expect(await listed()).toEqual(new Set([ids.last, ids.after]));
  });
});

describe('the zone cookie is read strictly', () => {
  it.each([
    ['Pacific%2FAuckland', 'Pacific/Auckland'],
    ['america%2Flos_angeles', 'America/Los_Angeles'],
    ['Europe/Madrid', 'Europe/Madrid'],
    ['UTC', 'UTC'],
  ])('%s → %s', (cookie, zone) => expect(adminTimeZoneOf(cookie)).toBe(zone));

  it.each([[''], ['Mars/Olympus_Mons'], ['+13:00'], ['%E0%A4%A'], ['UTC; Path=/'], ['../../etc/passwd'], ['A'.repeat(400)], ['Europe/Madrid\u0000'], ['🕒']])(
    'a forged or unknown zone %j is UTC',
    (cookie) => expect(adminTimeZoneOf(cookie)).toBe('UTC'),
  );

  it('the cookie holds only the zone, for the admin pages, a year, not sent cross-site', () => {
    expect(adminTimeZoneCookie('America/Los_Angeles', true)).toBe('admin_tz=America%2FLos_Angeles; Path=/admin; Max-Age=31536000; SameSite=Lax; Secure');
    expect(adminTimeZoneCookie('UTC', false)).not.toContain('Secure');
  });
});

describe('the transcript and lead pages read their record on the server', () => {
  it('a conversation with a lead: the detail, the lead and the votes, as the API gives them', async () => {
    const deps = memoryDeps();
    const id = await storeConversation(deps.store, { at: deps.now() - 60_000, title: 'Precio para 12 personas', lead: { fields: { name: 'María Pérez', email: 'maria@acme.es' } } });
    const conversation = await loadConversationStart(deps, id);
    expect(conversation).toMatchObject({ failed: false, detail: { id, title: 'Precio para 12 personas' } });
    const lead = await loadLeadStart(deps, id);
    expect(lead.detail?.fields.map((field) => [field.field, field.value])).toEqual(
      expect.arrayContaining([
        ['name', 'María Pérez'],
        ['email', 'maria@acme.es'],
      ]),
    );
    const messageId = conversation.detail?.transcript.flatMap((entry) => (entry.kind === 'message' && entry.role === 'assistant' ? [entry.id] : []))[0] ?? '';
    await recordRating({ kv: deps.kv, conversationId: id, messageId, rating: 'up', ttlSeconds: TTL_SECONDS });
    expect(await loadRatingsStart(deps.kv, id)).toEqual({ ratings: { [messageId]: 'up' } });
  });

  it('an id that is not one, or a record that is not there, is "not found"; nothing is read for a forged id', async () => {
    const deps = memoryDeps();
    const get = jest.spyOn(deps.store, 'getConversation');
    for (const id of ['../../admin', '%00', 'x'.repeat(5_000), "1' OR '1'='1"]) {
      expect(await loadConversationStart(deps, id)).toEqual({ detail: null, failed: false });
      expect(await loadLeadStart(deps, id)).toEqual({ detail: null, failed: false });
      expect(await loadRatingsStart(deps.kv, id)).toBeUndefined();
    }
    expect(get).not.toHaveBeenCalled();
    expect(await loadConversationStart(deps, '3f1c2a9e-8b7d-4c6e-9a5f-000000000001')).toEqual({ detail: null, failed: false });
    // A conversation that told us nothing about the prospect has no lead page.
    const quiet = await storeConversation(deps.store, { at: deps.now(), title: 'hi' });
    expect(await loadLeadStart(deps, quiet)).toEqual({ detail: null, failed: false });
  });

  it('a store that fails is said as a failed read (the page offers Try again), not thrown into an error page', async () => {
    const deps = memoryDeps();
    const id = await storeConversation(deps.store, { at: deps.now(), title: 'Hola', lead: { fields: { email: 'a@b.es' } } });
    jest.spyOn(deps.store, 'getConversation').mockRejectedValue(new Error('store down'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await loadConversationStart(deps, id)).toEqual({ detail: null, failed: true });
    expect(await loadLeadStart(deps, id)).toEqual({ detail: null, failed: true });
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});

// ------------------------------------------------------------------------------------------------ through the API

const ORIGIN = 'http://localhost:3000';
const SECRET = 'admin-s28-secret-admin-s28-secret-012345';
const COOKIE = 'authjs.session-token';
let admin = '';
describe('through the admin API', () => {
  beforeAll(async () => {
    for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN']) delete process.env[name];
    process.env.AUTH_SECRET = SECRET;
    admin = `${COOKIE}=${await encode({ token: { email: 'ana@northwind.example', role: 'admin', authAt: Math.floor(Date.now() / 1000) }, secret: SECRET, salt: COOKIE })}`;
  });
  beforeEach(() => resetProcessSingletons());
  afterAll(() => {
    delete process.env.AUTH_SECRET;
    resetProcessSingletons();
  });

  const get = (path: string) => new Request(`${ORIGIN}${path}`, { headers: { cookie: admin } });
  async function store(title: string, lead: LeadSpec): Promise<string> {
    const id = randomUUID();
    const at = Date.now() - 60_000;
    const conversationStore = getConversationStore();
    await conversationStore.loadTurn({ id, visitorId: `v-${id.slice(0, 8)}`, day: new Date(at).toISOString().slice(0, 10) });
    const messages: SalesUIMessage[] = [{ id: `u-${randomUUID()}`, role: 'user', parts: [{ type: 'text', text: title }], metadata: { createdAt: at } }];
    await conversationStore.appendMessages({ id, messages, state: salesState(at, lead), now: at + 1 });
    return id;
  }

  it.each([
    ['conversations', () => conversations.GET(get('/api/v1/admin/conversations?q=acme&q=hooli')), 'q'],
    ['leads', () => leads.GET(get('/api/v1/admin/leads?status=new&status=lost')), 'status'],
    ['export', () => exporter.GET(get('/api/v1/admin/export?type=leads&format=csv&format=ndjson')), 'format'],
  ])('%s: a parameter sent twice is a typed 400 naming it, not read as its last value', async (_, send, name) => {
    const response = await send();
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; details: { issues: Array<{ path: string }> } } };
    expect(error.code).toBe('bad_request:admin');
    expect(error.details.issues.map((issue) => issue.path)).toContain(name);
  });

  it('metrics: a range sent twice is a typed 400 naming it', async () => {
    const response = await metrics.GET(get('/api/v1/admin/metrics?range=7d&range=90d'));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'bad_request:admin', message: expect.stringContaining('range') });
  });

  it('an empty repeat is no filter, as an empty parameter always was', async () => {
    expect((await conversations.GET(get('/api/v1/admin/conversations?q=&q=acme&stage='))).status).toBe(200);
  });

  it('search with odd input: pasted invisible marks, full-width letters, quotes, regex and SQL-looking text, emoji, non-Latin', async () => {
    const acme = await store('Precio "Pro" para 12 personas 👋🏽', { fields: { name: 'José Müller', company: 'Acme Ltd', email: 'kim@hooli.com' } });
    const layla = await store('مرحبا', { fields: { name: 'ليلى', company: '株式会社テスト', email: 'layla@example.ae' } });
    const found = async (q: string) => {
      const response = await conversations.GET(get(`/api/v1/admin/conversations?q=${encodeURIComponent(q)}`));
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id).sort();
    };
    // Pasted from a chat or a right-to-left page: a zero-width space, direction marks, a no-break space.
    expect(await found('kim@hooli.com\u200B')).toEqual([acme]);
    expect(await found('\u200Ekim@hooli.com\u200F')).toEqual([acme]);
    expect(await found('acme\u00A0ltd')).toEqual([acme]);
    // Full-width letters (a Japanese keyboard) and accents or case do not matter.
    expect(await found('ＡＣＭＥ')).toEqual([acme]);
    expect(await found('JOSE MULLER')).toEqual([acme]);
    expect(await found('株式会社')).toEqual([layla]);
    expect(await found('ليلى')).toEqual([layla]);
    // Text, never a pattern or a query.
    expect(await found('"Pro"')).toEqual([acme]);
    expect(await found('👋🏽')).toEqual([acme]);
    for (const q of ['.*', '[a-z]+', '%', '_', "'; DROP TABLE leads;--", '\\']) expect([q, await found(q)]).toEqual([q, []]);
    // Only invisible characters: no search at all, everything listed.
    expect(await found('\u200B\u200E')).toEqual([acme, layla].sort());
  });

  it('a CSV opens in a spreadsheet with its non-Latin names intact: UTF-8 with its byte-order mark, cells as before', async () => {
    await store('مرحبا', { fields: { name: 'ليلى الحسن', company: '株式会社テスト', email: 'layla@example.ae', need: 'line one\r\nline two, "quoted"' } });
    const response = await exporter.GET(get('/api/v1/admin/export?type=leads&format=csv'));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // What a spreadsheet reads once it knows the file is UTF-8 (the mark says so): the header, then the names as typed.
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
    expect(rows[0]?.[0]).toBe('id');
    const header = rows[0] ?? [];
    const row = rows[1] ?? [];
    expect([row[header.indexOf('name')], row[header.indexOf('company')], row[header.indexOf('need')]]).toEqual(['ليلى الحسن', '株式会社テスト', 'line one\r\nline two, "quoted"']);
    // NDJSON is for programs: no mark.
    const ndjson = new Uint8Array(await (await exporter.GET(get('/api/v1/admin/export?type=leads&format=ndjson'))).arrayBuffer());
    expect(ndjson[0]).toBe('{'.charCodeAt(0));
  });
});
