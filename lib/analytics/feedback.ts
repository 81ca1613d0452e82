import 'server-only';
import type { AppEvent } from '@/lib/events/schema';
import { kvHash, kvKey, type Kv } from '@/lib/store/kv';
import { FIELD } from './keys';

/**
 * Thumbs up/down on the agent's replies (docs/admin.md, "Helpful replies"). Each conversation keeps one hash of
 * message id → rating beside it (expiring with it; the transcript view marks rated replies from it), and the
 * dashboard counts one rating per reply: a changed vote moves its count from one side to the other.
 */
export const RATINGS = ['up', 'down'] as const;
export type Rating = (typeof RATINGS)[number];

const isRating = (value: unknown): value is Rating => value === 'up' || value === 'down';
const ratingsKey = (kv: Pick<Kv, 'prefix'>, conversationId: string) => kvKey(kv, 'feedback', conversationId);

/** Keeps a vote (replacing the reply's earlier one) and answers the rating it replaced, if any. One atomic trip. */
export async function recordRating(args: { kv: Kv; conversationId: string; messageId: string; rating: Rating; ttlSeconds: number }): Promise<Rating | null> {
  const key = ratingsKey(args.kv, args.conversationId);
  const [previous] = await args.kv.atomic([
    ['HGET', key, args.messageId],
    ['HSET', key, args.messageId, args.rating],
    ['EXPIRE', key, args.ttlSeconds],
  ]);
  return isRating(previous) ? previous : null;
}

/** Erases a conversation's ratings (a privacy request); true when there were any. */
export async function deleteRatings(args: { kv: Kv; conversationId: string }): Promise<boolean> {
  const [removed] = await args.kv.exec([['DEL', ratingsKey(args.kv, args.conversationId)]]);
  return Number(removed) > 0;
}

/** A conversation's ratings by message id. */
export async function readRatings(args: { kv: Kv; conversationId: string }): Promise<Record<string, Rating>> {
  const [reply] = await args.kv.exec([['HGETALL', ratingsKey(args.kv, args.conversationId)]]);
  return Object.fromEntries(Object.entries(kvHash(reply)).filter((entry): entry is [string, Rating] => isRating(entry[1])));
}

/**
 * The counter changes one vote makes: +1 on its side, and −1 on the side it replaced (in the bucket of the change, so
 * a range that holds both votes counts the reply once).
 */
export function feedbackCounts(event: Extract<AppEvent, { type: 'feedback.received' }>): [field: string, by: number][] {
  const field = (rating: Rating) => (rating === 'up' ? FIELD.feedbackUp : FIELD.feedbackDown);
  if (event.previous === event.rating) return [];
  return [[field(event.rating), 1], ...(event.previous ? [[field(event.previous), -1] as [string, number]] : [])];
}
