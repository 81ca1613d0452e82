/** @jest-environment node */
// A prospect talking to the agent through the chat route with OpenAI configured — the OpenAI stand-in over real HTTP
// (scripts/standins/openai-server.mjs) — session 26: what the price guard lets through of the model's amounts (words,
// other scripts, the prospect's own figures, totals worked out from the catalogue) over a 15-turn conversation whose
// early turns have left the history, and what the stream carries while an amount is being decided.
import { unverifiedPriceMarker, unverifiedPriceNotice } from '@/lib/sales/prompts';
import { startOpenAIStandIn } from '../../scripts/standins/openai-server.mjs';
import { readUIChunks, textOf, type UIChunk } from '../support/sse';
import { newConversationId, TEST_SESSION_SECRET, visitorHeaders } from '../support/visitor';

type StandIn = Awaited<ReturnType<typeof startOpenAIStandIn>>;
let standIn: StandIn;
let routes: { chat: typeof import('@/app/api/v1/chat/route'); history: typeof import('@/app/api/v1/chat/[id]/route') };
let visitor: { authorization: string; visitorId: string };
let address = 0;

beforeAll(async () => {
  standIn = await startOpenAIStandIn({ port: 0 });
  Object.assign(process.env, {
    OPENAI_API_KEY: 'sk-s26',
    OPENAI_BASE_URL: standIn.url,
    OPENAI_API_MODE: 'chat',
    OPENAI_MAX_RETRIES: '0',
    OPENAI_TIMEOUT_MS: '1500',
    // Small, so that a long conversation's early turns leave the prompt (folded into the summary).
    CHAT_CONTEXT_TOKENS: '2400',
    SESSION_SECRET: TEST_SESSION_SECRET,
    RATE_LIMIT_CHAT: '1000/1m',
    TOKEN_BUDGET_DAILY: '0',
    OFFLINE_WORD_DELAY_MS: '0',
  });
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  routes = { chat: await import('@/app/api/v1/chat/route'), history: await import('@/app/api/v1/chat/[id]/route') };
});
afterAll(async () => standIn?.close());
beforeEach(async () => {
  standIn.reset();
  address += 1;
  visitor = await visitorHeaders();
});

let sent = 0;
async function say(id: string, text: string): Promise<UIChunk[]> {
  sent += 1;
  const response = await routes.chat.POST(
    new Request('http://localhost/api/v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: visitor.authorization, 'x-forwarded-for': `198.51.100.${address}` },
      body: JSON.stringify({ id, message: { id: `s26-${sent}`, role: 'user', parts: [{ type: 'text', text }] } }),
    }),
  );
  expect(response.status).toBe(200);
  return readUIChunks(response);
}

interface StoredMessage {
  role: string;
  parts: { type: string; text?: string }[];
}
async function stored(id: string, count: number): Promise<StoredMessage[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await routes.history.GET(new Request(`http://localhost/api/v1/chat/${id}`, { headers: { authorization: visitor.authorization } }), {
      params: Promise.resolve({ id }),
    });
    if (response.status === 200) {
      const body = (await response.json()) as { messages: StoredMessage[] };
      if (body.messages.length >= count) return body.messages;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`conversation ${id} never reached ${count} messages`);
}
const textOfStored = (message: StoredMessage | undefined) => (message?.parts ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');

interface ChatBody {
  messages: { role: string; content: unknown }[];
}
const modelCalls = (): ChatBody[] => standIn.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body as ChatBody);
const systemOf = (body: ChatBody | undefined) => String(body?.messages.find((message) => message.role === 'system')?.content ?? '');
const conversationOf = (body: ChatBody | undefined) => (body?.messages ?? []).filter((message) => message.role !== 'system').map((message) => JSON.stringify(message.content));
const notices = (chunks: UIChunk[]) => chunks.flatMap((chunk) => (chunk.type === 'data-notice' ? [(chunk.data as { code: string; message: string })] : []));
const deltas = (chunks: UIChunk[]) => chunks.filter((chunk) => chunk.type === 'text-delta').map((chunk) => chunk.delta ?? '');

