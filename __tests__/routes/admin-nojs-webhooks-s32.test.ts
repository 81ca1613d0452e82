/** @jest-environment node */
// Session 32: the webhooks page without JavaScript. Its add form and each endpoint's buttons are plain form posts,
// guarded as the JSON routes are (a session, an admin to change anything, the admin's own page as the origin), read by
// the JSON routes' own schemas and store functions, and answered with a 303 back to the page saying how it went; a new
// endpoint's secret goes back by a one-time token, never in the address.
import { getKv } from '@/lib/store/kv';
import { takeSecretOnce } from '@/lib/admin/one-time-secret';
import { forgetProcessSingleton, resetProcessSingletons } from '@/lib/process-singleton';
import { getEndpoint, listEndpoints } from '@/lib/webhooks/endpoints';
import * as addForm from '@/app/api/v1/admin/webhooks/form/route';
import * as endpointForm from '@/app/api/v1/admin/webhooks/[id]/form/route';
import { adminApiSession } from '../support/admin-api-session';
import { seedEndpoint } from '../support/webhook-endpoints';

const ORIGIN = 'http://localhost:3000';
const FORM = 'application/x-www-form-urlencoded';
const SECRET = 'nojs-webhooks-s32-secret-0123456789abcdef';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

const admin = adminApiSession(SECRET);
const viewer = adminApiSession(SECRET, 'vic@northwind.example', 'viewer');

beforeEach(() => {
  process.env.WEBHOOK_ALLOWED_HOSTS = 'hooks.example.com';
  forgetProcessSingleton('notify-config');
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  resetProcessSingletons();
});

const headersOf = (extra: Record<string, string>) => ({ cookie: admin.cookie(), origin: ORIGIN, 'content-type': FORM, ...extra });
const add = (body: string, headers: Record<string, string> = {}) =>
  addForm.POST(new Request(`${ORIGIN}/api/v1/admin/webhooks/form`, { method: 'POST', headers: headersOf(headers), body }));
const act = (id: string, body: string, headers: Record<string, string> = {}) =>
  endpointForm.POST(new Request(`${ORIGIN}/api/v1/admin/webhooks/${id}/form`, { method: 'POST', headers: headersOf(headers), body }), ctx(id));
const where = (response: Response) => [response.status, response.headers.get('location')];
const stored = async () => listEndpoints({ kv: getKv() });

describe('the add form', () => {
  it('an admin’s post adds the endpoint as the JSON route does; the page gets the secret once, by a token', async () => {
    const body = new URLSearchParams([
      ['url', 'https://hooks.example.com/crm'],
      ['description', 'CRM (sales)'],
      ['events', 'meeting.booked'],
      ['events', 'lead.captured'],
    ]);
    const response = await add(body.toString());
    expect(response.status).toBe(303);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const location = new URL(response.headers.get('location') ?? '', ORIGIN);
    expect([location.pathname, location.searchParams.get('change')]).toEqual(['/admin/webhooks', 'added']);
    const [endpoint] = await stored();
    expect(endpoint).toMatchObject({ url: 'https://hooks.example.com/crm', description: 'CRM (sales)', events: ['lead.captured', 'meeting.booked'], enabled: true });
    // The address carries a token, not the secret; the token shows it to its admin once, to nobody else.
    const token = location.searchParams.get('secret');
    expect(location.href).not.toContain(endpoint?.secret);
    expect(await takeSecretOnce({ kv: getKv(), owner: 'vic@northwind.example', token })).toBeNull();
    const again = await add(body.toString());
    const second = new URL(again.headers.get('location') ?? '', ORIGIN).searchParams.get('secret');
    const secondEndpoint = (await stored())[1];
    expect(await takeSecretOnce({ kv: getKv(), owner: 'ana@northwind.example', token: second })).toEqual({ label: 'https://hooks.example.com/crm', secret: secondEndpoint?.secret });
    expect(await takeSecretOnce({ kv: getKv(), owner: 'ana@northwind.example', token: second })).toBeNull();
  });

  it.each([
    ['a URL that is not https', 'url=http%3A%2F%2Fhooks.example.com%2Fx&events=lead.captured', '/admin/webhooks?change=refused&reason=scheme'],
    ['a private address', 'url=https%3A%2F%2F10.0.0.7%2Fx&events=lead.captured', '/admin/webhooks?change=refused&reason=address&address=10.0.0.7&range=private'],
    ['no event', 'url=https%3A%2F%2Fhooks.example.com%2Fx', '/admin/webhooks?change=invalid'],
    ['an event that does not exist', 'url=https%3A%2F%2Fhooks.example.com%2Fx&events=lead.stolen', '/admin/webhooks?change=invalid'],
    ['a description over 200 characters', `url=https%3A%2F%2Fhooks.example.com%2Fx&events=lead.captured&description=${'x'.repeat(201)}`, '/admin/webhooks?change=invalid'],
    ['a description with a direction override', 'url=https%3A%2F%2Fhooks.example.com%2Fx&events=lead.captured&description=CRM%E2%80%AE', '/admin/webhooks?change=invalid'],
    ['the URL twice', 'url=https%3A%2F%2Fhooks.example.com%2Fx&url=https%3A%2F%2Fhooks.example.com%2Fy&events=lead.captured', '/admin/webhooks?change=invalid'],
    ['a field the JSON route refuses too', 'url=https%3A%2F%2Fhooks.example.com%2Fx&events=lead.captured&secret=mine', '/admin/webhooks?change=invalid'],
  ])('%s: the API’s own refusal, said on the page, nothing stored', async (_, body, location) => {
    expect(where(await add(body))).toEqual([303, location]);
    expect(await stored()).toEqual([]);
  });

  it('a viewer’s post stores nothing and comes back saying why; signed out goes to the sign-in and back', async () => {
    const body = 'url=https%3A%2F%2Fhooks.example.com%2Fx&events=lead.captured';
    expect(where(await add(body, { cookie: viewer.cookie() }))).toEqual([303, '/admin/webhooks?change=forbidden']);
    expect(where(await add(body, { cookie: '' }))).toEqual([303, `/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/webhooks')}`]);
    expect(await stored()).toEqual([]);
  });

  it('a post from another site is a typed 403 (with or without Origin), never a redirect; a JSON body a 415', async () => {
    const body = 'url=https%3A%2F%2Fhooks.example.com%2Fx&events=lead.captured';
    const crossSite = await add(body, { origin: 'https://shop.example.com' });
    expect([crossSite.status, await errorOf(crossSite)]).toEqual([403, 'forbidden:origin']);
    const noOrigin = await addForm.POST(
      new Request(`${ORIGIN}/api/v1/admin/webhooks/form`, { method: 'POST', headers: { cookie: admin.cookie(), 'sec-fetch-site': 'cross-site', 'content-type': FORM }, body }),
    );
    expect([noOrigin.status, await errorOf(noOrigin)]).toEqual([403, 'forbidden:origin']);
    const json = await add(JSON.stringify({ url: 'https://hooks.example.com/x', events: ['lead.captured'] }), { 'content-type': 'application/json' });
    expect([json.status, await errorOf(json)]).toEqual([415, 'unsupported_media_type:admin']);
    expect(await stored()).toEqual([]);
    expect((await addForm.GET(new Request(`${ORIGIN}/api/v1/admin/webhooks/form`))).status).toBe(405);
  });
});

