import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { ChatPanel } from '@/components/chat/chat-panel-view';
import { CONVERSATION_ID_KEY } from '@/components/chat/use-conversation-id';
import { VOICE_PREFERENCE_KEY } from '@/components/voice/use-voice-conversation';
import { I18nProvider } from '@/lib/i18n/provider';
import { FakeAudioContext, FakeRecognition, FakeUtterance, fakeSynthesis, pcmChunk, ttsCall, voiceUnavailable, type TtsCall } from '../support/voice-fakes';
import { pushableBody } from '../support/pushable-body';

type Chunk = Record<string, unknown>;

/** A chat reply (AI SDK UI message stream) whose text deltas the test pushes while the UI renders them. */
function chatReply(signal?: AbortSignal | null) {
  const body = pushableBody(signal);
  const push = (chunk: Chunk) => body.push(`data: ${JSON.stringify(chunk)}\n\n`);
  push({ type: 'start', messageId: `reply-${Math.random().toString(36).slice(2)}` });
  push({ type: 'start-step' });
  push({ type: 'text-start', id: 't1' });
  return {
    response: new Response(body.stream, { status: 200, headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' } }),
    delta: (delta: string) => push({ type: 'text-delta', id: 't1', delta }),
    end() {
      push({ type: 'text-end', id: 't1' });
      push({ type: 'finish-step' });
      push({ type: 'finish' });
      body.push('data: [DONE]\n\n');
      body.close();
    },
    get closed() {
      return body.closed;
    },
  };
}

interface Upload {
  url: string;
  body: Blob;
  headers: Record<string, string>;
}

interface Server {
  chatBodies: Array<Record<string, unknown>>;
  replies: Array<ReturnType<typeof chatReply>>;
  tts: TtsCall[];
  ttsHeaders: Array<Record<string, string>>;
  transcribed: Upload[];
}

const SESSION = { token: 'v1.visitor.token', visitorId: 'visitor', expiresAt: '2999-01-01T00:00:00.000Z' };

function installServer({ tts = 'stream', transcript = 'Do you have SSO?' }: { tts?: 'stream' | 'unavailable'; transcript?: string } = {}): Server {
  const server: Server = { chatBodies: [], replies: [], tts: [], ttsHeaders: [], transcribed: [] };
  global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if ((init.method ?? 'GET') === 'GET') return Response.json({ error: { code: 'not_found:history', message: 'none' } }, { status: 404 });
    if (url.endsWith('/api/v1/session')) return Response.json(SESSION, { status: 201 });
    if (url.endsWith('/api/v1/tts')) {
      server.ttsHeaders.push(Object.fromEntries(new Headers(init.headers).entries()));
      if (tts === 'unavailable') return voiceUnavailable();
      const body = JSON.parse(String(init.body)) as { text: string; language: unknown };
      const { call, response } = ttsCall(body.text, body.language, init.signal!);
      server.tts.push(call);
      return response;
    }
    if (url.includes('/api/v1/transcribe')) {
      server.transcribed.push({ url, body: init.body as Blob, headers: Object.fromEntries(new Headers(init.headers).entries()) });
      return Response.json({ text: transcript });
    }
    // Stop tells the server to end the reply (POST …/stop); it is not a chat turn.
    if (url.endsWith('/stop')) return new Response(null, { status: 204 });
    server.chatBodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
    const reply = chatReply(init.signal);
    server.replies.push(reply);
    return reply.response;
  }) as typeof fetch;
  return server;
}

function renderPanel(locale: 'en' | 'es' = 'en') {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale={locale}>
        <ChatPanel />
      </I18nProvider>
    </SWRConfig>,
  );
}

const ENGINE_LOAD = { timeout: 15_000 };

async function readyInput(): Promise<HTMLTextAreaElement> {
  await waitFor(() => expect(screen.getByTestId('composer-input')).toBeEnabled(), ENGINE_LOAD);
  await waitFor(() => expect(screen.getByTestId('mic-button')).toBeInTheDocument());
  return screen.getByTestId('composer-input') as HTMLTextAreaElement;
}

const sentText = (body: Record<string, unknown>) => (body.message as { parts: Array<{ text?: string }> }).parts[0]?.text;
const audio = () => FakeAudioContext.instances.at(-1)!;
const toggle = () => screen.getByTestId('voice-toggle');

