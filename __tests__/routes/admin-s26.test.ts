/** @jest-environment node */
// Session 26, an admin reading conversations in five languages, through the real handlers and guard on the in-memory
// store: each transcript message says the language its words are in (so a screen reader in an Arabic admin reads a
// German message in German), and date filters that name a day that does not exist, or a range that ends before it
// starts, are refused with a typed 400 instead of being moved or answered with an empty list.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { resetProcessSingletons } from '@/lib/process-singleton';
import { getConversationStore } from '@/lib/store';
import type { SalesUIMessage } from '@/lib/chat/messages';
import type { ConversationDetail, LeadDetail, TranscriptEntry } from '@/lib/admin/records-types';
import * as conversations from '@/app/api/v1/admin/conversations/route';
import * as conversation from '@/app/api/v1/admin/conversations/[id]/route';
import * as leads from '@/app/api/v1/admin/leads/route';
import * as lead from '@/app/api/v1/admin/leads/[id]/route';
import * as exporter from '@/app/api/v1/admin/export/route';
import * as metrics from '@/app/api/v1/admin/metrics/route';
import { salesState, type LeadSpec } from '../support/admin-records';
import { MAX_API_KEYS } from '@/lib/admin/keys';
import { KEY_LIMIT } from '@/components/admin/keys/keys-api';

const ORIGIN = 'http://localhost:3000';
const SECRET = 'admin-s26-secret-admin-s26-secret-012345';
const ENV = ['ADMIN_EMAIL', 'ADMIN_PASSWORD_HASH', 'ADMIN_VIEWERS', 'AUTH_SECRET', 'ADMIN_SESSION_MAX_AGE_SECONDS'];

let cookie = '';
beforeAll(async () => {
  for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_URL', 'KV_REST_API_TOKEN', ...ENV]) delete process.env[name];
  process.env.AUTH_SECRET = SECRET;
  resetProcessSingletons();
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const name = 'authjs.session-token';
  cookie = `${name}=${await encode({ token: { email: 'viewer@northwind.example', role: 'viewer', authAt: Math.floor(Date.now() / 1000) }, secret: SECRET, salt: name })}`;
});
afterAll(() => {
  for (const name of ENV) delete process.env[name];
  resetProcessSingletons();
});

const get = (path: string) => new Request(`${ORIGIN}${path}`, { headers: { cookie } });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; details?: { issues?: Array<{ path: string }> } } }).error;

function message(role: 'user' | 'assistant', text: string, at: number, extra: SalesUIMessage['parts'] = []): SalesUIMessage {
  return { id: `${role[0]}-${randomUUID()}`, role, parts: [...extra, { type: 'text', text }], metadata: { createdAt: at } };
}

async function store(texts: Array<['user' | 'assistant', string]>, extra: SalesUIMessage['parts'] = [], leadSpec?: LeadSpec): Promise<string> {
  const id = randomUUID();
  const at = Date.now() - 60_000;
  const store = getConversationStore();
  await store.loadTurn({ id, visitorId: `v-${id.slice(0, 8)}`, day: new Date(at).toISOString().slice(0, 10) });
  await store.appendMessages({
    id,
    messages: texts.map(([role, text], index) => message(role, text, at + index, role === 'assistant' && index === 1 ? extra : [])),
    state: salesState(at, leadSpec),
    now: at + texts.length,
  });
  return id;
}

async function transcriptOf(id: string): Promise<Array<Extract<TranscriptEntry, { kind: 'message' }>>> {
  const response = await conversation.GET(get(`/api/v1/admin/conversations/${id}`), ctx(id));
  expect(response.status).toBe(200);
  const detail = (await response.json()) as ConversationDetail;
  return detail.transcript.filter((entry): entry is Extract<TranscriptEntry, { kind: 'message' }> => entry.kind === 'message');
}

