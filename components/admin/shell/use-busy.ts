'use client';

import { useCallback, useRef, useState } from 'react';

/**
 * An action in flight that keeps the keyboard focus where it is. A `disabled` button that has the focus drops it to
 * <body>, so the control that started the action says it is busy with `aria-disabled` (`busyProps`) instead, and
 * `run` ignores a second press while the first is still running.
 */
export function useBusy(): { busy: boolean; run: (action: () => Promise<void>) => Promise<void> } {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await action();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}

/** What a focusable control carries while it cannot act: announced and styled as unavailable, but still focused. */
export const busyProps = (busy: boolean) => ({ 'aria-disabled': busy || undefined });
