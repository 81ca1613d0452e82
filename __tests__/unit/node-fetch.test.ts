/** @jest-environment node */
// lib/node-fetch.ts, the model requests' fetch on node:http, against a real local HTTP server: what the OpenAI provider
// sends arrives as sent; the body streams as it comes (not buffered to the end); back-pressure; an abort before the
// response and one mid-body answer with the signal's reason; a refused connection and a connection cut mid-body fail
// as undici's fetch does (the AI SDK and lib/llm/friendly-error.ts read those); other inputs go to the runtime's fetch.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APICallError, streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { nodeFetch } from '@/lib/node-fetch';
import { classifyLlmError } from '@/lib/llm/friendly-error';

type Handler = (request: http.IncomingMessage, body: string, response: http.ServerResponse) => void;
let handler: Handler;
let server: http.Server;
let base: string;
let connections = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => handler(request, body, response));
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('method, headers and body arrive as sent; status, headers and body come back; connections are kept alive', async () => {
  const seen: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  handler = (request, body, response) => {
    seen.push({ method: request.method, headers: request.headers, body });
    response.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-request-id': 'r1', 'set-cookie': ['a=1', 'b=2'] });
    response.end(JSON.stringify({ ok: 'é日本' }));
  };
  connections = 0;
  for (let i = 0; i < 3; i++) {
    const response = await nodeFetch(`${base}/v1/responses?x=1`, { method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json' }, body: '{"q":"é"}' });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.statusText).toBe('Made');
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    await expect(response.json()).resolves.toEqual({ ok: 'é日本' });
  }
  expect(seen[0]).toMatchObject({ method: 'POST', body: '{"q":"é"}', headers: { authorization: 'Bearer k', 'content-type': 'application/json', 'content-length': '10' } });
  expect(connections).toBe(1);
  handler = (_request, _body, response) => response.writeHead(204).end();
  const empty = await nodeFetch(`${base}/none`, { method: 'DELETE' });
  expect(empty.status).toBe(204);
  expect(empty.body).toBeNull();
});

test('the body streams as the server writes it, and the server is held back while nobody reads', async () => {
  let written = 0;
  let release: () => void = () => undefined;
  handler = (_request, _body, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: first\n\n');
    written += 1;
    void new Promise<void>((resolve) => (release = resolve)).then(() => response.end('data: last\n\n'));
  };
  const response = await nodeFetch(`${base}/stream`, { method: 'POST', body: '{}' });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const first = await reader.read();
  expect(decoder.decode(first.value)).toBe('data: first\n\n');
  expect(written).toBe(1);
  release();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    rest += decoder.decode(value);
  }
  expect(rest).toBe('data: last\n\n');

  // Back-pressure: 64 chunks of 64 KB written at once; reading none for a while leaves most of them unsent.
  let drained = 0;
  handler = (_request, _body, response) => {
    response.writeHead(200);
    const chunk = Buffer.alloc(64 * 1024, 97);
    let i = 0;
    const pump = () => {
      while (i < 64) {
        i += 1;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
        drained = i;
      }
      response.end();
    };
    pump();
  };
  const big = await nodeFetch(`${base}/big`, { method: 'POST', body: '{}' });
  await sleep(200);
  expect(drained).toBeLessThan(64);
  let total = 0;
  for await (const value of big.body as unknown as AsyncIterable<Uint8Array>) total += value.byteLength;
  expect(total).toBe(64 * 64 * 1024);
});

test('an abort before the response rejects, and one mid-body errors the body, with the signal’s reason', async () => {
  handler = () => undefined; // never answers
  const early = new AbortController();
  const pending = nodeFetch(`${base}/slow`, { method: 'POST', body: '{}', signal: early.signal });
  await sleep(50);
  early.abort();
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  await expect(nodeFetch(`${base}/slow`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });

  handler = (_request, _body, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: one\n\n');
  };
  const late = new AbortController();
  const response = await nodeFetch(`${base}/cut`, { method: 'POST', body: '{}', signal: late.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  await reader.read();
  late.abort(new DOMException('stopped by the visitor', 'AbortError'));
  await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError', message: 'stopped by the visitor' });
});

test('a refused connection and a connection cut mid-body fail as undici’s fetch does', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const refused = await nodeFetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(TypeError);
  expect((refused as TypeError).message).toBe('fetch failed');
  expect(((refused as TypeError).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');

  handler = (request, _body, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: partial\n\n');
    setTimeout(() => request.socket.destroy(), 20);
  };
  const response = await nodeFetch(`${base}/drop`, { method: 'POST', body: '{}' });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  await reader.read();
  const cut = await reader.read().catch((error: unknown) => error);
  expect(cut).toBeInstanceOf(TypeError);
  expect((cut as TypeError).message).toBe('terminated');
  expect(classifyLlmError(cut)).toBe('interrupted');
});

test('the OpenAI provider streams through it, and a refused connection is a retryable API call error', async () => {
  handler = (_request, body, response) => {
    expect(JSON.parse(body)).toMatchObject({ model: 'gpt-test', stream: true });
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: string) => `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-test', choices: [{ index: 0, delta: { content: delta }, finish_reason: null }] })}\n\n`;
    response.write(chunk('Hello'));
    response.write(chunk(' there'));
    response.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-test', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    response.end('data: [DONE]\n\n');
  };
  const openai = createOpenAI({ apiKey: 'k', baseURL: `${base}/v1`, fetch: nodeFetch });
  const result = streamText({ model: openai.chat('gpt-test'), prompt: 'Hi', maxRetries: 0 });
  await expect(result.text).resolves.toBe('Hello there');

  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const offline = createOpenAI({ apiKey: 'k', baseURL: `http://127.0.0.1:${port}/v1`, fetch: nodeFetch });
  const errors: unknown[] = [];
  const failed = streamText({ model: offline.chat('gpt-test'), prompt: 'Hi', maxRetries: 0, onError: ({ error }) => void errors.push(error) });
  await failed.consumeStream();
  expect(APICallError.isInstance(errors[0])).toBe(true);
  expect((errors[0] as APICallError).isRetryable).toBe(true);
});

test('a Request or a body other than a string goes to the runtime’s fetch', async () => {
  handler = (_request, body, response) => response.end(`got ${body.length}`);
  const form = new FormData();
  form.set('file', new Blob(['abc']), 'a.txt');
  const response = await nodeFetch(`${base}/upload`, { method: 'POST', body: form });
  expect(await response.text()).toMatch(/^got \d+$/);
  const viaRequest = await nodeFetch(new Request(`${base}/r`, { method: 'POST', body: 'xyz' }));
  await expect(viaRequest.text()).resolves.toBe('got 3');
});
