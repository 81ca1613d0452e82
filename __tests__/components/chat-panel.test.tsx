import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SWRConfig } from 'swr';
import { ChatPanel as LazilyHydratedPanel } from '@/components/chat/chat-panel';
import { ChatPanel } from '@/components/chat/chat-panel-view';
import { CONVERSATION_ID_KEY } from '@/components/chat/use-conversation-id';
import type { SalesUIMessage } from '@/lib/chat/messages';
import { CONVERSATION_ID_PATTERN } from '@/lib/chat/messages';
import { I18nProvider } from '@/lib/i18n/provider';

const CONVERSATION_ID = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c2b71';
const QUESTIONS = ['How much is the Pro plan?', 'Do you offer a free trial?'];

type Chunk = Record<string, unknown>;

/** A UI message stream response whose frames the test pushes one by one (or all at once). */
function sseResponse() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = new Response(stream, {
    status: 200,
    headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
  });
  return {
    response,
    push(chunk: Chunk) {
      if (!cancelled) controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`));
    },
    end() {
      if (cancelled) return;
      controller.enqueue(encoder.encode('data: [DONE]\n\n'));
      controller.close();
    },
    abort() {
      if (!cancelled) controller.error(new DOMException('The operation was aborted.', 'AbortError'));
      cancelled = true;
    },
  };
}

function replyFrames(deltas: string[], extra: Chunk[] = []): Chunk[] {
  return [
    { type: 'start', messageId: `reply-${Math.random().toString(36).slice(2)}` },
    { type: 'start-step' },
    { type: 'text-start', id: 't1' },
    ...deltas.map((delta) => ({ type: 'text-delta', id: 't1', delta })),
    { type: 'text-end', id: 't1' },
    ...extra,
    { type: 'finish-step' },
    { type: 'finish' },
  ];
}

/** A complete streamed reply. */
function streamedReply(deltas: string[], extra: Chunk[] = []): Response {
  const sse = sseResponse();
  for (const frame of replyFrames(deltas, extra)) sse.push(frame);
  sse.end();
  return sse.response;
}

interface FakeServer {
  posts: Array<{ url: string; body: Record<string, unknown>; authorization: string | null }>;
  gets: string[];
  /** GET {id}/stream: resume requests (answered 204: nothing in flight). */
  resumes: string[];
  /** POST {id}/stop. */
  stops: Array<{ url: string; authorization: string | null }>;
  sessions: number;
}

/**
 * Routes fetch like the real API: GET /api/v1/chat/{id} answers `history` for CONVERSATION_ID (else 404), POST /api/v1/chat answers
 * whatever `reply` returns for that call.
 */
function installServer({
  history,
  reply,
}: {
  history: SalesUIMessage[] | null;
  reply: (call: number, init: RequestInit) => Response | Promise<Response>;
}): FakeServer {
  const server: FakeServer = { posts: [], gets: [], resumes: [], stops: [], sessions: 0 };
  global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    if (url.endsWith('/api/v1/session')) {
      server.sessions += 1;
      return Response.json({ token: 'v1.visitor.token', visitorId: 'visitor', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, { status: 201 });
    }
    const authorization = new Headers(init.headers).get('authorization');
    if (authorization !== 'Bearer v1.visitor.token') {
      return Response.json({ error: { code: 'unauthorized:session', message: 'Start a visitor session first.' } }, { status: 401 });
    }
    if (url.endsWith('/stream')) {
      server.resumes.push(url);
      return new Response(null, { status: 204 });
    }
    if (url.endsWith('/stop')) {
      server.stops.push({ url, authorization });
      return new Response(null, { status: 204 });
    }
    if ((init.method ?? 'GET') === 'GET') {
      server.gets.push(url);
      if (history === null || !url.endsWith(`/${CONVERSATION_ID}`)) {
        return Response.json({ error: { code: 'not_found:history', message: 'No such conversation.' } }, { status: 404 });
      }
      return Response.json({ id: CONVERSATION_ID, messages: history });
    }
    server.posts.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown>, authorization });
    return reply(server.posts.length, init);
  }) as typeof fetch;
  return server;
}

function renderPanel() {
  return render(
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <I18nProvider locale="en">
        <ChatPanel suggestedQuestions={QUESTIONS} />
      </I18nProvider>
    </SWRConfig>,
  );
}

// The first lazy import of the chat engine compiles the AI SDK under Jest: seconds on a loaded 2-core machine.
const ENGINE_LOAD = { timeout: 15_000 };

/** The composer once the lazily loaded chat engine has replaced the inert first-paint shell. */
async function readyInput(): Promise<HTMLElement> {
  // The loading shell takes typing too (see 'is usable while its engine loads'); these tests want the engine itself.
  await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), ENGINE_LOAD);
  await waitFor(() => expect(screen.getByTestId('composer-input')).toBeEnabled(), ENGINE_LOAD);
  return screen.getByTestId('composer-input');
}

/** The suggested-question chips once they can be used (engine loaded, history known to be empty). */
async function readyChips(): Promise<HTMLElement[]> {
  await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), ENGINE_LOAD);
  await waitFor(() => expect(screen.getAllByTestId('suggested-question')[0]).toBeEnabled(), ENGINE_LOAD);
  return screen.getAllByTestId('suggested-question');
}

// Compile and load the lazily imported chat engine once, up front, so no test's timing depends on it.
beforeAll(async () => {
  await import('@/components/chat/conversation');
}, 30_000);

const originalFetch = global.fetch;

beforeEach(() => {
  window.localStorage.clear();
  window.localStorage.setItem(CONVERSATION_ID_KEY, CONVERSATION_ID);
});

afterEach(() => {
  global.fetch = originalFetch;
});

describe('ChatPanel', () => {
  it('the page\'s boundary (chat-panel.tsx) loads the panel on its own and renders it whole', async () => {
    installServer({ history: null, reply: () => streamedReply(['Hi']) });
    render(
      <I18nProvider locale="en">
        <LazilyHydratedPanel suggestedQuestions={QUESTIONS} />
      </I18nProvider>,
    );
    const panel = await screen.findByTestId('chat-panel');
    expect(within(panel).getByRole('button', { name: QUESTIONS[0] })).toBeInTheDocument();
    expect(within(panel).getByRole('textbox')).toBeInTheDocument();
  });

  it('sends the typed question on Enter as { id, message, locale, timeZone, source, first } and shows the streamed reply', async () => {
    const server = installServer({ history: null, reply: () => streamedReply(['Pro costs ', '**$12**', ' per seat.']) });
    const user = userEvent.setup();
    renderPanel();

    const input = await readyInput();
    expect(screen.getByTestId('send-button')).toBeDisabled();
    await user.type(input, 'What does Pro cost?{Enter}');

    const reply = await screen.findByTestId('message-assistant');
    await waitFor(() => expect(reply).toHaveTextContent('Pro costs $12 per seat.'));
    expect(within(reply).getByText('$12').tagName).toBe('STRONG');
    expect(within(reply).getByText('Sales rep')).toBeInTheDocument();

    expect(server.posts).toHaveLength(1);
    const [post] = server.posts;
    expect(post!.url).toBe('/api/v1/chat');
    expect(Object.keys(post!.body).sort()).toEqual(['first', 'id', 'locale', 'message', 'source', 'timeZone']);
    expect(post!.body.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(post!.body.first).toBe(true);
    expect(post!.body.source).toEqual({ page: '/' });
    expect(post!.body.locale).toBe('en');
    expect(post!.body.id).toBe(CONVERSATION_ID);
    expect(post!.body.message).toMatchObject({ role: 'user', parts: [{ type: 'text', text: 'What does Pro cost?' }] });

    const mine = screen.getByTestId('message-user');
    expect(mine).toHaveTextContent('What does Pro cost?');
    expect(within(mine).getByText('You')).toBeInTheDocument();
    expect(input).toHaveValue('');
    expect(screen.queryByTestId('typing-indicator')).not.toBeInTheDocument();
  });

  it('shows the stored history on mount and sends only the new message afterwards', async () => {
    const history: SalesUIMessage[] = [
      { id: 'h1', role: 'user', parts: [{ type: 'text', text: 'Is there an annual discount?' }] },
      {
        id: 'h2',
        role: 'assistant',
        parts: [
          { type: 'text', text: 'Yes, annual billing saves about 20%.' },
          { type: 'data-notice', data: { level: 'info', code: 'offline_agent', message: 'Answered by the offline agent.' } },
        ],
      },
    ];
    const server = installServer({ history, reply: () => streamedReply(['Happy to help.']) });
    const user = userEvent.setup();
    renderPanel();

    expect(await screen.findByText('Is there an annual discount?')).toBeInTheDocument();
    expect(screen.getByTestId('message-assistant')).toHaveTextContent('Yes, annual billing saves about 20%.');
    expect(screen.getByTestId('chat-notice')).toHaveTextContent('Note: Answered by the offline agent.');
    expect(server.gets).toEqual([`/api/v1/chat/${CONVERSATION_ID}`]);
    // A known conversation asks once whether a reply was streaming when the page was left.
    await waitFor(() => expect(server.resumes).toEqual([`/api/v1/chat/${CONVERSATION_ID}/stream`]));
    // A conversation with history does not offer starter questions.
    expect(screen.queryByTestId('suggested-question')).not.toBeInTheDocument();

    await user.type(await readyInput(), 'Thanks!{Enter}');
    await waitFor(() => expect(screen.getAllByTestId('message-assistant')).toHaveLength(2));
    expect(screen.getAllByTestId('message-assistant')[1]).toHaveTextContent('Happy to help.');

    const body = server.posts[0]!.body;
    expect(body).not.toHaveProperty('messages');
    expect(body.message).toMatchObject({ role: 'user', parts: [{ type: 'text', text: 'Thanks!' }] });
    // Without the time each message shows beside its author.
    expect(screen.getAllByTestId('message-user').map((m) => m.textContent?.replace(m.querySelector('time')?.textContent ?? '', ''))).toEqual([
      'YouIs there an annual discount?',
      'YouThanks!',
    ]);
  });

  it('sends a suggested question when its chip is clicked', async () => {
    const server = installServer({ history: null, reply: () => streamedReply(['Pro is $12 per seat per month.']) });
    const user = userEvent.setup();
    renderPanel();

    const chips = await readyChips();
    expect(chips.map((chip) => chip.textContent)).toEqual(QUESTIONS);
    await user.click(chips[0]!);

    expect(await screen.findByTestId('message-user')).toHaveTextContent(QUESTIONS[0]!);
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('Pro is $12 per seat per month.'));
    expect(server.posts[0]!.body.message).toMatchObject({ parts: [{ type: 'text', text: QUESTIONS[0] }] });
    expect(screen.queryByTestId('suggested-question')).not.toBeInTheDocument();
    expect(screen.getByTestId('composer-input')).toHaveFocus();
  });

  it('shows the typing indicator and a Stop button while streaming; Stop ends the reply here and on the server', async () => {
    const sse = sseResponse();
    const server = installServer({
      history: null,
      reply: (_call, init) => {
        init.signal?.addEventListener('abort', () => sse.abort());
        return sse.response;
      },
    });
    const user = userEvent.setup();
    renderPanel();

    await user.type(await readyInput(), 'Tell me everything{Enter}');
    expect(await screen.findByTestId('stop-button')).toHaveAccessibleName('Stop the reply');
    expect(screen.queryByTestId('send-button')).not.toBeInTheDocument();
    expect(await screen.findByTestId('typing-indicator')).toBeInTheDocument();

    act(() => {
      sse.push({ type: 'start', messageId: 'long-reply' });
      sse.push({ type: 'text-start', id: 't1' });
      sse.push({ type: 'text-delta', id: 't1', delta: 'Let me start with ' });
    });
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('Let me start with'));
    expect(screen.queryByTestId('typing-indicator')).not.toBeInTheDocument();
    expect(screen.getByTestId('stop-button')).toBeInTheDocument();

    await user.click(screen.getByTestId('stop-button'));
    expect(await screen.findByTestId('send-button')).toBeInTheDocument();
    expect(screen.queryByTestId('stop-button')).not.toBeInTheDocument();
    expect(screen.getByTestId('message-assistant')).toHaveTextContent('Let me start with');
    expect(screen.queryByTestId('chat-error')).not.toBeInTheDocument();
    expect(server.stops).toEqual([{ url: `/api/v1/chat/${CONVERSATION_ID}/stop`, authorization: 'Bearer v1.visitor.token' }]);
    expect(screen.getByTestId('reply-status')).toHaveTextContent('You stopped this reply.');
  });

  it.each([
    ['en', { code: 'rate_limited:chat', message: 'Too many requests.', details: { retryAfterSeconds: 42 } }, /You can continue in 42 seconds\./],
    ['es', { code: 'rate_limited:chat', message: 'Too many requests.', details: { retryAfterSeconds: 42 } }, /Podrá continuar en 42 segundos\./],
    ['en', { code: 'rate_limited:budget', message: 'Over budget.', details: { retryAfterSeconds: 5 * 3600 - 10 } }, /today's chat limit\. You can continue in 5 hours/],
  ] as const)("says in the prospect's language (%s) when a limited prospect can continue", async (locale, error, expected) => {
    installServer({ history: null, reply: () => Response.json({ error }, { status: 429, headers: { 'retry-after': '42' } }) });
    const user = userEvent.setup();
    render(
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <I18nProvider locale={locale}>
          <ChatPanel suggestedQuestions={QUESTIONS} />
        </I18nProvider>
      </SWRConfig>,
    );
    await user.type(await readyInput(), 'Hello{Enter}');
    const banner = await screen.findByTestId('chat-error');
    expect(banner).toHaveTextContent(expected);
    expect(banner).not.toHaveTextContent(error.message);
  });

  it("shows the server's error message and retries the turn", async () => {
    const server = installServer({
      history: null,
      reply: (call) =>
        call === 1
          ? Response.json(
              { error: { code: 'rate_limited:chat', message: 'Too many requests. Wait a moment and try again.' } },
              { status: 429 },
            )
          : streamedReply(['Back online: Starter is $6.']),
    });
    const user = userEvent.setup();
    renderPanel();

    await user.type(await readyInput(), 'Price of Starter?{Enter}');
    const banner = await screen.findByTestId('chat-error');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('Too many requests. Wait a moment and try again.');
    expect(banner).not.toHaveTextContent('rate_limited');

    await user.click(within(banner).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('Back online: Starter is $6.'));
    expect(screen.queryByTestId('chat-error')).not.toBeInTheDocument();
    expect(server.posts).toHaveLength(2);
    expect(server.posts[1]!.body.message).toMatchObject({ role: 'user', parts: [{ type: 'text', text: 'Price of Starter?' }] });
    expect(screen.getAllByTestId('message-user')).toHaveLength(1);
  });

  it('shows an error sent mid-stream as an error frame', async () => {
    installServer({
      history: null,
      reply: () => {
        const sse = sseResponse();
        sse.push({ type: 'start', messageId: 'broken' });
        sse.push({ type: 'error', errorText: 'The sales agent is unavailable right now.' });
        sse.end();
        return sse.response;
      },
    });
    const user = userEvent.setup();
    renderPanel();
    await user.type(await readyInput(), 'Hello?{Enter}');
    expect(await screen.findByTestId('chat-error')).toHaveTextContent('The sales agent is unavailable right now.');
  });

  it('starts a new conversation with a fresh id and an empty log', async () => {
    const server = installServer({
      history: [{ id: 'h1', role: 'user', parts: [{ type: 'text', text: 'Old question' }] }],
      reply: () => streamedReply(['unused']),
    });
    const user = userEvent.setup();
    renderPanel();

    expect(await screen.findByText('Old question')).toBeInTheDocument();
    // Asked first, in a dialog that starts on Cancel and gives the focus back; then confirmed and announced.
    await user.click(screen.getByTestId('new-conversation'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Start a new conversation?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('new-conversation')).toHaveFocus();
    expect(screen.getByText('Old question')).toBeInTheDocument();
    await user.click(screen.getByTestId('new-conversation'));
    await user.click(await screen.findByRole('button', { name: 'Start new' }));
    expect(screen.getByTestId('chat-announcement')).toHaveTextContent('New conversation started.');

    await waitFor(() => expect(screen.queryByText('Old question')).not.toBeInTheDocument());
    const newId = window.localStorage.getItem(CONVERSATION_ID_KEY);
    expect(newId).not.toBe(CONVERSATION_ID);
    expect(newId).toMatch(CONVERSATION_ID_PATTERN);
    // A conversation created here has nothing on the server yet: its history is not asked for (that would be a 404).
    expect(await readyChips()).toHaveLength(2);
    expect(server.gets).toEqual([`/api/v1/chat/${CONVERSATION_ID}`]);
    expect(server.resumes.every((url) => url.includes(CONVERSATION_ID))).toBe(true);
  });

  it('deletes the conversation on the server after confirmation, then starts a new one', async () => {
    installServer({
      history: [{ id: 'h1', role: 'user', parts: [{ type: 'text', text: 'My email is ana@acme.com' }] }],
      reply: () => streamedReply(['unused']),
    });
    const deletes: string[] = [];
    const inner = global.fetch;
    global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      if (init.method === 'DELETE') {
        deletes.push(`${String(input)} ${new Headers(init.headers).get('authorization')}`);
        return new Response(null, { status: 204 });
      }
      return inner(input, init);
    }) as typeof fetch;
    const user = userEvent.setup();
    renderPanel();
    expect(await screen.findByText('My email is ana@acme.com')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete conversation' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Delete this conversation?' })).getByRole('button', { name: 'Cancel' }));
    expect(deletes).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete conversation' }));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('My email is ana@acme.com')).not.toBeInTheDocument());
    expect(deletes).toEqual([`/api/v1/chat/${CONVERSATION_ID} Bearer v1.visitor.token`]);
    expect(window.localStorage.getItem(CONVERSATION_ID_KEY)).not.toBe(CONVERSATION_ID);
    expect(screen.getByTestId('chat-announcement')).toHaveTextContent('Conversation deleted.');
    // Nothing left to clear: both are disabled until something is said.
    await waitFor(() => expect(screen.getByTestId('new-conversation')).toBeDisabled());
    expect(screen.getByTestId('delete-conversation')).toBeDisabled();
  });

  it('replaces a stored id that does not match the id pattern', async () => {
    window.localStorage.setItem(CONVERSATION_ID_KEY, '../../etc/passwd');
    const server = installServer({ history: null, reply: () => streamedReply(['ok']) });
    renderPanel();

    expect(await readyChips()).toHaveLength(2);
    const id = window.localStorage.getItem(CONVERSATION_ID_KEY);
    expect(id).toMatch(CONVERSATION_ID_PATTERN);
    expect(server.gets).toEqual([]);
  });

  it('shows a counter near the character limit and refuses, without cutting, a message over it', async () => {
    const server = installServer({ history: null, reply: () => streamedReply(['ok']) });
    const user = userEvent.setup();
    render(
      <SWRConfig value={{ provider: () => new Map() }}>
        <I18nProvider locale="es">
          <ChatPanel maxChars={10} />
        </I18nProvider>
      </SWRConfig>,
    );
    const input = await readyInput();
    expect(input).toHaveAccessibleName('Su mensaje');
    await user.type(input, 'abcdefgh');
    expect(screen.getByTestId('composer-count')).toHaveTextContent('8 / 10');
    await user.type(input, 'ijklmn');
    expect(input).toHaveValue('abcdefghijklmn');
    expect(screen.getByTestId('composer-count')).toHaveTextContent('14 / 10');
    expect(screen.getByTestId('composer-too-long')).toHaveTextContent('Su mensaje supera en 4 caracteres el límite de 10.');
    await user.type(input, '{Enter}');
    expect(input).toHaveValue('abcdefghijklmn');
    expect(screen.getByTestId('send-button')).toBeDisabled();
    expect(server.posts).toEqual([]);
  });

});

describe('ChatPanel accessibility and polish', () => {
  it('is usable while its engine loads: typed text and a message sent early are kept and sent once it has loaded', async () => {
    const server = installServer({ history: null, reply: () => streamedReply(['Early bird answer.']) });
    const user = userEvent.setup();
    window.localStorage.clear();
    // The browser never idle: only reaching for the chat loads its engine, which then replaces the shell mid-typing.
    const idle = window.requestIdleCallback;
    window.requestIdleCallback = (() => 0) as unknown as typeof window.requestIdleCallback;
    window.cancelIdleCallback = () => undefined;
    renderPanel();
    expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'loading');
    // The shell's box takes typing at once; the text and the focus move to the engine's box when it arrives.
    const shellInput = screen.getByTestId('composer-input');
    expect(shellInput).toBeEnabled();
    // By keyboard (user-event's click would hold on to the shell's box after the engine replaced it; a real click
    // lands on whatever box is under the pointer).
    act(() => shellInput.focus());
    await user.keyboard('Quick question{Enter}');
    window.requestIdleCallback = idle;
    await waitFor(() => expect(screen.getAllByTestId('message-user')[0]).toHaveTextContent('Quick question'), ENGINE_LOAD);
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('Early bird answer.'));
    expect(server.posts).toHaveLength(1);
  });

  it('keeps the keyboard focus on its control when the engine, loaded by tabbing in, replaces the loading shell', async () => {
    installServer({ history: null, reply: () => streamedReply(['Hi']) });
    const user = userEvent.setup();
    window.localStorage.clear();
    // The browser never idle: the focus itself loads the engine, which replaces the shell's suggestions with its own.
    const idle = window.requestIdleCallback;
    window.requestIdleCallback = (() => 0) as unknown as typeof window.requestIdleCallback;
    window.cancelIdleCallback = () => undefined;
    try {
      renderPanel();
      const shellChip = screen.getAllByTestId('suggested-question')[1]!;
      act(() => shellChip.focus());
      await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), ENGINE_LOAD);
      await waitFor(() => expect(screen.getAllByTestId('suggested-question')[1]).toBeEnabled());
      expect(shellChip).not.toBeInTheDocument();
      // The engine's second question has it, not <body>: the next Tab goes on from there.
      await waitFor(() => expect(screen.getAllByTestId('suggested-question')[1]).toHaveFocus());
      await user.tab();
      expect(screen.getByTestId('composer-input')).toHaveFocus();
    } finally {
      window.requestIdleCallback = idle;
    }
  });

  it('a returning visitor on a header button while the engine loads: the button stays enabled, and focused', async () => {
    const history: SalesUIMessage[] = [
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'We are 40 people.' }] },
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Business fits a team of 40.' }] },
    ];
    installServer({ history, reply: () => streamedReply(['Hi']) });
    const idle = window.requestIdleCallback;
    window.requestIdleCallback = (() => 0) as unknown as typeof window.requestIdleCallback;
    window.cancelIdleCallback = () => undefined;
    try {
      renderPanel();
      const remove = screen.getByTestId('delete-conversation');
      expect(remove).toBeEnabled();
      // Disabled even for a moment (the engine's empty list before its history), the button would drop the focus.
      let everDisabled = false;
      const watcher = new MutationObserver(() => {
        everDisabled ||= remove.hasAttribute('disabled');
      });
      watcher.observe(remove, { attributes: true, attributeFilter: ['disabled'] });
      act(() => remove.focus());
      await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), ENGINE_LOAD);
      expect(await screen.findByText('Business fits a team of 40.')).toBeInTheDocument();
      watcher.disconnect();
      expect(everDisabled).toBe(false);
      expect(remove).toHaveFocus();
    } finally {
      window.requestIdleCallback = idle;
    }
  });

  it('keeps the focus in the message box after Send by keyboard; Escape stops the reply and leaves the focus there', async () => {
    const sse = sseResponse();
    const server = installServer({
      history: null,
      reply: (_call, init) => {
        init.signal?.addEventListener('abort', () => sse.abort());
        return sse.response;
      },
    });
    const user = userEvent.setup();
    renderPanel();
    const input = await readyInput();
    await user.type(input, 'Tell me everything');
    await user.tab();
    // Past the voice toggle and microphone to Send.
    while (document.activeElement !== screen.getByTestId('send-button')) await user.tab();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('stop-button')).toBeInTheDocument();
    expect(screen.getByTestId('composer-input')).toHaveFocus();
    // Enter in the box never reaches Stop.
    await user.keyboard('{Enter}');
    expect(server.stops).toEqual([]);

    act(() => {
      sse.push({ type: 'start', messageId: 'long-reply' });
      sse.push({ type: 'text-start', id: 't1' });
      sse.push({ type: 'text-delta', id: 't1', delta: 'First part ' });
    });
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('First part'));
    await user.keyboard('{Escape}');
    expect(await screen.findByTestId('send-button')).toBeInTheDocument();
    expect(server.stops).toHaveLength(1);
    expect(screen.getByTestId('composer-input')).toHaveFocus();
    expect(screen.getByTestId('reply-status')).toHaveTextContent('You stopped this reply.');
  });

  it('announces a reply once, whole, when it has finished, not while it streams; the log itself is not live', async () => {
    const sse = sseResponse();
    installServer({ history: null, reply: () => sse.response });
    const user = userEvent.setup();
    renderPanel();
    await user.type(await readyInput(), 'Price?{Enter}');
    act(() => {
      sse.push({ type: 'start', messageId: 'r1' });
      sse.push({ type: 'text-start', id: 't1' });
      sse.push({ type: 'text-delta', id: 't1', delta: 'Pro is ' });
    });
    await waitFor(() => expect(screen.getByTestId('message-assistant')).toHaveTextContent('Pro is'));
    expect(screen.getByTestId('reply-announcement')).toHaveTextContent('');
    expect(screen.getByRole('log')).toHaveAttribute('aria-live', 'off');
    act(() => {
      sse.push({ type: 'text-delta', id: 't1', delta: '**$12** per seat.\n\n- *SSO*' });
      sse.push({ type: 'text-end', id: 't1' });
      sse.push({ type: 'finish' });
      sse.end();
    });
    // Its words, not its markdown: no asterisks or list dashes read out.
    await waitFor(() => expect(screen.getByTestId('reply-announcement')).toHaveTextContent('Sales rep replied: Pro is $12 per seat. SSO'));
    expect(screen.getByTestId('reply-announcement').textContent).not.toMatch(/[*]|- /);
    expect(screen.getByTestId('reply-announcement')).toHaveAttribute('role', 'status');
  });

  it('gives replies a time, copy and thumbs (posted as feedback), and the agent its name, avatar, placeholder and notice', async () => {
    const feedback: unknown[] = [];
    const server = installServer({ history: null, reply: () => streamedReply(['Pro is $12.'], [{ type: 'message-metadata', messageMetadata: { createdAt: Date.now() } }]) });
    const inner = global.fetch;
    global.fetch = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      if (String(input).endsWith('/feedback')) {
        feedback.push({ url: String(input), body: JSON.parse(String(init.body)), authorization: new Headers(init.headers).get('authorization') });
        return new Response(null, { status: 204 });
      }
      return inner(input, init);
    }) as typeof fetch;
    const user = userEvent.setup();
    // After setup: user-event installs its own clipboard.
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    render(
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <I18nProvider locale="en">
          <ChatPanel
            suggestedQuestions={QUESTIONS}
            customization={{ agentName: 'Ava', avatarUrl: '/ava.png', placeholder: 'Ask Ava anything', legalNotice: undefined, privacyUrl: '/privacy' }}
          />
        </I18nProvider>
      </SWRConfig>,
    );
    expect(screen.getByRole('heading', { name: 'Ava' })).toBeInTheDocument();
    expect(screen.getByTestId('legal-notice')).toHaveTextContent('AI can make mistakes. Check important details.');
    expect(within(screen.getByTestId('legal-notice')).getByRole('link', { name: /Privacy/ })).toHaveAttribute('href', '/privacy');
    const input = await readyInput();
    // The stored conversation turned out empty: nothing to clear or download yet.
    expect(screen.getByTestId('new-conversation')).toBeDisabled();
    expect(screen.getByTestId('download-transcript')).toBeDisabled();
    expect(input).toHaveAttribute('placeholder', 'Ask Ava anything');
    await user.type(input, 'Price?{Enter}');
    const reply = await screen.findByTestId('message-assistant');
    await waitFor(() => expect(within(reply).getByTestId('reply-actions')).toBeInTheDocument());
    expect(within(reply).getByText('Ava')).toBeInTheDocument();
    expect(reply.querySelector('img')).toHaveAttribute('src', '/ava.png');
    expect(screen.getAllByTestId('message-user')[0]!.querySelector('time')).not.toBeNull();

    await user.click(within(reply).getByRole('button', { name: 'Copy reply' }));
    expect(writeText).toHaveBeenCalledWith('Pro is $12.');
    expect(within(reply).getByText('Reply copied')).toBeInTheDocument();
    await user.click(within(reply).getByRole('button', { name: 'Helpful' }));
    expect(within(reply).getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(feedback).toHaveLength(1));
    expect(feedback[0]).toMatchObject({ url: `/api/v1/chat/${CONVERSATION_ID}/feedback`, body: { rating: 'up' }, authorization: 'Bearer v1.visitor.token' });
    expect(screen.getByTestId('new-conversation')).toBeEnabled();
    expect(screen.getByTestId('download-transcript')).toBeEnabled();
    expect(server.posts).toHaveLength(1);
  });
});

/** IntersectionObserver as the browser drives it: the test says how much of the panel is on screen. */
class FakeIntersectionObserver {
  static live: FakeIntersectionObserver[] = [];
  private target: Element | null = null;
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.live.push(this);
  }
  observe(target: Element) {
    this.target = target;
  }
  unobserve() {}
  disconnect() {
    FakeIntersectionObserver.live = FakeIntersectionObserver.live.filter((observer) => observer !== this);
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  static show(ratio: number) {
    for (const observer of [...FakeIntersectionObserver.live]) {
      if (!observer.target) continue;
      const entry = { intersectionRatio: ratio, isIntersecting: ratio > 0, target: observer.target } as IntersectionObserverEntry;
      observer.callback([entry], observer as unknown as IntersectionObserver);
    }
  }
}

describe('ChatPanel: when its engine loads by itself (issue 12: not on every page view)', () => {
  const original = window.IntersectionObserver;
  beforeEach(() => {
    FakeIntersectionObserver.live = [];
    window.IntersectionObserver = FakeIntersectionObserver as unknown as typeof IntersectionObserver;
  });
  afterEach(() => {
    window.IntersectionObserver = original;
  });
  const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 1_000)));

  it('a first visit with the panel below the fold: not loaded while the visitor reads, loaded once it is scrolled into view', async () => {
    window.localStorage.clear();
    const server = installServer({ history: null, reply: () => streamedReply(['Hi']) });
    renderPanel();
    act(() => FakeIntersectionObserver.show(0.3));
    await settle();
    expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'loading');
    expect(server.sessions).toBe(0);
    // Usable meanwhile: the shell's box and suggestions are there.
    expect(screen.getByTestId('composer-input')).toBeEnabled();
    act(() => FakeIntersectionObserver.show(0.8));
    await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), ENGINE_LOAD);
  });

  it('a first visit below the fold, never scrolled to: loaded anyway once the page has settled (5 s), its voice controls with it', async () => {
    window.localStorage.clear();
    installServer({ history: null, reply: () => streamedReply(['Hi']) });
    renderPanel();
    act(() => FakeIntersectionObserver.show(0.3));
    await settle();
    expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'loading');
    await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), { timeout: 12_000 });
    expect(screen.getByTestId('voice-toggle')).toBeInTheDocument();
  }, 20_000);

  it('a first visit: reaching for the panel (pointer) loads it at once, without it being on screen', async () => {
    window.localStorage.clear();
    installServer({ history: null, reply: () => streamedReply(['Hi']) });
    const user = userEvent.setup();
    renderPanel();
    await settle();
    expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'loading');
    await user.hover(screen.getByTestId('chat-panel'));
    await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), ENGINE_LOAD);
  });

  it('a returning visitor with a history: loaded when the browser is idle, on screen or not, and the history shown', async () => {
    const history: SalesUIMessage[] = [
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'We are 40 people.' }] },
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Business fits a team of 40.' }] },
    ];
    installServer({ history, reply: () => streamedReply(['Hi']) });
    renderPanel();
    act(() => FakeIntersectionObserver.show(0));
    await waitFor(() => expect(screen.getByTestId('chat-panel')).toHaveAttribute('data-engine', 'ready'), ENGINE_LOAD);
    expect(await screen.findByText('Business fits a team of 40.')).toBeInTheDocument();
    expect(screen.getByTestId('new-conversation')).toBeEnabled();
  });
});
