import 'server-only';
import { messageText, type SalesUIMessage } from '@/lib/chat/messages';
import { classifySalesIntent, type SalesIntent } from '@/lib/sales/intents';
import { countTokens, fitContext } from '@/lib/sales/context';
import { extractLeadFacts } from '@/lib/sales/lead';
import { nextField as pickNextField } from '@/lib/sales/playbook';
import { buildSystemPrompt } from '@/lib/sales/prompts';
import { searchKnowledge, type Passage } from '@/lib/sales/retrieval';
import type { SalesSession } from '@/lib/sales/session';
import { fieldsAskedIn } from '@/lib/sales/asked-questions';
import { rememberAsked, rememberObjection, rememberTools, statedTools } from '@/lib/sales/memory';
import { applyLeadFacts, moveStage } from '@/lib/sales/tools';
import { isUnclear } from '@/lib/sales/unclear';
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
  {
    history,
    userMessage,
    tokenBudget,
    trimmedMessages = 0,
  }: {
    history: SalesUIMessage[];
    userMessage: SalesUIMessage;
    tokenBudget: number;
    /** Messages the store has already trimmed off the front of `history` (the summary counts from the very first). */
    trimmedMessages?: number;
  },
): TurnPlan {
  const text = messageText(userMessage);
  // Keyboard mashing after "how many people?" is not an answer to it.
  const facts = isUnclear(text) ? {} : extractLeadFacts({
    text,
    messageId: userMessage.id,
    askedField: session.state.lastAskedField,
    now: session.now(),
    // Our own company and plan names are never the prospect's name or company.
    ownNames: [session.kb.company.name, ...session.kb.plans.flatMap((plan) => [plan.name, ...plan.aliases])],
  });
  const changed = applyLeadFacts(session, facts, 'message');

  const intent = intentOf(text, session, changed);
  moveStage(session, { intent, changed, objection: intent === 'objection', evidence: `"${text.slice(0, 160)}"` });

  const passages = searchKnowledge(text, { limit: 4, kb: session.kb });
  session.state = rememberTools(session.state, statedTools(text, session.kb));
  if (intent === 'objection') session.state = rememberObjection(session.state, passages.find((passage) => passage.kind === 'objection')?.id.split(':')[1]);
  const nextField = pickNextField(session.state);
  const prompt = { kb: session.kb, passages, nextField, locale: session.locale };
  // fitContext counts the summary itself, so the system prompt is measured without it.
  const withoutSummary = buildSystemPrompt({ ...prompt, state: { ...session.state, summary: undefined } });

  const previous = session.state.summary;
  const fit = fitContext({
    systemTokens: countTokens(withoutSummary),
    messages: [...history, userMessage].map((message) => ({ id: message.id, role: message.role, text: messageText(message) })),
    summary: previous ? { ...previous, coveredMessages: Math.max(0, previous.coveredMessages - trimmedMessages) } : undefined,
    budget: tokenBudget,
    planNames: session.kb.plans.map((plan) => plan.name),
  });
  if (fit.summary) {
    session.state = { ...session.state, summary: { ...fit.summary, coveredMessages: fit.summary.coveredMessages + trimmedMessages } };
  }
  const keep = new Set(fit.recent.map((message) => message.id));
  const instructions = session.state.summary ? buildSystemPrompt({ ...prompt, state: session.state }) : withoutSummary;

  return {
    intent,
    passages,
    nextField,
    instructions,
    // Only the text of earlier messages was counted against the budget, so only the text is sent: their tool calls
    // and results (a quote carries the whole plan) would otherwise grow the prompt past the budget unseen.
    recent: history.filter((message) => keep.has(message.id)).flatMap(textOnly),
    promptTokens: fit.totalTokens,
  };
}

/**
 * After the reply: remember what it asked (read from its words, whichever agent wrote it), so the next answer counts
 * as asked and no field is asked a third time. Without a recognisable question, the field the agent was told to ask.
 */
export function endTurn(session: SalesSession, plan: TurnPlan, reply = ''): void {
  const asked = fieldsAskedIn(reply);
  session.state = { ...rememberAsked(session.state, asked), lastAskedField: asked.at(-1) ?? plan.nextField };
}

// "Next quarter" answers "when?" as often as it objects: a message that gave a timeline objects only if it still
// does without its time phrases.
const TIME_PHRASE = /\b(next|this|in the next|within the next|in) (quarter|month|year|few (weeks|months)|two months|\d+ (weeks|months))\b|\b(pr[oó]ximo (mes|trimestre|a[nñ]o)|m[aá]s adelante)\b/gi;

function intentOf(text: string, session: SalesSession, changed: LeadField[]) {
  const intent = classifySalesIntent(text, session.kb);
  if (intent !== 'objection' || !changed.includes('timeline')) return intent;
  return classifySalesIntent(text.replace(TIME_PHRASE, ' '), session.kb);
}

function textOnly(message: SalesUIMessage): SalesUIMessage[] {
  const parts = message.parts.filter((part) => part.type === 'text');
  return parts.length > 0 ? [{ ...message, parts }] : [];
}
