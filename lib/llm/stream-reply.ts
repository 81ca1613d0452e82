import 'server-only';
import {
  convertToModelMessages,
  toUIMessageChunk,
  type InferUIMessageChunk,
  type LanguageModel,
  type ToolSet,
  type UIMessageChunk,
} from 'ai';
import { messageText, type MessageMetadata, type SalesUIMessage } from '@/lib/sales/ui-message';
import { friendlyErrorText } from '@/lib/llm/friendly-error';
import { heldModel } from '@/lib/llm/hold';
import { createPriceGuard, type PriceGuard } from '@/lib/llm/price-guard';
import { streamSteps } from '@/lib/llm/step-loop';
import type { AgentTurnInput } from '@/lib/llm/types';
import { beginTurn, endTurn, type TurnPlan } from '@/lib/sales/brain';
import { fallbackNotice, unverifiedPriceMarker, unverifiedPriceNotice } from '@/lib/sales/prompts';
import { sourcesForReply } from '@/lib/sales/sources';
import { createSalesTools } from '@/lib/sales/tools';
import { diffSalesState } from '@/lib/sales/state-diff';
import { createStateLedger, type StateLedger } from '@/lib/sales/turn-state';
import { chunkStream } from '@/lib/stream/chunk-stream';

type SalesChunk = InferUIMessageChunk<SalesUIMessage>;

/** How many model steps a turn may take (tool calls and their follow-up text). */
const MAX_STEPS = 5;
/** Passages sent to the browser as `source-document` parts: what the answer was grounded on. */
const SOURCES_SHOWN = 3;

export interface StreamReplyOptions {
  model: LanguageModel;
  agent: NonNullable<MessageMetadata['agent']>;
  /** Answers instead when the primary model fails before writing anything (the offline agent behind OpenAI). */
  fallback?: { model: LanguageModel; agent: NonNullable<MessageMetadata['agent']> };
  input: AgentTurnInput;
  tokenBudget: number;
  now: () => number;
  generateId: () => string;
  logError: (message: string, error: unknown) => void;
  /** Stream a `data-debug` part with the reply (DEBUG_AGENT=1; lib/config-debug.ts). Never set in production by default. */
  debug?: boolean;
}

/**
 * One assistant turn as UI message chunks: start (with metadata), the sales brain's data parts (lead, stage), the
 * sources, then the model's text and tool parts, finish. A primary model that fails before its first word is replaced
 * by the fallback with a visible notice; any other failure ends as an `error` chunk with a friendly sentence.
 */
