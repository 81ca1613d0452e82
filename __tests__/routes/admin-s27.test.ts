/** @jest-environment node */
// Session 27, an admin and an attacker against the admin API, through the real handlers and guard on the in-memory
// store: exports say each message's, field's and conversation's language in NDJSON and CSV alike, as the transcript
// does; a formula hidden behind invisible characters is neutralised in CSV; a refused webhook URL says why in codes
// the page can word in its own language (DNS names resolving to private addresses included); the list pages read
// their address as strictly as the API; and signed-out, forged, expired and cross-site requests change nothing.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { csvCell } from '@/lib/admin/export';
import { loadRecordListStart } from '@/lib/admin/record-list-page';
import { readRecordPageParams } from '@/lib/admin/record-query';
import { getRecordsDeps } from '@/lib/admin/records-index';
import type { ConversationDetail, LeadDetail, TranscriptEntry } from '@/lib/admin/records-types';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { forgetProcessSingleton, resetProcessSingletons } from '@/lib/process-singleton';
import { getConversationStore } from '@/lib/store';
import { createMemoryKv } from '@/lib/store/kv';
import { guardedLookup } from '@/lib/webhooks/deliver-node';
import { createWebhookHandler, readDeliveryLog, webhookJob, type WebhookPoster } from '@/lib/webhooks/delivery';
import { createEndpoint, updateEndpoint } from '@/lib/webhooks/endpoints';
import { installHostResolver, type UrlPolicy } from '@/lib/webhooks/url-policy';
import { deliveryProblemOf } from '@/lib/webhooks/url-refusal';
import * as conversations from '@/app/api/v1/admin/conversations/route';
import * as conversation from '@/app/api/v1/admin/conversations/[id]/route';
import * as leads from '@/app/api/v1/admin/leads/route';
import * as lead from '@/app/api/v1/admin/leads/[id]/route';
import * as exporter from '@/app/api/v1/admin/export/route';
import * as metrics from '@/app/api/v1/admin/metrics/route';
import * as backup from '@/app/api/v1/admin/backup/route';
import * as keys from '@/app/api/v1/admin/keys/route';
import * as webhooks from '@/app/api/v1/admin/webhooks/route';
import { salesState, type LeadSpec } from '../support/admin-records';
import { parseCsv } from '../support/csv';

const ORIGIN = 'http://localhost:3000';
const SECRET = 'admin-s27-secret-admin-s27-secret-012345';
const COOKIE = 'authjs.session-token';
const ENV = ['AUTH_SECRET', 'ADMIN_SESSION_MAX_AGE_SECONDS', 'WEBHOOK_ALLOW_HTTP', 'WEBHOOK_ALLOW_PRIVATE', 'WEBHOOK_ALLOWED_HOSTS'];

const sessionCookie = async (claims: Record<string, unknown>, secret = SECRET) => `${COOKIE}=${await encode({ token: claims, secret, salt: COOKIE })}`;
let admin = '';
beforeAll(async () => {
  for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', ...ENV]) delete process.env[name];
  process.env.AUTH_SECRET = SECRET;
  admin = await sessionCookie({ email: 'ana@northwind.example', role: 'admin', authAt: Math.floor(Date.now() / 1000) });
});
beforeEach(() => {
  resetProcessSingletons();
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  for (const name of ENV) delete process.env[name];
  resetProcessSingletons();
});

