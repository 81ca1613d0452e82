import { leadPageAfterChange, type LeadChangeOutcome } from '@/lib/admin/lead-change';
import { formActor, changedBy, readLeadStatusForm, seeOther } from '@/lib/admin/lead-status-form';
import { setLeadStatus } from '@/lib/admin/leads';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { otherMethods, withErrors } from '@/lib/http';
import { leadStatusSchema } from '../schema';

export const dynamic = 'force-dynamic';

/**
 * The lead page's status form without JavaScript (`status`, `note` as a form body): the PATCH beside it, then back to
 * the lead page saying how it went. A post from another site is a typed 403, never a redirect.
 */
export const POST = withErrors('admin', async (request: Request, context: ConversationRouteContext) => {
  const id = await conversationIdOf(context, 'admin');
  const back = (outcome: LeadChangeOutcome) => seeOther(leadPageAfterChange(id, outcome));
  const actor = await formActor(request, { write: true }, { page: `/admin/leads/${id}`, forbidden: () => back('forbidden') });
  if (actor instanceof Response) return actor;
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
