import { requireAdmin } from '@/lib/admin/guard';
import { changedBy } from '@/lib/admin/lead-status-form';
import { getLeadDetail, setLeadStatus } from '@/lib/admin/leads';
import { getRecordsDeps } from '@/lib/admin/records-index';
import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { AppError } from '@/lib/errors';
import { NO_STORE_HEADERS, otherMethods, readJsonBody, withErrors } from '@/lib/http';
import { leadStatusSchema } from './schema';

export const dynamic = 'force-dynamic';

const notFound = () => new AppError('not_found:admin', 'There is no lead with this id (the conversation may have expired, or told us nothing yet).');

/** The lead with every field's value, evidence sentence and confidence, its score and reasons, status and history. */
export const GET = withErrors('admin', async (request: Request, context: ConversationRouteContext) => {
  await requireAdmin(request, { scope: 'leads:read' });
  const id = await conversationIdOf(context, 'admin');
  const lead = await getLeadDetail(getRecordsDeps(), id);
  if (!lead) throw notFound();
  return Response.json(lead, { headers: NO_STORE_HEADERS });
});

/** `{ status: "new" | "contacted" | "qualified" | "lost", note? }`. Admins only; every change is kept. The page's form without JavaScript posts to ./status. */
export const PATCH = withErrors('admin', async (request: Request, context: ConversationRouteContext) => {
  const actor = await requireAdmin(request, { write: true });
  const id = await conversationIdOf(context, 'admin');
  const parsed = leadStatusSchema.safeParse(await readJsonBody(request, { maxBytes: 8 * 1024, surface: 'admin' }));
  if (!parsed.success) {
    throw new AppError('bad_request:admin', 'Send { "status": "new" | "contacted" | "qualified" | "lost", "note"?: string }.', {
      details: { issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) },
    });
  }
  const lead = await setLeadStatus(getRecordsDeps(), { id, ...parsed.data, by: changedBy(actor) });
  if (!lead) throw notFound();
  return Response.json(lead, { headers: NO_STORE_HEADERS });
});

export const { POST, PUT, DELETE, OPTIONS } = otherMethods(['GET', 'PATCH']);
