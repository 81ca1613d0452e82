import 'server-only';
import type { AppEvent } from '@/lib/events/schema';
import type { Kv, KvCommand } from '@/lib/store/kv';
import { STAGES } from '@/lib/sales/types';
import { DAY_MS, HOUR_MS, dayId, hourId } from './buckets';
import { feedbackCounts } from './feedback';
import { histogramBucket } from './histogram';
import { FIELD, analyticsKeys, sourceDimensions, type DimensionedMetric } from './keys';

/**
 * Turns a batch of app events into Redis commands, sent as one script (docs/admin.md, "Analytics"). Runs from the event
 * bus, after the response that caused the events: never on a reply's path. Increments are summed inside the batch
 * first, so a burst of events costs one command per key and field, not one per event.
 *
 * What is kept: counts, latency histograms, topic ids, stage indexes and conversation ids. Never message text, e-mail
 * addresses or lead fields; a visitor id only inside a HyperLogLog, where it cannot be read back.
 */
export interface RecordOptions {
  /** Days each bucket is kept (ANALYTICS_RETENTION_DAYS). */
  retentionDays: number;
  /** Conversation ids stay in the idle index this long after their last event, even if no sweeper runs. */
  idleMs: number;
  now?: number;
}

const STAGE_INDEX = new Map<string, number>(STAGES.map((stage, index) => [stage, index]));

/** How long an open conversation's small state lives without events (the sweeper normally ends it long before). */
export const conversationStateTtlSeconds = (idleMs: number) => Math.ceil(Math.max(7 * DAY_MS, 2 * idleMs) / 1000);

type Tally = Map<string, Map<string, number>>;
const add = (tally: Tally, key: string, member: string, by: number, combine = (a: number, b: number) => a + b) => {
  const members = tally.get(key) ?? new Map<string, number>();
  tally.set(key, members);
  const current = members.get(member);
  members.set(member, current === undefined ? by : combine(current, by));
};

/** The commands that record `events` (pure: exported for tests and the dashboard bench). */
export function analyticsCommands(kv: Pick<Kv, 'prefix'>, events: readonly AppEvent[], options: RecordOptions): KvCommand[] {
  const keys = analyticsKeys(kv);
  const now = options.now ?? Date.now();
  const retentionMs = options.retentionDays * DAY_MS;
  const counters: Tally = new Map();
  const increments: Tally = new Map(); // ZINCRBY
  const maxima: Tally = new Map(); // ZADD GT
  const visitors = new Map<string, Set<string>>();
  /** Key → when it expires (the end of its bucket plus the retention). */
  const expiries = new Map<string, number>();
  const lastActivity = new Map<string, number>();
  const conversationMessages = new Map<string, number>();
  const conversationSources = new Map<string, string>();
  const ended = new Set<string>();

  for (const event of events) {
    // A bucket older than the retention would be written and expire at once.
    if (event.at + retentionMs <= now) continue;
    const hour = hourId(event.at);
    const day = dayId(event.at);
    const hourKey = keys.hourCounters(hour);
    const dayKey = keys.dayCounters(day);
    const hourEnd = Math.floor(event.at / HOUR_MS) * HOUR_MS + HOUR_MS;
    const dayEnd = Math.floor(event.at / DAY_MS) * DAY_MS + DAY_MS;
    const expire = (key: string, bucketEnd: number) => expiries.set(key, bucketEnd + retentionMs);
    const count = (field: string, by = 1) => {
      add(counters, hourKey, field, by);
      add(counters, dayKey, field, by);
      expire(hourKey, hourEnd);
      expire(dayKey, dayEnd);
    };
    const countWithSource = (metric: DimensionedMetric) => {
      count(metric);
      const dimensions = sourceDimensions(event.source);
      for (const [dimension, value] of Object.entries(dimensions) as [keyof typeof dimensions, string][]) {
        count(FIELD.dimension(metric, dimension, value));
      }
    };
    const hourly = (key: string) => {
      expire(key, hourEnd);
      return key;
    };
    const conversationId = event.conversationId;

    switch (event.type) {
      case 'conversation.started':
        countWithSource('conversations');
        if (conversationId) add(maxima, hourly(keys.funnel(hour)), conversationId, 0, Math.max);
        break;
      case 'message':
        count(event.role === 'user' ? FIELD.prospectMessages : FIELD.agentMessages);
        if (conversationId) {
          if (event.role === 'user') add(increments, hourly(keys.prospectMessages(hour)), conversationId, 1);
          conversationMessages.set(conversationId, (conversationMessages.get(conversationId) ?? 0) + 1);
        }
        break;
      case 'stage.changed': {
        count(FIELD.stageChanges);
        const index = STAGE_INDEX.get(event.to);
        if (conversationId && index !== undefined) add(maxima, hourly(keys.funnel(hour)), conversationId, index, Math.max);
        break;
      }
      case 'meeting.booked':
        // A meeting moved to a new time is published again (sequence 1, 2…): it is the same meeting, not one more.
        if (event.booking.sequence === undefined) countWithSource('meetings');
        break;
      case 'meeting.cancelled':
        count(FIELD.meetingsCancelled);
        break;
      case 'lead.captured':
      case 'handoff.requested': {
        const metric = ({ 'lead.captured': 'leads', 'handoff.requested': 'handoffs' } as const)[event.type];
        countWithSource(metric);
        break;
      }
      case 'lead.updated':
        count(FIELD.leadUpdates);
        break;
      case 'conversation.ended':
        count(FIELD.ended);
        if (conversationId) ended.add(conversationId);
        break;
      case 'topic':
        count(FIELD.topics(event.kind));
        add(increments, hourly(keys.topics(event.kind, hour)), event.id, 1);
        break;
      case 'error':
        count(FIELD.errors);
        count(FIELD.errorCode(event.code));
        break;
      case 'latency':
        count(FIELD.latency(event.metric, histogramBucket(event.ms)));
        break;
      case 'tts.cache_hit':
        count(FIELD.ttsCacheHits);
        break;
      case 'rate_limited':
        count(FIELD.rateLimited);
        count(FIELD.rateLimit(event.limit));
        break;
      case 'fallback.offline':
        count(FIELD.fallbacks);
        break;
      case 'feedback.received':
        for (const [field, by] of feedbackCounts(event)) count(field, by);
        break;
    }

    if (event.visitorId) {
      for (const [key, end] of [
        [keys.hourVisitors(hour), hourEnd],
        [keys.dayVisitors(day), dayEnd],
      ] as const) {
        const set = visitors.get(key) ?? new Set<string>();
        visitors.set(key, set.add(event.visitorId));
        expire(key, end);
      }
    }
    if (conversationId && event.type !== 'conversation.ended') {
      lastActivity.set(conversationId, Math.max(lastActivity.get(conversationId) ?? 0, event.at));
      // Kept once, from the start: `conversation.ended` carries it to webhooks without storing it on every turn.
      if (event.type === 'conversation.started' && event.source) conversationSources.set(conversationId, JSON.stringify(event.source));
    }
  }

  const commands: KvCommand[] = [];
  for (const [key, fields] of counters) for (const [field, by] of fields) commands.push(['HINCRBY', key, field, by]);
  for (const [key, members] of visitors) commands.push(['PFADD', key, ...members]);
  for (const [key, members] of increments) for (const [member, by] of members) commands.push(['ZINCRBY', key, by, member]);
  for (const [key, members] of maxima) commands.push(['ZADD', key, 'GT', ...[...members].flatMap(([member, score]) => [score, member])]);
  for (const [key, expiresAt] of expiries) commands.push(['EXPIRE', key, Math.max(1, Math.ceil((expiresAt - now) / 1000))]);

  const stateTtl = conversationStateTtlSeconds(options.idleMs);
  if (lastActivity.size > 0) {
    commands.push(['ZADD', keys.active(), 'GT', ...[...lastActivity].flatMap(([id, at]) => [at, id])]);
    commands.push(['EXPIRE', keys.active(), stateTtl]);
  }
  for (const id of new Set([...conversationMessages.keys(), ...conversationSources.keys()])) {
    const key = keys.conversation(id);
    const messages = conversationMessages.get(id);
    const source = conversationSources.get(id);
    if (messages) commands.push(['HINCRBY', key, 'm', messages]);
    if (source) commands.push(['HSET', key, 's', source]);
    commands.push(['EXPIRE', key, stateTtl]);
  }
  if (ended.size > 0) {
    commands.push(['ZREM', keys.active(), ...ended]);
    commands.push(['DEL', ...[...ended].map((id) => keys.conversation(id))]);
  }
  return commands;
}

