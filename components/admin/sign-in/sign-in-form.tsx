'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { SignInProblem, SignInState } from '@/lib/admin/sign-in-errors';
import type { AdminShellTranslate } from '@/lib/i18n/admin-shell';
import { adminShellTranslator } from '@/lib/i18n/admin-shell';
import type { Locale } from '@/lib/i18n';

type SignInAction = (previous: SignInState, form: FormData) => Promise<SignInState>;

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 aria-[invalid=true]:border-red-600';
const button =
  'w-full rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-70';

export function problemMessage(problem: SignInProblem, t: AdminShellTranslate): string {
  switch (problem.kind) {
    case 'missing':
      return t('signIn.error.missing');
    case 'credentials':
      return t('signIn.error.credentials');
    case 'rate_limited':
      return problem.minutes === 1 ? t('signIn.error.rateLimitedOne') : t('signIn.error.rateLimited', { minutes: problem.minutes });
    case 'access_denied':
      return t('signIn.error.accessDenied');
    default:
      return t('signIn.error.generic');
  }
}

/**
 * E-mail and password, sent by a server action through next-auth. The refusal is announced (role="alert"), tied to
 * the fields with aria-describedby, and focus returns to the password for another try.
 */
export function SignInForm({
  action,
  locale,
  callbackUrl,
  initialProblem,
}: {
  action: SignInAction;
  locale: Locale;
  callbackUrl: string;
  initialProblem: SignInProblem | null;
}) {
  const t = adminShellTranslator(locale);
  const [state, submit, pending] = useActionState(action, { problem: initialProblem, email: '' });
  const password = useRef<HTMLInputElement>(null);
  const problem = state.problem;

  useEffect(() => {
    // After a refusal: an empty password field, with the focus, for the next try.
    if (!state.problem || !password.current) return;
    password.current.value = '';
    password.current.focus();
  }, [state]);

  return (
    <form action={submit} className="space-y-4" noValidate data-testid="admin-sign-in-form">
      {problem && (
        <div id="sign-in-error" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-semibold">{t('signIn.errorTitle')}</p>
          <p>{problemMessage(problem, t)}</p>
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="sign-in-email" className="block text-sm font-medium text-slate-800">
          {t('signIn.email')}
        </label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'sign-in-error' : undefined}
          className={field}
        />
      </div>
      <div>
        <label htmlFor="sign-in-password" className="block text-sm font-medium text-slate-800">
          {t('signIn.password')}
        </label>
        <input
          ref={password}
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'sign-in-error' : undefined}
          className={field}
        />
      </div>
      <button type="submit" className={button} disabled={pending} aria-disabled={pending}>
        {pending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
