/** @jest-environment node */
// `feedback.received` is a webhook event admins can subscribe to: a prospect's thumbs down through the real feedback
// route (real redis-server behind the Upstash bridge) reaches a local receiver subscribed to it, signed per Standard
// Webhooks, without the visitor's id; an endpoint not subscribed to it gets nothing, and the admin API accepts it.
import { Webhook } from 'standardwebhooks';
import { getNotifyConfig } from '@/lib/config-notify';
import { drainEvents } from '@/lib/events/bus';
import { WEBHOOK_EVENT_TYPES } from '@/lib/events/schema';
import { createRuntimeWorker } from '@/lib/notify/start-node';
import { subscribeNotifications } from '@/lib/notify/subscriber';
import type { NotifyWorker } from '@/lib/notify/worker';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { getKv } from '@/lib/store/kv';
import { resolveHost } from '@/lib/webhooks/deliver-node';
import { readDeliveryLog } from '@/lib/webhooks/delivery';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { installHostResolver } from '@/lib/webhooks/url-policy';
import { startRedis, type RedisHarness } from '../support/redis';
import { readUIChunks } from '../support/sse';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

jest.setTimeout(60_000);

const ENV: Record<string, string> = {
  STORE_KEY_PREFIX: 'whf:',
  APP_ORIGIN: 'http://localhost',
  OFFLINE_WORD_DELAY_MS: '0',
  RATE_LIMIT_SESSION: '1000/1m',
  WEBHOOK_ALLOW_HTTP: '1',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  NOTIFY_RETRY_SCHEDULE: '150ms',
  NOTIFY_QUEUE_POLL_MS: '100',
};

let redis: RedisHarness;
let worker: NotifyWorker | undefined;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  redis = await startRedis();
  Object.assign(process.env, ENV, { SESSION_SECRET: TEST_SESSION_SECRET, UPSTASH_REDIS_REST_URL: redis.bridgeUrl, UPSTASH_REDIS_REST_TOKEN: redis.token });
  delete process.env.OPENAI_API_KEY;
  resetProcessSingletons();
  installHostResolver(resolveHost);
  subscribeNotifications();
});

afterAll(async () => {
  await worker?.stop();
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await drainEvents();
  for (const name of [...Object.keys(ENV), 'UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN']) delete process.env[name];
  resetProcessSingletons();
  await redis?.stop();
});

test('feedback.received is offered to admins and accepted by the webhooks API schema', async () => {
  expect(WEBHOOK_EVENT_TYPES).toContain('feedback.received');
  const { createEndpointSchema } = await import('@/app/api/v1/admin/webhooks/schema');
  expect(createEndpointSchema.safeParse({ url: 'https://hooks.example/x', events: ['feedback.received'] }).success).toBe(true);
  expect(createEndpointSchema.safeParse({ url: 'https://hooks.example/x', events: ['feedback'] }).success).toBe(false);
});

test('a subscribed endpoint receives feedback.received from the feedback route, signed; an unsubscribed one nothing', async () => {
  const chat = await import('@/app/api/v1/chat/route');
  const feedback = await import('@/app/api/v1/chat/[id]/feedback/route');
  const kv = getKv();
  const config = getNotifyConfig();
  const subscribed = await startWebhookReceiver();
  const other = await startWebhookReceiver();
  receivers.push(subscribed, other);
  const endpoint = await createEndpoint({ kv, policy: config.webhooks, input: { url: subscribed.url, events: ['feedback.received'] } });
  const unsubscribed = await createEndpoint({ kv, policy: config.webhooks, input: { url: other.url, events: ['lead.captured'] } });

  const visitor = await visitorHeaders();
  const id = newConversationId();
  const reply = await chat.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', authorization: visitor.authorization },
      body: JSON.stringify({ id, message: { id: 'm-1', role: 'user', parts: [{ type: 'text', text: 'What plans do you have?' }] } }),
    }),
  );
  expect(reply.status).toBe(200);
  // The reply's id as the stream announced it: only a stored reply can be rated.
  const replyId = String((await readUIChunks(reply)).find((chunk) => chunk.type === 'start')?.messageId);
  await drainEvents();

  const voted = await feedback.POST(
    new Request(`http://localhost/api/v1/chat/${id}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', authorization: visitor.authorization },
      body: JSON.stringify({ messageId: replyId, rating: 'down' }),
    }),
    { params: Promise.resolve({ id }) },
  );
  expect(voted.status).toBe(204);
  await drainEvents();

  worker = createRuntimeWorker({ kv, config });
  worker.start();
  const [request] = await subscribed.waitFor(1);
  const headers = {
    'webhook-id': String(request!.headers['webhook-id']),
    'webhook-timestamp': String(request!.headers['webhook-timestamp']),
    'webhook-signature': String(request!.headers['webhook-signature']),
  };
  const payload = new Webhook(endpoint.secret).verify(request!.body, headers) as { type: string; timestamp: string; data: Record<string, unknown> };
  expect(payload).toEqual({
    type: 'feedback.received',
    timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    data: { conversationId: id, messageId: replyId, rating: 'down' },
  });
  expect(request!.body).not.toContain(visitor.visitorId);
  // The delivery log records it; the endpoint that did not subscribe got nothing.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect((await readDeliveryLog({ kv, endpointId: endpoint.id, limit: 5 })).map((entry) => [entry.type, entry.ok])).toEqual([['feedback.received', true]]);
  expect(other.received).toEqual([]);
  expect(await readDeliveryLog({ kv, endpointId: unsubscribed.id, limit: 5 })).toEqual([]);
});
