/** @jest-environment node */
// Session 29, an admin's polish: a lead's status changes without JavaScript (a plain form post, guarded as the PATCH
// is, refused from another site), an export is named by the admin's own day, and a webhook PATCH racing a DELETE can
// no longer bring the deleted endpoint back (in memory and on real Redis, the DELETE run between its read and write).
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { exportFilename } from '@/lib/admin/export';
import { adminTimeZoneOfCookies, isoDayIn } from '@/lib/admin/time-zone';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { getConversationStore } from '@/lib/store';
import { getKv, hsetIfUnchanged, KvError, kvOne } from '@/lib/store/kv';
import { notifyKeys } from '@/lib/notify/keys';
import { deleteEndpoint, getEndpoint, listEndpoints, updateEndpoint } from '@/lib/webhooks/endpoints';
import * as exporter from '@/app/api/v1/admin/export/route';
import * as lead from '@/app/api/v1/admin/leads/[id]/route';
import * as leadStatus from '@/app/api/v1/admin/leads/[id]/status/route';
import * as leads from '@/app/api/v1/admin/leads/route';
import * as webhook from '@/app/api/v1/admin/webhooks/[id]/route';
import * as webhooks from '@/app/api/v1/admin/webhooks/route';
import { storeConversation } from '../support/admin-records';
import { bothKvStores } from '../support/kv-stores';
import { interleaved, isEndpointRead, seedEndpoint } from '../support/webhook-endpoints';

const ORIGIN = 'http://localhost:3000';
const SECRET = 'admin-s29-secret-admin-s29-secret-012345';
const COOKIE = 'authjs.session-token';
const FORM = 'application/x-www-form-urlencoded';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const sessionOf = async (email: string, role: 'admin' | 'viewer') =>
  `${COOKIE}=${await encode({ token: { email, role, authAt: Math.floor(Date.now() / 1000) }, secret: SECRET, salt: COOKIE })}`;
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

let admin = '';
let viewer = '';
beforeAll(async () => {
  for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN']) delete process.env[name];
  process.env.AUTH_SECRET = SECRET;
  admin = await sessionOf('ana@northwind.example', 'admin');
  viewer = await sessionOf('vic@northwind.example', 'viewer');
});
beforeEach(() => {
  resetProcessSingletons();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  delete process.env.AUTH_SECRET;
  resetProcessSingletons();
});