const request = (path: string, init: { method?: string; cookie?: string; origin?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.cookie === undefined ? { cookie: admin } : init.cookie ? { cookie: init.cookie } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

async function store(texts: Array<['user' | 'assistant', string]>, leadSpec?: LeadSpec): Promise<string> {
  const id = randomUUID();
  const at = Date.now() - 60_000;
  const conversations = getConversationStore();
  await conversations.loadTurn({ id, visitorId: `v-${id.slice(0, 8)}`, day: new Date(at).toISOString().slice(0, 10) });
  const messages: SalesUIMessage[] = texts.map(([role, text], index) => ({ id: `${role[0]}-${randomUUID()}`, role, parts: [{ type: 'text', text }], metadata: { createdAt: at + index } }));
  await conversations.appendMessages({ id, messages, state: salesState(at, leadSpec), now: at + texts.length });
  return id;
}

const GERMAN: Array<['user' | 'assistant', string]> = [
  ['user', 'Hallo, wie viel kostet der Pro-Plan für unser Team?'],
  ['assistant', 'Der Pro-Plan kostet 29 € pro Nutzer und Monat. Wie viele Personen sind in Ihrem Team?'],
  ['user', '25'],
  ['assistant', 'Danke! Für 25 Personen sind das 725 € im Monat.'],
];
const SPANISH: Array<['user' | 'assistant', string]> = [
  ['user', 'Hola, ¿cuánto cuesta el plan para mi equipo?'],
  ['assistant', 'El plan Pro cuesta 29 € por usuario y mes. ¿Cuántas personas son?'],
];

async function download(query: string): Promise<string> {
  const response = await exporter.GET(request(`/api/v1/admin/export?${query}`));
  expect(response.status).toBe(200);
  return response.text();
}
const ndjson = async (query: string) => (await download(query)).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('exports carry the language of what was said, in NDJSON and CSV alike', () => {
  it('NDJSON conversations: each message its lang (as the transcript has it), the conversation its own, lead evidence too', async () => {
    const de = await store(GERMAN, { fields: { teamSize: 25, email: 'kim@hooli.de' }, evidence: 'Wir sind 25 Personen, meine E-Mail ist kim@hooli.de' });
    const es = await store(SPANISH);
    const records = await ndjson('type=conversations&format=ndjson');
    const byId = new Map(records.map((record) => [record.id, record]));
    const german = byId.get(de) as { lang: string; messages: Array<{ lang?: string; text: string }>; lead: { fields: Record<string, { lang?: string }> } };
    expect(german.lang).toBe('de');
    // The bare "25" takes the conversation's language, exactly as the admin transcript gives it.
    expect(german.messages.map((message) => message.lang)).toEqual(['de', 'de', 'de', 'de']);
    const detail = (await (await conversation.GET(request(`/api/v1/admin/conversations/${de}`), ctx(de))).json()) as ConversationDetail;
    const transcript = detail.transcript.filter((entry): entry is Extract<TranscriptEntry, { kind: 'message' }> => entry.kind === 'message');
    expect(german.messages.map((message) => message.lang)).toEqual(transcript.map((entry) => entry.lang));
    expect(german.lead.fields.teamSize?.lang).toBe('de');
    expect(german.lead.fields.email?.lang).toBe('de');
    const spanish = byId.get(es) as { lang: string; lead: unknown; messages: Array<{ lang?: string }> };
    expect(spanish.lang).toBe('es');
    expect(spanish.messages.map((message) => message.lang)).toEqual(['es', 'es']);
    expect(spanish.lead).toBeNull();
  });

  it('NDJSON leads: the conversation’s lang and each field’s evidence lang, as the lead page gives them', async () => {
    const id = await store(GERMAN, { fields: { teamSize: 25, company: 'Hooli' }, evidence: '25' });
    const [record] = await ndjson('type=leads&format=ndjson');
    const detail = (await (await lead.GET(request(`/api/v1/admin/leads/${id}`), ctx(id))).json()) as LeadDetail;
    expect(record).toMatchObject({ id, lang: 'de' });
    const fields = (record as { fields: Record<string, { lang?: string }> }).fields;
    // "25" reads as no language on its own: it takes the language the prospect wrote in, on the page and in the file.
    expect(Object.entries(fields).map(([field, fact]) => [field, fact.lang])).toEqual(detail.fields.map((field) => [field.field, field.lang]));
    expect(fields.teamSize?.lang).toBe('de');
  });

  it('CSV: a lang column, last, with the conversation’s language (empty when none is clear)', async () => {
    const de = await store(GERMAN, { fields: { email: 'kim@hooli.de' } });
    const unclear = await store([
      ['user', 'Pro?'],
      ['assistant', '29 €'],
    ]);
    const rows = parseCsv(await download('type=conversations&format=csv'));
    expect(rows[0]?.at(-1)).toBe('lang');
    const lang = (id: string) => rows.find((row) => row[0] === id)?.at(-1);
    expect(lang(de)).toBe('de');
    expect(lang(unclear)).toBe('');
    const leadRows = parseCsv(await download('type=leads&format=csv'));
    expect(leadRows[0]?.at(-1)).toBe('lang');
    expect(leadRows.find((row) => row[0] === de)?.at(-1)).toBe('de');
  });
});

describe('CSV injection behind invisible characters (OWASP)', () => {
  const hidden = ['\u200B', '\uFEFF', '\u200E', '\u200F', '\u202E', '\u2066', '\u2069', '\u061C', '\u00AD', '\u2060', ' ', '\u00A0', '\u3000', '\t', '\r', '\u200B \u200D'];
  it.each(hidden.map((prefix) => [JSON.stringify(prefix), prefix]))('a formula after %s is prefixed with a quote', (_name, prefix) => {
    for (const formula of ['=HYPERLINK("http://evil","x")', '+1+1', '-1+1', '@SUM(A1)', '＝1+1', '＋1', '－1', '＠SUM(A1)']) {
      const text = `${prefix}${formula}`;
      const cell = csvCell(text);
      expect(parseCsv(`${cell}\r\n`)[0]?.[0]).toBe(`'${text}`);
    }
  });

  it('a tab or carriage return at the start (after invisible characters too) is neutralised; harmless text is left alone', () => {
    for (const text of ['\tcmd', '\rcmd', '\u200B\tcmd', '\uFEFF\r\ncmd']) expect(parseCsv(`${csvCell(text)}\r\n`)[0]?.[0]).toBe(`'${text}`);
    for (const text of ['Acme', 'a=b', '\u200BAcme', 'María López', 'كم سعر الخطة', '25 people']) expect(csvCell(text)).toBe(text);
    expect(csvCell(-3)).toBe('-3');
  });

  it('through the export route: a lead whose fields hide formulas behind a zero-width space, a BOM and bidi controls', async () => {
    const id = await store(GERMAN, { fields: { company: '\u200B=cmd|" /C calc"!A0', name: '\uFEFF@SUM(1+1)', role: '\u202E\u2066+1', need: ' \t-2+3' } });
    const rows = parseCsv(await download('type=leads&format=csv'));
    const header = rows[0] ?? [];
    const row = rows.find((cells) => cells[0] === id) ?? [];
    const cell = (name: string) => row[header.indexOf(name)] ?? '';
    for (const name of ['company', 'name', 'role', 'need']) expect(cell(name).startsWith("'")).toBe(true);
    expect(cell('company')).toBe('\'\u200B=cmd|" /C calc"!A0');
  });
});

describe('a refused webhook URL says why in codes, and nothing is stored', () => {
  const create = (url: string) => webhooks.POST(request('/api/v1/admin/webhooks', { method: 'POST', origin: ORIGIN, body: { url, events: ['lead.captured'] } }));
  const refusal = async (url: string) => {
    const response = await create(url);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('bad_request:admin');
    return error.details;
  };

  it.each([
    ['not a url', { reason: 'invalid' }],
    ['http://hooks.example.com/x', { reason: 'scheme' }],
    ['https://user:pw@hooks.example.com/x', { reason: 'credentials' }],
    ['https://127.0.0.1/x', { reason: 'address', address: '127.0.0.1', range: 'loopback' }],
    ['https://[::ffff:127.0.0.1]/x', { reason: 'address', address: '::ffff:7f00:1', range: 'loopback' }],
    ['https://169.254.169.254/latest/meta-data', { reason: 'address', address: '169.254.169.254', range: 'link-local' }],
    ['https://2130706433/', { reason: 'address', address: '127.0.0.1', range: 'loopback' }],
    ['https://100.64.1.1/', { reason: 'address', address: '100.64.1.1', range: 'shared' }],
    ['https://[fd00::1]/', { reason: 'address', address: 'fd00::1', range: 'unique-local' }],
  ])('%s', async (url, details) => {
    installHostResolver(async () => ['93.184.216.34']);
    expect(await refusal(url)).toEqual(details);
    const list = (await (await webhooks.GET(request('/api/v1/admin/webhooks'))).json()) as { endpoints: unknown[] };
    expect(list.endpoints).toEqual([]);
  });

  it('a DNS name that resolves to a private address — any one of its addresses — is refused with the host and the address', async () => {
    installHostResolver(async (host) => (host === 'rebind.attacker.example' ? ['93.184.216.34', '10.0.0.7'] : ['93.184.216.34']));
    expect(await refusal('https://rebind.attacker.example/hook')).toEqual({ reason: 'resolves_to', host: 'rebind.attacker.example', address: '10.0.0.7', range: 'private' });
    installHostResolver(async () => {
      throw new Error('ENOTFOUND');
    });
    expect(await refusal('https://nowhere.invalid/hook')).toEqual({ reason: 'unresolved', host: 'nowhere.invalid' });
  });

  it('http allowed by the server: the refusal says "http or https"', async () => {
    process.env.WEBHOOK_ALLOW_HTTP = '1';
    forgetProcessSingleton('notify-config');
    try {
      expect(await refusal('ftp://hooks.example.com/x')).toEqual({ reason: 'scheme', allowHttp: true });
    } finally {
      delete process.env.WEBHOOK_ALLOW_HTTP;
      forgetProcessSingleton('notify-config');
    }
  });
});

describe('a failed delivery says why in codes in its log entry, so the page can word it', () => {
  const policy: UrlPolicy & { timeoutMs: number; logSize: number } = { allowPrivate: false, allowedHosts: [], allowHttp: false, timeoutMs: 2_000, logSize: 50 };

  async function attempt(post: WebhookPoster, setUp?: (kv: ReturnType<typeof createMemoryKv>, id: string) => Promise<void>) {
    const kv = createMemoryKv({ prefix: `s27-${randomUUID()}:` });
    installHostResolver(async () => ['93.184.216.34']);
    const endpoint = await createEndpoint({ kv, policy, input: { url: 'https://hooks.example.com/in', events: ['lead.captured'] } });
    await setUp?.(kv, endpoint.id);
    const handler = createWebhookHandler({ kv, policy, post });
    const job = webhookJob(endpoint, { type: 'lead.captured' }, { now: Date.now(), maxAttempts: 3 });
    const outcome = await handler.run(job);
    const commands = handler.record?.(job, { jobId: job.id, attempt: 1, at: Date.now(), ok: outcome.ok, status: outcome.status ?? null, durationMs: outcome.durationMs, ...(outcome.error ? { error: outcome.error } : {}), nextAttemptAt: null }) ?? [];
    await kv.exec(commands);
    const [entry] = await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 5 });
    return entry;
  }

  it('a redirect, another status, a timeout, a connection error, a disabled endpoint, and a URL refused at delivery', async () => {
    expect((await attempt(async () => ({ status: 302 })))?.problem).toEqual({ code: 'redirect', status: 302 });
    expect((await attempt(async () => ({ status: 500 })))?.problem).toEqual({ code: 'http', status: 500 });
    expect((await attempt(async () => ({ status: 204 })))?.problem).toBeUndefined();
    const timeout = await attempt(async () => {
      throw Object.assign(new Error('no answer within 2000 ms'), { deliveryProblem: { code: 'timeout' } });
    });
    expect(timeout).toMatchObject({ error: 'no answer within 2000 ms', problem: { code: 'timeout' } });
    expect((await attempt(async () => Promise.reject(new Error('connect ECONNREFUSED 93.184.216.34:443'))))?.problem).toEqual({ code: 'network' });
    expect((await attempt(async () => ({ status: 200 }), (kv, id) => updateEndpoint({ kv, policy, id, patch: { enabled: false } }).then(() => undefined)))?.problem).toEqual({ code: 'disabled' });
    // DNS rebinding: public when registered, private at delivery.
    const rebound = await attempt(
      async () => ({ status: 200 }),
      async () => installHostResolver(async () => ['192.168.1.20']),
    );
    expect(rebound?.problem).toEqual({ code: 'refused', refusal: { reason: 'resolves_to', host: 'hooks.example.com', address: '192.168.1.20', range: 'private' } });
  });

  it('the delivery’s own lookup (at connect time) refuses a name resolving to loopback with the same codes', async () => {
    const error = await new Promise<Error | null>((resolve) => guardedLookup(policy)('localhost', { all: true }, (failure) => resolve(failure)));
    expect(deliveryProblemOf(error)).toEqual({ code: 'refused', refusal: { reason: 'resolves_to', host: 'localhost', address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/), range: 'loopback' } });
  });
});

