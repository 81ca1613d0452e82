// An HTTP server that speaks the Upstash Redis REST protocol over a real redis-server, so the production clients
// (@upstash/redis, @upstash/ratelimit) run unchanged in development, tests and benchmarks.
//
//   node scripts/redis-bridge.mjs --redis redis://127.0.0.1:6379 --port 8079 --token xyz
//   (env fallbacks: REDIS_URL, BRIDGE_PORT, BRIDGE_HOST, BRIDGE_TOKEN / UPSTASH_REDIS_REST_TOKEN)
//
// It talks RESP2 to Redis itself over one pipelined TCP connection: Redis answers a connection's commands in order,
// so replies are matched to requests by position and each request's commands are written in one contiguous write,
// which also keeps a MULTI…EXEC block from interleaving with other requests.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const CRLF = '\r\n';
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_SCRIPT_ALIASES = 1_000;

// These would change the state of the shared connection (or hold it) for every other request.
const REFUSED_COMMANDS = new Set([
  'AUTH', 'HELLO', 'SELECT', 'QUIT', 'RESET', 'CLIENT', 'MONITOR', 'SYNC', 'PSYNC', 'REPLICAOF', 'SLAVEOF', 'SHUTDOWN',
  'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE',
  'MULTI', 'EXEC', 'DISCARD', 'WATCH', 'UNWATCH',
  'BLPOP', 'BRPOP', 'BRPOPLPUSH', 'BLMOVE', 'BLMPOP', 'BZPOPMIN', 'BZPOPMAX', 'BZMPOP', 'WAIT', 'WAITAOF',
]);

/** An error reply from Redis (`-ERR …`), kept apart from status strings. */
class RedisReplyError {
  /** @param {string} message */
  constructor(message) {
    this.message = message;
  }
}

/** The connection to Redis failed or was lost: not the command's fault (HTTP 503, not 400). */
class RedisConnectionError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// RESP2

const INCOMPLETE = Symbol('incomplete');

/**
 * Incremental RESP2 reply parser. Values: status → string, bulk → Buffer, integer → number, nil → null,
 * error → RedisReplyError, multi-bulk → array. A reply split across chunks is re-parsed from its start once enough
 * bytes have arrived (`need` avoids re-parsing a large bulk string on every chunk).
 */
class RespParser {
  /** @param {(value: unknown) => void} onReply */
  constructor(onReply) {
    this.onReply = onReply;
    /** @type {Buffer} */
    this.buf = Buffer.alloc(0);
    this.pos = 0;
    /** @type {Buffer[]} */
    this.pending = [];
    this.pendingBytes = 0;
    this.need = 0;
    this.needEnd = 0;
  }

  /** @param {Buffer} chunk */
  feed(chunk) {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.buf.length - this.pos + this.pendingBytes < this.need) return;
    const rest = this.buf.length > this.pos ? [this.buf.subarray(this.pos), ...this.pending] : this.pending;
    this.buf = rest.length === 1 ? /** @type {Buffer} */ (rest[0]) : Buffer.concat(rest);
    this.pos = 0;
    this.pending = [];
    this.pendingBytes = 0;
    this.need = 0;
    while (this.pos < this.buf.length) {
      const start = this.pos;
      const value = this.parse();
      if (value === INCOMPLETE) {
        this.need = this.needEnd > 0 ? this.needEnd - start : 0;
        this.needEnd = 0;
        this.pos = start;
        return;
      }
      this.onReply(value);
    }
    this.buf = Buffer.alloc(0);
    this.pos = 0;
  }

  reset() {
    this.buf = Buffer.alloc(0);
    this.pos = 0;
    this.pending = [];
    this.pendingBytes = 0;
    this.need = 0;
    this.needEnd = 0;
  }

  /** @returns {string | typeof INCOMPLETE} */
  line() {
    const end = this.buf.indexOf(13, this.pos);
    if (end === -1 || end + 1 >= this.buf.length) return INCOMPLETE;
    const text = this.buf.toString('utf8', this.pos, end);
    this.pos = end + 2;
    return text;
  }

  /** @returns {unknown} */
  parse() {
    if (this.pos >= this.buf.length) return INCOMPLETE;
    const type = this.buf[this.pos];
    this.pos += 1;
    const head = this.line();
    if (head === INCOMPLETE) return INCOMPLETE;
    switch (type) {
      case 43: // +
        return head;
      case 45: // -
        return new RedisReplyError(head);
      case 58: // :
        return Number(head);
      case 36: {
        // $
        const length = Number(head);
        if (length < 0) return null;
        const end = this.pos + length;
        if (end + 2 > this.buf.length) {
          this.needEnd = end + 2;
          return INCOMPLETE;
        }
        const value = this.buf.subarray(this.pos, end);
        this.pos = end + 2;
        return value;
      }
      case 42: {
        // *
        const count = Number(head);
        if (count < 0) return null;
        const items = new Array(count);
        for (let i = 0; i < count; i++) {
          const item = this.parse();
          if (item === INCOMPLETE) return INCOMPLETE;
          items[i] = item;
        }
        return items;
      }
      default:
        throw new Error(`Unexpected RESP type byte ${type}`);
    }
  }
}

