/** @jest-environment node */
// What the prospect's browser receives of a conversation with the offline agent — the live stream, its replay (resume)
// and the history read back — holds none of the sales team's data (the lead's score, the playbook stage and why it
// moved, the tools' calls and answers, the handoff's reason), while the admin's conversation and lead views still show
// it all (lib/chat/visitor-view.ts; docs/security.md, "What the visitor sees").
import { requireAdmin, type AdminActor } from '@/lib/admin/guard';
import { getConversationStore } from '@/lib/store';
import { readUIChunks, textOf, type UIChunk } from '../support/sse';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

jest.mock('@/lib/admin/guard', () => ({ requireAdmin: jest.fn() }));
const ADMIN: AdminActor = { kind: 'user', email: 'ana@northwind.example', role: 'admin' };

process.env.OFFLINE_WORD_DELAY_MS = '0';
process.env.SESSION_SECRET = TEST_SESSION_SECRET;
process.env.RATE_LIMIT_CHAT = '100/1m';
delete process.env.OPENAI_API_KEY;
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;

type Routes = {
  chat: typeof import('@/app/api/v1/chat/route');
  history: typeof import('@/app/api/v1/chat/[id]/route');
  stream: typeof import('@/app/api/v1/chat/[id]/stream/route');
  adminConversation: typeof import('@/app/api/v1/admin/conversations/[id]/route');
  adminLead: typeof import('@/app/api/v1/admin/leads/[id]/route');
};
let routes: Routes;

beforeAll(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.mocked(requireAdmin).mockResolvedValue(ADMIN);
  routes = {
    chat: await import('@/app/api/v1/chat/route'),
    history: await import('@/app/api/v1/chat/[id]/route'),
    stream: await import('@/app/api/v1/chat/[id]/stream/route'),
    adminConversation: await import('@/app/api/v1/admin/conversations/[id]/route'),
    adminLead: await import('@/app/api/v1/admin/leads/[id]/route'),
  };
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
let sent = 0;

async function say(id: string, visitor: { authorization: string }, text: string): Promise<UIChunk[]> {
  sent += 1;
  const response = await routes.chat.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization, 'x-forwarded-for': '203.0.113.30' },
      body: JSON.stringify({ id, message: { id: `s30-view-${sent}`, role: 'user', parts: [{ type: 'text', text }] } }),
    }),
  );
  expect(response.status).toBe(200);
  return readUIChunks(response);
}

/** The reply just written, replayed from its first event as a reconnecting client reads it. */
async function resume(id: string, visitor: { authorization: string }): Promise<UIChunk[]> {
  const response = await routes.stream.GET(new Request(`http://localhost/api/v1/chat/${id}/stream?after=0`, { headers: { authorization: visitor.authorization } }), ctx(id));
  expect(response.status).toBe(200);
  return readUIChunks(response);
}

async function history(id: string, visitor: { authorization: string }, count: number): Promise<{ messages: Array<{ role: string; parts: Array<{ type: string; data?: unknown }> }> }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await routes.history.GET(new Request(`http://localhost/api/v1/chat/${id}`, { headers: { authorization: visitor.authorization } }), ctx(id));
    if (response.status === 200) {
      const body = (await response.json()) as { messages: Array<{ role: string; parts: Array<{ type: string; data?: unknown }> }> };
      if (body.messages.length >= count) return body;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`conversation ${id} never reached ${count} messages`);
}

/** Everything a visitor-facing response carries that belongs to the sales team, as "what: where" lines. */
function internalIn(label: string, value: unknown, reasons: readonly string[]): string[] {
  const json = JSON.stringify(value);
  const found: string[] = [];
  for (const key of ['score', 'reason', 'evidence', 'stageHistory', 'intent']) if (json.includes(`"${key}"`)) found.push(`"${key}" in ${label}`);
  for (const type of ['data-stage', 'tool-', 'dynamic-tool', 'reasoning']) if (json.includes(`"type":"${type}`)) found.push(`${type} in ${label}`);
  for (const reason of reasons) if (json.includes(JSON.stringify(reason).slice(1, -1))) found.push(`stage reason ${JSON.stringify(reason)} in ${label}`);
  return found;
}

const LINES = [
  "Hi, I'm Dana Whitfield from Corvid Labs, we are a team of 25 people.",
  'Our budget is about $600 per month and I make the decision.',
  'Can we book a demo next Thursday at 10am London time? My email is dana@corvidlabs.io',
  'Can I talk to a human please?',
];

