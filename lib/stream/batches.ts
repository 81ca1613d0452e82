import type { UIMessageChunk } from 'ai';

/** How the end of a reply is recorded: finished, stopped by the prospect, or cut by a failure. */
export type ReplyEnd = 'done' | 'stopped' | 'error';

/** One flush of the resume buffer (docs/streaming.md). A batch without events is a keep-alive or a control batch. */
export interface ReplyBatch {
  at: number;
  events?: Array<[number, UIMessageChunk]>;
  end?: ReplyEnd;
  /** Pushed by a Stop that landed on another instance. */
  control?: 'stop';
}

export function parseBatch(raw: string): ReplyBatch | null {
  try {
    const value = JSON.parse(raw) as ReplyBatch;
    return value && typeof value === 'object' && typeof value.at === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** The batches among raw buffer entries (an unreadable entry is skipped). */
export function parseBatches(raw: string[]): ReplyBatch[] {
  return raw.map(parseBatch).filter((batch): batch is ReplyBatch => batch !== null);
}

/** A producer that wrote nothing (not even a keep-alive) for this long is dead (a server restart). */
export const PRODUCER_STALE_MS = 6_000;
export const KEEP_ALIVE_MS = 2_000;
export const FLUSH_MS = 500;
