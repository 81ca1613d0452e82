/** @jest-environment node */
// The admin's conversation, lead, export and backup routes, called directly, over the in-memory store. The guard is
// mocked: these tests check what each route asks of it and what it does with the answer.
import { requireAdmin, type AdminActor } from '@/lib/admin/guard';
import { AppError } from '@/lib/errors';
import { getConversationStore } from '@/lib/store';
import { storeConversation } from '../support/admin-records';

jest.mock('@/lib/admin/guard', () => ({ requireAdmin: jest.fn() }));
const guard = jest.mocked(requireAdmin);

const ADMIN: AdminActor = { kind: 'user', email: 'ana@northwind.example', role: 'admin' };

let list: typeof import('@/app/api/v1/admin/conversations/route');
let one: typeof import('@/app/api/v1/admin/conversations/[id]/route');
let leads: typeof import('@/app/api/v1/admin/leads/route');
let lead: typeof import('@/app/api/v1/admin/leads/[id]/route');
let exporter: typeof import('@/app/api/v1/admin/export/route');
let backup: typeof import('@/app/api/v1/admin/backup/route');
let ids: { maria: string; plain: string };

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  list = await import('@/app/api/v1/admin/conversations/route');
  one = await import('@/app/api/v1/admin/conversations/[id]/route');
  leads = await import('@/app/api/v1/admin/leads/route');
  lead = await import('@/app/api/v1/admin/leads/[id]/route');
  exporter = await import('@/app/api/v1/admin/export/route');
  backup = await import('@/app/api/v1/admin/backup/route');
  const store = getConversationStore();
  const at = Date.now() - 60_000;
  ids = {
    plain: await storeConversation(store, { at: at - 1_000, title: 'What does the Starter plan include?' }),
    maria: await storeConversation(store, {
      at,
      title: 'Demo for Acme Logistics',
      lead: { stage: 'closing', fields: { email: 'maria@acme.io', name: 'María López', company: 'Acme Logistics' } },
    }),
  };
});

beforeEach(() => {
  guard.mockReset();
  guard.mockResolvedValue(ADMIN);
});

const url = (path: string) => `http://localhost/api/v1/admin/${path}`;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (path: string) => new Request(url(path));
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const patch = (id: string, body: unknown, type = 'application/json') =>
  lead.PATCH(new Request(url(`leads/${id}`), { method: 'PATCH', headers: { 'content-type': type }, body: JSON.stringify(body) }), ctx(id));

