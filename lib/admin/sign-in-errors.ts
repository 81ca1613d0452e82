/**
 * What the sign-in page says about a refused sign-in, from next-auth's `error` type and `code` (a server action's
 * caught AuthError, or the `?error=…&code=…` of a redirect from /api/auth). Client-safe: no server imports.
 */
export type SignInProblem =
  | { kind: 'missing' }
  | { kind: 'credentials' }
  | { kind: 'rate_limited'; minutes: number }
  | { kind: 'access_denied' }
  | { kind: 'generic' };

export function describeSignInError(type: unknown, code?: unknown): SignInProblem | null {
  if (typeof type !== 'string' || !type) return null;
  if (type === 'CredentialsSignin') {
    const minutes = typeof code === 'string' ? /^rate_limited_(\d{1,4})$/.exec(code)?.[1] : undefined;
    return minutes ? { kind: 'rate_limited', minutes: Number(minutes) } : { kind: 'credentials' };
  }
  if (type === 'AccessDenied') return { kind: 'access_denied' };
  return { kind: 'generic' };
}

/** The sign-in form's state between server-action calls. */
export interface SignInState {
  problem: SignInProblem | null;
  email: string;
}