type Globals = Record<string, unknown>;
const win = window as unknown as Globals;
const originalFetch = global.fetch;
let synthesis: ReturnType<typeof fakeSynthesis>;

beforeAll(async () => {
  await import('@/components/chat/conversation');
}, 30_000);

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem(CONVERSATION_ID_KEY, 'conv_voice_0001');
  // Agreed to the microphone already (the consent dialog has its own test in voice-consent.test.tsx).
  window.localStorage.setItem('sales-agent:mic-consent', '1');
  FakeAudioContext.instances = [];
  FakeRecognition.instances = [];
  synthesis = fakeSynthesis();
  win.AudioContext = FakeAudioContext;
  win.SpeechRecognition = FakeRecognition;
  win.speechSynthesis = synthesis;
  win.SpeechSynthesisUtterance = FakeUtterance;
});

afterEach(() => {
  global.fetch = originalFetch;
  for (const name of ['AudioContext', 'SpeechRecognition', 'webkitSpeechRecognition', 'speechSynthesis', 'SpeechSynthesisUtterance', 'MediaRecorder']) delete win[name];
  Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
});

describe('spoken replies', () => {
  it('speaks the first sentence while the reply is still streaming, gaplessly, and exposes the audio graph on the toggle', async () => {
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    const server = installServer();
    const user = userEvent.setup();
    renderPanel();
    const input = await readyInput();
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');

    await user.type(input, 'How much is Pro?{Enter}');
    await waitFor(() => expect(server.replies).toHaveLength(1));
    const reply = server.replies[0]!;
    act(() => reply.delta('Pro costs **$1,299.00** per year. It'));
    // The first sentence is requested as soon as it is complete, while the reply is still being written.
    await waitFor(() => expect(server.tts.map((call) => call.text)).toEqual(['Pro costs $1,299.00 per year.']));
    expect(reply.closed).toBe(false);
    expect(server.tts[0]!.language).toBe('en');
    expect(server.ttsHeaders[0]).toMatchObject({ authorization: `Bearer ${SESSION.token}`, 'content-type': 'application/json' });

    act(() => {
      server.tts[0]!.format();
      server.tts[0]!.audio(0, pcmChunk(100));
      server.tts[0]!.audio(1, pcmChunk(101));
    });
    await waitFor(() => expect(toggle()).toHaveAttribute('data-scheduled-buffers', '2'));
    expect(toggle()).toHaveAttribute('data-player-state', 'playing');
    expect(toggle()).toHaveAttribute('data-scheduled-seconds', '0.020');
    expect(reply.closed).toBe(false);

    act(() => {
      reply.delta(' includes SSO and e.g. SAML');
      reply.end();
    });
    await waitFor(() => expect(server.tts.map((call) => call.text)).toEqual(['Pro costs $1,299.00 per year.', 'It includes SSO and e.g. SAML']));
    act(() => {
      server.tts[0]!.done();
      server.tts[1]!.format();
      server.tts[1]!.audio(0, pcmChunk(200));
      server.tts[1]!.done();
    });
    await waitFor(() => expect(toggle()).toHaveAttribute('data-scheduled-buffers', '3'));
    const scheduled = audio().scheduled;
    expect(scheduled.map((entry) => Math.round(entry.first * 32768))).toEqual([100, 101, 200]);
    expect(scheduled[1]!.at).toBeCloseTo(scheduled[0]!.at + scheduled[0]!.duration, 9);
    expect(scheduled[2]!.at).toBeCloseTo(scheduled[1]!.at + scheduled[1]!.duration, 9);
  });

  it('stops speaking at once when the prospect types (barge-in), aborting pending speech requests', async () => {
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    const server = installServer();
    const user = userEvent.setup();
    renderPanel();
    const input = await readyInput();
    await user.type(input, 'Hi{Enter}');
    await waitFor(() => expect(server.replies).toHaveLength(1));
    act(() => server.replies[0]!.delta('Hello there. How can I help? Ask'));
    await waitFor(() => expect(server.tts).toHaveLength(2));
    act(() => {
      server.tts[0]!.format();
      server.tts[0]!.audio(0, pcmChunk(5));
    });
    await waitFor(() => expect(toggle()).toHaveAttribute('data-active-sources', '1'));

    await user.type(input, 'W');
    expect(audio().sources.every((source) => source.stopped)).toBe(true);
    expect(server.tts.every((call) => call.signal.aborted)).toBe(true);
    await waitFor(() => expect(toggle()).toHaveAttribute('data-active-sources', '0'));
    expect(toggle()).toHaveAttribute('data-stops', '1');
    expect(toggle()).toHaveAttribute('data-player-state', 'idle');

    // The rest of that reply is not spoken.
    act(() => {
      server.replies[0]!.delta(' me anything. More text.');
      server.replies[0]!.end();
    });
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('More text.'));
    expect(server.tts).toHaveLength(2);
  });

  it('stops speaking when the prospect presses Stop', async () => {
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    const server = installServer();
    const user = userEvent.setup();
    renderPanel();
    const input = await readyInput();
    await user.type(input, 'Hi{Enter}');
    await waitFor(() => expect(server.replies).toHaveLength(1));
    act(() => server.replies[0]!.delta('Hello there. And'));
    await waitFor(() => expect(server.tts).toHaveLength(1));
    act(() => {
      server.tts[0]!.format();
      server.tts[0]!.audio(0, pcmChunk(5));
    });
    await waitFor(() => expect(toggle()).toHaveAttribute('data-active-sources', '1'));
    await user.click(screen.getByTestId('stop-button'));
    expect(audio().sources[0]!.stopped).toBe(true);
    expect(server.tts[0]!.signal.aborted).toBe(true);
  });

  it('remembers the voice toggle in localStorage, and does not speak when it is off', async () => {
    const server = installServer();
    const user = userEvent.setup();
    const view = renderPanel();
    const input = await readyInput();
    expect(toggle()).toHaveAccessibleName('Spoken replies');
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');

    await user.click(toggle());
    expect(window.localStorage.getItem(VOICE_PREFERENCE_KEY)).toBe('on');
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle());
    expect(window.localStorage.getItem(VOICE_PREFERENCE_KEY)).toBe('off');
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');

    await user.type(input, 'Hi{Enter}');
    await waitFor(() => expect(server.replies).toHaveLength(1));
    act(() => {
      server.replies[0]!.delta('Hello there. Bye now.');
      server.replies[0]!.end();
    });
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('Bye now.'));
    expect(server.tts).toHaveLength(0);

    view.unmount();
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    renderPanel();
    await readyInput();
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
  });

  it('falls back to speechSynthesis in the UI language when the server has no speech provider', async () => {
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    const server = installServer({ tts: 'unavailable' });
    const user = userEvent.setup();
    renderPanel('es');
    const input = await readyInput();
    await user.type(input, 'Hola{Enter}');
    await waitFor(() => expect(server.replies).toHaveLength(1));
    act(() => {
      server.replies[0]!.delta('¡Hola! ¿En qué te ayudo?');
      server.replies[0]!.end();
    });
    await waitFor(() => expect(synthesis.spoken).toHaveLength(2));
    expect(synthesis.spoken.map((utterance) => [utterance.text, utterance.lang])).toEqual([
      ['¡Hola!', 'es-ES'],
      ['¿En qué te ayudo?', 'es-ES'],
    ]);
    // And when the browser cannot speak either: a text notice, nothing spinning.
    act(() => synthesis.spoken[0]!.onerror?.({ error: 'synthesis-failed' }));
    await waitFor(() => expect(screen.getByTestId('voice-status')).toHaveTextContent('Las respuestas habladas no están disponibles ahora'));
  });
});

