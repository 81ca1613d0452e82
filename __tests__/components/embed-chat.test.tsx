import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { EmbedChat, type EmbedChatProps } from '@/components/embed/embed-chat';
import { CONVERSATION_ID_KEY } from '@/components/chat/use-conversation-id';
import { I18nProvider } from '@/lib/i18n/provider';

// The /embed page's client part with the chat panel's real engine: the host's commands drive the conversation, its
// replies go up to the host as events, and nothing is said to a host that is not allowed. The postMessage target is
// a stand-in opener (popup mode), since jsdom has no parent frame.
const HOST = 'https://partner.example';
const CONVERSATION_ID = '5d1c7a2e-8b3f-4e6a-9c0d-2f4b6a8e1c3d';
const ENGINE_LOAD = { timeout: 15_000 };

const encoder = new TextEncoder();
/** A finished reply as the chat route streams it: `text`, then the data parts. */
function reply(text: string, parts: Array<Record<string, unknown>> = []): Response {
  const frames = [
    { type: 'start', messageId: `reply-${Math.random().toString(36).slice(2)}` },
    { type: 'start-step' },
    { type: 'text-start', id: 't1' },
    { type: 'text-delta', id: 't1', delta: text },
    { type: 'text-end', id: 't1' },
    ...parts,
    { type: 'finish-step' },
    { type: 'finish' },
  ];
  const body = frames.map((frame) => `data: ${JSON.stringify(frame)}\n\n`).join('') + 'data: [DONE]\n\n';
  return new Response(encoder.encode(body), { headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' } });
}

interface Calls {
  chat: Array<{ text: string }>;
  identify: Array<{ body: Record<string, unknown>; authorization: string | null }>;
}

function installServer(answer: (call: number) => Response, identifyStatus = 204): Calls {
  const calls: Calls = { chat: [], identify: [] };
  global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.endsWith('/api/v1/session')) {
      return Response.json({ token: 'v1.embed.token', visitorId: 'visitor', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, { status: 201 });
    }
    if (url.endsWith('/api/v1/identify')) {
      calls.identify.push({ body: JSON.parse(String(init.body)) as Record<string, unknown>, authorization: new Headers(init.headers).get('authorization') });
      return identifyStatus === 204 ? new Response(null, { status: 204 }) : Response.json({ error: { code: 'forbidden:identify', message: 'No.' } }, { status: identifyStatus });
    }
    if (url.endsWith('/stream')) return new Response(null, { status: 204 });
    if ((init.method ?? 'GET') === 'GET') return Response.json({ error: { code: 'not_found:history', message: 'None.' } }, { status: 404 });
    const body = JSON.parse(String(init.body)) as { message: { parts: Array<{ text: string }> } };
    calls.chat.push({ text: body.message.parts[0]?.text ?? '' });
    return answer(calls.chat.length);
  }) as typeof fetch;
  return calls;
}

const opener = { postMessage: jest.fn() };
type Posted = Record<string, unknown> & { type?: string; name?: string; detail?: unknown; to: string };
const posted = (): Posted[] => opener.postMessage.mock.calls.map(([message, origin]) => ({ ...(message as Record<string, unknown>), to: origin as string }));
const fromHost = (data: Record<string, unknown>, origin = HOST, source: unknown = opener) =>
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data: { sa: 'v1', ...data }, origin, source: source as Window }));
  });

function renderEmbed(props: Partial<EmbedChatProps> = {}) {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale="en">
        <EmbedChat
          mode="popup"
          host={HOST}
          allowedOrigins={[HOST]}
          color="#ffeb3b"
          customization={{ agentName: 'Ava', avatarUrl: 'https://cdn.example/ava.png', greeting: 'Hi, I am Ava.', voice: false }}
          suggestedQuestions={['How much is Pro?']}
          maxChars={4000}
          maxRecordingSeconds={60}
          {...props}
        />
      </I18nProvider>
    </SWRConfig>,
  );
}

beforeAll(async () => {
  await import('@/components/chat/conversation');
  Object.defineProperty(window, 'opener', { value: opener, configurable: true });
}, 30_000);

const originalFetch = global.fetch;
beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem(CONVERSATION_ID_KEY, CONVERSATION_ID);
  opener.postMessage.mockClear();
});
afterEach(() => {
  global.fetch = originalFetch;
});

