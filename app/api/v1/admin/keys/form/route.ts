import { keysPageAfterChange, type KeyChangeOutcome } from '@/lib/admin/key-change';
import { createApiKey } from '@/lib/admin/keys';
import { formActor, readAdminForm, seeOther } from '@/lib/admin/lead-status-form';
import { keepSecretOnce } from '@/lib/admin/one-time-secret';
import { isAppError } from '@/lib/errors';
import { otherMethods, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { createKeySchema } from '../schema';

export const dynamic = 'force-dynamic';

const back = (outcome: KeyChangeOutcome, secret?: string) => seeOther(keysPageAfterChange(outcome, secret));

/**
 * The keys page's create form without JavaScript (`name`, `scopes` as a form body): the POST beside it, then back to
 * the page, which shows the new secret once (lib/admin/one-time-secret.ts). A post from another site is a typed 403,
 * never a redirect.
 */
export const POST = withErrors('admin', async (request: Request) => {
  const actor = await formActor(request, { write: true }, { page: '/admin/keys', forbidden: () => back('forbidden') });
  if (actor instanceof Response) return actor;
  const { scopes, ...fields } = await readAdminForm(request);
  // One ticked box is one scope: the JSON route's list all the same.
  const parsed = createKeySchema.safeParse({ ...fields, scopes: scopes === undefined ? [] : Array.isArray(scopes) ? scopes : [scopes] });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return back(field === 'name' ? 'invalidName' : field === 'scopes' ? 'invalidScopes' : 'invalid');
  }
  // Only a signed-in admin gets here: keys cannot manage keys.
  const createdBy = actor.kind === 'user' ? actor.email : actor.keyId;
  const kv = getKv();
  try {
    const { key, secret } = await createApiKey({ kv, name: parsed.data.name, scopes: parsed.data.scopes, createdBy });
    return back('created', await keepSecretOnce({ kv, owner: createdBy, value: { label: key.name, secret } }));
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict:admin') return back('tooMany');
    console.error('[admin] an API key from the form was not created', error);
    return back('failed');
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
