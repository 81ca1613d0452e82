import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import { beginTurn, endTurn } from '@/lib/sales/brain';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import { emptySalesState, type SalesState } from '@/lib/sales/state';
import { bookMeeting, cancelMeeting, captureLead, createSalesTools, getPricing, requestHuman } from '@/lib/sales/tools';
import { createStateLedger, type SalesTurnContext, type StateUpdate } from '@/lib/sales/turn-state';

/** The brain and the tools return the new state and the events; nothing changes the state it was given. */

const NOW = Date.parse('2026-11-24T12:00:00Z');
const TEXT = "I'm Ana from Acme, we are 20 people. My email is ana@acme.com. Book a demo Friday at 11am Europe/Madrid";
const context: SalesTurnContext = { conversationId: 'c', locale: 'en', kb: getKnowledgeBase(), userMessages: [{ id: 'u1', text: TEXT }], now: () => NOW, invitesByEmail: true };
const message: SalesUIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: TEXT }] };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('a timeline given with other facts is not the timing objection, in every language', () => {
  // Each knowledge base lists "next quarter" among the timing objection's keywords ("not now, next quarter").
  it.each([
    ['en', "We're aiming for next quarter, 25 people", 'other'],
    ['es', 'Queremos empezar el próximo trimestre, somos 25', 'other'],
    ['fr', 'On vise le trimestre prochain, nous sommes 25', 'other'],
    ['de', 'Wir planen für nächstes Quartal, wir sind 25 Leute', 'other'],
    ['ar', 'نخطط للربع القادم، نحن 25 شخصا', 'other'],
    ['fr', 'Pas maintenant, peut-être le trimestre prochain', 'objection'],
    ['de', 'Nicht jetzt, vielleicht nächstes Quartal', 'objection'],
  ] as const)('%s "%s" → %s, with the timeline recorded', (locale, text, intent) => {
    const localized: SalesTurnContext = { ...context, locale, kb: getLocalizedKnowledgeBase(locale), userMessages: [{ id: 'u9', text }] };
    const { state, plan } = beginTurn(emptySalesState(0), localized, { history: [], userMessage: { id: 'u9', role: 'user', parts: [{ type: 'text', text }] }, tokenBudget: 6_000 });
    expect(plan.intent).toBe(intent);
    expect(state.lead.fields.timeline).toBeDefined();
  });
});

