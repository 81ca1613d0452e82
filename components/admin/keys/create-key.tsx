'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useInBrowser } from '@/components/admin/shell/use-in-browser';
import { busyProps, useBusy } from '@/components/admin/shell/use-busy';
import { keyCreateFormAction } from '@/lib/admin/key-change';
import type { ApiKey, ApiKeyScope } from '@/lib/admin/keys';
import type { AdminShellTranslate } from '@/lib/i18n/admin-shell';
import { call, errorText, focusRing, KEYS_URL, primary, secondary } from './keys-api';

const SCOPES: readonly ApiKeyScope[] = ['leads:read', 'export', 'webhooks'];

/**
 * Name and scopes of a new key, checked here first (the server checks again). Without JavaScript the form posts itself
 * (app/api/v1/admin/keys/form) and the page comes back with the secret, or why not.
 */
export function CreateKeyForm({
  t,
  onCreated,
  refused,
}: {
  t: AdminShellTranslate;
  onCreated: (result: { key: ApiKey; secret: string }) => Promise<void>;
  /** The field a post without JavaScript had refused, and the id of the page's message saying why. */
  refused?: { field: 'name' | 'scopes'; by: string } | undefined;
}) {
  const [problem, setProblem] = useState('');
  // Which field the problem is about, so that field is marked invalid and points to it.
  const [problemField, setProblemField] = useState<'name' | 'scopes' | null>(null);
  const { busy, run } = useBusy();
  const nameId = useId();
  const hintId = useId();
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const scopes = form.getAll('scopes').map(String);
    setProblemField(!name || name.length > 80 ? 'name' : scopes.length === 0 ? 'scopes' : null);
    if (!name || name.length > 80) return setProblem(t('keys.error.name'));
    if (scopes.length === 0) return setProblem(t('keys.error.scopes'));
    await run(async () => {
      setProblem('');
      try {
        await onCreated(
          await call<{ key: ApiKey; secret: string }>(KEYS_URL, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name, scopes }),
          }),
        );
      } catch (error) {
        setProblem(errorText(error, t));
      }
    });
  }

  // The form's own problem, or else the server's refusal of a post without JavaScript.
  const invalid = problem ? problemField : (refused?.field ?? null);
  const problemId = problem ? errorId : refused?.by;
  return (
    <section aria-labelledby="keys-create-heading" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id="keys-create-heading" className="text-lg font-semibold text-slate-900">
        {t('keys.create.heading')}
      </h2>
      <form action={keyCreateFormAction} method="post" onSubmit={submit} noValidate className="mt-3 space-y-4" data-testid="create-key-form">
        {problem && (
          <p id={errorId} role="alert" className="text-sm text-red-800">
            {problem}
          </p>
        )}
        <div>
          <label htmlFor={nameId} className="block text-sm font-medium text-slate-800">
            {t('keys.create.name')}
          </label>
          <input
            id={nameId}
            name="name"
            maxLength={80}
            required
            aria-invalid={invalid === 'name' ? true : undefined}
            aria-describedby={invalid === 'name' || problem ? `${hintId} ${problemId}` : hintId}
            className={`mt-1 block w-full max-w-md rounded-md border border-slate-300 px-3 py-2 ${focusRing}`}
          />
          <p id={hintId} className="mt-1 text-xs text-slate-600">
            {t('keys.create.nameHint')}
          </p>
        </div>
        <fieldset aria-describedby={invalid === 'scopes' ? problemId : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('keys.create.scopes')}</legend>
          <div className="mt-1 space-y-1">
            {SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="scopes" value={scope} className={`size-4 ${focusRing}`} />
                {t(`keys.scope.${scope}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={primary} {...busyProps(busy)}>
          {busy ? t('keys.create.submitting') : t('keys.create.submit')}
        </button>
      </form>
    </section>
  );
}

/** The new key's secret, shown this once, with a copy button; the heading takes the focus. */
export function CreatedKey({ created, t, onDone }: { created: { name: string; secret: string }; t: AdminShellTranslate; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const inBrowser = useInBrowser();
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopyStatus(t('keys.copied'));
    } catch {
      setCopyStatus(t('keys.copyFailed'));
    }
  }

  return (
    <section aria-labelledby="keys-created-heading" className="rounded-lg bg-amber-50 p-4 ring-1 ring-amber-300" data-testid="created-key">
      <h2 id="keys-created-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        {t('keys.created.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-800">{t('keys.created.once', { name: created.name })}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="created-key-secret">
          {t('keys.created.label')}
        </label>
        <input
          id="created-key-secret"
          readOnly
          value={created.secret}
          onFocus={(event) => event.currentTarget.select()}
          className={`w-full max-w-xl rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm ${focusRing}`}
          data-testid="created-key-secret"
        />
        {/* Copy and Done need JavaScript: without it they would be buttons that do nothing. */}
        {inBrowser ? (
          <>
            <button type="button" className={secondary} onClick={copy}>
              {t('keys.copy')}
            </button>
            <button type="button" className={primary} onClick={onDone}>
              {t('keys.created.done')}
            </button>
          </>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-slate-700">
        {copyStatus}
      </p>
    </section>
  );
}
