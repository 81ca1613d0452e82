/** @jest-environment node */
// Webhook delivery end to end against a real redis-server (through the Upstash bridge) and a local receiver:
// Standard Webhooks signatures the library verifies, retries with backoff, the delivery log, durability across a
// worker restart or crash, one delivery per attempt with two workers, and the address check at delivery time.
import { Webhook } from 'standardwebhooks';
import { parseNotifyConfig, type NotifyConfig } from '@/lib/config-notify';
import type { AppEvent } from '@/lib/events/schema';
import { notifyKeys } from '@/lib/notify/keys';
import { createRuntimeWorker } from '@/lib/notify/start-node';
import { enqueueNotifications } from '@/lib/notify/subscriber';
import type { NotifyWorker } from '@/lib/notify/worker';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { createUpstashKv, kvOne, type Kv } from '@/lib/store/kv';
import { postWebhook, resolveHost } from '@/lib/webhooks/deliver-node';
import { readDeliveryLog } from '@/lib/webhooks/delivery';
import { createEndpoint, deleteEndpoint, updateEndpoint, type WebhookEndpoint } from '@/lib/webhooks/endpoints';
import { installHostResolver } from '@/lib/webhooks/url-policy';
import { startRedis, type RedisHarness } from '../support/redis';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(60_000);

let redis: RedisHarness;
let round = 0;
const workers: NotifyWorker[] = [];
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());
beforeEach(() => {
  resetProcessSingletons();
  installHostResolver(resolveHost);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  jest.restoreAllMocks();
});

/** A fresh client on the shared Redis, under this test's own prefix (each test has its own queue). */
const newKv = (prefix: string): Kv => createUpstashKv({ url: redis.bridgeUrl, token: redis.token, prefix });

const local = (overrides: Record<string, string> = {}): NotifyConfig =>
  parseNotifyConfig({
    WEBHOOK_ALLOW_HTTP: '1',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    NOTIFY_RETRY_SCHEDULE: '150ms',
    NOTIFY_QUEUE_POLL_MS: '100',
    WEBHOOK_TIMEOUT_MS: '2000',
    ...overrides,
  });

async function setup(answers: number[] = [], events: WebhookEndpoint['events'] = ['lead.captured', 'meeting.booked']) {
  round += 1;
  const prefix = `wh${round}:`;
  const kv = newKv(prefix);
  const config = local();
  const receiver = await startWebhookReceiver(answers);
  receivers.push(receiver);
  const endpoint = await createEndpoint({ kv, policy: config.webhooks, input: { url: receiver.url, events } });
  const start = (options: { kv?: Kv; config?: NotifyConfig; leaseMarginMs?: number } = {}) => {
    const worker = createRuntimeWorker({ kv: options.kv ?? kv, config: options.config ?? config, leaseMarginMs: options.leaseMarginMs });
    workers.push(worker);
    worker.start();
    return worker;
  };
  return { prefix, kv, config, receiver, endpoint, start };
}

const leadCaptured = (conversationId = 'c-1'): AppEvent => ({
  type: 'lead.captured',
  at: Date.UTC(2026, 11, 1, 9, 30),
  conversationId,
  visitorId: 'v-secret',
  source: { page: '/pricing', locale: 'en', agent: 'offline' },
  lead: { fields: { email: { value: 'ana@acme.com', evidence: "I'm ana@acme.com", confidence: 0.9 } }, score: 20 },
});

const headersOf = (request: WebhookReceiver['received'][number]) => ({
  'webhook-id': String(request.headers['webhook-id']),
  'webhook-timestamp': String(request.headers['webhook-timestamp']),
  'webhook-signature': String(request.headers['webhook-signature']),
});

