import 'server-only';
import { turnEvents } from '@/lib/chat/turn-events';
import { getServerConfig } from '@/lib/config';
import { isAppError } from '@/lib/errors';
import { publishEvent, subscribeEvents } from '@/lib/events/bus';
import type { AppEvent, EventSource } from '@/lib/events/schema';
import { mergeIdentity } from '@/lib/sales/lead/identity';
import { getConversationStore, getReplyStore, type ConversationStore, type ReplyStore } from '@/lib/store';
import { getKv, type Kv } from '@/lib/store/kv';
import { acquireTurnLock } from '@/lib/stream/turn-lock';
import { rememberCurrentConversation, type VerifiedIdentity } from './identity';

/**
 * Merges a verified identity into a conversation's lead (docs/embed.md, "identify"): e-mail and name at confidence 1
 * with the evidence "verified by the host site (identify)", stored in the conversation's sales state — where the
 * agent reads what it already knows, so it does not ask for them — and announced with the chat's own lead events
 * (lead.captured when this makes the conversation a lead, else lead.updated; nothing when it already knew it all).
 *
 * The read-merge-write holds the conversation's turn lock, so it never interleaves with a chat turn (which would
 * otherwise store a state read before the merge and drop it).
 */
export interface IdentityLeadDeps {
  store: ConversationStore;
  replies: ReplyStore;
  now?: () => number;
  /** How long to wait for a reply in flight in the conversation to end. */
  waitMs?: number;
}

export function getIdentityLeadDeps(): IdentityLeadDeps {
  return { store: getConversationStore(), replies: getReplyStore() };
}

export async function applyIdentityToConversation(args: {
  conversationId: string;
  visitorId: string;
  identity: VerifiedIdentity;
  source?: EventSource;
  deps: IdentityLeadDeps;
}): Promise<AppEvent[]> {
  const { conversationId, visitorId, identity, deps } = args;
  const now = deps.now ?? Date.now;
  const lock = await acquireTurnLock({
    replies: deps.replies,
    conversationId,
    turnId: `identify-${crypto.randomUUID()}`,
    waitMs: deps.waitMs ?? 15_000,
    now,
  });
  // A fresh turn id is never the holder's, so the lock is ours here (a timeout threw instead).
  if (!lock.acquired) return [];
  try {
    const conversation = await deps.store.getConversation({ id: conversationId, visitorId });
    // Nothing stored yet (its first turn is in flight): `conversation.started` brings it here once it is.
    if (!conversation?.state) return [];
    const before = conversation.state;
    const { state: after, touched } = mergeIdentity(before, identity, now());
    if (!touched) return [];
    await deps.store.appendMessages({ id: conversationId, messages: [], state: after, now: now() });
    const events = turnEvents({
      at: now(),
      conversationId,
      visitorId,
      source: args.source ?? {},
      firstTurn: false,
      before,
      after,
      answered: [],
      objections: [],
      errors: [],
    });
    publishEvent(...events);
    return events;
  } finally {
    await deps.replies.unlock({ id: conversationId, value: lock.value }).catch(() => undefined);
  }
}

/**
 * identify() is the embed's host-page API, so only conversations held in the embed (page `/embed…`, or an embedding
 * site) are tracked: the public page's conversations cost no Redis command here.
 */
export function isEmbedded(source: EventSource | undefined): boolean {
  return Boolean(source?.embedSite || source?.page === '/embed' || source?.page?.startsWith('/embed/'));
}

/**
 * Keeps each embed visitor's latest conversation and, when the visitor identified themselves before it started,
 * merges the identity into it as soon as its first turn is stored. One Redis transaction per new embedded
 * conversation; the turn lock makes the merge wait for that first turn to finish. lib/events/subscribers.ts calls this
 * once.
 */
export function subscribeIdentityLeads(deps: () => IdentityLeadDeps & { kv: Kv; ttlSeconds: number } = defaultSubscriberDeps): void {
  subscribeEvents('identity-leads', async (events) => {
    const started = events.filter((event) => event.type === 'conversation.started' && event.visitorId && event.conversationId && isEmbedded(event.source));
    if (started.length === 0) return;
    const resolved = deps();
    for (const event of started) {
      const visitorId = event.visitorId as string;
      const conversationId = event.conversationId as string;
      const identity = await rememberCurrentConversation({
        kv: resolved.kv,
        visitorId,
        conversation: { id: conversationId, ...(event.source ? { source: event.source } : {}) },
        ttlSeconds: resolved.ttlSeconds,
      });
      if (!identity) continue;
      try {
        await applyIdentityToConversation({ conversationId, visitorId, identity, ...(event.source ? { source: event.source } : {}), deps: resolved });
      } catch (error) {
        // The identity stays recorded: the host's next identify() (or the visitor's next conversation) merges it.
        if (!isAppError(error)) throw error;
        console.warn(`[identify] conversation ${conversationId}: the lead was not merged (${error.message})`);
      }
    }
  });
}

function defaultSubscriberDeps() {
  return { ...getIdentityLeadDeps(), kv: getKv(), ttlSeconds: getServerConfig().security.session.ttlSeconds };
}
