// The chat as a marketer and the prospects on an Arabic site see it (session 30): prices, ranges, e-mail addresses,
// phone numbers and booking times keep their own order inside right-to-left text (each in a <bdi dir="ltr">), and
// the words themselves stay as written (no isolate characters to copy, speak or store).
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { ChatPanel } from '@/components/chat/chat-panel-view';
import { MessageList } from '@/components/chat/message-list';
import { MessageMarkdown } from '@/components/chat/message-markdown';
import { BookingCard, HandoffNotice } from '@/components/chat/sales-parts';
import { CONVERSATION_ID_KEY } from '@/components/chat/use-conversation-id';
import { EmbedChat } from '@/components/embed/embed-chat';
import { VOICE_PREFERENCE_KEY } from '@/components/voice/use-voice-conversation';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { ar } from '@/lib/i18n/catalogues/ar';
import { en } from '@/lib/i18n/catalogues/en';
import { I18nProvider } from '@/lib/i18n/provider';
import { FakeAudioContext, FakeRecognition, pcmChunk, ttsCall, type TtsCall } from '../support/voice-fakes';
import { pushableBody } from '../support/pushable-body';

const NB = '\u00a0';
const ISOLATES = /[\u2066-\u2069\u200e\u200f\u202a-\u202e]/u;

function inArabic(node: React.ReactNode) {
  return render(
    <I18nProvider locale="ar" messages={{ ...en, ...ar }}>
      {node}
    </I18nProvider>,
  );
}

const isolated = (element: HTMLElement) => Array.from(element.querySelectorAll('bdi')).map((bdi) => [bdi.getAttribute('dir'), bdi.textContent]);

describe('left-to-right runs in Arabic replies', () => {
  it('isolates a price and a price range in an Arabic reply (not Latin words or an address, which keep their order), and keeps its words as written', () => {
    const reply = `سعر خطة **Pro** هو **1,365${NB}US$** لكل مقعد / شهر، أو من 29${NB}US$ – 49${NB}US$ للمقعد. راسلنا على sales@northwind.example.`;
    const { container } = inArabic(<MessageMarkdown text={reply} />);
    expect(isolated(container)).toEqual([
      ['ltr', `1,365${NB}US$`],
      ['ltr', `29${NB}US$ – 49${NB}US$`],
    ]);
    expect(container.querySelector('strong bdi')?.textContent).toBe(`1,365${NB}US$`);
    expect(container.textContent).toBe(reply.replaceAll('**', ''));
    expect(container.textContent).not.toMatch(ISOLATES);
  });

  it('isolates prices in a list and a table of an Arabic reply, and inline code', () => {
    const reply = ['الخطط المتاحة لفريقك:', '', `- Starter: 12${NB}US$ شهرياً`, `- Pro: 29${NB}US$ شهرياً`, '', '| الخطة | السعر |', '| --- | --- |', `| Team | 49${NB}US$ |`, '', 'استخدم الرمز `SAVE-20` عند الدفع.'].join('\n');
    const { container } = inArabic(<MessageMarkdown text={reply} />);
    expect(within(container.querySelector('ul')!).getAllByText((_, element) => element?.tagName === 'BDI').map((bdi) => bdi.textContent)).toEqual([
      `Starter: 12${NB}US$`,
      `Pro: 29${NB}US$`,
    ]);
    expect(container.querySelector('td:nth-child(2) bdi')?.textContent).toBe(`49${NB}US$`);
    expect(container.querySelector('code')?.getAttribute('dir')).toBe('ltr');
  });

  it('leaves an English reply on an Arabic page, and any reply on an English page, without isolates', () => {
    const english = 'Pro costs $29 per seat/month, or $24 billed annually.';
    const { container } = inArabic(<MessageMarkdown text={english} />);
    expect(container.querySelector('bdi')).toBeNull();
    expect(container.querySelector('code[dir]')).toBeNull();
    const { container: page } = render(
      <I18nProvider locale="en" messages={en}>
        <MessageMarkdown text={`29${NB}US$`} />
      </I18nProvider>,
    );
    expect(page.querySelector('bdi')).toBeNull();
  });

  it('isolates a price alone (too few letters to tell) on an Arabic page', () => {
    const { container } = inArabic(<MessageMarkdown text={`1,365${NB}US$`} />);
    expect(isolated(container)).toEqual([['ltr', `1,365${NB}US$`]]);
  });

  it("keeps a prospect's phone number in order in their Arabic message", () => {
    const message: SalesUIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'اتصلوا بي على +1 (555) 010-4477 بعد الساعة 10:00' }] };
    inArabic(<MessageList messages={[message]} busy={false} />);
    const bubble = within(screen.getByTestId('message-user')).getByText((_, element) => element?.tagName === 'P' && element.hasAttribute('dir'));
    expect(bubble).toHaveAttribute('dir', 'rtl');
    expect(isolated(bubble)).toEqual([
      ['ltr', '+1 (555) 010-4477'],
      ['ltr', '10:00'],
    ]);
  });

  it('isolates an e-mail with digits on the handoff notice and the time on a booking card of an Arabic page', () => {
    inArabic(
      <>
        <HandoffNotice handoff={{ reason: 'asked', email: 'sam.2026@acme.example' }} />
        <BookingCard booking={{ id: 'b1', email: 'sam@acme.example', localLabel: 'Tue 9 Dec, 10:00–10:30 (Europe/Paris)', start: '2026-12-09T09:00:00Z', ics: 'BEGIN:VCALENDAR', emailed: true }} />
      </>,
    );
    expect(isolated(screen.getByTestId('handoff-notice'))).toEqual([['ltr', 'sam.2026@acme.example']]);
    expect(screen.getByTestId('handoff-notice').textContent).toBe('سيرد أحد أعضاء فريق المبيعات على sam.2026@acme.example.');
    expect(isolated(screen.getByTestId('booking-card'))).toEqual([['ltr', 'Tue 9 Dec, 10:00–10:30 (Europe/Paris)']]);
  });
});

