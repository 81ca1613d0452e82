/** @jest-environment node */
import { drainEvents, publishEvent, subscribeEvents } from '@/lib/events/bus';
import { appEventSchema, type AppEvent } from '@/lib/events/schema';
import { resetProcessSingletons } from '@/lib/process-singleton';

beforeEach(() => resetProcessSingletons());

const started = (id: string): AppEvent => ({ type: 'conversation.started', at: 1, conversationId: id });

test('subscribers get events after the publishing task, in order, batched', async () => {
  const seen: string[][] = [];
  subscribeEvents('a', (events) => void seen.push(events.map((e) => e.conversationId ?? '')));
  publishEvent(started('c1'));
  publishEvent(started('c2'), started('c3'));
  expect(seen).toEqual([]); // never on the caller's path
  await drainEvents();
  expect(seen).toEqual([['c1', 'c2', 'c3']]);
});

test('a failing subscriber neither throws to the publisher nor starves the others', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const got: AppEvent[] = [];
  subscribeEvents('broken', () => {
    throw new Error('boom');
  });
  subscribeEvents('slow', async (events) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    got.push(...events);
  });
  expect(() => publishEvent(started('c9'))).not.toThrow();
  await drainEvents();
  expect(got.map((e) => e.conversationId)).toEqual(['c9']);
  expect(error).toHaveBeenCalledWith(expect.stringContaining('"broken"'), 'boom');
  error.mockRestore();
});

test('unsubscribing stops delivery, and publishing with no subscriber keeps nothing', async () => {
  const got: AppEvent[] = [];
  const off = subscribeEvents('x', (events) => void got.push(...events));
  off();
  publishEvent(started('c1'));
  await drainEvents();
  expect(got).toEqual([]);
});

test('the schema refuses an event without its facts', () => {
  expect(appEventSchema.safeParse({ type: 'latency', at: 1, metric: 'first_token', ms: 12 }).success).toBe(true);
  expect(appEventSchema.safeParse({ type: 'latency', at: 1, metric: 'first_token' }).success).toBe(false);
  expect(appEventSchema.safeParse({ type: 'nope', at: 1 }).success).toBe(false);
});
