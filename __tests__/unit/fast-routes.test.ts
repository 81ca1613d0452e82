/** @jest-environment node */
// lib/fast-routes.ts: the chat's POST answered by the Node server before Next.js routes it. A real HTTP server and
// client: the request as the handler sees it, a streamed response arriving chunk by chunk, several cookies, a client
// that leaves mid-stream, a handler that throws, and which requests the registry takes.
import type { IncomingMessage } from 'node:http';
import { fastRouteFor, registerFastRoute, type WebHandler } from '@/lib/fast-routes';
import { startFastRouteServer } from '../support/fast-route-server';

let server: Awaited<ReturnType<typeof startFastRouteServer>>;
let base: string;
let handler: WebHandler;

beforeAll(async () => {
  server = await startFastRouteServer(() => handler);
  base = server.base;
});
afterAll(() => server.close());

describe('serveFastRoute', () => {
  it('hands the handler the method, URL, headers and streamed body, and sends back status, headers and every cookie', async () => {
    let seen: { method: string; url: string; type: string | null; custom: string | null; body: unknown } | undefined;
    handler = async (request) => {
      seen = { method: request.method, url: request.url, type: request.headers.get('content-type'), custom: request.headers.get('x-custom'), body: await request.json() };
      const headers = new Headers({ 'content-type': 'application/json', 'x-answer': 'yes' });
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return Response.json({ ok: true }, { status: 201, headers });
    };
    const response = await fetch(`${base}/api/v1/chat?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-custom': 'hello' }, body: JSON.stringify({ text: 'Hola, ¿qué tal?' }) });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toEqual({ method: 'POST', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/chat\?x=1$/), type: 'application/json', custom: 'hello', body: { text: 'Hola, ¿qué tal?' } });
  });

  it('streams: the first event reaches the client while the body is still open', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    handler = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(new TextEncoder().encode('data: first\n\n'));
            await held;
            controller.enqueue(new TextEncoder().encode('data: second\n\n'));
            controller.close();
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const response = await fetch(`${base}/api/v1/chat`, { method: 'POST', body: '{}' });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    release();
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toBe('data: second\n\n');
  });

  it('cancels the response body when the client leaves mid-stream', async () => {
    let cancelled: (reason: unknown) => void;
    const wasCancelled = new Promise((resolve) => (cancelled = resolve));
    handler = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('data: one\n\n'));
          },
          cancel(reason) {
            cancelled(reason ?? 'cancelled');
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const abort = new AbortController();
    const response = await fetch(`${base}/api/v1/chat`, { method: 'POST', body: '{}', signal: abort.signal });
    await response.body!.getReader().read();
    abort.abort();
    await expect(wasCancelled).resolves.toBeDefined();
  });

  it("aborts the request's signal when the client leaves before the answer, and not after a finished one", async () => {
    let seen: AbortSignal | undefined;
    let started!: () => void;
    const waiting = new Promise<void>((resolve) => (started = resolve));
    // A handler still waiting (as speech queued for the provider does) when the client goes away.
    handler = async (request) => {
      seen = request.signal;
      started();
      await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve(), { once: true }));
      return new Response('too late');
    };
    const client = new AbortController();
    const pending = fetch(`${base}/api/v1/tts`, { method: 'POST', body: '{}', signal: client.signal }).catch((error: unknown) => error);
    await waiting;
    expect(seen?.aborted).toBe(false);
    client.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    for (let i = 0; i < 100 && !seen?.aborted; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen?.aborted).toBe(true);

    handler = async (request) => {
      seen = request.signal;
      return new Response('done');
    };
    expect(await (await fetch(`${base}/api/v1/tts`, { method: 'POST', body: '{}' })).text()).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen?.aborted).toBe(false);
  });

  it('builds the URL from a Host header only when it is a host', async () => {
    const urls: string[] = [];
    handler = async (request) => {
      urls.push(request.url);
      return new Response(null, { status: 204 });
    };
    const { request: send } = await import('node:http');
    const post = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const { port } = new URL(base);
        const call = send({ host: '127.0.0.1', port, path: '/api/v1/chat', method: 'POST', headers: { host, 'content-length': '2' } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        call.on('error', reject);
        call.end('{}');
      });
    expect(await post('shop.example:8443')).toBe(204);
    expect(await post('[::1]:3000')).toBe(204);
    expect(await post('evil.test/x?')).toBe(204);
    expect(await post('a b')).toBe(204);
    expect(urls).toEqual([
      'http://shop.example:8443/api/v1/chat',
      'http://[::1]:3000/api/v1/chat',
      'http://localhost/api/v1/chat',
      'http://localhost/api/v1/chat',
    ]);
  });

  it('closes the connection after answering a request whose body it did not read, so the next request is not corrupted', async () => {
    handler = async (request) => {
      if (Number(request.headers.get('content-length')) > 1_000) return Response.json({ refused: 'too large' }, { status: 413 });
      return Response.json(await request.json());
    };
    const { Agent, request: send } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const { port } = new URL(base);
    const post = (body: string) =>
      new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
        const call = send({ host: '127.0.0.1', port, path: '/api/v1/chat', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, text }));
        });
        call.on('error', reject);
        call.end(body);
      });
    const refused = await post(JSON.stringify({ text: 'x'.repeat(600 * 1024) }));
    expect(refused).toMatchObject({ status: 413, connection: 'close' });
    // The same agent sends the next requests: answered whole, and read bodies keep the connection alive.
    expect(await post('{"n":1}')).toMatchObject({ status: 200, connection: 'keep-alive', text: '{"n":1}' });
    expect(await post('{"n":2}')).toMatchObject({ status: 200, connection: 'keep-alive', text: '{"n":2}' });
    agent.destroy();
  });

  it('answers a handler that throws with the typed 500', async () => {
    handler = async () => {
      throw new Error('boom');
    };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await fetch(`${base}/api/v1/chat`, { method: 'POST', body: '{}' });
    errors.mockRestore();
    expect(response.status).toBe(500);
    expect((await response.json()).error.code).toBe('internal:api');
  });
});

describe('fastRouteFor', () => {
  const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;
  it('takes only the registered method and exact path (a query string allowed); everything else stays with Next.js', async () => {
    const chat: WebHandler = async () => new Response(null);
    registerFastRoute('POST', '/api/v1/chat', chat);
    expect(fastRouteFor(request('POST', '/api/v1/chat'))).toBe(chat);
    expect(fastRouteFor(request('POST', '/api/v1/chat?lang=es'))).toBe(chat);
    expect(fastRouteFor(request('GET', '/api/v1/chat'))).toBeUndefined();
    expect(fastRouteFor(request('OPTIONS', '/api/v1/chat'))).toBeUndefined();
    expect(fastRouteFor(request('POST', '/api/chat'))).toBeUndefined();
    expect(fastRouteFor(request('POST', '/api/v1/chat/'))).toBeUndefined();
    expect(fastRouteFor(request('POST', '/api/v1/chat/abc/stop'))).toBeUndefined();
    expect(fastRouteFor(request('POST', '/API/V1/CHAT'))).toBeUndefined();
  });
});