test('a local receiver gets lead.captured, signed so that the Standard Webhooks verifier accepts it', async () => {
  const { kv, config, receiver, endpoint, start } = await setup();
  await enqueueNotifications([leadCaptured()], { kv, config, conversationTtlSeconds: 3_600 });
  start();
  const [request] = await receiver.waitFor(1);
  expect(request?.headers['content-type']).toBe('application/json');
  const payload = new Webhook(endpoint.secret).verify(request!.body, headersOf(request!)) as Record<string, unknown>;
  expect(payload).toEqual({
    type: 'lead.captured',
    timestamp: '2026-12-01T09:30:00.000Z',
    data: {
      conversationId: 'c-1',
      source: { page: '/pricing', locale: 'en', agent: 'offline' },
      lead: { fields: { email: { value: 'ana@acme.com', evidence: "I'm ana@acme.com", confidence: 0.9 } }, score: 20 },
    },
  });
  expect(request!.body).not.toContain('v-secret'); // the visitor id stays home
  // A wrong secret or a changed body fails verification.
  const other = (await createEndpoint({ kv, policy: config.webhooks, input: { url: receiver.url, events: ['lead.captured'] } })).secret;
  expect(() => new Webhook(other).verify(request!.body, headersOf(request!))).toThrow();
  expect(() => new Webhook(endpoint.secret).verify(request!.body.replace('ana@', 'eve@'), headersOf(request!))).toThrow();
});

test('an endpoint subscribed to meeting.cancelled gets the cancelled booking, signed; one on meeting.booked only does not', async () => {
  const { kv, config, receiver, endpoint, start } = await setup([], ['meeting.cancelled']);
  const booked = await createEndpoint({ kv, policy: config.webhooks, input: { url: `${receiver.url}/booked-only`, events: ['meeting.booked'] } });
  const booking = { id: 'bk_1', email: 'ana@acme.com', start: '2026-12-03T09:00:00.000Z', durationMinutes: 30, timezone: 'Europe/Madrid', localLabel: 'Thu, 3 Dec, 10:00 (Europe/Madrid)', ics: 'BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n', sequence: 1 };
  const cancelled: AppEvent = { type: 'meeting.cancelled', at: Date.UTC(2026, 11, 1, 10), conversationId: 'c-9', visitorId: 'v-secret', booking: { ...booking, cancelledAt: Date.UTC(2026, 11, 1, 10) } };
  const jobs = await enqueueNotifications([cancelled], { kv, config, conversationTtlSeconds: 3_600 });
  expect(jobs).toHaveLength(1);
  start();
  const [request] = await receiver.waitFor(1);
  const payload = new Webhook(endpoint.secret).verify(request!.body, headersOf(request!)) as { type: string; data: { booking: Record<string, unknown> } };
  expect(payload.type).toBe('meeting.cancelled');
  expect(payload.data.booking).toMatchObject({ id: 'bk_1', email: 'ana@acme.com', cancelledAt: Date.UTC(2026, 11, 1, 10), sequence: 1 });
  expect(await readDeliveryLog({ kv, endpointId: booked.id, limit: 10 })).toEqual([]);
});

test('when the receiver answers 500 twice, the third attempt delivers, and the log shows all three', async () => {
  const { kv, config, receiver, endpoint, start } = await setup([500, 500]);
  await enqueueNotifications([leadCaptured()], { kv, config, conversationTtlSeconds: 3_600 });
  start();
  const requests = await receiver.waitFor(3);
  // The same message id and bytes each time, signed afresh; the gaps follow the (shortened) backoff schedule.
  expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
  expect(new Set(requests.map((r) => r.body)).size).toBe(1);
  for (const request of requests) expect(() => new Webhook(endpoint.secret).verify(request.body, headersOf(request))).not.toThrow();
  expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(100);
  expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(100);

  await until(async () => (await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 })).length === 3);
  const log = await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 });
  expect(log.map(({ attempt, ok, status, type }) => ({ attempt, ok, status, type }))).toEqual([
    { attempt: 3, ok: true, status: 200, type: 'lead.captured' },
    { attempt: 2, ok: false, status: 500, type: 'lead.captured' },
    { attempt: 1, ok: false, status: 500, type: 'lead.captured' },
  ]);
  expect(log[1]).toMatchObject({ error: 'HTTP 500', nextAttemptAt: expect.any(Number) });
  expect(log[0]).toMatchObject({ nextAttemptAt: null, messageId: requests[0]!.headers['webhook-id'] });
  expect(log.every((entry) => entry.durationMs >= 0 && entry.at > 0)).toBe(true);
  // Done: nothing left in the queue.
  expect(await kvOne(kv, ['ZCARD', notifyKeys.queue(kv)])).toBe(0);
  expect(await kvOne(kv, ['HLEN', notifyKeys.jobs(kv)])).toBe(0);
});

