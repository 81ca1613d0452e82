import 'server-only';
import { getServerConfig } from '@/lib/config';
import { AppError, isAppError } from '@/lib/errors';
import { readTextCapped } from '@/lib/http';
import { assertContentType, assertOwnOrigin } from '@/lib/security/request';
import { requireAdmin, type AdminActor, type AdminRequirement } from './guard';
import { signInUrlFor } from './session-cookie';

/**
 * The route side of the lead page's plain status form (lib/admin/lead-change.ts), and of the webhooks and keys pages'
 * plain forms: how a form proves its origin and what it posted. The change itself is the JSON route's: the same schema,
 * guard and store function.
 */

/** After a form's post, the browser GETs the page it came from (303, so a reload does not post again). */
export const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/** Who a change is recorded as, in the lead's history. */
export const changedBy = (actor: AdminActor) => (actor.kind === 'user' ? actor.email : `key:${actor.keyId}`);

const FORM_TYPE = 'application/x-www-form-urlencoded';
/**
 * A whole note (2,000 UTF-16 units, each at most 3 bytes of UTF-8, each byte sent as `%XX`: 18 kB in Arabic or
 * Chinese) and the status, with room to spare; the schema then holds the note to its 2,000 characters.
 */
const FORM_MAX_BYTES = 20 * 1024;

/**
 * A form body is what any site can post without a preflight, so unlike the JSON routes (whose content type already
 * keeps cross-site forms out) this one must be shown to come from the admin's own page, before anything else is read:
 * its Origin, checked as the guard checks every admin change; without one, the browser's Sec-Fetch-Site must say
 * same-origin. Neither: refused.
 */
export function assertFormFromOwnPage(request: Request): void {
  if (request.headers.get('origin') !== null) return assertOwnOrigin(request, getServerConfig().security);
  if (request.headers.get('sec-fetch-site') === 'same-origin') return;
  throw new AppError('forbidden:origin', "Changes to the admin are only accepted from the admin's own pages.");
}

/**
 * Who posted a plain admin form, or the answer to give instead: a post from another site throws (a typed 403, never
 * a redirect); the signed-out go to the sign-in page and back to `page`; a viewer, or a key without the scope, gets
 * `forbidden()` (the page saying so). The same guard as the JSON routes.
 */
export async function formActor(request: Request, requirement: AdminRequirement, { page, forbidden }: { page: string; forbidden: () => Response }): Promise<AdminActor | Response> {
  assertFormFromOwnPage(request);
  try {
    return await requireAdmin(request, requirement);
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthorized:admin') return seeOther(signInUrlFor(page));
    if (isAppError(error) && error.code === 'forbidden:admin') return forbidden();
    throw error;
  }
}

/**
 * The posted fields, for the schema to read; a field sent twice is kept twice (an array), so the schema refuses it.
 * Browsers send a textarea's line breaks as CRLF: read as the one character the admin typed (and counted as one).
 */
export async function readAdminForm(request: Request): Promise<Record<string, string | string[]>> {
  assertContentType(request, [FORM_TYPE], 'admin', `Send the form as ${FORM_TYPE}.`);
  const body = await readTextCapped(request, FORM_MAX_BYTES, 'admin');
  // URLSearchParams reads bytes that are not UTF-8 (`%ED%A0%80`) as U+FFFD: a note nobody typed. No browser sends them.
  try {
    decodeURIComponent(body);
  } catch {
    throw new AppError('bad_request:admin', 'The form is not valid UTF-8.');
  }
  // No prototype: a field named `__proto__` is a field (refused by the schema as the JSON routes refuse it), not the
  // object's prototype, which a plain `{}` let the body replace and the field then vanish from the form.
  const fields = Object.create(null) as Record<string, string | string[]>;
  for (const [name, sent] of new URLSearchParams(body)) {
    const value = sent.replace(/\r\n?/g, '\n');
    const seen = fields[name];
    fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

/** The lead page's form is read as every admin page's plain form is. */
export const readLeadStatusForm = readAdminForm;
