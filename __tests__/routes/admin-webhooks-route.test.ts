/** @jest-environment node */
// The webhook admin API (app/api/v1/admin/webhooks/**) called directly, on the in-memory store. The admin guard is
// mocked (the sign-in work owns it): every route must ask it first, with the `webhooks` scope and `write` for changes.
import { Webhook } from 'standardwebhooks';
import { requireAdmin } from '@/lib/admin/guard';
import { AppError } from '@/lib/errors';
import { createRuntimeWorker } from '@/lib/notify/start-node';
import { setRunningWorker, type NotifyWorker } from '@/lib/notify/worker';
import { getNotifyConfig } from '@/lib/config-notify';
import { forgetProcessSingleton, resetProcessSingletons } from '@/lib/process-singleton';
import { getKv } from '@/lib/store/kv';
import { resolveHost } from '@/lib/webhooks/deliver-node';
import { installHostResolver } from '@/lib/webhooks/url-policy';
import * as list from '@/app/api/v1/admin/webhooks/route';
import * as one from '@/app/api/v1/admin/webhooks/[id]/route';
import * as test_ from '@/app/api/v1/admin/webhooks/[id]/test/route';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

jest.mock('@/lib/admin/guard', () => ({ requireAdmin: jest.fn() }));
const guard = jest.mocked(requireAdmin);

for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN']) delete process.env[name];
const LOCAL_ENV = { WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '2000' };

