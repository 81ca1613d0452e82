/** @jest-environment node */
import { parseServerConfig } from '@/lib/config';
import { createLocalLimiter } from '@/lib/security/local-limiter';
import { clientAddress, isAllowedOrigin } from '@/lib/security/request';
import { sessionTokenOf, signSession, verifySession } from '@/lib/security/session';
import { checkReply } from '@/lib/store/redis-client';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { peerHeader } from '../support/peer-stamp';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('visitor sessions', () => {
  it('verifies its own tokens and refuses forged, tampered, foreign and expired ones', async () => {
    const session = await signSession({ secret: SECRET, ttlSeconds: 60, now: 1_000_000 });
    expect(await verifySession({ secret: SECRET, token: session.token, now: 1_000_000 })).toMatchObject({ visitorId: session.visitorId });
    const [version, visitor, expires, signature] = session.token.split('.');
    const other = await signSession({ secret: SECRET, ttlSeconds: 60, now: 1_000_000 });
    const refused = [
      `${version}.${other.visitorId}.${expires}.${signature}`,
      `${version}.${visitor}.${Number(expires) + 60}.${signature}`,
      `${version}.${visitor}.${expires}.${signature?.slice(0, -2)}AA`,
      'v1.x.y.z',
      '',
    ];
    for (const token of refused) expect(await verifySession({ secret: SECRET, token, now: 1_000_000 })).toBeNull();
    expect(await verifySession({ secret: `${SECRET}-rotated`, token: session.token, now: 1_000_000 })).toBeNull();
    expect(await verifySession({ secret: SECRET, token: session.token, now: 1_000_000 + 61_000 })).toBeNull();
  });

  it('checks a token signed elsewhere once per process: later requests skip the HMAC; only tokens that passed are remembered', async () => {
    const session = await signSession({ secret: SECRET, ttlSeconds: 60, now: 1_000_000 });
    resetProcessSingletons(); // as another instance, which did not sign it
    const verify = jest.spyOn(crypto.subtle, 'verify');
    try {
      expect(await verifySession({ secret: SECRET, token: session.token, now: 1_000_000 })).toMatchObject({ visitorId: session.visitorId });
      expect(verify).toHaveBeenCalledTimes(1);
      expect(await verifySession({ secret: SECRET, token: session.token, now: 1_010_000 })).toMatchObject({ visitorId: session.visitorId });
      expect(verify).toHaveBeenCalledTimes(1);
      // A forged signature is checked (and refused) every time; the remembered token changes nothing for it.
      const forged = `${session.token.slice(0, -2)}AA`;
      expect(await verifySession({ secret: SECRET, token: forged, now: 1_000_000 })).toBeNull();
      expect(await verifySession({ secret: SECRET, token: forged, now: 1_000_000 })).toBeNull();
      expect(verify).toHaveBeenCalledTimes(3);
      // Remembered, but expired is expired, and another secret remembers nothing.
      expect(await verifySession({ secret: SECRET, token: session.token, now: 1_000_000 + 61_000 })).toBeNull();
      expect(await verifySession({ secret: `${SECRET}-rotated`, token: session.token, now: 1_000_000 })).toBeNull();
      expect(verify).toHaveBeenCalledTimes(4);
    } finally {
      verify.mockRestore();
    }
  });

  it('reads the bearer token first, then the cookie', () => {
    const request = (headers: Record<string, string>) => new Request('http://x/', { headers });
    expect(sessionTokenOf(request({ authorization: 'Bearer abc', cookie: 'sa_session=def' }))).toBe('abc');
    expect(sessionTokenOf(request({ cookie: 'other=1; sa_session=def' }))).toBe('def');
    expect(sessionTokenOf(request({}))).toBeNull();
  });
});

