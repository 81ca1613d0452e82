/** @jest-environment node */
// Security headers on every kind of response of the production build (`next start`): a page, an API route, static
// files, the not-found page, Next.js's own redirects and the answers the HTTP server hook makes before routing.
import { connect } from 'node:net';
import SECURITY_HEADERS from '@/lib/security/security-headers.json';
import { startNextServer } from '../../scripts/lib/next-server.mjs';

jest.setTimeout(60_000);

let next: Awaited<ReturnType<typeof startNextServer>>;
let chunk: string;

beforeAll(async () => {
  next = await startNextServer({ env: { TTS_PROVIDER: 'browser' } });
  const html = await (await fetch(next.url)).text();
  chunk = html.match(/\/_next\/static\/[^"]+\.js/)?.[0] ?? '';
  expect(chunk).not.toBe('');
});

afterAll(async () => {
  await next?.stop();
});

/** Sends bytes as written (fetch would normalise the URL) and returns the raw answer. */
function raw(request: string): Promise<string> {
  const { port } = new URL(next.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request, 'latin1'));
    let answer = '';
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    const timer = setTimeout(() => socket.destroy(), 3_000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', reject);
  });
}

const headersOf = (answer: string) =>
  new Map(
    answer
      .split('\r\n\r\n')[0]!
      .split('\r\n')
      .slice(1)
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const),
  );

const EVERY_KIND = () => [
  ['the home page', '/'],
  ['an API route', '/api/v1/health'],
  ['a static chunk', chunk],
  ['a missing static file', '/_next/static/chunks/missing.js'],
  ['the favicon', '/favicon.ico'],
  ['the app icon', '/icon.svg'],
  ['the not-found page', '/no-such-page'],
  ['an unknown API path', '/api/v1/no-such-thing'],
  ['an undecodable API path', '/api/v1/chat/%FF%FE'],
  ['a trailing-slash redirect', '/api/v1/health/'],
];

describe('security headers', () => {
  it.each([['http', false], ['https', true], ['https, http', true], ['http, https', false]])(
    'are on every kind of response (X-Forwarded-Proto: %s → HSTS %s)',
    async (proto, hsts) => {
      for (const [kind, path] of EVERY_KIND()) {
        const response = await fetch(`${next.url}${path}`, { redirect: 'manual', headers: { 'x-forwarded-proto': proto as string } });
        await response.arrayBuffer();
        for (const [name, value] of Object.entries(SECURITY_HEADERS.always)) {
          expect([kind, name, response.headers.get(name)]).toEqual([kind, name, value]);
        }
        expect([kind, response.headers.get('strict-transport-security')]).toEqual([kind, hsts ? SECURITY_HEADERS.overHttps['strict-transport-security'] : null]);
      }
    },
  );

  it('gives pages a nonce-based CSP without unsafe-eval, and API answers none', async () => {
    for (const path of ['/', '/no-such-page']) {
      const csp = (await fetch(`${next.url}${path}`)).headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
    }
    expect((await fetch(`${next.url}/api/v1/health`)).headers.get('content-security-policy')).toBeNull();
  });

  it('are on the typed answers to requests Node cannot parse (431, 400), and a HEAD gets no body', async () => {
    const tooLong = await raw(`GET /api/v1/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(tooLong).toMatch(/^HTTP\/1\.1 431 /);
    expect(headersOf(tooLong).get('x-content-type-options')).toBe('nosniff');
    expect(headersOf(tooLong).get('cross-origin-resource-policy')).toBe('same-origin');
    expect(JSON.parse(tooLong.split('\r\n\r\n')[1]!)).toMatchObject({ error: { code: 'headers_too_large:api' } });

    const rawBytes = await raw('GET /api/v1/chat/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(rawBytes).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(rawBytes.split('\r\n\r\n')[1]!)).toMatchObject({ error: { code: 'bad_request:api' } });

    const head = await raw('HEAD /api/v1/chat/\xff HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head.split('\r\n\r\n')[1]).toBe('');
  });

  it('answers an Expect it does not know like any other request instead of an empty 417', async () => {
    const answer = await raw('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nExpect: the-unexpected\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('methods', () => {
  it.each([
    ['/api/v1/chat', 'POST, OPTIONS'],
    ['/api/v1/session', 'POST, OPTIONS'],
    ['/api/v1/tts', 'POST, OPTIONS'],
    ['/api/v1/transcribe', 'POST, OPTIONS'],
    ['/api/v1/health', 'GET, HEAD, OPTIONS'],
    ['/api/v1/chat/3f0c2a8e-0d5b-4c1e-9a57-7d1f0b2c9e11', 'GET, DELETE, HEAD, OPTIONS'],
  ])('%s: OPTIONS answers 204 with the same Allow as its 405s (%s)', async (path, allow) => {
    const refused = await fetch(`${next.url}${path}`, { method: 'PATCH' });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe(allow);
    expect(await refused.json()).toMatchObject({ error: { code: 'method_not_allowed:api' } });
    const options = await fetch(`${next.url}${path}`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe(allow);
  });

  it('answers unknown API paths with a typed 404 for every method, /api itself included', async () => {
    for (const path of ['/api', '/api/v1', '/api/v1/nope', '/api/nope/deeper']) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const response = await fetch(`${next.url}${path}`, { method });
        expect([path, method, response.status]).toEqual([path, method, 404]);
        expect(await response.json()).toMatchObject({ error: { code: 'not_found:api' } });
      }
    }
  });
});
