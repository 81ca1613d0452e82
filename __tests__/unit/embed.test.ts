/** @jest-environment node */
// The embed's server and client pieces that need no browser: the allow-list as the middleware reads it and the CSP it
// makes for /embed, the /embed query options, the brand colour's contrast, the events a reply gives the host, the
// embed's side of the postMessage checks, and the identify HMAC.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextRequest } from 'next/server';
import { parseEmbedOptions } from '@/app/embed/options';
import { brandStyle, contrastWithWhite, readableOnWhiteText } from '@/components/embed/brand';
import { EmbedUnlisted } from '@/components/embed/embed-unlisted';
import { allowedHost, readHostCommand } from '@/components/embed/host-channel';
import { replyEvents } from '@/components/embed/reply-events';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { parseServerConfig } from '@/lib/config';
import { parseEmbedConfig } from '@/lib/config-embed';
import { identityHash, verifyIdentityHash } from '@/lib/embed/identity';
import { EMBED_UNLISTED_HEADER, embedFrameAncestors, isEmbedPath, parseOriginList, unlistedFrameHost } from '@/lib/embed/origins';
import { LOCALE_HEADER } from '@/lib/i18n/locales';

describe('the allow-list as the middleware reads it', () => {
  it('keeps distinct http(s) origins, normalised, and skips anything else', () => {
    expect(parseOriginList(' https://www.example.com/, http://localhost:4000 https://www.example.com  ftp://x.example,not a url;')).toEqual([
      'https://www.example.com',
      'http://localhost:4000',
    ]);
    expect(parseOriginList(undefined)).toEqual([]);
    expect(parseOriginList("https://a.example';script-src * https://b.example;x")).toEqual([]);
    expect(parseOriginList('https://Bücher.example http://[::1]:3000')).toEqual(['https://xn--bcher-kva.example', 'http://[::1]:3000']);
  });

  it('agrees with the validated config on every valid list', () => {
    const value = 'https://www.example.com, https://docs.example.com:8443 http://127.0.0.1:3001';
    expect(parseOriginList(value)).toEqual(parseServerConfig({ EMBED_ALLOWED_ORIGINS: value }).security.embedAllowedOrigins);
  });

  it('stops start-up on an origin that would break out of the CSP source list, as the middleware drops it', () => {
    expect(() => parseServerConfig({ EMBED_ALLOWED_ORIGINS: "https://a.example';script-src *" })).toThrow(/EMBED_ALLOWED_ORIGINS/);
  });

  it('makes frame-ancestors of the app itself and the listed origins only', () => {
    expect(embedFrameAncestors([])).toBe("frame-ancestors 'self'");
    expect(embedFrameAncestors(['https://a.example', 'https://b.example'])).toBe("frame-ancestors 'self' https://a.example https://b.example");
    expect(['/embed', '/embed/'].map(isEmbedPath)).toEqual([true, true]);
    expect(['/', '/embed.js', '/embedded', '/x/embed', '/embed/x'].map(isEmbedPath)).toEqual([false, false, false, false, false]);
  });
});

describe('middleware CSP', () => {
  async function cspOf(path: string, origins: string): Promise<string> {
    const previous = process.env.EMBED_ALLOWED_ORIGINS;
    process.env.EMBED_ALLOWED_ORIGINS = origins;
    try {
      let middleware: typeof import('@/middleware').middleware | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module per environment
        middleware = (require('@/middleware') as typeof import('@/middleware')).middleware;
      });
      return middleware!(new NextRequest(`http://localhost${path}`)).headers.get('content-security-policy') ?? '';
    } finally {
      process.env.EMBED_ALLOWED_ORIGINS = previous;
    }
  }

  it('lets /embed be framed by the allow-list only, and every other page by nobody', async () => {
    const embed = await cspOf('/embed', 'https://partner.example,https://docs.partner.example');
    expect(embed).toContain("frame-ancestors 'self' https://partner.example https://docs.partner.example");
    expect(embed).not.toContain("frame-ancestors 'none'");
    expect(embed).toMatch(/img-src 'self' data: blob: https:(;|$)/);
    expect(embed).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    for (const path of ['/', '/embed.js', '/embedded', '/embed/x', '/no-such-page']) {
      const csp = await cspOf(path, 'https://partner.example');
      expect([path, csp]).toEqual([path, expect.stringContaining("frame-ancestors 'none'")]);
      expect(csp).not.toContain('partner.example');
      expect(csp).not.toMatch(/img-src[^;]*https:/);
    }
    expect(await cspOf('/embed', '')).toMatch(/frame-ancestors 'self'$/);
  });
});

