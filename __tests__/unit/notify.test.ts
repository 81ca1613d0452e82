/** @jest-environment node */
import { ConfigError } from '@/lib/config';
import { invitesAreEmailed, parseNotifyConfig } from '@/lib/config-notify';
import { renderMail } from '@/lib/notify/mail';
import { nextAttemptAt } from '@/lib/notify/queue';
import { cancelBooking, createBooking } from '@/lib/sales/booking';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { webhookPayload } from '@/lib/webhooks/delivery';

describe('parseNotifyConfig', () => {
  it('runs with nothing set: no e-mail, strict webhooks, the default schedule', () => {
    const config = parseNotifyConfig({});
    expect(config.smtp).toBeUndefined();
    expect(invitesAreEmailed(config)).toBe(false);
    expect(config.leadQualifiedScore).toBe(60);
    expect(config.queue).toEqual({ maxAttempts: 8, retryScheduleMs: [5_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000], pollMs: 30_000 });
    expect(config.webhooks).toEqual({ timeoutMs: 10_000, logSize: 50, allowPrivate: false, allowedHosts: [], allowHttp: false });
  });

  it('reads SMTP, recipients, flags and host lists', () => {
    const config = parseNotifyConfig({
      SMTP_URL: 'smtps://u:p@smtp.example.com:465',
      NOTIFY_EMAIL_TO: 'a@x.com, b@x.com',
      NOTIFY_SEND_INVITES: 'off',
      NOTIFY_RETRY_SCHEDULE: '250ms, 2s,1m',
      WEBHOOK_ALLOWED_HOSTS: 'Hooks.Internal [::1]',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    expect(config.smtp).toEqual({ url: 'smtps://u:p@smtp.example.com:465', from: undefined, to: ['a@x.com', 'b@x.com'], sendInvites: false });
    expect(invitesAreEmailed(config)).toBe(false);
    expect(invitesAreEmailed(parseNotifyConfig({ SMTP_URL: 'smtp://localhost:25' }))).toBe(true);
    expect(config.queue.retryScheduleMs).toEqual([250, 2_000, 60_000]);
    expect(config.webhooks).toMatchObject({ allowedHosts: ['hooks.internal', '::1'], allowPrivate: true });
  });

  it.each([
    [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL'],
    [{ NOTIFY_EMAIL_TO: 'sales team' }, 'NOTIFY_EMAIL_TO'],
    [{ NOTIFY_RETRY_SCHEDULE: '5 minutes' }, 'NOTIFY_RETRY_SCHEDULE'],
    [{ WEBHOOK_ALLOW_PRIVATE: 'maybe' }, 'WEBHOOK_ALLOW_PRIVATE'],
    [{ LEAD_QUALIFIED_SCORE: '0' }, 'LEAD_QUALIFIED_SCORE'],
  ])('stops with a message naming the bad variable: %j', (env, variable) => {
    expect(() => parseNotifyConfig(env)).toThrow(ConfigError);
    expect(() => parseNotifyConfig(env)).toThrow(new RegExp(`${variable}`));
  });
});

describe('nextAttemptAt', () => {
  const schedule = [5_000, 30_000, 120_000];
  it('follows the schedule, the last delay repeating, with ±20 % jitter, until the attempts run out', () => {
    expect(nextAttemptAt({ attempts: 0, maxAttempts: 5 }, schedule, 1_000, () => 0.5)).toBe(6_000);
    expect(nextAttemptAt({ attempts: 1, maxAttempts: 5 }, schedule, 0, () => 0.5)).toBe(30_000);
    expect(nextAttemptAt({ attempts: 3, maxAttempts: 5 }, schedule, 0, () => 0.5)).toBe(120_000);
    expect(nextAttemptAt({ attempts: 0, maxAttempts: 5 }, schedule, 0, () => 0)).toBe(4_000);
    expect(nextAttemptAt({ attempts: 0, maxAttempts: 5 }, schedule, 0, () => 0.999_999)).toBe(6_000);
    expect(nextAttemptAt({ attempts: 4, maxAttempts: 5 }, schedule, 0)).toBeNull();
    expect(nextAttemptAt({ attempts: 0, maxAttempts: 1 }, schedule, 0)).toBeNull();
  });
});

describe('webhookPayload', () => {
  it('is { type, timestamp, data } without the visitor id', () => {
    expect(
      webhookPayload({ type: 'handoff.requested', at: 0, conversationId: 'c', visitorId: 'v', reason: 'price', email: 'a@b.co' }),
    ).toEqual({ type: 'handoff.requested', timestamp: '1970-01-01T00:00:00.000Z', data: { conversationId: 'c', reason: 'price', email: 'a@b.co' } });
  });
});

describe('renderMail', () => {
  const kb = getKnowledgeBase();
  const smtp = { url: 'smtp://x', from: undefined, to: [], sendInvites: true };
  it('sends the team e-mails to the knowledge base handoff address from the company when nothing is configured', async () => {
    const mail = await renderMail({ template: 'handoff', event: { type: 'handoff.requested', at: 0, reason: 'pricing' } }, { kb, smtp });
    expect(mail.to).toEqual([kb.policies.handoff.email]);
    expect(mail.from).toBe(`"${kb.company.name} Sales" <${kb.company.salesEmail}>`);
    expect(mail.subject).toBe('Handoff requested: a prospect');
    expect(mail.text).toContain('Prospect e-mail: not given yet');
    expect(mail.replyTo).toBeUndefined();
  });
  it('shows the lead the handoff carries when the store knows less of it (a handoff held through an outage)', async () => {
    const fact = (value: string | number, evidence: string) => ({ value, evidence, confidence: 0.9, asked: false, capturedAt: 0 });
    const carried = { fields: { name: fact('Ana Ruiz', 'soy Ana Ruiz'), company: fact('Acme', 'de Acme'), teamSize: fact(40, 'somos 40') }, score: 55 };
    const event = { type: 'handoff.requested' as const, at: 0, conversationId: 'c1', reason: 'pricing', email: 'ana@acme.com', lead: carried };
    // The store's copy lacks what was said during the outage: the event's lead is shown.
    const older = { fields: { name: fact('Ana Ruiz', 'soy Ana Ruiz') }, score: 10, reasons: [], updatedAt: 0 };
    const held = await renderMail({ template: 'handoff', event }, { kb, smtp, loadLead: async () => older });
    expect(held.text).toContain('Lead (score 55/100):');
    expect(held.text).toContain('- teamSize: 40 (90%) — “somos 40”');
    expect(held.text).toContain('- company: Acme (90%)');
    // The store's copy knows more (the conversation went on before the mail was sent): it is shown.
    const newer = { fields: { ...carried.fields, budget: fact('5000', 'unos 5000') }, score: 70, reasons: [], updatedAt: 0 };
    const later = await renderMail({ template: 'handoff', event }, { kb, smtp, loadLead: async () => newer });
    expect(later.text).toContain('Lead (score 70/100):');
    expect(later.text).toContain('- budget: 5000 (90%)');
  });
  it("attaches the team's invite and cancellation in English, for the same event as the prospect's", async () => {
    const now = Date.UTC(2026, 11, 1, 12, 0);
    const made = createBooking({ email: 'ana@acme.com', preferredTimes: ['jueves a las 10'], timezone: 'Europe/Madrid', now, kb, locale: 'es' });
    if (!made.ok) throw new Error(made.message);
    const { createdAt: _createdAt, ...booking } = made.booking;
    const line = (ics: string, name: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').find((entry) => entry.startsWith(`${name}:`));
    expect(line(booking.ics, 'SUMMARY')).toBe(`SUMMARY:Demo de ${kb.company.name}`);
    const mail = await renderMail({ template: 'booking', event: { type: 'meeting.booked', at: now, booking } }, { kb, smtp });
    const team = mail.attachments?.[0]?.content ?? '';
    expect(line(team, 'SUMMARY')).toBe(`SUMMARY:${kb.company.name} demo`);
    expect(line(team, 'DESCRIPTION')).toMatch(/^DESCRIPTION:A 30-minute call with the .* sales team \(Thu\b/);
    for (const name of ['UID', 'DTSTART', 'DTEND', 'SEQUENCE', 'METHOD']) expect(line(team, name)).toBe(line(booking.ics, name));

    const { createdAt: _at, ...cancelled } = cancelBooking(made.booking, { now: now + 60_000, kb, locale: 'es' });
    if (cancelled.cancelledAt === undefined) throw new Error('not cancelled');
    const cancelMail = await renderMail({ template: 'cancelled', event: { type: 'meeting.cancelled', at: now + 60_000, booking: { ...cancelled, cancelledAt: cancelled.cancelledAt } } }, { kb, smtp });
    const teamCancel = cancelMail.attachments?.[0]?.content ?? '';
    expect(line(teamCancel, 'SUMMARY')).toBe(`SUMMARY:${kb.company.name} demo`);
    for (const name of ['UID', 'SEQUENCE', 'METHOD', 'STATUS']) expect(line(teamCancel, name)).toBe(line(cancelled.ics, name));
  });
  it('tells the team a meeting moved, and where from', async () => {
    const booking = { id: 'bk_1', email: 'ana@acme.com', start: '2026-11-30T09:00:00.000Z', durationMinutes: 30, timezone: 'Europe/Madrid', localLabel: 'Mon, Nov 30, 10:00 AM (Europe/Madrid)', ics: 'ICS' };
    const moved = await renderMail({ template: 'booking', event: { type: 'meeting.booked', at: 0, booking: { ...booking, sequence: 1, movedFrom: 'Fri, Nov 27, 11:00 AM (Europe/Madrid)' } } }, { kb, smtp });
    expect(moved.text).toContain('Moved from Fri, Nov 27, 11:00 AM (Europe/Madrid); the attached invite updates it in the calendar.');
    const fresh = await renderMail({ template: 'booking', event: { type: 'meeting.booked', at: 0, booking } }, { kb, smtp });
    expect(fresh.text).not.toContain('Moved from');
    const corrected = await renderMail({ template: 'booking', event: { type: 'meeting.booked', at: 0, booking: { ...booking, email: 'ana.r@acme.com', sequence: 1, previousEmail: 'ana@acme.com' } } }, { kb, smtp });
    expect(corrected.text).toContain('Booked before for ana@acme.com; the attached invite is for the corrected address.');
    expect(corrected.text).not.toContain('Moved from');
    expect(corrected.replyTo).toBe('ana.r@acme.com');
  });
});
