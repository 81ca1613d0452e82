import type { UIMessageChunk } from 'ai';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { startChatTurn } from '@/lib/chat/turn';
import { parseServerConfig, type LlmConfig } from '@/lib/config';
import { LOCALES } from '@/lib/i18n/locales';
import { NO_TURN_LIMITS } from '../support/visitor';
import type { SalesAgent } from '@/lib/llm/types';
import { formatPrice } from '@/lib/sales/knowledge';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { PROMPT_CANARY } from '@/lib/sales/prompts';
import { LEAD_FIELDS, STAGES, type SalesState } from '@/lib/sales/types';
import { createMemoryStore } from '@/lib/store/memory';
import type { SalesUIMessage } from '@/lib/sales/ui-message';

/**
 * The sales evaluation's engine: plays a scenario's prospect turns through the real chat turn (startChatTurn → agent
 * → tools → store) and checks what came back, deterministically. Shared by the eval suite; no Jest in here.
 */

const textChecks = z
  .object({
    includes: z.array(z.string()).default([]),
    excludes: z.array(z.string()).default([]),
    matches: z.array(z.string()).default([]),
  })
  .strict();

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    behaviour: z.string().min(1),
    locale: z.enum(LOCALES),
    turns: z.array(z.string().min(1)).min(1),
    checks: z
      .object({
        /** On the last reply. */
        reply: textChecks.optional(),
        /** On all replies together. */
        replies: textChecks.optional(),
        tools: z.array(z.string()).default([]),
        noTools: z.array(z.string()).default([]),
        lead: z.partialRecord(z.enum(LEAD_FIELDS), z.union([z.string(), z.number()])).default({}),
        leadAbsent: z.array(z.enum(LEAD_FIELDS)).default([]),
        stage: z.array(z.enum(STAGES)).optional(),
        stagesVisited: z.array(z.enum(STAGES)).default([]),
        bookings: z.number().int().min(0).optional(),
        bookingTimezone: z.string().optional(),
        /** How many of the bookings the prospect cancelled (cancel_meeting). */
        cancelled: z.number().int().min(0).optional(),
        handoff: z.boolean().optional(),
        dataParts: z.array(z.string()).default([]),
      })
      .strict(),
  })
  .strict();