describe('a frame from a site not on the allow-list', () => {
  const frame = (host: string | null, site = 'cross-site', dest = 'iframe') => ({ host, dest, site });
  const ALLOWED = ['https://partner.example'];

  it('is named by its announced origin when that origin may not frame the chat', () => {
    expect(unlistedFrameHost(frame('https://other.example'), ALLOWED)).toBe('https://other.example');
    expect(unlistedFrameHost(frame('http://localhost:4000', 'same-site'), ALLOWED)).toBe('http://localhost:4000');
    // Nothing to say: an allowed site, the app framing itself, a page opened on its own (the popup), no host at all.
    expect(unlistedFrameHost(frame('https://partner.example'), ALLOWED)).toBeNull();
    expect(unlistedFrameHost(frame('https://app.example', 'same-origin'), ALLOWED)).toBeNull();
    expect(unlistedFrameHost(frame('https://other.example', 'cross-site', 'document'), ALLOWED)).toBeNull();
    expect(unlistedFrameHost(frame(null), ALLOWED)).toBeNull();
  });

  it('never lets a host value that is not a bare origin into the CSP', () => {
    for (const host of ["https://a.example';script-src *", 'https://a.example/path', 'javascript:alert(1)', 'https://a.example ', 'not a url', 'ftp://a.example']) {
      expect([host, unlistedFrameHost(frame(host), ALLOWED)]).toEqual([host, null]);
    }
  });

  it('gets a CSP that lets that one origin frame /embed, and tells the page; a forged header is dropped', async () => {
    const { middleware } = await import('@/middleware');
    const request = (host: string, headers: Record<string, string>) =>
      middleware(new NextRequest(`http://localhost/embed?host=${encodeURIComponent(host)}&mode=bubble`, { headers: { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site', ...headers } }));
    const unlisted = request('https://other.example', {});
    expect(unlisted.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/other\.example(;|$)/);
    expect(unlisted.headers.get(`x-middleware-request-${EMBED_UNLISTED_HEADER}`)).toBe('https://other.example');
    // Opened as a page (the popup), or a forged header on any request: no notice.
    const popup = request('https://other.example', { 'sec-fetch-dest': 'document', [EMBED_UNLISTED_HEADER]: 'https://forged.example' });
    expect(popup.headers.get(`x-middleware-request-${EMBED_UNLISTED_HEADER}`)).toBeNull();
    expect(popup.headers.get('content-security-policy')).not.toContain('other.example');
    const home = middleware(new NextRequest('http://localhost/?host=https%3A%2F%2Fother.example', { headers: { [EMBED_UNLISTED_HEADER]: 'https://forged.example', 'sec-fetch-dest': 'iframe' } }));
    expect(home.headers.get(`x-middleware-request-${EMBED_UNLISTED_HEADER}`)).toBeNull();
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('middleware: the embed\'s locale', () => {
  // The request header the root layout reads for <html lang dir>, as the middleware forwards it to the page.
  async function localeOf(path: string): Promise<{ locale: string | null; cookie: string | null }> {
    const { middleware } = await import('@/middleware');
    const response = middleware(new NextRequest(`http://localhost${path}`));
    return { locale: response.headers.get(`x-middleware-request-${LOCALE_HEADER}`), cookie: response.headers.get('set-cookie') };
  }

  it('renders /embed in its locale option (data-locale="ar": right to left from the server), for that request only', async () => {
    expect(await localeOf('/embed?locale=ar')).toEqual({ locale: 'ar', cookie: null });
    expect((await localeOf('/embed?locale=es-MX')).locale).toBe('es');
    // ?lang= still wins and is remembered; the option means nothing on other pages.
    expect((await localeOf('/embed?locale=ar&lang=de')).locale).toBe('de');
    expect((await localeOf('/?locale=ar')).locale).toBeNull();
    expect((await localeOf('/embed?locale=it')).locale).toBeNull();
  });
});

describe('/embed options from the query string', () => {
  it('reads every option the loader sends', () => {
    expect(
      parseEmbedOptions({
        host: 'https://www.example.com',
        mode: 'popup',
        locale: 'es-MX',
        color: '#0a7',
        greeting: ' Hola ',
        name: 'Ana',
        avatar: 'https://cdn.example/ana.png',
        voice: '0',
      }),
    ).toEqual({ host: 'https://www.example.com', mode: 'popup', locale: 'es', color: '#0a7', greeting: 'Hola', name: 'Ana', avatar: 'https://cdn.example/ana.png', voice: false });
  });

  it('drops each bad or unknown value on its own', () => {
    expect(
      parseEmbedOptions({
        host: 'https://www.example.com/path',
        mode: 'sideways',
        locale: 'xx',
        color: 'red;background:url(x)',
        greeting: 'x'.repeat(201),
        name: '',
        avatar: 'javascript:alert(1)',
        voice: 'maybe',
        extra: 'ignored',
      }),
    ).toEqual({ mode: 'bubble' });
    expect(parseEmbedOptions({ avatar: 'http://cdn.example/a.png' }).avatar).toBeUndefined();
    expect(parseEmbedOptions({ avatar: '//evil.example/a.png' }).avatar).toBeUndefined();
    expect(parseEmbedOptions({ avatar: '/icon.svg' }).avatar).toBe('/icon.svg');
    expect(parseEmbedOptions({ host: ['https://a.example', 'https://b.example'], voice: 'true' })).toEqual({ host: 'https://a.example', mode: 'bubble', voice: true });
  });
});

describe('avatar and privacy URLs (QA 23, bug 8)', () => {
  // Browsers read `/\host` like `//host` (another site, over the page's own scheme), and drop tabs and newlines first.
  it.each(['/\\evil.example/privacy', '/\\/evil.example/a.png', '\\\\evil.example/a.png', '//evil.example/a.png', '/\t/evil.example/a.png', '/\n/evil.example/a.png', 'http://evil.example/a.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA'])(
    'refuses %j for both options',
    (value) => {
      expect(parseEmbedOptions({ avatar: value, privacy: value })).toEqual({ mode: 'bubble' });
    },
  );

  it('accepts https URLs and paths on the app, as given', () => {
    for (const value of ['https://cdn.example/ana.png', '/privacy', '/legal/privacy?lang=de#data', '/icon.svg', '/a\\b.png']) {
      expect(parseEmbedOptions({ avatar: value, privacy: value })).toEqual({ mode: 'bubble', avatar: value, privacy: value });
    }
  });

  it('resolves an accepted path on the page’s own origin in a browser, never another host', () => {
    for (const value of ['/privacy', '/legal/privacy?lang=de#data', '/a\\b.png']) {
      expect(new URL(parseEmbedOptions({ privacy: value }).privacy!, 'https://app.example').origin).toBe('https://app.example');
    }
  });
});

describe('the embed page’s scrollbar gutter (QA 23, bug 5)', () => {
  // html{scrollbar-gutter:stable} reserved 15 px beside the chat in the frame (a white strip in the dark theme).
  const declarations = (selector: string) => {
    const root = postcss.parse(readFileSync(path.join(process.cwd(), 'app', 'globals.css'), 'utf8'));
    const found: Record<string, string> = {};
    root.walkRules((rule) => {
      if (rule.selector === selector && rule.parent?.type === 'root') rule.walkDecls((decl) => void (found[decl.prop] = decl.value));
    });
    return found;
  };

  it('is stable on the site’s pages and auto on a page holding the embed (the chat, or the notice)', () => {
    expect(declarations('html')['scrollbar-gutter']).toBe('stable');
    expect(declarations('html:has(.embed-page)')['scrollbar-gutter']).toBe('auto');
    expect(readFileSync(path.join(process.cwd(), 'app', 'embed', 'page.tsx'), 'utf8')).toMatch(/<div className="embed-page[ "]/);
    const notice = renderToStaticMarkup(EmbedUnlisted({ locale: 'en', origin: 'https://other.example', explicitLocale: false, nonce: undefined }));
    expect(notice).toMatch(/<main data-testid="embed-unlisted" class="embed-page /);
  });
});

describe('the brand colour', () => {
  it('is darkened until white text on it reaches 4.5:1, and kept when it already does', () => {
    for (const colour of ['#ffeb3b', '#7fdbff', '#ffffff', '#2f6fed', '#0a7']) {
      const solid = readableOnWhiteText(colour)!;
      expect([colour, contrastWithWhite(solid) >= 4.5]).toEqual([colour, true]);
    }
    expect(readableOnWhiteText('#1f57d1')).toBe('#1f57d1');
    expect(readableOnWhiteText('blue')).toBeNull();
  });

  it('becomes the theme variables, or nothing for a malformed colour', () => {
    const style = brandStyle('#ffeb3b') as Record<string, string>;
    // Both themes' shades (components/theme/brand.ts); app/globals.css picks one set per theme.
    expect(Object.keys(style).filter((key) => key.startsWith('--brand-light-'))).toEqual(['--brand-light-50', '--brand-light-100', '--brand-light-500', '--brand-light-600', '--brand-light-700']);
    expect(style['--brand-light-500']).toBe('#ffeb3b');
    expect(contrastWithWhite(style['--brand-light-600']!)).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite(style['--brand-light-700']!)).toBeGreaterThan(contrastWithWhite(style['--brand-light-600']!));
    expect(brandStyle(undefined)).toBeUndefined();
    expect(brandStyle('#12')).toBeUndefined();
  });
});

describe('events a finished reply gives the host', () => {
  const reply = (parts: SalesUIMessage['parts']): SalesUIMessage => ({ id: 'm1', role: 'assistant', parts });

  it('always a message; a lead only when the reply recorded an e-mail; a meeting and a handoff from their parts', () => {
    expect(replyEvents(reply([{ type: 'text', text: 'Pro is $49 per seat.' }]))).toEqual([
      { name: 'message', detail: { id: 'm1', role: 'assistant', text: 'Pro is $49 per seat.' } },
    ]);
    const events = replyEvents(
      reply([
        { type: 'text', text: 'Thanks!' },
        { type: 'data-lead', data: { changed: ['teamSize'], values: { teamSize: 12 } } },
        { type: 'data-lead', data: { changed: ['email', 'name'], values: { email: 'ann@acme.test', name: 'Ann' } } },
        { type: 'data-booking', data: { id: 'b1', email: 'ann@acme.test', localLabel: 'Tue 10:00', start: '2026-12-01T10:00:00Z', ics: 'BEGIN:VCALENDAR', emailed: false } },
        { type: 'data-handoff', data: {} },
      ]),
    );
    expect(events.map((event) => event.name)).toEqual(['message', 'lead', 'meeting', 'handoff']);
    // The score and the handoff's reason are the sales team's: the chat never receives them (lib/chat/visitor-view.ts).
    expect(events[1]).toStrictEqual({ name: 'lead', detail: { email: 'ann@acme.test', fields: { email: 'ann@acme.test', name: 'Ann' } } });
    expect(events[2]).toEqual({ name: 'meeting', detail: { id: 'b1', start: '2026-12-01T10:00:00Z', email: 'ann@acme.test' } });
    expect(events[3]).toStrictEqual({ name: 'handoff', detail: {} });
    // A meeting moved keeps its id and says so.
    const moved = replyEvents(
      reply([{ type: 'data-booking', data: { id: 'b1', email: 'ann@acme.test', localLabel: 'Wed 11:00', start: '2026-12-02T11:00:00Z', ics: 'BEGIN:VCALENDAR', emailed: false, movedFrom: 'Tue 10:00' } }]),
    );
    expect(moved[1]).toEqual({ name: 'meeting', detail: { id: 'b1', start: '2026-12-02T11:00:00Z', email: 'ann@acme.test', moved: true } });
  });
});

describe("the embed's side of the channel", () => {
  const parent = { name: 'parent' };
  const host = 'https://www.example.com';
  const read = (data: unknown, origin = host, source: unknown = parent) => readHostCommand({ data, origin, source } as MessageEvent, { origin: host, source: parent });

  it('talks only to the app itself or an allowed origin', () => {
    expect(allowedHost('https://www.example.com', ['https://www.example.com'], 'https://app.example')).toBe('https://www.example.com');
    expect(allowedHost('https://app.example', [], 'https://app.example')).toBe('https://app.example');
    expect(allowedHost('https://evil.example', ['https://www.example.com'], 'https://app.example')).toBeNull();
    expect(allowedHost(undefined, ['https://www.example.com'], 'https://app.example')).toBeNull();
  });

  it('takes commands only from the host window and origin, well-formed', () => {
    expect(read({ sa: 'v1', type: 'send', text: 'Hi' })).toEqual({ type: 'send', text: 'Hi' });
    expect(read({ sa: 'v1', type: 'focus' })).toEqual({ type: 'focus' });
    // The loader's focus guards (a phone's full-screen chat) ask for the chat's first or last control.
    expect(read({ sa: 'v1', type: 'focus', to: 'first' })).toEqual({ type: 'focus', to: 'first' });
    expect(read({ sa: 'v1', type: 'focus', to: 'last' })).toEqual({ type: 'focus', to: 'last' });
    expect(read({ sa: 'v1', type: 'focus', to: 'middle' })).toEqual({ type: 'focus' });
    expect(read({ sa: 'v1', type: 'identify', email: 'ann@acme.test', hash: 'ab', name: 7 })).toEqual({ type: 'identify', email: 'ann@acme.test', hash: 'ab' });
    expect(read({ sa: 'v1', type: 'send', text: 'Hi' }, 'https://evil.example')).toBeNull();
    expect(read({ sa: 'v1', type: 'send', text: 'Hi' }, host, { name: 'another window' })).toBeNull();
    expect(read({ sa: 'v0', type: 'send', text: 'Hi' })).toBeNull();
    expect(read({ sa: 'v1', type: 'send', text: '  ' })).toBeNull();
    expect(read({ sa: 'v1', type: 'send', text: 'x'.repeat(10_001) })).toBeNull();
    // Answered at once with a refusal (session 25: silence handed the next identify()'s verdict to this one).
    expect(read({ sa: 'v1', type: 'identify', email: 'ann@acme.test' })).toEqual({ type: 'identify', malformed: true });
    expect(read({ sa: 'v1', type: 'eval', code: '1' })).toBeNull();
    expect(read('send')).toBeNull();
    expect(readHostCommand({ data: { sa: 'v1', type: 'focus' }, origin: host, source: null } as MessageEvent, { origin: host, source: null })).toBeNull();
  });
});

describe('identify', () => {
  const secret = 'an-identity-secret-of-32-characters!';

  it('hashes as the Node snippet in docs/embed.md does, and verifies only that hash', async () => {
    const nodeHash = createHmac('sha256', secret).update('ann@acme.test').digest('hex');
    expect(await identityHash(secret, 'ann@acme.test')).toBe(nodeHash);
    expect(await verifyIdentityHash(secret, 'ann@acme.test', nodeHash)).toBe(true);
    expect(await verifyIdentityHash(secret, 'ann@acme.test', nodeHash.toUpperCase())).toBe(true);
    expect(await verifyIdentityHash(secret, 'Ann@acme.test', nodeHash)).toBe(false);
    expect(await verifyIdentityHash('another-secret-of-32-characters!!!!', 'ann@acme.test', nodeHash)).toBe(false);
    expect(await verifyIdentityHash(secret, 'ann@acme.test', nodeHash.slice(0, 62))).toBe(false);
    expect(await verifyIdentityHash(secret, 'ann@acme.test', 'zz'.repeat(32))).toBe(false);
  });

  it('takes its secret from EMBED_IDENTITY_SECRET (32+ characters), or none', () => {
    expect(parseEmbedConfig({ EMBED_IDENTITY_SECRET: secret }).identitySecret).toBe(secret);
    expect(parseEmbedConfig({ EMBED_IDENTITY_SECRET: ' ' }).identitySecret).toBeUndefined();
    expect(() => parseEmbedConfig({ EMBED_IDENTITY_SECRET: 'short' })).toThrow(/EMBED_IDENTITY_SECRET: at least 32 characters/);
  });
});
