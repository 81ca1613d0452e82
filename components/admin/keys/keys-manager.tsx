'use client';

import { useId, useRef, useState } from 'react';
import useSWR from 'swr';
import { focusRing } from '@/components/admin/webhooks/styles';
import type { KeyChangeOutcome } from '@/lib/admin/key-change';
import type { ApiKey } from '@/lib/admin/keys';
import type { Locale } from '@/lib/i18n';
import { adminShellTranslator } from '@/lib/i18n/admin-shell';
import { CreatedKey, CreateKeyForm } from './create-key';
import { call, errorText, keyChangeText, KEYS_URL, secondary } from './keys-api';
import { RevokeButton } from './revoke-button';

/**
 * Lists the API keys; admins also create them (the secret shown once, with a copy button) and revoke them. `start` is
 * the list the server read for the page's HTML (shown without asking again); `change` and `newKey` are what a form's
 * post without JavaScript came back with.
 */
export function KeysManager({
  locale,
  canWrite,
  start = null,
  change,
  newKey = null,
}: {
  locale: Locale;
  canWrite: boolean;
  start?: { keys: ApiKey[] } | null;
  change?: KeyChangeOutcome;
  newKey?: { name: string; secret: string } | null;
}) {
  const t = adminShellTranslator(locale);
  const { data, error, isLoading, mutate } = useSWR<{ keys: ApiKey[] }>(KEYS_URL, (url: string) => call(url), {
    revalidateOnFocus: true,
    ...(start ? { fallbackData: start, revalidateOnMount: false } : {}),
  });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(newKey);
  const changed = change ? keyChangeText(change, t) : null;
  const changedId = useId();
  // A post without JavaScript refused the name or the scopes: that field is marked and points to the message.
  const refused = change === 'invalidName' ? 'name' : change === 'invalidScopes' ? 'scopes' : undefined;
  const [status, setStatus] = useState('');
  // A revoked key's row goes with the focus on it: the list's heading takes it instead of <body>.
  const listHeading = useRef<HTMLHeadingElement>(null);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="space-y-8">
      <p role="status" aria-live="polite" className="sr-only" data-testid="keys-status">
        {status}
      </p>
      {changed ? (
        <p id={changedId} role={changed.ok ? 'status' : 'alert'} className={`text-sm ${changed.ok ? 'text-emerald-700' : 'text-red-800'}`} data-testid="keys-change">
          {changed.text}
        </p>
      ) : null}
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
            refused={refused ? { field: refused, by: changedId } : undefined}
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
        <h2 id="keys-list-heading" ref={listHeading} tabIndex={-1} className="text-lg font-semibold text-slate-900 outline-none">
          {t('keys.list.heading')}
        </h2>
        {error ? (
          // A keyboard can ask again at once, rather than waiting for the window to get the focus back.
          <div role="alert" className="mt-2 flex flex-wrap items-center gap-3 text-sm text-red-800">
            <span>{errorText(error, t)}</span>
            <button type="button" className={secondary} onClick={() => void mutate()}>
              {t('keys.list.retry')}
            </button>
          </div>
        ) : isLoading || !data ? (
          <p className="mt-2 text-sm text-slate-600">{t('keys.list.loading')}</p>
        ) : data.keys.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('keys.list.empty')}</p>
        ) : (
          <div role="group" aria-labelledby="keys-list-heading" tabIndex={0} className={`mt-3 overflow-x-auto rounded-lg ring-1 ring-slate-200 ${focusRing}`}>
            <table className="min-w-full divide-y divide-slate-200 bg-white text-sm" data-testid="keys-table">
              <thead className="bg-slate-50 text-start text-slate-700">
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
                    {/* The admin's own words: isolated (a Latin name on an Arabic page keeps its order) and wrapped, not widening the table. */}
                    <th scope="row" className="min-w-40 px-3 py-2 text-start font-medium wrap-anywhere text-slate-900">
                      <bdi>{key.name}</bdi>
                    </th>
                    <td className="px-3 py-2 font-mono text-xs text-slate-700">{key.preview}</td>
                    <td className="px-3 py-2 text-slate-700">{key.scopes.join(', ')}</td>
                    <td className="px-3 py-2 text-slate-700">
                      {dateFormat.format(key.createdAt)}
                      {key.createdBy && <span className="block text-xs wrap-anywhere text-slate-500">{t('keys.createdBy', { email: key.createdBy })}</span>}
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
                            listHeading.current?.focus();
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