test('a restart between attempts loses nothing: a fresh worker on a fresh client finishes the job', async () => {
  const { prefix, kv, config, receiver, endpoint, start } = await setup([500]);
  await enqueueNotifications([leadCaptured()], { kv, config, conversationTtlSeconds: 3_600 });
  const first = start();
  await receiver.waitFor(1);
  await until(async () => (await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 })).length === 1);
  await first.stop();
  expect(await kvOne(kv, ['ZCARD', notifyKeys.queue(kv)])).toBe(1); // the retry waits in Redis, not in the process

  resetProcessSingletons(); // a new process: nothing in memory survives
  start({ kv: newKv(prefix) });
  const requests = await receiver.waitFor(2);
  expect(requests[1]!.headers['webhook-id']).toBe(requests[0]!.headers['webhook-id']);
  await until(async () => (await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 })).length === 2);
  expect((await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 })).map((e) => [e.attempt, e.status])).toEqual([
    [2, 200],
    [1, 500],
  ]);
});

test('a worker that dies mid-attempt leaves the job to another once its lease ends', async () => {
  const { prefix, kv, config, receiver, endpoint } = await setup();
  await enqueueNotifications([leadCaptured()], { kv, config, conversationTtlSeconds: 3_600 });
  // The first worker claims the job and hangs forever in its request (as a process frozen or killed would).
  const stuck = createRuntimeWorker({ kv, config: local({ WEBHOOK_TIMEOUT_MS: '300' }), post: () => new Promise(() => undefined), leaseMarginMs: 200 });
  void stuck.tick(); // never resolves: its attempt never ends
  const [jobId] = await kvOne<string[]>(kv, ['ZRANGE', notifyKeys.queue(kv), 0, 0]);
  await until(async () => (await kvOne(kv, ['EXISTS', notifyKeys.lock(kv, jobId!)])) === 1);
  await until(async () => Number(await kvOne(kv, ['ZSCORE', notifyKeys.queue(kv), jobId!])) > Date.now()); // not due while leased
  expect(receiver.received).toHaveLength(0);

  const rescuer = createRuntimeWorker({ kv: newKv(prefix), config: local({ WEBHOOK_TIMEOUT_MS: '300' }), leaseMarginMs: 200 });
  workers.push(rescuer);
  rescuer.start();
  await receiver.waitFor(1);
  await until(async () => (await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 })).length === 1);
  expect((await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 }))[0]).toMatchObject({ attempt: 1, ok: true, status: 200 });
});

test('two workers on the same Redis never deliver the same attempt twice', async () => {
  const { prefix, kv, config, receiver, start } = await setup();
  const events = Array.from({ length: 30 }, (_, i) => leadCaptured(`c-${i}`));
  await enqueueNotifications(events, { kv, config, conversationTtlSeconds: 3_600 });
  start();
  start({ kv: newKv(prefix) });
  await receiver.waitFor(30);
  await new Promise((resolve) => setTimeout(resolve, 400)); // room for a duplicate to show up
  expect(receiver.received).toHaveLength(30);
  expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(30);
  expect(new Set(receiver.received.map((r) => JSON.parse(r.body).data.conversationId)).size).toBe(30);
});