describe('the client address', () => {
  const request = (headers: Record<string, string>) => new Request('http://x/', { headers });
  it('takes the socket peer, not what the client wrote, with no trusted proxy', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '1.2.3.4', ...peerHeader('198.51.100.7') }), 0)).toBe('198.51.100.7');
  });
  it('takes the address the trusted proxy appended', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9', ...peerHeader('10.0.0.2') }), 1)).toBe('203.0.113.9');
  });
  it('counts an IPv6 client by its /64', () => {
    expect(clientAddress(request(peerHeader('2001:db8:1:2:3:4:5:6')), 0)).toBe('2001:db8:1:2::/64');
  });
});

describe('origins', () => {
  const security = { appOrigin: undefined, embedAllowedOrigins: ['https://partner.example'] };
  const request = (origin: string | null) => new Request('http://chat.example.com/api/v1/chat', { headers: { host: 'chat.example.com', ...(origin ? { origin } : {}) } });
  it('allows the app itself, the allow-list and requests without Origin; refuses other sites and "null"', () => {
    expect(isAllowedOrigin(request('http://chat.example.com'), security)).toBe(true);
    expect(isAllowedOrigin(request('https://partner.example'), security)).toBe(true);
    expect(isAllowedOrigin(request(null), security)).toBe(true);
    expect(isAllowedOrigin(request('https://evil.example'), security)).toBe(false);
    expect(isAllowedOrigin(request('null'), security)).toBe(false);
  });
});

describe('the in-process sliding window', () => {
  it('allows exactly the limit in a window and weighs the previous window as it slides out', () => {
    const limiter = createLocalLimiter();
    const rule = { count: 5, windowMs: 60_000, source: '5/1m' };
    const start = 120_000;
    const first = Array.from({ length: 8 }, () => limiter.limit('k', rule, start).success);
    expect(first.filter(Boolean)).toHaveLength(5);
    // Halfway through the next window, half of the previous window's 5 still count: 2 more are allowed.
    const later = Array.from({ length: 5 }, () => limiter.limit('k', rule, start + 90_000).success);
    expect(later.filter(Boolean)).toHaveLength(3);
  });
});

describe('rate-limit configuration', () => {
  it('parses count/window and off, and names a bad value', () => {
    const config = parseServerConfig({ RATE_LIMIT_CHAT: '5/10s', RATE_LIMIT_TTS: 'off' });
    expect(config.security.rateLimits.chat).toEqual({ count: 5, windowMs: 10_000, source: '5/10s' });
    expect(config.security.rateLimits.tts).toBeNull();
    expect(() => parseServerConfig({ RATE_LIMIT_CHAT: 'lots' })).toThrow(/RATE_LIMIT_CHAT/);
  });
});

describe('store replies', () => {
  it('treats an empty error reply as an error, in a single reply and in a pipeline', () => {
    expect(checkReply({ error: '' })).toEqual({ error: expect.stringMatching(/empty error/) });
    expect(checkReply([{ result: 'OK' }, { error: '' }])).toEqual([{ result: 'OK' }, { error: expect.stringMatching(/empty error/) }]);
    expect(checkReply({ result: null })).toEqual({ result: null });
    expect(() => checkReply(null)).toThrow(/empty reply/);
  });
});

describe('a store proxy that answers empty errors (a bridge whose Redis died)', () => {
  it('is an outage, not an empty conversation, and health says so', async () => {
    const { createServer } = await import('node:http');
    const { createUpstashStore } = await import('@/lib/store/upstash');
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        response.end(request.url?.startsWith('/pipeline') ? JSON.stringify([{ error: '' }, { error: '' }, { error: '' }]) : JSON.stringify({ error: '' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const store = createUpstashStore({ url: `http://127.0.0.1:${port}`, token: 't', prefix: 'x:', conversationTtlSeconds: 60, maxMessages: 10 });
      await expect(store.getConversation({ id: 'c' })).rejects.toMatchObject({ code: 'upstream_unavailable:store' });
      expect(await store.ping()).toMatchObject({ ok: false });
    } finally {
      server.close();
    }
  });
});