describe('each transcript message carries the language of its words', () => {
  it('a German conversation: every message is de, a bare "25" takes the conversation’s language', async () => {
    const id = await store([
      ['user', 'Hallo, wie viel kostet der Pro-Plan für unser Team?'],
      ['assistant', 'Der Pro-Plan kostet 29 € pro Nutzer und Monat. Wie viele Personen sind in Ihrem Team?'],
      ['user', '25'],
      ['assistant', 'Danke! Für 25 Personen sind das 725 € im Monat.'],
    ]);
    const messages = await transcriptOf(id);
    expect(messages.map((entry) => entry.lang)).toEqual(['de', 'de', 'de', 'de']);
  });

  it('a conversation that changes language: each clear message keeps its own, Arabic included', async () => {
    const id = await store([
      ['user', 'Hola, ¿cuánto cuesta el plan para mi equipo?'],
      ['assistant', 'El plan Pro cuesta 29 € por usuario y mes. ¿Cuántas personas son?'],
      ['user', 'كم سعر الخطة للفريق؟'],
      ['assistant', 'Guten Tag, ich möchte eine Demo für unser Unternehmen.'],
    ]);
    expect((await transcriptOf(id)).map((entry) => entry.lang)).toEqual(['es', 'es', 'ar', 'de']);
  });

  it('says nothing rather than guessing: a message that reads as no language, in a conversation that says none either', async () => {
    const id = await store([
      ['user', 'Pro?'],
      ['assistant', '29 €'],
    ]);
    expect((await transcriptOf(id)).map((entry) => entry.lang)).toEqual([undefined, undefined]);
  });

  it('a message with only a marker and no words gets no lang', async () => {
    const id = await store(
      [
        ['user', 'Wie viel kostet es für 12 Personen, bitte?'],
        ['assistant', ''],
      ],
      [{ type: 'data-stage', data: { stage: 'discovery', reason: 'asked about price' } } as SalesUIMessage['parts'][number]],
    );
    const [user, reply] = await transcriptOf(id);
    expect(user?.lang).toBe('de');
    expect(reply?.segments.some((segment) => segment.kind === 'text')).toBe(false);
    expect(reply?.lang).toBeUndefined();
  });
});

describe('a lead’s evidence carries the language of the prospect’s sentence', () => {
  const evidenceLangs = async (id: string) => {
    const response = await lead.GET(get(`/api/v1/admin/leads/${id}`), ctx(id));
    expect(response.status).toBe(200);
    return ((await response.json()) as LeadDetail).fields.map((field) => [field.field, field.lang]);
  };

  it('a German sentence is de', async () => {
    const id = await store(
      [
        ['user', 'Hallo, wir sind ein kleines Team.'],
        ['assistant', 'Wie viele Personen sind Sie?'],
      ],
      [],
      { fields: { teamSize: 25, email: 'kim@hooli.de' }, evidence: 'Wir sind 25 Personen, meine E-Mail ist kim@hooli.de' },
    );
    expect(await evidenceLangs(id)).toEqual([
      ['email', 'de'],
      ['teamSize', 'de'],
    ]);
  });

  it('a bare "25" takes the language the prospect wrote in; with nothing clear, no lang is claimed', async () => {
    const german = await store(
      [
        ['user', 'Guten Tag, ich möchte eine Demo für unser Unternehmen.'],
        ['assistant', 'Gerne! Wie viele Personen sind Sie?'],
        ['user', '25'],
      ],
      [],
      { fields: { teamSize: 25 }, evidence: '25' },
    );
    expect(await evidenceLangs(german)).toEqual([['teamSize', 'de']]);
    const unclear = await store([['user', '25']], [], { fields: { teamSize: 25 }, evidence: '25' });
    expect(await evidenceLangs(unclear)).toEqual([['teamSize', undefined]]);
  });
});

describe('date filters: a day that does not exist or a range that ends before it starts is a typed 400', () => {
  it.each([
    ['conversations', (query: string) => conversations.GET(get(`/api/v1/admin/conversations?${query}`))],
    ['leads', (query: string) => leads.GET(get(`/api/v1/admin/leads?${query}`))],
    ['export', (query: string) => exporter.GET(get(`/api/v1/admin/export?type=leads&${query}`))],
  ])('%s', async (_name, call) => {
    const february = await call('from=2026-02-31');
    expect(february.status).toBe(400);
    const error = await errorOf(february);
    expect(error.code).toBe('bad_request:admin');
    expect(error.details?.issues?.map((issue) => issue.path)).toEqual(['from']);

    const reversed = await call('from=2026-11-20&to=2026-11-10');
    expect(reversed.status).toBe(400);
    const reversedError = await errorOf(reversed);
    expect(reversedError.code).toBe('bad_request:admin');
    expect(reversedError.details?.issues).toEqual([{ path: 'to', message: 'to is before from' }]);

    // The same day as both ends is a whole day, and a leap day exists in 2028.
    expect((await call('from=2026-11-20&to=2026-11-20')).status).toBe(200);
    expect((await call('from=2028-02-29&to=2028-03-01')).status).toBe(200);
  });

  it('metrics refuses 2026-02-31 too (it was read as 3 March)', async () => {
    const response = await metrics.GET(get('/api/v1/admin/metrics?from=2026-02-31&to=2026-03-05'));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('bad_request:admin');
    expect(error.message).toMatch(/^from:/);
    expect((await metrics.GET(get('/api/v1/admin/metrics?from=2026-02-28&to=2026-03-05'))).status).toBe(200);
  });
});

test('the keys page names the same limit the server enforces (its message when a key more is refused)', () => {
  expect(KEY_LIMIT).toBe(MAX_API_KEYS);
});
