/** @jest-environment node */
// A real turn through startChatTurn (the offline agent, the in-memory store) publishes the turn's business events to
// the event bus after the reply is stored: what analytics, webhooks and mail read.
import type { UIMessageChunk } from 'ai';
import { startChatTurn } from '@/lib/chat/turn';
import { turnEvents } from '@/lib/chat/turn-events';
import { drainEvents, subscribeEvents } from '@/lib/events/bus';
import { appEventSchema, type AppEvent } from '@/lib/events/schema';
import { createSalesAgent } from '@/lib/llm';
import { turnNotice } from '@/lib/sales/prompts';
import { emptySalesState } from '@/lib/sales/state';
import { createMemoryStore } from '@/lib/store/memory';
import { NO_TURN_LIMITS } from '../support/visitor';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const storeOptions = { prefix: 'ev:', conversationTtlSeconds: 3600, maxMessages: 100 };
const agent = createSalesAgent({ provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 0, contextTokens: 6_000 }, { now: () => NOW });

let published: AppEvent[] = [];
let unsubscribe: () => void;
beforeEach(() => {
  published = [];
  unsubscribe = subscribeEvents('test-turn-events', (events) => void published.push(...events));
});
afterEach(() => unsubscribe());

async function turn(store: ReturnType<typeof createMemoryStore>, id: string, text: string, extra: Partial<Parameters<typeof startChatTurn>[0]> = {}) {
  let stored!: () => void;
  const done = new Promise<void>((resolve) => (stored = resolve));
  const stream = await startChatTurn({
    conversationId: id,
    visitorId: 'visitor-events',
    message: { id: `m-${Math.random().toString(36).slice(2)}`, text },
    store,
    agent,
    limits: NO_TURN_LIMITS,
    now: () => NOW,
    onStored: () => stored(),
    source: { page: '/pricing', utm: { source: 'newsletter' } },
    ...extra,
  });
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  await done;
  await drainEvents();
  return chunks;
}

const ofType = <T extends AppEvent['type']>(type: T) => published.filter((event): event is Extract<AppEvent, { type: T }> => event.type === type);