describe('an endpoint’s buttons', () => {
  it('disable and enable on the version shown; a version that changed meanwhile is refused, nothing written', async () => {
    const endpoint = await seedEndpoint(getKv());
    expect(where(await act(endpoint.id, 'action=disable&etag=%221%22'))).toEqual([303, '/admin/webhooks?change=disabled']);
    const disabled = await getEndpoint({ kv: getKv(), id: endpoint.id });
    expect(disabled?.enabled).toBe(false);
    expect(where(await act(endpoint.id, 'action=enable&etag=%221%22'))).toEqual([303, '/admin/webhooks?change=changed']);
    expect((await getEndpoint({ kv: getKv(), id: endpoint.id }))?.enabled).toBe(false);
    expect(where(await act(endpoint.id, `action=enable&etag=%22${disabled?.updatedAt}%22`))).toEqual([303, '/admin/webhooks?change=enabled']);
    expect((await getEndpoint({ kv: getKv(), id: endpoint.id }))?.enabled).toBe(true);
  });

  it('test queues a signed test event; delete deletes, and a second delete says it is gone', async () => {
    const endpoint = await seedEndpoint(getKv());
    // No worker runs in this process: the event waits in the queue, as the JSON route's 202 says.
    expect(where(await act(endpoint.id, 'action=test'))).toEqual([303, '/admin/webhooks?change=testQueued']);
    expect(where(await act(endpoint.id, 'action=delete'))).toEqual([303, '/admin/webhooks?change=deleted']);
    expect(await stored()).toEqual([]);
    expect(where(await act(endpoint.id, 'action=delete'))).toEqual([303, '/admin/webhooks?change=missing']);
    expect(where(await act(endpoint.id, 'action=test'))).toEqual([303, '/admin/webhooks?change=missing']);
  });

  it.each([
    ['an unknown action', 'action=rotate'],
    ['no action', 'etag=%221%22'],
    ['two actions', 'action=delete&action=disable'],
    ['a forged version', 'action=disable&etag=*'],
    ['another field', 'action=disable&enabled=false'],
  ])('%s: refused, nothing changed', async (_, body) => {
    const endpoint = await seedEndpoint(getKv());
    expect(where(await act(endpoint.id, body))).toEqual([303, '/admin/webhooks?change=invalid']);
    expect(await getEndpoint({ kv: getKv(), id: endpoint.id })).toEqual(endpoint);
  });

  it('a viewer, another site and the signed-out change nothing; an id that is not an endpoint’s is a typed 404', async () => {
    const endpoint = await seedEndpoint(getKv());
    expect(where(await act(endpoint.id, 'action=delete', { cookie: viewer.cookie() }))).toEqual([303, '/admin/webhooks?change=forbidden']);
    const crossSite = await act(endpoint.id, 'action=delete', { origin: 'https://shop.example.com' });
    expect([crossSite.status, await errorOf(crossSite)]).toEqual([403, 'forbidden:origin']);
    expect(where(await act(endpoint.id, 'action=delete', { cookie: '' }))).toEqual([303, `/admin/sign-in?callbackUrl=${encodeURIComponent('/admin/webhooks')}`]);
    expect(await getEndpoint({ kv: getKv(), id: endpoint.id })).toEqual(endpoint);
    const bad = await act('x', 'action=delete');
    expect([bad.status, await errorOf(bad)]).toEqual([404, 'not_found:admin']);
  });
});
