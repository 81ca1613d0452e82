// @ts-check
/**
 * A local stand-in for Smallest.ai Waves that speaks its exact wire format (see CONTRACTS.md "Smallest.ai"):
 * `POST /waves/v1/tts/live` (SSE of base64 PCM), `POST /waves/v1/tts` (one WAV/PCM body), the voice list, and the pulse
 * speech-to-text endpoint. It enforces the account's one-request-in-flight rule (a second concurrent request from the same
 * key gets 429) and records the highest concurrency it saw, so tests can prove the app serialises its calls.
 * Smallest.ai is unreachable from the build machines; this is what the app's voice boundary is tested against.
 *
 * In process:     const s = await startSmallestStandIn({ firstChunkMs: 50 }); SMALLEST_BASE_URL = s.url
 * Out of process: node scripts/standins/smallest-server.mjs --port 4020 --api-key test --first-chunk 50 --interval 10
 *   and steer it with POST /__standin/behaviour {json}, GET /__standin/requests, GET /__standin/stats, POST /__standin/reset.
 *
 * The audio is deterministic: a 440 Hz tone whose length follows the text (60 ms per character, at least 200 ms), at the
 * requested sample rate, split into `chunks` frames.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { flagNumber, parseArgs, serveFromCli } from './cli.mjs';

/**
 * @typedef {'429' | '500' | 'broken_stream'} FaultKind
 * @typedef {{ kind: FaultKind, times?: number, afterChunks?: number }} FaultSpec
 *   `times` (default 1): how many of the next synthesis requests get it. `afterChunks` (broken_stream, default 1).
 * @typedef {{
 *   apiKey: string | null,
 *   firstChunkMs: number,
 *   chunkIntervalMs: number,
 *   chunks: number,
 *   transcript: string,
 *   faults: FaultSpec[],
 *   voices: string[],
 * }} Behaviour
 * `apiKey`: when set, requests must carry `Authorization: Bearer <apiKey>` (else 401).
 * @typedef {{ method: string, path: string, body: any, headers: http.IncomingHttpHeaders, at: number, closedEarly: boolean }} RecordedRequest
 */

/** @type {Behaviour} */
const DEFAULT_BEHAVIOUR = {
  apiKey: null,
  firstChunkMs: 0,
  chunkIntervalMs: 0,
  chunks: 4,
  transcript: 'Hello, I would like to know about your pricing.',
  faults: [],
  voices: ['emily', 'jasmine', 'arman', 'george', 'sofia'],
};

const MODELS = ['lightning_v3.1', 'lightning_v3.1_pro'];
const DEPRECATED_MODELS = ['lightning-v2', 'lightning-large'];
const SAMPLE_RATES = [8000, 16000, 24000, 44100];
const MAX_RECORDED_REQUESTS = 2_000;
const MAX_BODY_BYTES = 30 * 1024 * 1024;
const BEHAVIOUR_KEYS = /** @type {(keyof Behaviour)[]} */ (Object.keys(DEFAULT_BEHAVIOUR));

/**
 * @param {Partial<Behaviour> & { port?: number, host?: string }} [options]
 */