/**
 * Replays the commands packed by `packCommands` inside Redis: each is its name, how many of its arguments are keys
 * (indexes into KEYS), how many are plain, then those indexes and arguments. One EVAL is one command to Upstash (which
 * bills per command) however many writes it makes; the script is cached by Redis after its first EVAL.
 */
export const RECORD_SCRIPT = `local i = 1
local n = 0
while i <= #ARGV do
  local name, nk, na = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  i = i + 3
  local args = {}
  for _ = 1, nk do args[#args + 1] = KEYS[tonumber(ARGV[i])]; i = i + 1 end
  for _ = 1, na do args[#args + 1] = ARGV[i]; i = i + 1 end
  redis.call(name, unpack(args))
  n = n + 1
end
return n`;

/** Arguments per EVAL, kept well under Lua's stack for `unpack` (a turn's batch needs ~150); bigger batches are split. */
const MAX_SCRIPT_ARGS = 4_000;

/** Which arguments of a recorder command are keys: every one for DEL, the first for the others. */
const keyCount = (command: KvCommand) => (command[0] === 'DEL' ? command.length - 1 : 1);

/** Packs commands into as few `EVAL RECORD_SCRIPT` commands as fit (one for any turn's batch). */
export function packCommands(commands: readonly KvCommand[]): KvCommand[] {
  const packed: KvCommand[] = [];
  let keys: string[] = [];
  let keyIndex = new Map<string, number>();
  let argv: string[] = [];
  const flush = () => {
    if (argv.length > 0) packed.push(['EVAL', RECORD_SCRIPT, keys.length, ...keys, ...argv]);
    keys = [];
    keyIndex = new Map();
    argv = [];
  };
  for (const command of commands) {
    const [name, ...args] = command;
    const size = 3 + args.length + 1;
    if (argv.length + keys.length + size > MAX_SCRIPT_ARGS) flush();
    const nk = keyCount(command);
    const indexes = args.slice(0, nk).map((key) => {
      const known = keyIndex.get(String(key));
      if (known !== undefined) return known;
      keys.push(String(key));
      keyIndex.set(String(key), keys.length);
      return keys.length;
    });
    argv.push(name, String(nk), String(args.length - nk), ...indexes.map(String), ...args.slice(nk).map(String));
  }
  flush();
  return packed;
}

/**
 * Records a batch in one request: on Upstash one EVAL (a single billed command) whatever the batch holds, in memory
 * the commands themselves.
 */
export async function recordEvents(kv: Kv, events: readonly AppEvent[], options: RecordOptions): Promise<void> {
  const commands = analyticsCommands(kv, events, options);
  if (commands.length === 0) return;
  await kv.exec(kv.kind === 'upstash' ? packCommands(commands) : commands);
}
