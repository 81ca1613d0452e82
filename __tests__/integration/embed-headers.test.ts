/** @jest-environment node */
// The embed over the production build (`next start`): /embed may be framed by EMBED_ALLOWED_ORIGINS only, every other
// page by nobody; /embed.js can be loaded by other sites; /embed renders the options the loader passes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import SECURITY_HEADERS from '@/lib/security/security-headers.json';
import { startNextServer } from '../../scripts/lib/next-server.mjs';

jest.setTimeout(60_000);

const ALLOWED = ['https://partner.example', 'http://localhost:4999'];
let next: Awaited<ReturnType<typeof startNextServer>>;

beforeAll(async () => {
  next = await startNextServer({ env: { TTS_PROVIDER: 'browser', EMBED_ALLOWED_ORIGINS: ALLOWED.join(', ') } });
});

afterAll(async () => {
  await next?.stop();
});

const get = async (url: string) => {
  const response = await fetch(`${next.url}${url}`, { redirect: 'manual' });
  return { response, body: await response.text() };
};

test('/embed may be framed by the app and the allowed origins only, and carries no X-Frame-Options', async () => {
  for (const url of ['/embed', '/embed?host=https%3A%2F%2Fpartner.example&mode=bubble']) {
    const { response } = await get(url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors 'self' ${ALLOWED.join(' ')}`);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cross-origin-opener-policy')).toBe('unsafe-none');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe(SECURITY_HEADERS.always['referrer-policy']);
    expect(response.headers.get('permissions-policy')).toBe(SECURITY_HEADERS.always['permissions-policy']);
  }
});

test('every other page keeps X-Frame-Options DENY and frame-ancestors none', async () => {
  for (const url of ['/', '/embedded', '/no-such-page']) {
    const { response } = await get(url);
    expect([url, response.headers.get('x-frame-options')]).toEqual([url, 'DENY']);
    expect([url, response.headers.get('content-security-policy')]).toEqual([url, expect.stringContaining("frame-ancestors 'none'")]);
    expect(response.headers.get('content-security-policy')).not.toContain('partner.example');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  }
  const api = await get('/api/v1/health');
  expect(api.response.headers.get('x-frame-options')).toBe('DENY');
  expect(api.response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
});

test('/embed.js is the loader, loadable by other sites (cross-origin CORP), cached for five minutes', async () => {
  const { response, body } = await get('/embed.js');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/javascript/);
  expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(body).toBe(readFileSync(path.join(process.cwd(), 'public', 'embed.js'), 'utf8'));
});

test('/embed renders the chat alone with the options from the query string, ignoring bad values', async () => {
  const query = new URLSearchParams({ host: 'https://partner.example', locale: 'es', name: 'Ava', greeting: 'Hola, ¿en qué te ayudo?', color: 'javascript:x', avatar: 'http://insecure.example/a.png' });
  const { body: page } = await get(`/embed?${query}`);
  // The rendered markup only: the framework's payload after it repeats the request's URL.
  const body = page.slice(0, page.indexOf('</main>'));
  expect(body).toContain('data-testid="chat-panel"');
  expect(page).toContain('<title>Ava</title>');
  expect(body).toContain('Hola, ¿en qué te ayudo?');
  expect(body).toContain('data-testid="embed-close"');
  expect(body).toContain('aria-label="Cerrar el chat"');
  expect(page).toContain('<meta name="robots" content="noindex, nofollow"/>');
  expect(body).not.toContain('insecure.example');
  expect(body).not.toContain('javascript:x');
  // No landing page around it.
  expect(body).not.toContain('id="plans-title"');

  const inline = await get('/embed?mode=inline');
  expect(inline.body).toContain('data-testid="chat-panel"');
  expect(inline.body).not.toContain('data-testid="embed-close"');
});

test('a frame from a site not on the allow-list gets a notice in its language, framable by that site alone, and no chat', async () => {
  const frameFrom = (host: string, extra: Record<string, string> = {}) =>
    fetch(`${next.url}/embed?${new URLSearchParams({ host, locale: 'fr', mode: 'bubble' })}`, {
      headers: { 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site', ...extra },
    });
  const response = await frameFrom('https://stranger.example');
  const page = await response.text();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/stranger\.example(;|$)/);
  expect(response.headers.get('content-security-policy')).not.toContain('partner.example');
  const body = page.slice(0, page.indexOf('</main>'));
  expect(body).toContain('data-testid="embed-unlisted"');
  expect(body).toContain('Le chat ne peut pas s&#x27;ouvrir sur ce site');
  expect(body).toContain('href="/?lang=fr"');
  expect(body).toContain('EMBED_ALLOWED_ORIGINS');
  expect(body).toContain('console.error(\"SalesAgent: https://stranger.example is not in EMBED_ALLOWED_ORIGINS');
  expect(body).not.toContain('data-testid="chat-panel"');
  expect(page).toMatch(/<html lang="fr"/);

  // An allowed site gets the chat; a forged header from the client changes nothing.
  const allowed = await (await frameFrom('https://partner.example', { 'x-embed-unlisted-host': 'https://forged.example' })).text();
  expect(allowed).toContain('data-testid="chat-panel"');
  expect(allowed).not.toContain('embed-unlisted');
  expect(allowed).not.toContain('forged.example');
});
