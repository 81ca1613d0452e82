import 'server-only';
import { readRatings } from '@/lib/analytics/feedback';
import { isStrongConversationId } from '@/lib/sales/ui-message';
import type { Kv } from '@/lib/store/kv';
import { getConversationDetail } from './conversations';
import { getLeadDetail } from './leads';
import type { RecordsDeps } from './records-index';
import type { ConversationDetail, DetailStart, LeadDetail, Ratings } from './records-types';

/**
 * A transcript or a lead as its server page renders it (app/admin/{conversations,leads}/[id]), so an admin reads it
 * without JavaScript: what the admin API's GET answers, read the same way. An id that is not one, or a record that is
 * not there, is `detail: null` (the page says "not found"); a store that fails is `failed` (the page says so, with Try
 * again). Only for a signed-in admin or viewer: the page checks first.
 */
async function loadDetail<T>(kind: string, id: string, read: () => Promise<T | null>): Promise<DetailStart<T>> {
  if (!isStrongConversationId(id)) return { detail: null, failed: false };
  try {
    return { detail: await read(), failed: false };
  } catch (error) {
    console.error(`[admin] the ${kind} page could not be read`, error);
    return { detail: null, failed: true };
  }
}

export const loadConversationStart = (deps: RecordsDeps, id: string): Promise<DetailStart<ConversationDetail>> =>
  loadDetail('conversation', id, () => getConversationDetail(deps, id));

export const loadLeadStart = (deps: RecordsDeps, id: string): Promise<DetailStart<LeadDetail>> => loadDetail('lead', id, () => getLeadDetail(deps, id));

/** The prospect's votes on the replies; none when they cannot be read (the transcript shows without them, as with JavaScript). */
export async function loadRatingsStart(kv: Kv, id: string): Promise<Ratings | undefined> {
  if (!isStrongConversationId(id)) return undefined;
  try {
    return { ratings: await readRatings({ kv, conversationId: id }) };
  } catch {
    return undefined;
  }
}