describe('a lead’s status changes without JavaScript: a plain form post', () => {
  const newLead = () => storeConversation(getConversationStore(), { at: Date.now() - 60_000, title: 'Demo please', lead: { fields: { email: 'kim@hooli.com' } } });
  const post = (id: string, body: string, headers: Record<string, string> = {}) =>
    leadStatus.POST(new Request(`${ORIGIN}/api/v1/admin/leads/${id}/status`, { method: 'POST', headers: { cookie: admin, origin: ORIGIN, 'content-type': FORM, ...headers }, body }), ctx(id));
  const detail = async (id: string) =>
    (await (await lead.GET(new Request(`${ORIGIN}/api/v1/admin/leads/${id}`, { headers: { cookie: admin } }), ctx(id))).json()) as {
      status: string;
      history: Array<{ status: string; note: string; by: string }>;
    };

  it('an admin’s post is kept as the PATCH keeps it (history, who, note, the list’s row), then back to the lead page saying so', async () => {
    const id = await newLead();
    const response = await post(id, new URLSearchParams({ status: 'qualified', note: '  Budget confirmed 🙂 ' }).toString());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/leads/${id}?change=saved`);
    const saved = await detail(id);
    expect(saved.status).toBe('qualified');
    expect(saved.history).toEqual([expect.objectContaining({ status: 'qualified', note: 'Budget confirmed 🙂', by: 'ana@northwind.example' })]);
    const listed = (await (await leads.GET(new Request(`${ORIGIN}/api/v1/admin/leads?status=qualified`, { headers: { cookie: admin } }))).json()) as { items: Array<{ id: string }> };
    expect(listed.items.map((item) => item.id)).toContain(id);
  });

  it('a viewer’s post changes nothing and comes back saying why', async () => {
    const id = await newLead();
    const response = await post(id, 'status=lost', { cookie: viewer });
    expect([response.status, response.headers.get('location')]).toEqual([303, `/admin/leads/${id}?change=forbidden`]);
    expect(await detail(id)).toMatchObject({ status: 'new', history: [] });
    // From another site the refusal is the origin's, whoever's cookie came along.
    const crossSite = await post(id, 'status=lost', { cookie: viewer, origin: 'https://shop.example.com' });
    expect([crossSite.status, await errorOf(crossSite)]).toEqual([403, 'forbidden:origin']);
  });

  it.each([
    ['another site’s Origin', { origin: 'https://evil.example' }],
    ['Origin "null" (a sandboxed frame)', { origin: 'null' }],
    ['no Origin, Sec-Fetch-Site cross-site', { origin: '', 'sec-fetch-site': 'cross-site' }],
    ['no Origin, Sec-Fetch-Site same-site (a sibling subdomain)', { origin: '', 'sec-fetch-site': 'same-site' }],
    ['no Origin and no Sec-Fetch-Site: nothing proves where it came from', { origin: '' }],
  ])('a cross-site form post is a typed 403, not a redirect, and changes nothing: %s', async (_, headers) => {
    const id = await newLead();
    const request = new Request(`${ORIGIN}/api/v1/admin/leads/${id}/status`, {
      method: 'POST',
      headers: Object.fromEntries(Object.entries({ cookie: admin, 'content-type': FORM, ...headers }).filter(([, value]) => value !== '')),
      body: 'status=lost',
    });
    const response = await leadStatus.POST(request, ctx(id));
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe('forbidden:origin');
    expect((await detail(id)).status).toBe('new');
  });

  it('a browser that leaves Origin out but says same-origin is the admin’s own page', async () => {
    const id = await newLead();
    const response = await leadStatus.POST(
      new Request(`${ORIGIN}/api/v1/admin/leads/${id}/status`, { method: 'POST', headers: { cookie: admin, 'sec-fetch-site': 'same-origin', 'content-type': FORM }, body: 'status=contacted' }),
      ctx(id),
    );
    expect(response.headers.get('location')).toBe(`/admin/leads/${id}?change=saved`);
    expect((await detail(id)).status).toBe('contacted');
  });

  it.each([
    ['an unknown status', 'status=won'],
    ['no status', 'note=hello'],
    ['the status twice', 'status=lost&status=qualified'],
    ['a field the PATCH refuses too', 'status=lost&owner=me'],
    ['a note over 2,000 characters', `status=lost&note=${'x'.repeat(2_001)}`],
  ])('%s: nothing changes, and the lead page says what to fix', async (_, body) => {
    const id = await newLead();
    const response = await post(id, body);
    expect([response.status, response.headers.get('location')]).toEqual([303, `/admin/leads/${id}?change=invalid`]);
    expect(await detail(id)).toMatchObject({ status: 'new', history: [] });
  });

  it('a JSON body is a typed 415 (the form route reads forms; scripts use the PATCH), a bad id a typed 400', async () => {
    const id = await newLead();
    const json = await post(id, JSON.stringify({ status: 'lost' }), { 'content-type': 'application/json' });
    expect([json.status, await errorOf(json)]).toEqual([415, 'unsupported_media_type:admin']);
    const bad = await leadStatus.POST(new Request(`${ORIGIN}/api/v1/admin/leads/x/status`, { method: 'POST', headers: { cookie: admin, origin: ORIGIN, 'content-type': FORM }, body: 'status=lost' }), ctx('x'));
    expect(bad.status).toBe(400);
  });

  it('signed out: to the sign-in, and back to the lead after it; a lead that is gone comes back saying so', async () => {
    const id = await newLead();
    const signedOut = await post(id, 'status=lost', { cookie: '' });
    expect([signedOut.status, signedOut.headers.get('location')]).toEqual([303, `/admin/sign-in?callbackUrl=${encodeURIComponent(`/admin/leads/${id}`)}`]);
    const gone = randomUUID();
    expect((await post(gone, 'status=lost')).headers.get('location')).toBe(`/admin/leads/${gone}?change=missing`);
    expect((await leadStatus.GET(new Request(`${ORIGIN}/api/v1/admin/leads/${id}/status`))).status).toBe(405);
  });
});

describe('an export is named by the admin’s own day', () => {
  // 23:30 UTC on 4 December is already 5 December in Auckland (UTC+13), and still 4 December in Los Angeles.
  const LATE = Date.UTC(2026, 11, 4, 23, 30);
  const exportAt = async (at: number, zoneCookie?: string) => {
    jest.spyOn(Date, 'now').mockReturnValue(at);
    const session = await sessionOf('ana@northwind.example', 'admin');
    const cookie = zoneCookie === undefined ? session : `${session}; admin_tz=${zoneCookie}`;
    const response = await exporter.GET(new Request(`${ORIGIN}/api/v1/admin/export?type=leads&format=csv`, { headers: { cookie } }));
    expect(response.status).toBe(200);
    await response.body?.cancel();
    return response.headers.get('content-disposition');
  };

  it('23:30 UTC in Auckland is the next day: the file says 5 December', async () => {
    expect(await exportAt(LATE, 'Pacific%2FAuckland')).toBe('attachment; filename="leads-2026-12-05.csv"');
  });

  it('in Los Angeles 03:00 UTC on 5 December is still 4 December', async () => {
    expect(await exportAt(Date.UTC(2026, 11, 5, 3), 'America%2FLos_Angeles')).toBe('attachment; filename="leads-2026-12-04.csv"');
  });

  it.each([
    ['no zone cookie', undefined],
    ['a forged zone', 'Mars%2FOlympus_Mons'],
    ['an offset, not a zone', '%2B13%3A00'],
    ['broken encoding', '%E0%A4%A'],
    ['markup', '%22%3E%3Cscript%3E'],
  ])('%s: UTC’s day, as before', async (_, zone) => {
    expect(await exportAt(LATE, zone)).toBe('attachment; filename="leads-2026-12-04.csv"');
  });

  it('the day is the zone’s at both ends of it; the cookie is found among the others', () => {
    expect(isoDayIn(Date.UTC(2026, 11, 4, 10, 59, 59, 999), 'Pacific/Auckland')).toBe('2026-12-04');
    expect(isoDayIn(Date.UTC(2026, 11, 4, 11), 'Pacific/Auckland')).toBe('2026-12-05');
    expect(exportFilename('conversations', 'ndjson', Date.UTC(2026, 11, 31, 23, 30), 'Asia/Tokyo')).toBe('conversations-2027-01-01.ndjson');
    expect(exportFilename('conversations', 'ndjson', Date.UTC(2026, 11, 31, 23, 30))).toBe('conversations-2026-12-31.ndjson');
    expect(adminTimeZoneOfCookies('lang=de; admin_tz=Pacific%2FAuckland; other=1')).toBe('Pacific/Auckland');
    expect(adminTimeZoneOfCookies('not_admin_tz=Pacific%2FAuckland')).toBe('UTC');
    expect(adminTimeZoneOfCookies(null)).toBe('UTC');
  });
});

describe('a webhook PATCH never brings a deleted endpoint back', () => {
  const policy = { allowPrivateUrls: false, allowHttp: false } as unknown as Parameters<typeof updateEndpoint>[0]['policy'];

  describe.each(bothKvStores('s29wh'))('%s store', (_, makeKv) => {
    it('the DELETE lands between the PATCH’s read and its write: the PATCH is “not found” and the endpoint stays deleted', async () => {
      const kv = makeKv();
      const endpoint = await seedEndpoint(kv);
      const other = await seedEndpoint(kv, { description: 'Slack' });
      let deleted: boolean | undefined;
      const racing = interleaved(kv, async () => {
        deleted = await deleteEndpoint({ kv, id: endpoint.id });
      });
      const updated = await updateEndpoint({ kv: racing, policy, id: endpoint.id, patch: { description: 'Renamed', enabled: false } });
      expect(deleted).toBe(true);
      expect(updated).toBeNull();
      expect(await getEndpoint({ kv, id: endpoint.id })).toBeNull();
      expect((await listEndpoints({ kv })).map((item) => item.id)).toEqual([other.id]);
    });

    it('without a race the PATCH writes as before; after a DELETE it writes nothing', async () => {
      const kv = makeKv();
      const endpoint = await seedEndpoint(kv);
      expect(await updateEndpoint({ kv, policy, id: endpoint.id, patch: { description: 'Renamed' }, now: 5 })).toMatchObject({ description: 'Renamed', updatedAt: 5 });
      expect(await getEndpoint({ kv, id: endpoint.id })).toMatchObject({ description: 'Renamed', secret: endpoint.secret });
      expect(await deleteEndpoint({ kv, id: endpoint.id })).toBe(true);
      expect(await updateEndpoint({ kv, policy, id: endpoint.id, patch: { description: 'Again' } })).toBeNull();
      expect(await listEndpoints({ kv })).toEqual([]);
    });

    it('the conditional write itself: 1 and written where the field is, 0 and nothing created where it is not', async () => {
      const kv = makeKv();
      const key = notifyKeys.endpoints(kv);
      const [missing] = await kv.exec([hsetIfUnchanged(key, 'we_x', 'old', '{"a":1}')]);
      expect(Number(missing)).toBe(0);
      expect(await kvOne(kv, ['EXISTS', key])).toBe(0);
      await kvOne(kv, ['HSET', key, 'we_x', 'old']);
      const [written] = await kv.exec([hsetIfUnchanged(key, 'we_x', 'old', 'new')]);
      expect([Number(written), await kvOne(kv, ['HGET', key, 'we_x'])]).toEqual([1, 'new']);
    });
  });

  it('the in-memory store runs no other script', async () => {
    const kv = getKv();
    await expect(kv.exec([['EVAL', 'return 1', 0]])).rejects.toThrow(KvError);
  });

  it('through the admin API: a DELETE between the PATCH’s read and write makes the PATCH a typed 404, and the endpoint stays gone', async () => {
    const kv = getKv();
    const endpoint = await seedEndpoint(kv);
    const send = (method: string, body?: unknown) =>
      new Request(`${ORIGIN}/api/v1/admin/webhooks/${endpoint.id}`, {
        method,
        headers: { cookie: admin, origin: ORIGIN, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    let deletedStatus = 0;
    const exec = kv.exec.bind(kv);
    jest.spyOn(kv, 'exec').mockImplementation(async (commands) => {
      const replies = await exec(commands);
      if (deletedStatus === 0 && isEndpointRead(kv, commands)) deletedStatus = (await webhook.DELETE(send('DELETE'), ctx(endpoint.id))).status;
      return replies;
    });
    const patched = await webhook.PATCH(send('PATCH', { description: 'Renamed', enabled: false }), ctx(endpoint.id));
    expect(deletedStatus).toBe(204);
    expect([patched.status, await errorOf(patched)]).toEqual([404, 'not_found:admin']);
    jest.restoreAllMocks();
    expect((await webhook.GET(send('GET'), ctx(endpoint.id))).status).toBe(404);
    const listed = (await (await webhooks.GET(new Request(`${ORIGIN}/api/v1/admin/webhooks`, { headers: { cookie: admin } }))).json()) as { endpoints: Array<{ id: string }> };
    expect(listed.endpoints.map((item) => item.id)).not.toContain(endpoint.id);
    // A PATCH after the DELETE (no race at all) is the same typed 404.
    const late = await webhook.PATCH(send('PATCH', { description: 'Late' }), ctx(endpoint.id));
    expect([late.status, await errorOf(late)]).toEqual([404, 'not_found:admin']);
    expect(await getEndpoint({ kv, id: endpoint.id })).toBeNull();
  });
});
