import 'server-only';
import type { Locale } from '@/lib/i18n/locales';
import { getKnowledgeBase, type KnowledgeBase } from '@/lib/sales/knowledge';
import { getLocalizedKnowledgeBase } from '@/lib/sales/knowledge/localized';
import { STAGES } from '@/lib/sales/types';
import { kvHash, type Kv, type KvCommand } from '@/lib/store/kv';
import { DAY_MS, bucketId, bucketStarts, dayId, floorTo, hourId } from './buckets';
import { histogramQuantile, type Histogram } from './histogram';
import {
  DIMENSIONS,
  DIMENSIONED_METRICS,
  FIELD,
  analyticsKeys,
  parseDimensionField,
  type Dimension,
  type LatencyMetric,
  type TopicKind,
} from './keys';
import { rangeBucketStarts, type ResolvedRange } from './range';
import { OTHER_VALUE, type BreakdownRow, type FunnelStep, type LatencySummary, type MetricsReport, type SeriesPoint, type TopicCount } from './report';
import { topicTitle } from './topics';

/**
 * The dashboard's query: everything for one range in a single pipeline. Counters come from the hour or day hashes of
 * the range (HGETALL each), unique visitors from PFCOUNT over its HyperLogLogs, and the per-conversation figures
 * (furthest stage, engaged conversations) and top topics from unions of the range's hourly sorted sets, stored under
 * scratch keys that the same pipeline deletes (each also gets a one-minute expiry should the pipeline be cut).
 */
const TOP_TOPICS = 10;
const BREAKDOWN_ROWS = 20;

export interface QueryOptions {
  kv: Kv;
  range: ResolvedRange;
  /** The knowledge base topics are titled from; by default the viewer's locale's, English for what it lacks. */
  kb?: KnowledgeBase;
  /** The viewer's language: topic titles (FAQ questions, objection titles) come from its knowledge overlay. */
  locale?: Locale;
  now?: number;
}

export async function queryMetrics({ kv, range, locale = 'en', kb, now = Date.now() }: QueryOptions): Promise<MetricsReport> {
  const started = performance.now();
  const plan = planQuery(kv, range);
  const replies = await kv.exec(plan.commands);
  // A knowledge base the caller chose is used as it is; otherwise the locale's words, and English for what they lack.
  const titles = kb ? { kb } : { kb: getLocalizedKnowledgeBase(locale), fallbackKb: getKnowledgeBase() };
  return buildReport(plan, replies, { ...titles, now, queryMs: performance.now() - started });
}

type Plan = ReturnType<typeof planQuery>;

