/** @jest-environment node */
// Notifications in the production server (`next start`): the worker that start-up launches delivers, over a real
// redis-server through the bridge, a webhook and an e-mail that another instance queued; the webhook admin API answers
// the unauthenticated with the typed 401.
import { Webhook } from 'standardwebhooks';
import { parseNotifyConfig } from '@/lib/config-notify';
import { enqueueNotifications } from '@/lib/notify/subscriber';
import { createUpstashKv } from '@/lib/store/kv';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startRedis, type RedisHarness } from '../support/redis';
import { parseMail, startSmtp, type LocalSmtp } from '../support/smtp';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(60_000);

type Next = Awaited<ReturnType<typeof startNextServer>>;
let redis: RedisHarness;
let receiver: WebhookReceiver;
let smtp: LocalSmtp;
let next: Next;

const env = () => ({
  UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
  UPSTASH_REDIS_REST_TOKEN: redis.token,
  STORE_KEY_PREFIX: 'ns:',
  SMTP_URL: smtp.url,
  NOTIFY_EMAIL_TO: 'team@northwind.example',
  WEBHOOK_ALLOW_HTTP: '1',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  NOTIFY_QUEUE_POLL_MS: '200',
  NOTIFY_RETRY_SCHEDULE: '200ms',
});

beforeAll(async () => {
  redis = await startRedis();
  receiver = await startWebhookReceiver([503]);
  smtp = await startSmtp();
  next = await startNextServer({ env: env() });
});
afterAll(async () => {
  await next?.stop();
  await receiver?.close();
  await smtp?.close();
  await redis?.stop();
});

test("the server's worker delivers what another instance queued: a signed webhook (after one retry) and the handoff e-mail", async () => {
  const kv = createUpstashKv({ url: redis.bridgeUrl, token: redis.token, prefix: 'ns:' });
  const config = parseNotifyConfig(env());
  const endpoint = await createEndpoint({ kv, policy: config.webhooks, input: { url: receiver.url, events: ['handoff.requested'] } });
  const jobs = await enqueueNotifications(
    [{ type: 'handoff.requested', at: Date.now(), conversationId: 'conv-http', reason: 'wants a call', email: 'ana@acme.com' }],
    { kv, config, conversationTtlSeconds: 3_600 },
  );
  expect(jobs.map((job) => job.kind).sort()).toEqual(['mail', 'webhook']);

  const requests = await receiver.waitFor(2, 15_000);
  const last = requests[1]!;
  const headers = { 'webhook-id': String(last.headers['webhook-id']), 'webhook-timestamp': String(last.headers['webhook-timestamp']), 'webhook-signature': String(last.headers['webhook-signature']) };
  expect(new Webhook(endpoint.secret).verify(last.body, headers)).toMatchObject({ type: 'handoff.requested', data: { reason: 'wants a call' } });

  const [mail] = await smtp.waitFor(1, 15_000);
  expect(mail!.to).toEqual(['team@northwind.example']);
  expect(parseMail(mail!.raw).headers.subject).toBe('Handoff requested: ana@acme.com');
});

test('the webhook admin API refuses the unauthenticated with the typed 401', async () => {
  const response = await fetch(`${next.url}/api/v1/admin/webhooks`);
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized:admin');
  const created = await fetch(`${next.url}/api/v1/admin/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: next.url },
    body: JSON.stringify({ url: 'https://hooks.example.com/x', events: ['lead.captured'] }),
  });
  expect(created.status).toBe(401);
});
