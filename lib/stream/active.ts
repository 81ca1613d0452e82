import 'server-only';
import { processSingleton } from '@/lib/process-singleton';

/** Replies being produced by this instance, by conversation: a Stop that lands here aborts the upstream call at once. */
export function getActiveReplies(): Map<string, { turnId: string; abort: AbortController }> {
  return processSingleton('active-replies', () => new Map<string, { turnId: string; abort: AbortController }>());
}
