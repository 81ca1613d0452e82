// The Next.js floor: a route handler that only relays the request to the OpenAI stand-in and pipes its stream back.
// FLOOR_UPSTREAM_URL is the stand-in's base URL (…/v1).
export const dynamic = 'force-dynamic';

/** @param {Request} request */
export async function POST(request) {
  const upstream = await fetch(`${process.env.FLOOR_UPSTREAM_URL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: request.headers.get('authorization') ?? '' },
    body: await request.text(),
    signal: request.signal,
  });
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { 'content-type': upstream.headers.get('content-type') ?? 'text/event-stream', 'cache-control': 'no-store' },
  });
}