describe('the list pages read their address as strictly as the API (GET forms without JavaScript)', () => {
  it('dates typed in the page’s own format, ISO days in any locale; a day that does not exist or a range backwards is said at the field', () => {
    expect(readRecordPageParams('leads', 'es', { q: 'acme', from: '04/11/2026', to: '2026-11-30', status: 'qualified', stage: '' })).toMatchObject({
      filters: { q: 'acme', stage: '', status: 'qualified', from: '2026-11-04', to: '2026-11-30' },
      dateErrors: {},
      invalid: [],
      query: { q: 'acme', status: 'qualified', from: Date.UTC(2026, 10, 4), to: Date.UTC(2026, 10, 30, 23, 59, 59, 999), cursor: null, limit: 25 },
    });
    expect(readRecordPageParams('conversations', 'en', { from: '11/04/2026' }).filters.from).toBe('2026-11-04');
    expect(readRecordPageParams('conversations', 'de', { from: '31.02.2026' })).toMatchObject({ typed: { from: '31.02.2026' }, dateErrors: { from: 'invalid' }, query: null });
    expect(readRecordPageParams('conversations', 'fr', { from: '05/11/2026', to: '01/11/2026' })).toMatchObject({ dateErrors: { to: 'order' }, query: null });
  });

  it('an unknown, repeated or forged parameter is named and nothing is listed; ?lang= (the language switch) is fine', () => {
    expect(readRecordPageParams('conversations', 'en', { lang: 'ar', q: 'x' }).invalid).toEqual([]);
    expect(readRecordPageParams('conversations', 'en', { sate: 'closing', q: ['a', 'b'] })).toMatchObject({ invalid: ['q', 'sate'], query: null });
    expect(readRecordPageParams('leads', 'en', { stage: 'won', status: 'maybe' })).toMatchObject({ invalid: ['stage', 'status'], query: null });
    expect(readRecordPageParams('conversations', 'en', { status: 'new' })).toMatchObject({ invalid: ['status'], query: null });
    expect(readRecordPageParams('conversations', 'en', { cursor: '../../etc' })).toMatchObject({ invalid: ['cursor'], query: null });
    expect(readRecordPageParams('conversations', 'en', { cursor: '1700000000000:1', trail: 'x' })).toMatchObject({ invalid: ['trail'], query: null });
    expect(readRecordPageParams('conversations', 'en', { trail: ',1:1' })).toMatchObject({ invalid: ['trail'], query: null });
    expect(readRecordPageParams('conversations', 'en', { q: 'x'.repeat(201) })).toMatchObject({ invalid: ['q'], query: null });
    expect(readRecordPageParams('conversations', 'en', { cursor: '1700000000000:1', trail: ',1700000000001:0' })).toMatchObject({
      cursor: '1700000000000:1',
      trail: ['', '1700000000001:0'],
      invalid: [],
    });
  });

  it('the server lists the page the address asks for: filtered, a cursor past the end lists nothing, an unknown stage is named', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push(await store(GERMAN, { fields: { company: `Hooli ${i}`, email: `kim${i}@hooli.de` } }));
    await store(SPANISH);
    const deps = { ...getRecordsDeps(), syncIntervalMs: 0 };
    const all = await loadRecordListStart(deps, 'leads', 'de', { q: 'hooli' });
    expect(all.page?.items.map((item) => item.company).sort()).toEqual(['Hooli 0', 'Hooli 1', 'Hooli 2']);
    const one = await loadRecordListStart(deps, 'leads', 'de', { q: 'Hooli 1' });
    expect(one.page?.items.map((item) => item.id)).toEqual([ids[1]]);
    const bad = await loadRecordListStart(deps, 'conversations', 'en', { cursor: '9999999999999999:999999999', trail: '' });
    expect(bad.page?.items ?? []).toEqual([]);
    const refused = await loadRecordListStart(deps, 'conversations', 'en', { stage: 'nope' });
    expect(refused).toMatchObject({ page: null, failed: false, params: { invalid: ['stage'] } });
  });
});