export function streamAgentReply(options: StreamReplyOptions): ReadableStream<UIMessageChunk> {
  const { input, logError } = options;
  const { context } = input;
  const contactEmail = context.kb.company.salesEmail;
  const toErrorText = (error: unknown) => friendlyErrorText(error, contactEmail, context.locale);
  const label = `[llm] ${options.agent} reply failed (conversation ${input.conversationId})`;

  // What the debug part reports (collected always: a few array pushes per turn).
  const toolCalls: { name: string; input: unknown; output: unknown }[] = [];
  const tokens = { input: 0, output: 0 };

  return chunkStream<SalesChunk>(
    async (write) => {
      // The one place this turn's updates are applied: events go to the browser, the update to the chat turn.
      const ledger = createStateLedger(input.state, (update) => {
        for (const event of update.events) write(event);
        input.onUpdate?.(update);
      });
      write({
        type: 'start',
        messageId: options.generateId(),
        messageMetadata: { createdAt: options.now(), agent: options.agent, turnId: input.userMessage.id },
      });

      const started = options.now();
      const timings: { name: string; ms: number }[] = [];
      const { plan, ...begun } = beginTurn(ledger.state, context, {
        history: input.history,
        userMessage: input.userMessage,
        tokenBudget: options.tokenBudget,
        trimmedMessages: input.trimmedMessages,
      });
      ledger.apply(begun);
      timings.push({ name: 'plan', ms: options.now() - started });
      const messages = await convertToModelMessages([...plan.recent, input.userMessage]);

      // A turn started before the store answered (input.hold) sends its request now; what the model says waits.
      const beforeReply = ledger.state;
      const primary = await relaySteps({ ...options, model: heldModel(options.model, input.hold), agent: options.agent, ledger, plan, messages, write, fallible: Boolean(options.fallback) });
      let reply = primary.text;
      // A reply stopped (or a speculative start dropped: lib/chat/turn.ts) before its first word is not a failure.
      // Nor is a model that wrote no word at all (it called tools until the step limit, or answered nothing): the
      // prospect would get an empty reply, so the fallback answers then too — unless the model booked, moved or cancelled
      // a meeting or handed over (its card is shown): the fallback would do it a second time.
      const acted = ledger.state.bookings !== beforeReply.bookings || ledger.state.handoff !== beforeReply.handoff;
      const wroteNothing = primary.failedBeforeText === undefined && primary.text.trim() === '' && !acted;
      const fellBack = (primary.failedBeforeText !== undefined || wroteNothing) && Boolean(options.fallback) && !input.abortSignal?.aborted;
      if (fellBack && options.fallback) {
        logError(`${label}; answering with the ${options.fallback.agent} agent`, primary.failedBeforeText ?? new Error('the model wrote no text'));
        write({ type: 'data-notice', data: { level: 'warning', code: 'fallback_agent', message: fallbackNotice(context.locale) } });
        // The reply is the fallback's: so says its metadata (stored, and shown in the admin transcript), not the start's.
        write({ type: 'message-metadata', messageMetadata: { agent: options.fallback.agent } });
        reply = (await relaySteps({ ...options, model: options.fallback.model, agent: options.fallback.agent, ledger, plan, messages, write, fallible: false })).text;
      }
      // A price the guard left out is said under the reply, in the prospect's language.
      if (!fellBack && primary.unverifiedPrices.length > 0) {
        logError(`[llm] ${options.agent} reply (conversation ${input.conversationId}) named prices that are not in the catalogue nor a tool's answer; left out`, new Error(primary.unverifiedPrices.join(', ')));
        write({ type: 'data-notice', data: { level: 'warning', code: 'unverified_price', message: unverifiedPriceNotice(context.locale) } });
      }
      // Sources follow the reply because only the passages it used are worth showing.
      const used = sourcesForReply(reply, plan.passages, SOURCES_SHOWN);
      for (const passage of used) {
        write({ type: 'source-document', sourceId: passage.id, mediaType: 'text/plain', title: passage.title });
      }
      ledger.apply(endTurn(ledger.state, plan, reply));
      timings.push({ name: 'reply', ms: options.now() - started });
      if (options.debug) {
        write({
          type: 'data-debug',
          data: {
            stage: ledger.state.stage,
            stateDiff: diffSalesState(input.state, ledger.state),
            passages: plan.passages.map(({ id, title, score }) => ({ id, title, score, used: used.some((passage) => passage.id === id) })),
            tools: toolCalls,
            tokens: { ...tokens, budget: options.tokenBudget },
            timings,
          },
        });
      }
      const objection = plan.intent === 'objection' ? plan.passages.find((passage) => passage.kind === 'objection')?.id.split(':')[1] : undefined;
      input.onReport?.({ intent: plan.intent, used, ...(objection ? { objection } : {}), fellBack });
      // An aborted reply already ended with an `abort` chunk.
      if (!input.abortSignal?.aborted) write({ type: 'finish' });
    },
    (error) => {
      logError(label, error);
      return toErrorText(error);
    },
  );

  /** Streams one model's steps into the writer. With `fallible`, an error before any text stops and is returned. */
  async function relaySteps(args: {
    model: LanguageModel;
    agent: NonNullable<MessageMetadata['agent']>;
    ledger: StateLedger;
    plan: TurnPlan;
    messages: Awaited<ReturnType<typeof convertToModelMessages>>;
    write: (chunk: SalesChunk) => void;
    fallible: boolean;
  }): Promise<{ failedBeforeText?: unknown; text: string; unverifiedPrices: readonly string[] }> {
    const abort = new AbortController();
    const offline = args.agent === 'offline' || (typeof args.model !== 'string' && args.model.provider === 'offline');
    // The offline agent writes only the tools' figures; a configured model's amounts are checked as they stream. The
    // guard reads the prompt's amounts (~0.3 ms) after the model's request has gone out (below), while the model thinks:
    // neither the request nor the first word waits for it.
    let made: PriceGuard | undefined;
    const guardFor = (): PriceGuard | undefined =>
      offline
        ? undefined
        : (made ??= createPriceGuard(
            {
              kb: context.kb,
              vouched: [args.plan.instructions, ...args.plan.recent.filter((message) => message.role === 'assistant').map(messageText)],
              prospect: context.userMessages.map((message) => message.text),
            },
            unverifiedPriceMarker(context.locale),
          ));
    const signal = input.abortSignal ? AbortSignal.any([input.abortSignal, abort.signal]) : abort.signal;
    const tools = createSalesTools(context, args.ledger);
    // Our own tool loop over the AI SDK's single model call (lib/llm/step-loop.ts): the same steps as `streamText`
    // without its stream stages per part. A configured model gets no tools for its last step, nor once it calls a tool
    // again with the same input (a loop): it must write the reply from what the tools answered.
    const steps = streamSteps({
      model: args.model,
      instructions: args.plan.instructions,
      messages: args.messages,
      tools,
      maxSteps: MAX_STEPS,
      toolChoice: ({ stepNumber, calls }) => (!offline && (stepNumber >= MAX_STEPS - 1 || repeatsToolCall(calls)) ? 'none' : 'auto'),
      // The offline agent reads the turn's context from here (a JSON copy of the state); other models never see it, so
      // they are not sent it (the copy was per-turn work for nothing).
      ...(offline
        ? { providerOptions: { offline: { state: JSON.parse(JSON.stringify(args.ledger.state)), passages: args.plan.passages, nextField: args.plan.nextField ?? null, intent: args.plan.intent, locale: context.locale, invitesByEmail: context.invitesByEmail, ...(context.visitorTimeZone ? { visitorTimeZone: context.visitorTimeZone } : {}) } } }
        : {}),
      abortSignal: signal,
    });
    // (A timer runs after this task's promise jobs, in which the model's request is sent.)
    if (!offline) setTimeout(guardFor, 0);
    let text = '';
    let textId: string | undefined;
    const unverified = (): readonly string[] => made?.replaced ?? [];
    /** Writes a text delta (what the price guard releases of it); whatever the guard holds goes before any other part. */
    const writeText = (id: string, delta: string) => {
      if (delta === '') return;
      text += delta;
      const chunk = toUIMessageChunk<ToolSet, SalesUIMessage>({ type: 'text-delta', id, text: delta }, { tools, sendStart: false, sendFinish: false, onError: toErrorText });
      if (chunk) args.write(chunk);
    };
    for await (const part of steps) {
      if (part.type === 'tool-result') {
        toolCalls.push({ name: part.toolName, input: part.input, output: part.output });
        guardFor()?.allowTool(part.output);
      }
      const guard = part.type === 'text-delta' ? guardFor() : made;
      if (guard && part.type === 'text-delta') {
        textId = part.id;
        writeText(part.id, guard.push(part.text));
        continue;
      }
      if (guard && textId !== undefined) writeText(textId, guard.flush());
      if (part.type === 'error') {
        if (args.fallible && text === '') {
          abort.abort();
          return { failedBeforeText: part.error, text, unverifiedPrices: unverified() };
        }
        if (!args.fallible) logError(label, part.error);
      }
      if (part.type === 'finish') {
        input.onUsage?.({ inputTokens: part.usage.inputTokens, outputTokens: part.usage.outputTokens });
        tokens.input += part.usage.inputTokens;
        tokens.output += part.usage.outputTokens;
        continue;
      }
      if (part.type === 'start-step' || part.type === 'finish-step' || part.type === 'abort') {
        args.write(part);
        continue;
      }
      if (part.type === 'text-delta') text += part.text;
      const chunk = toUIMessageChunk<ToolSet, SalesUIMessage>(part, { tools, sendStart: false, sendFinish: false, onError: toErrorText });
      if (chunk) args.write(chunk);
    }
    return { text, unverifiedPrices: unverified() };
  }
}

/** The last step called a tool with the same input as an earlier step did: the model is going round in circles. */
function repeatsToolCall(steps: readonly (readonly { toolName: string; input: unknown }[])[]): boolean {
  const last = steps.at(-1);
  if (!last || last.length === 0) return false;
  const earlier = new Set(steps.slice(0, -1).flatMap((calls) => calls.map((call) => `${call.toolName}:${JSON.stringify(call.input)}`)));
  return last.some((call) => earlier.has(`${call.toolName}:${JSON.stringify(call.input)}`));
}
