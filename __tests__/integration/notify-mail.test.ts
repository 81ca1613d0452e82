/** @jest-environment node */
// E-mail notifications against a real local SMTP server (the smtp-server package) and a real redis-server through the
// bridge: the handoff e-mail, the booking e-mail with its .ics (and the prospect's invite), a qualified lead once per
// conversation, and an SMTP outage that delays a handoff without losing it.
import { parseNotifyConfig, type NotifyConfig } from '@/lib/config-notify';
import { AppError } from '@/lib/errors';
import type { AppEvent } from '@/lib/events/schema';
import type { MailContext } from '@/lib/notify/mail';
import { notifyKeys } from '@/lib/notify/keys';
import { createRuntimeWorker, createSmtpSender } from '@/lib/notify/start-node';
import { enqueueNotifications } from '@/lib/notify/subscriber';
import type { NotifyWorker } from '@/lib/notify/worker';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { cancelBooking, createBooking } from '@/lib/sales/booking';
import { utcStamp } from '@/lib/sales/invite';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import type { LeadRecord } from '@/lib/sales/types';
import { createUpstashKv, kvOne, type Kv } from '@/lib/store/kv';
import { freePort } from '../support/ports';
import { startRedis, type RedisHarness } from '../support/redis';
import { icsProperties, parseMail, startSmtp, type LocalSmtp } from '../support/smtp';

jest.setTimeout(60_000);

let redis: RedisHarness;
let round = 0;
const workers: NotifyWorker[] = [];
const servers: LocalSmtp[] = [];
const kb = getKnowledgeBase();

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());
beforeEach(() => {
  resetProcessSingletons();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
  jest.restoreAllMocks();
});

const lead: LeadRecord = {
  fields: {
    name: { value: 'Ana Ruiz', evidence: "I'm Ana Ruiz", confidence: 0.9, asked: false, capturedAt: 1 },
    email: { value: 'ana@acme.com', evidence: 'Write to ana@acme.com', confidence: 0.9, asked: true, capturedAt: 2 },
    teamSize: { value: 40, evidence: 'We are 40 people', confidence: 0.8, asked: false, capturedAt: 3 },
  },
  score: 35,
  reasons: [],
  updatedAt: 3,
};

function setup(smtpUrl: string, overrides: Record<string, string> = {}) {
  round += 1;
  const kv: Kv = createUpstashKv({ url: redis.bridgeUrl, token: redis.token, prefix: `mail${round}:` });
  const config: NotifyConfig = parseNotifyConfig({
    SMTP_URL: smtpUrl,
    NOTIFY_EMAIL_TO: 'team@northwind.example, lead-desk@northwind.example',
    NOTIFY_EMAIL_FROM: '"Northwind Agent" <agent@northwind.example>',
    NOTIFY_RETRY_SCHEDULE: '200ms',
    NOTIFY_QUEUE_POLL_MS: '100',
    ...overrides,
  });
  const context: MailContext = {
    kb,
    smtp: config.smtp!,
    appOrigin: 'https://chat.northwind.example',
    loadLead: async (id) => (id === 'conv-1' ? lead : null),
  };
  const start = () => {
    const worker = createRuntimeWorker({ kv, config, mail: { context, send: createSmtpSender(config.smtp!.url) } });
    workers.push(worker);
    worker.start();
    return worker;
  };
  const enqueue = (events: AppEvent[]) => enqueueNotifications(events, { kv, config, conversationTtlSeconds: 3_600 });
  return { kv, config, start, enqueue };
}

const source = { page: '/pricing', embedSite: 'https://partner.example', locale: 'en', agent: 'offline' as const };