/** The commands of one query, and where each answer sits in the reply list. */
export function planQuery(kv: Pick<Kv, 'prefix'>, range: ResolvedRange) {
  const keys = analyticsKeys(kv);
  const starts = rangeBucketStarts(range);
  // (A zone half an hour off UTC has days of whole UTC hours: each starts on the hour its midnight falls in.)
  const hours = bucketStarts(range.from, floorTo(range.to, 'hour'), 'hour').map((at) => bucketId(at, 'hour'));
  // The store keeps UTC hours and UTC days: a bucket that is one UTC hour or one UTC day reads its own hash, any other
  // day (the admin's, east or west of UTC) the hours it is made of.
  const bucketKeys = starts.map((start, index) => {
    const end = starts[index + 1] ?? range.to;
    if (range.granularity === 'hour') return [{ counters: keys.hourCounters(hourId(start)), visitors: keys.hourVisitors(hourId(start)) }];
    if (start % DAY_MS === 0 && end - start === DAY_MS) return [{ counters: keys.dayCounters(dayId(start)), visitors: keys.dayVisitors(dayId(start)) }];
    return bucketStarts(start, floorTo(end, 'hour'), 'hour').map((at) => ({ counters: keys.hourCounters(hourId(at)), visitors: keys.hourVisitors(hourId(at)) }));
  });
  const counters = bucketKeys.flat().map((key) => key.counters);
  const visitors = bucketKeys.flat().map((key) => key.visitors);
  /** Each bucket's replies among the counters': [first, end). */
  const slices: Array<[number, number]> = [];
  for (const sources of bucketKeys) slices.push([slices.at(-1)?.[1] ?? 0, (slices.at(-1)?.[1] ?? 0) + sources.length]);
  const queryId = crypto.randomUUID();
  const scratch = {
    funnel: keys.scratch(queryId, 'f'),
    messages: keys.scratch(queryId, 'm'),
    question: keys.scratch(queryId, 'q'),
    objection: keys.scratch(queryId, 'o'),
  };
  const union = (target: string, sources: string[], aggregate: 'SUM' | 'MAX'): KvCommand[] => [
    ['ZUNIONSTORE', target, sources.length, ...sources, 'AGGREGATE', aggregate],
    ['EXPIRE', target, 60],
  ];

  const commands: KvCommand[] = [];
  const at = { counters: commands.length, visitors: 0, allVisitors: 0, funnel: 0, engaged: 0, question: 0, objection: 0 };
  commands.push(...counters.map((key): KvCommand => ['HGETALL', key]));
  at.visitors = commands.length;
  commands.push(...bucketKeys.map((sources): KvCommand => ['PFCOUNT', ...sources.map((key) => key.visitors)]));
  at.allVisitors = commands.length;
  commands.push(['PFCOUNT', ...visitors]);
  commands.push(...union(scratch.funnel, hours.map(keys.funnel), 'MAX'));
  at.funnel = commands.length;
  commands.push(...STAGES.map((_, index): KvCommand => ['ZCOUNT', scratch.funnel, index, '+inf']));
  commands.push(...union(scratch.messages, hours.map(keys.prospectMessages), 'SUM'));
  at.engaged = commands.length;
  commands.push(['ZCOUNT', scratch.messages, 2, '+inf']);
  for (const kind of ['question', 'objection'] as const) {
    commands.push(...union(scratch[kind], hours.map((hour) => keys.topics(kind, hour)), 'SUM'));
    at[kind] = commands.length;
    commands.push(['ZREVRANGE', scratch[kind], 0, TOP_TOPICS - 1, 'WITHSCORES']);
  }
  commands.push(['DEL', ...Object.values(scratch)]);
  return { range, starts, slices, commands, at };
}