/**
 * @param {string[][]} commands
 * @returns {string}
 */
function encodeCommands(commands) {
  let out = '';
  for (const args of commands) {
    out += `*${args.length}${CRLF}`;
    for (const arg of args) out += `$${Buffer.byteLength(arg)}${CRLF}${arg}${CRLF}`;
  }
  return out;
}

/**
 * One pipelined RESP2 connection; reconnects on the next call after a failure.
 */
class RedisConnection {
  /** @param {string} redisUrl */
  constructor(redisUrl) {
    const url = new URL(redisUrl);
    if (url.protocol !== 'redis:') throw new Error(`Only redis:// URLs are supported, got ${url.protocol}`);
    this.host = url.hostname || '127.0.0.1';
    this.port = Number(url.port || 6379);
    /** @type {string[][]} */
    this.handshake = [];
    const password = decodeURIComponent(url.password);
    const username = decodeURIComponent(url.username);
    if (password) this.handshake.push(username ? ['AUTH', username, password] : ['AUTH', password]);
    const db = url.pathname.replace(/^\//, '');
    if (db && db !== '0') this.handshake.push(['SELECT', db]);
    /** @type {net.Socket | null} */
    this.socket = null;
    /** @type {{ count: number, replies: unknown[], resolve: (replies: unknown[]) => void, reject: (error: Error) => void }[]} */
    this.queue = [];
    this.head = 0;
    this.closed = false;
    this.parser = new RespParser((value) => this.onReply(value));
  }

  /** @param {unknown} value */
  onReply(value) {
    const entry = this.queue[this.head];
    if (!entry) return; // a reply nobody waits for can only follow a protocol error; the socket is dropped then
    entry.replies.push(value);
    if (entry.replies.length < entry.count) return;
    this.queue[this.head] = /** @type {never} */ (undefined);
    this.head += 1;
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    entry.resolve(entry.replies);
  }

  /** @param {Error} error */
  failAll(error) {
    const waiting = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    for (const entry of waiting) entry.reject(error);
  }

  /** @returns {net.Socket} */
  connect() {
    if (this.socket) return this.socket;
    const socket = net.connect({ host: this.host, port: this.port });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    this.parser.reset();
    const drop = (/** @type {Error | undefined} */ cause) => {
      if (this.socket !== socket) return;
      this.socket = null;
      socket.destroy();
      const reason = cause?.message ?? 'connection closed';
      this.failAll(new RedisConnectionError(`ERR the bridge lost its connection to redis at ${this.host}:${this.port} (${reason})`));
    };
    socket.on('data', (chunk) => {
      try {
        this.parser.feed(chunk);
      } catch (error) {
        drop(/** @type {Error} */ (error));
      }
    });
    socket.on('error', drop);
    socket.on('close', () => drop(undefined));
    this.socket = socket;
    if (this.handshake.length > 0) {
      // Queued ahead of any caller, so their replies are consumed before the caller's.
      this.send(this.handshake).then(
        (replies) => {
          const failed = replies.find((reply) => reply instanceof RedisReplyError);
          if (failed) drop(new Error(/** @type {RedisReplyError} */ (failed).message));
        },
        () => {},
      );
    }
    return socket;
  }

  /**
   * Sends commands in one write and resolves with their replies, in order.
   * @param {string[][]} commands
   * @returns {Promise<unknown[]>}
   */
  send(commands) {
    if (this.closed) return Promise.reject(new RedisConnectionError('ERR the bridge is closed'));
    const socket = this.connect();
    return new Promise((resolve, reject) => {
      this.queue.push({ count: commands.length, replies: [], resolve, reject });
      socket.write(encodeCommands(commands));
    });
  }

  close() {
    this.closed = true;
    const socket = this.socket;
    this.socket = null;
    this.failAll(new RedisConnectionError('ERR the bridge is closed'));
    socket?.destroy();
  }
}

/** How long one PING of `waitForRedis` may go unanswered before the next attempt. */
const PING_ATTEMPT_MS = 1_000;

/**
 * Resolves once a redis-server at `redisUrl` answers PING, or rejects after `timeoutMs`.
 * @param {{ redisUrl: string, timeoutMs?: number }} options
 * @returns {Promise<void>}
 */
export async function waitForRedis({ redisUrl, timeoutMs = 10_000 }) {
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let lastError;
  while (Date.now() < deadline) {
    const connection = new RedisConnection(redisUrl);
    // Each attempt is bounded too: a socket that connects but never answers (a listener that does not accept, a peer
    // that is not Redis) would otherwise hold this loop past its deadline for good.
    let silent = false;
    const attempt = setTimeout(() => {
      silent = true;
      connection.close();
    }, Math.max(1, Math.min(PING_ATTEMPT_MS, deadline - Date.now())));
    try {
      const [reply] = await connection.send([['PING']]);
      if (reply === 'PONG') return;
      lastError = reply instanceof RedisReplyError ? new Error(reply.message) : new Error(`unexpected reply ${String(reply)}`);
    } catch (error) {
      lastError = silent ? new Error(`no answer to PING within ${PING_ATTEMPT_MS} ms`) : error;
    } finally {
      clearTimeout(attempt);
      connection.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server at ${redisUrl} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Lua scripts: Redis 7.0 rejects the `allow-key-locking` shebang flag that @upstash/ratelimit puts on its scripts.

/** @param {string} text */
const sha1 = (text) => createHash('sha1').update(text).digest('hex');

class ScriptAliases {
  constructor() {
    /** @type {Map<string, string>} original script → script Redis accepts */
    this.byScript = new Map();
    /** @type {Map<string, string>} SHA of the original → SHA of the stripped script */
    this.bySha = new Map();
  }

  /**
   * The script Redis should run; records the SHA alias when it had to be changed.
   * @param {string} script
   */
  rewrite(script) {
    const known = this.byScript.get(script);
    if (known !== undefined) return known;
    if (!script.startsWith('#!')) return script;
    const newline = script.indexOf('\n');
    const shebang = newline === -1 ? script : script.slice(0, newline);
    const match = /^#!(\S+)(?:\s+flags=(\S*))?\s*$/.exec(shebang);
    if (!match) return script;
    const flags = (match[2] ?? '').split(',').filter(Boolean);
    const kept = flags.filter((flag) => flag !== 'allow-key-locking');
    if (kept.length === flags.length) return script;
    const body = newline === -1 ? '' : script.slice(newline + 1);
    // With no flag left, dropping the shebang keeps the permissive pre-7.0 semantics the script was written for.
    const rewritten = kept.length > 0 ? `#!${match[1]} flags=${kept.join(',')}\n${body}` : body;
    if (this.byScript.size >= MAX_SCRIPT_ALIASES) {
      this.byScript.clear();
      this.bySha.clear();
    }
    this.byScript.set(script, rewritten);
    this.bySha.set(sha1(script), sha1(rewritten));
    return rewritten;
  }

  /** @param {string} sha */
  sha(sha) {
    return this.bySha.get(sha.toLowerCase()) ?? sha;
  }
}

/**
 * Adapts one client command for Redis. Returns an error reply for commands the bridge refuses, plus an optional
 * reply transform (SCRIPT LOAD must answer with the SHA of the script the client sent).
 * @param {unknown} raw
 * @param {ScriptAliases} scripts
 * @returns {{ args: string[], transform?: (reply: unknown) => unknown } | RedisReplyError}
 */
function prepareCommand(raw, scripts) {
  if (!Array.isArray(raw) || raw.length === 0) return new RedisReplyError('ERR a command must be a non-empty JSON array');
  const args = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const value = raw[i];
    if (typeof value === 'string') args[i] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') args[i] = String(value);
    else if (value === null) return new RedisReplyError(`ERR null is not a valid argument (position ${i})`);
    else args[i] = JSON.stringify(value);
  }
  const name = args[0].toUpperCase();
  if (REFUSED_COMMANDS.has(name)) {
    return new RedisReplyError(`ERR '${args[0]}' is not supported over REST (use /multi-exec for transactions)`);
  }
  switch (name) {
    case 'EVAL':
    case 'EVAL_RO':
      if (args.length > 1) args[1] = scripts.rewrite(args[1]);
      return { args };
    case 'EVALSHA':
    case 'EVALSHA_RO':
      if (args.length > 1) args[1] = scripts.sha(args[1]);
      return { args };
    case 'SCRIPT': {
      const sub = String(args[1] ?? '').toUpperCase();
      if (sub === 'LOAD' && args.length === 3) {
        const original = args[2];
        args[2] = scripts.rewrite(original);
        if (args[2] === original) return { args };
        const originalSha = sha1(original);
        return { args, transform: (reply) => (reply instanceof RedisReplyError ? reply : originalSha) };
      }
      if (sub === 'EXISTS') {
        for (let i = 2; i < args.length; i++) args[i] = scripts.sha(args[i]);
      }
      return { args };
    }
    default:
      return { args };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON replies

/**
 * Upstash-Encoding: base64 turns every bulk string, at any depth, into base64 — except the top-level status "OK",
 * which @upstash/redis checks for literally. Other statuses (PONG, QUEUED) are encoded too, since the client decodes
 * every string it did not recognise as "OK".
 * @param {unknown} value
 * @param {boolean} base64
 * @param {boolean} top
 * @returns {unknown}
 */
function toJson(value, base64, top) {
  if (value === null || typeof value === 'number') return value;
  if (Buffer.isBuffer(value)) return base64 ? value.toString('base64') : value.toString('utf8');
  if (typeof value === 'string') return base64 && !(top && value === 'OK') ? Buffer.from(value).toString('base64') : value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toJson(value[i], base64, false);
    return out;
  }
  if (value instanceof RedisReplyError) return value.message;
  return null;
}

/**
 * @param {unknown} reply
 * @param {boolean} base64
 */
function toEntry(reply, base64) {
  return reply instanceof RedisReplyError ? { error: reply.message } : { result: toJson(reply, base64, true) };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

/**
 * @typedef {object} BridgeStats
 * @property {number} requests HTTP requests that reached Redis endpoints (/, /pipeline, /multi-exec) with a valid token
 * @property {number} commands client commands in those requests (every command of a pipeline or transaction)
 * @property {Record<string, number>} byKind those commands by the kind of key they touch (conv, stream, lock, rl…)
 */

/**
 * @typedef {object} Bridge
 * @property {string} url base URL to use as UPSTASH_REDIS_REST_URL
 * @property {number} port
 * @property {() => BridgeStats} stats
 * @property {() => void} resetStats
 * @property {() => Promise<void>} close
 */

/** @typedef {{ status: number, body: unknown }} Reply */

/**
 * Starts the bridge. Rejects when Redis does not answer, so a misconfigured URL fails at start-up.
 * @param {{ redisUrl: string, token: string, port?: number, host?: string }} options
 * @returns {Promise<Bridge>}
 */
export async function startBridge({ redisUrl, token, port = 0, host = '127.0.0.1' }) {
  if (!token) throw new Error('startBridge: a token is required');
  await waitForRedis({ redisUrl, timeoutMs: 5_000 });
  const redis = new RedisConnection(redisUrl);
  const scripts = new ScriptAliases();
  const expectedAuth = Buffer.from(`Bearer ${token}`);
  const counters = { requests: 0, commands: 0, /** @type {Record<string, number>} */ byKind: {} };
  /** Counts a command under the kind of key it touches (`conv`, `stream`, `lock`, `rl`, `usage`…), for the bench. */
  const countKind = (/** @type {unknown} */ command) => {
    if (!Array.isArray(command)) return;
    const name = String(command[0] ?? '').toUpperCase();
    const key = String((name === 'EVAL' || name === 'EVALSHA' ? command[3] : command[1]) ?? '');
    const kind = /(?:^|:)(conv|stream|lock|rl|usage|secret|tts)(?::|$)/.exec(key)?.[1] ?? 'other';
    counters.byKind[kind] = (counters.byKind[kind] ?? 0) + 1;
  };

  /** @param {string | undefined} header */
  const authorised = (header) => {
    if (typeof header !== 'string') return false;
    const given = Buffer.from(header);
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  };

  /**
   * @param {unknown} body
   * @param {boolean} base64
   * @returns {Promise<Reply>}
   */
  const single = async (body, base64) => {
    counters.commands += 1;
    countKind(body);
    const prepared = prepareCommand(body, scripts);
    if (prepared instanceof RedisReplyError) return { status: 400, body: { error: prepared.message } };
    const [reply] = await redis.send([prepared.args]);
    const final = prepared.transform ? prepared.transform(reply) : reply;
    return final instanceof RedisReplyError ? { status: 400, body: { error: final.message } } : { status: 200, body: { result: toJson(final, base64, true) } };
  };

  /**
   * @param {unknown} body
   * @param {boolean} base64
   * @returns {Promise<Reply>}
   */
  const pipeline = async (body, base64) => {
    if (!Array.isArray(body) || body.length === 0) return { status: 400, body: { error: 'ERR the body must be a non-empty array of commands' } };
    counters.commands += body.length;
    body.forEach(countKind);
    const prepared = body.map((command) => prepareCommand(command, scripts));
    const toSend = /** @type {string[][]} */ ([]);
    for (const item of prepared) if (!(item instanceof RedisReplyError)) toSend.push(item.args);
    const replies = toSend.length > 0 ? await redis.send(toSend) : [];
    let next = 0;
    const entries = prepared.map((item) => {
      if (item instanceof RedisReplyError) return { error: item.message };
      const reply = replies[next++];
      return toEntry(item.transform ? item.transform(reply) : reply, base64);
    });
    return { status: 200, body: entries };
  };

  /**
   * @param {unknown} body
   * @param {boolean} base64
   * @returns {Promise<Reply>}
   */
  const transaction = async (body, base64) => {
    if (!Array.isArray(body) || body.length === 0) return { status: 400, body: { error: 'ERR the body must be a non-empty array of commands' } };
    counters.commands += body.length;
    body.forEach(countKind);
    const prepared = body.map((command) => prepareCommand(command, scripts));
    const refused = prepared.find((item) => item instanceof RedisReplyError);
    if (refused) return { status: 400, body: { error: `EXECABORT Transaction discarded because of previous errors: ${refused.message}` } };
    const items = /** @type {{ args: string[], transform?: (reply: unknown) => unknown }[]} */ (prepared);
    const replies = await redis.send([['MULTI'], ...items.map((item) => item.args), ['EXEC']]);
    const exec = replies[replies.length - 1];
    if (exec instanceof RedisReplyError) {
      const queued = replies.slice(1, -1).find((reply) => reply instanceof RedisReplyError);
      const detail = queued instanceof RedisReplyError ? `: ${queued.message}` : '';
      return { status: 400, body: { error: `${exec.message}${detail}` } };
    }
    if (!Array.isArray(exec)) return { status: 400, body: { error: 'ERR transaction discarded' } };
    return { status: 200, body: exec.map((reply, i) => toEntry(items[i]?.transform ? items[i].transform(reply) : reply, base64)) };
  };

  /** @type {Record<string, (body: unknown, base64: boolean) => Promise<Reply>>} */
  const routes = { '/': single, '/pipeline': pipeline, '/multi-exec': transaction };

  /**
   * @param {http.ServerResponse} res
   * @param {number} status
   * @param {unknown} body
   */
  const send = (res, status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (!authorised(req.headers.authorization)) {
      req.resume();
      send(res, 401, { error: 'Unauthorized' });
      return;
    }
    if (pathname === '/__bridge/stats') {
      req.resume();
      if (req.method === 'GET') send(res, 200, { ...counters });
      else if (req.method === 'DELETE') {
        counters.requests = 0;
        counters.commands = 0;
        counters.byKind = {};
        send(res, 200, { ...counters });
      } else send(res, 405, { error: 'Method not allowed' });
      return;
    }
    const route = routes[pathname];
    if (!route) {
      req.resume();
      send(res, 404, { error: `ERR unknown endpoint ${pathname}` });
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('allow', 'POST');
      send(res, 405, { error: 'Method not allowed' });
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) {
        send(res, 413, { error: 'ERR request body too large' });
        return;
      }
      /** @type {unknown} */
      let body;
      try {
        body = JSON.parse((chunks.length === 1 ? /** @type {Buffer} */ (chunks[0]) : Buffer.concat(chunks)).toString('utf8'));
      } catch {
        send(res, 400, { error: 'ERR the body is not valid JSON' });
        return;
      }
      counters.requests += 1;
      const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
      route(body, base64).then(
        (reply) => send(res, reply.status, reply.body),
        (/** @type {Error} */ error) =>
          send(res, error instanceof RedisConnectionError ? 503 : 500, { error: error.message.startsWith('ERR') ? error.message : `ERR ${error.message}` }),
      );
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {net.AddressInfo} */ (server.address());
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    stats: () => ({ ...counters, byKind: { ...counters.byKind } }),
    resetStats: () => {
      counters.requests = 0;
      counters.commands = 0;
      counters.byKind = {};
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        // Keep-alive sockets would otherwise hold close() open (and keep clients talking to a "stopped" bridge).
        server.closeAllConnections();
        redis.close();
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

/**
 * @param {string[]} argv
 * @returns {Record<string, string>}
 */
function parseFlags(argv) {
  /** @type {Record<string, string>} */
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq !== -1) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    else flags[arg.slice(2)] = argv[++i] ?? '';
  }
  return flags;
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  const redisUrl = flags.redis ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const port = Number(flags.port ?? process.env.BRIDGE_PORT ?? 8079);
  const host = flags.host ?? process.env.BRIDGE_HOST ?? '127.0.0.1';
  const given = flags.token ?? process.env.BRIDGE_TOKEN ?? process.env.UPSTASH_REDIS_REST_TOKEN;
  const token = given || randomBytes(24).toString('base64url');
  const bridge = await startBridge({ redisUrl, token, port, host });
  console.log(bridge.url);
  if (!given) console.error(`token: ${token}`);
  console.error(`Upstash REST bridge → ${redisUrl} (Ctrl-C to stop)`);
  const stop = () => {
    bridge.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run as a CLI only when this file is the entry point (tests and other scripts import it). `import.meta` is avoided
// because Jest loads this file as CommonJS.
const entry = process.argv[1] ? path.basename(process.argv[1]) : '';
if (entry === 'redis-bridge.mjs' || entry === 'redis-bridge') {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
