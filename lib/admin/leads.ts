import 'server-only';
import { messageText } from '@/lib/sales/ui-message';
import { kvOne } from '@/lib/store/kv';
import { bookingViews, handoffView } from './conversations';
import { msLeft, readStatus, recordKeys, refreshRecord, searchRecords, syncRecordsIndex, type RecordQuery, type RecordsDeps } from './records-index';
import { textLanguages } from './transcript';
import { LEAD_FIELDS, isLeadStatus, type LeadDetail, type LeadStatus, type RecordPage, type StatusChange } from './records-types';

/**
 * Leads for the admin: a lead is a conversation in which the prospect told us something about themselves (its id is
 * the conversation's). The facts and their evidence live in the conversation's sales state; the sales team's status
 * and notes live beside it under admin keys, expiring with the conversation.
 */

/** Status changes kept per lead, newest first. */
const HISTORY_MAX = 200;

export async function listLeadRecords(deps: RecordsDeps, query: Omit<RecordQuery, 'leadsOnly'>): Promise<RecordPage> {
  await syncRecordsIndex(deps);
  return searchRecords(deps, { ...query, leadsOnly: true });
}

function parseChange(raw: unknown): StatusChange | null {
  try {
    const value = JSON.parse(String(raw)) as Partial<StatusChange>;
    if (!isLeadStatus(value.status) || typeof value.at !== 'number') return null;
    return { status: value.status, note: String(value.note ?? ''), at: value.at, by: String(value.by ?? '') };
  } catch {
    return null;
  }
}

/** The lead of a conversation with every field's evidence, or null when the conversation has told us nothing. */
export async function getLeadDetail(deps: RecordsDeps, id: string): Promise<LeadDetail | null> {
  const conversation = await deps.store.getConversation({ id });
  const state = conversation?.state ?? null;
  if (!conversation || !state || Object.keys(state.lead.fields).length === 0) return null;
  const keys = recordKeys(deps.kv);
  const [status, history] = await Promise.all([readStatus(deps.kv, id), kvOne<unknown[]>(deps.kv, ['LRANGE', keys.history(id), 0, -1])]);
  const facts = LEAD_FIELDS.flatMap((field) => {
    const fact = state.lead.fields[field];
    return fact ? [{ field, fact }] : [];
  });
  // The prospect's sentences keep their own language for a screen reader; a short one ("25") takes what they wrote most.
  const prospectWords = conversation.messages.filter((message) => message.role === 'user').map((message) => messageText(message));
  const languages = textLanguages(
    facts.map(({ fact }) => fact.evidence),
    prospectWords,
  );
  const fields = facts.map(({ field, fact }, index) => {
    const lang = languages[index];
    return { field, value: fact.value, evidence: fact.evidence, ...(lang ? { lang } : {}), confidence: fact.confidence, asked: fact.asked, capturedAt: fact.capturedAt };
  });
  return {
    id,
    createdAt: conversation.meta.createdAt,
    updatedAt: conversation.meta.updatedAt,
    title: conversation.meta.title,
    stage: state.stage,
    score: state.lead.score,
    reasons: state.lead.reasons,
    fields,
    status: status?.status ?? 'new',
    history: (Array.isArray(history) ? history : []).flatMap((raw) => parseChange(raw) ?? []),
    bookings: bookingViews(state),
    handoff: handoffView(state),
  };
}

/**
 * Sets a lead's status with an optional note, keeping every change (who, when, what they wrote). Null when there is
 * no such lead.
 */
export async function setLeadStatus(
  deps: RecordsDeps,
  args: { id: string; status: LeadStatus; note: string; by: string },
): Promise<LeadDetail | null> {
  const conversation = await deps.store.getConversation({ id: args.id });
  if (!conversation?.state || Object.keys(conversation.state.lead.fields).length === 0) return null;
  const ttl = Math.ceil(msLeft(deps, conversation.meta.updatedAt));
  if (ttl <= 0) return null;
  const keys = recordKeys(deps.kv);
  const change: StatusChange = { status: args.status, note: args.note, at: deps.now(), by: args.by };
  await deps.kv.exec([
    ['HSET', keys.status(args.id), 'status', change.status, 'note', change.note, 'at', change.at, 'by', change.by],
    ['LPUSH', keys.history(args.id), JSON.stringify(change)],
    ['LTRIM', keys.history(args.id), 0, HISTORY_MAX - 1],
    ['PEXPIRE', keys.status(args.id), ttl],
    ['PEXPIRE', keys.history(args.id), ttl],
  ]);
  // The list filters by status: its row must say the new one at once.
  await refreshRecord(deps, conversation);
  return getLeadDetail(deps, args.id);
}
