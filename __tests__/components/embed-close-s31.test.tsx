// Session 31: the host page closing the chat (its launcher, Esc on the page, SalesAgent.close()) only hid the frame, and
// a spoken reply and an open microphone went on in the hidden frame. The loader now posts `{ type: 'hidden' }`
// (__tests__/unit/embed-close-s31.test.ts); here the /embed page's client part with the real chat engine and voice
// (Web Speech and Web Audio stubbed as in voice-s24) stops both on it, sends nothing, keeps the typed draft and the
// conversation, and ignores the message from another origin or window, or without the protocol mark. The stand-in
// host window is an opener (popup mode), since jsdom has no parent frame; the chat treats the command the same way.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { EmbedChat } from '@/components/embed/embed-chat';
import { CONVERSATION_ID_KEY } from '@/components/chat/use-conversation-id';
import { VOICE_PREFERENCE_KEY } from '@/components/voice/use-voice-conversation';
import { MIC_CONSENT_KEY } from '@/components/voice/voice-controls';
import { I18nProvider } from '@/lib/i18n/provider';
import { FakeAudioContext, FakeRecognition, FakeUtterance, fakeSynthesis, pcmChunk, settle, ttsCall, type TtsCall } from '../support/voice-fakes';

const HOST = 'https://partner.example';
const ENGINE_LOAD = { timeout: 15_000 };
const REPLY = 'Growth is $1,960 per year. It includes SSO.';

const encoder = new TextEncoder();
function reply(text: string): Response {
  const frames = [
    { type: 'start', messageId: 'reply-s31' },
    { type: 'start-step' },
    { type: 'text-start', id: 't1' },
    { type: 'text-delta', id: 't1', delta: text },
    { type: 'text-end', id: 't1' },
    { type: 'finish-step' },
    { type: 'finish' },
  ];
  const body = frames.map((frame) => `data: ${JSON.stringify(frame)}\n\n`).join('') + 'data: [DONE]\n\n';
  return new Response(encoder.encode(body), { headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' } });
}

interface Server {
  chat: string[];
  tts: TtsCall[];
}

function installServer(): Server {
  const server: Server = { chat: [], tts: [] };
  global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.endsWith('/api/v1/session')) {
      return Response.json({ token: 'v1.embed.token', visitorId: 'visitor', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, { status: 201 });
    }
    if (url.endsWith('/api/v1/tts')) {
      const body = JSON.parse(String(init.body)) as { text: string; language: unknown };
      const { call, response } = ttsCall(body.text, body.language, init.signal!);
      server.tts.push(call);
      return response;
    }
    if (url.endsWith('/stream')) return new Response(null, { status: 204 });
    if ((init.method ?? 'GET') === 'GET') return Response.json({ error: { code: 'not_found:history', message: 'None.' } }, { status: 404 });
    if (!url.endsWith('/api/v1/chat')) return new Response(null, { status: 204 });
    const body = JSON.parse(String(init.body)) as { message: { parts: Array<{ text: string }> } };
    server.chat.push(body.message.parts[0]?.text ?? '');
    return reply(REPLY);
  }) as typeof fetch;
  return server;
}

const opener = { postMessage: jest.fn() };
const posted = () => opener.postMessage.mock.calls.map(([message]) => message as { type: string });
const fromHost = (data: unknown, origin = HOST, source: unknown = opener) =>
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window }));
  });

type Globals = Record<string, unknown>;
const win = window as unknown as Globals;
const originalFetch = global.fetch;

beforeAll(async () => {
  await import('@/components/chat/conversation');
  Object.defineProperty(window, 'opener', { value: opener, configurable: true });
}, 30_000);

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem(CONVERSATION_ID_KEY, '7a1c7a2e-8b3f-4e6a-9c0d-2f4b6a8e1c31');
  window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
  window.localStorage.setItem(MIC_CONSENT_KEY, '1');
  opener.postMessage.mockClear();
  FakeAudioContext.instances = [];
  FakeRecognition.instances = [];
  win.AudioContext = FakeAudioContext;
  win.SpeechRecognition = FakeRecognition;
  win.speechSynthesis = fakeSynthesis();
  win.SpeechSynthesisUtterance = FakeUtterance;
});

