/** @jest-environment node */
import { AppError } from '@/lib/errors';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { createConcurrencyGate, getLlmGate, getTranscribeGate, getTtsGate, type Release } from '@/lib/security/concurrency';

const flush = () => Promise.resolve().then(() => undefined);

function gate(overrides: Partial<Parameters<typeof createConcurrencyGate>[0]> = {}) {
  return createConcurrencyGate({ name: 'test', max: 2, queueMax: 4, queueTimeoutMs: 1_000, surface: 'voice', ...overrides });
}

/** Acquires and records the order in which grants happen. */
function track(order: string[], label: string, promise: Promise<Release>): Promise<Release> {
  return promise.then((release) => {
    order.push(label);
    return release;
  });
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('createConcurrencyGate', () => {
  it('grants up to max at once and makes the rest wait until a slot frees', async () => {
    const g = gate();
    const a = await g.acquire();
    const b = await g.acquire();
    const order: string[] = [];
    const c = track(order, 'c', g.acquire());
    await flush();
    expect(order).toEqual([]);
    expect(g.stats()).toEqual({ running: 2, waiting: 1 });
    a();
    a(); // a second release is harmless
    await c;
    expect(order).toEqual(['c']);
    expect(g.stats()).toEqual({ running: 2, waiting: 0 });
    b();
    (await c)();
    expect(g.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with a 503 overloaded and Retry-After when the wait list is full', async () => {
    const g = gate({ max: 1, queueMax: 1, retryAfterSeconds: 3 });
    await g.acquire();
    void g.acquire();
    const refused = g.acquire();
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'overloaded:voice', status: 503, headers: { 'retry-after': '3' } });
  });

  it('refuses at once without waiting when asked not to wait', async () => {
    const g = gate({ max: 1, surface: 'transcribe' });
    const release = await g.acquire({ wait: false });
    await expect(g.acquire({ wait: false })).rejects.toMatchObject({ code: 'overloaded:transcribe', status: 503 });
    expect(g.stats().waiting).toBe(0);
    release();
    await expect(g.acquire({ wait: false })).resolves.toEqual(expect.any(Function));
  });

  it('times a waiter out with a 503 after queueTimeoutMs, and the slot then goes to the next one', async () => {
    const g = gate({ max: 1, queueTimeoutMs: 500 });
    const release = await g.acquire();
    const early = g.acquire();
    jest.advanceTimersByTime(300);
    const late = g.acquire();
    jest.advanceTimersByTime(250);
    await expect(early).rejects.toMatchObject({ code: 'overloaded:voice', headers: { 'retry-after': '2' } });
    expect(g.stats()).toEqual({ running: 1, waiting: 1 });
    release();
    await expect(late).resolves.toEqual(expect.any(Function));
  });

  it('drops an aborted waiter from the queue with the signal reason', async () => {
    const g = gate({ max: 1 });
    const release = await g.acquire();
    const controller = new AbortController();
    const waiting = g.acquire({ signal: controller.signal });
    controller.abort(new Error('client left'));
    await expect(waiting).rejects.toThrow('client left');
    expect(g.stats()).toEqual({ running: 1, waiting: 0 });
    release();
    expect(g.stats()).toEqual({ running: 0, waiting: 0 });
    const gone = new AbortController();
    gone.abort(new Error('already gone'));
    await expect(g.acquire({ signal: gone.signal })).rejects.toThrow('already gone');
  });

  it('serves waiting keys round-robin: a flood from one key delays another by one slot at most', async () => {
    const g = gate({ max: 1, queueMax: 100, queuePerKey: 10, queueTimeoutMs: 0 });
    const order: string[] = [];
    const running = await g.acquire({ key: 'flood' });
    const flood = Array.from({ length: 8 }, (_, i) => track(order, `flood${i}`, g.acquire({ key: 'flood' })));
    const other = track(order, 'other', g.acquire({ key: 'other' }));
    const third = track(order, 'third', g.acquire({ key: 'third' }));
    // Only the request already running goes before the newcomers; then the keys alternate.
    running();
    (await other)();
    (await third)();
    for (const waiter of flood) (await waiter)();
    expect(order).toEqual(['other', 'third', 'flood0', 'flood1', 'flood2', 'flood3', 'flood4', 'flood5', 'flood6', 'flood7']);
  });

  it('alternates between two keys that both keep requests waiting', async () => {
    const g = gate({ max: 1, queueMax: 100, queuePerKey: 10, queueTimeoutMs: 0 });
    const order: string[] = [];
    const running = await g.acquire({ key: 'a' });
    const waiters = [
      ...Array.from({ length: 3 }, (_, i) => track(order, `a${i}`, g.acquire({ key: 'a' }))),
      ...Array.from({ length: 3 }, (_, i) => track(order, `b${i}`, g.acquire({ key: 'b' }))),
    ];
    running();
    for (let i = 0; i < waiters.length; i++) {
      await flush();
      const label = order[i];
      const index = label ? ['a0', 'a1', 'a2', 'b0', 'b1', 'b2'].indexOf(label) : -1;
      (await waiters[index]!)();
    }
    expect(order).toEqual(['b0', 'a0', 'b1', 'a1', 'b2', 'a2']);
  });

  it('refuses one key beyond its own wait bound with a 429, while other keys still get in', async () => {
    const g = gate({ max: 1, queueMax: 10, queuePerKey: 2 });
    await g.acquire({ key: 'a' });
    void g.acquire({ key: 'a' });
    void g.acquire({ key: 'a' });
    await expect(g.acquire({ key: 'a' })).rejects.toMatchObject({ code: 'rate_limited:voice', status: 429, headers: { 'retry-after': '2' } });
    const other = g.acquire({ key: 'b' });
    expect(g.stats()).toEqual({ running: 1, waiting: 3 });
    jest.advanceTimersByTime(2_000);
    await expect(other).rejects.toMatchObject({ code: 'overloaded:voice' });
  });

  it('uses the refusal of the caller when given one', async () => {
    const g = gate({ max: 1, queueMax: 0, refusal: () => new AppError('rate_limited:voice', 'busy') });
    await g.acquire();
    await expect(g.acquire()).rejects.toMatchObject({ code: 'rate_limited:voice', message: 'busy' });
  });
});

describe('process-wide gates', () => {
  beforeEach(() => resetProcessSingletons());
  afterAll(() => resetProcessSingletons());

  it('are built from config once per process', () => {
    Object.assign(process.env, { TRANSCRIBE_MAX_CONCURRENT: '1', LLM_MAX_CONCURRENT: '3' });
    try {
      expect(getTtsGate()).toBe(getTtsGate());
      expect(getLlmGate()).toBe(getLlmGate());
      expect(getLlmGate().name).toBe('llm');
      expect(getTranscribeGate()).toBe(getTranscribeGate());
    } finally {
      delete process.env.TRANSCRIBE_MAX_CONCURRENT;
      delete process.env.LLM_MAX_CONCURRENT;
    }
  });

  it('transcription takes a free slot or refuses at once', async () => {
    process.env.TRANSCRIBE_MAX_CONCURRENT = '1';
    try {
      const release = await getTranscribeGate().acquire({ wait: false });
      await expect(getTranscribeGate().acquire({ wait: false })).rejects.toMatchObject({ code: 'overloaded:transcribe', headers: { 'retry-after': '5' } });
      release();
    } finally {
      delete process.env.TRANSCRIBE_MAX_CONCURRENT;
    }
  });
});