test('the handoff e-mail reaches the sales team with the reason, the prospect and their lead', async () => {
  const smtp = await startSmtp();
  servers.push(smtp);
  const { start, enqueue } = setup(smtp.url);
  await enqueue([{ type: 'handoff.requested', at: Date.now(), conversationId: 'conv-1', source, reason: 'wants a custom contract', email: 'ana@acme.com' }]);
  start();
  const [mail] = await smtp.waitFor(1);
  expect(mail!.to).toEqual(['team@northwind.example', 'lead-desk@northwind.example']);
  expect(mail!.from).toBe('agent@northwind.example');
  const { headers, parts } = parseMail(mail!.raw);
  expect(headers.subject).toBe('Handoff requested: ana@acme.com');
  expect(headers['reply-to']).toBe('ana@acme.com');
  const text = parts.find((part) => part.headers['content-type']?.startsWith('text/plain'))?.body ?? '';
  expect(text).toContain('Reason: wants a custom contract');
  expect(text).toContain('Prospect e-mail: ana@acme.com');
  expect(text).toContain('Lead (score 35/100):');
  expect(text).toContain('- name: Ana Ruiz (90%) — “I\'m Ana Ruiz”');
  expect(text).toContain('- teamSize: 40 (80%)');
  expect(text).toContain('Open it in the admin: https://chat.northwind.example/admin/conversations/conv-1');
  expect(text).toContain('Embedded on: https://partner.example');
});

/** Ana's demo on Thursday at 10:00 in Madrid, booked on a Tuesday. */
function thursdayInMadrid() {
  const now = Date.UTC(2026, 11, 1, 12, 0); // a Tuesday
  const result = createBooking({ email: 'ana@acme.com', preferredTimes: ['Thursday at 10am'], timezone: 'Europe/Madrid', now, kb });
  if (!result.ok) throw new Error(result.message);
  return { now, booking: result.booking };
}

test('the booking e-mail carries the .ics, and the prospect gets their invite in their language', async () => {
  const smtp = await startSmtp();
  servers.push(smtp);
  const { start, enqueue } = setup(smtp.url);
  const { now, booking } = thursdayInMadrid();
  const { createdAt: _createdAt, ...bookingFields } = booking;
  await enqueue([{ type: 'meeting.booked', at: now, conversationId: 'conv-2', source: { ...source, locale: 'es' }, booking: bookingFields }]);
  start();
  const mails = await smtp.waitFor(2);
  const team = mails.find((mail) => mail.to.includes('team@northwind.example'))!;
  const prospect = mails.find((mail) => mail.to.includes('ana@acme.com'))!;
  expect(prospect.to).toEqual(['ana@acme.com']);

  for (const mail of [team, prospect]) {
    const { parts } = parseMail(mail.raw);
    const calendars = parts.filter((part) => /^text\/calendar/i.test(part.headers['content-type'] ?? ''));
    const attachments = parts.filter((part) => /attachment/i.test(part.headers['content-disposition'] ?? ''));
    expect(attachments).toHaveLength(1);
    const attachment = calendars.find((part) => /attachment/i.test(part.headers['content-disposition'] ?? ''));
    expect(attachment?.headers['content-type']).toMatch(/method=REQUEST/i);
    expect(attachment?.headers['content-disposition']).toMatch(/invite\.ics/);
    const ics = icsProperties(attachment!.body);
    expect(ics.get('METHOD')).toBe('REQUEST');
    expect(ics.get('DTSTART')).toBe(utcStamp(Date.parse(booking.start)));
    expect(ics.get('DTSTART')).toBe('20261203T090000Z'); // Thursday 10:00 in Madrid
    const organizer = [...ics].find(([name]) => name.startsWith('ORGANIZER'));
    const attendee = [...ics].find(([name]) => name.startsWith('ATTENDEE'));
    expect(organizer?.[1]).toBe(`mailto:${kb.company.salesEmail}`);
    expect(attendee?.[1]).toBe('mailto:ana@acme.com');
  }
  const teamMail = parseMail(team.raw);
  expect(teamMail.headers.subject).toBe(`Demo booked: ${booking.localLabel} with ana@acme.com`);
  const prospectMail = parseMail(prospect.raw);
  expect(prospectMail.headers.subject).toBe(`Invitación: demo de ${kb.company.name}, ${booking.localLabel}`);
  expect(prospectMail.headers['reply-to']).toBe('team@northwind.example');
  // Mail clients show accept/decline for the text/calendar alternative as well.
  expect(prospectMail.parts.some((part) => /text\/calendar/.test(part.headers['content-type'] ?? '') && !/attachment/.test(part.headers['content-disposition'] ?? ''))).toBe(true);
  expect(prospectMail.parts.find((part) => part.headers['content-type']?.startsWith('text/plain'))?.body).toContain('Gracias por reservar una demo de 30 minutos');
});

