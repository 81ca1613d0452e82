import 'server-only';
import { getServerConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import { getConversationStore, type Conversation, type ConversationMeta, type ConversationStore } from '@/lib/store';
import { decodeMessages, decodeState } from '@/lib/store/conversation-data';
import { conversationKeys } from '@/lib/store/keys';
import { getKv, kvHash, kvKey, kvOne, type Kv, type KvCommand } from '@/lib/store/kv';
import { isLeadStatus, type LeadStatus, type RecordPage, type RecordRow } from './records-types';
import { RECORD_CURSOR } from './record-query';

/**
 * The admin's index of conversations, for searching and listing them (docs/admin.md, "Conversations and leads").
 *
 * The conversation store lists conversations by recency only, and the fields an admin searches (lead e-mail, name,
 * company, stage) live inside each conversation's sales state. Reading 10,000 states per search would move megabytes;
 * instead each conversation has a small row here (~300 bytes of JSON, with the conversation's own expiry) and a sorted
 * set orders the rows by last activity. The rows are brought up to date from the store before each search: only
 * conversations whose activity is newer than the row's are read again, so the cost follows what changed since the
 * last look, not the size of the store.
 */
export interface RecordsDeps {
  store: ConversationStore;
  kv: Kv;
  /** The conversations' TTL: rows and statuses expire with their conversation. */
  ttlSeconds: number;
  now: () => number;
  /** A search re-reads the store at most this often per process (SWR refreshes every few seconds). */
  syncIntervalMs?: number;
}

export function getRecordsDeps(): RecordsDeps {
  const config = getServerConfig().store;
  return { store: getConversationStore(), kv: getKv(), ttlSeconds: config.conversationTtlSeconds, now: Date.now };
}

export type SalesStateOf = NonNullable<Conversation['state']>;
export type StoredMessage = Conversation['messages'][number];

export function recordKeys(kv: Pick<Kv, 'prefix'>) {
  return {
    /** Sorted set: conversation id → last activity (epoch ms). */
    index: kvKey(kv, 'admin', 'records'),
    /** String: the newest activity the index has been brought up to. */
    synced: kvKey(kv, 'admin', 'records', 'synced'),
    /** String: JSON RecordRow, expiring with the conversation. */
    row: (id: string) => kvKey(kv, 'admin', 'record', id),
    /** Hash: status, note, at, by — the sales team's status of the lead. */
    status: (id: string) => kvKey(kv, 'admin', 'lead', id),
    /** List: JSON StatusChange, newest first. */
    history: (id: string) => kvKey(kv, 'admin', 'lead', id, 'history'),
  };
}

export interface LoadedRecord {
  meta: ConversationMeta;
  state: SalesStateOf | null;
  /** Empty unless asked for. */
  messages: StoredMessage[];
}

/** Both stores on one Redis: read many conversations in one pipeline instead of one request each. */
const sharesRedis = (deps: RecordsDeps) => deps.store.kind === 'upstash' && deps.kv.kind === 'upstash';

/**
 * The sales state (and messages, when asked) of listed conversations. On Redis this is one pipelined request for the
 * whole page, reading the store's keys (lib/store/keys.ts) read-only; in memory it asks the store for each.
 */
export async function loadRecords(deps: RecordsDeps, metas: readonly ConversationMeta[], options: { messages?: boolean } = {}): Promise<LoadedRecord[]> {
  if (metas.length === 0) return [];
  if (!sharesRedis(deps)) {
    const conversations = await Promise.all(metas.map((meta) => deps.store.getConversation({ id: meta.id })));
    return conversations.flatMap((conversation, i) =>
      conversation ? [{ meta: metas[i] ?? conversation.meta, state: conversation.state, messages: options.messages ? conversation.messages : [] }] : [],
    );
  }
  const perRecord = options.messages ? 2 : 1;
  const commands: KvCommand[] = metas.flatMap((meta) => {
    const keys = conversationKeys(deps.kv.prefix, meta.id);
    return options.messages ? [['GET', keys.state] as const, ['LRANGE', keys.messages, 0, -1] as const] : [['GET', keys.state] as const];
  });
  const replies = await deps.kv.exec(commands);
  return metas.map((meta, i) => {
    const list = options.messages ? replies[i * perRecord + 1] : [];
    return {
      meta,
      state: decodeState(meta.id, replies[i * perRecord]),
      messages: Array.isArray(list) ? decodeMessages(meta.id, list) : [],
    };
  });
}

/** Which of these conversations still exist (a visitor may have erased one since its row was written). */
async function existing(deps: RecordsDeps, ids: readonly string[]): Promise<Set<string>> {
  if (!sharesRedis(deps)) {
    const found = await Promise.all(ids.map((id) => deps.store.getConversation({ id })));
    return new Set(ids.filter((_, i) => found[i]));
  }
  const replies = await deps.kv.exec(ids.map((id) => ['EXISTS', conversationKeys(deps.kv.prefix, id).meta] as const));
  return new Set(ids.filter((_, i) => replies[i] === 1));
}

function fieldText(state: SalesStateOf | null, field: 'email' | 'name' | 'company'): string | undefined {
  const fact = state?.lead.fields[field];
  return fact ? String(fact.value) : undefined;
}

export function toRow(meta: ConversationMeta, state: SalesStateOf | null, status: LeadStatus): RecordRow {
  const email = fieldText(state, 'email');
  const name = fieldText(state, 'name');
  const company = fieldText(state, 'company');
  return {
    id: meta.id,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    messageCount: meta.messageCount,
    title: meta.title,
    stage: state?.stage ?? null,
    score: state?.lead.score ?? 0,
    ...(email ? { email } : {}),
    ...(name ? { name } : {}),
    ...(company ? { company } : {}),
    hasLead: Object.keys(state?.lead.fields ?? {}).length > 0,
    status,
    bookings: state?.bookings.length ?? 0,
    handoff: Boolean(state?.handoff),
  };
}

/** The lead statuses of these conversations (`new` when none was set). One round trip. */
export async function readStatuses(kv: Kv, ids: readonly string[]): Promise<LeadStatus[]> {
  if (ids.length === 0) return [];
  const keys = recordKeys(kv);
  const replies = await kv.exec(ids.map((id) => ['HGET', keys.status(id), 'status'] as const));
  return replies.map((reply) => (isLeadStatus(reply) ? reply : 'new'));
}

/** Milliseconds until a conversation active at `updatedAt` expires (≤ 0: already gone). */
export const msLeft = (deps: RecordsDeps, updatedAt: number) => updatedAt + deps.ttlSeconds * 1_000 - deps.now();

async function writeRows(deps: RecordsDeps, records: readonly LoadedRecord[]): Promise<void> {
  const live = records.filter((record) => msLeft(deps, record.meta.updatedAt) > 0);
  if (live.length === 0) return;
  const keys = recordKeys(deps.kv);
  const statuses = await readStatuses(deps.kv, live.map((record) => record.meta.id));
  const commands = live.flatMap((record, i): KvCommand[] => {
    const id = record.meta.id;
    const ttl = Math.ceil(msLeft(deps, record.meta.updatedAt));
    const row = toRow(record.meta, record.state, statuses[i] ?? 'new');
    return [
      ['SET', keys.row(id), JSON.stringify(row), 'PX', ttl],
      ['ZADD', keys.index, record.meta.updatedAt, id],
      // The sales team's status lives as long as the conversation it is about (a no-op when none was set).
      ['PEXPIRE', keys.status(id), ttl],
      ['PEXPIRE', keys.history(id), ttl],
    ];
  });
  await deps.kv.exec(commands);
}

const SYNC_PAGE = 200;
/** Writes land a little after the time they carry: look this far behind the newest activity already indexed. */
const SYNC_SLACK_MS = 60_000;

interface SyncState {
  running: Promise<number> | null;
  finishedAt: number;
}

/**
 * Brings the index up to date with the store: walks the store's conversations newest first and re-reads only those
 * whose activity differs from their row's, stopping once it is past what the previous sync saw. Returns how many rows
 * it wrote. Concurrent callers in one process share one run.
 */
export async function syncRecordsIndex(deps: RecordsDeps): Promise<number> {
  const syncs = processSingleton('admin-records-sync', () => new WeakMap<Kv, SyncState>());
  const sync = syncs.get(deps.kv) ?? { running: null, finishedAt: -Infinity };
  syncs.set(deps.kv, sync);
  if (sync.running) return sync.running;
  if (deps.now() - sync.finishedAt < (deps.syncIntervalMs ?? 2_000)) return 0;
  sync.running = runSync(deps).finally(() => {
    sync.running = null;
    sync.finishedAt = deps.now();
  });
  return sync.running;
}

async function runSync(deps: RecordsDeps): Promise<number> {
  const keys = recordKeys(deps.kv);
  const watermark = Number(await kvOne(deps.kv, ['GET', keys.synced])) || 0;
  let newest = 0;
  let written = 0;
  for (let offset = 0; ; offset += SYNC_PAGE) {
    const metas = await deps.store.listConversations({ limit: SYNC_PAGE, offset });
    if (metas.length === 0) break;
    newest = Math.max(newest, metas[0]?.updatedAt ?? 0);
    const scores = await deps.kv.exec(metas.map((meta) => ['ZSCORE', keys.index, meta.id] as const));
    const stale = metas.filter((meta, i) => Number(scores[i] ?? Number.NaN) !== meta.updatedAt);
    if (stale.length > 0) {
      await writeRows(deps, await loadRecords(deps, stale));
      written += stale.length;
    }
    const oldest = metas[metas.length - 1]?.updatedAt ?? 0;
    if (metas.length < SYNC_PAGE || oldest < watermark - SYNC_SLACK_MS) break;
  }
  await deps.kv.exec([
    // Rows older than the TTL point at expired conversations (their row keys have expired already).
    ['ZREMRANGEBYSCORE', keys.index, '-inf', deps.now() - deps.ttlSeconds * 1_000],
    ...(newest > watermark ? [['SET', keys.synced, newest] as const] : []),
  ]);
  return written;
}

/** Rewrites one conversation's row now (after a status change). */
export async function refreshRecord(deps: RecordsDeps, conversation: Conversation): Promise<void> {
  await writeRows(deps, [{ meta: conversation.meta, state: conversation.state, messages: [] }]);
}

/** Removes a conversation's row and lead status (privacy erasure). */
export async function forgetRecord(deps: RecordsDeps, id: string): Promise<boolean> {
  const keys = recordKeys(deps.kv);
  const [deleted] = await deps.kv.exec([['DEL', keys.row(id), keys.status(id), keys.history(id)], ['ZREM', keys.index, id]]);
  return Number(deleted) > 0;
}

export interface RecordQuery {
  /** Words in the title, lead e-mail, name or company (case and accents ignored), or an id prefix. */
  q?: string;
  stage?: string;
  status?: LeadStatus;
  leadsOnly?: boolean;
  /** Last activity at or after (epoch ms). */
  from?: number;
  /** Last activity at or before (epoch ms). */
  to?: number;
  cursor?: string | null;
  limit: number;
}

const SCAN_CHUNK = 500;
const CURSOR = RECORD_CURSOR;

/**
 * Text as a search compares it: accents and case ignored, compatibility forms as their plain letters (full-width
 * "ＡＣＭＥ", a no-break space), and invisible format characters dropped (a zero-width space or a direction mark
 * pasted along with an e-mail address from a chat or a right-to-left page).
 */
const fold = (text: string) => text.normalize('NFKD').replace(/[\p{M}\p{Cf}]/gu, '').toLowerCase();

function matches(row: RecordRow, query: Omit<RecordQuery, 'limit' | 'cursor'>, needle: string): boolean {
  if (query.leadsOnly && !row.hasLead) return false;
  if (query.stage && row.stage !== query.stage) return false;
  if (query.status && row.status !== query.status) return false;
  if (!needle) return true;
  return fold([row.title, row.email, row.name, row.company, row.id].filter(Boolean).join('\n')).includes(needle);
}

/**
 * The list's filters as one test of a row, dates included (the list applies those through its sorted set): the
 * exports use it so that a download holds what the same query lists.
 */
export function recordFilter(query: Omit<RecordQuery, 'limit' | 'cursor'>): (row: RecordRow) => boolean {
  const needle = fold(query.q ?? '').trim();
  return (row) => (query.from === undefined || row.updatedAt >= query.from) && (query.to === undefined || row.updatedAt <= query.to) && matches(row, query, needle);
}

/**
 * One page of rows, newest activity first. The date range is a range of the sorted set; other filters are applied to
 * the rows as they are read, 500 per round trip, until the page is full — a search that matches nothing reads every
 * row in the range once (10,000 rows: 20 round trips, ~3 MB).
 */
export async function searchRecords(deps: RecordsDeps, query: RecordQuery): Promise<RecordPage> {
  const keys = recordKeys(deps.kv);
  const cursor = query.cursor ? CURSOR.exec(query.cursor) : null;
  if (query.cursor && !cursor) throw new AppError('bad_request:admin', 'The cursor is not one this API gave out.');
  const needle = fold(query.q ?? '').trim();
  const min = query.from ?? '-inf';
  let max: number | string = cursor ? Number(cursor[1]) : (query.to ?? '+inf');
  let skip = cursor ? Number(cursor[2]) : 0;
  const items: RecordRow[] = [];
  for (;;) {
    const reply = await kvOne<string[]>(deps.kv, ['ZRANGE', keys.index, max, min, 'BYSCORE', 'REV', 'WITHSCORES', 'LIMIT', skip, SCAN_CHUNK]);
    const pairs: Array<{ id: string; score: number }> = [];
    for (let i = 0; i + 1 < reply.length; i += 2) pairs.push({ id: String(reply[i]), score: Number(reply[i + 1]) });
    if (pairs.length === 0) return finish(deps, items, null);
    const rows = await deps.kv.exec(pairs.map((pair) => ['GET', keys.row(pair.id)] as const));
    let lastScore = Number(max);
    let atLast = skip;
    for (const [i, pair] of pairs.entries()) {
      if (pair.score === lastScore) atLast += 1;
      else [lastScore, atLast] = [pair.score, 1];
      const row = parseRow(rows[i]);
      if (row && matches(row, query, needle)) items.push(row);
      if (items.length === query.limit) {
        const more = i < pairs.length - 1 || pairs.length === SCAN_CHUNK;
        return finish(deps, items, more ? `${lastScore}:${atLast}` : null);
      }
    }
    if (pairs.length < SCAN_CHUNK) return finish(deps, items, null);
    [max, skip] = [lastScore, atLast];
  }
}

/** Drops rows whose conversation is gone (and forgets them), and shows the authoritative lead status. */
async function finish(deps: RecordsDeps, items: RecordRow[], nextCursor: string | null): Promise<RecordPage> {
  if (items.length === 0) return { items, nextCursor };
  const ids = items.map((row) => row.id);
  const [alive, statuses] = await Promise.all([existing(deps, ids), readStatuses(deps.kv, ids)]);
  const gone = ids.filter((id) => !alive.has(id));
  await Promise.all(gone.map((id) => forgetRecord(deps, id)));
  return {
    items: items.flatMap((row, i) => (alive.has(row.id) ? [{ ...row, status: statuses[i] ?? row.status }] : [])),
    nextCursor,
  };
}

function parseRow(raw: unknown): RecordRow | null {
  if (typeof raw !== 'string') return null;
  try {
    const row = JSON.parse(raw) as RecordRow;
    return typeof row.id === 'string' && typeof row.updatedAt === 'number' ? row : null;
  } catch {
    return null;
  }
}

/** The status hash of one lead, or null when none was set. */
export async function readStatus(kv: Kv, id: string): Promise<{ status: LeadStatus; note: string; at: number; by: string } | null> {
  const fields = kvHash(await kvOne(kv, ['HGETALL', recordKeys(kv).status(id)]));
  if (!isLeadStatus(fields.status)) return null;
  return { status: fields.status, note: fields.note ?? '', at: Number(fields.at) || 0, by: fields.by ?? '' };
}
