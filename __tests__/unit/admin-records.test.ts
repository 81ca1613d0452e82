/** @jest-environment node */
// The admin's conversations and leads over the in-memory store: search, filters, cursor pages, transcripts, lead
// evidence, status with notes and history, and the privacy erasure.
import { readRatings, recordRating } from '@/lib/analytics/feedback';
import { deleteConversationRecord, forgetConversationRecord, getConversationDetail, listConversationRecords } from '@/lib/admin/conversations';
import { getLeadDetail, listLeadRecords, setLeadStatus } from '@/lib/admin/leads';
import { recordKeys, type RecordQuery, type RecordsDeps } from '@/lib/admin/records-index';
import type { RecordRow } from '@/lib/admin/records-types';
import { kvOne } from '@/lib/store/kv';
import { TTL_SECONDS, exchange, memoryDeps, salesState, storeConversation } from '../support/admin-records';

const MINUTE = 60_000;
const DAY = 86_400_000;

async function allPages(deps: RecordsDeps, query: Omit<RecordQuery, 'cursor'>, list = listConversationRecords): Promise<RecordRow[]> {
  const rows: RecordRow[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const page = await list(deps, { ...query, cursor });
    rows.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error('pagination did not end');
}

/** Six conversations an hour apart, the newest last: three leads, one with an accent, one with a formula. */
async function seed(deps: ReturnType<typeof memoryDeps>) {
  const base = deps.now();
  const next = async (title: string, lead?: Parameters<typeof storeConversation>[1]['lead']) => {
    const id = await storeConversation(deps.store, { at: deps.now(), title, lead });
    deps.clock.advance(3_600_000);
    return id;
  };
  const ids = {
    pricing: await next('How much is the Growth plan?'),
    maria: await next('We need onboarding automation', {
      stage: 'qualification',
      fields: { email: 'maria@acme.io', name: 'María López', company: 'Acme Logistics', teamSize: 25 },
    }),
    security: await next('Is my data encrypted at rest?', { stage: 'discovery' }),
    bob: await next('Can I get a demo next week?', { stage: 'closing', fields: { email: 'bob@globex.com', company: 'Globex' } }),
    spanish: await next('¿Tienen planes anuales?'),
    zed: await next('Pricing for 300 seats', { stage: 'recommendation', fields: { name: 'Zed', company: '=HYPERLINK("x")' } }),
  };
  return { base, ids };
}

describe('conversation list', () => {
  it('lists newest activity first with a cursor that walks every conversation exactly once', async () => {
    const deps = memoryDeps();
    const { ids } = await seed(deps);
    const first = await listConversationRecords(deps, { limit: 4 });
    expect(first.items.map((row) => row.id)).toEqual([ids.zed, ids.spanish, ids.bob, ids.security]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listConversationRecords(deps, { limit: 4, cursor: first.nextCursor });
    expect(second.items.map((row) => row.id)).toEqual([ids.maria, ids.pricing]);
    expect(second.nextCursor).toBeNull();
    const row = first.items.find((item) => item.id === ids.bob);
    expect(row).toMatchObject({ title: 'Can I get a demo next week?', stage: 'closing', email: 'bob@globex.com', company: 'Globex', hasLead: true, status: 'new', messageCount: 2 });
  });

  it('pages through conversations with the same last activity without skipping or repeating one', async () => {
    const deps = memoryDeps();
    const at = deps.now();
    const ids = await Promise.all(Array.from({ length: 7 }, (_, i) => storeConversation(deps.store, { at, title: `Same minute ${i}` })));
    deps.clock.advance(MINUTE);
    const rows = await allPages(deps, { limit: 2 });
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
  });

  it('finds conversations by words in the title, lead e-mail, name or company, ignoring case and accents', async () => {
    const deps = memoryDeps();
    const { ids } = await seed(deps);
    const search = async (q: string) => (await allPages(deps, { q, limit: 10 })).map((row) => row.id);
    expect(await search('GROWTH')).toEqual([ids.pricing]);
    expect(await search('acme.io')).toEqual([ids.maria]);
    expect(await search('maria lopez')).toEqual([ids.maria]);
    expect(await search('globex')).toEqual([ids.bob]);
    expect(await search('anuales')).toEqual([ids.spanish]);
    expect(await search('pricing')).toEqual([ids.zed]);
    expect(await search('nothing like this')).toEqual([]);
  });

  it('filters by stage and by a range of last activity', async () => {
    const deps = memoryDeps();
    const { base, ids } = await seed(deps);
    expect((await allPages(deps, { stage: 'closing', limit: 10 })).map((row) => row.id)).toEqual([ids.bob]);
    const range = await allPages(deps, { from: base + 1 * 3_600_000, to: base + 3 * 3_600_000, limit: 2 });
    expect(range.map((row) => row.id)).toEqual([ids.bob, ids.security, ids.maria]);
  });

  it('sees a conversation that moved on since the last look, and drops one its visitor erased', async () => {
    const deps = memoryDeps();
    const { ids } = await seed(deps);
    expect((await listConversationRecords(deps, { limit: 10 })).items).toHaveLength(6);

    const later = deps.now();
    await deps.store.appendMessages({
      id: ids.pricing,
      messages: exchange('I am Ann from Initech, ann@initech.com', 'Thanks Ann!', later),
      state: salesState(later, { stage: 'qualification', fields: { email: 'ann@initech.com', name: 'Ann', company: 'Initech' } }),
      now: later,
    });
    const owner = (await deps.store.getConversation({ id: ids.spanish }))?.meta.owner ?? '';
    await deps.store.deleteConversation({ id: ids.spanish, visitorId: owner });
    deps.clock.advance(MINUTE);

    const rows = (await listConversationRecords(deps, { limit: 10 })).items;
    expect(rows.map((row) => row.id)).toEqual([ids.pricing, ids.zed, ids.bob, ids.security, ids.maria]);
    expect(rows[0]).toMatchObject({ email: 'ann@initech.com', stage: 'qualification', hasLead: true });
    // The erased conversation's row (title, lead) is gone from the admin's index too.
    await expect(kvOne(deps.kv, ['GET', recordKeys(deps.kv).row(ids.spanish)])).resolves.toBeNull();
  });

  it('stops listing conversations once they expire', async () => {
    const deps = memoryDeps();
    const { ids } = await seed(deps);
    // Now is 6 h after the first conversation; this moves it to 1.5 h past the first one's TTL, 0.5 h past the second's.
    deps.clock.advance(TTL_SECONDS * 1_000 - 4 * 3_600_000 - 30 * MINUTE);
    expect((await allPages(deps, { limit: 10 })).map((row) => row.id)).toEqual([ids.zed, ids.spanish, ids.bob, ids.security]);
  });

  it('refuses a cursor it did not give out', async () => {
    const deps = memoryDeps();
    await expect(listConversationRecords(deps, { limit: 5, cursor: 'page-2' })).rejects.toMatchObject({ code: 'bad_request:admin' });
  });
});

describe('leads', () => {
  it('lists only conversations in which the prospect told us something, filtered by status', async () => {
    const deps = memoryDeps();
    const { ids } = await seed(deps);
    expect((await allPages(deps, { limit: 10 }, listLeadRecords)).map((row) => row.id)).toEqual([ids.zed, ids.bob, ids.maria]);

    await setLeadStatus(deps, { id: ids.bob, status: 'qualified', note: 'Budget confirmed on the call', by: 'ana@northwind.example' });
    expect((await allPages(deps, { status: 'qualified', limit: 10 }, listLeadRecords)).map((row) => row.id)).toEqual([ids.bob]);
    expect((await allPages(deps, { status: 'new', limit: 10 }, listLeadRecords)).map((row) => row.id)).toEqual([ids.zed, ids.maria]);
  });

  it('shows every field with its evidence sentence, confidence and the score with its reasons', async () => {
    const deps = memoryDeps();
    const { ids } = await seed(deps);
    const lead = await getLeadDetail(deps, ids.maria);
    expect(lead).toMatchObject({ id: ids.maria, stage: 'qualification', score: 40, status: 'new', history: [] });
    expect(lead?.reasons).toEqual(['email given', 'name given', 'company given', 'teamSize given']);
    expect(lead?.fields.map((field) => field.field)).toEqual(['name', 'email', 'company', 'teamSize']);
    expect(lead?.fields.find((field) => field.field === 'email')).toEqual({
      field: 'email',
      value: 'maria@acme.io',
      evidence: 'My email is maria@acme.io.',
      // The sentence's language, for its lang on the lead page (lib/admin/leads.ts).
      lang: 'en',
      confidence: 0.95,
      asked: true,
      capturedAt: expect.any(Number),
    });
    await expect(getLeadDetail(deps, ids.pricing)).resolves.toBeNull();
    await expect(getLeadDetail(deps, crypto.randomUUID())).resolves.toBeNull();
  });

  it('keeps every status change with its note, author and time, newest first', async () => {
    const deps = memoryDeps();
    const { ids } = await seed(deps);
    await setLeadStatus(deps, { id: ids.maria, status: 'contacted', note: 'Left a voicemail', by: 'ana@northwind.example' });
    deps.clock.advance(DAY);
    const lead = await setLeadStatus(deps, { id: ids.maria, status: 'lost', note: 'Chose a competitor', by: 'key:k1' });
    expect(lead?.status).toBe('lost');
    expect(lead?.history).toEqual([
      { status: 'lost', note: 'Chose a competitor', by: 'key:k1', at: deps.now() },
      { status: 'contacted', note: 'Left a voicemail', by: 'ana@northwind.example', at: deps.now() - DAY },
    ]);
    // The list says the new status at once.
    expect((await listLeadRecords(deps, { q: 'acme', limit: 5 })).items[0]?.status).toBe('lost');
    await expect(setLeadStatus(deps, { id: ids.pricing, status: 'qualified', note: '', by: 'x' })).resolves.toBeNull();
  });
});

describe('transcript', () => {
  it('shows tool calls, notices, stage changes, lead captures and bookings (and their cancellation) inline, and stage changes no message carries by time', async () => {
    const deps = memoryDeps();
    const at = deps.now();
    const id = await storeConversation(deps.store, {
      at,
      title: 'Price for 12 seats on Growth?',
      lead: { stage: 'recommendation', fields: { email: 'kim@hooli.com' } },
      extraParts: [
        { type: 'step-start' },
        { type: 'tool-get_pricing', toolCallId: 'c1', state: 'output-available', input: { planId: 'growth', seats: 12 }, output: { total: 288 } },
        { type: 'tool-book_meeting', toolCallId: 'c2', state: 'output-error', input: { email: 'kim@hooli.com' }, errorText: 'no free slot' },
        { type: 'data-notice', data: { level: 'warning', code: 'offline_fallback', message: 'Answered by the offline agent' } },
        { type: 'data-stage', data: { stage: 'recommendation', reason: 'moved to recommendation' } },
        { type: 'data-lead', data: { changed: ['email'], values: { email: 'kim@hooli.com' }, score: 10 } },
        { type: 'data-booking', data: { id: 'b1', email: 'kim@hooli.com', localLabel: 'Tue 10:00', start: '2026-11-03T09:00:00.000Z', ics: 'BEGIN:VCALENDAR' } },
        { type: 'data-booking', data: { id: 'b1', email: 'kim@hooli.com', localLabel: 'Tue 10:00', start: '2026-11-03T09:00:00.000Z', ics: 'BEGIN:VCALENDAR', cancelled: true } },
        { type: 'reasoning', text: 'internal' },
      ],
    });
    const state = salesState(at, { stage: 'closing', fields: { email: 'kim@hooli.com' } });
    state.stageHistory = [
      { from: 'greeting', to: 'recommendation', reason: 'moved to recommendation', at },
      { from: 'recommendation', to: 'closing', reason: 'asked for a demo', at: at + 5 },
    ];
    await deps.store.appendMessages({ id, messages: exchange('Book me for Tuesday', 'Done!', at + 10), state, now: at + 10 });

    const detail = await getConversationDetail(deps, id);
    expect(detail).toMatchObject({ id, stage: 'closing', messageCount: 4, lead: { email: 'kim@hooli.com', status: 'new', fields: 1 } });
    const transcript = detail?.transcript ?? [];
    expect(transcript.map((entry) => (entry.kind === 'message' ? entry.role : `stage→${entry.to}`))).toEqual([
      'user',
      'assistant',
      'stage→closing',
      'user',
      'assistant',
    ]);
    const reply = transcript[1];
    expect(reply?.kind === 'message' && reply.segments).toEqual([
      { kind: 'tool', name: 'get_pricing', state: 'output-available', input: '{"planId":"growth","seats":12}', output: '{"total":288}' },
      { kind: 'tool', name: 'book_meeting', state: 'output-error', input: '{"email":"kim@hooli.com"}', error: 'no free slot' },
      { kind: 'notice', level: 'warning', code: 'offline_fallback', message: 'Answered by the offline agent' },
      { kind: 'stage', to: 'recommendation', reason: 'moved to recommendation' },
      { kind: 'lead', changed: ['email'], score: 10 },
      { kind: 'booking', email: 'kim@hooli.com', localLabel: 'Tue 10:00', start: '2026-11-03T09:00:00.000Z' },
      { kind: 'booking', email: 'kim@hooli.com', localLabel: 'Tue 10:00', start: '2026-11-03T09:00:00.000Z', cancelled: true },
      { kind: 'text', text: 'Happy to help with that.' },
    ]);
    expect(transcript[2]).toEqual({ kind: 'stage', from: 'recommendation', to: 'closing', reason: 'asked for a demo', at: at + 5 });
    await expect(getConversationDetail(deps, crypto.randomUUID())).resolves.toBeNull();
  });
});

describe('privacy erasure', () => {
  it('erases the conversation, its lead, the status and notes, and its row', async () => {
    const deps = memoryDeps();
    const { ids } = await seed(deps);
    await setLeadStatus(deps, { id: ids.maria, status: 'contacted', note: 'Called', by: 'ana@northwind.example' });
    await recordRating({ kv: deps.kv, conversationId: ids.maria, messageId: 'a1', rating: 'up', ttlSeconds: 3_600 });
    await recordRating({ kv: deps.kv, conversationId: ids.security, messageId: 'a1', rating: 'down', ttlSeconds: 3_600 });
    await expect(deleteConversationRecord(deps, ids.maria)).resolves.toBe(true);
    // Its reply ratings go too; another conversation's stay.
    await expect(readRatings({ kv: deps.kv, conversationId: ids.maria })).resolves.toEqual({});
    await expect(readRatings({ kv: deps.kv, conversationId: ids.security })).resolves.toEqual({ a1: 'down' });

    await expect(deps.store.getConversation({ id: ids.maria })).resolves.toBeNull();
    const keys = recordKeys(deps.kv);
    const left = await deps.kv.exec([['EXISTS', keys.row(ids.maria), keys.status(ids.maria), keys.history(ids.maria)], ['ZSCORE', keys.index, ids.maria]]);
    expect(left).toEqual([0, null]);
    expect((await allPages(deps, { q: 'acme', limit: 5 }, listLeadRecords)).map((row) => row.id)).toEqual([]);
    await expect(deleteConversationRecord(deps, ids.maria)).resolves.toBe(false);
  });
});

test("a visitor's own erasure can drop the admin's row and notes at once", async () => {
  const deps = memoryDeps();
  const { ids } = await seed(deps);
  await listConversationRecords(deps, { limit: 10 });
  await setLeadStatus(deps, { id: ids.bob, status: 'contacted', note: 'Called', by: 'ana@northwind.example' });
  const keys = recordKeys(deps.kv);
  await recordRating({ kv: deps.kv, conversationId: ids.bob, messageId: 'b1', rating: 'up', ttlSeconds: 3_600 });
  await forgetConversationRecord(ids.bob, deps);
  await expect(readRatings({ kv: deps.kv, conversationId: ids.bob })).resolves.toEqual({});
  await expect(deps.kv.exec([['EXISTS', keys.row(ids.bob), keys.status(ids.bob), keys.history(ids.bob)]])).resolves.toEqual([0]);
});
