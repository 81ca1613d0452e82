import { useCallback, useEffect, useRef, useState } from 'react';
import { loadHistory, type LoadedHistory } from './chat-history';

export interface HistoryState {
  data: LoadedHistory | undefined;
  error: unknown;
  /** Asking, with nothing to show yet. */
  isLoading: boolean;
  /** Ask again; the current data stays until the answer replaces it. */
  mutate: () => Promise<void>;
}

/**
 * The conversation's stored history, asked once when the conversation opens and again on `mutate()` (SWR's shape for
 * the three things the chat used it for, without its 5 KB: no shared cache, no focus or interval revalidation).
 * `key` null: nothing to ask (a conversation never sent).
 */
export function useHistory(key: readonly [url: string, conversationId: string] | null): HistoryState {
  const [state, setState] = useState<{ data?: LoadedHistory; error?: unknown; loading: boolean }>({ loading: key !== null });
  const latestKey = useRef(key);
  const generation = useRef(0);
  const url = key?.[0];
  const conversationId = key?.[1];

  const load = useCallback(async () => {
    const current = latestKey.current;
    if (!current) return;
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await loadHistory(current);
      if (mine === generation.current) setState({ data, error: undefined, loading: false });
    } catch (error) {
      if (mine === generation.current) setState((previous) => ({ data: previous.data, error, loading: false }));
    }
  }, []);

  useEffect(() => {
    latestKey.current = url !== undefined && conversationId !== undefined ? [url, conversationId] : null;
    if (latestKey.current) void load();
    // An answer to an earlier key must not land after the key changed.
    const counter = generation;
    return () => void counter.current++;
  }, [url, conversationId, load]);

  return { data: state.data, error: state.error, isLoading: state.loading && state.data === undefined, mutate: load };
}
