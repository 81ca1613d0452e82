import type { LanguageModelV4CallOptions, LanguageModelV4Prompt } from '@ai-sdk/provider';
import { z } from 'zod';
import { readIntroduction, withFacts, type ReadFacts } from '@/lib/llm/offline/lead-reading';
import { replyLanguage } from '@/lib/llm/offline/language';
import { withOwnTools } from '@/lib/llm/offline/asides';
import { latinToolNames } from '@/lib/sales/memory';
import { LOCALES } from '@/lib/i18n/locales';
import { classifySalesIntent, SALES_INTENTS, type SalesIntent } from '@/lib/sales/intents';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { knowledgeFor } from '@/lib/sales/knowledge-locale';
import { nextField as pickNextField } from '@/lib/sales/playbook';
import { searchKnowledge, type Passage } from '@/lib/sales/retrieval';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { emptySalesState, leadFieldSchema, salesStateSchema, type LeadField, type SalesState, type Stage } from '@/lib/sales/state';

/**
 * What one offline model call works from: the turn context the sales brain passes as `providerOptions.offline`
 * (validated here, because provider options are untyped JSON) and what the prompt holds — the prospect's messages,
 * and the tool calls and results of this turn's earlier steps. Without the brain's context (the model used on its
 * own) it derives the same things from the prompt, so the agent still answers from the knowledge base.
 */

const passageSchema = z.object({
  id: z.string(),
  kind: z.enum(['company', 'plan', 'faq', 'objection', 'competitor', 'case', 'policy']),
  title: z.string(),
  text: z.string(),
  score: z.number(),
});

// The state is read with the sales state's one schema (lib/sales/state.ts): provider options are untyped JSON.
export const offlineOptionsSchema = z.object({
  state: salesStateSchema,
  passages: z.array(passageSchema).default([]),
  nextField: leadFieldSchema.nullish(),
  intent: z.enum(SALES_INTENTS).optional(),
  locale: z.enum(LOCALES).default('en'),
  visitorTimeZone: z.string().max(64).optional(),
  invitesByEmail: z.boolean().optional(),
});

export interface ToolExchange {
  toolCallId: string;
  toolName: string;
  input: unknown;
  /** The tool's output (JSON) or undefined when it failed or has not run. */
  output: unknown;
  failed: boolean;
}

export interface OfflineTurn {
  kb: KnowledgeBase;
  /** The prospect's latest message. */
  text: string;
  /** The prospect's messages in the prompt, oldest first (the latest included). */
  userTexts: string[];
  /** The agent's last three replies in the prompt, oldest first: no sentence of theirs is said again. */
  previousReplies: string[];
  /** Every reply of the agent in the prompt, oldest first: a person greeted by name once is not greeted again. */
  allReplies: string[];
  state: SalesState;
  stage: Stage;
  intent: SalesIntent;
  passages: Passage[];
  nextField?: LeadField;
  locale: SalesLocale;
  /** Facts the message states that the brain's (English and Spanish) extraction missed: recorded with capture_lead. */
  introduced: ReadFacts;
  /** This turn's tool calls with their results, when the prompt ends with them (the step after the tool calls). */
  exchanges: ToolExchange[];
  /** Tools the caller offered; a tool not offered is never called. */
  tools: Set<string>;
  /** Epoch ms the call is read against (meeting times such as "tomorrow"). */
  now: number;
  /** The zone a meeting is booked in when the prospect names none: their browser's, else the knowledge base's default. */
  bookingZone: { zone: string; from: 'browser' | 'default' };
  /**
   * Whether a booked prospect is e-mailed the invite: the configuration the booking tool reads (SalesTurnContext), so
   * "will I get an invite?" is answered truly before any booking. Undefined for the model used without the brain.
   */
  invitesByEmail: boolean | undefined;
}

