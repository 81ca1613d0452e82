import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { ChatPanel } from '@/components/chat/chat-panel-view';
import { ConnectionMonitor } from '@/components/chat/connection';
import { ConnectionStatus } from '@/components/chat/connection-status';
import { memoryStorage, Outbox } from '@/components/chat/outbox';
import { CONVERSATION_ID_KEY } from '@/components/chat/use-conversation-id';
import { I18nProvider } from '@/lib/i18n/provider';

const CONVERSATION_ID = '7c1e4b2a-5f3d-4e8a-9b6c-2d0f1a3e5b79';

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

afterEach(() => {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => true });
});

describe('Outbox', () => {
  const entry = (messageId: string, text = messageId) => ({ messageId, text, locale: 'en', createdAt: 1 });

  it('keeps entries in the order written, once per id, across a reload', async () => {
    const storage = memoryStorage();
    const outbox = new Outbox(CONVERSATION_ID, storage);
    await Promise.all([outbox.add(entry('a')), outbox.add(entry('b')), outbox.add(entry('c'))]);
    await outbox.add(entry('b', 'again'));
    expect(outbox.getSnapshot().map((e) => [e.messageId, e.text])).toEqual([['a', 'a'], ['b', 'b'], ['c', 'c']]);

    await outbox.markAccepted('a', 42);
    const reloaded = new Outbox(CONVERSATION_ID, storage);
    await reloaded.ready();
    expect(reloaded.getSnapshot().map((e) => [e.messageId, e.acceptedAt])).toEqual([['a', 42], ['b', undefined], ['c', undefined]]);

    await reloaded.remove(['a', 'c']);
    expect((await storage.get<unknown[]>(`outbox:${CONVERSATION_ID}`))?.length).toBe(1);
    await reloaded.remove('b');
    expect(await storage.get(`outbox:${CONVERSATION_ID}`)).toBeUndefined();
    // Another conversation's outbox is its own.
    expect(new Outbox('other', storage).getSnapshot()).toEqual([]);
  });
});

describe('ConnectionStatus', () => {
  function renderStatus(props: Parameters<typeof ConnectionStatus>[0], locale: 'en' | 'es' = 'en') {
    return render(
      <I18nProvider locale={locale}>
        <ConnectionStatus {...props} />
      </I18nProvider>,
    );
  }

  it('announces the state and the queue politely, with a silent countdown and a named retry control', () => {
    const onRetryNow = jest.fn();
    const view = renderStatus({ state: { kind: 'connected' }, queued: 0, onRetryNow });
    const live = screen.getByRole('status');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('Connection status: Connected');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();

    view.rerender(
      <I18nProvider locale="en">
        <ConnectionStatus state={{ kind: 'reconnecting', nextAttemptAt: 10_000 }} queued={1} onRetryNow={onRetryNow} now={() => 6_500} />
      </I18nProvider>,
    );
    expect(live).toHaveTextContent('Connection lost. Reconnecting… · 1 message waiting to send');
    const countdown = screen.getByTestId('connection-status-countdown');
    expect(countdown).toHaveTextContent('next try in 4 s');
    expect(live).not.toContainElement(countdown);
    screen.getByRole('button', { name: 'Try to reconnect now' }).click();
    expect(onRetryNow).toHaveBeenCalledTimes(1);

    view.rerender(
      <I18nProvider locale="en">
        <ConnectionStatus state={{ kind: 'offline' }} queued={3} onRetryNow={onRetryNow} />
      </I18nProvider>,
    );
    expect(live).toHaveTextContent("You're offline. Messages you write will be sent when you're back. · 3 messages waiting to send");
  });

  it('speaks Spanish', () => {
    renderStatus({ state: { kind: 'offline' }, queued: 2, onRetryNow: () => undefined }, 'es');
    expect(screen.getByRole('status')).toHaveTextContent('Está sin conexión');
    expect(screen.getByRole('status')).toHaveTextContent('2 mensajes pendientes de enviar');
    expect(screen.getByRole('button', { name: 'Intentar reconectar ahora' })).toBeInTheDocument();
  });
});

