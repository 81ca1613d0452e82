import { useEffect, useState } from 'react';
import { useT } from '@/lib/i18n/provider';
import type { ConnectionState } from './connection';

export interface ConnectionStatusProps {
  state: ConnectionState;
  /** Messages in the outbox that the server has not taken yet. */
  queued: number;
  onRetryNow: () => void;
  /** Injected in tests. */
  now?: () => number;
}

const DOT: Record<ConnectionState['kind'], string> = {
  connected: 'bg-emerald-500',
  reconnecting: 'bg-amber-500',
  offline: 'bg-slate-400',
};

/** Seconds until `at`, re-rendered every second while there is a countdown. */
function useSecondsUntil(at: number | null, now: () => number): number | null {
  const [, tick] = useState(0);
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now()) / 1000));
}

/**
 * The connection as the chat really sees it. The live region announces changes of state and of the queue only; the
 * countdown beside it is readable but silent, or a screen reader would read a number every second.
 */
export function ConnectionStatus({ state, queued, onRetryNow, now = Date.now }: ConnectionStatusProps) {
  const t = useT();
  const seconds = useSecondsUntil(state.kind === 'reconnecting' ? state.nextAttemptAt : null, now);
  const headline =
    state.kind === 'connected' ? t('chat.status.connected') : state.kind === 'offline' ? t('chat.status.offline') : t('chat.status.reconnecting');
  const queue = queued === 0 ? null : queued === 1 ? t('chat.status.queuedOne') : t('chat.status.queuedMany', { count: queued });
  return (
    <div data-testid="connection-status" data-state={state.kind} className="flex min-w-0 items-start gap-x-1.5 text-xs leading-4 text-slate-600">
      {/* Beside the first line, however many the text wraps to. */}
      <span aria-hidden="true" className={`mt-1 size-2 shrink-0 rounded-full ${DOT[state.kind]}`} />
      <div className="flex min-w-0 flex-wrap items-center gap-x-1.5">
        <p role="status" aria-live="polite" className="min-w-0">
          <span className="sr-only">{t('chat.status.label')}: </span>
          <span data-testid="connection-status-text">{headline}</span>
          {queue ? <span data-testid="connection-status-queued"> · {queue}</span> : null}
        </p>
        {state.kind === 'reconnecting' && seconds !== null ? (
          <span data-testid="connection-status-countdown" className="tabular-nums">
            ({seconds > 0 ? t('chat.status.nextAttempt', { seconds }) : t('chat.status.tryingNow')})
          </span>
        ) : null}
        {state.kind !== 'connected' ? (
          <button
            type="button"
            data-testid="connection-retry"
            onClick={onRetryNow}
            className="rounded px-1 font-medium text-brand-700 underline hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {t('chat.status.retryNow')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
