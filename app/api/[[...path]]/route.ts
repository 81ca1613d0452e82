import { AppError } from '@/lib/errors';
import { errorResponse, MALFORMED_URL_PATH } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * Every /api path no route claims (/api itself included), for every method: a typed 404 instead of the HTML not-found page. Real routes are
 * more specific than this catch-all, so Next.js matches them first.
 */
async function unknownPath(request: Request): Promise<Response> {
  if (new URL(request.url).pathname === MALFORMED_URL_PATH) {
    return errorResponse(new AppError('bad_request:api', 'The URL is not valid: its percent-encoding does not decode.'), request);
  }
  return errorResponse(new AppError('not_found:api', 'There is no API endpoint at this path.'), request);
}

export { unknownPath as GET, unknownPath as HEAD, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH };
export { unknownPath as DELETE, unknownPath as OPTIONS };
