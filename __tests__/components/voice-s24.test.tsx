// A prospect using voice, in jsdom with the Web Speech and Web Audio APIs stubbed: barge-in (speaking over the agent,
// Stop, muting, a new reply), recognition (interim vs final, no speech, permission denied) in the page's language, the
// mic button's name and state in all five languages, keyboard use, and an embed with voice off.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { SWRConfig } from 'swr';
import { ChatPanel } from '@/components/chat/chat-panel-view';
import { CONVERSATION_ID_KEY } from '@/components/chat/use-conversation-id';
import { useVoiceConversation, VOICE_PREFERENCE_KEY } from '@/components/voice/use-voice-conversation';
import { VoiceControls, VoiceStatus } from '@/components/voice/voice-controls';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { clientMessagesFor, translate, type Locale } from '@/lib/i18n';
import { I18nProvider } from '@/lib/i18n/provider';
import { FakeAudioContext, FakeRecognition, FakeUtterance, fakeSynthesis, pcmChunk, ttsCall, type TtsCall } from '../support/voice-fakes';
import { pushableBody } from '../support/pushable-body';

const SESSION = { token: 'v1.visitor.s24', visitorId: 'visitor', expiresAt: '2999-01-01T00:00:00.000Z' };
const LOCALES: Locale[] = ['en', 'es', 'fr', 'de', 'ar'];

type Status = 'submitted' | 'streaming' | 'ready' | 'error';
type Turn = { messages: SalesUIMessage[]; status: Status };

const text = (id: string, role: 'user' | 'assistant', body: string) => ({ id, role, parts: [{ type: 'text', text: body }] }) as unknown as SalesUIMessage;

/** The test's handle on the harness's state (set from an effect, not during render). */
const chat: { setTurn: (turn: Turn) => void } = { setTurn: () => undefined };
const setTurn = (turn: Turn) => chat.setTurn(turn);
const transcripts: string[] = [];

/** The voice layer of a conversation on its own: the test plays the chat (messages and status) by hand. */
function Harness({ locale, initial }: { locale: Locale; initial: Turn }) {
  const [turn, update] = useState(initial);
  useEffect(() => {
    chat.setTurn = update;
  }, []);
  const voice = useVoiceConversation({ locale, messages: turn.messages, status: turn.status, onTranscript: (said) => transcripts.push(said) });
  return (
    <div>
      <ol data-testid="transcript">
        {turn.messages.map((message) => (
          <li key={message.id}>{message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('')}</li>
        ))}
      </ol>
      <div data-testid="interim">{voice.interim ?? ''}</div>
      <VoiceControls {...voice.controls} />
      <VoiceStatus inputState={voice.inputState} notice={voice.notice} />
    </div>
  );
}

function renderHarness(locale: Locale = 'en', initial: Turn = { messages: [], status: 'ready' }) {
  return render(
    <I18nProvider locale={locale} messages={clientMessagesFor(locale)}>
      <Harness locale={locale} initial={initial} />
    </I18nProvider>,
  );
}

interface Server {
  tts: TtsCall[];
  requests: string[];
}

function installServer(): Server {
  const server: Server = { tts: [], requests: [] };
  global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    server.requests.push(url);
    if (url.endsWith('/api/v1/session')) return Response.json(SESSION, { status: 201 });
    if (url.endsWith('/api/v1/tts')) {
      const body = JSON.parse(String(init.body)) as { text: string; language: unknown };
      const { call, response } = ttsCall(body.text, body.language, init.signal!);
      server.tts.push(call);
      return response;
    }
    return Response.json({ error: { code: 'not_found:test', message: 'not here' } }, { status: 404 });
  }) as typeof fetch;
  return server;
}

const toggle = () => screen.getByTestId('voice-toggle');
const mic = () => screen.getByTestId('mic-button');
const audio = () => FakeAudioContext.instances.at(-1)!;

/** Streams `reply` as the assistant's answer to `question`, ending it. */
function answer(question: string, reply: string, id = 'a1') {
  const user = text(`u-${id}`, 'user', question);
  act(() => setTurn({ messages: [user], status: 'submitted' }));
  act(() => setTurn({ messages: [user, text(id, 'assistant', reply)], status: 'streaming' }));
  act(() => setTurn({ messages: [user, text(id, 'assistant', reply)], status: 'ready' }));
}

type Globals = Record<string, unknown>;
const win = window as unknown as Globals;
const originalFetch = global.fetch;

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem('sales-agent:mic-consent', '1');
  transcripts.length = 0;
  FakeAudioContext.instances = [];
  FakeRecognition.instances = [];
  win.AudioContext = FakeAudioContext;
  win.SpeechRecognition = FakeRecognition;
  win.speechSynthesis = fakeSynthesis();
  win.SpeechSynthesisUtterance = FakeUtterance;
});