test('a cancelled demo: the team is told and the prospect gets a METHOD:CANCEL for the same UID, in their language', async () => {
  const smtp = await startSmtp();
  servers.push(smtp);
  const { start, enqueue } = setup(smtp.url);
  const { now, booking } = thursdayInMadrid();
  const { createdAt: _createdAt, ...cancelled } = cancelBooking(booking, { now: now + 60_000, kb, locale: 'fr' });
  if (cancelled.cancelledAt === undefined) throw new Error('not cancelled');
  const jobs = await enqueue([{ type: 'meeting.cancelled', at: now + 60_000, conversationId: 'conv-3', source: { ...source, locale: 'fr' }, booking: { ...cancelled, cancelledAt: cancelled.cancelledAt } }]);
  expect(jobs.map((job) => (job.data as { template: string }).template)).toEqual(['cancelled', 'cancel-invite']);
  start();
  const mails = await smtp.waitFor(2);
  const team = parseMail(mails.find((mail) => mail.to.includes('team@northwind.example'))!.raw);
  const prospect = parseMail(mails.find((mail) => mail.to.includes('ana@acme.com'))!.raw);
  const original = icsProperties(booking.ics);
  for (const mail of [team, prospect]) {
    const attachment = mail.parts.find((part) => /^text\/calendar/i.test(part.headers['content-type'] ?? '') && /attachment/i.test(part.headers['content-disposition'] ?? ''));
    expect(attachment?.headers['content-type']).toMatch(/method=CANCEL/i);
    expect(attachment?.headers['content-disposition']).toMatch(/cancel\.ics/);
    const ics = icsProperties(attachment!.body);
    expect(ics.get('METHOD')).toBe('CANCEL');
    expect(ics.get('STATUS')).toBe('CANCELLED');
    // The same event (UID) with a higher SEQUENCE: calendars that have it remove it.
    expect(ics.get('UID')).toBe(original.get('UID'));
    expect(Number(ics.get('SEQUENCE'))).toBeGreaterThan(Number(original.get('SEQUENCE')));
    expect(ics.get('DTSTART')).toBe(original.get('DTSTART'));
  }
  expect(team.headers.subject).toBe(`Demo cancelled: ${booking.localLabel} with ana@acme.com`);
  expect(team.headers['reply-to']).toBe('ana@acme.com');
  expect(team.parts.find((part) => part.headers['content-type']?.startsWith('text/plain'))?.body).toContain('A prospect cancelled their demo in the chat.');
  expect(prospect.headers.subject).toBe(`Annulée : démo ${kb.company.name}, ${booking.localLabel}`);
  expect(prospect.parts.find((part) => part.headers['content-type']?.startsWith('text/plain'))?.body).toContain('est annulée, comme demandé');
});

test('an e-mail corrected after booking: the new address gets the invite, the old one its cancellation (same UID), in their language', async () => {
  const smtp = await startSmtp();
  servers.push(smtp);
  const { start, enqueue } = setup(smtp.url);
  const { now, booking: first } = thursdayInMadrid();
  const corrected = createBooking({ email: 'ana.ruiz@acme.com', preferredTimes: ['Thursday at 10am'], timezone: 'Europe/Madrid', now: now + 60_000, kb, locale: 'es', replaces: first });
  if (!corrected.ok) throw new Error(corrected.message);
  const { createdAt: _createdAt, ...booking } = corrected.booking;
  expect(booking.previousEmail).toBe('ana@acme.com');
  const jobs = await enqueue([{ type: 'meeting.booked', at: now + 60_000, conversationId: 'conv-5', source: { ...source, locale: 'en', language: 'es' }, booking }]);
  expect(jobs.map((job) => (job.data as { template: string }).template)).toEqual(['booking', 'invite', 'withdraw-invite']);
  start();
  const mails = await smtp.waitFor(3);
  const invite = parseMail(mails.find((mail) => mail.to.includes('ana.ruiz@acme.com'))!.raw);
  const withdrawn = mails.find((mail) => mail.to.includes('ana@acme.com'));
  expect(withdrawn?.to).toEqual(['ana@acme.com']);
  const old = parseMail(withdrawn!.raw);
  expect(old.headers.subject).toBe(`Cancelada: demo de ${kb.company.name}, ${booking.localLabel}`);
  // Not "cancelled, as you asked": whoever reads the old address asked for nothing.
  const oldText = old.parts.find((part) => part.headers['content-type']?.startsWith('text/plain'))?.body ?? '';
  expect(oldText).toContain('la reserva se corrigió a otra dirección de correo');
  expect(oldText).not.toContain('como pidió');
  const calendar = (mail: ReturnType<typeof parseMail>) =>
    icsProperties(mail.parts.find((part) => /^text\/calendar/i.test(part.headers['content-type'] ?? '') && /attachment/i.test(part.headers['content-disposition'] ?? ''))!.body);
  const cancel = calendar(old);
  const request = calendar(invite);
  expect(cancel.get('METHOD')).toBe('CANCEL');
  expect(cancel.get('STATUS')).toBe('CANCELLED');
  expect(request.get('METHOD')).toBe('REQUEST');
  // The same event, at the same SEQUENCE as the new invite: the old address's calendar drops it.
  expect(cancel.get('UID')).toBe(request.get('UID'));
  expect(cancel.get('UID')).toBe(icsProperties(first.ics).get('UID'));
  expect(Number(cancel.get('SEQUENCE'))).toBeGreaterThan(Number(icsProperties(first.ics).get('SEQUENCE') ?? 0));
  expect(cancel.get('DTSTART')).toBe(request.get('DTSTART'));
  expect([...cancel].find(([name]) => name.startsWith('ATTENDEE'))?.[1]).toBe('mailto:ana@acme.com');
  expect([...request].find(([name]) => name.startsWith('ATTENDEE'))?.[1]).toBe('mailto:ana.ruiz@acme.com');
});

