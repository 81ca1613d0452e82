import { z } from 'zod';
import { keysPageAfterChange, type KeyChangeOutcome } from '@/lib/admin/key-change';
import { revokeApiKey } from '@/lib/admin/keys';
import { formActor, readAdminForm, seeOther } from '@/lib/admin/lead-status-form';
import { otherMethods, withErrors } from '@/lib/http';
import { getKv } from '@/lib/store/kv';
import { keyIdOf, type KeyRouteContext } from '../../schema';

export const dynamic = 'force-dynamic';

/** The confirmation's button: the one thing this form does. */
const revokeFormSchema = z.strictObject({ action: z.literal('revoke') });

const back = (outcome: KeyChangeOutcome) => seeOther(keysPageAfterChange(outcome));

/**
 * A key's Revoke without JavaScript (`action=revoke` as a form body): the DELETE beside it, then back to the keys page
 * saying how it went. A post from another site is a typed 403, never a redirect.
 */
export const POST = withErrors('admin', async (request: Request, context: KeyRouteContext) => {
  const id = await keyIdOf(context);
  const actor = await formActor(request, { write: true }, { page: '/admin/keys', forbidden: () => back('forbidden') });
  if (actor instanceof Response) return actor;
  if (!revokeFormSchema.safeParse(await readAdminForm(request)).success) return back('invalid');
  try {
    return back((await revokeApiKey({ kv: getKv(), id })) ? 'revoked' : 'missing');
  } catch (error) {
    console.error('[admin] an API key was not revoked from the form', error);
    return back('failed');
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST']);
