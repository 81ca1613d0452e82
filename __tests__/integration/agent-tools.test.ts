/** @jest-environment node */
// The OpenAI stand-in scripted to call the sales tools: the same tools run through the AI SDK, update the sales state,
// and their inputs, outputs and data parts stream to the browser as UI message parts — over both OpenAI APIs.
import type { UIMessageChunk } from 'ai';
import type { SalesUIMessage } from '@/lib/sales/ui-message';
import type { LlmConfig } from '@/lib/config';
import { createSalesAgent } from '@/lib/llm';
import { startOpenAIStandIn } from '../../scripts/standins/openai-server.mjs';
import { testSession } from '../support/session';

let standIn: Awaited<ReturnType<typeof startOpenAIStandIn>>;
beforeAll(async () => {
  standIn = await startOpenAIStandIn({ port: 0 });
});
afterAll(async () => {
  await standIn?.close();
});
beforeEach(() => standIn.reset());

const config = (apiMode: 'chat' | 'responses'): LlmConfig => ({
  provider: 'openai', apiKey: 'sk-test', baseURL: standIn.url, model: 'gpt-4.1-mini', apiMode,
  timeoutMs: 10_000, maxRetries: 0, contextTokens: 6_000, wordDelayMs: 0,
});

const PROSPECT = "I'm Ana from Acme and we are 20 people. My email is ana@acme.com. What would Pro cost us per year?";

async function run(apiMode: 'chat' | 'responses') {
  const logError = jest.fn();
  const agent = createSalesAgent(config(apiMode), { logError });
  const userMessage: SalesUIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: PROSPECT }] };
  const session = testSession({ userMessages: [{ id: 'u1', text: PROSPECT }] });
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of agent.streamReply({ conversationId: 'tools-0001', history: [], userMessage, ...session.input })) chunks.push(chunk);
  return { chunks, session, logError };
}

