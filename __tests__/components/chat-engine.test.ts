import type { ChatTransport, UIMessageChunk } from 'ai';
import { ChatEngine, type ChatFinish } from '@/components/chat/chat-engine';
import { applyChunk, createReplyState, mergeMetadata } from '@/components/chat/ui-message-stream';
import type { SalesUIMessage } from '@/lib/chat/messages';

type Chunk = UIMessageChunk;

/** A stream the test feeds chunk by chunk; `cancelled` says whether the reader gave up on it. */
function controlledStream() {
  let controller!: ReadableStreamDefaultController<Chunk>;
  const state = { cancelled: false };
  const stream = new ReadableStream<Chunk>({
    start: (c) => void (controller = c),
    cancel: () => void (state.cancelled = true),
  });
  return { stream, state, push: (chunk: Chunk) => controller.enqueue(chunk), end: () => controller.close() };
}

function streamOf(chunks: Chunk[]) {
  return new ReadableStream<Chunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

const reply = (id: string, text: string): Chunk[] => [
  { type: 'start', messageId: id, messageMetadata: { createdAt: 1, turnId: 'u1' } },
  { type: 'start-step' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: text.slice(0, 3) },
  { type: 'text-delta', id: 't', delta: text.slice(3) },
  { type: 'text-end', id: 't' },
  { type: 'finish-step' },
  { type: 'finish' },
];

function fakeTransport(respond: (options: Parameters<ChatTransport<SalesUIMessage>['sendMessages']>[0]) => Promise<ReadableStream<Chunk>>, resume?: () => Promise<ReadableStream<Chunk> | null>) {
  const calls: Array<{ trigger: string; messages: SalesUIMessage[] }> = [];
  const transport: ChatTransport<SalesUIMessage> = {
    sendMessages: async (options) => {
      calls.push({ trigger: options.trigger, messages: [...options.messages] });
      return respond(options);
    },
    reconnectToStream: async () => (resume ? resume() : null),
  };
  return { transport, calls };
}

const text = (message: SalesUIMessage | undefined) => message?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

describe('applyChunk (the UI message stream in the browser)', () => {
  it('builds text, sources, data parts (replaced by id), tool parts and merged metadata', () => {
    const state = createReplyState('local');
    const chunks: Chunk[] = [
      { type: 'start', messageId: 'server-id', messageMetadata: { createdAt: 5 } },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'c1', toolName: 'get_pricing' },
      { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: '{"plan":' },
      { type: 'tool-input-available', toolCallId: 'c1', toolName: 'get_pricing', input: { plan: 'pro' } },
      { type: 'tool-output-available', toolCallId: 'c1', output: { price: 24 } },
      { type: 'text-start', id: 'a' },
      { type: 'text-delta', id: 'a', delta: 'Pro is ' },
      { type: 'text-delta', id: 'a', delta: '$24.' },
      { type: 'text-end', id: 'a' },
      { type: 'source-document', sourceId: 's1', mediaType: 'text/plain', title: 'Pro plan' },
      { type: 'data-notice', id: 'n1', data: { level: 'info', code: 'x', message: 'first' } },
      { type: 'data-notice', id: 'n1', data: { level: 'info', code: 'x', message: 'second' } },
      { type: 'data-stage', data: { stage: 'qualification', reason: 'r' }, transient: true },
      { type: 'finish', messageMetadata: { agent: 'offline' } },
    ];
    for (const chunk of chunks) applyChunk(state, chunk);
    const { message } = state;
    expect(message.id).toBe('server-id');
    expect(message.metadata).toEqual({ createdAt: 5, agent: 'offline' });
    expect(message.parts.map((part) => part.type)).toEqual(['step-start', 'tool-get_pricing', 'text', 'source-document', 'data-notice']);
    expect(message.parts[1]).toMatchObject({ toolCallId: 'c1', state: 'output-available', input: { plan: 'pro' }, output: { price: 24 } });
    expect(message.parts[2]).toMatchObject({ text: 'Pro is $24.', state: 'done' });
    expect(message.parts[4]).toMatchObject({ id: 'n1', data: { message: 'second' } });
  });

  it('says which chunks redraw and which move the status to streaming', () => {
    const state = createReplyState('local');
    expect(applyChunk(state, { type: 'start', messageId: 'm' })).toEqual({ write: true, streaming: false });
    expect(applyChunk(state, { type: 'start-step' })).toEqual({ write: false, streaming: false });
    expect(applyChunk(state, { type: 'text-start', id: 't' })).toEqual({ write: true, streaming: true });
    expect(applyChunk(state, { type: 'finish' })).toEqual({ write: false, streaming: false });
  });

  it('throws on an error chunk and on a delta for a part never started', () => {
    expect(() => applyChunk(createReplyState('x'), { type: 'error', errorText: 'upstream failed' })).toThrow('upstream failed');
    expect(() => applyChunk(createReplyState('x'), { type: 'text-delta', id: 'nope', delta: 'a' })).toThrow(/missing part/);
    expect(() => applyChunk(createReplyState('x'), { type: 'tool-output-available', toolCallId: 'nope', output: 1 })).toThrow(/No tool invocation/);
  });

  it('a resumed stream that starts another message starts the reply over', () => {
    const state = createReplyState('local');
    applyChunk(state, { type: 'start', messageId: 'first' });
    applyChunk(state, { type: 'text-start', id: 't' });
    applyChunk(state, { type: 'text-delta', id: 't', delta: 'half' });
    applyChunk(state, { type: 'start', messageId: 'second' }, { resetOnNewId: true });
    expect(state.message).toMatchObject({ id: 'second', parts: [] });
  });

  it('merges metadata deeply, skipping undefined values and prototype keys', () => {
    const merged = mergeMetadata({ a: 1, nested: { x: 1 } }, JSON.parse('{"nested":{"y":2},"__proto__":{"polluted":true},"b":null}')) as Record<string, unknown>;
    expect(merged).toEqual({ a: 1, nested: { x: 1, y: 2 }, b: null });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(mergeMetadata({ a: 1 }, { a: undefined })).toEqual({ a: 1 });
  });
});