afterEach(() => {
  global.fetch = originalFetch;
  for (const name of ['AudioContext', 'SpeechRecognition', 'speechSynthesis', 'SpeechSynthesisUtterance']) delete win[name];
});

describe('the embed hidden by its host page', () => {
  it('stops the spoken reply and the microphone, sends nothing, and keeps the draft and the conversation', async () => {
    const server = installServer();
    render(
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <I18nProvider locale="en">
          <EmbedChat
            mode="popup"
            host={HOST}
            allowedOrigins={[HOST]}
            color={undefined}
            customization={{ agentName: 'Ava', voice: true }}
            suggestedQuestions={[]}
            maxChars={4000}
            maxRecordingSeconds={60}
          />
        </I18nProvider>
      </SWRConfig>,
    );
    const input = await screen.findByTestId('composer-input');
    await waitFor(() => expect(input).toBeEnabled(), ENGINE_LOAD);
    await waitFor(() => expect(posted()).toContainEqual({ sa: 'v1', type: 'ready' }));

    // The visitor has typed half a question and turned the microphone on; the host page asked a question, whose answer
    // is being spoken while the microphone listens (hands-free).
    fireEvent.change(input, { target: { value: 'And for 40 seats' } });
    fireEvent.click(screen.getByTestId('mic-button'));
    const recognition = FakeRecognition.last;
    expect(recognition.started).toBe(true);
    act(() => recognition.emit([{ text: 'what about', final: false }]));
    fromHost({ sa: 'v1', type: 'send', text: 'What does Growth cost?' });
    await waitFor(() => expect(server.tts.map((call) => call.text)).toEqual(['Growth is $1,960 per year.', 'It includes SSO.']), ENGINE_LOAD);
    act(() => {
      server.tts[0]!.format();
      server.tts[0]!.audio(0, pcmChunk(7));
    });
    const toggle = screen.getByTestId('voice-toggle');
    await waitFor(() => expect(toggle).toHaveAttribute('data-player-state', 'playing'));
    const audio = FakeAudioContext.instances.at(-1)!;
    expect(audio.sources.some((source) => source.startedAt !== null && !source.stopped)).toBe(true);

    // Not from the host: from another origin, from another window, without the protocol mark, or malformed.
    fromHost({ sa: 'v1', type: 'hidden' }, 'https://evil.example');
    fromHost({ sa: 'v1', type: 'hidden' }, HOST, window);
    fromHost({ type: 'hidden' });
    fromHost('hidden');
    fromHost({ sa: 'v1', type: 'hide' });
    await settle();
    expect(toggle).toHaveAttribute('data-player-state', 'playing');
    expect(audio.sources.every((source) => !source.stopped)).toBe(true);
    expect(server.tts.every((call) => !call.signal.aborted)).toBe(true);
    expect(recognition.aborted).toBe(false);
    expect(screen.getByTestId('mic-button')).toHaveAttribute('aria-pressed', 'true');

    fromHost({ sa: 'v1', type: 'hidden' });
    expect(audio.sources.filter((source) => source.startedAt !== null).every((source) => source.stopped)).toBe(true);
    expect(server.tts.every((call) => call.signal.aborted)).toBe(true);
    expect(toggle).toHaveAttribute('data-active-sources', '0');
    expect(recognition.aborted).toBe(true);
    expect(screen.getByTestId('mic-button')).toHaveAttribute('aria-pressed', 'false');
    // What the microphone heard is dropped, not sent; late audio of the stopped reply is never played.
    act(() => recognition.emit([{ text: 'what about Enterprise', final: true }]));
    act(() => recognition.finish());
    act(() => server.tts[1]!.audio(0, pcmChunk(9)));
    await settle();
    expect(audio.scheduled).toHaveLength(1);
    expect(server.chat).toEqual(['What does Growth cost?']);
    expect(input).toHaveValue('And for 40 seats');
    expect(screen.getAllByText(REPLY).length).toBeGreaterThan(0);
    // The host hid the frame itself: the chat does not ask it to close again.
    expect(posted().filter((message) => message.type === 'close')).toEqual([]);
  });
});
