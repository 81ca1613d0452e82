import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '@/lib/events/schema';
import { AppError } from '@/lib/errors';
import { isPlainLabel, PLAIN_LABEL_MESSAGE } from '@/lib/security/plain-text';

/** Bodies of the webhook admin routes. The URL's safety (https, public address) is checked by lib/webhooks/url-policy.ts. */
const url = z.string().trim().min(1).max(2_000);
const events = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'choose at least one event').max(WEBHOOK_EVENT_TYPES.length * 2);
const description = z.string().max(200).refine(isPlainLabel, PLAIN_LABEL_MESSAGE);

export const createEndpointSchema = z.strictObject({ url, events, description: description.optional(), enabled: z.boolean().optional() });

export const updateEndpointSchema = z
  .strictObject({
    url: url.optional(),
    events: events.optional(),
    description: description.optional(),
    enabled: z.boolean().optional(),
    /** A new secret, returned once in the answer. */
    rotateSecret: z.literal(true).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'send at least one field to change');

/** The parsed body, or a typed 400 naming the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('bad_request:admin', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined);
}

/** The `[id]` segment of an endpoint route; anything that is not an endpoint id is simply not found. */
export type EndpointRouteContext = { params: Promise<{ id: string }> };

export async function endpointIdOf(context: EndpointRouteContext): Promise<string> {
  const { id } = await context.params;
  if (!/^we_[0-9a-f]{32}$/.test(id)) throw endpointNotFound();
  return id;
}

/**
 * The If-Match header's entity tags (a PATCH made only on the version read: lib/webhooks/endpoints.ts), or undefined
 * without the header or with `*` (any version). A header that is not a list of quoted tags is a typed 400.
 */
export function ifMatchOf(request: Request): string[] | undefined {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '*') return undefined;
  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.length > 20 || !tags.every((tag) => /^(?:W\/)?"[\x21\x23-\x7e]{0,64}"$/.test(tag))) {
    throw new AppError('bad_request:admin', 'If-Match: send the ETag the endpoint was read with, e.g. "1733300000000".');
  }
  return tags;
}

export const endpointNotFound = () => new AppError('not_found:admin', 'There is no webhook endpoint with this id.');

/** Admin bodies are small: a URL, a few event names and a description. */
export const MAX_BODY_BYTES = 16 * 1024;
