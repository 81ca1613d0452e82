import type { UIMessageChunk } from 'ai';
import type { SalesDataParts } from '@/lib/chat/messages';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import type { SalesState } from '@/lib/sales/types';

export type SalesLocale = 'en' | 'es';

/** A `data-<name>` chunk of the UI message stream. */
export type SalesDataChunk = { [K in keyof SalesDataParts]: { type: `data-${K}`; data: SalesDataParts[K] } }[keyof SalesDataParts];

/**
 * What the sales brain works on during one turn. The tools and the turn's steps mutate `state`; the chat turn stores
 * it with the messages when the reply ends.
 */
export interface SalesSession {
  conversationId: string;
  locale: SalesLocale;
  kb: KnowledgeBase;
  state: SalesState;
  /** The prospect's messages so far, oldest first, including the new one: the evidence for anything captured. */
  userMessages: { id: string; text: string }[];
  now: () => number;
  /** Sends a data part to the browser (set by the agent while its stream is open). */
  emit: (chunk: SalesDataChunk | Extract<UIMessageChunk, { type: 'source-document' }>) => void;
}