export async function startSmallestStandIn(options = {}) {
  const { port = 0, host = '127.0.0.1', ...initial } = options;
  const initialBehaviour = mergeBehaviour(DEFAULT_BEHAVIOUR, initial);
  let behaviour = initialBehaviour;
  /** @type {RecordedRequest[]} */
  const requests = [];
  /** In-flight synthesis/transcription requests per bearer key: the account-wide one-at-a-time rule. */
  const inFlight = new Map();
  const counters = { maxConcurrent: 0, calls: 0, rejected429: 0, closedEarly: 0, completed: 0 };

  /** @param {Partial<Behaviour>} partial */
  const setBehaviour = (partial) => {
    behaviour = mergeBehaviour(behaviour, partial);
    return behaviour;
  };
  const reset = () => {
    behaviour = initialBehaviour;
    requests.length = 0;
    Object.assign(counters, { maxConcurrent: 0, calls: 0, rejected429: 0, closedEarly: 0, completed: 0 });
  };
  const stats = () => ({ ...counters });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendError(res, 500, 'Internal Server Error', 'The stand-in failed: ' + String(error));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 0;
  server.on('connection', (socket) => socket.setNoDelay(true));

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://standin');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const raw = method === 'POST' ? await readBody(req) : Buffer.alloc(0);

    if (path.startsWith('/__standin/')) return handleControl(method, path, parseJson(raw), res);

    const isSpeechToText = path === '/waves/v1/pulse/get_text';
    const body = isSpeechToText ? { bytes: raw.length, contentType: req.headers['content-type'] ?? null } : parseJson(raw);
    /** @type {RecordedRequest} */
    const record = { method, path, body, headers: req.headers, at: Date.now(), closedEarly: false };
    requests.push(record);
    if (requests.length > MAX_RECORDED_REQUESTS) requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);

    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || (behaviour.apiKey !== null && auth !== `Bearer ${behaviour.apiKey}`)) {
      return sendError(res, 401, 'Unauthorized', 'Invalid or missing API key.');
    }

    if (method === 'GET' && /^\/waves\/v1\/[^/]+\/get_voices$/.test(path)) {
      return sendJson(res, 200, {
        voices: behaviour.voices.map((voiceId) => ({
          voiceId,
          displayName: voiceId[0]?.toUpperCase() + voiceId.slice(1),
          tags: { language: voiceId === 'sofia' ? ['spanish', 'english'] : ['english'], accent: 'american', gender: 'female' },
        })),
      });
    }

    const isLive = path === '/waves/v1/tts/live';
    const isTts = path === '/waves/v1/tts' || isLive;
    if (method !== 'POST' || (!isTts && !isSpeechToText)) return sendError(res, 404, 'Not Found', `No route for ${method} ${path}`);

    // The concurrency rule counts every request that reaches the account, valid or not.
    const key = auth;
    const concurrent = (inFlight.get(key) ?? 0) + 1;
    counters.calls++;
    counters.maxConcurrent = Math.max(counters.maxConcurrent, concurrent);
    if (concurrent > 1) {
      counters.rejected429++;
      return sendError(res, 429, 'Too Many Requests', 'Only one request may be in flight per account; wait for the previous one to finish.');
    }
    inFlight.set(key, concurrent);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left > 0) inFlight.set(key, left);
      else inFlight.delete(key);
    };
    res.once('close', () => {
      if (!res.writableFinished) {
        record.closedEarly = true;
        counters.closedEarly++;
      }
      release();
    });

    if (isSpeechToText) {
      const language = url.searchParams.get('language') ?? 'en';
      if (raw.length === 0) return sendError(res, 400, 'Bad Request', 'The request body must be the audio to transcribe.');
      await sleep(behaviour.firstChunkMs);
      release();
      return sendJson(res, 200, { text: behaviour.transcript, language });
    }

    const invalid = validateTtsBody(body, behaviour);
    if (invalid) {
      release();
      if (invalid.status === 410) {
        return sendJson(res, 410, {
          status: 'error',
          error_code: 'MODEL_DEPRECATED',
          message: invalid.message,
          recommended_endpoint: '/waves/v1/tts/live',
        });
      }
      return sendError(res, invalid.status, 'Bad Request', invalid.message);
    }

    const fault = takeFault();
    if (fault?.kind === '429') {
      release();
      return sendError(res, 429, 'Too Many Requests', 'Rate limit exceeded.');
    }
    if (fault?.kind === '500') {
      release();
      return sendError(res, 500, 'Internal Server Error', 'Synthesis failed.');
    }

    const sampleRate = body.sample_rate ?? 44100;
    const pcm = tone(String(body.text), sampleRate, Number(body.speed ?? 1));
    const current = behaviour;
    if (!isLive) {
      await sleep(current.firstChunkMs);
      release();
      const wantsPcm = body.output_format === 'pcm';
      const payload = wantsPcm ? pcm : wav(pcm, sampleRate);
      res.writeHead(200, { 'content-type': wantsPcm ? 'application/octet-stream' : 'audio/wav', 'content-length': payload.length });
      return res.end(payload);
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    const pieces = split(pcm, Math.max(1, current.chunks));
    await sleep(current.firstChunkMs);
    for (let index = 0; index < pieces.length; index++) {
      if (res.destroyed) return;
      if (index > 0) await sleep(current.chunkIntervalMs);
      if (res.destroyed) return;
      if (fault?.kind === 'broken_stream' && index >= (fault.afterChunks ?? 1)) {
        res.destroy();
        return;
      }
      const audio = /** @type {Buffer} */ (pieces[index]).toString('base64');
      res.write(`event: audio\ndata: ${JSON.stringify({ audio, done: false, status: '206' })}\n\n`);
    }
    if (res.destroyed) return;
    // The account is free again once the last frame is sent: release before it, so a client that starts its next call
    // the moment it reads `done` is not refused.
    release();
    counters.completed++;
    res.end(`event: audio\ndata: ${JSON.stringify({ status: '200', done: true })}\n\n`);
  }

  /** @returns {FaultSpec | null} */
  function takeFault() {
    const [next, ...rest] = behaviour.faults;
    if (!next) return null;
    const remaining = (next.times ?? 1) - 1;
    behaviour = { ...behaviour, faults: remaining > 0 ? [{ ...next, times: remaining }, ...rest] : rest };
    return next;
  }

  /** @param {string} method @param {string} path @param {any} body @param {http.ServerResponse} res */
  function handleControl(method, path, body, res) {
    if (method === 'POST' && path === '/__standin/behaviour') {
      const partial = /** @type {Partial<Behaviour>} */ ({});
      for (const key of BEHAVIOUR_KEYS) {
        if (body && typeof body === 'object' && key in body) /** @type {any} */ (partial)[key] = body[key];
      }
      return sendJson(res, 200, setBehaviour(partial));
    }
    if (method === 'GET' && path === '/__standin/behaviour') return sendJson(res, 200, behaviour);
    if (method === 'GET' && path === '/__standin/requests') return sendJson(res, 200, { requests });
    if (method === 'GET' && path === '/__standin/stats') return sendJson(res, 200, stats());
    if (method === 'POST' && path === '/__standin/reset') {
      reset();
      return sendJson(res, 200, behaviour);
    }
    return sendError(res, 404, 'Not Found', `Unknown control endpoint (${method} ${path})`);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    /** The base URL to use as SMALLEST_BASE_URL (paths start with /waves). */
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    setBehaviour,
    behaviour: () => behaviour,
    requests,
    stats,
    reset,
    /** @returns {Promise<void>} */
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {any} body @param {Behaviour} behaviour
 * @returns {{ status: number, message: string } | null}
 */
function validateTtsBody(body, behaviour) {
  if (!body || typeof body !== 'object' || body === INVALID_JSON) return { status: 400, message: 'The body must be a JSON object.' };
  if (typeof body.text !== 'string' || body.text.trim() === '') return { status: 400, message: 'text is required.' };
  if (typeof body.voice_id !== 'string' || body.voice_id === '') return { status: 400, message: 'voice_id is required.' };
  if (body.model !== undefined && DEPRECATED_MODELS.includes(body.model)) {
    return { status: 410, message: `The model ${body.model} has been deprecated. Use lightning_v3.1 on /waves/v1/tts/live.` };
  }
  if (body.model !== undefined && !MODELS.includes(body.model)) return { status: 400, message: `Unknown model: ${body.model}.` };
  if (!behaviour.voices.includes(body.voice_id)) return { status: 400, message: `Voice not found: ${body.voice_id}.` };
  if (body.sample_rate !== undefined && !SAMPLE_RATES.includes(body.sample_rate)) {
    return { status: 400, message: `sample_rate must be one of ${SAMPLE_RATES.join(', ')}.` };
  }
  if (body.speed !== undefined && (typeof body.speed !== 'number' || body.speed < 0.5 || body.speed > 2)) {
    return { status: 400, message: 'speed must be a number from 0.5 to 2.' };
  }
  return null;
}

/** 16-bit little-endian mono PCM: a 440 Hz tone at half volume, 60 ms per character (≥ 200 ms), shorter when faster. */
function tone(/** @type {string} */ text, /** @type {number} */ sampleRate, /** @type {number} */ speed) {
  const ms = Math.max(200, text.length * 60) / (speed > 0 ? speed : 1);
  const samples = Math.round((sampleRate * ms) / 1000);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(16_000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)), i * 2);
  return pcm;
}