describe('ChatEngine (useChat without the AI SDK runtime)', () => {
  it('sends, streams and finishes: submitted → streaming → ready, the reply under the server id, onFinish once', async () => {
    const live = controlledStream();
    const { transport, calls } = fakeTransport(async () => live.stream);
    const finishes: ChatFinish[] = [];
    const engine = new ChatEngine({ id: 'chat-1', transport, onFinish: (finish) => finishes.push(finish) });
    const statuses: string[] = [];
    engine.subscribe(() => {
      const { status } = engine.getSnapshot();
      if (statuses.at(-1) !== status) statuses.push(status);
    });

    const sent = engine.sendMessage({ id: 'u1', parts: [{ type: 'text', text: 'Hi' }], metadata: { createdAt: 1 } });
    await Promise.resolve();
    expect(engine.getSnapshot().status).toBe('submitted');
    expect(engine.messages.map((message) => message.id)).toEqual(['u1']);
    for (const chunk of reply('a1', 'Hello there')) live.push(chunk);
    live.end();
    await sent;

    expect(statuses).toEqual(['ready', 'submitted', 'streaming', 'ready']);
    expect(calls).toEqual([{ trigger: 'submit-message', messages: [expect.objectContaining({ id: 'u1', role: 'user' })] }]);
    expect(engine.messages.map((message) => [message.id, message.role])).toEqual([
      ['u1', 'user'],
      ['a1', 'assistant'],
    ]);
    expect(text(engine.messages[1])).toBe('Hello there');
    expect(engine.messages[1]!.metadata).toEqual({ createdAt: 1, turnId: 'u1' });
    expect(finishes).toHaveLength(1);
    expect(finishes[0]).toMatchObject({ isAbort: false, isError: false, message: { id: 'a1' } });
  });

  it('gives React a new message object on every change (memoised rows redraw)', async () => {
    const live = controlledStream();
    const { transport } = fakeTransport(async () => live.stream);
    const engine = new ChatEngine({ id: 'c', transport });
    const seen: SalesUIMessage[] = [];
    let previous = engine.messages;
    engine.subscribe(() => {
      const last = engine.messages.at(-1);
      if (engine.messages !== previous && last?.role === 'assistant') seen.push(last);
      previous = engine.messages;
    });
    const sent = engine.sendMessage({ parts: [{ type: 'text', text: 'Hi' }] });
    for (const chunk of reply('a1', 'abcdef')) live.push(chunk);
    live.end();
    await sent;
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map(text)).toContain('abc');
  });

  it('stop() ends the reply: the stream is cancelled, status ready, onFinish says aborted', async () => {
    const live = controlledStream();
    const { transport } = fakeTransport(async () => live.stream);
    const finishes: ChatFinish[] = [];
    const engine = new ChatEngine({ id: 'c', transport, onFinish: (finish) => finishes.push(finish) });
    const sent = engine.sendMessage({ parts: [{ type: 'text', text: 'Hi' }] });
    live.push({ type: 'start', messageId: 'a1' });
    live.push({ type: 'text-start', id: 't' });
    live.push({ type: 'text-delta', id: 't', delta: 'partial' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engine.getSnapshot().status).toBe('streaming');
    await engine.stop();
    await sent;
    expect(live.state.cancelled).toBe(true);
    expect(engine.getSnapshot().status).toBe('ready');
    expect(text(engine.messages.at(-1))).toBe('partial');
    expect(finishes).toEqual([expect.objectContaining({ isAbort: true, isError: false })]);
  });

  it('an error chunk or a refused request ends in status error with the error, and onFinish says so', async () => {
    const refusal = Object.assign(new Error('Too many messages'), { statusCode: 429 });
    let answer: () => Promise<ReadableStream<Chunk>> = async () => streamOf([{ type: 'start', messageId: 'a1' }, { type: 'error', errorText: 'The model failed' }]);
    const { transport } = fakeTransport(() => answer());
    const finishes: ChatFinish[] = [];
    const engine = new ChatEngine({ id: 'c', transport, onFinish: (finish) => finishes.push(finish) });
    await engine.sendMessage({ parts: [{ type: 'text', text: 'Hi' }] });
    expect(engine.getSnapshot()).toMatchObject({ status: 'error', error: expect.objectContaining({ message: 'The model failed' }) });
    expect(finishes.at(-1)).toMatchObject({ isError: true, isAbort: false });

    answer = async () => {
      throw refusal;
    };
    await engine.sendMessage({ parts: [{ type: 'text', text: 'Again' }] });
    expect(engine.getSnapshot().error).toBe(refusal);
    expect(finishes.at(-1)).toMatchObject({ isError: true, isDisconnect: false });

    answer = async () => {
      throw new TypeError('Failed to fetch');
    };
    await engine.sendMessage({ parts: [{ type: 'text', text: 'Offline' }] });
    expect(finishes.at(-1)).toMatchObject({ isError: true, isDisconnect: true });
  });

  it('regenerate() drops the last reply and asks again with trigger regenerate-message', async () => {
    let n = 0;
    const { transport, calls } = fakeTransport(async () => streamOf(reply(`a${++n}`, `answer ${n}`)));
    const engine = new ChatEngine({ id: 'c', transport });
    await engine.sendMessage({ id: 'u1', parts: [{ type: 'text', text: 'Hi' }] });
    await engine.regenerate();
    expect(calls.map((call) => [call.trigger, call.messages.map((message) => message.id)])).toEqual([
      ['submit-message', ['u1']],
      ['regenerate-message', ['u1']],
    ]);
    expect(engine.messages.map((message) => message.id)).toEqual(['u1', 'a2']);
  });

  it('resumeStream(): nothing to resume leaves it ready without onFinish; a replay appends the reply', async () => {
    let resume: ReadableStream<Chunk> | null = null;
    const { transport } = fakeTransport(async () => streamOf([]), async () => resume);
    const finishes: ChatFinish[] = [];
    const engine = new ChatEngine({ id: 'c', transport, onFinish: (finish) => finishes.push(finish) });
    engine.setMessages([{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }]);
    await engine.resumeStream();
    expect(engine.getSnapshot().status).toBe('ready');
    expect(finishes).toHaveLength(0);

    resume = streamOf(reply('a1', 'resumed reply'));
    await engine.resumeStream();
    expect(engine.messages.map((message) => message.id)).toEqual(['u1', 'a1']);
    expect(text(engine.messages[1])).toBe('resumed reply');
    expect(finishes).toEqual([expect.objectContaining({ isAbort: false, isError: false })]);
  });

  it('setMessages takes a list or an updater', () => {
    const { transport } = fakeTransport(async () => streamOf([]));
    const engine = new ChatEngine({ id: 'c', transport });
    engine.setMessages([{ id: 'a', role: 'user', parts: [] }]);
    engine.setMessages((current) => [...current, { id: 'b', role: 'assistant', parts: [] }]);
    expect(engine.messages.map((message) => message.id)).toEqual(['a', 'b']);
  });
});