afterEach(() => {
  global.fetch = originalFetch;
  for (const name of ['AudioContext', 'SpeechRecognition', 'webkitSpeechRecognition', 'speechSynthesis', 'SpeechSynthesisUtterance', 'MediaRecorder']) delete win[name];
});

describe('barge-in: the prospect talks over the agent', () => {
  async function speakingReply(server: Server) {
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    renderHarness();
    answer('What does Growth cost?', 'Growth is $1,960 per year. It includes SSO. Shall I book a demo?');
    await waitFor(() => expect(server.tts.map((call) => call.text)).toEqual(['Growth is $1,960 per year.', 'It includes SSO.']));
    act(() => {
      server.tts[0]!.format();
      server.tts[0]!.audio(0, pcmChunk(7));
      server.tts[0]!.audio(1, pcmChunk(8));
    });
    await waitFor(() => expect(toggle()).toHaveAttribute('data-active-sources', '2'));
    expect(toggle()).toHaveAttribute('data-player-state', 'playing');
  }

  it('speech starting stops playback at once, drops the pending audio and keeps the reply text', async () => {
    const server = installServer();
    const user = userEvent.setup();
    await speakingReply(server);
    await user.click(mic());
    // Pressing the mic already barges in; the recogniser hearing speech must too (hands-free, mic left on).
    act(() => FakeRecognition.last.onspeechstart?.());
    expect(audio().sources.every((source) => source.stopped)).toBe(true);
    expect(server.tts.every((call) => call.signal.aborted)).toBe(true);
    expect(toggle()).toHaveAttribute('data-active-sources', '0');
    // Late audio of the aborted sentence is never played, and the third sentence is never requested.
    act(() => server.tts[1]!.audio(0, pcmChunk(9)));
    expect(audio().scheduled).toHaveLength(2);
    expect(server.tts).toHaveLength(2);
    expect(screen.getByTestId('transcript')).toHaveTextContent('Growth is $1,960 per year. It includes SSO. Shall I book a demo?');
  });

  it('the Stop speaking button silences the agent; the next reply is spoken again', async () => {
    const server = installServer();
    const user = userEvent.setup();
    await speakingReply(server);
    await user.click(screen.getByRole('button', { name: 'Stop speaking' }));
    expect(audio().sources.every((source) => source.stopped)).toBe(true);
    expect(toggle()).toHaveAttribute('data-stops', '1');
    expect(screen.queryByRole('button', { name: 'Stop speaking' })).not.toBeInTheDocument();
    answer('And Pro?', 'Pro is $49 per seat.', 'a2');
    await waitFor(() => expect(server.tts.at(-1)?.text).toBe('Pro is $49 per seat.'));
  });

  it('muting (spoken replies off) stops the audio, is remembered, and the next reply makes no speech request', async () => {
    const server = installServer();
    const user = userEvent.setup();
    await speakingReply(server);
    await user.click(toggle());
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(window.localStorage.getItem(VOICE_PREFERENCE_KEY)).toBe('off');
    expect(audio().sources.every((source) => source.stopped)).toBe(true);
    const before = server.tts.length;
    answer('Thanks', 'You are welcome. Anything else?', 'a2');
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(server.tts).toHaveLength(before);
  });

  it('a new reply cancels the audio still playing from the previous one', async () => {
    const server = installServer();
    await speakingReply(server);
    const old = server.tts.slice();
    answer('Wait, and Enterprise?', 'Enterprise is custom.', 'a2');
    expect(audio().sources.filter((source) => source.startedAt !== null).every((source) => source.stopped)).toBe(true);
    expect(old.every((call) => call.signal.aborted)).toBe(true);
    await waitFor(() => expect(server.tts.at(-1)?.text).toBe('Enterprise is custom.'));
    expect(server.tts.at(-1)!.signal.aborted).toBe(false);
  });
});

