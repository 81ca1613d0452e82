import { conversationIdOf, type ConversationRouteContext } from '@/lib/chat/route-params';
import { AppError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n';
import { headFromGet, NO_STORE_HEADERS, otherMethods, withErrors } from '@/lib/http';
import { turnNotice } from '@/lib/sales/prompts';
import { getServerConfig } from '@/lib/config';
import { guardRequest } from '@/lib/security/guard';
import { getStreamSlots, releasingWhenDone } from '@/lib/security/stream-slots';
import { getConversationStore, getReplyStore } from '@/lib/store';
import { getActiveReplies } from '@/lib/stream/active';
import { openResumeStream } from '@/lib/stream/resume';
import { eventStreamResponse } from '@/lib/stream/sse';

export const dynamic = 'force-dynamic';

/**
 * Resumes the reply in flight (docs/streaming.md): the events after `Last-Event-ID` (or `?after=`), then live until it
 * ends. Without either, only a reply still in flight is replayed (from its start: a reload). 204 when there is none.
 */
export const GET = withErrors('history', async (request: Request, context: ConversationRouteContext) => {
  const { visitor, ip } = await guardRequest(request, { limit: 'read' });
  const id = await conversationIdOf(context, 'history');
  const url = new URL(request.url);
  const raw = request.headers.get('last-event-id') ?? url.searchParams.get('after');
  if (raw !== null && !/^\d{1,9}$/.test(raw.trim())) throw new AppError('bad_request:history', 'Last-Event-ID must be the number of the last event received.');
  // Ownership first (a conversation whose first reply is in flight is only claimed yet): someone else's is a 404,
  // exactly like one that does not exist. A reply this instance is producing for this visitor needs no store to say
  // so: a connection dropped while Redis is down still gets the rest of it.
  const ownsLocalReply = getActiveReplies().get(id)?.owner === visitor.visitorId;
  if (!ownsLocalReply && !(await getConversationStore().isOwner({ id, visitorId: visitor.visitorId }))) {
    throw new AppError('not_found:history', 'There is no conversation with this id (it may have expired).');
  }
  const after = raw === null ? 0 : Number(raw);
  const asked = url.searchParams.get('locale');
  const locale = isLocale(asked) ? asked : 'en';
  // Each open resume stream polls the store: a visitor holds a few at most (RESUME_STREAMS_PER_VISITOR), and so does an
  // address whatever visitors it holds (RESUME_STREAMS_PER_ADDRESS); else a 429.
  const { resumeStreamsPerVisitor: perVisitor, resumeStreamsPerAddress: perAddress } = getServerConfig().security;
  const release = getStreamSlots().takeFor({ visitorId: visitor.visitorId, ip }, { perVisitor, perAddress }, 'history');
  let stream: Awaited<ReturnType<typeof openResumeStream>>;
  try {
    stream = await openResumeStream({
      replies: getReplyStore(),
      conversationId: id,
      after,
      includeFinished: raw !== null,
      interruptedMessage: turnNotice('reply_interrupted', locale),
      signal: request.signal,
    });
  } catch (error) {
    release();
    throw error;
  }
  if (!stream) {
    release();
    return new Response(null, { status: 204, headers: NO_STORE_HEADERS });
  }
  request.signal.addEventListener('abort', release, { once: true });
  return eventStreamResponse(releasingWhenDone(stream, release), { firstId: after + 1 });
});

// Its own HEAD: Next.js's (the GET, its body never read) held a resume slot until the process ended.
export const HEAD = headFromGet(GET);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET']);
