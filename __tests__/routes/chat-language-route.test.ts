/** @jest-environment node */
// The reply's language is decided once per turn (lib/chat/turn.ts): a prospect who writes Spanish on the English page
// gets the booking and its cancellation worded in Spanish, and the events say so (source.language), so the invite and
// cancellation e-mails they receive are in Spanish too; "can we continue in English?" on the German page does the same
// for English.
import { drainEvents, subscribeEvents } from '@/lib/events/bus';
import type { AppEvent } from '@/lib/events/schema';
import { renderMail } from '@/lib/notify/mail';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { readUIChunks, textOf } from '../support/sse';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

process.env.OFFLINE_WORD_DELAY_MS = '0';
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.APP_ORIGIN = 'http://localhost';
delete process.env.OPENAI_API_KEY;
delete process.env.UPSTASH_REDIS_REST_URL;

let route: typeof import('@/app/api/v1/chat/route');
const published: AppEvent[] = [];
beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  subscribeEvents('test-chat-language', (events) => void published.push(...events));
  route = await import('@/app/api/v1/chat/route');
});

async function chat(id: string, visitor: { authorization: string }, text: string, locale: string) {
  const response = await route.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization },
      body: JSON.stringify({ id, locale, timeZone: 'Europe/Madrid', message: { id: `m-${Math.random()}`, role: 'user', parts: [{ type: 'text', text }] } }),
    }),
  );
  expect(response.status).toBe(200);
  const text_ = textOf(await readUIChunks(response));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await drainEvents();
  return text_;
}

const smtp = { url: 'smtp://x', from: undefined, to: [], sendInvites: true };
const kb = getKnowledgeBase();
type Of<T extends AppEvent['type']> = Extract<AppEvent, { type: T }>;

test('Spanish on the English page: the booking, its cancellation and both e-mails to the prospect are in Spanish', async () => {
  const visitor = await visitorHeaders();
  const id = newConversationId();
  const booked = await chat(id, visitor, 'Hola, me llamo Ana y quiero reservar una demo el jueves a las 10. Mi correo es ana@acme.es', 'en');
  expect(booked).toMatch(/jueves, \d+ de \p{L}+, 10:00 \(Europe\/Madrid\)/u);
  const booking = published.find((event): event is Of<'meeting.booked'> => event.type === 'meeting.booked' && event.conversationId === id);
  expect(booking?.source).toMatchObject({ locale: 'en', language: 'es' });
  expect(booking?.booking.localLabel).toMatch(/^jueves, \d+ de \p{L}+, 10:00 \(Europe\/Madrid\)$/u);
  const invite = await renderMail({ template: 'invite', event: booking! }, { kb, smtp });
  expect(invite.subject).toMatch(/^Invitación: demo de Northwind\b.*jueves/);

  const cancelled = await chat(id, visitor, '¿podemos cancelarla?', 'en');
  expect(cancelled).toMatch(/jueves, \d+ de \p{L}+, 10:00/u);
  expect(cancelled).not.toMatch(/\bThu\b/);
  const cancel = published.find((event): event is Of<'meeting.cancelled'> => event.type === 'meeting.cancelled' && event.conversationId === id);
  expect(cancel?.source).toMatchObject({ locale: 'en', language: 'es' });
  const mail = await renderMail({ template: 'cancel-invite', event: cancel! }, { kb, smtp });
  expect(mail.subject).toMatch(/^Cancelada: demo de Northwind\b.*jueves/);
  // The sales team's copy stays in English, and says which language the prospect wrote in.
  const team = await renderMail({ template: 'cancelled', event: cancel! }, { kb, smtp });
  expect(team.text).toContain('en → es');
  // Its date is the team's language too, not the prospect's ("jueves…").
  expect(team.subject).toMatch(/^Demo cancelled: Thu, \w+ \d+, 10:00 AM \(Europe\/Madrid\) with ana@acme\.es$/);
  const teamBooking = await renderMail({ template: 'booking', event: booking! }, { kb, smtp });
  expect(teamBooking.subject).toMatch(/^Demo booked: Thu, \w+ \d+, 10:00 AM \(Europe\/Madrid\) with ana@acme\.es$/);
  expect(teamBooking.text).not.toContain('jueves');
});

test('"Can we continue in English?" on the German page: English from then on, for the tools and the events too', async () => {
  const visitor = await visitorHeaders();
  const id = newConversationId();
  expect(await chat(id, visitor, 'Hallo, können wir auf Englisch weitermachen?', 'de')).toContain('continue in English');
  const booked = await chat(id, visitor, 'Please book a demo on Thursday at 10am, my email is tom@acme.de', 'de');
  expect(booked).toMatch(/Thu, \w+ \d+, 10:00 AM \(Europe\/Madrid\)/);
  const booking = published.find((event): event is Of<'meeting.booked'> => event.type === 'meeting.booked' && event.conversationId === id);
  expect(booking?.source).toMatchObject({ locale: 'de', language: 'en' });
  expect((await renderMail({ template: 'invite', event: booking! }, { kb, smtp })).subject).toMatch(/^Invitation: Northwind\b.* demo, Thu/);
});

test('a prospect who writes the page\'s language: no `language` on the events', async () => {
  const visitor = await visitorHeaders();
  const id = newConversationId();
  await chat(id, visitor, 'Wie viel kostet Pro für 12 Personen?', 'de');
  const events = published.filter((event) => event.conversationId === id);
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) expect(event.source).toEqual({ locale: 'de', agent: 'offline' });
});