describe('the chat turn publishes its events', () => {
  it('a first turn: started, both messages in characters, stage, the lead captured, the topic, first-token latency', async () => {
    const store = createMemoryStore(storeOptions);
    const text = "I'm Maria Lopez from Acme Logistics, my email is maria@acme.example. How much is the Pro plan for 25 people?";
    await turn(store, 'events-0001', text, { receivedAt: NOW - 40 });

    for (const event of published) expect(appEventSchema.safeParse(event).success).toBe(true);
    const types = published.map((event) => event.type);
    expect(types[0]).toBe('conversation.started');
    expect(ofType('message')).toEqual([
      expect.objectContaining({ role: 'user', chars: text.length }),
      expect.objectContaining({ role: 'assistant', chars: expect.any(Number) }),
    ]);
    expect(ofType('stage.changed').length).toBeGreaterThan(0);
    const [captured] = ofType('lead.captured');
    expect(captured?.lead.fields.email).toMatchObject({ value: 'maria@acme.example' });
    expect(captured?.lead.fields.company).toMatchObject({ value: 'Acme Logistics' });
    expect(ofType('topic')).toContainEqual(expect.objectContaining({ kind: 'question', id: 'plan:pro' }));
    expect(ofType('latency')).toEqual([expect.objectContaining({ metric: 'first_token', ms: 40 })]);
    // Every event carries the source: page and utm from the request, locale and agent from the turn.
    for (const event of published) {
      expect(event).toMatchObject({ conversationId: 'events-0001', visitorId: 'visitor-events', source: { page: '/pricing', utm: { source: 'newsletter' }, locale: 'en', agent: 'offline' } });
    }
    // Never the prospect's words outside the lead's evidence.
    expect(JSON.stringify(ofType('message'))).not.toContain('Maria');
  });

  it('a later turn: no second start; the lead updated with the changed fields; a booking with its invite; a handoff; an objection', async () => {
    const store = createMemoryStore(storeOptions);
    await turn(store, 'events-0002', 'My email is sam@northpeak.example');
    published = [];
    await turn(store, 'events-0002', 'We are 40 people. Book a demo Friday at 11am Europe/Madrid please');
    expect(ofType('conversation.started')).toEqual([]);
    expect(ofType('lead.updated')).toEqual([expect.objectContaining({ changed: ['teamSize'] })]);
    expect(ofType('meeting.booked')).toEqual([expect.objectContaining({ booking: expect.objectContaining({ email: 'sam@northpeak.example', ics: expect.stringContaining('BEGIN:VCALENDAR') }) })]);

    published = [];
    await turn(store, 'events-0002', "Honestly, it's too expensive for us.");
    expect(ofType('topic')).toContainEqual(expect.objectContaining({ kind: 'objection', id: 'too-expensive' }));
    published = [];
    await turn(store, 'events-0002', 'Can I talk to a human?');
    expect(ofType('handoff.requested')).toEqual([expect.objectContaining({ email: 'sam@northpeak.example' })]);
    // Calling the demo off: one meeting.cancelled with the booking's id and its cancellation, no meeting.booked.
    const [booked] = (await store.getConversation({ id: 'events-0002' }))?.state?.bookings ?? [];
    published = [];
    await turn(store, 'events-0002', 'Please cancel the demo, something came up');
    expect(ofType('meeting.booked')).toEqual([]);
    expect(ofType('meeting.cancelled')).toEqual([
      expect.objectContaining({ booking: expect.objectContaining({ id: booked?.id, email: 'sam@northpeak.example', cancelledAt: expect.any(Number), ics: expect.stringContaining('METHOD:CANCEL') }) }),
    ]);
    for (const event of published) expect(appEventSchema.safeParse(event).success).toBe(true);
  });

  it('the spend cap answers offline and says so; a store that cannot save reports not_saved', async () => {
    const store = createMemoryStore(storeOptions);
    const openai = { ...agent, kind: 'openai' as const };
    const capped = { ...NO_TURN_LIMITS, budget: { ...NO_TURN_LIMITS.budget, spendCapDailyUsd: 0.000001 } };
    // Today's spend, recorded by another visitor's conversation (not this one: a conversation stored without a claim is
    // nobody's to take, lib/store/memory.ts).
    await store.appendMessages({ id: 'events-0003-other', messages: [], now: NOW, usage: { visitorId: 'someone', day: '2026-11-24', tokens: 0, spendMicroUsd: 5, newConversation: false } }).catch(() => undefined);
    await turn(store, 'events-0003', 'Hi there', { agent: openai, offlineAgent: agent, limits: capped });
    expect(ofType('fallback.offline')).toEqual([expect.objectContaining({ reason: 'spend_cap', source: expect.objectContaining({ agent: 'offline' }) })]);

    published = [];
    const broken = createMemoryStore(storeOptions);
    broken.appendMessages = async () => {
      throw new Error('store down');
    };
    await turn(broken, 'events-0004', 'Hello', { writeRetryDelaysMs: [] });
    expect(ofType('error')).toEqual([expect.objectContaining({ code: 'not_saved' })]);
  });

  it('a first message while the store cannot be read still starts a conversation (its lead is counted, so must it be)', async () => {
    const down = createMemoryStore(storeOptions);
    down.loadTurn = async () => {
      throw new Error('store down');
    };
    down.appendMessages = async () => {
      throw new Error('store down');
    };
    await turn(down, 'events-0005', "I'm Ana Ruiz from Acme, ana@acme.example", { writeRetryDelaysMs: [], firstMessage: true });
    expect(ofType('conversation.started')).toEqual([expect.objectContaining({ conversationId: 'events-0005' })]);
    expect(ofType('lead.captured')).toHaveLength(1);
    // A later message of it (the client does not say "first") starts nothing.
    published = [];
    await turn(down, 'events-0005', 'How much is Pro?', { writeRetryDelaysMs: [] });
    expect(ofType('conversation.started')).toEqual([]);
  });

  it("says what was not read or saved in the language the prospect chats in, not the page's", async () => {
    const down = createMemoryStore(storeOptions);
    down.loadTurn = async () => {
      throw new Error('store down');
    };
    down.appendMessages = async () => {
      throw new Error('store down');
    };
    const chunks = await turn(down, 'events-0006', 'Hola, ¿cuánto cuesta el plan Pro para 12 personas?', { writeRetryDelaysMs: [], locale: 'en' });
    const notices = chunks.flatMap((chunk) => (chunk.type === 'data-notice' ? [(chunk as { data: { code: string; message: string } }).data] : []));
    expect(notices).toEqual([
      { code: 'history_unavailable', message: turnNotice('history_unavailable', 'es'), level: expect.any(String) },
      { code: 'not_saved', message: turnNotice('not_saved', 'es'), level: expect.any(String) },
    ]);
    expect(turnNotice('not_saved', 'es')).not.toBe(turnNotice('not_saved', 'en'));
  });
});