describe('pure turn steps', () => {
  it('beginTurn returns the captured lead and the stage move as events, leaving its input as it was', () => {
    const state = deepFreeze(emptySalesState(0));
    const { state: next, events, plan } = beginTurn(state, context, { history: [], userMessage: message, tokenBudget: 6_000 });
    expect(state).toEqual(emptySalesState(0));
    expect(next.lead.fields.email?.value).toBe('ana@acme.com');
    expect(next.lead.fields.company?.value).toBe('Acme');
    expect(events[0]?.type).toBe('data-lead');
    expect(events.slice(1).every((event) => event.type === 'data-stage')).toBe(true);
    expect(events[0]).toMatchObject({ data: { changed: expect.arrayContaining(['email', 'company', 'teamSize']) } });
    expect(next.stage).not.toBe('greeting');
    expect(plan.instructions).toContain('ana@acme.com');
    const ended = endTurn(deepFreeze(next), plan, 'When are you hoping to have something in place?');
    expect(ended.state.lastAskedField).toBe('timeline');
    expect(ended.events).toEqual([]);
  });

  it('each tool is (state, context, input) → { state, events, output }', () => {
    const state = deepFreeze(beginTurn(emptySalesState(0), context, { history: [], userMessage: message, tokenBudget: 6_000 }).state);
    const priced = getPricing(state, context, { plan: 'Pro', seats: 20, billing: 'annual' });
    expect(priced.output).toMatchObject({ ok: true, annualTotal: 5_760 });
    expect(priced.state.quoted).toEqual([{ planId: 'pro', seats: 20, billing: 'annual' }]);
    expect(state.quoted).toBeUndefined();

    const captured = captureLead(state, context, { role: 'Chief Wizard', name: 'Ana' });
    expect(captured.output.rejected.map((entry) => entry.field)).toEqual(['role']);

    const booked = bookMeeting(state, context, { email: 'ana@acme.com', preferredTimes: ['Friday at 11am'], timezone: 'Europe/Madrid' });
    expect(booked.output.ok).toBe(true);
    expect(booked.events[0]).toMatchObject({ type: 'data-booking', data: { email: 'ana@acme.com', ics: expect.stringContaining('BEGIN:VCALENDAR') } });
    expect(booked.events[0]).toMatchObject({ data: { emailed: true } });
    expect(booked.output).toMatchObject({ emailed: true, confirmation: expect.stringMatching(/An invite goes to ana@acme\.com\.$/) });
    // Without e-mailed invites the tool tells the model so: the card's .ics download is the invite.
    const quiet = bookMeeting(state, { ...context, invitesByEmail: false }, { email: 'ana@acme.com', preferredTimes: ['Friday at 11am'], timezone: 'Europe/Madrid' });
    expect(quiet.events[0]).toMatchObject({ type: 'data-booking', data: { emailed: false } });
    expect(quiet.output).toMatchObject({ emailed: false, confirmation: expect.stringContaining('No invite is e-mailed') });
    expect(JSON.stringify(quiet.output)).not.toMatch(/invite goes to/);
    expect(booked.state.bookings).toHaveLength(1);
    expect(state.bookings).toHaveLength(0);

    const handed = requestHuman(state, context, 'Wants a contract review');
    expect(handed.state.handoff).toEqual({ reason: 'Wants a contract review', at: NOW, email: 'ana@acme.com' });
    expect(handed.events[0]).toEqual({ type: 'data-handoff', data: { reason: 'Wants a contract review', email: 'ana@acme.com' } });
    expect(state.handoff).toBeUndefined();
  });

  it('book_meeting again while a meeting is ahead moves it: the same id and invite UID, the next SEQUENCE, one booking', () => {
    const state = deepFreeze(beginTurn(emptySalesState(0), context, { history: [], userMessage: message, tokenBudget: 6_000 }).state);
    const first = bookMeeting(state, context, { email: 'ana@acme.com', preferredTimes: ['Friday at 11am'], timezone: 'Europe/Madrid' });
    const booking = first.state.bookings[0];
    expect(booking?.sequence).toBeUndefined();
    expect(booking?.ics).toContain('SEQUENCE:0');
    const moved = bookMeeting(deepFreeze(first.state), context, { email: 'ana@acme.com', preferredTimes: ['Monday at 10am'], timezone: 'Europe/Madrid' });
    expect(moved.state.bookings).toHaveLength(1);
    const now = moved.state.bookings[0];
    expect(now).toMatchObject({ id: booking?.id, sequence: 1, movedFrom: booking?.localLabel, localLabel: 'Mon, Nov 30, 10:00 AM (Europe/Madrid)' });
    expect(now?.ics).toContain('SEQUENCE:1');
    expect(now?.ics).toContain(`UID:${booking?.id}@`);
    expect(moved.output).toMatchObject({ ok: true, movedFrom: booking?.localLabel, confirmation: expect.stringMatching(/^Moved from Fri, Nov 27, 11:00 AM \(Europe\/Madrid\) to Mon, Nov 30, 10:00 AM/) });
    expect(moved.events[0]).toMatchObject({ type: 'data-booking', data: { id: booking?.id, movedFrom: booking?.localLabel } });
    // Another address books a meeting of its own.
    const other = bookMeeting(first.state, { ...context, userMessages: [...context.userMessages, { id: 'u2', text: 'bo@acme.com' }] }, { email: 'bo@acme.com', preferredTimes: ['Monday at 10am'], timezone: 'Europe/Madrid' });
    expect(other.state.bookings.map((entry) => entry.email)).toEqual(['ana@acme.com', 'bo@acme.com']);
    // A time outside the meeting hours is booked at the nearest slot, and the tool says which was asked for and why.
    const late = bookMeeting(state, context, { email: 'ana@acme.com', preferredTimes: ['Friday at 8pm'], timezone: 'Europe/Madrid' });
    expect(late.output).toMatchObject({ ok: true, adjustedFor: 'outside_hours', requested: 'Friday at 8pm' });
  });

  it('book_meeting for a corrected address (the lead email now) takes over the meeting ahead: same slot and id, previousEmail, no move', () => {
    const state = deepFreeze(beginTurn(emptySalesState(0), context, { history: [], userMessage: message, tokenBudget: 6_000 }).state);
    const first = bookMeeting(state, context, { email: 'ana@acme.com', preferredTimes: ['Friday at 11am'], timezone: 'Europe/Madrid' });
    const booking = first.state.bookings[0]!;
    const withEmail = (email: string): SalesState => ({
      ...first.state,
      lead: { ...first.state.lead, fields: { ...first.state.lead.fields, email: { value: email, evidence: `it's actually ${email}`, confidence: 0.9, asked: false, capturedAt: NOW } } },
    });
    const said = { ...context, userMessages: [...context.userMessages, { id: 'u2', text: "sorry, it's actually ana.r@acme.com" }] };
    const fixed = bookMeeting(deepFreeze(withEmail('ana.r@acme.com')), said, { email: 'ana.r@acme.com', preferredTimes: [booking.start.slice(0, 10) + ' 11:00'], timezone: 'Europe/Madrid' });
    expect(fixed.state.bookings).toHaveLength(1);
    expect(fixed.state.bookings[0]).toMatchObject({ id: booking.id, start: booking.start, email: 'ana.r@acme.com', previousEmail: 'ana@acme.com', sequence: 1 });
    expect(fixed.state.bookings[0]?.movedFrom).toBeUndefined();
    expect(fixed.state.bookings[0]?.ics).toContain('mailto:ana.r@acme.com');
    expect(fixed.output).toMatchObject({ ok: true, previousEmail: 'ana@acme.com', confirmation: expect.stringMatching(/^The same meeting \(Fri, Nov 27, 11:00 AM \(Europe\/Madrid\)\), now for ana\.r@acme\.com instead of ana@acme\.com/) });
    expect(fixed.events[0]).toMatchObject({ type: 'data-booking', data: { id: booking.id, email: 'ana.r@acme.com', previousEmail: 'ana@acme.com' } });
    // A second address that is not the prospect's own (the lead email is still ana@) books a meeting of its own.
    const colleague = bookMeeting(first.state, { ...context, userMessages: [...context.userMessages, { id: 'u3', text: 'and one for bo@acme.com' }] }, { email: 'bo@acme.com', preferredTimes: ['Monday at 10am'], timezone: 'Europe/Madrid' });
    expect(colleague.state.bookings.map((entry) => entry.email)).toEqual(['ana@acme.com', 'bo@acme.com']);
  });

  it('cancel_meeting cancels the meeting ahead: the same id and UID, cancelledAt, a METHOD:CANCEL invite with the next SEQUENCE', () => {
    const state = deepFreeze(beginTurn(emptySalesState(0), context, { history: [], userMessage: message, tokenBudget: 6_000 }).state);
    // Nothing booked: nothing to cancel, and the state is as it was.
    const none = cancelMeeting(state, context, 'please cancel');
    expect(none.output).toMatchObject({ ok: false, code: 'no_meeting' });
    expect(none.state).toBe(state);
    expect(none.events).toEqual([]);

    const booked = bookMeeting(state, context, { email: 'ana@acme.com', preferredTimes: ['Friday at 11am'], timezone: 'Europe/Madrid' });
    const booking = booked.state.bookings[0]!;
    const cancelled = cancelMeeting(deepFreeze(booked.state), context, 'something came up');
    expect(cancelled.state.bookings).toHaveLength(1);
    const after = cancelled.state.bookings[0]!;
    expect(after).toMatchObject({ id: booking.id, start: booking.start, localLabel: booking.localLabel, sequence: 1, cancelledAt: NOW });
    expect(after.ics).toContain('METHOD:CANCEL');
    expect(after.ics).toContain('STATUS:CANCELLED');
    expect(after.ics).toContain('SEQUENCE:1');
    expect(after.ics).toContain(`UID:${booking.id}@`);
    expect(after.ics).not.toContain('METHOD:REQUEST');
    expect(cancelled.events).toEqual([
      {
        type: 'data-booking',
        data: { id: booking.id, email: 'ana@acme.com', localLabel: booking.localLabel, start: booking.start, ics: after.ics, emailed: true, cancelled: true, reason: 'something came up', lang: 'en', text: expect.objectContaining({ 'sales.booking.cancelledTitle': 'Demo cancelled' }) },
      },
    ]);
    expect(cancelled.output).toMatchObject({ ok: true, cancelled: booking.localLabel, emailed: true, confirmation: expect.stringContaining('A cancellation goes to ana@acme.com.') });
    // The booked state it was given is unchanged (pure).
    expect(booked.state.bookings[0]?.cancelledAt).toBeUndefined();
    // Named for another address, it is not this conversation's meeting: nothing is cancelled.
    const other = cancelMeeting(booked.state, context, undefined, 'bob@acme.com');
    expect(other.output).toMatchObject({ ok: false, code: 'no_meeting', message: expect.stringContaining('no upcoming meeting for bob@acme.com') });
    expect(other.state).toBe(booked.state);
    expect(cancelMeeting(booked.state, context, undefined, 'ANA@acme.com').output).toMatchObject({ ok: true });
    // Cancelled already: nothing left to cancel. Booking again makes a new meeting, not a move of the cancelled one.
    expect(cancelMeeting(cancelled.state, context).output).toMatchObject({ ok: false, code: 'no_meeting' });
    const again = bookMeeting(cancelled.state, context, { email: 'ana@acme.com', preferredTimes: ['Monday at 10am'], timezone: 'Europe/Madrid' });
    expect(again.state.bookings).toHaveLength(2);
    expect(again.state.bookings[1]).toMatchObject({ localLabel: 'Mon, Nov 30, 10:00 AM (Europe/Madrid)' });
    expect(again.state.bookings[1]?.id).not.toBe(booking.id);
    expect(again.state.bookings[1]?.movedFrom).toBeUndefined();
  });

  it('the tools hand their updates to the ledger, the one place that applies them, in order', async () => {
    const updates: StateUpdate[] = [];
    const ledger = createStateLedger(deepFreeze(emptySalesState(0)) as SalesState, (update) => updates.push(update));
    const tools = createSalesTools(context, ledger);
    const options = { toolCallId: 't1', messages: [], context: {} };
    await tools.get_pricing.execute?.({ plan: 'Pro', seats: 5, billing: 'monthly' }, options);
    await tools.request_human.execute?.({ reason: 'Asked for a person' }, options);
    expect(updates).toHaveLength(2);
    expect(ledger.state.quoted).toHaveLength(1);
    expect(ledger.state.handoff?.reason).toBe('Asked for a person');
    expect(updates[1]?.events.map((event) => event.type)).toEqual(['data-handoff', 'data-stage']);
  });

  it('no file of the sales brain or the agents assigns to a shared state', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    const root = join(__dirname, '../..');
    for (const file of [...files(join(root, 'lib/sales')), ...files(join(root, 'lib/llm')), ...files(join(root, 'lib/chat'))]) {
      if (!file.endsWith('.ts')) continue;
      const source = readFileSync(file, 'utf8');
      expect({ file, assigns: /\b(session|input|args|context)\.state\s*=[^=]/.test(source) }).toEqual({ file, assigns: false });
      expect({ file, session: /SalesSession\b/.test(source) }).toEqual({ file, session: false });
    }
  });
});
