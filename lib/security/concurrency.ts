import { getServerConfig } from '@/lib/config';
import { AppError, type Surface } from '@/lib/errors';
import { processSingleton } from '@/lib/process-singleton';
import { getStreamSlots } from '@/lib/security/stream-slots';

/** Call exactly once when the work is done; later calls do nothing. */
export type Release = () => void;

export interface AcquireOptions {
  /** Who is asking (the visitor): waiters are served round-robin across keys, and each key has its own wait bound. */
  key?: string;
  /** Leaves the queue when it fires while waiting; the promise rejects with its reason. */
  signal?: AbortSignal;
  /** false: take a free slot or be refused at once (for work whose input is still unread, such as an upload). */
  wait?: boolean;
}

export interface ConcurrencyGate {
  readonly name: string;
  acquire(options?: AcquireOptions): Promise<Release>;
  /** Slots held and callers waiting, for health output and tests. */
  stats(): { running: number; waiting: number };
}

export interface GateOptions {
  name: string;
  /** Slots: at most this many holders at once. */
  max: number;
  /** Callers allowed to wait for a slot; one more is refused at once. */
  queueMax: number;
  /** Longest wait for a slot in ms; 0 waits until a slot frees or the caller's signal fires. */
  queueTimeoutMs: number;
  /** At most this many waiting per key (default: queueMax); more are refused for that key only. */
  queuePerKey?: number;
  /** At most this many slots held by one key at once (default: no bound; callers without a key are not counted); one more is refused at once for that key only, without waiting. */
  holdPerKey?: number;
  surface: Surface;
  /** Seconds sent as Retry-After with a refusal. */
  retryAfterSeconds?: number;
  /** The error for each refusal; the default is a 503 `overloaded:<surface>` (a 429 for one key's own overflow). */
  refusal?: (reason: Refusal) => AppError;
}

export type Refusal = 'full' | 'timeout' | 'key_full' | 'key_busy';

interface Waiter {
  key: string;
  grant: () => void;
}

interface KeyState {
  waiters: Waiter[];
  holding: number;
  /** Sequence number of the key's last grant: the key served longest ago goes next. */
  lastGrant: number;
}

const ANONYMOUS = '';

/**
 * A cap on concurrent work in this process with a bounded, fair wait list. When every slot is taken, callers wait;
 * when a slot frees, it goes to the waiting key that was served longest ago, so one visitor with many requests in line
 * delays another by at most the requests already running. Refusals are typed errors with Retry-After, so an overload
 * is a prompt 503 rather than an ever-growing wait and memory.
 */
