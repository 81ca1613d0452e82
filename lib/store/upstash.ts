import 'server-only';
import type { Redis } from '@upstash/redis';
import { AppError } from '@/lib/errors';
import type { Conversation, ConversationMeta, ConversationStore, StoreHealth, StoreOptions, TurnLoad } from './types';
import { decodeMessages, decodeState, titleFromMessages } from './conversation-data';
import { conversationIndexKey, conversationKeys, secretKey, USAGE_TTL_SECONDS, usageKeys } from './keys';
import { getRedisClient } from './redis-client';
import { isStoreTimeout } from './transport';

export interface UpstashStoreOptions extends StoreOptions {
  url: string;
  token: string;
  /** Epoch ms used for index scores and pruning; injectable for tests. */
  clock?: () => number;
  /** The client to use (default: the process's shared one for url+token). */
  redis?: Redis;
}

/**
 * The production store over Upstash REST. Each call is one HTTP round trip (pipelined), because Upstash bills per
 * command and every round trip adds latency to a chat turn.
 */
export function createUpstashStore(options: UpstashStoreOptions): ConversationStore {
  const clock = options.clock ?? Date.now;
  const ttlSeconds = options.conversationTtlSeconds;
  const indexKey = conversationIndexKey(options.prefix);
  const redis = options.redis ?? getRedisClient({ url: options.url, token: options.token });

  return {
    kind: 'upstash',

    async getConversation({ id, visitorId }): Promise<Conversation | null> {
      const keys = conversationKeys(options.prefix, id);
      const [hash, list, state] = await run(() =>
        redis.pipeline().hgetall(keys.meta).lrange(keys.messages, 0, -1).get(keys.state).exec(),
      );
      const meta = parseMeta(id, hash);
      if (!meta || (visitorId !== undefined && meta.owner !== visitorId)) return null;
      return { meta, messages: decodeMessages(id, Array.isArray(list) ? list : []), state: decodeState(id, state) };
    },

    async loadTurn({ id, visitorId, day, address }): Promise<TurnLoad> {
      const keys = conversationKeys(options.prefix, id);
      const usage = usageKeys(options.prefix, day, visitorId, address);
      // One command: the claim (first: of two visitors racing for a fresh id, exactly one gets it), the conversation and
      // today's usage counters (Upstash bills per command; a pipeline of six cost six).
      const results = await run(() =>
        redis.eval<unknown[], unknown[]>(
          LOAD_TURN_SCRIPT,
          [
            keys.meta,
            keys.messages,
            keys.state,
            usage.visitorTokens,
            usage.visitorConversations,
            usage.spend,
            ...(address === undefined ? [] : [usage.addressTokens, usage.addressConversations]),
          ],
          [visitorId, ttlSeconds],
        ),
      );
      const [claimed, hash, list, state, counters] = Array.isArray(results) ? results : [];
      const fields = parseFields(hash);
      const owner = fields.owner ?? '';
      const meta = parseMeta(id, hash);
      const [tokens, conversations, spend, addressTokens, addressConversations] = Array.isArray(counters) ? counters : [];
      return {
        conversation: meta && owner === visitorId ? { meta, messages: decodeMessages(id, Array.isArray(list) ? list : []), state: decodeState(id, state) } : null,
        owner,
        claimed: claimed === 1,
        usage: {
          visitorTokens: toInt(tokens),
          visitorConversations: toInt(conversations),
          spendMicroUsd: toInt(spend),
          ...(address === undefined ? {} : { address: { tokens: toInt(addressTokens), conversations: toInt(addressConversations) } }),
        },
      };
    },

    async isOwner({ id, visitorId }): Promise<boolean> {
      return (await run(() => redis.hget<string>(conversationKeys(options.prefix, id).meta, 'owner'))) === visitorId;
    },

    async releaseClaim({ id, visitorId }): Promise<void> {
      const keys = conversationKeys(options.prefix, id);
      // Only a hash that holds nothing but this visitor's claim is removed (atomic: a turn may be storing meanwhile).
      await run(() => redis.eval(RELEASE_CLAIM_SCRIPT, [keys.meta], [visitorId]));
    },

    async deleteConversation({ id, visitorId }): Promise<boolean> {
      const keys = conversationKeys(options.prefix, id);
      const owner = await run(() => redis.hget<string>(keys.meta, 'owner'));
      if (owner !== visitorId) return false;
      await run(() => redis.pipeline().del(keys.meta, keys.messages, keys.state).zrem(indexKey, id).exec());
      return true;
    },

    async appendMessages({ id, messages, state, now, usage }): Promise<ConversationMeta> {
      const at = now ?? clock();
      const keys = conversationKeys(options.prefix, id);
      const title = titleFromMessages(messages);
      const counted = usage && (usage.tokens > 0 || usage.spendMicroUsd > 0 || usage.newConversation);
      const counters = usage ? usageKeys(options.prefix, usage.day, usage.visitorId, usage.address) : undefined;
      const addressCounters = counters && usage?.address !== undefined ? [counters.addressTokens, counters.addressConversations] : [];
      // The whole turn in one command: messages, state, meta, index (pruned of entries older than the TTL, so it stays
      // bounded without a cleanup job) and the usage counters, with every expiry (Upstash bills per command).
      const hash = await run(() =>
        redis.eval<unknown[], unknown>(
          APPEND_TURN_SCRIPT,
          [
            keys.meta,
            keys.messages,
            keys.state,
            indexKey,
            ...(counted && counters ? [counters.visitorTokens, counters.spend, counters.visitorConversations, ...addressCounters] : []),
          ],
          [
            String(at),
            title,
            ttlSeconds,
            options.maxMessages,
            state ? JSON.stringify(state) : '',
            id,
            at - ttlSeconds * 1000,
            counted && usage ? usage.tokens : 0,
            counted && usage ? Math.ceil(usage.spendMicroUsd) : 0,
            counted && usage?.newConversation ? 1 : 0,
            USAGE_TTL_SECONDS,
            // The batch's identity (its last message's id, unique per turn and short enough to keep the hash compact): a
            // write that timed out here may still run in Redis, and its retry must not add it twice.
            messages.at(-1)?.id ?? '',
            ...messages.map((message) => JSON.stringify(message)),
          ],
        ),
      );
      const meta = parseMeta(id, hash);
      if (!meta) throw new AppError('upstream_unavailable:store', 'The conversation store lost a write.');
      return meta;
    },

    async listConversations({ limit, offset = 0 }): Promise<ConversationMeta[]> {
      if (limit <= 0) return [];
      const cutoff = clock() - ttlSeconds * 1000;
      const ids = await run(() =>
        redis.zrange<string[]>(indexKey, '+inf', `(${cutoff}`, { byScore: true, rev: true, offset, count: limit }),
      );
      if (ids.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(conversationKeys(options.prefix, id).meta);
      const hashes = await run(() => pipeline.exec());
      return ids.flatMap((id, i) => parseMeta(id, hashes[i]) ?? []);
    },

    async getOrCreateSecret({ name, create }): Promise<string> {
      const key = secretKey(options.prefix, name);
      const [, value] = await run(() => redis.pipeline().set(key, create(), { nx: true }).get(key).exec());
      if (typeof value !== 'string' || value.length === 0) throw new AppError('upstream_unavailable:store', 'The store did not keep the secret.');
      return value;
    },

    async ping(): Promise<StoreHealth> {
      const started = performance.now();
      try {
        const reply: unknown = await redis.ping();
        // Anything but PONG (an empty or odd reply from a proxy whose Redis is gone) means the store is down.
        if (reply !== 'PONG') throw new Error(`unexpected ping reply ${JSON.stringify(reply)}`);
        return { ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        // Summarised: the health report is public, and the raw message names the store's host and port
        // ("connect ECONNREFUSED 10.0.0.5:8079") or echoes its reply.
        return { ok: false, latencyMs: Math.round(performance.now() - started), error: summariseStoreError(error) };
      }
    },
  };
}

/** What a failed ping says publicly (GET /api/v1/health): whether the store timed out, answered wrongly or not at all. */
function summariseStoreError(error: unknown): string {
  if (isStoreTimeout(error)) return 'The store did not answer in time';
  const message = error instanceof Error ? error.message : String(error);
  if (/^unexpected ping reply|^ERR\b|UpstashError|command was/i.test(message) || (error instanceof Error && error.name.startsWith('Upstash'))) {
    return 'The store answered with an error';
  }
  return 'The store is unreachable';
}

/**
 * KEYS: meta, messages, state, visitor tokens, visitor conversations, spend[, address tokens, address conversations].
 * ARGV: visitor id, TTL seconds. Returns { claimed (1/0), meta hash (flat), messages, state or nil, { tokens,
 * conversations, spend[, address tokens, address conversations] } }. Only an id with
 * nothing stored is claimed: a conversation stored with no owner (written without a claim) is nobody's to take, and is
 * answered as another visitor's would be (the memory store does the same).
 */
const LOAD_TURN_SCRIPT = `
local claimed = 0
if redis.call('EXISTS', KEYS[1]) == 0 then claimed = redis.call('HSETNX', KEYS[1], 'owner', ARGV[1]) end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return { claimed, redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1), redis.call('GET', KEYS[3]),
  redis.call('MGET', unpack(KEYS, 4)) }`;

/**
 * KEYS: meta, messages, state, index[, visitor tokens, spend, visitor conversations[, address tokens, address
 * conversations]]. ARGV: at, title ('' for none),
 * TTL seconds, max messages, state JSON ('' keeps the stored one), id, prune-before score, tokens, spend, new
 * conversation (1/0), usage TTL, then the messages (JSON). Returns the meta hash (flat).
 */
const APPEND_TURN_SCRIPT = `
local ttl = ARGV[3]
-- The same batch again (a retry of a write that did run): nothing is added twice, messages or usage.
if ARGV[12] ~= '' and redis.call('HGET', KEYS[1], 'lastBatch') == ARGV[12] then
  return redis.call('HGETALL', KEYS[1])
end
redis.call('HSETNX', KEYS[1], 'createdAt', ARGV[1])
if ARGV[2] ~= '' then redis.call('HSETNX', KEYS[1], 'title', ARGV[2]) end
local count = #ARGV - 12
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[1])
if ARGV[12] ~= '' then redis.call('HSET', KEYS[1], 'lastBatch', ARGV[12]) end
redis.call('HINCRBY', KEYS[1], 'messageCount', count)
if count > 0 then
  for i = 13, #ARGV, 200 do
    redis.call('RPUSH', KEYS[2], unpack(ARGV, i, math.min(i + 199, #ARGV)))
  end
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
end
if ARGV[5] ~= '' then redis.call('SET', KEYS[3], ARGV[5], 'EX', ttl) else redis.call('EXPIRE', KEYS[3], ttl) end
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('ZADD', KEYS[4], ARGV[1], ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', ARGV[7])
if #KEYS >= 7 then
  -- What each counter key (KEYS[5] on) adds: tokens, spend, the new conversation, then the address's tokens and one.
  local adds = { ARGV[8], ARGV[9], ARGV[10], ARGV[8], ARGV[10] }
  for i = 5, #KEYS do
    local by = tonumber(adds[i - 4])
    if by > 0 then
      redis.call('INCRBY', KEYS[i], by)
      redis.call('EXPIRE', KEYS[i], ARGV[11])
    end
  end
end
return redis.call('HGETALL', KEYS[1])`;

const RELEASE_CLAIM_SCRIPT = `
if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] and redis.call('HLEN', KEYS[1]) == 1 then
  return redis.call('DEL', KEYS[1])
end
return 0`;

async function run<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AppError('upstream_unavailable:store', 'The conversation store is not answering.', { cause: error });
  }
}

/** HGETALL arrives as a flat [field, value, …] array (or an object from some client versions). */
function parseFields(raw: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) fields[String(raw[i])] = String(raw[i + 1]);
  } else if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) fields[key] = String(value);
  }
  return fields;
}

function toInt(value: unknown): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** A conversation's meta, or null while nothing is stored (a claimed id has only its owner). */
function parseMeta(id: string, raw: unknown): ConversationMeta | null {
  const fields = parseFields(raw);
  if (fields.createdAt === undefined && fields.updatedAt === undefined) return null;
  const number = (value: string | undefined) => {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : 0;
  };
  return {
    id,
    createdAt: number(fields.createdAt ?? fields.updatedAt),
    updatedAt: number(fields.updatedAt),
    messageCount: number(fields.messageCount),
    title: fields.title ?? '',
    ...(fields.owner ? { owner: fields.owner } : {}),
  };
}
