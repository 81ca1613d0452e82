/**
 * What the admin API answers about conversations and leads (app/api/v1/admin/{conversations,leads}), shared by the
 * routes and the admin UI. Client-safe: types and constants only.
 */
import type { Locale } from '@/lib/i18n/locales';
import { LEAD_FIELDS, STAGES } from '@/lib/sales/state';

export { LEAD_FIELDS, STAGES };

/** Where a sales team has got with a lead; every lead starts as `new`. */
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export function isLeadStatus(value: unknown): value is LeadStatus {
  return typeof value === 'string' && (LEAD_STATUSES as readonly string[]).includes(value);
}

/** One row of the conversations or leads list: the search index's entry for a conversation. */
export interface RecordRow {
  id: string;
  createdAt: number;
  /** Last activity (epoch ms): the lists are ordered by it, newest first. */
  updatedAt: number;
  messageCount: number;
  /** The first user message, shortened. */
  title: string;
  stage: string | null;
  score: number;
  email?: string;
  name?: string;
  company?: string;
  /** The prospect told us at least one lead field. */
  hasLead: boolean;
  status: LeadStatus;
  bookings: number;
  handoff: boolean;
}

export interface RecordPage {
  items: RecordRow[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

/** A tool call, data part or stage change shown inline in a transcript. */
export type TranscriptSegment =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; name: string; state: string; input?: string; output?: string; error?: string }
  | { kind: 'notice'; level: 'info' | 'warning'; code: string; message: string }
  | { kind: 'stage'; to: string; reason: string }
  | { kind: 'lead'; changed: string[]; score: number }
  | { kind: 'booking'; email: string; localLabel: string; start: string; cancelled?: true }
  | { kind: 'handoff'; reason: string; email?: string };

export type TranscriptEntry =
  | {
      kind: 'message';
      id: string;
      role: 'user' | 'assistant' | 'system';
      at?: number;
      agent?: string;
      status?: 'stopped' | 'incomplete';
      /**
       * The language the message's words are in (its `lang`, so a screen reader in an Arabic admin reads a German
       * message in German): what its text clearly reads as, else the one the conversation's messages mostly read as;
       * absent when neither says (the page's language applies).
       */
      lang?: Locale;
      segments: TranscriptSegment[];
    }
  /** A stage change the sales state recorded but no message carries (placed by time). */
  | { kind: 'stage'; from: string; to: string; reason: string; at: number };

export interface BookingView {
  id: string;
  email: string;
  start: string;
  localLabel: string;
  timezone: string;
  durationMinutes: number;
  /** Epoch ms the prospect cancelled it; absent while it stands. */
  cancelledAt?: number;
}

export interface ConversationDetail {
  id: string;
  createdAt: number;
  updatedAt: number;
  messageCount: number;
  title: string;
  stage: string | null;
  lead: { score: number; status: LeadStatus; email?: string; name?: string; company?: string; fields: number } | null;
  transcript: TranscriptEntry[];
  bookings: BookingView[];
  handoff: { reason: string; at: number; email?: string } | null;
}

export interface LeadFieldView {
  field: string;
  value: string | number;
  /** The prospect's own sentence the value came from. */
  evidence: string;
  /** The language of that sentence (its `lang`), as a transcript message's; absent when it cannot be told. */
  lang?: Locale;
  /** 0–1. */
  confidence: number;
  /** Whether the agent had asked for it just before. */
  asked: boolean;
  capturedAt: number;
}

export interface StatusChange {
  status: LeadStatus;
  note: string;
  at: number;
  /** Who changed it: the admin's e-mail, or `key:<id>`. */
  by: string;
}

export interface LeadDetail {
  id: string;
  createdAt: number;
  updatedAt: number;
  title: string;
  stage: string | null;
  score: number;
  reasons: string[];
  fields: LeadFieldView[];
  status: LeadStatus;
  /** Newest first. */
  history: StatusChange[];
  bookings: BookingView[];
  handoff: { reason: string; at: number; email?: string } | null;
}

/** What a record's server page read (lib/admin/record-detail-page.ts), so the page shows it without JavaScript. */
export interface DetailStart<T> {
  /** Null when there is no such record (or the id is not one): said as the API's 404 would be. */
  detail: T | null;
  /** The store could not be read: said as any failed load, with Try again. */
  failed: boolean;
}

/** The prospect's thumbs up/down on a conversation's replies, by message id (GET …/conversations/{id}/feedback). */
export type Ratings = { ratings: Record<string, 'up' | 'down'> };
