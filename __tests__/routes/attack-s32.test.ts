/** @jest-environment node */
// Session 32's plain-form admin routes attacked (webhooks add/buttons, keys create/revoke), with the one-time secret
// store behind them and the dashboard's server-read query: cross-site posts however the browser labels them, the
// wrong actor, forged tokens, odd bodies and ids, private webhook targets, open redirects, header injection, and a
// date field that took quadratic time to read. Handlers are called in-process on the in-memory store.
import { createApiKey, listApiKeys } from '@/lib/admin/keys';
import { keepSecretOnce, takeSecretOnce } from '@/lib/admin/one-time-secret';
import { readDashboardPageParams } from '@/lib/admin/dashboard-query';
import { forgetProcessSingleton, resetProcessSingletons } from '@/lib/process-singleton';
import { createMemoryKv, getKv } from '@/lib/store/kv';
import { getEndpoint, listEndpoints } from '@/lib/webhooks/endpoints';
import { installHostResolver } from '@/lib/webhooks/url-policy';
import * as addForm from '@/app/api/v1/admin/webhooks/form/route';
import * as endpointForm from '@/app/api/v1/admin/webhooks/[id]/form/route';
import * as createForm from '@/app/api/v1/admin/keys/form/route';
import * as revokeForm from '@/app/api/v1/admin/keys/[id]/form/route';
import { adminApiSession } from '../support/admin-api-session';
import { seedEndpoint } from '../support/webhook-endpoints';

const ORIGIN = 'http://localhost:3000';
const FORM = 'application/x-www-form-urlencoded';
const SECRET = 'attack-s32-secret-0123456789abcdef012345';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
const where = (response: Response): [number, string | null] => [response.status, response.headers.get('location')];

const admin = adminApiSession(SECRET);
const viewer = adminApiSession(SECRET, 'vic@northwind.example', 'viewer');

beforeEach(() => {
  process.env.WEBHOOK_ALLOWED_HOSTS = 'hooks.example.com';
  forgetProcessSingleton('notify-config');
  // "A DNS name that is an IP": these names resolve to loopback and the metadata address.
  installHostResolver(async (host) => ({ localhost: ['127.0.0.1', '::1'], 'sneaky.example.net': ['93.184.216.34', '127.0.0.1'], 'meta.example.net': ['169.254.169.254'] })[host] ?? ['93.184.216.34']);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  resetProcessSingletons();
});

type Headers = Record<string, string | undefined>;
/** The admin's own browser by default; `undefined` leaves a header out. */
const headersOf = (extra: Headers) =>
  Object.fromEntries(Object.entries({ cookie: admin.cookie(), origin: ORIGIN, 'content-type': FORM, ...extra }).filter((entry): entry is [string, string] => entry[1] !== undefined));
const post = (path: string, body: BodyInit, headers: Headers) => new Request(`${ORIGIN}${path}`, { method: 'POST', headers: headersOf(headers), body });

const ADD_BODY = 'url=https%3A%2F%2Fhooks.example.com%2Fx&events=lead.captured';
const add = (body: BodyInit = ADD_BODY, headers: Headers = {}) => addForm.POST(post('/api/v1/admin/webhooks/form', body, headers));
const act = (id: string, body: BodyInit, headers: Headers = {}) => endpointForm.POST(post(`/api/v1/admin/webhooks/${id}/form`, body, headers), ctx(id));
const create = (body: BodyInit = 'name=CRM&scopes=export', headers: Headers = {}) => createForm.POST(post('/api/v1/admin/keys/form', body, headers));
const revoke = (id: string, body: BodyInit = 'action=revoke', headers: Headers = {}) => revokeForm.POST(post(`/api/v1/admin/keys/${id}/form`, body, headers), ctx(id));

