import { AppError, toAppError, type Surface } from '@/lib/errors';

/**
 * Helpers for route handlers. Web-standard APIs only (Request/Response/streams), so handlers stay edge-portable.
 */

/** Reads a JSON body with a byte cap. Bad content type → 415, too large → 413, invalid JSON → 400. */
export async function readJsonBody(request: Request, { maxBytes, surface }: { maxBytes: number; surface: Surface }): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  // text/plain is accepted too: `curl -d '{…}'` and navigator.sendBeacon send it, and the body must still parse as JSON.
  if (contentType && !/^(application\/json|text\/plain|application\/x-www-form-urlencoded)\b/i.test(contentType)) {
    throw new AppError(`unsupported_media_type:${surface}`, 'Send the body as application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(surface, maxBytes);

  const text = await readTextCapped(request, maxBytes, surface);
  if (!text.trim()) throw new AppError(`bad_request:${surface}`, 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(`bad_request:${surface}`, 'The request body is not valid JSON.');
  }
}

async function readTextCapped(request: Request, maxBytes: number, surface: Surface): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge(surface, maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function tooLarge(surface: Surface, maxBytes: number): AppError {
  return new AppError(`payload_too_large:${surface}`, `The request body is larger than ${Math.round(maxBytes / 1024)} kB.`);
}

/** Wraps a handler so that every thrown value becomes a typed JSON error response (never a stack trace). */
export function withErrors<Args extends unknown[]>(
  surface: Surface,
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return toAppError(error, surface).toResponse();
    }
  };
}

export const NO_STORE_HEADERS = { 'cache-control': 'no-store' } as const;
