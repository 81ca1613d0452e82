import type { Stage } from '@/lib/sales/types';
import type { Granularity } from './buckets';

/**
 * What GET /api/v1/admin/metrics answers (docs/admin.md, "Analytics"). Client-safe types only: the dashboard reads
 * them. Rates are fractions (0–1) and null when their denominator is 0; latencies are milliseconds, null when nothing
 * was measured; times are ISO strings in UTC.
 */
export const RANGE_PRESETS = ['24h', '7d', '30d', '90d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface MetricsRange {
  from: string;
  /** Exclusive. */
  to: string;
  granularity: Granularity;
  /** The IANA zone whose days the day buckets are (the admin's; UTC when not known). Hours are UTC hours. */
  timeZone: string;
  preset: RangePreset | null;
}

export interface MetricsKpis {
  conversations: number;
  /** Conversations in which the prospect sent at least two messages within the range. */
  engagedConversations: number;
  leads: number;
  meetings: number;
  /** Meetings the prospect cancelled in the chat (counted when cancelled, whenever booked). */
  meetingsCancelled: number;
  handoffs: number;
  /** Distinct visitors (HyperLogLog estimate, ±0.81%). */
  visitors: number;
  prospectMessages: number;
  /** leads / conversations. */
  leadConversion: number | null;
  /** meetings / conversations. */
  meetingConversion: number | null;
}

export interface SeriesPoint {
  /** Start of the hour or day. */
  start: string;
  conversations: number;
  leads: number;
  meetings: number;
  handoffs: number;
  visitors: number;
  prospectMessages: number;
  errors: number;
}

export interface FunnelStep {
  stage: Stage;
  /** Conversations whose furthest stage in the range is this one or later. */
  reached: number;
  /** reached / reached at the first stage. */
  shareOfStart: number | null;
  /** Share of this stage's conversations that went no further (null on the last stage). */
  dropOff: number | null;
}

/** A breakdown's value when none was given (no UTM source, not embedded, unknown locale or agent). */
export const NO_VALUE = '-';
/** The row that folds a breakdown's rows past its first twenty. */
export const OTHER_VALUE = '*';

export interface BreakdownRow {
  /** The UTM source, embedding origin, locale or agent; "-" when none was given, "*" for the rows folded together. */
  value: string;
  conversations: number;
  leads: number;
  meetings: number;
  handoffs: number;
}

export interface LatencySummary {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface TopicCount {
  id: string;
  title: string;
  count: number;
}

export interface MetricsReport {
  range: MetricsRange;
  generatedAt: string;
  /** Time the store query took, in ms. */
  queryMs: number;
  kpis: MetricsKpis;
  series: SeriesPoint[];
  funnel: FunnelStep[];
  breakdown: Record<'source' | 'site' | 'locale' | 'agent', BreakdownRow[]>;
  latency: { firstToken: LatencySummary; firstAudio: LatencySummary };
  rates: {
    /** Prospect messages: every turn starts with one. */
    turns: number;
    errors: number;
    errorRate: number | null;
    fallbacks: number;
    fallbackRate: number | null;
    rateLimited: number;
    ttsCacheHits: number;
    errorCodes: { code: string; count: number }[];
  };
  topQuestions: TopicCount[];
  topObjections: TopicCount[];
  /** Prospects' thumbs up/down on replies in the range: one rating per reply (a changed vote counts once). */
  feedback: FeedbackSummary;
}

export interface FeedbackSummary {
  up: number;
  down: number;
  /** up / (up + down); null when no reply was rated. */
  helpfulShare: number | null;
}
