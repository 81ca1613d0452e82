'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import useSWR from 'swr';
import type { ApiKey, ApiKeyScope } from '@/lib/admin/keys';
import type { Locale } from '@/lib/i18n';
import { adminShellTranslator, type AdminShellTranslate } from '@/lib/i18n/admin-shell';

const SCOPES: readonly ApiKeyScope[] = ['leads:read', 'export', 'webhooks'];
const KEYS_URL = '/api/v1/admin/keys';

class RequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new RequestError(body?.error?.message ?? `HTTP ${response.status}`, response.status);
  return body as T;
}

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
const primary = `rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60 ${focusRing}`;
const secondary = `rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 ${focusRing}`;
const danger = `rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 ${focusRing}`;

function errorText(error: unknown, t: AdminShellTranslate): string {
  if (error instanceof RequestError && error.status === 401) return t('keys.error.signedOut');
  return t('keys.error.request', { message: error instanceof Error ? error.message : String(error) });
}

/** Lists the API keys; admins also create them (the secret shown once, with a copy button) and revoke them. */
export function KeysManager({ locale, canWrite }: { locale: Locale; canWrite: boolean }) {
  const t = adminShellTranslator(locale);
  const { data, error, isLoading, mutate } = useSWR<{ keys: ApiKey[] }>(KEYS_URL, (url: string) => call(url), { revalidateOnFocus: true });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [status, setStatus] = useState('');
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="space-y-8">
      <p role="status" aria-live="polite" className="sr-only" data-testid="keys-status">
        {status}
      </p>
      {canWrite ? (
        created ? (
          <CreatedKey
            created={created}
            t={t}
            onDone={() => {
              setCreated(null);
              setStatus('');
            }}
          />
        ) : (
          <CreateKeyForm
            t={t}
            onCreated={async (result) => {
              setCreated({ name: result.key.name, secret: result.secret });
              await mutate();
            }}
          />
        )
      ) : (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t('keys.viewerNote')}</p>
      )}

      <section aria-labelledby="keys-list-heading">
        <h2 id="keys-list-heading" className="text-lg font-semibold text-slate-900">
          {t('keys.list.heading')}
        </h2>
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-800">
            {errorText(error, t)}
          </p>
        ) : isLoading || !data ? (
          <p className="mt-2 text-sm text-slate-600">{t('keys.list.loading')}</p>
        ) : data.keys.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('keys.list.empty')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg ring-1 ring-slate-200">
            <table className="min-w-full divide-y divide-slate-200 bg-white text-sm" data-testid="keys-table">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">{t('keys.col.name')}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t('keys.col.key')}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t('keys.col.scopes')}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t('keys.col.created')}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t('keys.col.lastUsed')}</th>
                  {canWrite && <th scope="col" className="px-3 py-2 font-semibold">{t('keys.col.actions')}</th>}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.keys.map((key) => (
                  <tr key={key.id}>
                    <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">{key.name}</th>
                    <td className="px-3 py-2 font-mono text-xs text-slate-700">{key.preview}</td>
                    <td className="px-3 py-2 text-slate-700">{key.scopes.join(', ')}</td>
                    <td className="px-3 py-2 text-slate-700">
                      {dateFormat.format(key.createdAt)}
                      {key.createdBy && <span className="block text-xs text-slate-500">{t('keys.createdBy', { email: key.createdBy })}</span>}
                    </td>
                    <td className="px-3 py-2 text-slate-700">{key.lastUsedAt ? dateFormat.format(key.lastUsedAt) : t('keys.never')}</td>
                    {canWrite && (
                      <td className="px-3 py-2">
                        <RevokeButton
                          apiKey={key}
                          t={t}
                          onRevoked={async () => {
                            setStatus(t('keys.revoked', { name: key.name }));
                            await mutate();
                          }}
                          onError={(problem) => setStatus(errorText(problem, t))}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function CreateKeyForm({ t, onCreated }: { t: AdminShellTranslate; onCreated: (result: { key: ApiKey; secret: string }) => Promise<void> }) {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const hintId = useId();
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const scopes = form.getAll('scopes').map(String);
    if (!name || name.length > 80) return setProblem(t('keys.error.name'));
    if (scopes.length === 0) return setProblem(t('keys.error.scopes'));
    setBusy(true);
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
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="keys-create-heading" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id="keys-create-heading" className="text-lg font-semibold text-slate-900">
        {t('keys.create.heading')}
      </h2>
      <form onSubmit={submit} noValidate className="mt-3 space-y-4" data-testid="create-key-form">
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
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
            className={`mt-1 block w-full max-w-md rounded-md border border-slate-300 px-3 py-2 ${focusRing}`}
          />
          <p id={hintId} className="mt-1 text-xs text-slate-600">
            {t('keys.create.nameHint')}
          </p>
        </div>
        <fieldset>
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
        <button type="submit" className={primary} disabled={busy}>
          {busy ? t('keys.create.submitting') : t('keys.create.submit')}
        </button>
      </form>
    </section>
  );
}

function CreatedKey({ created, t, onDone }: { created: { name: string; secret: string }; t: AdminShellTranslate; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
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
        <button type="button" className={secondary} onClick={copy}>
          {t('keys.copy')}
        </button>
        <button type="button" className={primary} onClick={onDone}>
          {t('keys.created.done')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-slate-700">
        {copyStatus}
      </p>
    </section>
  );
}

function RevokeButton({
  apiKey,
  t,
  onRevoked,
  onError,
}: {
  apiKey: ApiKey;
  t: AdminShellTranslate;
  onRevoked: () => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const open = useRef<HTMLButtonElement>(null);
  const promptId = useId();

  const asked = useRef(false);
  useEffect(() => {
    // The safe choice gets focus when the question appears; the Revoke button gets it back when it goes.
    if (confirming) keep.current?.focus();
    else if (asked.current) open.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button ref={open} type="button" className={secondary} aria-label={t('keys.revoke.label', { name: apiKey.name })} onClick={() => setConfirming(true)}>
        {t('keys.revoke')}
      </button>
    );
  }

  async function revoke() {
    setBusy(true);
    try {
      await call(`${KEYS_URL}/${encodeURIComponent(apiKey.id)}`, { method: 'DELETE' });
      await onRevoked();
    } catch (error) {
      onError(error);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div role="group" aria-labelledby={promptId} className="space-y-2" onKeyDown={(event) => event.key === 'Escape' && setConfirming(false)}>
      <p id={promptId} className="max-w-xs text-sm text-slate-800">
        {t('keys.revoke.confirm', { name: apiKey.name })}
      </p>
      <div className="flex gap-2">
        <button type="button" className={danger} onClick={revoke} disabled={busy}>
          {t('keys.revoke.yes')}
        </button>
        <button ref={keep} type="button" className={secondary} onClick={() => setConfirming(false)}>
          {t('keys.revoke.cancel')}
        </button>
      </div>
    </div>
  );
}
