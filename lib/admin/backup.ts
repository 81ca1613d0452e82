/**
 * Backup and restore of every key under the app's prefix (docs/admin.md, "Backup and restore"), shared by
 * `npm run backup` / `npm run restore` (scripts/*.mjs load this file with Node's type stripping: it has no runtime
 * imports and uses only erasable TypeScript) and the admin download route.
 *
 * File format, NDJSON: a header line `{ format, version, createdAt, prefix }`, one line per key
 * `{ key, type, pttl, value }` (key without the prefix; pttl in ms, -1 for none; value a string for a string key, a
 * flat array otherwise — hash [field, value, …], zset [member, score, …]), and an end line `{ end: true, keys,
 * checksum }` so a cut or changed file is noticed. Text that is not UTF-8 (a HyperLogLog) is `{ base64 }`.
 */
import type { Kv } from '@/lib/store/kv';

export const BACKUP_FORMAT = 'sales-agent-backup';
export const BACKUP_VERSION = 1;

export const REDIS_TYPES = ['string', 'hash', 'list', 'set', 'zset'] as const;
export type RedisType = (typeof REDIS_TYPES)[number];
export type Binary = { base64: string };
export type Element = string | Binary;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  prefix: string;
}

export interface BackupKey {
  key: string;
  type: RedisType;
  pttl: number;
  value: Element | Element[];
}

export type Command = readonly [string, ...(string | number)[]];

export interface BackupConnection {
  readonly prefix: string;
  /** `redis`: real Redis over the Upstash REST API (Lua available); `memory`: lib/store/kv.ts's interpreter. */
  readonly kind: 'redis' | 'memory';
  /** Runs commands in one request, in order. Bulk replies that are not UTF-8 arrive as Uint8Array. */
  exec(commands: readonly Command[]): Promise<unknown[]>;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * The end line's checksum: FNV-1a over every line before it (header and keys, each with its newline), with two seeds
 * for 64 bits. It notices a file changed after it was written — a value edited by hand, a line damaged in an
 * uncompressed copy — which the line count alone would not. It is not a signature: whoever edits on purpose can
 * recompute it. Inline (this file has no runtime imports); the same function as lib/fnv.ts.
 */
const CHECKSUM_PREFIX = 'fnv1a64:';
class LineChecksum {
  #a = 0x811c9dc5;
  #b = 0x01000193;
  add(line: string): void {
    for (const text of [line, '\n']) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        this.#a = Math.imul(this.#a ^ code, 0x01000193) >>> 0;
        this.#b = Math.imul(this.#b ^ code, 0x01000193) >>> 0;
      }
    }
  }
  get value(): string {
    return `${CHECKSUM_PREFIX}${this.#a.toString(16).padStart(8, '0')}${this.#b.toString(16).padStart(8, '0')}`;
  }
}

