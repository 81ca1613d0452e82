/** @jest-environment node */
import type { UIMessageChunk } from 'ai';
import { parseDebugConfig } from '@/lib/config-debug';
import { createSalesAgent } from '@/lib/llm';
import { testSession } from '../support/session';
import { userMessage } from '../support/offline-agent';

const offline = { provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 0, contextTokens: 6_000 } as const;

async function reply(debug: boolean | undefined, text: string) {
  const agent = createSalesAgent(offline, { ...(debug === undefined ? {} : { debug }), now: () => Date.parse('2026-11-24T12:00:00Z') });
  const message = userMessage(text);
  const session = testSession({ userMessages: [{ id: message.id, text }] });
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of agent.streamReply({ conversationId: 'c-debug', history: [], userMessage: message, ...session.input })) chunks.push(chunk);
  return chunks;
}

describe('the debug part', () => {
  it('with DEBUG_AGENT: stage, state diff, passages with scores and use, tools, tokens and timings', async () => {
    const chunks = await reply(true, 'My email is ana@acme.com. How much is Pro for 20 seats?');
    const debug = chunks.find((chunk) => chunk.type === 'data-debug') as { data: Record<string, unknown> } | undefined;
    expect(debug?.data).toMatchObject({
      stage: expect.any(String),
      stateDiff: expect.arrayContaining([{ path: 'lead.fields.email', before: undefined, after: 'ana@acme.com' }]),
      passages: expect.arrayContaining([expect.objectContaining({ id: 'plan:pro', score: expect.any(Number), used: true })]),
      tools: expect.arrayContaining([expect.objectContaining({ name: 'get_pricing', input: expect.objectContaining({ seats: 20 }), output: expect.objectContaining({ ok: true }) })]),
      tokens: { input: expect.any(Number), output: expect.any(Number), budget: 6_000 },
      timings: [expect.objectContaining({ name: 'plan' }), expect.objectContaining({ name: 'reply' })],
    });
  });

  it('is never sent when the flag is off', async () => {
    const previous = process.env.DEBUG_AGENT;
    delete process.env.DEBUG_AGENT;
    try {
      for (const flag of [false, undefined]) expect((await reply(flag, 'How much is Pro?')).map((chunk) => chunk.type)).not.toContain('data-debug');
    } finally {
      if (previous !== undefined) process.env.DEBUG_AGENT = previous;
    }
  });

  it('DEBUG_AGENT is refused in production unless DEBUG_AGENT_IN_PRODUCTION=1', () => {
    const warn = jest.fn();
    expect(parseDebugConfig({ DEBUG_AGENT: '1', NODE_ENV: 'development' }, warn)).toEqual({ agent: true });
    expect(parseDebugConfig({ DEBUG_AGENT: '1', NODE_ENV: 'production' }, warn)).toEqual({ agent: false });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('DEBUG_AGENT_IN_PRODUCTION'));
    expect(parseDebugConfig({ DEBUG_AGENT: '1', NODE_ENV: 'production', DEBUG_AGENT_IN_PRODUCTION: '1' }, warn)).toEqual({ agent: true });
    expect(parseDebugConfig({ NODE_ENV: 'development' }, warn)).toEqual({ agent: false });
  });
});
