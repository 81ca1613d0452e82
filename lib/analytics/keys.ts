import type { EventSource } from '@/lib/events/schema';
import { kvKey, type Kv } from '@/lib/store/kv';
import { NO_VALUE } from './report';

/**
 * Every analytics key and hash field, in one place (docs/admin.md lists them). Keys sit under the app's prefix, in
 * the `an:` namespace; bucket ids are UTC (`yyyymmddhh` / `yyyymmdd`, lib/analytics/buckets.ts).
 */
export function analyticsKeys(kv: Pick<Kv, 'prefix'>) {
  const key = (...parts: string[]) => kvKey(kv, 'an', ...parts);
  return {
    /** Hash of counters for one hour / one day: the same fields at both granularities. */
    hourCounters: (hour: string) => key('h', hour),
    dayCounters: (day: string) => key('d', day),
    /** HyperLogLog of the visitor ids seen in the hour / day (the only place a visitor id is kept). */
    hourVisitors: (hour: string) => key('uv', 'h', hour),
    dayVisitors: (day: string) => key('uv', 'd', day),
    /** Sorted set per hour: conversation id → index in STAGES of the furthest stage it reached (ZADD GT). */
    funnel: (hour: string) => key('f', hour),
    /** Sorted set per hour: conversation id → prospect messages it sent in that hour. */
    prospectMessages: (hour: string) => key('m', hour),
    /** Sorted set per hour: knowledge-base topic id → times asked (questions) or raised (objections). */
    topics: (kind: TopicKind, hour: string) => key('t', kind, hour),
    /** Sorted set: conversation id → time of its last event; the idle sweeper walks it. */
    active: () => key('active'),
    /** Hash per open conversation: `m` messages so far, `s` its source (JSON), for `conversation.ended`. */
    conversation: (id: string) => key('c', id),
    /** Scratch keys of one dashboard query (unions), deleted by the same pipeline. */
    scratch: (queryId: string, name: string) => key('tmp', queryId, name),
  };
}
export type AnalyticsKeys = ReturnType<typeof analyticsKeys>;

export type TopicKind = 'question' | 'objection';

/** Counters with a per-dimension breakdown (`leads|src:newsletter`). */
export const DIMENSIONED_METRICS = ['conversations', 'leads', 'meetings', 'handoffs'] as const;
export type DimensionedMetric = (typeof DIMENSIONED_METRICS)[number];

export const DIMENSIONS = ['source', 'site', 'locale', 'agent'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const DIMENSION_TAGS: Record<Dimension, string> = { source: 'src', site: 'site', locale: 'locale', agent: 'agent' };


/** The counters' field names. */
export const FIELD = {
  conversations: 'conversations',
  leads: 'leads',
  leadUpdates: 'lead_updates',
  meetings: 'meetings',
  /** Meetings the prospect cancelled in the chat (cancel_meeting). */
  meetingsCancelled: 'meetings.cancelled',
  handoffs: 'handoffs',
  prospectMessages: 'messages.user',
  agentMessages: 'messages.assistant',
  stageChanges: 'stage_changes',
  ended: 'ended',
  errors: 'errors',
  fallbacks: 'fallbacks',
  rateLimited: 'rate_limited',
  ttsCacheHits: 'tts_cache_hits',
  /** Replies rated helpful / not helpful (one rating per reply: a changed vote moves). */
  feedbackUp: 'feedback.up',
  feedbackDown: 'feedback.down',
  topics: (kind: TopicKind) => `topics.${kind}`,
  errorCode: (code: string) => `error:${fieldValue(code)}`,
  rateLimit: (limit: string) => `rate_limited:${fieldValue(limit)}`,
  latency: (metric: LatencyMetric, bucket: number) => `lat:${metric}:${bucket}`,
  dimension: (metric: DimensionedMetric, dimension: Dimension, value: string) => `${metric}|${DIMENSION_TAGS[dimension]}:${value}`,
} as const;

export type LatencyMetric = 'first_token' | 'first_audio';

/**
 * A value as it may appear inside a field: lower-case, at most 64 characters, nothing that could be read as a field
 * separator. Free text (a UTM source) cannot carry anything but a label through this.
 */
export function fieldValue(value: string | undefined): string {
  const cleaned = (value ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._:/@+-]+/g, '_')
    .slice(0, 64);
  return cleaned || NO_VALUE;
}

/** The dimension values of an event's source. */
export function sourceDimensions(source: EventSource | undefined): Record<Dimension, string> {
  return {
    source: fieldValue(source?.utm?.source),
    site: fieldValue(source?.embedSite),
    locale: fieldValue(source?.locale),
    agent: fieldValue(source?.agent),
  };
}

/** Reads a dimension field back: `leads|src:newsletter` → { metric, dimension, value }. */
export function parseDimensionField(field: string): { metric: DimensionedMetric; dimension: Dimension; value: string } | null {
  const bar = field.indexOf('|');
  if (bar < 0) return null;
  const metric = field.slice(0, bar) as DimensionedMetric;
  const rest = field.slice(bar + 1);
  const colon = rest.indexOf(':');
  const tag = rest.slice(0, colon);
  const dimension = DIMENSIONS.find((name) => DIMENSION_TAGS[name] === tag);
  if (colon < 0 || !dimension || !DIMENSIONED_METRICS.includes(metric)) return null;
  return { metric, dimension, value: rest.slice(colon + 1) };
}