/** Reads a query's replies into the report (pure). Topics are titled from `kb`, then `fallbackKb` for those it lacks. */
export function buildReport(
  plan: Plan,
  replies: readonly unknown[],
  context: { kb: KnowledgeBase; fallbackKb?: KnowledgeBase; now: number; queryMs: number },
): MetricsReport {
  const { range, starts, slices, at } = plan;
  const num = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : 0);
  const sum = (hashes: Record<string, string>[]) => {
    const summed = new Map<string, number>();
    for (const hash of hashes) for (const [field, value] of Object.entries(hash)) summed.set(field, (summed.get(field) ?? 0) + num(value));
    return summed;
  };
  const hashes = starts.map((_, index) => {
    const [first = 0, end = 0] = slices[index] ?? [];
    return sum(Array.from({ length: end - first }, (_, offset) => kvHash(replies[at.counters + first + offset])));
  });
  const totals = new Map<string, number>();
  for (const hash of hashes) for (const [field, value] of hash) totals.set(field, (totals.get(field) ?? 0) + value);
  const total = (field: string) => totals.get(field) ?? 0;

  const series: SeriesPoint[] = starts.map((start, index) => {
    const hash = hashes[index] ?? new Map<string, number>();
    const field = (name: string) => hash.get(name) ?? 0;
    return {
      start: new Date(start).toISOString(),
      conversations: field(FIELD.conversations),
      leads: field(FIELD.leads),
      meetings: field(FIELD.meetings),
      handoffs: field(FIELD.handoffs),
      visitors: num(replies[at.visitors + index]),
      prospectMessages: field(FIELD.prospectMessages),
      errors: field(FIELD.errors),
    };
  });

  const conversations = total(FIELD.conversations);
  const turns = total(FIELD.prospectMessages);
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const reached = STAGES.map((_, index) => num(replies[at.funnel + index]));
  const funnel: FunnelStep[] = STAGES.map((stage, index) => {
    const here = reached[index] ?? 0;
    const next = reached[index + 1];
    return {
      stage,
      reached: here,
      shareOfStart: ratio(here, reached[0] ?? 0),
      dropOff: next === undefined ? null : ratio(here - next, here),
    };
  });

  return {
    range: {
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
      granularity: range.granularity,
      timeZone: range.timeZone ?? 'UTC',
      preset: range.preset,
    },
    generatedAt: new Date(context.now).toISOString(),
    queryMs: Math.round(context.queryMs * 10) / 10,
    kpis: {
      conversations,
      engagedConversations: num(replies[at.engaged]),
      leads: total(FIELD.leads),
      meetings: total(FIELD.meetings),
      meetingsCancelled: total(FIELD.meetingsCancelled),
      handoffs: total(FIELD.handoffs),
      visitors: num(replies[at.allVisitors]),
      prospectMessages: turns,
      leadConversion: ratio(total(FIELD.leads), conversations),
      meetingConversion: ratio(total(FIELD.meetings), conversations),
    },
    series,
    funnel,
    breakdown: breakdown(totals),
    latency: { firstToken: latency(totals, 'first_token'), firstAudio: latency(totals, 'first_audio') },
    rates: {
      turns,
      errors: total(FIELD.errors),
      errorRate: ratio(total(FIELD.errors), turns),
      fallbacks: total(FIELD.fallbacks),
      fallbackRate: ratio(total(FIELD.fallbacks), turns),
      rateLimited: total(FIELD.rateLimited),
      ttsCacheHits: total(FIELD.ttsCacheHits),
      errorCodes: [...totals]
        .filter(([field]) => field.startsWith('error:'))
        .map(([field, count]) => ({ code: field.slice('error:'.length), count }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    },
    topQuestions: topics(replies[at.question], 'question', context.kb, context.fallbackKb),
    topObjections: topics(replies[at.objection], 'objection', context.kb, context.fallbackKb),
    feedback: feedbackSummary(Math.max(0, total(FIELD.feedbackUp)), Math.max(0, total(FIELD.feedbackDown))),
  };
}

function feedbackSummary(up: number, down: number): MetricsReport['feedback'] {
  return { up, down, helpfulShare: up + down > 0 ? up / (up + down) : null };
}

function latency(totals: Map<string, number>, metric: LatencyMetric): LatencySummary {
  const prefix = `lat:${metric}:`;
  const histogram: Histogram = new Map();
  for (const [field, count] of totals) if (field.startsWith(prefix)) histogram.set(Number(field.slice(prefix.length)), count);
  let count = 0;
  histogram.forEach((n) => (count += n));
  return {
    count,
    p50: histogramQuantile(histogram, 0.5),
    p95: histogramQuantile(histogram, 0.95),
    p99: histogramQuantile(histogram, 0.99),
  };
}

function breakdown(totals: Map<string, number>): MetricsReport['breakdown'] {
  const tables = Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, new Map<string, BreakdownRow>()])) as Record<Dimension, Map<string, BreakdownRow>>;
  for (const [field, count] of totals) {
    const parsed = parseDimensionField(field);
    if (!parsed) continue;
    const rows = tables[parsed.dimension];
    const row = rows.get(parsed.value) ?? { value: parsed.value, conversations: 0, leads: 0, meetings: 0, handoffs: 0 };
    row[parsed.metric] += count;
    rows.set(parsed.value, row);
  }
  const sorted = (rows: Map<string, BreakdownRow>) => {
    const all = [...rows.values()].sort((a, b) => b.conversations - a.conversations || b.leads - a.leads || a.value.localeCompare(b.value));
    if (all.length <= BREAKDOWN_ROWS) return all;
    const other: BreakdownRow = { value: OTHER_VALUE, conversations: 0, leads: 0, meetings: 0, handoffs: 0 };
    for (const row of all.slice(BREAKDOWN_ROWS - 1)) for (const metric of DIMENSIONED_METRICS) other[metric] += row[metric];
    return [...all.slice(0, BREAKDOWN_ROWS - 1), other];
  };
  return { source: sorted(tables.source), site: sorted(tables.site), locale: sorted(tables.locale), agent: sorted(tables.agent) };
}

function topics(reply: unknown, kind: TopicKind, kb: KnowledgeBase, fallbackKb?: KnowledgeBase): TopicCount[] {
  const flat = Array.isArray(reply) ? reply.map(String) : [];
  const out: TopicCount[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const id = flat[i] ?? '';
    out.push({ id, title: topicTitle(kind, id, kb, fallbackKb), count: Number(flat[i + 1]) });
  }
  return out;
}