/** The chat API as the panel uses it: a visitor session, no history, and every message answered `reply`, streamed. */
function answerEveryMessage(reply: string) {
  global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.endsWith('/api/v1/session')) return Response.json({ token: 't', visitorId: 'v', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, { status: 201 });
    if ((init.method ?? 'GET') === 'GET') return url.endsWith('/stream') ? new Response(null, { status: 204 }) : Response.json({ error: { code: 'not_found:history', message: 'none' } }, { status: 404 });
    const frames = [
      { type: 'start', messageId: `reply-${Math.random().toString(36).slice(2)}` },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: reply },
      { type: 'text-end', id: 't1' },
      { type: 'finish' },
    ];
    const body = frames.map((frame) => `data: ${JSON.stringify(frame)}\n\n`).join('') + 'data: [DONE]\n\n';
    return new Response(body, { headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' } });
  }) as typeof fetch;
}

describe('screen readers', () => {
  it('hear a reply worded like the one before it too (the live region gets new content, not the same text again)', async () => {
    answerEveryMessage('Could you tell me your work e-mail?');
    const user = userEvent.setup();
    render(
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <I18nProvider locale="en" messages={en}>
          <ChatPanel suggestedQuestions={[]} />
        </I18nProvider>
      </SWRConfig>,
    );
    await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), { timeout: 15_000 });
    await waitFor(() => expect(screen.getByTestId('composer-input')).toBeEnabled(), { timeout: 15_000 });
    const region = screen.getByTestId('reply-announcement');
    const added: string[] = [];
    const observer = new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach((node) => added.push(node.textContent ?? ''))));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    await user.type(screen.getByTestId('composer-input'), 'Hi{Enter}');
    await waitFor(() => expect(added).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('composer-input')).toBeEnabled());
    await user.type(screen.getByTestId('composer-input'), 'Hello?{Enter}');
    await waitFor(() => expect(screen.getAllByTestId('message-assistant')).toHaveLength(2));
    await act(async () => undefined);
    observer.disconnect();
    expect(added).toEqual(['Sales rep replied: Could you tell me your work e-mail?', 'Sales rep replied: Could you tell me your work e-mail?']);
    expect(region).toHaveTextContent(/^Sales rep replied: Could you tell me your work e-mail\?$/);
  }, 30_000);
});