describe('speech input', () => {
  it('shows interim words in the composer and sends the final transcript; speaking turns spoken replies on', async () => {
    const server = installServer();
    const user = userEvent.setup();
    renderPanel();
    const input = await readyInput();
    const mic = screen.getByTestId('mic-button');
    expect(mic).toHaveAccessibleName('Speak your question');
    expect(mic).toHaveAttribute('aria-pressed', 'false');

    await user.click(mic);
    const recognition = FakeRecognition.last;
    expect(recognition).toMatchObject({ started: true, lang: 'en-US', interimResults: true, continuous: false });
    expect(mic).toHaveAttribute('aria-pressed', 'true');
    // The toggle keeps its name; aria-pressed carries the state and the tooltip says what a press does now.
    expect(mic).toHaveAccessibleName('Speak your question');
    expect(mic).toHaveAttribute('title', 'Stop listening and send');
    expect(screen.getByTestId('voice-status')).toHaveTextContent('Listening');

    act(() => recognition.emit([{ text: 'how much', final: false }]));
    expect(input).toHaveValue('how much');
    expect(input).toHaveAttribute('readonly');
    act(() => recognition.emit([{ text: 'How much is Pro', final: true }]));
    act(() => recognition.finish());

    await waitFor(() => expect(server.chatBodies).toHaveLength(1));
    expect(sentText(server.chatBodies[0]!)).toBe('How much is Pro');
    expect(input).toHaveValue('');
    expect(input).not.toHaveAttribute('readonly');
    expect(mic).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('voice-status')).toHaveTextContent('');

    // Asked by voice, with no saved preference: the answer is spoken (but the choice is not saved).
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
    expect(window.localStorage.getItem(VOICE_PREFERENCE_KEY)).toBeNull();
    act(() => server.replies[0]!.delta('Pro is $12. Per seat.'));
    await waitFor(() => expect(server.tts.map((call) => call.text)).toEqual(['Pro is $12.']));
  });

  it('speaking over a streaming reply ends it and sends the new question', async () => {
    const server = installServer();
    const user = userEvent.setup();
    renderPanel();
    const input = await readyInput();
    await user.type(input, 'Hi{Enter}');
    await waitFor(() => expect(server.replies).toHaveLength(1));
    act(() => server.replies[0]!.delta('Hello there, let me tell you about'));
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('let me tell you about'));

    await user.click(screen.getByTestId('mic-button'));
    act(() => FakeRecognition.last.emit([{ text: 'Actually, what about SSO?', final: true }]));
    act(() => FakeRecognition.last.finish());
    await waitFor(() => expect(server.chatBodies).toHaveLength(2));
    expect(server.replies[0]!.closed).toBe(true);
    expect(sentText(server.chatBodies[1]!)).toBe('Actually, what about SSO?');
    act(() => {
      server.replies[1]!.delta('Yes, SSO is included.');
      server.replies[1]!.end();
    });
    await waitFor(() => expect(screen.getAllByTestId('message-assistant').at(-1)).toHaveTextContent('SSO is included.'));
  });

  it('uses the UI locale for recognition', async () => {
    installServer();
    const user = userEvent.setup();
    renderPanel('es');
    await readyInput();
    expect(screen.getByTestId('mic-button')).toHaveAccessibleName('Haga su pregunta hablando');
    await user.click(screen.getByTestId('mic-button'));
    expect(FakeRecognition.last.lang).toBe('es-ES');
  });

  it('stops the agent speaking when the prospect starts to speak', async () => {
    window.localStorage.setItem(VOICE_PREFERENCE_KEY, 'on');
    const server = installServer();
    const user = userEvent.setup();
    renderPanel();
    const input = await readyInput();
    await user.type(input, 'Hi{Enter}');
    await waitFor(() => expect(server.replies).toHaveLength(1));
    act(() => {
      server.replies[0]!.delta('Hello there. Next.');
      server.replies[0]!.end();
    });
    await waitFor(() => expect(server.tts).toHaveLength(2));
    act(() => {
      server.tts[0]!.format();
      server.tts[0]!.audio(0, pcmChunk(5));
    });
    await waitFor(() => expect(toggle()).toHaveAttribute('data-active-sources', '1'));
    await user.click(screen.getByTestId('mic-button'));
    expect(audio().sources[0]!.stopped).toBe(true);
    expect(server.tts.every((call) => call.signal.aborted)).toBe(true);
    expect(toggle()).toHaveAttribute('data-stops', '1');
  });

  it.each([
    ['not-allowed', 'denied', 'Microphone access is blocked'],
    ['audio-capture', 'no-microphone', 'No microphone was found'],
    ['no-speech', 'no-speech', "We didn't catch that"],
  ])('recognition error %s → state %s with a clear message', async (error, state, message) => {
    const server = installServer();
    const user = userEvent.setup();
    renderPanel();
    await readyInput();
    await user.click(screen.getByTestId('mic-button'));
    act(() => FakeRecognition.last.fail(error));
    expect(screen.getByTestId('mic-button')).toHaveAttribute('data-state', state);
    expect(screen.getByTestId('mic-button')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('voice-status')).toHaveTextContent(message);
    expect(server.chatBodies).toHaveLength(0);
  });

  it('says so when the browser has neither speech recognition nor MediaRecorder', async () => {
    delete win.SpeechRecognition;
    installServer();
    const user = userEvent.setup();
    renderPanel();
    await readyInput();
    await user.click(screen.getByTestId('mic-button'));
    expect(screen.getByTestId('mic-button')).toHaveAttribute('data-state', 'unsupported');
    expect(screen.getByTestId('voice-status')).toHaveTextContent('This browser cannot record speech');
  });

  it('falls back to recording and server transcription when recognition fails with network (or is missing)', async () => {
    const recorders: FakeRecorder[] = [];
    const tracks = [{ stopped: false, stop() { this.stopped = true; } }];
    class FakeRecorder {
      static isTypeSupported = (type: string) => type === 'audio/mp4';
      state: 'inactive' | 'recording' = 'inactive';
      ondataavailable: ((event: { data: Blob }) => void) | null = null;
      onstop: (() => void) | null = null;
      constructor(
        readonly stream: unknown,
        readonly options?: { mimeType?: string },
      ) {
        recorders.push(this);
      }
      get mimeType() {
        return this.options?.mimeType ?? '';
      }
      start() {
        this.state = 'recording';
      }
      stop() {
        this.state = 'inactive';
        this.ondataavailable?.({ data: new Blob(['fake audio'], { type: this.mimeType }) });
        this.onstop?.();
      }
    }
    win.MediaRecorder = FakeRecorder;
    const getUserMedia = jest.fn(async () => ({ getTracks: () => tracks }));
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
    const server = installServer({ transcript: 'Do you have SSO?' });
    const user = userEvent.setup();
    renderPanel();
    await readyInput();

    const mic = screen.getByTestId('mic-button');
    await user.click(mic);
    act(() => FakeRecognition.last.fail('network'));
    await waitFor(() => expect(mic).toHaveAttribute('data-state', 'recording'));
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(recorders[0]!.mimeType).toBe('audio/mp4');
    expect(mic).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('voice-status')).toHaveTextContent('Recording');

    await user.click(mic);
    await waitFor(() => expect(server.chatBodies).toHaveLength(1));
    expect(sentText(server.chatBodies[0]!)).toBe('Do you have SSO?');
    // The raw recording with its type, the language in the query and the visitor's token.
    const upload = server.transcribed[0]!;
    expect(upload.url).toBe('/api/v1/transcribe?language=en');
    expect(upload.body).toBeInstanceOf(Blob);
    expect(upload.body.type).toBe('audio/mp4');
    expect(upload.headers).toMatchObject({ 'content-type': 'audio/mp4', authorization: `Bearer ${SESSION.token}` });
    expect(tracks[0]!.stopped).toBe(true);
    expect(mic).toHaveAttribute('data-state', 'idle');

    // Recognition stays broken for this page: the next press records straight away.
    const before = FakeRecognition.instances.length;
    await user.click(mic);
    await waitFor(() => expect(recorders).toHaveLength(2));
    expect(FakeRecognition.instances).toHaveLength(before);
  });

  it('maps a blocked microphone in the recorder fallback to the permission message', async () => {
    delete win.SpeechRecognition;
    win.MediaRecorder = class {
      static isTypeSupported = () => true;
    };
    const denied = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: jest.fn(async () => Promise.reject(denied)) }, configurable: true });
    installServer();
    const user = userEvent.setup();
    renderPanel();
    await readyInput();
    await user.click(screen.getByTestId('mic-button'));
    await waitFor(() => expect(screen.getByTestId('mic-button')).toHaveAttribute('data-state', 'denied'));
    expect(screen.getByTestId('voice-status')).toHaveTextContent('Microphone access is blocked');
  });
});