export function createConcurrencyGate(options: GateOptions): ConcurrencyGate {
  const { name, max, queueMax, queueTimeoutMs, surface } = options;
  const queuePerKey = options.queuePerKey ?? queueMax;
  const holdPerKey = options.holdPerKey ?? Number.POSITIVE_INFINITY;
  const retryAfter = String(options.retryAfterSeconds ?? 2);
  const refuse = options.refusal ?? ((reason: Refusal) => defaultRefusal(reason, surface, retryAfter));
  const keys = new Map<string, KeyState>();
  let running = 0;
  let waiting = 0;
  let grants = 0;

  const stateOf = (key: string): KeyState => {
    let state = keys.get(key);
    if (!state) {
      state = { waiters: [], holding: 0, lastGrant: 0 };
      keys.set(key, state);
    }
    return state;
  };

  // Entries live only while a key holds or waits for a slot, so visitors that come and go leave nothing behind.
  const prune = (key: string, state: KeyState) => {
    if (state.holding === 0 && state.waiters.length === 0) keys.delete(key);
  };

  const take = (key: string): Release => {
    const state = stateOf(key);
    running++;
    state.holding++;
    state.lastGrant = ++grants;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running--;
      state.holding--;
      prune(key, state);
      next();
    };
  };

  const next = () => {
    if (running >= max || waiting === 0) return;
    let chosen: KeyState | undefined;
    for (const state of keys.values()) {
      if (state.waiters.length > 0 && (!chosen || state.lastGrant < chosen.lastGrant)) chosen = state;
    }
    const waiter = chosen?.waiters.shift();
    if (!waiter) return;
    waiting--;
    waiter.grant();
  };

  return {
    name,
    stats: () => ({ running, waiting }),

    acquire({ key = ANONYMOUS, signal, wait = true } = {}) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (key !== ANONYMOUS && (keys.get(key)?.holding ?? 0) >= holdPerKey) return Promise.reject(refuse('key_busy'));
      if (running < max && waiting === 0) return Promise.resolve(take(key));
      if (!wait || waiting >= queueMax) return Promise.reject(refuse('full'));
      const state = stateOf(key);
      if (state.waiters.length >= queuePerKey) return Promise.reject(refuse('key_full'));

      return new Promise<Release>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const leave = (error: unknown) => {
          const index = state.waiters.indexOf(waiter);
          if (index === -1) return;
          state.waiters.splice(index, 1);
          waiting--;
          cleanup();
          prune(key, state);
          reject(error);
        };
        const onAbort = () => leave(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
        const cleanup = () => {
          if (timer) clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        };
        const waiter: Waiter = {
          key,
          grant: () => {
            cleanup();
            resolve(take(key));
          },
        };
        state.waiters.push(waiter);
        waiting++;
        signal?.addEventListener('abort', onAbort, { once: true });
        if (queueTimeoutMs > 0) {
          timer = setTimeout(() => leave(refuse('timeout')), queueTimeoutMs);
          timer.unref?.();
        }
      });
    },
  };
}

function defaultRefusal(reason: Refusal, surface: Surface, retryAfter: string): AppError {
  const headers = { 'retry-after': retryAfter };
  if (reason === 'key_full') {
    return new AppError(`rate_limited:${surface}`, 'You have too many requests waiting; let them finish first.', { headers });
  }
  if (reason === 'key_busy') {
    return new AppError(`rate_limited:${surface}`, 'You already have as many of these requests running as one visitor may; wait for one to finish.', { headers });
  }
  return new AppError(`overloaded:${surface}`, undefined, { headers });
}

/** Sentences wait this long at most for a speech slot: later than that, the reply has moved on. */
const TTS_QUEUE_TIMEOUT_MS = 10_000;

/** A visitor has one chat turn running at a time in normal use; a few more may wait (several tabs), no more. */
const LLM_QUEUE_PER_VISITOR = 4;

/** Concurrent LLM calls of this process (LLM_MAX_CONCURRENT, LLM_QUEUE_MAX waiting, LLM_QUEUE_TIMEOUT_MS). */
export function getLlmGate(): ConcurrencyGate {
  return processSingleton('gate:llm', () => {
    const { llm } = getServerConfig().security;
    return createConcurrencyGate({ name: 'llm', max: llm.maxConcurrent, queueMax: llm.queueMax, queueTimeoutMs: llm.queueTimeoutMs, queuePerKey: LLM_QUEUE_PER_VISITOR, surface: 'llm' });
  });
}

/** Concurrent /api/v1/tts requests of this process (TTS_MAX_CONCURRENT; TTS_QUEUE_MAX waiting, TTS_QUEUE_PER_VISITOR each). */
export function getTtsGate(): ConcurrencyGate {
  return processSingleton('gate:tts', () => {
    const config = getServerConfig();
    return createConcurrencyGate({
      name: 'tts',
      max: config.security.tts.maxConcurrent,
      queueMax: config.voice.queueMax,
      queuePerKey: config.security.tts.queuePerVisitor,
      queueTimeoutMs: TTS_QUEUE_TIMEOUT_MS,
      surface: 'voice',
    });
  });
}

