import 'server-only';
import { messageText, type SalesUIMessage } from '@/lib/chat/messages';
import { classifySalesIntent, type SalesIntent } from '@/lib/sales/intents';
import { countTokens, fitContext } from '@/lib/sales/context';
import { extractLeadFacts } from '@/lib/sales/lead';
import { nextField as pickNextField } from '@/lib/sales/playbook';
import { buildSystemPrompt } from '@/lib/sales/prompts';
import { searchKnowledge, type Passage } from '@/lib/sales/retrieval';
import type { SalesSession } from '@/lib/sales/session';
import { applyLeadFacts, moveStage } from '@/lib/sales/tools';
import type { LeadField } from '@/lib/sales/types';

export interface TurnPlan {
  intent: SalesIntent;
  passages: Passage[];
  nextField?: LeadField;
  /** The system prompt: company, stage goal, policies, lead state, summary, passages. */
  instructions: string;
  /** The history that fits the token budget next to the system prompt and summary, oldest first. */
  recent: SalesUIMessage[];
  /** Tokens of system + summary + recent history + the new message. */
  promptTokens: number;
}

/**
 * The sales brain's work before the model runs, the same for both agents: read lead facts out of the new message
 * (with the sentence as evidence), move the stage on that evidence, retrieve knowledge, fold old turns into the
 * summary when the history outgrows the budget, and write the system prompt.
 */
export function beginTurn(
  session: SalesSession,
  { history, userMessage, tokenBudget }: { history: SalesUIMessage[]; userMessage: SalesUIMessage; tokenBudget: number },
): TurnPlan {
  const text = messageText(userMessage);
  const facts = extractLeadFacts({
    text,
    messageId: userMessage.id,
    askedField: session.state.lastAskedField,
    now: session.now(),
    // Our own company and plan names are never the prospect's name or company.
    ownNames: [session.kb.company.name, ...session.kb.plans.flatMap((plan) => [plan.name, ...plan.aliases])],
  });
  const changed = applyLeadFacts(session, facts, 'message');

  const intent = classifySalesIntent(text, session.kb);
  moveStage(session, { intent, changed, objection: intent === 'objection', evidence: `"${text.slice(0, 160)}"` });

  const passages = searchKnowledge(text, { limit: 4, kb: session.kb });
  const nextField = pickNextField(session.state);
  const draft = buildSystemPrompt({ kb: session.kb, state: session.state, passages, nextField, locale: session.locale });

  const fit = fitContext({
    systemTokens: countTokens(draft),
    messages: [...history, userMessage].map((message) => ({ id: message.id, role: message.role, text: messageText(message) })),
    summary: session.state.summary,
    budget: tokenBudget,
  });
  if (fit.summary && fit.summary !== session.state.summary) session.state = { ...session.state, summary: fit.summary };
  const keep = new Set(fit.recent.map((message) => message.id));
  const instructions = fit.summary === undefined ? draft : buildSystemPrompt({ kb: session.kb, state: session.state, passages, nextField, locale: session.locale });

  return {
    intent,
    passages,
    nextField,
    instructions,
    recent: history.filter((message) => keep.has(message.id)),
    promptTokens: fit.totalTokens,
  };
}

/** After the reply: remember what the agent was told to ask, so the next answer counts as asked. */
export function endTurn(session: SalesSession, plan: TurnPlan): void {
  session.state = { ...session.state, lastAskedField: plan.nextField };
}
