/** @jest-environment node */
// Notifications in the production server (`next start`): the worker that start-up launches delivers, over a real
// redis-server through the bridge, a webhook and an e-mail that another instance queued; the webhook admin API answers
// the unauthenticated with the typed 401.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { parseNotifyConfig } from '@/lib/config-notify';
import { enqueueNotifications } from '@/lib/notify/subscriber';
import { createUpstashKv } from '@/lib/store/kv';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startRedis, type RedisHarness } from '../support/redis';
import { parseMail, startSmtp, type LocalSmtp } from '../support/smtp';
import { readUIChunks, textOf } from '../support/sse';
import { newConversationId, startSession } from '../support/visitor';
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

test('a prospect chatting over HTTP reaches the sales team: lead.captured webhook, the booking e-mail with its .ics, the handoff e-mail', async () => {
  const kv = createUpstashKv({ url: redis.bridgeUrl, token: redis.token, prefix: 'ns:' });
  const config = parseNotifyConfig(env());
  const endpoint = await createEndpoint({ kv, policy: config.webhooks, input: { url: receiver.url, events: ['lead.captured', 'meeting.booked'] } });
  const before = receiver.received.length;
  const mailsBefore = smtp.received.length;

  const session = await startSession(next.url);
  const headers = { 'content-type': 'application/json', authorization: session.authorization, origin: next.url };
  const id = newConversationId();
  const say = async (text: string) => {
    const response = await fetch(`${next.url}/api/v1/chat`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id, message: { id: `m-${randomUUID()}`, role: 'user', parts: [{ type: 'text', text }] } }),
    });
    expect(response.status).toBe(200);
    return textOf(await readUIChunks(response));
  };
  await say("I'm Dana Reyes from Globex, team of 30. My email is dana@globex.example.");
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 8);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const date = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(day);
  const booked = await say(`Please book a demo on ${date} at 11am, my time zone is Europe/Berlin.`);
  expect(booked).toMatch(/dana@globex\.example/);
  await say('Can I talk to a human, please?');

  // The webhook receiver: lead.captured and meeting.booked, each signed with the endpoint's secret.
  const requests = await receiver.waitFor(before + 2, 20_000);
  const verified = requests.slice(before).map((request) =>
    new Webhook(endpoint.secret).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    }) as { type: string; data: Record<string, unknown> },
  );
  expect(verified.map((event) => event.type).sort()).toEqual(['lead.captured', 'meeting.booked']);
  expect(JSON.stringify(verified.find((event) => event.type === 'lead.captured'))).toContain('dana@globex.example');

  // The team's e-mails: the booking with its calendar invite, and the handoff (the prospect's own invite too).
  const mails = (await smtp.waitFor(mailsBefore + 3, 20_000)).slice(mailsBefore);
  const subjects = mails.map((mail) => parseMail(mail.raw).headers.subject ?? '');
  expect(subjects.some((subject) => /handoff/i.test(subject))).toBe(true);
  const booking = mails.find((mail) => /text\/calendar/i.test(mail.raw) && mail.to.includes('team@northwind.example'));
  expect(booking).toBeDefined();
  const ics = parseMail(booking!.raw).parts.find((part) => /text\/calendar/i.test(part.headers['content-type'] ?? ''))?.body ?? '';
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  expect(ics).toMatch(/ATTENDEE[^\r\n]*(\r\n [^\r\n]*)*dana@globex\.example/);
  expect(ics).toMatch(/DTSTART:\d{8}T(09|10)0000Z/); // 11:00 in Berlin (summer or winter time)
});
