/** @jest-environment node */
// The visitor's view of a reply (lib/chat/visitor-view.ts): what the relay sends the browser and the resume buffer,
// and what the history route returns, against what the store keeps for the admin. The client's parser must still read
// every chunk the visitor gets.
import { readUIMessageStream, type UIMessageChunk } from 'ai';
import { applyChunk, createReplyState } from '@/components/chat/ui-message-stream';
import { replyEvents } from '@/components/embed/reply-events';
import { relayAndStore } from '@/lib/chat/relay';
import { visitorChunk, visitorMessage } from '@/lib/chat/visitor-view';
import type { SalesUIMessage } from '@/lib/sales/ui-message';

const STAGE_REASON = 'asked for a meeting: "Can we meet Thursday?"';
const HANDOFF_REASON = 'Prospect wants enterprise discount, hot lead';
const CANCEL_REASON = 'found a cheaper tool';

/** A reply as the agent's stream makes it: every kind of chunk the sales brain, the tools and the model produce. */
const agentReply = (): UIMessageChunk[] => [
  { type: 'start', messageId: 'a1', messageMetadata: { createdAt: 1, agent: 'offline', turnId: 'u1' } },
  { type: 'data-lead', data: { changed: ['teamSize', 'budget'], values: { teamSize: 25, budget: '$600 per month' }, score: 45, note: 'Noted: team of 25.', lang: 'en' } },
  { type: 'data-lead', data: { changed: ['authority'], values: { authority: 'decision maker' }, score: 60 } },
  { type: 'data-stage', data: { stage: 'closing', reason: STAGE_REASON } },
  { type: 'start-step' },
  { type: 'reasoning-start', id: 'r1' },
  { type: 'reasoning-delta', id: 'r1', delta: 'Score 60, push for the close.' },
  { type: 'reasoning-end', id: 'r1' },
  { type: 'tool-input-start', toolCallId: 'c1', toolName: 'capture_lead' },
  { type: 'tool-input-delta', toolCallId: 'c1', inputTextDelta: '{"teamSize":25}' },
  { type: 'tool-input-available', toolCallId: 'c1', toolName: 'capture_lead', input: { teamSize: 25 } },
  { type: 'tool-output-available', toolCallId: 'c1', output: { stored: ['teamSize'], rejected: [], score: 45 } },
  { type: 'tool-input-available', toolCallId: 'c2', toolName: 'request_human', input: { reason: HANDOFF_REASON } },
  { type: 'tool-output-error', toolCallId: 'c2', errorText: 'no one on duty' },
  { type: 'finish-step' },
  { type: 'data-handoff', data: { reason: HANDOFF_REASON, email: 'dana@corvid.io' } },
  {
    type: 'data-booking',
    data: { id: 'b1', email: 'dana@corvid.io', localLabel: 'Thu 10:00', start: '2026-12-10T10:00:00Z', ics: 'BEGIN:VCALENDAR', emailed: false, cancelled: true, reason: CANCEL_REASON },
  },
  { type: 'data-notice', data: { level: 'warning', code: 'fallback_agent', message: 'Answered by the offline agent.' } },
  { type: 'message-metadata', messageMetadata: { agent: 'offline' } },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'Happy to help, Dana.' },
  { type: 'text-end', id: 't1' },
  { type: 'source-document', sourceId: 'plan:pro', mediaType: 'text/plain', title: 'Pro plan' },
  { type: 'finish' },
];

const SECRETS = ['"score"', STAGE_REASON, HANDOFF_REASON, CANCEL_REASON, 'data-stage', 'budget', 'authority', 'decision maker', 'capture_lead', 'request_human', 'Score 60'];
const secretsIn = (value: unknown) => SECRETS.filter((secret) => JSON.stringify(value).includes(JSON.stringify(secret).slice(1, -1)));

const streamOf = (chunks: UIMessageChunk[]) =>
  new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of stream as unknown as AsyncIterable<T>) out.push(value);
  return out;
}

