'use server';

import { AuthError } from 'next-auth';
import { unstable_rethrow } from 'next/navigation';
import { oauthProviderIds, signIn, signOut } from '@/lib/admin/auth';
import { describeSignInError, type SignInProblem, type SignInState } from '@/lib/admin/sign-in-errors';
import { safeAdminDestination, SIGN_IN_PATH } from '@/lib/admin/session-cookie';

/**
 * The admin sign-in's server actions: they go through next-auth (lib/admin/auth.ts) in-process, so the page works
 * without client JavaScript too; Next.js checks the Origin of every action. docs/admin.md.
 */
function problemOf(error: unknown): SignInProblem {
  // next-auth may be bundled twice (route and action): compare by the error's type, not by class identity.
  const type = error instanceof AuthError || (error && typeof error === 'object' && 'type' in error) ? (error as AuthError).type : undefined;
  const code = (error as { code?: unknown } | null)?.code;
  if (!type) console.error('[auth] sign-in failed:', error);
  return describeSignInError(type ?? 'Configuration', code) ?? { kind: 'generic' };
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return { problem: { kind: 'missing' }, email };
  try {
    await signIn('credentials', { email, password, redirectTo: safeAdminDestination(form.get('callbackUrl')) });
  } catch (error) {
    // Success is a redirect, thrown.
    unstable_rethrow(error);
    return { problem: problemOf(error), email };
  }
  return { problem: { kind: 'generic' }, email };
}

export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = form.get('provider');
  const configured = oauthProviderIds();
  if (provider !== 'github' && provider !== 'google') return;
  if (!configured.includes(provider)) return;
  await signIn(provider, { redirectTo: safeAdminDestination(form.get('callbackUrl')) });
}

export async function signOutOfAdmin(): Promise<void> {
  await signOut({ redirectTo: SIGN_IN_PATH });
}
