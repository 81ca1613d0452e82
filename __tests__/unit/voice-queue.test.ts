/** @jest-environment node */
import { AppError } from '@/lib/errors';
import { createKeyedQueue } from '@/lib/voice/queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createKeyedQueue', () => {
  it('lets one caller per key through at a time, in arrival order', async () => {
    const queue = createKeyedQueue({ maxWaiting: 5 });
    const order: string[] = [];
    const releaseA = await queue.acquire('k');
    const b = queue.acquire('k').then((release) => {
      order.push('b');
      return release;
    });
    const c = queue.acquire('k').then((release) => {
      order.push('c');
      return release;
    });
    await tick();
    expect(order).toEqual([]);
    expect(queue.waiting('k')).toBe(2);
    releaseA();
    const releaseB = await b;
    await tick();
    expect(order).toEqual(['b']);
    releaseB();
    (await c)();
    expect(order).toEqual(['b', 'c']);
    expect(queue.waiting('k')).toBe(0);
  });

  it('keeps keys independent', async () => {
    const queue = createKeyedQueue({ maxWaiting: 1 });
    await queue.acquire('a');
    await expect(queue.acquire('b')).resolves.toEqual(expect.any(Function));
  });

  it('refuses with rate_limited:voice when the wait list is full', async () => {
    const queue = createKeyedQueue({ maxWaiting: 1 });
    await queue.acquire('k');
    void queue.acquire('k');
    const refused = queue.acquire('k');
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited:voice', status: 429 });
  });

  it('drops a waiter whose signal aborts, and a release then frees the key', async () => {
    const queue = createKeyedQueue({ maxWaiting: 2 });
    const release = await queue.acquire('k');
    const controller = new AbortController();
    const waiting = queue.acquire('k', { signal: controller.signal });
    controller.abort(new Error('client left'));
    await expect(waiting).rejects.toThrow('client left');
    expect(queue.waiting('k')).toBe(0);
    release();
    release(); // a second call is harmless
    await expect(queue.acquire('k')).resolves.toEqual(expect.any(Function));
  });

  it('refuses at once when the signal is already aborted', async () => {
    const queue = createKeyedQueue({ maxWaiting: 2 });
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(queue.acquire('k', { signal: controller.signal })).rejects.toThrow('gone');
    await expect(queue.acquire('k')).resolves.toEqual(expect.any(Function));
  });

  it('serves visitors in turn: one flooding the queue delays another by the one call already running', async () => {
    const queue = createKeyedQueue({ maxWaiting: 32, maxWaitingPerVisitor: 8 });
    const order: string[] = [];
    const running = await queue.acquire('k', { visitor: 'flood' });
    const flood = Array.from({ length: 8 }, (_, i) =>
      queue.acquire('k', { visitor: 'flood' }).then((release) => {
        order.push(`flood${i}`);
        return release;
      }),
    );
    const other = queue.acquire('k', { visitor: 'other' }).then((release) => {
      order.push('other');
      return release;
    });
    await tick();
    running();
    (await other)();
    for (const waiter of flood) (await waiter)();
    expect(order[0]).toBe('other');
    expect(order.slice(1)).toEqual(['flood0', 'flood1', 'flood2', 'flood3', 'flood4', 'flood5', 'flood6', 'flood7']);
  });

  it('refuses a visitor past its own wait bound with 429, and still queues other visitors', async () => {
    const queue = createKeyedQueue({ maxWaiting: 32, maxWaitingPerVisitor: 2 });
    const running = await queue.acquire('k', { visitor: 'a' });
    const waiting = [queue.acquire('k', { visitor: 'a' }), queue.acquire('k', { visitor: 'a' })];
    await expect(queue.acquire('k', { visitor: 'a' })).rejects.toMatchObject({ code: 'rate_limited:voice', status: 429 });
    const other = queue.acquire('k', { visitor: 'b' });
    expect(queue.waiting('k')).toBe(3);
    running();
    (await other)();
    for (const next of waiting) (await next)();
    expect(queue.waiting('k')).toBe(0);
  });
});
