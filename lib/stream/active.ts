import 'server-only';
import type { UIMessageChunk } from 'ai';
import { processSingleton } from '@/lib/process-singleton';
import type { ReplyEnd } from './batches';

/**
 * A reply this instance is producing. A Stop that lands here aborts the upstream call at once, and a resume that lands
 * here is served from these events as they happen (no waiting for the next buffer flush); other instances read the
 * resume buffer in Redis.
 */
export interface LocalReply {
  turnId: string;
  /** The visitor whose reply it is: a resume on this instance can be served while the store is unreachable. */
  owner?: string;
  abort: AbortController;
  events: Array<[number, UIMessageChunk]>;
  end: ReplyEnd | null;
  listeners: Set<() => void>;
}

export function getActiveReplies(): Map<string, LocalReply> {
  return processSingleton('active-replies', () => new Map<string, LocalReply>());
}

export function createLocalReply(turnId: string, abort: AbortController, owner?: string): LocalReply {
  return { turnId, abort, events: [], end: null, listeners: new Set(), ...(owner ? { owner } : {}) };
}

export function notifyListeners(reply: LocalReply): void {
  for (const listener of reply.listeners) listener();
}