export function readTurn(call: LanguageModelV4CallOptions, baseKb: KnowledgeBase, now: number): OfflineTurn {
  const parsed = offlineOptionsSchema.safeParse(call.providerOptions?.offline);
  const options = parsed.success ? parsed.data : undefined;
  const given: SalesState = options?.state ?? emptySalesState(now);
  // Tool names in Arabic script ("هل يتكامل مع سلاك؟") read in their own spelling; "our CRM" as the CRM they use.
  const userTexts = userTextsOf(call.prompt).map(latinToolNames);
  const said = userTexts.at(-1) ?? '';
  const text = withOwnTools(said, given);
  if (text !== said) userTexts.splice(-1, 1, text);
  // A French message gets a French answer even on the English site; an English one on the Spanish site stays Spanish.
  const locale = replyLanguage(options?.locale ?? 'en', userTexts);
  // The reply's language decides the knowledge it quotes: the locale's overlay of the same plans and prices. Passages
  // the brain retrieved from a knowledge base in another language are looked up again in this one.
  const kb = knowledgeFor(baseKb, locale);
  const passages = options && kb === baseKb ? options.passages : searchKnowledge(text, { limit: 4, kb });
  // Both steps read the same introduction from the same message, so they agree on the topic; capture_lead records it.
  const introduced = readIntroduction(text, locale, given, kb);
  const state = withFacts(given, introduced, text, now);
  const read = Object.keys(introduced).length > 0;
  return {
    kb,
    text,
    userTexts,
    previousReplies: assistantTextsOf(call.prompt).slice(-3),
    allReplies: assistantTextsOf(call.prompt),
    state,
    stage: state.stage,
    intent: options?.intent ?? classifySalesIntent(text, kb),
    passages,
    nextField: read ? pickNextField(state) : (options?.nextField ?? undefined),
    introduced,
    locale,
    exchanges: exchangesOf(call.prompt),
    tools: new Set((call.tools ?? []).flatMap((tool) => (tool.type === 'function' ? [tool.name] : []))),
    now,
    bookingZone: options?.visitorTimeZone ? { zone: options.visitorTimeZone, from: 'browser' } : { zone: kb.policies.meetings.defaultTimezone, from: 'default' },
    invitesByEmail: options?.invitesByEmail,
  };
}

/** The user messages of a prompt, oldest first, as plain text. */
export function userTextsOf(prompt: LanguageModelV4Prompt): string[] {
  return prompt.flatMap((message) =>
    message.role === 'user' ? [message.content.map((part) => (part.type === 'text' ? part.text : '')).join('').trim()] : [],
  );
}

/** The assistant's text replies in the prompt, oldest first. */
function assistantTextsOf(prompt: LanguageModelV4Prompt): string[] {
  return prompt.flatMap((message) =>
    message.role === 'assistant' ? [message.content.map((part) => (part.type === 'text' ? part.text : '')).join('').trim()].filter(Boolean) : [],
  );
}

/** The tool calls after the last user message, paired with their results. Empty when the prompt ends with the user. */
function exchangesOf(prompt: LanguageModelV4Prompt): ToolExchange[] {
  const lastUser = prompt.map((message) => message.role).lastIndexOf('user');
  const exchanges = new Map<string, ToolExchange>();
  for (const message of prompt.slice(lastUser + 1)) {
    if (message.role === 'system' || message.role === 'user') continue;
    for (const part of message.content) {
      if (part.type === 'tool-call') {
        exchanges.set(part.toolCallId, { toolCallId: part.toolCallId, toolName: part.toolName, input: part.input, output: undefined, failed: true });
      } else if (part.type === 'tool-result') {
        const exchange = exchanges.get(part.toolCallId);
        const ok = part.output.type === 'json';
        const output = part.output.type === 'json' ? part.output.value : undefined;
        if (exchange) exchanges.set(part.toolCallId, { ...exchange, output, failed: !ok });
      }
    }
  }
  return [...exchanges.values()];
}

/** Whether the prompt ends with tool results: the step that writes the reply from them. */
export function endsWithToolResults(prompt: LanguageModelV4Prompt): boolean {
  return prompt.at(-1)?.role === 'tool';
}
