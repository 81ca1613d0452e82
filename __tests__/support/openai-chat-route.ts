/**
 * The chat route handlers with OpenAI configured against the OpenAI stand-in over real HTTP
 * (scripts/standins/openai-server.mjs), the in-memory store, and a new visitor from a new address for every test: a
 * prospect's conversation as the model sees it (the requests the stand-in received) and as the prospect gets it (the
 * streamed chunks, and what a reload reads back). Call `openAIChatRoute()` at the top of a test file: it registers the
 * Jest hooks.
 */
import { startOpenAIStandIn } from '../../scripts/standins/openai-server.mjs';
import { readUIChunks, type UIChunk } from './sse';
import { TEST_SESSION_SECRET, visitorHeaders } from './visitor';

type StandIn = Awaited<ReturnType<typeof startOpenAIStandIn>>;
type Routes = { chat: typeof import('@/app/api/v1/chat/route'); history: typeof import('@/app/api/v1/chat/[id]/route') };

export interface StoredMessage {
  id: string;
  role: string;
  metadata?: { agent?: string; status?: string };
  parts: { type: string; text?: string; data?: { code?: string } }[];
}

export interface ChatBody {
  messages: { role: string; content: unknown }[];
  tool_choice?: unknown;
}

export function openAIChatRoute(options: { apiKey: string; messagePrefix: string }) {
  let standIn: StandIn | undefined;
  let routes: Routes | undefined;
  let visitor: { authorization: string; visitorId: string } | undefined;
  let address = 0;
  let sent = 0;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('openAIChatRoute: used outside a test');
    return value;
  };

  beforeAll(async () => {
    standIn = await startOpenAIStandIn({ port: 0 });
    Object.assign(process.env, {
      OPENAI_API_KEY: options.apiKey,
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
    standIn?.reset();
    address += 1;
    visitor = await visitorHeaders();
  });

  return {
    get standIn(): StandIn {
      return ready(standIn);
    },
    get routes(): Routes {
      return ready(routes);
    },
    get visitor() {
      return ready(visitor);
    },
    /** One message from this test's visitor; the route must accept it (200), and its stream is read to the end. */
    async say(id: string, text: string): Promise<UIChunk[]> {
      sent += 1;
      const response = await ready(routes).chat.POST(
        new Request('http://localhost/api/v1/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: ready(visitor).authorization, 'x-forwarded-for': `198.51.100.${address}` },
          body: JSON.stringify({ id, message: { id: `${options.messagePrefix}-${sent}`, role: 'user', parts: [{ type: 'text', text }] } }),
        }),
      );
      expect(response.status).toBe(200);
      return readUIChunks(response);
    },
    /** The stored conversation, read back as a reload reads it, once it holds `count` messages (the turn's write ends after its stream). */
    async stored(id: string, count: number): Promise<StoredMessage[]> {
      for (let attempt = 0; attempt < 100; attempt++) {
        const response = await ready(routes).history.GET(new Request(`http://localhost/api/v1/chat/${id}`, { headers: { authorization: ready(visitor).authorization } }), {
          params: Promise.resolve({ id }),
        });
        if (response.status === 200) {
          const body = (await response.json()) as { messages: StoredMessage[] };
          if (body.messages.length >= count) return body.messages;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`conversation ${id} never reached ${count} messages`);
    },
    /** The bodies of the Chat Completions requests the stand-in received, in order. */
    modelCalls(): ChatBody[] {
      return ready(standIn)
        .requests.filter((request) => request.path === '/v1/chat/completions')
        .map((request) => request.body as ChatBody);
    },
  };
}

export const textOfStored = (message: StoredMessage | undefined) => (message?.parts ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
export const systemOf = (body: ChatBody | undefined) => String(body?.messages.find((message) => message.role === 'system')?.content ?? '');
/** The messages besides the system prompt, each with its content as JSON text. */
export const conversationOf = (body: ChatBody | undefined) =>
  (body?.messages ?? []).filter((message) => message.role !== 'system').map((message) => ({ role: message.role, text: JSON.stringify(message.content) }));
export const notices = (chunks: UIChunk[]) => chunks.flatMap((chunk) => (chunk.type === 'data-notice' ? [chunk.data as { code: string; message: string; level?: string }] : []));