describe('GET /api/v1/admin/conversations', () => {
  it('lists conversations newest first for a reader with leads:read', async () => {
    const response = await list.GET(get('conversations?limit=10'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(body.items.map((row) => row.id)).toEqual([ids.maria, ids.plain]);
    expect(body.nextCursor).toBeNull();
    expect(guard).toHaveBeenCalledWith(expect.any(Request), { scope: 'leads:read' });
  });

  it('searches, and refuses parameters it does not understand with the issues', async () => {
    const found = (await (await list.GET(get('conversations?q=starter'))).json()) as { items: Array<{ id: string }> };
    expect(found.items.map((row) => row.id)).toEqual([ids.plain]);
    const bad = await list.GET(get('conversations?stage=nowhere&limit=1000'));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; details: { issues: Array<{ path: string }> } } };
    expect(body.error.code).toBe('bad_request:admin');
    expect(body.error.details.issues.map((issue) => issue.path).sort()).toEqual(['limit', 'stage']);
  });

  it('answers the guard’s 401 and reads nothing when the caller is not signed in', async () => {
    guard.mockRejectedValue(new AppError('unauthorized:admin'));
    const response = await list.GET(get('conversations'));
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('unauthorized:admin');
  });

  it('answers 405 with Allow to other methods', async () => {
    const response = await list.POST(new Request(url('conversations'), { method: 'POST' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('GET and DELETE /api/v1/admin/conversations/[id]', () => {
  it('returns the transcript, 404 for an unknown id and 400 for a malformed one', async () => {
    const response = await one.GET(get(`conversations/${ids.maria}`), ctx(ids.maria));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; stage: string; lead: { email: string }; transcript: Array<{ kind: string; role?: string }> };
    expect(body).toMatchObject({ id: ids.maria, stage: 'closing', lead: { email: 'maria@acme.io', status: 'new' } });
    expect(body.transcript.filter((entry) => entry.kind === 'message').map((entry) => entry.role)).toEqual(['user', 'assistant']);

    const unknown = crypto.randomUUID();
    expect((await one.GET(get(`conversations/${unknown}`), ctx(unknown))).status).toBe(404);
    expect((await one.GET(get('conversations/abc'), ctx('abc'))).status).toBe(400);
  });

  it('lets only a writer erase a conversation: a viewer gets 403 and nothing changes', async () => {
    const id = await storeConversation(getConversationStore(), { at: Date.now(), title: 'Please forget me', lead: { fields: { email: 'gone@example.com' } } });
    guard.mockImplementation(async (_request, requirement) => {
      if (requirement?.write) throw new AppError('forbidden:admin');
      return { kind: 'user', email: 'viewer@northwind.example', role: 'viewer' };
    });
    const refused = await one.DELETE(new Request(url(`conversations/${id}`), { method: 'DELETE' }), ctx(id));
    expect(refused.status).toBe(403);
    await expect(getConversationStore().getConversation({ id })).resolves.not.toBeNull();

    guard.mockResolvedValue(ADMIN);
    const deleted = await one.DELETE(new Request(url(`conversations/${id}`), { method: 'DELETE' }), ctx(id));
    expect(deleted.status).toBe(204);
    expect(guard).toHaveBeenLastCalledWith(expect.any(Request), { write: true });
    await expect(getConversationStore().getConversation({ id })).resolves.toBeNull();
    expect((await one.GET(get(`conversations/${id}`), ctx(id))).status).toBe(404);
    expect((await one.DELETE(new Request(url(`conversations/${id}`), { method: 'DELETE' }), ctx(id))).status).toBe(404);
  });
});

describe('leads', () => {
  it('lists leads only, and shows one with its evidence', async () => {
    const page = (await (await leads.GET(get('leads'))).json()) as { items: Array<{ id: string }> };
    expect(page.items.map((row) => row.id)).toEqual([ids.maria]);
    const detail = await lead.GET(get(`leads/${ids.maria}`), ctx(ids.maria));
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { fields: Array<{ field: string; evidence: string; confidence: number }> };
    expect(body.fields.find((field) => field.field === 'company')).toMatchObject({ evidence: 'My company is Acme Logistics.', confidence: 0.7 });
    expect((await lead.GET(get(`leads/${ids.plain}`), ctx(ids.plain))).status).toBe(404);
  });

  it('sets a status with a note, recording who did it', async () => {
    const response = await patch(ids.maria, { status: 'contacted', note: '  Called, will follow up Monday  ' });
    expect(response.status).toBe(200);
    expect(guard).toHaveBeenCalledWith(expect.any(Request), { write: true });
    const body = (await response.json()) as { status: string; history: Array<{ status: string; note: string; by: string }> };
    expect(body.status).toBe('contacted');
    expect(body.history[0]).toMatchObject({ status: 'contacted', note: 'Called, will follow up Monday', by: 'ana@northwind.example' });
    const filtered = (await (await leads.GET(get('leads?status=contacted'))).json()) as { items: Array<{ id: string; status: string }> };
    expect(filtered.items).toEqual([expect.objectContaining({ id: ids.maria, status: 'contacted' })]);
  });

  it('refuses an unknown status, a body that is not JSON, and a conversation without a lead', async () => {
    const bad = await patch(ids.maria, { status: 'won' });
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe('bad_request:admin');
    expect((await patch(ids.maria, { status: 'lost' }, 'text/plain')).status).toBe(415);
    expect((await patch(ids.plain, { status: 'lost' })).status).toBe(404);
  });

  it("refuses a field it cannot change (the lead's e-mail, a score) instead of ignoring it, and changes nothing", async () => {
    const before = (await (await lead.GET(get(`leads/${ids.maria}`), ctx(ids.maria))).json()) as { status: string; history: unknown[] };
    const response = await patch(ids.maria, { status: 'lost', email: 'someone@else.example', score: 99 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_request:admin');
    expect(body.error.message).toContain('"status"');
    const after = (await (await lead.GET(get(`leads/${ids.maria}`), ctx(ids.maria))).json()) as { status: string; history: unknown[] };
    expect(after).toEqual(before);
  });
});

describe('GET /api/v1/admin/export', () => {
  it('streams a CSV download to a caller with the export scope', async () => {
    const response = await exporter.GET(get('export?type=leads&format=csv'));
    expect(response.status).toBe(200);
    expect(guard).toHaveBeenCalledWith(expect.any(Request), { scope: 'export' });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toMatch(/^id,status,score,name,email/);
    expect(text).toContain('maria@acme.io');
  });

  it('streams NDJSON of conversations, and refuses an unknown type', async () => {
    const response = await exporter.GET(get('export?type=conversations&format=ndjson'));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const records = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string });
    expect(records.map((record) => record.id)).toEqual(expect.arrayContaining([ids.maria, ids.plain]));
    expect((await exporter.GET(get('export?type=users'))).status).toBe(400);
  });
});

describe('GET /api/v1/admin/backup', () => {
  it('is for admins only, and says why there is nothing to back up on the in-memory default', async () => {
    const response = await backup.GET(get('backup'));
    expect(guard).toHaveBeenCalledWith(expect.any(Request), { write: true });
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('conflict:admin');
  });
});
