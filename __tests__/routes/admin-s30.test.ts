/** @jest-environment node */
// Session 30, an admin's webhook edits: each endpoint in the list carries its version (`etag`, the ETag its GET sends),
// so the page can PATCH with If-Match on the version it read; a stale one is a typed 409 naming the current version,
// and nothing is written. The fixture endpoints come from one helper (__tests__/support/webhook-endpoints.ts).
import { getKv } from '@/lib/store/kv';
import { getEndpoint } from '@/lib/webhooks/endpoints';
import * as webhook from '@/app/api/v1/admin/webhooks/[id]/route';
import * as webhooks from '@/app/api/v1/admin/webhooks/route';
import { adminApiSession } from '../support/admin-api-session';
import { seedEndpoint } from '../support/webhook-endpoints';

const ORIGIN = 'http://localhost:3000';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const session = adminApiSession('admin-s30-secret-admin-s30-secret-012345');

interface ListedEndpoint {
  id: string;
  description: string;
  enabled: boolean;
  updatedAt: number;
  etag: string;
}

const list = async () => (await (await webhooks.GET(new Request(`${ORIGIN}/api/v1/admin/webhooks`, { headers: { cookie: session.cookie() } }))).json()) as { endpoints: ListedEndpoint[] };
const patch = (id: string, body: unknown, ifMatch?: string) =>
  webhook.PATCH(
    new Request(`${ORIGIN}/api/v1/admin/webhooks/${id}`, {
      method: 'PATCH',
      headers: { cookie: session.cookie(), origin: ORIGIN, 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      body: JSON.stringify(body),
    }),
    ctx(id),
  );

describe('the list carries each endpoint’s version', () => {
  it('every item’s etag is the ETag its own GET sends, and moves on with each change', async () => {
    const kv = getKv();
    const crm = await seedEndpoint(kv, { updatedAt: 1_733_300_000_000 });
    const slack = await seedEndpoint(kv, { description: 'Slack', createdAt: 2, updatedAt: 7 });
    const listed = await list();
    expect(listed.endpoints.map(({ id, etag }) => [id, etag])).toEqual([
      [crm.id, '"1733300000000"'],
      [slack.id, '"7"'],
    ]);
    for (const item of listed.endpoints) {
      const read = await webhook.GET(new Request(`${ORIGIN}/api/v1/admin/webhooks/${item.id}`, { headers: { cookie: session.cookie() } }), ctx(item.id));
      const body = (await read.json()) as { endpoint: ListedEndpoint };
      expect([read.headers.get('etag'), body.endpoint.etag]).toEqual([item.etag, item.etag]);
    }
    const changed = await patch(slack.id, { enabled: false }, '"7"');
    const answer = (await changed.json()) as { endpoint: ListedEndpoint };
    expect(changed.status).toBe(200);
    expect(answer.endpoint.etag).toBe(changed.headers.get('etag'));
    expect(answer.endpoint.etag).not.toBe('"7"');
    expect((await list()).endpoints.find((item) => item.id === slack.id)).toMatchObject({ enabled: false, etag: answer.endpoint.etag });
  });
});

describe('a PATCH with the version the list gave', () => {
  it('lands when nobody changed the endpoint since; with a stale one it is a 409 naming the current version, nothing written', async () => {
    const kv = getKv();
    const endpoint = await seedEndpoint(kv);
    const [read] = (await list()).endpoints;
    if (!read) throw new Error('the seeded endpoint is not listed');

    // Another admin changes it after this one read the list.
    const other = await patch(endpoint.id, { description: 'Renamed by Ana' }, read.etag);
    expect(other.status).toBe(200);
    const current = other.headers.get('etag');

    const stale = await patch(endpoint.id, { description: 'Mine', enabled: false }, read.etag);
    const refused = (await stale.json()) as { error: { code: string; details?: { etag?: string } } };
    expect([stale.status, refused.error.code, refused.error.details?.etag]).toEqual([409, 'conflict:admin', current]);
    expect(await getEndpoint({ kv, id: endpoint.id })).toMatchObject({ description: 'Renamed by Ana', enabled: true });

    // Read again (the list), the same change goes on top of the other.
    const [again] = (await list()).endpoints;
    expect(again?.etag).toBe(current);
    const retried = await patch(endpoint.id, { enabled: false }, again?.etag);
    expect(retried.status).toBe(200);
    expect(await getEndpoint({ kv, id: endpoint.id })).toMatchObject({ description: 'Renamed by Ana', enabled: false });
  });
});