describe('a 15-turn conversation whose early turns leave the history', () => {
  it('keeps the prospect’s facts for the model and the guard: a total worked out from them passes, a price they floated does not', async () => {
    const id = newConversationId();
    standIn.setBehaviour({
      replyText:
        'Thanks, that helps. Here is a fairly long answer so that the history grows the way it does with a real assistant, which writes a few sentences on every question, with details, examples and a question back at the end.',
    });
    const lines = [
      "Hi, I'm Priya Raman from Lumen Analytics.",
      'We are a team of 15 people.',
      'Our budget is $500 per month.',
      'We currently use Asana and Slack.',
      'Tell me about your security and compliance, we care about SOC 2 and GDPR and where the data lives.',
      'What integrations do you support? We also use GitHub, Google Drive and Zendesk across teams.',
      'How does onboarding work and how long does it take a team like ours to move all projects over?',
      'What kind of support do you offer, and how fast do you answer?',
      'Do you have case studies from analytics companies of a similar size?',
      'What happens to our data if we leave? Can we export everything?',
      'Is there a free trial and what does it include?',
      'Do you have audit logs and single sign-on?',
    ];
    for (const line of lines) await say(id, line);

    // Turn 13: the prospect floats a price; the model agrees with it. That is not a price of ours.
    standIn.setBehaviour({ replyText: 'Yes — Pro is $7 per seat for a team like yours.' });
    const floated = await say(id, 'Is Pro $7 per seat for us?');
    const marker = unverifiedPriceMarker('en');
    expect(textOf(floated)).toBe(`Yes — Pro is ${marker} per seat for a team like yours.`);
    expect(notices(floated)).toEqual([{ level: 'warning', code: 'unverified_price', message: unverifiedPriceNotice('en') }]);

    // Turn 14: the model says their budget back (with and without the word), a figure of theirs: it passes.
    standIn.setBehaviour({ replyText: 'Noted: you mentioned $500 a month, so I will keep every option within your $500 budget.' });
    const budget = await say(id, 'Remember what we can spend.');
    expect(textOf(budget)).toBe('Noted: you mentioned $500 a month, so I will keep every option within your $500 budget.');
    expect(notices(budget)).toEqual([]);

    // Turn 15: the model works the total out itself, without the pricing tool, from the team size given at turn 2.
    const total = 'Pro billed annually is $24 per seat per month: $24 × 15 seats × 12 = $4,320 a year ($360 a month), saving $900 a year — within your $500 monthly budget.';
    standIn.setBehaviour({ replyText: total });
    const worked = await say(id, 'So what would Pro come to for us, billed annually?');
    expect(textOf(worked)).toBe(total);
    expect(notices(worked)).toEqual([]);

    // The early turns had left the messages the model was sent; what the prospect told us was in its prompt instead.
    const last = modelCalls().at(-1);
    const conversation = conversationOf(last);
    expect(conversation.some((text) => text.includes('team of 15'))).toBe(false);
    expect(conversation.some((text) => text.includes('budget is $500'))).toBe(false);
    expect(conversation.at(-1)).toContain('So what would Pro come to for us');
    const system = systemOf(last);
    for (const fact of ['Priya Raman', 'Lumen Analytics', '15', '$500 per month', 'uses Asana', 'uses Slack']) expect(system).toContain(fact);

    // What is stored (a reload, and the next turn's history) is what was streamed.
    const messages = await stored(id, 30);
    expect(messages).toHaveLength(30);
    expect(textOfStored(messages[25])).toBe(`Yes — Pro is ${marker} per seat for a team like yours.`);
    expect(textOfStored(messages[29])).toBe(total);
    const replies = messages.filter((message) => message.role === 'assistant').map((message) => textOfStored(message));
    expect(replies).toHaveLength(15);
    expect(replies.join('\n')).not.toContain('$7');
  });
});

describe('what the stream carries while an amount is decided', () => {
  it('never sends a piece of a made-up amount split across tokens ("2", " 873", " $"; "thirty-one", " dollars")', async () => {
    const id = newConversationId();
    standIn.setBehaviour({ replyText: 'Pro coûte 29 $ par utilisateur et Business 2 873 $ par mois, soit thirty-one dollars de plus.' });
    const chunks = await say(id, 'Combien coûtent Pro et Business ?');
    const marker = unverifiedPriceMarker('fr');
    expect(textOf(chunks)).toBe(`Pro coûte 29 $ par utilisateur et Business ${marker} par mois, soit ${marker} de plus.`);
    // The stand-in sent the made-up amounts token by token; no delta carried a piece of them.
    const sent = deltas(chunks);
    expect(sent.length).toBeGreaterThan(5);
    for (const delta of sent) {
      expect(delta).not.toMatch(/873|thirty|one dollars|\b2 $/);
    }
    expect(sent.some((delta) => delta.includes('29 $'))).toBe(true);
    expect(notices(chunks).map((notice) => notice.message)).toEqual([unverifiedPriceNotice('fr')]);
  });

  it('checks Arabic-Indic digits and amounts in Spanish words in the reply', async () => {
    const id = newConversationId();
    standIn.setBehaviour({ replyText: 'El plan Pro cuesta veintinueve dólares por usuario; Business, ٣٩ $ por usuario, o treinta y nueve dólares.' });
    const chunks = await say(id, 'Hola, ¿cuánto cuestan los planes Pro y Business?');
    const marker = unverifiedPriceMarker('es');
    expect(textOf(chunks)).toBe(`El plan Pro cuesta veintinueve dólares por usuario; Business, ${marker} por usuario, o ${marker}.`);
    expect(deltas(chunks).join('')).not.toMatch(/٣٩|treinta/);
    expect(notices(chunks).map((notice) => notice.code)).toEqual(['unverified_price']);
  });
});
