import { requireAdmin, type AdminActor } from '@/lib/admin/guard';
import { leadPageAfterChange, type LeadChangeOutcome } from '@/lib/admin/lead-change';
import { assertFormFromOwnPage, changedBy, readLeadStatusForm, seeOther } from '@/lib/admin/lead-status-form';
import { setLeadStatus } from '@/lib/admin/leads';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { signInUrlFor } from '@/lib/admin/session-cookie';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { isAppError } from '@/lib/errors';
import { otherMethods, withErrors } from '@/lib/http';
import { leadStatusSchema } from '../schema';

export const dynamic = 'force-dynamic';

/**
 * The lead page's status form without JavaScript (`status`, `note` as a form body): the PATCH beside it, then back to
 * the lead page saying how it went. A post from another site is a typed 403, never a redirect.
 */
export const POST = withErrors('admin', async (request: Request, context: ConversationRouteContext) => {
  const id = await conversationIdOf(context, 'admin');
  assertFormFromOwnPage(request);
  const back = (outcome: LeadChangeOutcome) => seeOther(leadPageAfterChange(id, outcome));
  let actor: AdminActor;
  try {
    actor = await requireAdmin(request, { write: true });
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthorized:admin') return seeOther(signInUrlFor(`/admin/leads/${id}`));
    if (isAppError(error) && error.code === 'forbidden:admin') return back('forbidden');
    throw error;
  }
  const parsed = leadStatusSchema.safeParse(await readLeadStatusForm(request));
  if (!parsed.success) return back('invalid');
  try {
    const lead = await setLeadStatus(getRecordsDeps(), { id, ...parsed.data, by: changedBy(actor) });
    return back(lead ? 'saved' : 'missing');
  } catch (error) {
    console.error('[admin] a lead status from the form was not saved', error);
    return back('failed');
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
