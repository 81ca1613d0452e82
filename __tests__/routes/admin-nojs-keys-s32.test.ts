/** @jest-environment node */
// Session 32: the keys page without JavaScript. Create and revoke are plain form posts, guarded as the JSON routes are
// (a signed-in admin, the admin's own page as the origin; keys cannot manage keys), read by the JSON route's schema,
// answered with a 303 back to the page saying how it went; a new key's secret goes back by a one-time token.
import { getKv, type Kv } from '@/lib/store/kv';
import { listApiKeys, verifyApiKey } from '@/lib/admin/keys';
import { keepSecretOnce, takeSecretOnce } from '@/lib/admin/one-time-secret';
import * as keys from '@/app/api/v1/admin/keys/route';
import * as createForm from '@/app/api/v1/admin/keys/form/route';
import * as revokeForm from '@/app/api/v1/admin/keys/[id]/form/route';
import { adminApiSession } from '../support/admin-api-session';

const ORIGIN = 'http://localhost:3000';
const FORM = 'application/x-www-form-urlencoded';
const SECRET = 'nojs-keys-s32-secret-0123456789abcdef0123';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

const admin = adminApiSession(SECRET);
const viewer = adminApiSession(SECRET, 'vic@northwind.example', 'viewer');

beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const headersOf = (extra: Record<string, string>) => ({ cookie: admin.cookie(), origin: ORIGIN, 'content-type': FORM, ...extra });
const create = (body: string, headers: Record<string, string> = {}) =>
  createForm.POST(new Request(`${ORIGIN}/api/v1/admin/keys/form`, { method: 'POST', headers: headersOf(headers), body }));
const revoke = (id: string, body = 'action=revoke', headers: Record<string, string> = {}) =>
  revokeForm.POST(new Request(`${ORIGIN}/api/v1/admin/keys/${id}/form`, { method: 'POST', headers: headersOf(headers), body }), ctx(id));
const where = (response: Response) => [response.status, response.headers.get('location')];
const stored = () => listApiKeys({ kv: getKv() });
/** A key made through the JSON route, as a script would. */
async function jsonKey(name: string) {
  const response = await keys.POST(
    new Request(`${ORIGIN}/api/v1/admin/keys`, { method: 'POST', headers: { cookie: admin.cookie(), origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ name, scopes: ['export'] }) }),
  );
  return ((await response.json()) as { key: { id: string }; secret: string });
}

describe('the create form', () => {
  it('an admin’s post creates the key as the JSON route does; the page gets its secret once, by a token', async () => {
    const response = await create('name=Nightly+export&scopes=export&scopes=leads%3Aread');
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '', ORIGIN);
    expect([location.pathname, location.searchParams.get('change')]).toEqual(['/admin/keys', 'created']);
    expect(location.href).not.toContain('sk_live_');
    expect(await stored()).toEqual([expect.objectContaining({ name: 'Nightly export', scopes: ['export', 'leads:read'], createdBy: 'ana@northwind.example' })]);
    const token = location.searchParams.get('secret');
    expect(await takeSecretOnce({ kv: getKv(), owner: 'vic@northwind.example', token })).toBeNull();

    const again = new URL((await create('name=CRM&scopes=webhooks')).headers.get('location') ?? '', ORIGIN).searchParams.get('secret');
    const shown = await takeSecretOnce({ kv: getKv(), owner: 'ana@northwind.example', token: again });
    expect(shown?.label).toBe('CRM');
    // The secret shown is the key itself: it signs in as the key just made, with its scope.
    expect(await verifyApiKey({ kv: getKv(), secret: shown?.secret ?? '' })).toMatchObject({ name: 'CRM', scopes: ['webhooks'] });
    expect(await takeSecretOnce({ kv: getKv(), owner: 'ana@northwind.example', token: again })).toBeNull();
  });

  it.each([
    ['a name over 80 characters', `name=${'x'.repeat(81)}&scopes=export`, 'invalidName'],
    ['a blank name', 'name=+++&scopes=export', 'invalidName'],
    ['a name with a line break', 'name=a%0Ab&scopes=export', 'invalidName'],
    ['a name with a direction override', 'name=CRM%E2%80%AE&scopes=export', 'invalidName'],
    ['two names', 'name=a&name=b&scopes=export', 'invalidName'],
    ['no scope', 'name=CRM', 'invalidScopes'],
    ['a scope that does not exist', 'name=CRM&scopes=admin', 'invalidScopes'],
    ['a field the JSON route refuses too', 'name=CRM&scopes=export&createdBy=eve', 'invalid'],
  ])('%s: the API’s own refusal, said on the page, nothing stored', async (_, body, outcome) => {
    expect(where(await create(body))).toEqual([303, `/admin/keys?change=${outcome}`]);
    expect(await stored()).toEqual([]);
  });

  it('a viewer, another site, the signed-out and an API key create nothing', async () => {
    const body = 'name=CRM&scopes=export';
    expect(where(await create(body, { cookie: viewer.cookie() }))).toEqual([303, '/admin/keys?change=forbidden']);
    const crossSite = await create(body, { origin: 'https://shop.example.com' });
    expect([crossSite.status, await errorOf(crossSite)]).toEqual([403, 'forbidden:origin']);
    const noOrigin = await createForm.POST(
      new Request(`${ORIGIN}/api/v1/admin/keys/form`, { method: 'POST', headers: { cookie: admin.cookie(), 'sec-fetch-site': 'same-site', 'content-type': FORM }, body }),
    );
    expect([noOrigin.status, await errorOf(noOrigin)]).toEqual([403, 'forbidden:origin']);
    expect(where(await create(body, { cookie: '' }))).toEqual([303, `/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/keys')}`]);
    expect(await stored()).toEqual([]);
    // Keys cannot manage keys, by form either.
    const { secret } = await jsonKey('Existing');
    expect(where(await create(body, { cookie: '', authorization: `Bearer ${secret}` }))).toEqual([303, '/admin/keys?change=forbidden']);
    expect((await stored()).map((key) => key.name)).toEqual(['Existing']);
    const json = await create(JSON.stringify({ name: 'CRM', scopes: ['export'] }), { 'content-type': 'application/json' });
    expect([json.status, await errorOf(json)]).toEqual([415, 'unsupported_media_type:admin']);
    expect((await createForm.GET(new Request(`${ORIGIN}/api/v1/admin/keys/form`))).status).toBe(405);
  });
});

