/** @jest-environment node */
// A handoff asked for while redis-server is down, in the production server (`next start`): the reply still comes,
// and once Redis is back the sales team gets the e-mail and the webhook — also when the server restarted in between,
// from the outbox's spool on disk (lib/events/bus.ts, lib/events/spool-node.ts).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { parseNotifyConfig } from '@/lib/config-notify';
import { createUpstashKv } from '@/lib/store/kv';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { startRedis, type RedisHarness } from '../support/redis';
import { parseMail, startSmtp, type LocalSmtp } from '../support/smtp';
import { readUIChunks, textOf } from '../support/sse';
import { newConversationId, startSession } from '../support/visitor';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(120_000);

type Next = Awaited<ReturnType<typeof startNextServer>>;
type Chunk = Awaited<ReturnType<typeof readUIChunks>>[number];
const notices = (chunks: Chunk[]) => chunks.flatMap((chunk) => (chunk.type === 'data-notice' ? [(chunk as unknown as { data: { code: string } }).data.code] : []));

let redis: RedisHarness;
let receiver: WebhookReceiver;
let smtp: LocalSmtp;
let outboxDir: string;
let redisDir: string;

const env = () => ({
  UPSTASH_REDIS_REST_URL: redis.bridgeUrl,
  UPSTASH_REDIS_REST_TOKEN: redis.token,
  STORE_KEY_PREFIX: 'ob:',
  OFFLINE_WORD_DELAY_MS: '0',
  SMTP_URL: smtp.url,
  NOTIFY_EMAIL_TO: 'team@northwind.example',
  NOTIFY_SEND_INVITES: '0',
  WEBHOOK_ALLOW_HTTP: '1',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  NOTIFY_QUEUE_POLL_MS: '200',
  EVENTS_OUTBOX_DIR: outboxDir,
});

beforeAll(async () => {
  outboxDir = mkdtempSync(path.join(tmpdir(), 'sa-outbox-'));
  redisDir = mkdtempSync(path.join(tmpdir(), 'sa-outbox-redis-'));
  redis = await startRedis({ dir: redisDir });
  receiver = await startWebhookReceiver();
  smtp = await startSmtp();
  const kv = createUpstashKv({ url: redis.bridgeUrl, token: redis.token, prefix: 'ob:' });
  const endpoint = await createEndpoint({ kv, policy: parseNotifyConfig(env()).webhooks, input: { url: receiver.url, events: ['handoff.requested'] } });
  secret = endpoint.secret;
});
let secret: string;
afterAll(async () => {
  await receiver?.close();
  await smtp?.close();
  await redis?.stop();
  rmSync(outboxDir, { recursive: true, force: true });
  rmSync(redisDir, { recursive: true, force: true });
});

async function askForHuman(server: Next, authorization: string, email: string) {
  const response = await fetch(`${server.url}/api/v1/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({
      id: newConversationId(),
      message: { id: `m-${Math.random().toString(36).slice(2)}`, role: 'user', parts: [{ type: 'text', text: `Can I talk to a human, please? My email is ${email}` }] },
    }),
  });
  expect(response.status).toBe(200);
  return readUIChunks(response);
}

async function heldBatches(server: Next): Promise<number> {
  const body = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { outbox: { heldBatches: number } };
  return body.outbox.heldBatches;
}

async function expectNotified(email: string, mailsBefore: number, hooksBefore: number) {
  const mails = await smtp.waitFor(mailsBefore + 1, 30_000);
  const mail = parseMail(mails.at(-1)!.raw);
  expect(mail.headers.subject).toBe(`Handoff requested: ${email}`);
  const hooks = await receiver.waitFor(hooksBefore + 1, 30_000);
  const last = hooks.at(-1)!;
  const headers = { 'webhook-id': String(last.headers['webhook-id']), 'webhook-timestamp': String(last.headers['webhook-timestamp']), 'webhook-signature': String(last.headers['webhook-signature']) };
  expect(new Webhook(secret).verify(last.body, headers)).toMatchObject({ type: 'handoff.requested', data: { email } });
}

test('a handoff asked for while Redis is down reaches the sales team once it is back', async () => {
  const server = await startNextServer({ env: env() });
  try {
    const { authorization } = await startSession(server.url);
    const [mailsBefore, hooksBefore] = [smtp.received.length, receiver.received.length];
    await redis.killRedis();
    const chunks = await askForHuman(server, authorization, 'ana@acme.example');
    expect(textOf(chunks).trim().length).toBeGreaterThan(10);
    expect(notices(chunks)).toContain('not_saved');
    // The handoff card (the visitor's stream carries no tool calls: lib/chat/visitor-view.ts).
    expect(chunks.some((chunk) => chunk.type === 'data-handoff')).toBe(true);
    // The instance holds the events (the health report says so) and nothing went out yet.
    for (let i = 0; i < 50 && (await heldBatches(server)) === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await heldBatches(server)).toBeGreaterThan(0);
    expect(smtp.received.length).toBe(mailsBefore);

    await redis.restartRedis();
    await expectNotified('ana@acme.example', mailsBefore, hooksBefore);
    for (let i = 0; i < 50 && (await heldBatches(server)) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await heldBatches(server)).toBe(0);
  } finally {
    await server.stop();
  }
});

test('…and also when the server restarted while Redis was down: the next instance adopts the spool', async () => {
  const first = await startNextServer({ env: env() });
  const { authorization } = await startSession(first.url);
  const [mailsBefore, hooksBefore] = [smtp.received.length, receiver.received.length];
  await redis.killRedis();
  let second: Next | undefined;
  try {
    await askForHuman(first, authorization, 'ben@acme.example');
    for (let i = 0; i < 50 && (await heldBatches(first)) === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await heldBatches(first)).toBeGreaterThan(0);
  } finally {
    await first.stop();
  }
  // The stopped instance's journal is on disk, in the store's folder.
  const [scope] = readdirSync(outboxDir);
  expect(readdirSync(path.join(outboxDir, scope!)).some((name) => /^outbox-\d+\.jsonl$/.test(name))).toBe(true);
  expect(smtp.received.length).toBe(mailsBefore);

  try {
    second = await startNextServer({ env: env() });
    await redis.restartRedis();
    await expectNotified('ben@acme.example', mailsBefore, hooksBefore);
  } finally {
    await second?.stop();
  }
});