test('the chat cannot be made to mail someone over and over: prospect e-mails are capped per conversation and per address a day', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { enqueue } = setup('smtp://127.0.0.1:2525');
  const { now, booking: first } = thursdayInMadrid();
  const templates = (jobs: { data: unknown }[]) => jobs.map((job) => (job.data as { template: string }).template);
  // One conversation, the e-mail "corrected" again and again: each correction is an invite and a withdrawal.
  let current = first;
  const sent: string[] = [];
  for (let i = 1; i <= 5; i += 1) {
    const next = createBooking({ email: `victim${i}@example.com`, preferredTimes: ['Thursday at 10am'], timezone: 'Europe/Madrid', now: now + i * 60_000, kb, replaces: current });
    if (!next.ok) throw new Error(next.message);
    current = next.booking;
    const { createdAt: _createdAt, ...booking } = current;
    sent.push(...templates(await enqueue([{ type: 'meeting.booked', at: now + i * 60_000, conversationId: 'conv-spam', booking }])));
  }
  // The team hears of every change; the prospect-side e-mails stop at 6 for the conversation.
  expect(sent.filter((template) => template === 'booking')).toHaveLength(5);
  expect(sent.filter((template) => template === 'invite' || template === 'withdraw-invite')).toHaveLength(6);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('left out'));

  // One address, booked from many conversations in a day: 5 invites, then none.
  const other = createBooking({ email: 'someone@example.com', preferredTimes: ['Thursday at 10am'], timezone: 'Europe/Madrid', now, kb });
  if (!other.ok) throw new Error(other.message);
  const { createdAt: _createdAt, ...booking } = other.booking;
  const invites: string[] = [];
  for (let i = 0; i < 7; i += 1) invites.push(...templates(await enqueue([{ type: 'meeting.booked', at: now, conversationId: `conv-many-${i}`, booking }])).filter((template) => template === 'invite'));
  expect(invites).toHaveLength(5);
});

test('no invite goes to the prospect when NOTIFY_SEND_INVITES is off; no e-mail at all without SMTP_URL', async () => {
  const smtp = await startSmtp();
  servers.push(smtp);
  const booked: AppEvent = {
    type: 'meeting.booked',
    at: 1,
    conversationId: 'c',
    booking: { id: 'bk_1', email: 'p@x.com', start: '2026-12-03T09:00:00.000Z', durationMinutes: 30, timezone: 'UTC', localLabel: 'Thu', ics: 'BEGIN:VCALENDAR' },
  };
  const off = setup(smtp.url, { NOTIFY_SEND_INVITES: '0' });
  expect((await off.enqueue([booked])).map((job) => (job.data as { template: string }).template)).toEqual(['booking']);
  const none = setup('', {});
  expect(none.config.smtp).toBeUndefined();
  expect(await none.enqueue([booked, { type: 'handoff.requested', at: 1, reason: 'x' }])).toEqual([]);
});

