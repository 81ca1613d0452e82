import type { KeyChangeOutcome } from '@/lib/admin/key-change';
import type { AdminShellTranslate } from '@/lib/i18n/admin-shell';

/** The keys page's calls to /api/v1/admin/keys and the styles its parts share. Client-safe. */
export const KEYS_URL = '/api/v1/admin/keys';

export class RequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** JSON in and out; a typed error answer becomes a RequestError with the server's message. */
export async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new RequestError(body?.error?.message ?? `HTTP ${response.status}`, response.status);
  return body as T;
}

/** MAX_API_KEYS of lib/admin/keys.ts (server-only), for the message when a key more is refused. */
export const KEY_LIMIT = 100;

/**
 * A refused or failed call in the page's language: the API's own message is English (for scripts), so the status says
 * what happened (signed out, not allowed, too many keys, already revoked) and anything else is a failure to retry.
 */
export function errorText(error: unknown, t: AdminShellTranslate): string {
  const status = error instanceof RequestError ? error.status : undefined;
  if (status === 401) return t('keys.error.signedOut');
  if (status === 409) return t('keys.error.tooMany', { max: KEY_LIMIT });
  if (status === 404) return t('keys.error.gone');
  return t('keys.error.request', { message: t(status === 403 ? 'problem.forbidden' : 'problem.failed') });
}

/** What a form's post without JavaScript came back saying (the page's `?change=`); a new key says it with its secret. */
export function keyChangeText(outcome: KeyChangeOutcome, t: AdminShellTranslate): { text: string; ok: boolean } | null {
  switch (outcome) {
    case 'created':
      return null;
    case 'revoked':
      return { text: t('keys.change.revoked'), ok: true };
    case 'invalidName':
      return { text: t('keys.error.name'), ok: false };
    case 'invalidScopes':
      return { text: t('keys.error.scopes'), ok: false };
    case 'invalid':
      return { text: t('keys.error.invalid'), ok: false };
    case 'tooMany':
      return { text: t('keys.error.tooMany', { max: KEY_LIMIT }), ok: false };
    case 'missing':
      return { text: t('keys.error.gone'), ok: false };
    case 'forbidden':
      return { text: t('keys.error.request', { message: t('problem.forbidden') }), ok: false };
    case 'failed':
      return { text: t('keys.error.request', { message: t('problem.failed') }), ok: false };
  }
}

export const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
export const primary = `rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${focusRing}`;
export const secondary = `rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${focusRing}`;
export const danger = `rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${focusRing}`;