describe('what the visitor receives of the sales brain, and what the admin still sees', () => {
  it('streams, replays and returns no score, stage, reason, evidence nor tool call; the admin views keep them', async () => {
    const visitor = await visitorHeaders();
    const id = newConversationId();
    const live: UIChunk[][] = [];
    const replayed: UIChunk[][] = [];
    for (const line of LINES) {
      live.push(await say(id, visitor, line));
      replayed.push(await resume(id, visitor));
    }
    const read = await history(id, visitor, LINES.length * 2);

    // What the store kept: the sales team's data, made by this conversation (the score, the stage's moves and why).
    const conversation = await getConversationStore().getConversation({ id });
    const state = conversation?.state;
    expect(state?.lead.score).toBeGreaterThan(0);
    expect(state?.stageHistory.length).toBeGreaterThan(0);
    expect(state?.handoff).toBeDefined();
    const reasons = state?.stageHistory.map((change) => change.reason) ?? [];
    const storedParts = conversation?.messages.flatMap((message) => message.parts) ?? [];
    expect(storedParts.some((part) => part.type === 'data-stage')).toBe(true);
    expect(storedParts.some((part) => part.type === 'data-lead' && typeof part.data.score === 'number')).toBe(true);
    expect(storedParts.some((part) => part.type.startsWith('tool-'))).toBe(true);
    expect(state?.lead.fields.budget?.value).toBeDefined();

    // The visitor's view: the replies and their cards, nothing of that.
    const leaks = [
      ...live.flatMap((chunks, turn) => internalIn(`the live stream of turn ${turn + 1}`, chunks, reasons)),
      ...replayed.flatMap((chunks, turn) => internalIn(`the replay of turn ${turn + 1}`, chunks, reasons)),
      ...internalIn('the history', read, reasons),
    ];
    expect(leaks).toEqual([]);
    // …and still what the chat shows: the replies, the "Noted: …" line, the booking card, the handoff notice.
    for (const chunks of live) expect(textOf(chunks).trim()).not.toBe('');
    const leads = live.flat().filter((chunk) => chunk.type === 'data-lead');
    // Only the contact fields the card words: no qualification (budget, authority, need, timeline).
    expect(leads.flatMap((chunk) => Object.keys((chunk.data as { values: object }).values))).not.toContain('budget');
    expect(leads.map((chunk) => chunk.data)).toContainEqual(expect.objectContaining({ values: expect.objectContaining({ teamSize: 25 }), note: expect.stringContaining('25') }));
    expect(live.flat().some((chunk) => chunk.type === 'data-booking')).toBe(true);
    expect(live.flat().find((chunk) => chunk.type === 'data-handoff')?.data).toEqual({ email: 'dana@corvidlabs.io' });
    // The replay is the live stream, event for event; the history holds each reply's visible parts.
    expect(replayed).toEqual(live);
    const replies = read.messages.filter((message) => message.role === 'assistant');
    expect(replies.flatMap((message) => message.parts.map((part) => part.type))).toEqual(expect.arrayContaining(['text', 'data-lead', 'data-booking', 'data-handoff']));

    // The admin's transcript has the stage moves with their reasons and the lead captures with their score…
    const admin = (await (await routes.adminConversation.GET(new Request(`http://localhost/api/v1/admin/conversations/${id}`), ctx(id))).json()) as {
      transcript: Array<{ kind: string; reason?: string; segments?: Array<{ kind: string; reason?: string; score?: number; name?: string }> }>;
    };
    const segments = admin.transcript.flatMap((entry) => entry.segments ?? []);
    const stageReasons = [...segments, ...admin.transcript].filter((entry) => entry.kind === 'stage').map((entry) => (entry as { reason?: string }).reason);
    expect(stageReasons).toEqual(expect.arrayContaining(reasons));
    expect(segments.some((segment) => segment.kind === 'lead' && (segment.score ?? 0) > 0)).toBe(true);
    expect(segments.filter((segment) => segment.kind === 'tool').map((segment) => segment.name)).toEqual(expect.arrayContaining(['book_meeting', 'request_human']));
    // …and the lead view each field's evidence and the score.
    const lead = (await (await routes.adminLead.GET(new Request(`http://localhost/api/v1/admin/leads/${id}`), ctx(id))).json()) as {
      score: number;
      fields: Array<{ field: string; evidence: string }>;
    };
    expect(lead.score).toBe(state?.lead.score);
    expect(lead.fields.find((field) => field.field === 'teamSize')?.evidence).toContain('team of 25');
  });
});
