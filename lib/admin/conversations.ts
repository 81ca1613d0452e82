import 'server-only';
import { whileTurnStopped } from '@/lib/chat/erase';
import { getServerConfig } from '@/lib/config';
import { getReplyStore, type ReplyStore } from '@/lib/store';
import { conversationIndexKey, conversationKeys, replyKeys } from '@/lib/store/keys';
import { kvOne } from '@/lib/store/kv';
import { deleteRatings } from '@/lib/analytics/feedback';
import {
  forgetRecord,
  getRecordsDeps,
  readStatus,
  searchRecords,
  syncRecordsIndex,
  type RecordQuery,
  type RecordsDeps,
  type SalesStateOf,
} from './records-index';
import type { BookingView, ConversationDetail, RecordPage } from './records-types';
import { buildTranscript } from './transcript';

/** Conversations for the admin: search, transcript, privacy erasure. Reads go through the store's public methods. */

export async function listConversationRecords(deps: RecordsDeps, query: Omit<RecordQuery, 'leadsOnly'>): Promise<RecordPage> {
  await syncRecordsIndex(deps);
  return searchRecords(deps, query);
}

export function bookingViews(state: SalesStateOf | null): BookingView[] {
  return (state?.bookings ?? []).map(({ id, email, start, localLabel, timezone, durationMinutes, cancelledAt }) => ({
    id,
    email,
    start,
    localLabel,
    timezone,
    durationMinutes,
    ...(cancelledAt === undefined ? {} : { cancelledAt }),
  }));
}

export function handoffView(state: SalesStateOf | null): ConversationDetail['handoff'] {
  const handoff = state?.handoff;
  return handoff ? { reason: handoff.reason, at: handoff.at, ...(handoff.email ? { email: handoff.email } : {}) } : null;
}

/** The whole conversation with its transcript, or null when there is none (or it expired). */
export async function getConversationDetail(deps: RecordsDeps, id: string): Promise<ConversationDetail | null> {
  const conversation = await deps.store.getConversation({ id });
  if (!conversation) return null;
  const { meta, state, messages } = conversation;
  const fields = state?.lead.fields ?? {};
  const fieldCount = Object.keys(fields).length;
  const status = fieldCount > 0 ? ((await readStatus(deps.kv, id))?.status ?? 'new') : 'new';
  const text = (field: 'email' | 'name' | 'company') => (fields[field] ? { [field]: String(fields[field].value) } : {});
  return {
    id,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    messageCount: meta.messageCount,
    title: meta.title,
    stage: state?.stage ?? null,
    lead: fieldCount > 0 ? { score: state?.lead.score ?? 0, status, fields: fieldCount, ...text('email'), ...text('name'), ...text('company') } : null,
    transcript: buildTranscript(messages, state),
    bookings: bookingViews(state),
    handoff: handoffView(state),
  };
}

/** What the admin's erasure needs to stop a reply in flight first (defaults: this process's reply store, CHAT_TURN_WAIT_MS). */
export interface ErasureDeps {
  replies?: ReplyStore;
  waitMs?: number;
}

/**
 * Erases a conversation for a privacy request: its messages, sales state and lead record (through the store, as its
 * owner would), the admin's row and lead status, the resume buffer of its last reply, and this instance's recent
 * copy. False when nothing of it was found. Backups taken before keep it until they are deleted (docs/admin.md).
 *
 * A reply still being written in it is stopped and its turn waited for, as for the visitor's own erasure
 * (lib/chat/erase.ts): that turn is stored before the erasure, never after it (where it would bring back the lead,
 * ownerless, and the next search would index it again). A 409 `conflict:admin` when the reply does not end in time.
 */
export async function deleteConversationRecord(deps: RecordsDeps, id: string, erasure: ErasureDeps = {}): Promise<boolean> {
  const replies = erasure.replies ?? getReplyStore();
  const waitMs = erasure.waitMs ?? getServerConfig().chat.turnWaitMs;
  const erased = await whileTurnStopped({ replies, id, waitMs, surface: 'admin' }, () => eraseStored(deps, id));
  const hadRecord = await forgetRecord(deps, id);
  await deleteRatings({ kv: deps.kv, conversationId: id });
  return erased || hadRecord;
}

async function eraseStored(deps: RecordsDeps, id: string): Promise<boolean> {
  const conversation = await deps.store.getConversation({ id });
  let deleted = false;
  const owner = conversation?.meta.owner;
  if (conversation && owner) deleted = await deps.store.deleteConversation({ id, visitorId: owner });
  const sameRedis = deps.store.kind === 'upstash' && deps.kv.kind === 'upstash';
  if (sameRedis) {
    const keys = conversationKeys(deps.kv.prefix, id);
    const replies = replyKeys(deps.kv.prefix, id);
    const turn = await kvOne<string | null>(deps.kv, ['GET', replies.current]);
    const [removed] = await deps.kv.exec([
      // Without an owner the store cannot erase it (a conversation written before ownership existed): erase it here.
      ['DEL', keys.meta, keys.messages, keys.state, replies.current, ...(turn ? [replies.events(turn)] : [])],
      ['ZREM', conversationIndexKey(deps.kv.prefix), id],
    ]);
    deleted ||= Number(removed) > 0 && conversation !== null;
  }
  return deleted;
}

/**
 * For the visitor's own erasure (DELETE /api/v1/chat/[id]): drops the admin's row and lead status of a conversation
 * the store has just erased, so its title and lead do not linger in admin searches until they expire.
 */
export async function forgetConversationRecord(id: string, deps: RecordsDeps = getRecordsDeps()): Promise<void> {
  await forgetRecord(deps, id);
  await deleteRatings({ kv: deps.kv, conversationId: id });
}