const base = 'http://localhost/api/v1/admin/webhooks';
const json = (method: string, url: string, body?: unknown) =>
  new Request(url, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
const create = (body: unknown) => list.POST(json('POST', base, body));

let receiver: WebhookReceiver | null = null;
let worker: NotifyWorker | null = null;

const NOTIFY_VARS = ['WEBHOOK_ALLOW_HTTP', 'WEBHOOK_ALLOWED_HOSTS', 'WEBHOOK_ALLOW_PRIVATE', 'WEBHOOK_TIMEOUT_MS'];
function setEnv(env: Record<string, string>) {
  for (const key of NOTIFY_VARS) delete process.env[key];
  Object.assign(process.env, env);
  forgetProcessSingleton('notify-config');
}

beforeEach(() => {
  resetProcessSingletons(); // a fresh in-memory store per test
  installHostResolver(resolveHost);
  setEnv({});
  guard.mockReset();
  guard.mockResolvedValue({ kind: 'user', email: 'admin@northwind.example', role: 'admin' });
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  await receiver?.close();
  receiver = null;
  jest.restoreAllMocks();
});

test('every route asks the guard first (webhooks scope; write for changes) and passes its typed refusals through', async () => {
  guard.mockRejectedValue(new AppError('unauthorized:admin', 'Sign in first.'));
  const calls: [Promise<Response>, boolean][] = [
    [list.GET(new Request(base)), false],
    [create({ url: 'https://hooks.example.com/x', events: ['lead.captured'] }), true],
    [one.GET(new Request(`${base}/we_${'0'.repeat(32)}`), ctx(`we_${'0'.repeat(32)}`)), false],
    [one.PATCH(json('PATCH', `${base}/x`, { enabled: false }), ctx(`we_${'0'.repeat(32)}`)), true],
    [one.DELETE(new Request(`${base}/x`, { method: 'DELETE' }), ctx(`we_${'0'.repeat(32)}`)), true],
    [test_.POST(new Request(`${base}/x/test`, { method: 'POST' }), ctx(`we_${'0'.repeat(32)}`)), true],
  ];
  for (const [call] of calls) {
    const response = await call;
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toEqual({ code: 'unauthorized:admin', message: 'Sign in first.' });
  }
  expect(guard.mock.calls.map(([, requirement]) => requirement)).toEqual(
    calls.map(([, write]) => (write ? { scope: 'webhooks', write: true } : { scope: 'webhooks' })),
  );

  guard.mockRejectedValue(new AppError('forbidden:admin', 'Viewers cannot change webhooks.'));
  const refused = await create({ url: 'https://hooks.example.com/x', events: ['lead.captured'] });
  expect(refused.status).toBe(403);
  expect((await errorOf(refused)).code).toBe('forbidden:admin');
  expect(await getKv().exec([['HLEN', `${getKv().prefix}webhooks:endpoints`]])).toEqual([0]);
});

test('create shows the secret once; list and read show only a hint; update, rotate and delete', async () => {
  setEnv({ WEBHOOK_ALLOWED_HOSTS: 'hooks.example.com' });
  const created = await create({ url: 'https://hooks.example.com/in', events: ['meeting.booked', 'lead.captured', 'lead.captured'], description: ' CRM ' });
  expect(created.status).toBe(201);
  expect(created.headers.get('cache-control')).toBe('no-store');
  const { endpoint, secret } = (await created.json()) as { endpoint: { id: string; events: string[]; secretHint: string; description: string; enabled: boolean }; secret: string };
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(24);
  expect(endpoint).toMatchObject({ events: ['lead.captured', 'meeting.booked'], description: 'CRM', enabled: true, secretHint: `whsec_…${secret.slice(-4)}` });
  expect(endpoint.id).toMatch(/^we_[0-9a-f]{32}$/);

  const listed = await list.GET(new Request(base));
  const listedText = await listed.text();
  expect(listedText).not.toContain(secret);
  expect(JSON.parse(listedText)).toMatchObject({
    endpoints: [{ id: endpoint.id, url: 'https://hooks.example.com/in' }],
    eventTypes: ['lead.captured', 'lead.updated', 'meeting.booked', 'meeting.cancelled', 'handoff.requested', 'conversation.ended', 'feedback.received'],
  });
  const read = await one.GET(new Request(`${base}/${endpoint.id}`), ctx(endpoint.id));
  const readText = await read.text();
  expect(readText).not.toContain(secret);
  expect(JSON.parse(readText)).toMatchObject({ endpoint: { id: endpoint.id }, deliveries: [] });

  const patched = await one.PATCH(json('PATCH', `${base}/${endpoint.id}`, { events: ['handoff.requested'], enabled: false }), ctx(endpoint.id));
  expect(patched.status).toBe(200);
  const patchedBody = (await patched.json()) as { endpoint: { events: string[]; enabled: boolean }; secret?: string };
  expect(patchedBody).toEqual({ endpoint: expect.objectContaining({ events: ['handoff.requested'], enabled: false }) });

  const rotated = (await (await one.PATCH(json('PATCH', `${base}/${endpoint.id}`, { rotateSecret: true }), ctx(endpoint.id))).json()) as { secret: string };
  expect(rotated.secret).toMatch(/^whsec_/);
  expect(rotated.secret).not.toBe(secret);

  const deleted = await one.DELETE(new Request(`${base}/${endpoint.id}`, { method: 'DELETE' }), ctx(endpoint.id));
  expect(deleted.status).toBe(204);
  const gone = await one.GET(new Request(`${base}/${endpoint.id}`), ctx(endpoint.id));
  expect(gone.status).toBe(404);
  expect((await errorOf(gone)).code).toBe('not_found:admin');
  expect((await one.DELETE(new Request(`${base}/${endpoint.id}`, { method: 'DELETE' }), ctx(endpoint.id))).status).toBe(404);
  expect((await one.GET(new Request(`${base}/nope`), ctx('../../etc'))).status).toBe(404);
});

test.each([
  ['https://127.0.0.1/hook', /127\.0\.0\.1 is loopback/],
  ['https://10.20.30.40/hook', /10\.20\.30\.40 is private/],
  ['https://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is link-local/],
  ['https://[::1]/hook', /::1 is loopback/],
  ['https://[::ffff:127.0.0.1]/hook', /IPv4-mapped loopback/],
  ['https://localhost/hook', /localhost resolves to (127\.0\.0\.1|::1), which is loopback/],
  ['http://hooks.example.com/hook', /must use https/],
])('refuses %s with a typed 400 bad_request:admin, and stores nothing', async (url, message) => {
  const response = await create({ url, events: ['lead.captured'] });
  expect(response.status).toBe(400);
  const error = await errorOf(response);
  expect(error.code).toBe('bad_request:admin');
  expect(error.message).toMatch(message);
  expect(await getKv().exec([['HLEN', `${getKv().prefix}webhooks:endpoints`]])).toEqual([0]);
});

test('an update to a refused URL is refused too; WEBHOOK_ALLOW_PRIVATE lets private hosts in', async () => {
  setEnv({ WEBHOOK_ALLOW_PRIVATE: '1' });
  const created = (await (await create({ url: 'https://localhost:8443/in', events: ['lead.updated'] })).json()) as { endpoint: { id: string } };
  expect(created.endpoint.id).toBeDefined();
  setEnv({});
  const response = await one.PATCH(json('PATCH', `${base}/x`, { url: 'https://10.0.0.1/in' }), ctx(created.endpoint.id));
  expect(response.status).toBe(400);
  expect((await errorOf(response)).message).toMatch(/private/);
});

test.each([
  [{ url: 'https://hooks.example.com/x', events: ['lead.deleted'] }, /events/],
  [{ url: 'https://hooks.example.com/x', events: [] }, /at least one event/],
  [{ url: 'https://hooks.example.com/x', events: ['lead.captured'], secret: 'mine' }, /secret|Unrecognized/i],
  [{ events: ['lead.captured'] }, /url/],
])('validates the body with typed 400s: %j', async (body, message) => {
  const response = await create(body);
  expect(response.status).toBe(400);
  const error = await errorOf(response);
  expect(error.code).toBe('bad_request:admin');
  expect(error.message).toMatch(message);
});

test('refuses other content types and methods with typed errors', async () => {
  const form = await list.POST(new Request(base, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }));
  expect(form.status).toBe(415);
  const put = await list.PUT(new Request(base, { method: 'PUT' }));
  expect(put.status).toBe(405);
  expect(put.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
});

async function localEndpoint(answers: number[]) {
  setEnv(LOCAL_ENV);
  receiver = await startWebhookReceiver(answers);
  const created = (await (await create({ url: receiver.url, events: ['lead.captured'] })).json()) as { endpoint: { id: string }; secret: string };
  return created;
}

test('"send test event" delivers a signed webhook.test now and answers with the attempt; the log shows it', async () => {
  const { endpoint, secret } = await localEndpoint([]);
  worker = createRuntimeWorker({ kv: getKv(), config: getNotifyConfig() });
  setRunningWorker(worker);
  worker.start();
  const response = await test_.POST(new Request(`${base}/${endpoint.id}/test`, { method: 'POST' }), ctx(endpoint.id));
  expect(response.status).toBe(200);
  const body = (await response.json()) as { delivery: { ok: boolean; status: number; attempt: number; test: boolean; type: string } };
  expect(body.delivery).toMatchObject({ ok: true, status: 200, attempt: 1, test: true, type: 'webhook.test' });
  const [request] = receiver!.received;
  const headers = { 'webhook-id': String(request!.headers['webhook-id']), 'webhook-timestamp': String(request!.headers['webhook-timestamp']), 'webhook-signature': String(request!.headers['webhook-signature']) };
  expect(new Webhook(secret).verify(request!.body, headers)).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });

  const read = (await (await one.GET(new Request(`${base}/${endpoint.id}`), ctx(endpoint.id))).json()) as { deliveries: unknown[] };
  expect(read.deliveries).toEqual([expect.objectContaining({ ok: true, status: 200, test: true })]);
});