it('the store never holds a new secret, nor the token that opens it, in the clear', async () => {
  const kv = getKv();
  const sent: unknown[] = [];
  const recording: Kv = {
    prefix: kv.prefix,
    kind: kv.kind,
    exec: (commands) => (sent.push(...commands), kv.exec(commands)),
    atomic: (commands) => (sent.push(...commands), kv.atomic(commands)),
  };
  const secret = `sk_live_${'S'.repeat(43)}`;
  const token = await keepSecretOnce({ kv: recording, owner: 'ana@northwind.example', value: { label: 'CRM', secret } });
  expect(await takeSecretOnce({ kv: recording, owner: 'ana@northwind.example', token })).toEqual({ label: 'CRM', secret });
  expect(sent.length).toBeGreaterThan(0);
  expect(JSON.stringify(sent)).not.toContain(secret);
  expect(JSON.stringify(sent)).not.toContain(token);
});

describe('revoke', () => {
  it('an admin’s post revokes the key (it no longer signs in); a second says it is gone', async () => {
    const { key, secret } = await jsonKey('Nightly export');
    expect(where(await revoke(key.id))).toEqual([303, '/admin/keys?change=revoked']);
    expect(await stored()).toEqual([]);
    expect(await verifyApiKey({ kv: getKv(), secret })).toBeNull();
    expect(where(await revoke(key.id))).toEqual([303, '/admin/keys?change=missing']);
  });

  it('a viewer, another site, the signed-out and a body without the button revoke nothing; a bad id is a typed 404', async () => {
    const { key } = await jsonKey('Nightly export');
    expect(where(await revoke(key.id, 'action=revoke', { cookie: viewer.cookie() }))).toEqual([303, '/admin/keys?change=forbidden']);
    const crossSite = await revoke(key.id, 'action=revoke', { origin: 'https://shop.example.com' });
    expect([crossSite.status, await errorOf(crossSite)]).toEqual([403, 'forbidden:origin']);
    expect(where(await revoke(key.id, 'action=revoke', { cookie: '' }))).toEqual([303, `/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/keys')}`]);
    expect(where(await revoke(key.id, ''))).toEqual([303, '/admin/keys?change=invalid']);
    expect(where(await revoke(key.id, 'action=revoke&action=revoke'))).toEqual([303, '/admin/keys?change=invalid']);
    expect((await stored()).map((stillThere) => stillThere.id)).toEqual([key.id]);
    const bad = await revoke('key_../../x');
    expect([bad.status, await errorOf(bad)]).toEqual([404, 'not_found:admin']);
  });
});