test('a qualified lead whose queueing failed (the store went down after the mark was set) is still announced when the event is tried again', async () => {
  const { kv, config } = setup('smtp://127.0.0.1:2525', { LEAD_QUALIFIED_SCORE: '60' });
  const event: AppEvent = {
    type: 'lead.updated',
    at: 5,
    conversationId: 'q-retry',
    changed: ['budget'],
    lead: { fields: { email: { value: 'bo@corp.com', evidence: 'bo@corp.com', confidence: 0.9 } }, score: 70 },
  };
  // The mark's SET goes through; the transaction that queues the mail does not (the outbox holds the batch).
  const failing: Kv = { ...kv, exec: kv.exec.bind(kv), atomic: async () => Promise.reject(new AppError('upstream_unavailable:store', 'The store is not answering.')) };
  await expect(enqueueNotifications([event], { kv: failing, config, conversationTtlSeconds: 3_600 })).rejects.toThrow('not answering');
  expect(await kvOne(kv, ['EXISTS', notifyKeys.qualified(kv, 'q-retry')])).toBe(1);
  // The same event again: the mark is its own, so the mail is queued now — once.
  const jobs = await enqueueNotifications([event], { kv, config, conversationTtlSeconds: 3_600 });
  expect(jobs.map((job) => (job.data as { template: string }).template)).toEqual(['qualified']);
  // Another update of the same lead still announces nothing.
  expect(await enqueueNotifications([{ ...event, at: 6, lead: { ...event.lead, score: 80 } }], { kv, config, conversationTtlSeconds: 3_600 })).toEqual([]);
});

test('a qualified lead is announced once per conversation, when its score reaches LEAD_QUALIFIED_SCORE', async () => {
  const smtp = await startSmtp();
  servers.push(smtp);
  const { kv, start, enqueue } = setup(smtp.url, { LEAD_QUALIFIED_SCORE: '60' });
  const updated = (conversationId: string, score: number): AppEvent => ({
    type: 'lead.updated',
    at: 1,
    conversationId,
    changed: ['budget'],
    lead: { fields: { email: { value: 'bo@corp.com', evidence: 'bo@corp.com', confidence: 0.9 }, budget: { value: '$5k', evidence: 'about $5k', confidence: 0.8 } }, score },
  });
  expect(await enqueue([updated('q-1', 55)])).toEqual([]);
  expect(await enqueue([updated('q-1', 65), updated('q-1', 70)])).toHaveLength(1);
  expect(await enqueue([updated('q-1', 80)])).toEqual([]);
  expect(await enqueue([updated('q-2', 60)])).toHaveLength(1);
  expect(await kvOne<number>(kv, ['TTL', notifyKeys.qualified(kv, 'q-1')])).toBeGreaterThan(3_000);
  start();
  const mails = await smtp.waitFor(2);
  const subjects = mails.map((mail) => parseMail(mail.raw).headers.subject).sort();
  expect(subjects).toEqual(['Qualified lead (60/100): bo@corp.com', 'Qualified lead (65/100): bo@corp.com']);
  expect(parseMail(mails[0]!.raw).parts[0]?.body).toContain('A lead reached the qualification score (60).');
});

test('an SMTP outage delays the handoff e-mail but does not lose it', async () => {
  const port = await freePort();
  const { kv, start, enqueue } = setup(`smtp://127.0.0.1:${port}`);
  await enqueue([{ type: 'handoff.requested', at: Date.now(), conversationId: 'conv-9', reason: 'call me' }]);
  start();
  // Nothing listens yet: the first attempt fails and the job waits in Redis for its retry.
  await until(async () => JSON.parse((Object.values(await hashOf(kv)) as string[])[0] ?? '{}').attempts >= 1);
  const smtp = await startSmtp(port);
  servers.push(smtp);
  const [mail] = await smtp.waitFor(1);
  expect(parseMail(mail!.raw).headers.subject).toBe('Handoff requested: a prospect');
  await until(async () => (await kvOne<number>(kv, ['ZCARD', notifyKeys.queue(kv)])) === 0);
});

async function hashOf(kv: Kv): Promise<Record<string, string>> {
  const flat = await kvOne<string[]>(kv, ['HGETALL', notifyKeys.jobs(kv)]);
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!;
  return out;
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
