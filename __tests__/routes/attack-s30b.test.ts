/** @jest-environment node */
// Attacker review, session 30 (b): a forged `x-sales-agent-peer` header where the server's hook does not see the
// request (it rotated the address every per-address limit is keyed on), next-auth's refusals on the admin API worded
// in English only, and the speech cache's `cached` flag telling any visitor whether a sentence was spoken before.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { hashPassword } from '@/lib/admin/password';
import { fastRouteFor, registerFastRoute, serveFastRoute, toWebRequest } from '@/lib/fast-routes';
import { apiErrorsAr, apiErrorsDe, apiErrorsEs, apiErrorsFr } from '@/lib/i18n/catalogues/api-errors';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { installHttpHooks } from '@/lib/security/http-hooks';
import { clientAddress, PEER_HEADER, peerStamp } from '@/lib/security/request';
import type { SpeechResult } from '@/lib/voice/speech';
import { speechEventStream } from '@/lib/voice/sse-response';
import { peerHeader } from '../support/peer-stamp';
import { API_ORIGIN, errorOf } from '../support/public-api-requests';
import { TEST_SESSION_SECRET } from '../support/visitor';

const ADMIN_ENV = ['ADMIN_EMAIL', 'ADMIN_PASSWORD_HASH', 'AUTH_SECRET'];
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.RATE_LIMIT_SESSION = '3/1m';
for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', 'TRUSTED_PROXIES']) delete process.env[name];

beforeAll(async () => {
  Object.assign(process.env, {
    ADMIN_EMAIL: 'boss@example.com',
    ADMIN_PASSWORD_HASH: await hashPassword('boss password 1', { N: 1024, r: 8, p: 1 }),
    AUTH_SECRET: 'attack-s30b-secret-attack-s30b-secret-01',
  });
  resetProcessSingletons();
});
afterAll(() => {
  for (const name of [...ADMIN_ENV, 'RATE_LIMIT_SESSION']) delete process.env[name];
  resetProcessSingletons();
});

const bare = (headers: Record<string, string>) => new Request('http://x/', { headers });