/** Splits PCM into `count` pieces on sample boundaries. */
function split(/** @type {Buffer} */ pcm, /** @type {number} */ count) {
  const samples = pcm.length / 2;
  const per = Math.ceil(samples / count);
  const pieces = [];
  for (let start = 0; start < samples; start += per) pieces.push(pcm.subarray(start * 2, Math.min(samples, start + per) * 2));
  return pieces;
}

function wav(/** @type {Buffer} */ pcm, /** @type {number} */ sampleRate) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

const INVALID_JSON = Symbol('invalid json');

/** @param {http.IncomingMessage} req @returns {Promise<Buffer>} */
async function readBody(req) {
  const parts = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** @param {Buffer} raw */
function parseJson(raw) {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return INVALID_JSON;
  }
}

/** @param {Behaviour} base @param {Partial<Behaviour>} partial @returns {Behaviour} */
function mergeBehaviour(base, partial) {
  const next = { ...base };
  for (const key of BEHAVIOUR_KEYS) {
    if (partial[key] !== undefined) /** @type {any} */ (next)[key] = partial[key];
  }
  for (const fault of next.faults) {
    if (!['429', '500', 'broken_stream'].includes(fault.kind)) throw new Error(`Unknown fault kind: ${fault.kind}`);
  }
  return next;
}

/** @param {http.ServerResponse} res @param {number} status @param {unknown} payload */
function sendJson(res, status, payload) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Smallest.ai's error body on 400/401/429/500: `{ error, message }`. */
function sendError(/** @type {http.ServerResponse} */ res, /** @type {number} */ status, /** @type {string} */ error, /** @type {string} */ message) {
  sendJson(res, status, { error, message });
}

// ---------------------------------------------------------------------------------------------------------------------
// CLI

// Detected by file name rather than import.meta so the module also loads under Jest's CommonJS transform.
if (process.argv[1] && /smallest-server\.mjs$/.test(process.argv[1])) {
  const flags = parseArgs(process.argv.slice(2));
  serveFromCli('smallest stand-in', () =>
    startSmallestStandIn({
      port: flagNumber(flags.port ?? process.env.SMALLEST_STANDIN_PORT, 4020),
      host: flags.host ?? '127.0.0.1',
      firstChunkMs: flagNumber(flags['first-chunk'], 0),
      chunkIntervalMs: flagNumber(flags.interval, 0),
      chunks: flagNumber(flags.chunks, 4),
      ...(flags['api-key'] !== undefined ? { apiKey: flags['api-key'] } : {}),
      ...(flags.transcript !== undefined ? { transcript: flags.transcript } : {}),
    }),
  );
}