/**
 * A speech slot for one /api/v1/tts request (released once, when its stream ends): first one of its address's
 * TTS_STREAMS_PER_ADDRESS (running or waiting), then the gate's, served round-robin across visitors. The gate's turns
 * are per visitor, and sessions are free: one address with many visitors held every slot and every place in line.
 */
export async function acquireTtsSlot({ visitorId, ip, signal }: { visitorId: string; ip: string; signal?: AbortSignal }): Promise<Release> {
  const perAddress = getServerConfig().security.tts.streamsPerAddress;
  // (Visitor ids and the resume streams' `ip:` keys have no "tts:" prefix: the counts never mix.)
  const address = getStreamSlots().take(`tts:${ip}`, perAddress, 'voice', () => 'Too many replies are being spoken for your network at once; try again in a moment.');
  return alongside(address, () => getTtsGate().acquire({ key: visitorId, ...(signal ? { signal } : {}) }));
}

/** The slot `acquire` takes, held with an address's slot already taken: one release for both, the address's given back when `acquire` refuses. */
async function alongside(address: Release, acquire: () => Promise<Release>): Promise<Release> {
  try {
    const slot = await acquire();
    return () => {
      slot();
      address();
    };
  } catch (error) {
    address();
    throw error;
  }
}

const TRANSCRIBE_HOLD_PER_VISITOR = 1;

/** A gate for uploads: nobody waits (the body is still unread), and a key over `holdPerKey` gets `busy` (429). */
function uploadGate(name: string, max: number, holdPerKey: number, busy: string): ConcurrencyGate {
  return createConcurrencyGate({
    name,
    max,
    queueMax: 0,
    queueTimeoutMs: 0,
    holdPerKey,
    surface: 'transcribe',
    retryAfterSeconds: 5,
    refusal: (reason) =>
      reason === 'key_busy' ? new AppError('rate_limited:transcribe', busy, { headers: { 'retry-after': '5' } }) : defaultRefusal(reason, 'transcribe', '5'),
  });
}

/**
 * Concurrent transcriptions (TRANSCRIBE_MAX_CONCURRENT). Nobody waits: the slot is taken before the upload is read, and
 * a waiting upload would sit in memory or hold the client's socket open.
 */
export function getTranscribeGate(): ConcurrencyGate {
  // One upload at a time per visitor: a visitor records one question at a time, and several slow uploads of one
  // visitor (a trickled body holds its slot until Node's request timeout) would otherwise take every slot.
  return processSingleton('gate:transcribe', () =>
    uploadGate('transcribe', getServerConfig().security.transcribe.maxConcurrent, TRANSCRIBE_HOLD_PER_VISITOR, 'A recording of yours is still being transcribed; send the next one when it is done.'),
  );
}

/**
 * Uploads in progress per client address (TRANSCRIBE_MAX_PER_ADDRESS): one visitor holds one upload at a time, but one
 * address can start as many visitor sessions as RATE_LIMIT_SESSION lets it, and its trickled uploads then took every
 * slot of the process. Nobody waits here either; the process's own cap is the transcribe gate's.
 */
export function getTranscribeAddressGate(): ConcurrencyGate {
  return processSingleton('gate:transcribe-address', () =>
    uploadGate(
      'transcribe-address',
      Number.MAX_SAFE_INTEGER,
      getServerConfig().security.transcribe.maxPerAddress,
      'Too many recordings from your network are being transcribed at once; send yours again in a moment.',
    ),
  );
}

/**
 * A transcription slot for one upload, taken before its body is read and without waiting: within the address's bound
 * (getTranscribeAddressGate), the visitor's one upload at a time and the process's cap (getTranscribeGate).
 */
export async function acquireUploadSlot({ visitorId, ip }: { visitorId: string; ip: string }): Promise<Release> {
  const address = await getTranscribeAddressGate().acquire({ key: `ip:${ip}`, wait: false });
  return alongside(address, () => getTranscribeGate().acquire({ key: visitorId, wait: false }));
}