describe('attacks on the admin API', () => {
  const routes = (cookie: string, origin?: string) => {
    const id = randomUUID();
    return [
      ['GET conversations', () => conversations.GET(request('/api/v1/admin/conversations', { cookie }))],
      ['GET leads', () => leads.GET(request('/api/v1/admin/leads', { cookie }))],
      ['GET export', () => exporter.GET(request('/api/v1/admin/export?type=leads', { cookie }))],
      ['GET metrics', () => metrics.GET(request('/api/v1/admin/metrics', { cookie }))],
      ['GET backup', () => backup.GET(request('/api/v1/admin/backup', { cookie }))],
      ['GET keys', () => keys.GET(request('/api/v1/admin/keys', { cookie }))],
      ['GET webhooks', () => webhooks.GET(request('/api/v1/admin/webhooks', { cookie }))],
      ['POST webhooks', () => webhooks.POST(request('/api/v1/admin/webhooks', { cookie, method: 'POST', origin, body: { url: 'https://hooks.example.com/x', events: ['lead.captured'] } }))],
      ['PATCH lead', () => lead.PATCH(request(`/api/v1/admin/leads/${id}`, { cookie, method: 'PATCH', origin, body: { status: 'lost' } }), ctx(id))],
      ['DELETE conversation', () => conversation.DELETE(request(`/api/v1/admin/conversations/${id}`, { cookie, method: 'DELETE', origin }), ctx(id))],
    ] as const;
  };

  it('no session, a forged one, an expired one, a tampered one, a role it does not know: 401 everywhere', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cookies = {
      none: '',
      forged: await sessionCookie({ email: 'eve@evil.example', role: 'admin', authAt: now }, 'another-secret-another-secret-0123456789'),
      expired: await sessionCookie({ email: 'ana@northwind.example', role: 'admin', authAt: now - 31 * 86_400 }),
      tampered: `${admin.slice(0, -6)}AAAAAA`,
      superuser: await sessionCookie({ email: 'eve@evil.example', role: 'owner', authAt: now }),
      unsigned: `${COOKIE}=${Buffer.from(JSON.stringify({ email: 'eve@evil.example', role: 'admin', authAt: now })).toString('base64url')}`,
    };
    for (const [kind, cookie] of Object.entries(cookies)) {
      for (const [name, call] of routes(cookie, ORIGIN)) {
        const response = await call();
        expect([kind, name, response.status]).toEqual([kind, name, 401]);
        expect((await errorOf(response)).code).toBe('unauthorized:admin');
      }
    }
  });

  it('CSRF: a signed-in admin’s browser sent from another site (foreign Origin, Origin null, or Sec-Fetch-Site without Origin) changes nothing', async () => {
    const id = await store(GERMAN, { fields: { email: 'kim@hooli.de' } });
    const attempts: Array<[string, Record<string, string>]> = [
      ['foreign origin', { origin: 'https://evil.example' }],
      ['sibling subdomain', { origin: 'http://chat.localhost:3000' }],
      ['origin null', { origin: 'null' }],
      ['no origin, cross-site', { 'sec-fetch-site': 'cross-site' }],
      ['no origin, same-site', { 'sec-fetch-site': 'same-site' }],
    ];
    for (const [name, headers] of attempts) {
      const responses = [
        await webhooks.POST(request('/api/v1/admin/webhooks', { method: 'POST', headers, body: { url: 'https://hooks.example.com/x', events: ['lead.captured'] } })),
        await lead.PATCH(request(`/api/v1/admin/leads/${id}`, { method: 'PATCH', headers, body: { status: 'lost' } }), ctx(id)),
        await conversation.DELETE(request(`/api/v1/admin/conversations/${id}`, { method: 'DELETE', headers }), ctx(id)),
        await keys.POST(request('/api/v1/admin/keys', { method: 'POST', headers, body: { name: 'stolen', scopes: ['export'] } })),
      ];
      for (const response of responses) {
        expect([name, response.status]).toEqual([name, 403]);
        expect((await errorOf(response)).code).toBe('forbidden:origin');
      }
    }
    const list = (await (await webhooks.GET(request('/api/v1/admin/webhooks'))).json()) as { endpoints: unknown[] };
    expect(list.endpoints).toEqual([]);
    const detail = (await (await lead.GET(request(`/api/v1/admin/leads/${id}`), ctx(id))).json()) as LeadDetail;
    expect(detail.status).toBe('new');
    const apiKeys = (await (await keys.GET(request('/api/v1/admin/keys'))).json()) as { keys: unknown[] };
    expect(apiKeys.keys).toEqual([]);
    // The admin's own page, same origin, still works.
    const own = await lead.PATCH(request(`/api/v1/admin/leads/${id}`, { method: 'PATCH', origin: ORIGIN, headers: { 'sec-fetch-site': 'same-origin' }, body: { status: 'contacted' } }), ctx(id));
    expect(own.status).toBe(200);
  });

  it('the backup names its own file: a traversal in ?name= or ?file= is never read', async () => {
    const response = await backup.GET(request('/api/v1/admin/backup?name=../../../etc/passwd&file=..%2F..%2Fsecrets'));
    // In memory there is nothing to back up: the answer is the documented 409, and never a file named by the caller.
    expect(response.status).toBe(409);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect((await errorOf(response)).code).toBe('conflict:admin');
  });

  it('an export refuses a parameter it does not know rather than export more than asked; it streams with no-store', async () => {
    const bad = await exporter.GET(request('/api/v1/admin/export?type=leads&format=csv&statuz=lost'));
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toMatchObject({ issues: [{ path: 'statuz' }] });
    const ok = await exporter.GET(request('/api/v1/admin/export?type=conversations&format=ndjson'));
    expect(ok.body).toBeInstanceOf(ReadableStream);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; filename="conversations-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    await ok.body?.cancel();
  });
});
