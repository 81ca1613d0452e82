import { z } from 'zod';
import { API_KEY_SCOPES } from '@/lib/admin/keys';
import { AppError } from '@/lib/errors';
import { isPlainLabel, PLAIN_LABEL_MESSAGE } from '@/lib/security/plain-text';

/** The body of POST /api/v1/admin/keys, and the `[id]` of a key's route. */
export const createKeySchema = z.strictObject({
  name: z.string().trim().min(1, 'give the key a name').max(80, 'at most 80 characters').refine(isPlainLabel, PLAIN_LABEL_MESSAGE),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, 'choose at least one scope')
    .max(API_KEY_SCOPES.length * 2),
});
export type CreateKeyInput = z.infer<typeof createKeySchema>;

export function parseCreateKey(body: unknown): CreateKeyInput {
  const parsed = createKeySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('bad_request:admin', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined);
}

export type KeyRouteContext = { params: Promise<{ id: string }> };

export async function keyIdOf(context: KeyRouteContext): Promise<string> {
  const { id } = await context.params;
  if (!/^key_[A-Za-z0-9_-]{12}$/.test(id)) throw keyNotFound();
  return id;
}

export const keyNotFound = () => new AppError('not_found:admin', 'There is no API key with this id (it may have been revoked already).');

export const MAX_BODY_BYTES = 4 * 1024;