describe('visitorChunk', () => {
  const visible = agentReply().flatMap((chunk) => visitorChunk(chunk) ?? []);

  it('drops the stage, the tool calls and the reasoning, and strips the score, the qualification and the reasons', () => {
    expect(secretsIn(visible)).toEqual([]);
    expect(visible.map((chunk) => chunk.type)).toEqual([
      'start',
      'data-lead',
      'start-step',
      'finish-step',
      'data-handoff',
      'data-booking',
      'data-notice',
      'message-metadata',
      'text-start',
      'text-delta',
      'text-end',
      'source-document',
      'finish',
    ]);
    expect(visible.find((chunk) => chunk.type === 'data-lead')).toEqual({
      type: 'data-lead',
      data: { changed: ['teamSize'], values: { teamSize: 25 }, note: 'Noted: team of 25.', lang: 'en' },
    });
    expect(visible.find((chunk) => chunk.type === 'data-handoff')).toEqual({ type: 'data-handoff', data: { email: 'dana@corvid.io' } });
    expect(visible.find((chunk) => chunk.type === 'data-booking')).toMatchObject({ data: { id: 'b1', cancelled: true, ics: 'BEGIN:VCALENDAR' } });
    // The DEBUG_AGENT part stays as it is (made only with DEBUG_AGENT=1, for whoever tunes the agent).
    const debug: UIMessageChunk = { type: 'data-debug', data: { stage: 'closing', stateDiff: [], passages: [], tools: [], tokens: { input: 1, output: 2 }, timings: [] } };
    expect(visitorChunk(debug)).toBe(debug);
  });

  it('gives chunks the chat client and the AI SDK both read into the message the chat shows', async () => {
    const state = createReplyState('a1');
    for (const chunk of visible) applyChunk(state, chunk);
    expect(state.message.parts.map((part) => part.type)).toEqual(['data-lead', 'step-start', 'data-handoff', 'data-booking', 'data-notice', 'text', 'source-document']);
    expect(state.message.metadata).toEqual({ createdAt: 1, agent: 'offline', turnId: 'u1' });
    const messages = await readAll(readUIMessageStream<SalesUIMessage>({ stream: streamOf(visible), terminateOnError: true }));
    expect(messages.at(-1)?.parts.map((part) => part.type)).toEqual(state.message.parts.map((part) => part.type));
  });
});

describe('relayAndStore', () => {
  it('sends the visitor (and the resume buffer) their view of each chunk, and stores the whole reply for the admin', async () => {
    const recorded: UIMessageChunk[] = [];
    let stored: SalesUIMessage | undefined;
    const client = relayAndStore({
      reply: streamOf(agentReply()),
      notices: [],
      release: undefined,
      record: (chunk) => recorded.push(chunk),
      finish: async (assistant) => {
        stored = assistant;
        return undefined;
      },
      failureText: () => 'failed',
    });
    const received = await readAll(client);
    expect(secretsIn(received)).toEqual([]);
    expect(received).toEqual(agentReply().flatMap((chunk) => visitorChunk(chunk) ?? []));
    expect(recorded).toEqual(received);

    // The store keeps what the admin's transcript and lead views read.
    const parts = stored?.parts ?? [];
    expect(parts.find((part) => part.type === 'data-stage')).toMatchObject({ data: { stage: 'closing', reason: STAGE_REASON } });
    expect(parts.filter((part) => part.type === 'data-lead').map((part) => part.data.score)).toEqual([45, 60]);
    expect(parts.find((part) => part.type === 'data-handoff')).toMatchObject({ data: { reason: HANDOFF_REASON } });
    expect(parts.some((part) => part.type === 'tool-capture_lead')).toBe(true);

    // …and the history returns the visitor the same as they were streamed.
    const history = visitorMessage(stored as SalesUIMessage);
    expect(secretsIn(history)).toEqual([]);
    expect(history.parts.map((part) => part.type)).toEqual(['data-lead', 'step-start', 'data-handoff', 'data-booking', 'data-notice', 'text', 'source-document']);
    expect(history.metadata).toEqual(stored?.metadata);
  });
});

describe('the host page’s events (embed)', () => {
  it('carry what the chat received: the e-mail and fields, no score, no handoff reason', () => {
    const message: SalesUIMessage = {
      id: 'a1',
      role: 'assistant',
      parts: [
        { type: 'data-lead', data: { changed: ['email', 'name'], values: { email: 'ann@acme.test', name: 'Ann' } } },
        { type: 'data-handoff', data: { email: 'ann@acme.test' } },
      ],
    };
    expect(replyEvents(message)).toStrictEqual([
      { name: 'message', detail: { id: 'a1', role: 'assistant', text: '' } },
      { name: 'lead', detail: { email: 'ann@acme.test', fields: { email: 'ann@acme.test', name: 'Ann' } } },
      { name: 'handoff', detail: { email: 'ann@acme.test' } },
    ]);
  });
});
