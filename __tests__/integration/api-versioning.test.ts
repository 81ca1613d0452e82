/** @jest-environment node */
// API versioning over real HTTP (`next start`): unversioned /api/<x> answers as /api/v1/<x> and says it is deprecated
// (RFC 9745 Deprecation, RFC 8594 Sunset, a successor-version Link); versioned paths, unknown versions and /api itself
// do not; unknown paths keep the typed 404. The dates in the headers are the ones docs/api.md announces.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startNextServer } from '../../scripts/lib/next-server.mjs';
import { newConversationId } from '../support/visitor';

jest.setTimeout(60_000);

let next: Awaited<ReturnType<typeof startNextServer>>;

beforeAll(async () => {
  next = await startNextServer({ env: { TTS_PROVIDER: 'browser' } });
});

afterAll(async () => {
  await next?.stop();
});

const DEPRECATION = '@1795478400'; // 2026-11-24T00:00:00Z
const SUNSET = 'Tue, 01 Jun 2027 00:00:00 GMT';

async function get(pathname: string, init: RequestInit = {}) {
  const response = await fetch(`${next.url}${pathname}`, { redirect: 'manual', ...init });
  const text = await response.text();
  const headers = (name: string) => response.headers.get(name);
  return { status: response.status, text, json: () => JSON.parse(text) as unknown, headers, deprecation: [headers('deprecation'), headers('sunset'), headers('link')] };
}

describe('unversioned /api paths', () => {
  it('answer as their /api/v1 route, with Deprecation, Sunset and a successor-version Link', async () => {
    const alias = await get('/api/health');
    const versioned = await get('/api/v1/health');
    expect(alias.status).toBe(200);
    expect(alias.status).toBe(versioned.status);
    expect(Object.keys(alias.json() as object).sort()).toEqual(Object.keys(versioned.json() as object).sort());
    expect(alias.deprecation).toEqual([DEPRECATION, SUNSET, '</api/v1/health>; rel="successor-version"']);
    expect(versioned.deprecation).toEqual([null, null, null]);
  });

  it('link every segment of a deeper path, without the query, and keep the route\'s own answer (here a typed 401)', async () => {
    const id = newConversationId();
    const alias = await get(`/api/chat/${id}?after=3`);
    const versioned = await get(`/api/v1/chat/${id}?after=3`);
    expect([alias.status, alias.json()]).toEqual([versioned.status, versioned.json()]);
    expect(alias.status).toBe(401);
    expect(alias.headers('cache-control')).toBe(versioned.headers('cache-control'));
    expect(alias.deprecation).toEqual([DEPRECATION, SUNSET, `</api/v1/chat/${id}>; rel="successor-version"`]);
  });

  it('carry the headers on POST answers too (the chat refusing a body that is not JSON)', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' };
    const alias = await get('/api/chat', init);
    const versioned = await get('/api/v1/chat', init);
    expect([alias.status, alias.json()]).toEqual([versioned.status, versioned.json()]);
    expect(alias.status).toBeGreaterThanOrEqual(400);
    expect(alias.deprecation).toEqual([DEPRECATION, SUNSET, '</api/v1/chat>; rel="successor-version"']);
  });

  it('keep the typed 404 for a path no version has', async () => {
    const alias = await get('/api/no-such-thing');
    expect(alias.status).toBe(404);
    expect(alias.json()).toEqual({ error: { code: 'not_found:api', message: expect.any(String) } });
    // The whole unversioned namespace is deprecated: its successor is /api/v1/no-such-thing, which is a 404 as well.
    expect(alias.deprecation).toEqual([DEPRECATION, SUNSET, '</api/v1/no-such-thing>; rel="successor-version"']);
  });
});

describe('paths that are not aliases', () => {
  it.each([
    ['an unknown versioned path', '/api/v1/no-such-thing'],
    ['a version that does not exist', '/api/v2/health'],
    ['/api itself', '/api'],
    ['/api/v1 itself', '/api/v1'],
  ])('%s: the typed 404, not marked deprecated', async (_kind, pathname) => {
    const answer = await get(pathname);
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ error: { code: 'not_found:api', message: expect.any(String) } });
    expect(answer.deprecation).toEqual([null, null, null]);
  });
});

it('announces in docs/api.md the dates the headers carry', () => {
  const docs = readFileSync(path.join(process.cwd(), 'docs', 'api.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## API versioning'));
  expect(section.startsWith('## API versioning')).toBe(true);
  expect(section).toContain(`Deprecation: ${DEPRECATION}`);
  expect(section).toContain(`Sunset: ${SUNSET}`);
  expect(section).toContain('rel="successor-version"');
});