describe('the embed page', () => {
  it('shows the host’s name, avatar, greeting and colour, without voice controls', async () => {
    installServer(() => reply('Hello'));
    const { container } = renderEmbed();
    // The panel is hydrated on its own (components/chat/chat-panel.tsx): it arrives a moment after the page.
    expect(await screen.findByRole('heading', { level: 2, name: 'Ava' })).toBeInTheDocument();
    expect(container.querySelector('header img')?.getAttribute('src')).toBe('https://cdn.example/ava.png');
    expect(screen.getByText('Hi, I am Ava.')).toBeInTheDocument();
    expect((container.querySelector('main') as HTMLElement).style.getPropertyValue('--brand-light-500')).toBe('#ffeb3b');
    await waitFor(() => expect(screen.getByTestId('composer-input')).toBeEnabled(), ENGINE_LOAD);
    expect(screen.queryByTestId('voice-toggle')).not.toBeInTheDocument();
    expect(screen.getByTestId('embed-close')).toHaveAccessibleName('Close the chat');
  });

  it('says it is ready, sends the host’s messages, and reports the reply, its lead and its booking to the host only', async () => {
    const calls = installServer((call) =>
      call === 1
        ? reply('Pro is $49 per seat.')
        : reply('Thanks, Ann!', [
            { type: 'data-lead', data: { changed: ['email'], values: { email: 'ann@acme.test' } } },
            { type: 'data-booking', data: { id: 'b1', email: 'ann@acme.test', localLabel: 'Tue 10:00', start: '2026-12-01T10:00:00Z', ics: 'BEGIN:VCALENDAR' } },
          ]),
    );
    renderEmbed();
    await waitFor(() => expect(posted()).toContainEqual({ sa: 'v1', type: 'ready', to: HOST }), ENGINE_LOAD);

    fromHost({ type: 'send', text: 'Forged from elsewhere' }, 'https://evil.example');
    fromHost({ type: 'send', text: 'Forged from another window' }, HOST, window);
    fromHost({ type: 'send', text: 'How much is Pro?' });
    await waitFor(() => expect(posted().filter((message) => message.type === 'event')).toHaveLength(1), ENGINE_LOAD);
    expect(calls.chat).toEqual([{ text: 'How much is Pro?' }]);
    expect(posted().find((message) => message.type === 'event')).toEqual({
      sa: 'v1',
      type: 'event',
      name: 'message',
      detail: { id: expect.any(String), role: 'assistant', text: 'Pro is $49 per seat.' },
      to: HOST,
    });

    fromHost({ type: 'send', text: 'ann@acme.test' });
    await waitFor(() => expect(posted().filter((message) => message.type === 'event')).toHaveLength(4));
    expect(posted().filter((message) => message.type === 'event').map((message) => [message.name, message.detail])).toEqual([
      ['message', expect.anything()],
      ['message', expect.objectContaining({ text: 'Thanks, Ann!' })],
      ['lead', { email: 'ann@acme.test', fields: { email: 'ann@acme.test' } }],
      ['meeting', { id: 'b1', start: '2026-12-01T10:00:00Z', email: 'ann@acme.test' }],
    ]);
    expect(posted().every((message) => message.to === HOST)).toBe(true);
  });

  it('relays identify to the server with the visitor’s session and tells the host the verdict', async () => {
    const calls = installServer(() => reply('Hi'), 403);
    renderEmbed();
    await waitFor(() => expect(posted()).toContainEqual({ sa: 'v1', type: 'ready', to: HOST }), ENGINE_LOAD);
    fromHost({ type: 'identify', email: 'ann@acme.test', name: 'Ann', hash: 'ab'.repeat(32) });
    await waitFor(() => expect(posted()).toContainEqual({ sa: 'v1', type: 'identified', ok: false, code: 'forbidden:identify', to: HOST }));
    expect(calls.identify).toEqual([{ body: { email: 'ann@acme.test', name: 'Ann', hash: 'ab'.repeat(32) }, authorization: 'Bearer v1.embed.token' }]);
  });

  it('asks the host to close on Esc and on its close button, and the focus command focuses the message box', async () => {
    installServer(() => reply('Hi'));
    renderEmbed();
    const input = await screen.findByTestId('composer-input');
    await waitFor(() => expect(input).toBeEnabled(), ENGINE_LOAD);
    fromHost({ type: 'focus' });
    await waitFor(() => expect(input).toHaveFocus());
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.click(screen.getByTestId('embed-close'));
    expect(posted().filter((message) => message.type === 'close')).toHaveLength(2);
  });

  it('the focus command with `to` focuses the chat’s first or last control (the loader’s focus trap on a phone wraps there)', async () => {
    installServer(() => reply('Hi'));
    renderEmbed();
    const input = await screen.findByTestId('composer-input');
    await waitFor(() => expect(input).toBeEnabled(), ENGINE_LOAD);
    // jsdom lays nothing out: every control counts as shown.
    const shown = jest.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
    const controls = [...document.querySelectorAll<HTMLElement>('a[href],button,input,select,textarea,[tabindex]')].filter(
      (control) => control.tabIndex >= 0 && !control.matches(':disabled'),
    );
    expect(controls.length).toBeGreaterThan(2);
    fromHost({ type: 'focus', to: 'first' });
    expect(document.activeElement).toBe(controls[0]);
    fromHost({ type: 'focus', to: 'last' });
    expect(document.activeElement).toBe(controls.at(-1));
    expect(controls[0]).not.toBe(controls.at(-1));
    shown.mockRestore();
  });

  it('says nothing to a host that is not on the allow-list, and has no close button inline', async () => {
    const calls = installServer(() => reply('Hi'));
    const { unmount } = renderEmbed({ host: 'https://evil.example' });
    await waitFor(() => expect(screen.getByTestId('composer-input')).toBeEnabled(), ENGINE_LOAD);
    fromHost({ type: 'send', text: 'Hello' }, 'https://evil.example');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(opener.postMessage).not.toHaveBeenCalled();
    expect(calls.chat).toEqual([]);
    unmount();

    renderEmbed({ mode: 'inline' });
    await waitFor(() => expect(screen.getByTestId('composer-input')).toBeEnabled(), ENGINE_LOAD);
    expect(screen.queryByTestId('embed-close')).not.toBeInTheDocument();
  });
});