// ------------------------------------------------------------------------------------------------------ connections

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function base64Of(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Upstash-Encoding: base64 makes every bulk string base64 (except a top-level "OK"); keep bytes that are not text. */
function decodeReply(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeReply(item, false));
  if (typeof value !== 'string' || (top && value === 'OK')) return value;
  const bytes = bytesOf(value);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** Redis over the Upstash REST API, keeping binary values intact (@upstash/redis would decode them lossily). */
export function restConnection(options: { url: string; token: string; prefix: string; timeoutMs?: number }): BackupConnection {
  const endpoint = `${options.url.replace(/\/+$/, '')}/pipeline`;
  return {
    prefix: options.prefix,
    kind: 'redis',
    async exec(commands) {
      if (commands.length === 0) return [];
      let response: Response | undefined;
      for (let attempt = 1; !response; attempt += 1) {
        try {
          response = await fetch(endpoint, {
            method: 'POST',
            headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', 'upstash-encoding': 'base64' },
            body: JSON.stringify(commands),
            signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
          });
        } catch (error) {
          // Network failures only; every batch is safe to send again (a restore deletes each key before writing it).
          if (attempt >= 3) throw new BackupError(`Redis at ${options.url} is not answering: ${error instanceof Error ? error.message : String(error)}`);
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
        }
      }
      if (!response.ok) throw new BackupError(`Redis answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
      const entries = (await response.json()) as Array<{ result?: unknown; error?: string }>;
      return entries.map((entry, i) => {
        if (entry.error) throw new BackupError(`Redis refused ${commands[i]?.[0] ?? 'a command'}: ${entry.error}`);
        return decodeReply(entry.result ?? null, true);
      });
    },
  };
}

/**
 * The app's Redis as the scripts find it in the environment (the variables lib/config.ts reads for the app). The
 * in-memory default keeps nothing outside the server process, so there is nothing for a script to back up.
 */
export function connectionFromEnv(env: Record<string, string | undefined>): BackupConnection {
  const url = env.UPSTASH_REDIS_REST_URL?.trim() || env.KV_REST_API_URL?.trim();
  const token = env.UPSTASH_REDIS_REST_TOKEN?.trim() || env.KV_REST_API_TOKEN?.trim();
  if (!url || !token) {
    throw new BackupError(
      'Set UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN (in the shell, .env.local or .env) to the Redis the app uses. ' +
        'Without them the app keeps everything in its own memory, which no script can reach (`npm run redis:dev` gives a local Redis).',
    );
  }
  const prefix = env.STORE_KEY_PREFIX?.trim() || 'sa:';
  if (!/^[A-Za-z0-9:_-]{1,32}$/.test(prefix)) throw new BackupError(`STORE_KEY_PREFIX ${JSON.stringify(prefix)} is not a valid prefix.`);
  return restConnection({ url, token, prefix });
}

/** The in-memory store of lib/store/kv.ts (the embedded default, and tests). */
export function kvConnection(kv: Pick<Kv, 'prefix' | 'kind' | 'exec'>): BackupConnection {
  return { prefix: kv.prefix, kind: kv.kind === 'upstash' ? 'redis' : 'memory', exec: (commands) => kv.exec(commands) };
}

// ------------------------------------------------------------------------------------------------------------- dump

/** Each key's type, expiry and value in one atomic step per batch, so a key changing meanwhile is read whole. */
const DUMP_SCRIPT = `local out = {}
for i, key in ipairs(KEYS) do
  local t = redis.call('TYPE', key)['ok']
  local v = false
  if t == 'string' then v = redis.call('GET', key)
  elseif t == 'hash' then v = redis.call('HGETALL', key)
  elseif t == 'list' then v = redis.call('LRANGE', key, 0, -1)
  elseif t == 'set' then v = redis.call('SMEMBERS', key)
  elseif t == 'zset' then v = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES') end
  out[i] = {t, redis.call('PTTL', key), v}
end
return out`;

const READ_COMMAND: Record<RedisType, (key: string) => Command> = {
  string: (key) => ['GET', key],
  hash: (key) => ['HGETALL', key],
  list: (key) => ['LRANGE', key, 0, -1],
  set: (key) => ['SMEMBERS', key],
  zset: (key) => ['ZRANGE', key, 0, -1, 'WITHSCORES'],
};

const isType = (value: unknown): value is RedisType => typeof value === 'string' && (REDIS_TYPES as readonly string[]).includes(value);
const element = (value: unknown): Element => (value instanceof Uint8Array ? { base64: base64Of(value) } : String(value));

async function readBatch(conn: BackupConnection, keys: string[]): Promise<BackupKey[]> {
  let entries: Array<[unknown, unknown, unknown]>;
  if (conn.kind === 'redis') {
    const [reply] = await conn.exec([['EVAL', DUMP_SCRIPT, keys.length, ...keys]]);
    entries = reply as Array<[unknown, unknown, unknown]>;
  } else {
    const meta = await conn.exec(keys.flatMap((key): Command[] => [['TYPE', key], ['PTTL', key]]));
    const types = keys.map((_, i) => meta[i * 2]);
    const values = await conn.exec(keys.flatMap((key, i) => (isType(types[i]) ? [READ_COMMAND[types[i] as RedisType](key)] : [])));
    let next = 0;
    entries = keys.map((_, i) => [types[i], meta[i * 2 + 1], isType(types[i]) ? values[next++] : null]);
  }
  return keys.flatMap((key, i): BackupKey[] => {
    const [type, pttl, value] = entries[i] ?? [];
    // Gone since SCAN listed it ('none'), or a type this app never writes (streams).
    if (!isType(type) || value === null || value === undefined) return [];
    return [
      {
        key: key.slice(conn.prefix.length),
        type,
        pttl: Number(pttl),
        value: type === 'string' ? element(value) : (value as unknown[]).map(element),
      },
    ];
  });
}

const globEscape = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

/** Every key under the connection's prefix, a batch at a time (SCAN: other keys in the same Redis are left out). */
export async function* dumpKeys(conn: BackupConnection, options: { batch?: number } = {}): AsyncGenerator<BackupKey[]> {
  const batch = options.batch ?? 50;
  // SCAN may list a key twice (when the keyspace is resized while it runs): each key goes into the file once.
  const listed = new Set<string>();
  let cursor = '0';
  do {
    const [reply] = await conn.exec([['SCAN', cursor, 'MATCH', `${globEscape(conn.prefix)}*`, 'COUNT', 1_000]]);
    const [next, keys] = reply as [unknown, unknown[]];
    cursor = String(next);
    const names = keys.flatMap((key) => {
      if (typeof key !== 'string') throw new BackupError('A key name is not UTF-8 text; this app never writes one.');
      if (listed.has(key)) return [];
      listed.add(key);
      return [key];
    });
    for (let i = 0; i < names.length; i += batch) {
      const records = await readBatch(conn, names.slice(i, i + batch));
      if (records.length > 0) yield records;
    }
  } while (cursor !== '0');
}

/** The backup file's lines (newline-terminated), a batch of keys per chunk. */
export async function* backupLines(conn: BackupConnection, options: { now?: () => number; batch?: number } = {}): AsyncGenerator<string> {
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date((options.now ?? Date.now)()).toISOString(), prefix: conn.prefix };
  const checksum = new LineChecksum();
  const line = (value: unknown) => {
    const text = JSON.stringify(value);
    checksum.add(text);
    return `${text}\n`;
  };
  yield line(header);
  let count = 0;
  for await (const records of dumpKeys(conn, options)) {
    count += records.length;
    yield records.map(line).join('');
  }
  yield `${JSON.stringify({ end: true, keys: count, checksum: checksum.value })}\n`;
}

export function backupFilename(now: number): string {
  return `sales-agent-backup-${new Date(now).toISOString().replace(/[:.]/g, '-')}.ndjson.gz`;
}

// ------------------------------------------------------------------------------------------------------------- read

function isElement(value: unknown): value is Element {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && typeof (value as Binary).base64 === 'string');
}

function parseHeader(line: string): BackupHeader {
  let value: Partial<BackupHeader>;
  try {
    value = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new BackupError('This is not a backup file: its first line is not JSON.');
  }
  if (value?.format !== BACKUP_FORMAT) throw new BackupError(`This is not a ${BACKUP_FORMAT} file (its format is ${JSON.stringify(value?.format ?? null)}).`);
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) {
    throw new BackupError('The backup has no valid format version.');
  }
  if (value.version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup is format version ${value.version}, written by a newer version of the app; this version reads format version ${BACKUP_VERSION}. Update the app, then restore.`,
    );
  }
  if (typeof value.prefix !== 'string' || typeof value.createdAt !== 'string' || Number.isNaN(Date.parse(value.createdAt))) {
    throw new BackupError('The backup header lacks its prefix or creation time.');
  }
  return value as BackupHeader;
}

/** Canonical base64 with its padding, as btoa writes it (atob would throw on anything else, or decode it loosely). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const INFINITE = /^([+-]?)inf(?:inity)?$/i;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A zset score as Redis's ZADD takes it (strtod, whole string): a decimal number that neither overflows nor underflows to
 * 0, or inf, +inf, -inf (`ZRANGE … WITHSCORES` writes "inf"/"-inf"). Hex floats, NaN and "1e999" are refused.
 */
function isScore(item: Element): item is string {
  if (typeof item !== 'string') return false;
  if (INFINITE.test(item)) return true;
  if (!DECIMAL.test(item)) return false;
  const n = Number(item);
  return Number.isFinite(n) && (n !== 0 || !/[1-9]/.test(item.replace(/e.*$/i, '')));
}

/** How a valid score is sent: "+inf"/"-inf" for infinities (which Redis and lib/store/kv.ts both read), else as written. */
const scoreArg = (score: string) => {
  const infinite = INFINITE.exec(score);
  return infinite ? `${infinite[1] === '-' ? '-' : '+'}inf` : score;
};

const quoted = (item: Element) => {
  const text = typeof item === 'string' ? JSON.stringify(item) : `base64 ${JSON.stringify(item.base64)}`;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/**
 * Every check of one key line, in one place: whatever passes here the write phase can write (writeCommands relies on
 * it), and only what a real backup can hold passes — Redis keeps no empty list, hash, set or zset, no duplicate set
 * member, hash field or zset member, and no score that is not a float. `binary`: the target takes `{ base64 }` values
 * (Redis does; the in-memory store does not).
 */
function parseRecord(line: string, lineNumber: number, binary: boolean): BackupKey {
  const bad = (why: string) => new BackupError(`Line ${lineNumber} of the backup is not a valid key: ${why}.`);
  let value: Partial<BackupKey>;
  try {
    value = JSON.parse(line) as Partial<BackupKey>;
  } catch {
    throw bad('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a JSON object');
  if (typeof value.key !== 'string' || value.key === '') throw bad('no key name');
  if (!isType(value.type)) throw bad(`unknown type ${JSON.stringify(value.type)}`);
  // Safe integers only: PEXPIRE takes whole milliseconds, and a larger number would be sent as 1e+300.
  if (typeof value.pttl !== 'number' || !Number.isSafeInteger(value.pttl) || value.pttl < -1) throw bad('no valid pttl');
  const type = value.type;
  if (type === 'string' ? !isElement(value.value) : !Array.isArray(value.value) || !value.value.every(isElement)) throw bad('its value does not fit its type');
  const items: Element[] = Array.isArray(value.value) ? value.value : [value.value as Element];
  if (type !== 'string' && items.length === 0) throw bad(`its value does not fit its type (an empty ${type}, which Redis cannot hold)`);
  if ((type === 'hash' || type === 'zset') && items.length % 2 !== 0) throw bad('an odd number of elements');
  if (type === 'zset') {
    for (let i = 1; i < items.length; i += 2) if (!isScore(items[i] as Element)) throw bad(`a zset score that is not a number (${quoted(items[i] as Element)})`);
  }
  for (const item of items) {
    if (typeof item === 'string') continue;
    if (!BASE64.test(item.base64)) throw bad('bad base64');
    if (!binary) throw bad('binary data, which only Redis can take back');
  }
  if (type === 'set' || type === 'hash' || type === 'zset') {
    const step = type === 'set' ? 1 : 2;
    const seen = new Set<string>();
    for (let i = 0; i < items.length; i += step) {
      const item = items[i] as Element;
      const id = typeof item === 'string' ? `t:${item}` : `b:${item.base64}`;
      if (seen.has(id)) throw bad(`a duplicate ${{ set: 'set member', hash: 'hash field', zset: 'zset member' }[type]} (${quoted(item)})`);
      seen.add(id);
    }
  }
  return value as BackupKey;
}

/**
 * Reads and checks a backup's lines: the header first (a newer version is refused), then keys, then the end line.
 * `binary: false` refuses `{ base64 }` values (for a target that cannot take them).
 */
export async function* readBackup(
  lines: AsyncIterable<string> | Iterable<string>,
  options: { binary?: boolean } = {},
): AsyncGenerator<BackupHeader | BackupKey> {
  let header: BackupHeader | null = null;
  let count = 0;
  let ended = false;
  let lineNumber = 0;
  const checksum = new LineChecksum();
  for await (const raw of lines) {
    lineNumber += 1;
    const line = raw.trim();
    if (!line) continue;
    if (ended) throw new BackupError(`The backup goes on after its end line (line ${lineNumber}).`);
    if (!header) {
      header = parseHeader(line);
      checksum.add(line);
      yield header;
      continue;
    }
    if (line.startsWith('{"end":')) {
      let footer: { end?: unknown; keys?: unknown; checksum?: unknown };
      try {
        footer = JSON.parse(line) as { end?: unknown; keys?: unknown; checksum?: unknown };
      } catch {
        throw new BackupError(`The backup's end line (line ${lineNumber}) is not JSON.`);
      }
      if (footer.end !== true || footer.keys !== count) throw new BackupError(`The backup's end line counts ${String(footer.keys)} keys, but it holds ${count}.`);
      // Files written before the checksum existed (or by hand) have none; one that is there must match.
      if (footer.checksum !== undefined && footer.checksum !== checksum.value) {
        throw new BackupError('The backup was changed or damaged after it was written: its checksum does not match its lines.');
      }
      ended = true;
      continue;
    }
    checksum.add(line);
    count += 1;
    yield parseRecord(line, lineNumber, options.binary !== false);
  }
  if (!header) throw new BackupError('The backup file is empty.');
  if (!ended) throw new BackupError(`The backup file is cut short: it has no end line after ${count} keys.`);
}

// ---------------------------------------------------------------------------------------------------------- restore

export interface RestoreOptions {
  dryRun?: boolean;
  /** Delete every key under the prefix first (only after the whole file has been checked). */
  flush?: boolean;
  now?: () => number;
}

export interface RestoreReport {
  header: BackupHeader;
  dryRun: boolean;
  /** Keys in the file. */
  keys: number;
  byType: Record<RedisType, number>;
  /** Keys whose expiry has passed since the backup: not restored. */
  expired: number;
  /** Keys written (or that would be). */
  restored: number;
  /** Keys under the prefix deleted first (or that would be), with `flush`. */
  flushed: number;
  /** Keys that existed and were replaced (or would be). */
  replaced: number;
  /** The backup was taken under another prefix; keys are restored under this connection's. */
  prefixChanged: boolean;
}

/** Writes: elements per command, and commands per request. */
const CHUNK = 500;
const REQUEST_COMMANDS = 1_000;

/** Writes one chunk of a key whose elements are not all text: the arguments travel as hex and Lua turns them back into bytes. */
const WRITE_BINARY_SCRIPT = `local args = {}
for i = 2, #ARGV do args[#args + 1] = (ARGV[i]:gsub('..', function(h) return string.char(tonumber(h, 16)) end)) end
local t = ARGV[1]
if t == 'string' then return redis.call('SET', KEYS[1], args[1]) end
local name = ({ hash = 'HSET', list = 'RPUSH', set = 'SADD', zset = 'ZADD' })[t]
return redis.call(name, KEYS[1], unpack(args))`;

const encoder = new TextEncoder();
const hexOf = (item: Element) => {
  const bytes = typeof item === 'string' ? encoder.encode(item) : bytesOf(item.base64);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
};

function writeCommands(conn: BackupConnection, key: string, record: BackupKey, ttl: number): Command[] {
  const items = Array.isArray(record.value) ? record.value : [record.value];
  // ZRANGE WITHSCORES gives member, score; ZADD takes score, member.
  // Scores are checked text (parseRecord), sent as Redis and lib/store/kv.ts both read them.
  const args = record.type === 'zset' ? items.flatMap((item, i) => (i % 2 === 0 ? [scoreArg(items[i + 1] as string), item] : [])) : items;
  const binary = args.some((item) => typeof item !== 'string');
  // parseRecord already refused binary values for the in-memory store (readBackup with binary: false); this guard stays
  // for a file changed between the check and the write (restore reads it twice).
  if (binary && conn.kind !== 'redis') throw new BackupError(`Key ${record.key} holds binary data, which only Redis can take back.`);
  const commands: Command[] = [['DEL', key]];
  const name = { string: 'SET', hash: 'HSET', list: 'RPUSH', set: 'SADD', zset: 'ZADD' }[record.type];
  for (let i = 0; i < args.length; i += CHUNK) {
    const chunk = args.slice(i, i + CHUNK);
    commands.push(binary ? ['EVAL', WRITE_BINARY_SCRIPT, 1, key, record.type, ...chunk.map(hexOf)] : [name, key, ...(chunk as string[])]);
  }
  if (ttl > 0) commands.push(['PEXPIRE', key, ttl]);
  return commands;
}

async function scanPrefix(conn: BackupConnection, each: (keys: string[]) => Promise<void>): Promise<void> {
  let cursor = '0';
  do {
    const [reply] = await conn.exec([['SCAN', cursor, 'MATCH', `${globEscape(conn.prefix)}*`, 'COUNT', 1_000]]);
    const [next, keys] = reply as [unknown, unknown[]];
    cursor = String(next);
    if (keys.length > 0) await each(keys.map(String));
  } while (cursor !== '0');
}

/**
 * Restores a backup. `open` is called twice: the whole file is checked first (version, every line and its value, the
 * end line), so a refused or cut file changes nothing and the writes cannot fail on a value; then it is applied — or,
 * with `dryRun`, only counted.
 */
export async function restoreBackup(
  conn: BackupConnection,
  open: () => AsyncIterable<string> | Iterable<string>,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  let header: BackupHeader | null = null;
  const byType: Record<RedisType, number> = { string: 0, hash: 0, list: 0, set: 0, zset: 0 };
  let keys = 0;
  for await (const item of readBackup(open(), { binary: conn.kind === 'redis' })) {
    if ('format' in item) header = item;
    else {
      keys += 1;
      byType[item.type] += 1;
    }
  }
  if (!header) throw new BackupError('The backup file is empty.');
  const report: RestoreReport = {
    header,
    dryRun: options.dryRun === true,
    keys,
    byType,
    expired: 0,
    restored: 0,
    flushed: 0,
    replaced: 0,
    prefixChanged: header.prefix !== conn.prefix,
  };

  if (options.flush) {
    await scanPrefix(conn, async (found) => {
      report.flushed += found.length;
      const del: Command = ['DEL', ...found];
      if (!report.dryRun) await conn.exec([del]);
    });
  }

  // Expiries continue from the backup's time: a key with an hour left at backup time, restored a day later, is gone.
  const elapsed = (options.now ?? Date.now)() - Date.parse(header.createdAt);
  let pending: Command[] = [];
  let pendingKeys: string[] = [];
  const send = async () => {
    if (pendingKeys.length === 0) return;
    if (report.dryRun) {
      if (!options.flush) {
        const exists = await conn.exec(pendingKeys.map((key) => ['EXISTS', key] as const));
        report.replaced += exists.filter((reply) => reply === 1).length;
      }
    } else {
      const replies = await conn.exec(pending);
      // Each key's first command is its DEL: 1 means it existed.
      report.replaced += pending.reduce((n, command, i) => (command[0] === 'DEL' && replies[i] === 1 ? n + 1 : n), 0);
    }
    pending = [];
    pendingKeys = [];
  };
  for await (const item of readBackup(open(), { binary: conn.kind === 'redis' })) {
    if ('format' in item) continue;
    const ttl = item.pttl >= 0 ? item.pttl - elapsed : -1;
    if (item.pttl >= 0 && ttl <= 0) {
      report.expired += 1;
      continue;
    }
    const key = conn.prefix + item.key;
    pending.push(...writeCommands(conn, key, item, Math.ceil(ttl)));
    pendingKeys.push(key);
    report.restored += 1;
    if (pending.length >= REQUEST_COMMANDS) await send();
  }
  await send();
  return report;
}