describe('closing the embedded chat while it speaks or listens', () => {
  const HOST = 'https://partner.example';
  const opener = { postMessage: jest.fn() };
  const closes = () => opener.postMessage.mock.calls.filter(([message]) => (message as { type?: string }).type === 'close');
  const win = window as unknown as Record<string, unknown>;
  const originalFetch = global.fetch;

  interface Server {
    sent: string[];
    tts: TtsCall[];
    reply?: { delta: (text: string) => void };
  }
  function installServer(): Server {
    const server: Server = { sent: [], tts: [] };
    global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      if (url.endsWith('/api/v1/session')) return Response.json({ token: 't', visitorId: 'v', expiresAt: '2999-01-01T00:00:00.000Z' }, { status: 201 });
      if ((init.method ?? 'GET') === 'GET') return url.endsWith('/stream') ? new Response(null, { status: 204 }) : Response.json({ error: { code: 'not_found:history', message: 'none' } }, { status: 404 });
      if (url.endsWith('/api/v1/tts')) {
        const body = JSON.parse(String(init.body)) as { text: string; language: unknown };
        const { call, response } = ttsCall(body.text, body.language, init.signal!);
        server.tts.push(call);
        return response;
      }
      if (url.endsWith('/stop')) return new Response(null, { status: 204 });
      server.sent.push((JSON.parse(String(init.body)) as { message: { parts: Array<{ text: string }> } }).message.parts[0]!.text);
      const body = pushableBody(init.signal);
      const push = (chunk: Record<string, unknown>) => body.push(`data: ${JSON.stringify(chunk)}\n\n`);
      push({ type: 'start', messageId: `reply-${server.sent.length}` });
      push({ type: 'text-start', id: 't1' });
      server.reply = { delta: (delta) => push({ type: 'text-delta', id: 't1', delta }) };
      return new Response(body.stream, { headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' } });
    }) as typeof fetch;
    return server;
  }

  async function renderEmbed() {
    render(
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <I18nProvider locale="en" messages={en}>
          <EmbedChat mode="popup" host={HOST} allowedOrigins={[HOST]} color={undefined} customization={{ voice: true }} suggestedQuestions={[]} maxChars={4000} maxRecordingSeconds={60} />
        </I18nProvider>
      </SWRConfig>,
    );
    await waitFor(() => expect(screen.getByTestId('composer-input')).toBeEnabled(), { timeout: 15_000 });
    await waitFor(() => expect(screen.getByTestId('mic-button')).toBeInTheDocument());
    return screen.getByTestId('composer-input');
  }

  beforeAll(() => Object.defineProperty(window, 'opener', { value: opener, configurable: true }));
  beforeEach(() => {
    window.localStorage.clear();
    window.localStorage.setItem(CONVERSATION_ID_KEY, '7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b');
    window.localStorage.setItem('sales-agent:mic-consent', '1');
    opener.postMessage.mockClear();
    FakeAudioContext.instances = [];
    FakeRecognition.instances = [];
    win.AudioContext = FakeAudioContext;
    win.SpeechRecognition = FakeRecognition;
  });
  afterEach(() => {
    global.fetch = originalFetch;
    for (const name of ['AudioContext', 'SpeechRecognition']) delete win[name];
  });

  it('Esc stops listening without sending what was heard (not while an input method is composing)', async () => {
    const server = installServer();
    const user = userEvent.setup();
    const input = await renderEmbed();
    await user.click(screen.getByTestId('mic-button'));
    const recognition = FakeRecognition.last;
    expect(recognition.started).toBe(true);
    act(() => recognition.emit([{ text: 'my e-mail is sam at acme', final: false }]));
    expect(input).toHaveValue('my e-mail is sam at acme');

    // Esc that ends an input method's composition is the input method's.
    fireEvent.keyDown(input, { key: 'Escape', isComposing: true });
    expect(closes()).toHaveLength(0);
    expect(recognition.aborted).toBe(false);

    fireEvent.keyDown(input, { key: 'Escape' });
    expect(closes()).toHaveLength(1);
    expect(recognition.aborted).toBe(true);
    expect(screen.getByTestId('mic-button')).toHaveAttribute('aria-pressed', 'false');
    expect(input).toHaveValue('');
    // The recognition's own end, after the chat was hidden, sends nothing.
    act(() => recognition.finish());
    await act(async () => undefined);
    expect(server.sent).toEqual([]);
  }, 30_000);

  it('its close button stops the spoken reply at once', async () => {
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    const server = installServer();
    const user = userEvent.setup();
    const input = await renderEmbed();
    await user.type(input, 'Hi{Enter}');
    await waitFor(() => expect(server.reply).toBeDefined());
    act(() => server.reply!.delta('Hello there. And'));
    await waitFor(() => expect(server.tts).toHaveLength(1));
    act(() => {
      server.tts[0]!.format();
      server.tts[0]!.audio(0, pcmChunk(5));
    });
    await waitFor(() => expect(screen.getByTestId('voice-toggle')).toHaveAttribute('data-active-sources', '1'));
    await user.click(screen.getByTestId('embed-close'));
    expect(closes()).toHaveLength(1);
    const audio = FakeAudioContext.instances.at(-1)!;
    expect(audio.sources[0]!.stopped).toBe(true);
    expect(server.tts[0]!.signal.aborted).toBe(true);
  }, 30_000);
});