test('a failing test event is reported at once and not retried; without a running worker it is queued (202)', async () => {
  const { endpoint } = await localEndpoint([500, 500]);
  const queued = await test_.POST(new Request(`${base}/${endpoint.id}/test`, { method: 'POST' }), ctx(endpoint.id));
  expect(queued.status).toBe(202);
  expect(await queued.json()).toMatchObject({ jobId: expect.stringMatching(/^job_/), delivery: null });

  worker = createRuntimeWorker({ kv: getKv(), config: getNotifyConfig() });
  setRunningWorker(worker);
  worker.start();
  const response = await test_.POST(new Request(`${base}/${endpoint.id}/test`, { method: 'POST' }), ctx(endpoint.id));
  expect(response.status).toBe(200);
  expect(((await response.json()) as { delivery: unknown }).delivery).toMatchObject({ ok: false, status: 500, error: 'HTTP 500', nextAttemptAt: null });
  // Both test events were tried exactly once (the queued one as soon as the worker started).
  await receiver!.waitFor(2);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(receiver!.received).toHaveLength(2);
  const unknown = await test_.POST(new Request(`${base}/we_${'f'.repeat(32)}/test`, { method: 'POST' }), ctx(`we_${'f'.repeat(32)}`));
  expect(unknown.status).toBe(404);
});