/** Every write the forms can make, against a fresh endpoint and key; and the whole store as it reads after. */
async function everyWrite() {
  const endpoint = await seedEndpoint(getKv());
  const { key } = await createApiKey({ kv: getKv(), name: 'Existing', scopes: ['export'], createdBy: 'ana@northwind.example' });
  const writes: [string, (headers: Headers) => Promise<Response>][] = [
    ['add', (headers) => add(ADD_BODY, headers)],
    ['disable', (headers) => act(endpoint.id, 'action=disable&etag=%221%22', headers)],
    ['test', (headers) => act(endpoint.id, 'action=test', headers)],
    ['delete', (headers) => act(endpoint.id, 'action=delete', headers)],
    ['create key', (headers) => create('name=CRM&scopes=export', headers)],
    ['revoke key', (headers) => revoke(key.id, 'action=revoke', headers)],
  ];
  const snapshot = async () => ({ endpoints: await listEndpoints({ kv: getKv() }), keys: await listApiKeys({ kv: getKv() }) });
  return { endpoint, key, writes, before: await snapshot(), snapshot };
}

describe('a post from anywhere but the admin’s own page', () => {
  it.each<[string, Headers]>([
    ['another site’s Origin', { origin: 'https://evil.example' }],
    ['Origin: null (a sandboxed frame, a file: page)', { origin: 'null' }],
    ['an Origin that only starts like the app’s', { origin: 'http://localhost:3000.evil.example' }],
    ['no Origin but a foreign Referer', { origin: undefined, referer: 'https://evil.example/page' }],
    ['no Origin, Sec-Fetch-Site cross-site', { origin: undefined, 'sec-fetch-site': 'cross-site' }],
    ['no Origin, Sec-Fetch-Site same-site (a sibling subdomain)', { origin: undefined, 'sec-fetch-site': 'same-site' }],
    ['no Origin, Sec-Fetch-Site none (typed into the address bar)', { origin: undefined, 'sec-fetch-site': 'none' }],
    ['no Origin and no Sec-Fetch-Site (a script holding the cookie)', { origin: undefined }],
    ['another site carrying an API key too', { origin: 'https://evil.example', cookie: undefined, authorization: `Bearer sk_live_${'A'.repeat(43)}` }],
  ])('%s: a typed 403 on every write, no redirect, nothing changed', async (_, headers) => {
    const { writes, before, snapshot } = await everyWrite();
    for (const [name, write] of writes) {
      const response = await write(headers);
      expect([name, response.status, response.headers.get('location')]).toEqual([name, 403, null]);
      expect(await errorOf(response)).toEqual({ code: 'forbidden:origin', message: "Changes to the admin are only accepted from the admin's own pages." });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('the wrong actor', () => {
  it('a viewer is told "forbidden" on every write and changes nothing', async () => {
    const { writes, before, snapshot } = await everyWrite();
    for (const [name, write] of writes) {
      const [status, location] = where(await write({ cookie: viewer.cookie() }));
      expect([name, status, location?.replace(/^\/admin\/(webhooks|keys)\?/, '')]).toEqual([name, 303, 'change=forbidden']);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an API key (even with the webhooks scope) cannot manage keys; one without it cannot touch webhooks', async () => {
    const { writes, before, snapshot } = await everyWrite();
    const exportKey = await createApiKey({ kv: getKv(), name: 'Export', scopes: ['export', 'leads:read'], createdBy: 'ana@northwind.example' });
    const hooksKey = await createApiKey({ kv: getKv(), name: 'Hooks', scopes: ['webhooks'], createdBy: 'ana@northwind.example' });
    const withKeys = await snapshot();
    for (const [name, write] of writes) {
      const [status, location] = where(await write({ cookie: undefined, origin: undefined, 'sec-fetch-site': 'same-origin', authorization: `Bearer ${exportKey.secret}` }));
      expect([name, status, location?.replace(/^\/admin\/(webhooks|keys)\?/, '')]).toEqual([name, 303, 'change=forbidden']);
    }
    for (const [name, write] of writes.filter(([name]) => name.endsWith('key'))) {
      const [status, location] = where(await write({ cookie: undefined, authorization: `Bearer ${hooksKey.secret}` }));
      expect([name, status, location]).toEqual([name, 303, '/admin/keys?change=forbidden']);
    }
    // (A key's use is noted on it: nothing else about it changed.)
    const unused = ({ keys, endpoints }: typeof withKeys) => ({ endpoints, keys: keys.map((key) => ({ ...key, lastUsedAt: null })) });
    expect(unused(await snapshot())).toEqual(unused(withKeys));
    expect(withKeys.endpoints).toEqual(before.endpoints);
  });

  it('a made-up key is sent to sign in; guessing keys through the forms meets the same 429 as the JSON routes', async () => {
    const { before, snapshot } = await everyWrite();
    const guess = (i: number) => ({ cookie: undefined, authorization: `Bearer sk_live_${String(i).padStart(43, 'G')}`, 'x-forwarded-for': '203.0.113.32' });
    expect(where(await create('name=CRM&scopes=export', guess(0)))).toEqual([303, `/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/keys')}`]);
    for (let i = 1; i < 20; i++) expect((await add(ADD_BODY, guess(i))).status).toBe(303);
    const limited = await add(ADD_BODY, guess(20));
    expect([limited.status, limited.headers.get('retry-after'), (await errorOf(limited)).code]).toEqual([429, expect.stringMatching(/^\d+$/), 'rate_limited:admin']);
    const alsoLimited = await revoke(before.keys[0]?.id ?? '', 'action=revoke', guess(21));
    expect(alsoLimited.status).toBe(429);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the one-time secret', () => {
  const OWNER = 'ana@northwind.example';
  const value = { label: 'CRM', secret: 'sk_live_secret' };

  it('a forged token, a spent one and an expired one show nothing', async () => {
    const kv = getKv();
    expect(await takeSecretOnce({ kv, owner: OWNER, token: 'AAAAAAAAAAAAAAAAAAAAAA' })).toBeNull();
    const token = await keepSecretOnce({ kv, owner: OWNER, value });
    expect(await takeSecretOnce({ kv, owner: OWNER, token })).toEqual(value);
    expect(await takeSecretOnce({ kv, owner: OWNER, token })).toBeNull();

    let clock = Date.UTC(2026, 11, 5);
    const timed = createMemoryKv({ prefix: 'attack-s32', now: () => clock });
    const late = await keepSecretOnce({ kv: timed, owner: OWNER, value });
    clock += 5 * 60_000;
    expect(await takeSecretOnce({ kv: timed, owner: OWNER, token: late })).toBeNull();
  });

  it('variants of a live token (case, extra characters, sent twice) open nothing and do not spend it', async () => {
    const kv = getKv();
    const token = await keepSecretOnce({ kv, owner: OWNER, value });
    const swapped = token.replace(/[a-z]/i, (letter) => (letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase()));
    expect(swapped).not.toBe(token);
    for (const variant of [swapped, token.toUpperCase(), `${token}A`, `${token} `, ` ${token}`, `${token}\n`, `${token}%00`, token.slice(1), [token, token], { token }]) {
      expect(await takeSecretOnce({ kv, owner: OWNER, token: variant })).toBeNull();
    }
    expect(await takeSecretOnce({ kv, owner: OWNER, token })).toEqual(value);
  });

  it('someone else’s token (a leaked address) is not shown to them, and then not to anyone', async () => {
    const kv = getKv();
    const token = await keepSecretOnce({ kv, owner: OWNER, value });
    expect(await takeSecretOnce({ kv, owner: 'vic@northwind.example', token })).toBeNull();
    expect(await takeSecretOnce({ kv, owner: OWNER.toUpperCase(), token })).toBeNull();
    expect(await takeSecretOnce({ kv, owner: OWNER, token })).toBeNull();
  });
});

describe('odd bodies', () => {
  it('a 1 MB form is a typed 413; multipart, JSON and text bodies are typed 415s; bytes that are not UTF-8 a 400', async () => {
    const { endpoint, key, before, snapshot } = await everyWrite();
    const huge = `${ADD_BODY}&description=${'x'.repeat(1024 * 1024)}`;
    for (const response of [await add(huge), await create(`name=CRM&scopes=export&pad=${'x'.repeat(1024 * 1024)}`), await act(endpoint.id, `action=delete&pad=${'x'.repeat(1024 * 1024)}`)]) {
      expect([response.status, (await errorOf(response)).code]).toEqual([413, 'payload_too_large:admin']);
    }
    const multipart = new FormData();
    multipart.set('action', 'revoke');
    const asMultipart = await revokeForm.POST(new Request(`${ORIGIN}/api/v1/admin/keys/${key.id}/form`, { method: 'POST', headers: { cookie: admin.cookie(), origin: ORIGIN }, body: multipart }), ctx(key.id));
    expect([asMultipart.status, (await errorOf(asMultipart)).code]).toEqual([415, 'unsupported_media_type:admin']);
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded-evil', '']) {
      const response = await act(endpoint.id, 'action=delete', { 'content-type': type });
      expect([type, response.status, (await errorOf(response)).code]).toEqual([type, 415, 'unsupported_media_type:admin']);
    }
    const notUtf8 = await add(new Uint8Array([...new TextEncoder().encode(`${ADD_BODY}&description=`), 0xff, 0xfe]));
    expect([notUtf8.status, (await errorOf(notUtf8)).code]).toEqual([400, 'bad_request:admin']);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['two urls', `${ADD_BODY}&url=https%3A%2F%2F127.0.0.1%2F`],
    ['an open-redirect field', `${ADD_BODY}&next=https%3A%2F%2Fevil.example`],
    ['a return field', `${ADD_BODY}&returnTo=%2F%2Fevil.example`],
    ['a __proto__ field', `${ADD_BODY}&__proto__=x&__proto__=y`],
    ['a constructor field', `${ADD_BODY}&constructor=x`],
    ['enabled as a string', `${ADD_BODY}&enabled=false`],
  ])('add with %s: "invalid", nothing stored', async (_, body) => {
    expect(where(await add(body))).toEqual([303, '/admin/webhooks?change=invalid']);
    expect(await listEndpoints({ kv: getKv() })).toEqual([]);
  });

  it.each([
    ['two actions', 'action=disable&action=delete'],
    ['an unknown action', 'action=rotateSecret'],
    ['an action in another case', 'action=DELETE'],
    ['an action with a trailing space', 'action=delete+'],
    ['a callbackUrl', 'action=delete&callbackUrl=https%3A%2F%2Fevil.example'],
    ['an etag with a line break', 'action=disable&etag=%221%22%0D%0ASet-Cookie%3A+a%3Db'],
    ['a __proto__ field', '__proto__=x&__proto__=y&action=delete'],
  ])('an endpoint’s buttons with %s: "invalid", nothing changed', async (_, body) => {
    const endpoint = await seedEndpoint(getKv());
    expect(where(await act(endpoint.id, body))).toEqual([303, '/admin/webhooks?change=invalid']);
    expect(await getEndpoint({ kv: getKv(), id: endpoint.id })).toEqual(endpoint);
  });

  it.each([
    ['two names', 'name=a&name=b&scopes=export', 'invalidName'],
    ['a name with CR LF and a header', 'name=CRM%0D%0ASet-Cookie%3A+a%3Db&scopes=export', 'invalidName'],
    ['a scope in another case', 'name=CRM&scopes=EXPORT', 'invalidScopes'],
    ['a next field', 'name=CRM&scopes=export&next=https%3A%2F%2Fevil.example', 'invalid'],
    ['a revoke action on create', 'name=CRM&scopes=export&action=revoke', 'invalid'],
  ])('create with %s: "%s", nothing stored', async (_, body, outcome) => {
    expect(where(await create(body))).toEqual([303, `/admin/keys?change=${outcome}`]);
    expect(await listApiKeys({ kv: getKv() })).toEqual([]);
  });

  it('revoke with two actions, an unknown one or extra fields revokes nothing', async () => {
    const { key } = await createApiKey({ kv: getKv(), name: 'Existing', scopes: ['export'], createdBy: 'ana@northwind.example' });
    for (const body of ['action=revoke&action=revoke', 'action=delete', 'action=Revoke', 'action=revoke&id=key_other', '__proto__=x&__proto__=y&action=revoke&x=1']) {
      expect([body, ...where(await revoke(key.id, body))]).toEqual([body, 303, '/admin/keys?change=invalid']);
    }
    expect((await listApiKeys({ kv: getKv() })).map((stillThere) => stillThere.id)).toEqual([key.id]);
  });
});

describe('ids that are not an endpoint’s or a key’s', () => {
  it.each(['we_../../keys', 'we_..%2F..%2Fkeys', '..%2F..%2Fkeys%2Fx', 'we_%2e%2e', 'WE_0123456789ABCDEF0123456789ABCDEF', 'we_0123456789abcdef0123456789abcdef%00', 'we_0123456789abcdef0123456789abcdef/'])(
    'webhook %s: a typed 404, nothing changed',
    async (id) => {
      const endpoint = await seedEndpoint(getKv());
      const response = await act(id, 'action=delete');
      expect([response.status, await errorOf(response)]).toEqual([404, { code: 'not_found:admin', message: 'There is no webhook endpoint with this id.' }]);
      expect(await listEndpoints({ kv: getKv() })).toEqual([endpoint]);
    },
  );

  it.each(['key_../../../x', 'key_..%2F..%2Fx1', 'key_%2F%2Fevil.exa', '../webhooks/x', 'key_AAAAAAAAAAAA/../x'])('key %s: a typed 404, nothing revoked', async (id) => {
    const { key } = await createApiKey({ kv: getKv(), name: 'Existing', scopes: ['export'], createdBy: 'ana@northwind.example' });
    const response = await revoke(id);
    expect([response.status, (await errorOf(response)).code]).toEqual([404, 'not_found:admin']);
    expect((await listApiKeys({ kv: getKv() })).map((stillThere) => stillThere.id)).toEqual([key.id]);
  });
});

describe('webhook targets inside the network', () => {
  it.each([
    ['localhost', 'https://localhost/x', 'reason=resolves_to&host=localhost&address=127.0.0.1&range=loopback'],
    ['loopback', 'https://127.0.0.1/x', 'reason=address&address=127.0.0.1&range=loopback'],
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data', 'reason=address&address=169.254.169.254&range=link-local'],
    ['IPv6 loopback', 'https://[::1]/x', 'reason=address&address=%3A%3A1&range=loopback'],
    ['loopback as a decimal number', 'https://2130706433/x', 'reason=address&address=127.0.0.1&range=loopback'],
    ['loopback in hex and short form', 'https://0x7f.1/x', 'reason=address&address=127.0.0.1&range=loopback'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/x', 'reason=address&address=%3A%3Affff%3A7f00%3A1&range=loopback'],
    ['a name resolving to loopback among public addresses', 'https://sneaky.example.net/x', 'reason=resolves_to&host=sneaky.example.net&address=127.0.0.1&range=loopback'],
    ['a name resolving to the metadata address', 'https://meta.example.net/x', 'reason=resolves_to&host=meta.example.net&address=169.254.169.254&range=link-local'],
    ['credentials in the URL', 'https://admin:pw@hooks.example.com/x', 'reason=credentials'],
    ['javascript:', 'javascript:alert(1)', 'reason=scheme'],
    ['file:', 'file:///etc/passwd', 'reason=scheme'],
  ])('%s: refused with the reason, nothing stored', async (_, url, refusal) => {
    const response = await add(new URLSearchParams({ url, events: 'lead.captured' }).toString());
    expect(where(response)).toEqual([303, `/admin/webhooks?change=refused&${refusal}`]);
    expect(await listEndpoints({ kv: getKv() })).toEqual([]);
  });

  it('CR/LF in a URL never reaches a header: the redirect is relative and clean, the stored URL normalised', async () => {
    const response = await add(new URLSearchParams({ url: 'https://127.0.0.1/x\r\nSet-Cookie: a=b', events: 'lead.captured' }).toString());
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('location')).toBe('/admin/webhooks?change=refused&reason=address&address=127.0.0.1&range=loopback');
    const ok = await add(new URLSearchParams({ url: 'https://hooks.example.com/x\r\nSet-Cookie: a=b', events: 'lead.captured' }).toString());
    expect(ok.headers.get('location')).toMatch(/^\/admin\/webhooks\?change=added&secret=[A-Za-z0-9_-]{22}$/);
    expect((await listEndpoints({ kv: getKv() })).map((endpoint) => endpoint.url)).toEqual(['https://hooks.example.com/xSet-Cookie:%20a=b']);
  });

  it('a forged Host or return address in the request does not move any redirect off the app', async () => {
    const headers = { host: 'evil.example', 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' };
    const forged = await addForm.POST(new Request(`${ORIGIN}/api/v1/admin/webhooks/form?next=https://evil.example&callbackUrl=//evil.example`, { method: 'POST', headers: headersOf({ ...headers, cookie: '' }), body: ADD_BODY }));
    expect(where(forged)).toEqual([303, `/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/webhooks')}`]);
    const signedOut = await revokeForm.POST(
      new Request(`${ORIGIN}/api/v1/admin/keys/key_AAAAAAAAAAAA/form?callbackUrl=https%3A%2F%2Fevil.example`, { method: 'POST', headers: headersOf({ cookie: '' }), body: 'action=revoke' }),
      ctx('key_AAAAAAAAAAAA'),
    );
    expect(where(signedOut)).toEqual([303, `/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/keys')}`]);
  });
});

describe('the dashboard’s address', () => {
  const NOW = Date.UTC(2026, 11, 4, 15, 30);
  const read = (search: Record<string, string | string[]>, locale: 'en' | 'ar' = 'en') => readDashboardPageParams(locale, search, 'UTC', NOW);

  it('a range over the API’s limit, or reaching into the future, queries nothing and says so at the field', () => {
    expect(read({ from: '01/01/1970', to: '12/31/9999' })).toMatchObject({ range: null, dateErrors: { to: 'tooLong' }, invalid: [] });
    expect(read({ from: '01/01/9999', to: '12/31/9999' })).toMatchObject({ range: null, dateErrors: { from: 'future' } });
    expect(read({ from: '01/01/1969', to: '12/31/2026' })).toMatchObject({ range: null, dateErrors: { from: 'invalid' } });
    expect(read({ from: '01/01/10000', to: '12/31/2026' })).toMatchObject({ range: null, dateErrors: { from: 'invalid' } });
  });

  it('repeated, unknown or prototype-named parameters are named, and nothing is queried', () => {
    expect(read({ range: ['7d', '30d'] })).toMatchObject({ range: null, invalid: ['range'] });
    expect(read({ from: ['11/01/2026', '11/02/2026'], to: '11/30/2026' })).toMatchObject({ range: null, invalid: ['from'] });
    expect(read({ range: '__proto__' })).toMatchObject({ range: null, invalid: ['range'] });
    expect(read({ range: 'constructor', next: 'https://evil.example' })).toMatchObject({ range: null, invalid: ['next', 'range'] });
    expect(read({ range: '30d', from: '11/01/2026', to: '11/30/2026' })).toMatchObject({ range: null, invalid: ['range'] });
  });

  it('digits other than Western and Arabic-Indic are not a date; Arabic-Indic are', () => {
    for (const from of ['１１/０１/２０２６', '११/०१/२०२६', '১১/০১/২০২৬', '𝟏𝟏/01/2026']) {
      expect([from, read({ from, to: '11/30/2026' }).dateErrors]).toEqual([from, { from: 'invalid' }]);
    }
    expect(read({ from: '٠١/١١/٢٠٢٦', to: '٣٠/١١/٢٠٢٦' }, 'ar')).toMatchObject({ choice: { kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, dateErrors: {} });
  });

  it('a date field of a whole header’s worth of spaces is read in linear time (it took a quarter second each)', () => {
    const started = performance.now();
    const params = read({ from: `1${' '.repeat(16_000)}x`, to: `1 1${' '.repeat(16_000)}x` });
    expect(performance.now() - started).toBeLessThan(60);
    expect(params).toMatchObject({ range: null, dateErrors: { from: 'invalid', to: 'invalid' } });
    // The separators it reads stay the same: spaces alone, or one of / . - with spaces around it.
    expect(read({ from: '11 01   2026', to: '11 / 30 - 2026' }).choice).toEqual({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' });
  });
});