describe('turnEvents', () => {
  it('announces a meeting moved to a new time once, with where it was; an unchanged booking is not announced again', () => {
    const before = emptySalesState(0);
    const booking = { id: 'bk_1', email: 'ana@acme.com', start: '2026-11-27T10:00:00.000Z', durationMinutes: 30, timezone: 'Europe/Madrid', localLabel: 'Fri, 27 Nov, 11:00 (Europe/Madrid)', ics: 'ICS', createdAt: 0 };
    const base = { at: 1, conversationId: 'c', visitorId: 'v', source: {}, firstTurn: false, answered: [], objections: [], errors: [] };
    const booked = { ...before, bookings: [booking] };
    expect(turnEvents({ ...base, before, after: booked }).filter((event) => event.type === 'meeting.booked')).toHaveLength(1);
    expect(turnEvents({ ...base, before: booked, after: booked }).filter((event) => event.type === 'meeting.booked')).toEqual([]);
    const moved = { ...booked, bookings: [{ ...booking, start: '2026-11-30T09:00:00.000Z', localLabel: 'Mon, 30 Nov, 10:00 (Europe/Madrid)', sequence: 1, movedFrom: booking.localLabel }] };
    const events = turnEvents({ ...base, before: booked, after: moved }).filter((event) => event.type === 'meeting.booked');
    expect(events).toEqual([expect.objectContaining({ booking: expect.objectContaining({ id: 'bk_1', sequence: 1, movedFrom: 'Fri, 27 Nov, 11:00 (Europe/Madrid)' }) })]);
    expect(appEventSchema.parse(events[0])).toMatchObject({ booking: { movedFrom: 'Fri, 27 Nov, 11:00 (Europe/Madrid)' } });
  });

  it('publishes nothing of the lead before it has an e-mail or a name and a company', () => {
    const before = emptySalesState(0);
    const fact = (value: string) => ({ value, evidence: value, confidence: 0.9, asked: false, capturedAt: 0 });
    const base = { at: 1, conversationId: 'c', visitorId: 'v', source: {}, firstTurn: false, before, answered: [], objections: [], errors: [] };
    const named = { ...before, lead: { ...before.lead, fields: { name: fact('Maria') } } };
    expect(turnEvents({ ...base, after: named }).map((event) => event.type)).toEqual([]);
    const company = { ...named, lead: { ...named.lead, fields: { ...named.lead.fields, company: fact('Acme') } } };
    expect(turnEvents({ ...base, before: named, after: company }).map((event) => event.type)).toEqual(['lead.captured']);
    const timeline = { ...company, lead: { ...company.lead, fields: { ...company.lead.fields, timeline: fact('next quarter') } } };
    expect(turnEvents({ ...base, before: company, after: timeline })).toEqual([expect.objectContaining({ type: 'lead.updated', changed: ['timeline'] })]);
  });
});