describe.each(['chat', 'responses'] as const)('sales tools through the AI SDK (%s API)', (apiMode) => {
  it('runs get_pricing and capture_lead, streams their parts, and the follow-up text', async () => {
    standIn.setBehaviour({
      turns: [
        {
          toolCalls: [
            { id: 'call_price', name: 'get_pricing', arguments: { plan: 'Pro', seats: 20, billing: 'annual' } },
            { id: 'call_lead', name: 'capture_lead', arguments: { email: 'ana@acme.com', company: 'Acme', role: 'Chief Wizard' } },
          ],
        },
        { text: 'Pro for 20 seats billed annually comes to $5,760 a year.' },
      ],
    });
    const { chunks, session, logError } = await run(apiMode);
    expect(logError).not.toHaveBeenCalled();

    const inputs = chunks.filter((chunk) => chunk.type === 'tool-input-available');
    expect(inputs.map((chunk) => chunk.toolName)).toEqual(['get_pricing', 'capture_lead']);

    const outputs = chunks.flatMap((chunk) => (chunk.type === 'tool-output-available' ? [chunk] : []));
    const priceOutput = outputs.find((chunk) => chunk.toolCallId === 'call_price')?.output as Record<string, unknown>;
    // $24 per seat per month billed annually × 20 seats × 12 months, from the catalogue.
    expect(priceOutput).toMatchObject({ ok: true, seats: 20, billing: 'annual', perSeatMonthly: 24, annualTotal: 5_760 });

    const leadOutput = outputs.find((chunk) => chunk.toolCallId === 'call_lead')?.output as { stored: string[]; rejected: { field: string }[] };
    expect(leadOutput.rejected.map((entry) => entry.field)).toEqual(['role']); // never said: refused
    expect(session.state.lead.fields.email).toMatchObject({ value: 'ana@acme.com', evidence: 'My email is ana@acme.com.' });
    expect(session.state.lead.fields.role).toBeUndefined();

    const leadParts = chunks.filter((chunk) => chunk.type === 'data-lead');
    expect(leadParts.length).toBeGreaterThan(0);
    expect(JSON.stringify(leadParts)).toContain('ana@acme.com');

    const text = chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');
    expect(text).toBe('Pro for 20 seats billed annually comes to $5,760 a year.');
    expect(chunks.at(-1)?.type).toBe('finish');

    // The second model call carried the tool results back to the model.
    const calls = standIn.requests.filter((entry: { path: string }) => entry.path.startsWith('/v1/'));
    expect(calls).toHaveLength(2);
    expect(JSON.stringify(calls[1]?.body)).toContain('5760');
  });

  it('books a meeting and hands off to a human, recording both in the state', async () => {
    standIn.setBehaviour({
      turns: [
        {
          toolCalls: [
            { id: 'call_book', name: 'book_meeting', arguments: { email: 'ana@acme.com', preferredTimes: ['next Tuesday at 10am'], timezone: 'Europe/Madrid' } },
            { id: 'call_human', name: 'request_human', arguments: { reason: 'Wants to negotiate a multi-year contract' } },
          ],
        },
        { text: 'Booked, and a colleague will follow up.' },
      ],
    });
    const { chunks, session } = await run(apiMode);
    const booking = chunks.find((chunk) => chunk.type === 'data-booking');
    expect(booking && 'data' in booking ? (booking.data as { ics: string }).ics : '').toMatch(/BEGIN:VCALENDAR[\s\S]*ATTENDEE[^\n]*ana@acme\.com/);
    expect(session.state.bookings).toHaveLength(1);
    expect(session.state.bookings[0]?.timezone).toBe('Europe/Madrid');
    expect(session.state.handoff?.reason).toBe('Wants to negotiate a multi-year contract');
    expect(session.state.stage).toBe('handoff');
    expect(session.state.stageHistory.map((change) => change.to)).toContain('closing');
    expect(chunks.some((chunk) => chunk.type === 'data-handoff')).toBe(true);
  });

  it('cancels the meeting it booked: cancel_meeting through the model, its card part and the state', async () => {
    standIn.setBehaviour({
      turns: [
        {
          toolCalls: [
            { id: 'call_book', name: 'book_meeting', arguments: { email: 'ana@acme.com', preferredTimes: ['next Tuesday at 10am'], timezone: 'Europe/Madrid' } },
            { id: 'call_cancel', name: 'cancel_meeting', arguments: { reason: 'something came up' } },
          ],
        },
        { text: 'Done: your demo is cancelled.' },
      ],
    });
    const { chunks, session } = await run(apiMode);
    const outputs = chunks.flatMap((chunk) => (chunk.type === 'tool-output-available' ? [chunk] : []));
    const cancelled = outputs.find((chunk) => chunk.toolCallId === 'call_cancel')?.output as { ok: boolean; cancelled: string };
    expect(cancelled).toMatchObject({ ok: true, cancelled: session.state.bookings[0]?.localLabel });
    const cards = chunks.flatMap((chunk) => (chunk.type === 'data-booking' ? [chunk.data as { id: string; cancelled?: true; ics: string }] : []));
    expect(cards.map((card) => card.cancelled ?? false)).toEqual([false, true]);
    expect(cards[1]?.id).toBe(cards[0]?.id);
    expect(cards[1]?.ics).toContain('METHOD:CANCEL');
    expect(session.state.bookings).toHaveLength(1);
    expect(session.state.bookings[0]?.cancelledAt).toEqual(expect.any(Number));
    expect(session.state.handoff).toBeUndefined();
    // The model was told, with the tool's result, that it is cancelled.
    const calls = standIn.requests.filter((entry: { path: string }) => entry.path.startsWith('/v1/'));
    expect(JSON.stringify(calls[1]?.body)).toContain('Cancelled: ');
    // The cancel tool is offered to the model with the other sales tools.
    expect(JSON.stringify(calls[0]?.body)).toContain('cancel_meeting');
  });
});