describe('the peer header cannot be forged', () => {
  it('ignores a bare address a client wrote in it: the address is the platform proxy’s X-Forwarded-For entry, or unknown', () => {
    expect(clientAddress(bare({ [PEER_HEADER]: '198.51.100.7' }), 0)).toBe('unknown');
    expect(clientAddress(bare({ [PEER_HEADER]: '198.51.100.7', 'x-forwarded-for': '203.0.113.9' }), 0)).toBe('203.0.113.9');
    expect(clientAddress(bare({ [PEER_HEADER]: '2001:db8:1:2::1' }), 0)).toBe('unknown');
  });

  it('ignores a stamp made with another secret (of the right shape, or this one’s cut short or padded)', () => {
    const real = peerStamp('198.51.100.7');
    const secret = real.slice(0, real.indexOf(' '));
    const other = secret.replace(/^./, (first) => (first === '0' ? '1' : '0'));
    expect(clientAddress(bare({ [PEER_HEADER]: real }), 0)).toBe('198.51.100.7');
    for (const forged of [`${other} 198.51.100.7`, `${secret.slice(1)} 198.51.100.7`, `${secret}0 198.51.100.7`, `${secret}198.51.100.7`, `${secret} `, `${secret.toUpperCase()} 198.51.100.7`]) {
      expect([forged, clientAddress(bare({ [PEER_HEADER]: forged }), 0)]).toEqual([forged, 'unknown']);
    }
  });

  it('without a stamp, counts N trusted proxies from the right of X-Forwarded-For alone (the nearest is the platform’s)', () => {
    // The platform's proxy appended what it saw (203.0.113.9); the entry before it is the client's own writing.
    expect(clientAddress(bare({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }), 1)).toBe('203.0.113.9');
    expect(clientAddress(bare({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.3' }), 2)).toBe('203.0.113.9');
    expect(clientAddress(bare({ 'x-forwarded-for': '203.0.113.9' }), 2)).toBe('unknown');
    // With the socket's peer stamped, the peer is the nearest hop, as before.
    expect(clientAddress(bare({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9', ...peerHeader('10.0.0.2') }), 1)).toBe('203.0.113.9');
    expect(clientAddress(bare({ 'x-forwarded-for': '6.6.6.6', ...peerHeader('10.0.0.2') }), 0)).toBe('10.0.0.2');
  });

  it('a client rotating a forged header cannot start more sessions than RATE_LIMIT_SESSION allows; stamped peers are counted apart', async () => {
    const { POST } = await import('@/app/api/v1/session/route');
    const start = (headers: Record<string, string>) => POST(new Request(`${API_ORIGIN}/api/v1/session`, { method: 'POST', headers }));
    const forged = [];
    for (let i = 1; i <= 4; i++) forged.push(await start({ [PEER_HEADER]: `198.18.0.${i}` }));
    expect(forged.map((response) => response.status)).toEqual([201, 201, 201, 429]);
    expect(await errorOf(forged[3]!)).toMatchObject({ code: 'rate_limited:session' });
    // Four real peers (as the hook stamps them) are four addresses: none is refused.
    const real = [];
    for (let i = 1; i <= 4; i++) real.push(await start(peerHeader(`198.19.0.${i}`)));
    expect(real.map((response) => response.status)).toEqual([201, 201, 201, 201]);
  });
});

describe('the server hook stamps the socket’s peer, over whatever the client sent, on both request paths', () => {
  let server: http.Server;
  let base = '';
  const seen: Array<{ path: 'fast' | 'next'; header: string | null; address: string }> = [];
  const answer = (path: 'fast' | 'next', request: Request) => {
    seen.push({ path, header: request.headers.get(PEER_HEADER), address: clientAddress(request, 0) });
    return Response.json({ ok: true });
  };

  // The hook patches Node's own http.Server, which every test file of a Jest worker shares, while each file has its
  // own copy of our modules: a hook left by an earlier file (attack-s28) would answer from that file's fast-route table
  // and stamp secret, and this file's fast route would never be answered. So the hook is this file's, and removed after.
  const unhook = () => {
    for (const Server of [http.Server, https.Server]) delete (Server.prototype as { emit?: unknown }).emit;
  };
  beforeAll(async () => {
    unhook();
    installHttpHooks();
    registerFastRoute('POST', '/api/v1/s30b-fast', async (request) => answer('fast', request));
    // As Next.js's adapter does for every other route: a Web Request built from the Node request's headers.
    server = http.createServer((request, response) => {
      if (fastRouteFor(request)) return; // answered by the hook
      void serveFastRoute(async (web) => answer('next', web), request, response, { https: false });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    unhook();
  });

  it('the fast route and the Next.js path both key on 127.0.0.1, with a bare or a stamp-shaped forged header', async () => {
    const stampShaped = `${'ab'.repeat(24)} 198.51.100.9`;
    for (const forged of ['198.51.100.9', stampShaped]) {
      for (const path of ['/api/v1/s30b-fast', '/api/v1/s30b-next']) {
        const response = await fetch(`${base}${path}`, { method: 'POST', headers: { [PEER_HEADER]: forged, 'x-forwarded-for': '198.51.100.10' }, body: '{}' });
        expect(response.status).toBe(200);
      }
    }
    expect(seen.map(({ path, address }) => [path, address])).toEqual([
      ['fast', '127.0.0.1'],
      ['next', '127.0.0.1'],
      ['fast', '127.0.0.1'],
      ['next', '127.0.0.1'],
    ]);
    // What a handler sees is a stamp, never the bare address (which a client could have written itself).
    for (const { header } of seen) expect(header === null || header === '127.0.0.1' || header.endsWith(' 198.51.100.9')).toBe(false);
    expect(toWebRequest({ headers: { [PEER_HEADER]: '127.0.0.1' }, url: '/', method: 'GET' } as unknown as http.IncomingMessage, { https: false }).headers.get(PEER_HEADER)).toBe('127.0.0.1');
    expect(clientAddress(bare({ [PEER_HEADER]: '127.0.0.1' }), 0)).toBe('unknown');
  });
});

describe("next-auth's refusals on the admin API, in the request's language", () => {
  const auth = () => import('@/app/api/auth/[...nextauth]/route');
  // next-auth logs the unknown action it refuses (lib/admin/auth.ts); the answer is what is checked here.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['es', apiErrorsEs],
    ['fr', apiErrorsFr],
    ['de', apiErrorsDe],
    ['ar', apiErrorsAr],
  ] as const)('an unknown action is a typed 400 worded in %s (Accept-Language), with Content-Language', async (locale, catalogue) => {
    const { GET } = await auth();
    const response = await GET(new NextRequest(`${API_ORIGIN}/api/auth/nope`, { headers: { 'accept-language': `${locale};q=0.9`, ...peerHeader('198.51.100.40') } }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe(locale);
    expect(await errorOf(response)).toEqual({ code: 'bad_request:api', message: catalogue['apiError.authUnknown'] });
  });

  it('a sign-in body over 16 kB is refused in the chosen language (the lang cookie over Accept-Language); English stays English', async () => {
    const { POST } = await auth();
    const post = (headers: Record<string, string>) =>
      POST(
        new NextRequest(`${API_ORIGIN}/api/auth/callback/credentials`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(20 * 1024), ...headers },
          body: 'x'.repeat(20 * 1024),
        }),
      );
    const german = await post({ cookie: 'lang=de', 'accept-language': 'fr' });
    expect(german.status).toBe(413);
    expect(await errorOf(german)).toEqual({ code: 'payload_too_large:api', message: apiErrorsDe['apiError.authBodyTooLarge'].replace('{size}', '16') });
    const english = await post({ 'accept-language': 'en-GB' });
    expect(await errorOf(english)).toEqual({ code: 'payload_too_large:api', message: 'A sign-in request body is limited to 16 kB.' });
  });
});

describe('the speech stream does not say whether a sentence came from the cache', () => {
  async function frames(cached: boolean): Promise<string> {
    const result: SpeechResult = {
      format: { encoding: 'pcm_s16le', sampleRate: 24_000, channels: 1, provider: 'smallest', cached },
      chunks: (async function* () {
        yield { audio: 'AAAA', bytes: 3 };
      })(),
      abort: () => undefined,
      signal: new AbortController().signal,
    };
    return new Response(speechEventStream(result)).text();
  }

  it('a cache hit and a miss send the same events, byte for byte, with no `cached` field', async () => {
    const [hit, miss] = await Promise.all([frames(true), frames(false)]);
    expect(hit).toBe(miss);
    expect(hit).not.toContain('cached');
    expect(hit).toBe(
      'event: format\ndata: {"encoding":"pcm_s16le","sampleRate":24000,"channels":1,"provider":"smallest"}\n\n' +
        'event: audio\ndata: {"seq":0,"audio":"AAAA"}\n\n' +
        'event: done\ndata: {"chunks":1,"bytes":3}\n\n',
    );
  });
});