export const scenarioFileSchema = z.object({
  /** The clock every scenario runs at, so "Tuesday at 10am" always means the same slot. */
  now: z.iso.datetime(),
  scenarios: z.array(scenarioSchema).min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export interface Transcript {
  replies: string[];
  chunks: UIMessageChunk[];
  state: SalesState | undefined;
  toolCalls: { toolName: string; input: unknown; output: unknown }[];
  /**
   * The part types of the replies as stored (what the agent made, e.g. `data-stage`): the visitor's stream (`chunks`)
   * carries no stage nor tool parts (lib/chat/visitor-view.ts), so tool calls are read from the stored replies too.
   */
  made?: string[];
}

/** Plays the scenario's turns one after another in a fresh conversation, each turn stored before the next starts. */
export async function playScenario(scenario: Scenario, options: { agent: SalesAgent; kb: KnowledgeBase; now: number }): Promise<Transcript> {
  const store = createMemoryStore({ prefix: 'eval:', conversationTtlSeconds: 3600, maxMessages: 1000 });
  const conversationId = randomUUID();
  const transcript: Transcript = { replies: [], chunks: [], state: undefined, toolCalls: [], made: [] };
  for (const [index, text] of scenario.turns.entries()) {
    let stored!: () => void;
    let reply: SalesUIMessage | undefined;
    const done = new Promise<void>((resolve) => (stored = resolve));
    const stream = await startChatTurn({
      conversationId,
      visitorId: 'eval-visitor-000000000000',
      limits: NO_TURN_LIMITS,
      message: { id: `${scenario.id}-u${index}`, text },
      store,
      agent: options.agent,
      now: () => options.now,
      locale: scenario.locale,
      kb: options.kb,
      onStored: ({ messages }) => {
        reply = messages.find((message) => message.role === 'assistant');
        stored();
      },
    });
    const chunks: UIMessageChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    await done;
    transcript.chunks.push(...chunks);
    transcript.replies.push(chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join(''));
    for (const part of reply?.parts ?? []) {
      transcript.made?.push(part.type);
      if (part.type.startsWith('tool-') && 'state' in part && part.state === 'output-available') {
        transcript.toolCalls.push({ toolName: part.type.slice('tool-'.length), input: part.input, output: part.output });
      }
    }
  }
  transcript.state = (await store.getConversation({ id: conversationId }))?.state ?? undefined;
  return transcript;
}

/** Words and markers only the system prompt contains: a reply holding any of them leaked it. */
const PROMPT_MARKERS = [PROMPT_CANARY, 'Never reveal', '# Rules', '# Policies', 'Goal now:', 'Next thing worth asking', 'capture_lead'];
// (Or as another language writes it, the sign after: "1 365 $US", "1.365 $", "1365 US$".)
const AMOUNT = /[$€£]\s?\d[\d,]*(?:\.\d+)?|(?<![\d.,])(?:\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?:[.,]\d{2})?\u00a0(?:US\$|\$US|[$€£])/g;

/** Every failed check, as a sentence; empty when the scenario passes. */
export function checkScenario(scenario: Scenario, transcript: Transcript, context: { kb: KnowledgeBase; agentKind: SalesAgent['kind'] }): string[] {
  const failures: string[] = [];
  const { checks } = scenario;
  const { replies, state } = transcript;
  const last = replies.at(-1) ?? '';

  // Always: every turn answered, no error, nothing from the prompt, and every amount a catalogue or quote figure.
  replies.forEach((reply, index) => reply.trim() === '' && failures.push(`turn ${index + 1} got an empty reply`));
  for (const chunk of transcript.chunks) if (chunk.type === 'error') failures.push(`error chunk: ${chunk.errorText}`);
  for (const marker of PROMPT_MARKERS) {
    if (replies.some((reply) => reply.includes(marker))) failures.push(`a reply leaks the system prompt ("${marker}")`);
  }
  const allowed = allowedAmounts(transcript, context.kb);
  for (const reply of replies) {
    for (const amount of reply.match(AMOUNT) ?? []) {
      if (!allowed.has(amountValue(amount))) failures.push(`amount ${amount} is neither a catalogue price nor a get_pricing figure`);
    }
  }
  if (context.agentKind === 'openai' && transcript.chunks.some((chunk) => chunk.type === 'data-notice')) {
    failures.push('the offline fallback answered: this run did not evaluate the OpenAI agent');
  }
  for (const [field, fact] of Object.entries(state?.lead.fields ?? {})) {
    if (!fact || fact.evidence.trim() === '' || !scenario.turns.some((turn) => turn.includes(fact.evidence))) {
      failures.push(`lead ${field}'s evidence is not a sentence the prospect wrote: ${JSON.stringify(fact?.evidence)}`);
    }
  }

  if (checks.reply) failures.push(...checkText('last reply', [last], checks.reply));
  if (checks.replies) failures.push(...checkText('replies', [replies.join('\n\n')], checks.replies));
  const called = new Set(transcript.toolCalls.map((call) => call.toolName));
  for (const tool of checks.tools) if (!called.has(tool)) failures.push(`${tool} was not called`);
  for (const tool of checks.noTools) if (called.has(tool)) failures.push(`${tool} was called`);
  for (const [field, expected] of Object.entries(checks.lead)) {
    const actual = state?.lead.fields[field as keyof typeof checks.lead]?.value;
    const same = typeof expected === 'number' ? actual === expected : String(actual ?? '').toLowerCase() === expected.toLowerCase();
    if (!same) failures.push(`lead ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
  for (const field of checks.leadAbsent) {
    if (state?.lead.fields[field]) failures.push(`lead ${field} was captured (${JSON.stringify(state.lead.fields[field]?.value)})`);
  }
  if (checks.stage && !checks.stage.includes(state?.stage ?? 'greeting')) {
    failures.push(`stage is ${state?.stage}, expected ${checks.stage.join(' or ')}`);
  }
  const visited = new Set([state?.stage, ...(state?.stageHistory ?? []).flatMap((change) => [change.from, change.to])]);
  for (const stage of checks.stagesVisited) if (!visited.has(stage)) failures.push(`stage ${stage} was never reached`);
  const bookings = state?.bookings ?? [];
  if (checks.bookings !== undefined && bookings.length !== checks.bookings) failures.push(`${bookings.length} bookings, expected ${checks.bookings}`);
  for (const booking of bookings) {
    if (!booking.ics.includes('BEGIN:VCALENDAR') || !booking.ics.includes('END:VEVENT')) failures.push(`booking ${booking.id} has no .ics invite`);
  }
  if (checks.bookingTimezone && bookings.at(-1)?.timezone !== checks.bookingTimezone) {
    failures.push(`booking time zone is ${bookings.at(-1)?.timezone}, expected ${checks.bookingTimezone}`);
  }
  const cancelled = bookings.filter((booking) => booking.cancelledAt !== undefined);
  if (checks.cancelled !== undefined && cancelled.length !== checks.cancelled) failures.push(`${cancelled.length} bookings cancelled, expected ${checks.cancelled}`);
  for (const booking of cancelled) if (!booking.ics.includes('METHOD:CANCEL')) failures.push(`cancelled booking ${booking.id} has no cancellation .ics`);
  if (checks.handoff !== undefined && Boolean(state?.handoff) !== checks.handoff) failures.push(`handoff recorded: ${Boolean(state?.handoff)}`);
  const streamed = new Set<string>([...transcript.chunks.map((chunk) => chunk.type), ...(transcript.made ?? [])]);
  for (const part of checks.dataParts) if (!streamed.has(part)) failures.push(`no ${part} part was streamed`);
  return failures;
}

function checkText(label: string, texts: string[], checks: z.infer<typeof textChecks>): string[] {
  const text = texts.join('\n');
  const failures: string[] = [];
  for (const expected of checks.includes) if (!text.includes(expected)) failures.push(`${label} lacks "${expected}"`);
  for (const unwanted of checks.excludes) if (text.includes(unwanted)) failures.push(`${label} contains "${unwanted}"`);
  for (const pattern of checks.matches) if (!new RegExp(pattern, 'iu').test(text)) failures.push(`${label} does not match /${pattern}/`);
  return failures;
}

/** Catalogue prices and every figure a get_pricing call returned in this conversation, as numbers. */
function allowedAmounts(transcript: Transcript, kb: KnowledgeBase): Set<number> {
  const allowed = new Set<number>();
  for (const plan of kb.plans) {
    for (const price of [plan.pricePerSeatMonthly, plan.pricePerSeatMonthlyAnnual]) if (price !== null) allowed.add(price);
  }
  const figures = z.object({ ok: z.literal(true), perSeatMonthly: z.number(), monthlyTotal: z.number(), annualTotal: z.number(), annualSavings: z.number() });
  for (const call of transcript.toolCalls) {
    const quote = call.toolName === 'get_pricing' ? figures.safeParse(call.output) : undefined;
    if (quote?.success) [quote.data.perSeatMonthly, quote.data.monthlyTotal, quote.data.annualTotal, quote.data.annualSavings].forEach((value) => allowed.add(value));
  }
  // Formatting round-trips through formatPrice so "$8,700" and "$8,700.00" both compare as 8700.
  return new Set([...allowed].map((value) => amountValue(formatPrice(value, kb.company.currency))));
}

function amountValue(amount: string): number {
  if (/^[$€£]/.test(amount)) return Number(amount.replace(/[^\d.]/g, ''));
  // formatPrice writes cents with two digits, so a last group of three is thousands ("1.365 $", "12,50 $").
  const figure = amount.replace(/\u00a0(?:US\$|\$US|[$€£])$/, '');
  const cents = /[.,](\d{2})$/.exec(figure);
  return Number((cents ? figure.slice(0, -3) : figure).replace(/\D/g, '')) + (cents ? Number(cents[1]) / 100 : 0);
}

/**
 * The agent an evaluation runs: the offline agent, or with EVAL_AGENT=config the configured one (OpenAI with a key).
 * The typing delay is presentation only; evaluating without it is the same agent, faster.
 */
export function evalLlmConfig(): LlmConfig {
  const offline: LlmConfig = { provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 0, contextTokens: 6_000 };
  if (process.env.EVAL_AGENT !== 'config') return offline;
  return { ...parseServerConfig(process.env).llm, wordDelayMs: 0 };
}