test('the address is checked again at delivery: a loopback endpoint allowed once is refused when the policy no longer allows it', async () => {
  const { kv, receiver, endpoint } = await setup();
  const strict = local({ WEBHOOK_ALLOWED_HOSTS: '', NOTIFY_MAX_ATTEMPTS: '1' });
  await enqueueNotifications([leadCaptured()], { kv, config: strict, conversationTtlSeconds: 3_600 });
  const worker = createRuntimeWorker({ kv, config: strict });
  workers.push(worker);
  await worker.tick();
  const [entry] = await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 });
  expect(entry).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/127\.0\.0\.1 is loopback/), nextAttemptAt: null });
  expect(receiver.received).toHaveLength(0);
  // Given up: kept in the failed list, gone from the queue.
  const [failed] = await kvOne<string[]>(kv, ['LRANGE', notifyKeys.failed(kv), 0, -1]);
  expect(JSON.parse(failed!)).toEqual({ id: expect.stringMatching(/^job_/), kind: 'webhook', attempts: 1, createdAt: expect.any(Number), error: expect.stringMatching(/loopback/), at: expect.any(Number) });
  expect(failed).not.toContain('ana@acme.com'); // the payload does not linger
  expect(await kvOne<number>(kv, ['TTL', notifyKeys.failed(kv)])).toBeGreaterThan(29 * 86_400);
  expect(await kvOne(kv, ['ZCARD', notifyKeys.queue(kv)])).toBe(0);
});

test('the HTTP delivery connects only to addresses it checked (a name resolving to loopback is refused at connect time)', async () => {
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  const policy = local({ WEBHOOK_ALLOWED_HOSTS: '' }).webhooks;
  const request = { url: new URL(`http://localhost:${receiver.port}/hooks`), headers: {}, body: '{}', timeoutMs: 2_000, policy };
  await expect(postWebhook(request)).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1), which is loopback/);
  expect(receiver.received).toHaveLength(0);
  await expect(postWebhook({ ...request, policy: { ...policy, allowPrivate: true } })).resolves.toEqual({ status: 200 });
});

test('a redirect is a failed attempt, not followed', async () => {
  const { kv, config, receiver, endpoint, start } = await setup([302]);
  await enqueueNotifications([leadCaptured()], { kv, config: { ...config, queue: { ...config.queue, maxAttempts: 1 } }, conversationTtlSeconds: 3_600 });
  start();
  await receiver.waitFor(1);
  await until(async () => (await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 })).length === 1);
  expect((await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 10 }))[0]).toMatchObject({ ok: false, status: 302, error: 'HTTP 302 (redirects are not followed)' });
});

test('only subscribed, enabled endpoints get an event; a deleted endpoint drops its queued deliveries', async () => {
  const { kv, config, receiver, endpoint, start } = await setup([], ['meeting.booked']);
  expect(await enqueueNotifications([leadCaptured()], { kv, config, conversationTtlSeconds: 3_600 })).toHaveLength(0);
  await updateEndpoint({ kv, policy: config.webhooks, id: endpoint.id, patch: { events: ['lead.captured'], enabled: false } });
  expect(await enqueueNotifications([leadCaptured()], { kv, config, conversationTtlSeconds: 3_600 })).toHaveLength(0);
  await updateEndpoint({ kv, policy: config.webhooks, id: endpoint.id, patch: { enabled: true } });
  expect(await enqueueNotifications([leadCaptured()], { kv, config, conversationTtlSeconds: 3_600 })).toHaveLength(1);
  await deleteEndpoint({ kv, id: endpoint.id });
  start();
  await until(async () => (await kvOne<number>(kv, ['ZCARD', notifyKeys.queue(kv)])) === 0);
  expect(receiver.received).toHaveLength(0);
  expect(await kvOne(kv, ['EXISTS', notifyKeys.deliveryLog(kv, endpoint.id)])).toBe(0);
});

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