describe('speech in', () => {
  it('shows interim words live and sends only the final transcript', async () => {
    installServer();
    const user = userEvent.setup();
    renderHarness();
    await user.click(mic());
    const recognition = FakeRecognition.last;
    act(() => recognition.emit([{ text: 'how much is', final: false }]));
    expect(screen.getByTestId('interim')).toHaveTextContent('how much is');
    expect(transcripts).toEqual([]);
    act(() => recognition.emit([{ text: 'How much is Growth?', final: true }]));
    act(() => recognition.finish());
    expect(transcripts).toEqual(['How much is Growth?']);
    expect(screen.getByTestId('interim')).toHaveTextContent('');
    expect(mic()).toHaveAttribute('aria-pressed', 'false');
  });

  it('nothing heard (no-speech) says so and sends nothing', async () => {
    installServer();
    const user = userEvent.setup();
    renderHarness('fr');
    await user.click(mic());
    act(() => FakeRecognition.last.fail('no-speech'));
    expect(mic()).toHaveAttribute('data-state', 'no-speech');
    expect(screen.getByRole('status')).toHaveTextContent(translate('fr', 'voice.status.noSpeech'));
    expect(transcripts).toEqual([]);
  });

  it.each(LOCALES)('%s: a blocked microphone is announced in the page language', async (locale) => {
    installServer();
    const user = userEvent.setup();
    renderHarness(locale);
    await user.click(mic());
    act(() => FakeRecognition.last.fail('not-allowed'));
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent(translate(locale, 'voice.status.denied'));
    expect(mic()).toHaveAttribute('aria-pressed', 'false');
  });

  it.each([
    ['en', 'en-US'],
    ['es', 'es-ES'],
    ['fr', 'fr-FR'],
    ['de', 'de-DE'],
    ['ar', 'ar-SA'],
  ] as const)('%s: recognition listens in %s, and the mic is a named toggle operable from the keyboard', async (locale, tag) => {
    installServer();
    const user = userEvent.setup();
    renderHarness(locale);
    const button = screen.getByRole('button', { name: translate(locale, 'voice.mic.start') });
    expect(button).toBe(mic());
    expect(button).toHaveAttribute('aria-pressed', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(FakeRecognition.last).toMatchObject({ started: true, lang: tag, interimResults: true });
    // Pressed: same name, state in aria-pressed, what a press does now in the tooltip.
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button).toHaveAccessibleName(translate(locale, 'voice.mic.start'));
    expect(button).toHaveAttribute('title', translate(locale, 'voice.mic.stop'));
    expect(screen.getByRole('status')).toHaveTextContent(translate(locale, 'voice.status.listening'));
    await user.keyboard(' ');
    expect(FakeRecognition.last.stopped).toBe(true);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    // Every locale has its own wording (not the English fallback).
    if (locale !== 'en') expect(translate(locale, 'voice.mic.start')).not.toBe(translate('en', 'voice.mic.start'));
  });
});

describe('an embed with voice off (data-voice="false")', () => {
  const SWR = { provider: () => new Map(), dedupingInterval: 0 };

  beforeAll(async () => {
    await import('@/components/chat/conversation');
  }, 30_000);

  it('shows no microphone and never requests audio, even with spoken replies remembered as on', async () => {
    window.localStorage.setItem(CONVERSATION_ID_KEY, 'conv_voice_s24');
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    const urls: string[] = [];
    global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      urls.push(url);
      if ((init.method ?? 'GET') === 'GET') return Response.json({ error: { code: 'not_found:history', message: 'none' } }, { status: 404 });
      if (url.endsWith('/api/v1/session')) return Response.json(SESSION, { status: 201 });
      if (url.endsWith('/api/v1/tts')) throw new Error('no speech may be requested');
      if (!url.endsWith('/api/v1/chat')) return new Response(null, { status: 204 });
      const chat = pushableBody(init.signal);
      const push = (chunk: Record<string, unknown>) => chat.push(`data: ${JSON.stringify(chunk)}\n\n`);
      push({ type: 'start', messageId: 'reply-embed' });
      push({ type: 'start-step' });
      push({ type: 'text-start', id: 't1' });
      push({ type: 'text-delta', id: 't1', delta: 'Growth is $1,960 per year. It includes SSO.' });
      push({ type: 'text-end', id: 't1' });
      push({ type: 'finish-step' });
      push({ type: 'finish' });
      chat.push('data: [DONE]\n\n');
      chat.close();
      return new Response(chat.stream, { status: 200, headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' } });
    }) as typeof fetch;
    const user = userEvent.setup();
    render(
      <SWRConfig value={SWR}>
        <I18nProvider locale="en">
          <ChatPanel customization={{ voice: false }} />
        </I18nProvider>
      </SWRConfig>,
    );
    await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), { timeout: 15_000 });
    const input = screen.getByTestId('composer-input');
    await waitFor(() => expect(input).toBeEnabled());
    expect(screen.queryByTestId('mic-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('voice-toggle')).not.toBeInTheDocument();
    await user.type(input, 'How much is Growth?{Enter}');
    await waitFor(() => expect(screen.getAllByText(/It includes SSO\./).length).toBeGreaterThan(0), { timeout: 5_000 });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(urls.filter((url) => url.includes('/api/v1/tts'))).toEqual([]);
    expect(FakeAudioContext.instances).toHaveLength(0);
  });
});
