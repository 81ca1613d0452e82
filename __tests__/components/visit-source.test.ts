import { ResumableChatTransport } from '@/components/chat/resumable-transport';
import { UTM_STORAGE_KEY, visitSource } from '@/components/chat/visit-source';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { eventSourceSchema } from '@/lib/events/schema';

const CHAT = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c2b71';
const USER: SalesUIMessage = { id: 'm-1', role: 'user', parts: [{ type: 'text', text: 'How much is Pro?' }] };

function memory(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

const at = (url: string) => {
  const parsed = new URL(url, 'https://app.example');
  return { pathname: parsed.pathname, search: parsed.search };
};

describe('visitSource', () => {
  it('inside the embed: the embedding site from the loader\'s host=, and the host page\'s campaign the loader passed on', () => {
    const storage = memory();
    expect(visitSource(at('/embed?host=https%3A%2F%2Fwww.northwind.example&mode=bubble&utm_source=newsletter&utm_campaign=fall'), storage)).toEqual({
      page: '/embed',
      utm: { source: 'newsletter', campaign: 'fall' },
      embedSite: 'https://www.northwind.example',
    });
    // Only an origin: a path, another scheme or junk is not sent.
    for (const host of ['https://www.northwind.example/page', 'javascript:alert(1)', 'not a url', '']) {
      expect(visitSource(at(`/embed?host=${encodeURIComponent(host)}`), memory()).embedSite).toBeUndefined();
    }
    // Outside the embed a host= in the URL means nothing.
    expect(visitSource(at('/?host=https%3A%2F%2Fwww.northwind.example'), memory()).embedSite).toBeUndefined();
    expect(eventSourceSchema.safeParse(visitSource(at('/embed?host=https%3A%2F%2Fa.example'), memory())).success).toBe(true);
  });

  it('sends the page path and the utm of the first page of the visit that had any', () => {
    const storage = memory();
    expect(visitSource(at('/'), storage)).toEqual({ page: '/' });
    expect(storage.data.size).toBe(0);
    expect(visitSource(at('/?utm_source=newsletter&utm_medium=email&utm_campaign=fall-launch&utm_term=x&ref=y'), storage)).toEqual({
      page: '/',
      utm: { source: 'newsletter', medium: 'email', campaign: 'fall-launch' },
    });
    // Navigating on: the campaign stays with the visit, and a later one does not replace it.
    expect(visitSource(at('/pricing#plans'), storage)).toEqual({ page: '/pricing', utm: { source: 'newsletter', medium: 'email', campaign: 'fall-launch' } });
    expect(visitSource(at('/pricing?utm_source=ads'), storage).utm).toEqual({ source: 'newsletter', medium: 'email', campaign: 'fall-launch' });
  });

  it('keeps only the utm given, cuts values to the server limits, and works without storage', () => {
    const long = 'x'.repeat(150);
    const source = visitSource(at(`/${'p'.repeat(400)}?utm_campaign=${long}&utm_source=%20`), null);
    expect(source.utm).toEqual({ campaign: 'x'.repeat(100) });
    expect(source.page).toHaveLength(300);
    expect(eventSourceSchema.safeParse(source).success).toBe(true);
  });

  it('survives blocked or corrupt storage', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(visitSource(at('/embed?utm_source=partner'), blocked)).toEqual({ page: '/embed', utm: { source: 'partner' } });
    const corrupt = memory();
    corrupt.data.set(UTM_STORAGE_KEY, '{not json');
    expect(visitSource(at('/?utm_medium=cpc'), corrupt)).toEqual({ page: '/', utm: { medium: 'cpc' } });
  });
});

describe('the chat transport sends the source', () => {
  beforeEach(() => window.sessionStorage.clear());
  afterAll(() => window.history.replaceState(null, '', '/'));

  function transport() {
    const bodies: Record<string, unknown>[] = [];
    const fetch = jest.fn(async (_input: RequestInfo | URL, init: RequestInit = {}) => {
      bodies.push(JSON.parse(init.body as string) as Record<string, unknown>);
      return new Response('data: {"type":"finish"}\n\ndata: [DONE]\n\n', { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }) as unknown as typeof globalThis.fetch;
    return { bodies, transport: new ResumableChatTransport({ api: '/api/v1/chat', locale: 'en', fetch }) };
  }

  async function send(chat: ResumableChatTransport) {
    const stream = await chat.sendMessages({ chatId: CHAT, messages: [USER], trigger: 'submit-message', messageId: undefined, abortSignal: undefined });
    const reader = stream.getReader();
    while (!(await reader.read()).done) {
      // drained
    }
  }

  it('from the browser: location.pathname and the visit-long utm, remembered when the chat starts', async () => {
    window.history.replaceState(null, '', '/?utm_source=newsletter&utm_campaign=fall');
    const { bodies, transport: chat } = transport();
    // A client-side navigation drops the query before the first message: the utm was remembered already.
    window.history.pushState(null, '', '/pricing');
    await send(chat);
    expect(bodies[0]).toMatchObject({ id: CHAT, locale: 'en', source: { page: '/pricing', utm: { source: 'newsletter', campaign: 'fall' } } });
    expect(JSON.parse(window.sessionStorage.getItem(UTM_STORAGE_KEY)!)).toEqual({ source: 'newsletter', campaign: 'fall' });
  });

  it('inside /embed: the embed page path (the embedding site is left to the server, from Origin)', async () => {
    window.history.replaceState(null, '', '/embed?agent=Nora&utm_source=partner');
    const { bodies, transport: chat } = transport();
    await send(chat);
    expect(bodies[0]?.source).toEqual({ page: '/embed', utm: { source: 'partner' } });
  });
});