describe('ConnectionMonitor', () => {
  it('goes offline with the browser, and back to connected only once the server answers', async () => {
    let serverUp = false;
    const probes: string[] = [];
    const fetch = jest.fn(async (url: RequestInfo | URL) => {
      probes.push(String(url));
      if (!serverUp) throw new TypeError('Failed to fetch');
      return Response.json({ ok: true });
    }) as unknown as typeof globalThis.fetch;
    const monitor = new ConnectionMonitor({ probeUrl: '/api/v1/health', fetch, backoff: { initialMs: 5, maxMs: 5 } });
    const stopMonitor = monitor.start();
    try {
      setOnline(false);
      expect(monitor.getSnapshot()).toEqual({ kind: 'offline' });
      setOnline(true);
      // The browser is back but the server is not: reconnecting, with the next probe's time.
      await waitFor(() => expect(monitor.getSnapshot().kind).toBe('reconnecting'));
      serverUp = true;
      await waitFor(() => expect(monitor.getSnapshot()).toEqual({ kind: 'connected' }));
      expect(new Set(probes)).toEqual(new Set(['/api/v1/health']));

      // The transport's failure flips it too (the server went away with the browser online).
      monitor.unreachable(Date.now() + 1_000);
      expect(monitor.getSnapshot()).toMatchObject({ kind: 'reconnecting' });
      const woken = jest.fn();
      monitor.onWake(woken);
      monitor.reachable();
      expect(monitor.getSnapshot()).toEqual({ kind: 'connected' });
      expect(woken).toHaveBeenCalled();
    } finally {
      stopMonitor();
    }
  });
});

describe('ChatPanel offline', () => {
  const originalFetch = global.fetch;
  afterEach(() => {
    global.fetch = originalFetch;
  });

  function reply(text: string, turnId: string): Response {
    const chunks = [
      { type: 'start', messageId: `reply-${turnId}`, messageMetadata: { turnId } },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: text },
      { type: 'text-end', id: 't' },
      { type: 'finish' },
    ];
    const body = chunks.map((chunk, i) => `id: ${i + 1}\ndata: ${JSON.stringify(chunk)}\n\n`).join('') + 'data: [DONE]\n\n';
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  }

  it('queues messages written offline, shows them as queued, and sends them in order, once each, when back', async () => {
    window.localStorage.clear();
    window.localStorage.setItem(CONVERSATION_ID_KEY, CONVERSATION_ID);
    const posts: Array<{ id: string; text: string }> = [];
    global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      if (!window.navigator.onLine) throw new TypeError('Failed to fetch');
      if (url.endsWith('/api/v1/session')) {
        return Response.json({ token: 't', visitorId: 'v', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, { status: 201 });
      }
      if (url.endsWith('/api/v1/health')) return Response.json({ ok: true });
      if (url.endsWith('/stream')) return new Response(null, { status: 204 });
      if ((init.method ?? 'GET') === 'GET') return Response.json({ error: { code: 'not_found:history', message: 'No.' } }, { status: 404 });
      const body = JSON.parse(String(init.body)) as { message: { id: string; parts: Array<{ text: string }> } };
      posts.push({ id: body.message.id, text: body.message.parts[0]!.text });
      return reply(`Answer to ${body.message.parts[0]!.text}`, body.message.id);
    }) as typeof fetch;

    const user = userEvent.setup();
    render(
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <I18nProvider locale="en">
          <ChatPanel />
        </I18nProvider>
      </SWRConfig>,
    );
    // The engine's own message box (the loading shell's is replaced once the engine has loaded).
    await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), { timeout: 15_000 });
    const input = await waitFor(() => {
      const element = screen.getByTestId('composer-input');
      expect(element).toBeEnabled();
      return element;
    }, { timeout: 15_000 });
    await waitFor(() => expect(screen.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected'));

    setOnline(false);
    await waitFor(() => expect(screen.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline'));
    for (const text of ['one', 'two', 'three']) await user.type(input, `${text}{Enter}`);

    await waitFor(() => expect(screen.getAllByTestId('message-queued')).toHaveLength(3));
    expect(screen.getAllByTestId('message-user').map((m) => within(m).getByText(/one|two|three/).textContent)).toEqual(['one', 'two', 'three']);
    expect(within(screen.getByTestId('connection-status')).getByRole('status')).toHaveTextContent('3 messages waiting to send');
    expect(posts).toEqual([]);

    setOnline(true);
    await waitFor(() => expect(screen.getAllByTestId('message-assistant')).toHaveLength(3), { timeout: 10_000 });
    expect(posts.map((post) => post.text)).toEqual(['one', 'two', 'three']);
    expect(new Set(posts.map((post) => post.id)).size).toBe(3);
    expect(screen.getAllByTestId('message-assistant').map((m) => m.textContent)).toEqual([
      'NSales repAnswer to one',
      'NSales repAnswer to two',
      'NSales repAnswer to three',
    ]);
    expect(screen.queryByTestId('message-queued')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('connection-status')).getByRole('status')).toHaveTextContent('Connected');
    expect(within(screen.getByTestId('connection-status')).getByRole('status')).not.toHaveTextContent('waiting');
  });
});
