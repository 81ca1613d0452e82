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
    const waiting = queue.acquire('k', controller.signal);
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
    await expect(queue.acquire('k', controller.signal)).rejects.toThrow('gone');
    await expect(queue.acquire('k')).resolves.toEqual(expect.any(Function));
  });
});
