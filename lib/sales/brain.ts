import 'server-only';
import { messageText, type SalesUIMessage } from '@/lib/sales/ui-message';
import { classifySalesIntent, STOP_QUESTIONS, type SalesIntent } from '@/lib/sales/intents';
import { countTokens, fitContext } from '@/lib/sales/context';
import { extractLeadFacts } from '@/lib/sales/lead';
import { BARE_COUNT, withoutDecisionMaker, withoutTimeline } from '@/lib/sales/lead/patterns';
import { nextField as pickNextField } from '@/lib/sales/playbook';
import { buildSystemPrompt, SUMMARY_HEADING } from '@/lib/sales/prompts';
import { searchKnowledge, type Passage } from '@/lib/sales/retrieval';
import { declinesEmail, declinesToSay, fieldsAskedIn, questionSentences } from '@/lib/sales/asked-questions';
import { growthIn, negatedTools, rememberAsked, rememberGrowth, rememberObjection, rememberTools, statedTools } from '@/lib/sales/memory';
import { applyLeadFacts, moveStage } from '@/lib/sales/tools';
import { then, type SalesTurnContext, type StateUpdate } from '@/lib/sales/turn-state';
import { isUnclear } from '@/lib/sales/unclear';
import { DAY_NAME, DAYPART, parseMeetingPhrases } from '@/lib/sales/booking';
import { knowledgeFor } from '@/lib/sales/knowledge-locale';
import type { LeadField, SalesState } from '@/lib/sales/state';

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
 * summary when the history outgrows the budget, and write the system prompt. Pure: returns the new state, the events
 * to stream and the plan.
 */
export function beginTurn(
  state: SalesState,
  context: SalesTurnContext,
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
): StateUpdate & { plan: TurnPlan } {
  const { kb, locale } = context;
  const now = context.now();
  const text = messageText(userMessage);
  // Keyboard mashing after "how many people?" is not an answer to it.
  const facts = isUnclear(text) ? {} : extractLeadFacts({
    text,
    messageId: userMessage.id,
    // A bare number ("10") answers no question about a goal, a name or a role: with no team size on record it is the
    // team size (asked before, or asked now in place of the question that does not take a number).
    // ("10" right after "what day and time suit you?", or after "thursday", is the hour: no field at all.)
    askedField: BARE_COUNT.test(text) && hourAsked(history, now) ? undefined : bareTeamSize(text, state) ? 'teamSize' : state.lastAskedField,
    now,
    ...(typeof state.lead.fields.teamSize?.value === 'number' ? { knownTeamSize: state.lead.fields.teamSize.value } : {}),
    ...(typeof state.lead.fields.name?.value === 'string' ? { knownName: state.lead.fields.name.value } : {}),
    ...(typeof state.lead.fields.company?.value === 'string' ? { knownCompany: state.lead.fields.company.value } : {}),
    // Our own company and plan names are never the prospect's name or company.
    ownNames: [kb.company.name, ...kb.plans.flatMap((plan) => [plan.name, ...plan.aliases])],
    kb: knowledgeFor(kb, locale),
  });
  const captured = applyLeadFacts(state, facts, { source: 'message', now, locale });
  const { changed } = captured;

  const intent = intentOf(text, context, changed);
  const moved = then(captured, (current) => moveStage(current, { intent, changed, objection: intent === 'objection', evidence: `"${text.slice(0, 160)}"` }, now));

  const passages = searchKnowledge(text, { limit: 4, kb });
  let next = rememberGrowth(rememberTools(moved.state, statedTools(text, kb), negatedTools(text, kb)), growthIn(text));
  // "I'd rather not say" to the question just asked: that question is dropped, not asked again in other words.
  const declined = state.lastAskedField;
  if (declined && next.lead.fields[declined] === undefined && declinesToSay(text)) next = { ...next, asked: { ...next.asked, [declined]: Math.max(2, next.asked?.[declined] ?? 0) } };
  // "No email please", whatever was asked: the general ask for it is dropped too.
  if (next.lead.fields.email === undefined && declinesEmail(text)) next = { ...next, noEmail: true, asked: { ...next.asked, email: Math.max(2, next.asked?.email ?? 0) } };
  if (intent === 'objection') next = rememberObjection(next, passages.find((passage) => passage.kind === 'objection')?.id.split(':')[1]);
  // "Stop asking me questions" holds for the rest of the conversation, long after the message has left the prompt.
  if (!next.quiet && STOP_QUESTIONS.test(text)) next = { ...next, quiet: true };
  const nextField = next.quiet ? undefined : pickNextField(next, askedRecently(history, text));
  const prompt = { kb, passages, nextField, locale, visitorTimeZone: context.visitorTimeZone, invitesByEmail: context.invitesByEmail };
  // fitContext counts the summary itself, so the system prompt is measured without it.
  const withoutSummary = buildSystemPrompt({ ...prompt, state: { ...next, summary: undefined } });

  const previous = next.summary;
  const fit = fitContext({
    // (With the summary's section heading, which the summary's own count leaves out.)
    systemTokens: countTokens(withoutSummary) + countTokens(`\n\n${SUMMARY_HEADING}\n`),
    messages: [...history, userMessage].map((message) => ({ id: message.id, role: message.role, text: messageText(message) })),
    summary: previous ? { ...previous, coveredMessages: Math.max(0, previous.coveredMessages - trimmedMessages) } : undefined,
    budget: tokenBudget,
    planNames: kb.plans.map((plan) => plan.name),
  });
  if (fit.summary) next = { ...next, summary: { ...fit.summary, coveredMessages: fit.summary.coveredMessages + trimmedMessages } };
  const keep = new Set(fit.recent.map((message) => message.id));
  const instructions = next.summary ? buildSystemPrompt({ ...prompt, state: next }) : withoutSummary;

  return {
    state: next,
    events: moved.events,
    plan: {
      intent,
      passages,
      nextField,
      instructions,
      // Only the text of earlier messages was counted against the budget, so only the text is sent: their tool calls
      // and results (a quote carries the whole plan) would otherwise grow the prompt past the budget unseen.
      recent: history.filter((message) => keep.has(message.id)).flatMap(textOnly),
      promptTokens: fit.totalTokens,
    },
  };
}

/** How many of the agent's last replies an unanswered question stays out of (asked at most twice, spaced out). */
const ASK_SPACING = 3;

/** A message about a field's topic ("how much is pro?", "what about the budget?"): asking it then is no repeat. */
const ABOUT_FIELD: Partial<Record<LeadField, RegExp>> = {
  // (A price asked is priced per seat: the team size is what it needs.)
  teamSize: /\b(?:team|people|seats?|users?|staff|how much|price|pricing|cost|equipo|personas|usuarios|cu[aá]nto|precio|équipe|personnes|utilisateurs|combien|prix|leute|personen|nutzer|kostet|preis)\b|فريق|مستخدم|أشخاص|كم|سعر/iu,
  budget: /\b(?:budget|presupuesto|spend|afford)\b|ميزاني/iu,
  timeline: /\b(?:timeline|deadline|go[- ]live|roll-?out|plazo|délai|zeitplan)\b/iu,
};

/** The fields the agent asked for in its last few replies, less those the prospect's message is now about. */
function askedRecently(history: readonly SalesUIMessage[], text: string): LeadField[] {
  const replies = history.filter((message) => message.role === 'assistant').slice(-ASK_SPACING);
  const asked = [...new Set(replies.flatMap((message) => fieldsAskedIn(messageText(message))))];
  return asked.filter((field) => !ABOUT_FIELD[field]?.test(text));
}

/**
 * After the reply: remember what it asked (read from its words, whichever agent wrote it), so the next answer counts
 * as asked and no field is asked a third time. Without a recognisable question, the field the agent was told to ask.
 */
export function endTurn(state: SalesState, plan: TurnPlan, reply = ''): StateUpdate {
  const asked = fieldsAskedIn(reply);
  // (A reply that asks nothing, with nothing left to ask, keeps the field asked before: the turn after it does not ask
  // that field again, in other words, as if it came fresh.)
  // (A reply whose question is about something else, "a demo or a price quote?", asked no field: the answer to it,
  // "عرض سعر", is not read as their company.)
  const other = asked.length === 0 && questionSentences(reply).length > 0;
  return { state: { ...rememberAsked(state, asked), lastAskedField: other ? undefined : (asked.at(-1) ?? plan.nextField ?? state.lastAskedField) }, events: [] };
}

// "Next quarter" answers "when?" as often as it objects, and "I'm the decision maker" names the need-approval
// objection's own keyword while saying the opposite: a message that gave a timeline or said the decision is theirs
// objects only if it still does without those phrases. The lead reading's timeline phrases cover all five languages
// ("le trimestre prochain", "nächstes Quartal", "للربع القادم"); TIME_PHRASE adds the Spanish "más adelante" it reads
// as a hedge rather than a date.
const TIME_PHRASE = /\b(next|this|in the next|within the next|in) (quarter|month|year|few (weeks|months)|two months|\d+ (weeks|months))\b|\b(pr[oó]ximo (mes|trimestre|a[nñ]o)|m[aá]s adelante)\b/gi;

function bareTeamSize(text: string, state: SalesState): boolean {
  if (!BARE_COUNT.test(text) || state.lead.fields.teamSize) return false;
  const asked = state.lastAskedField;
  return asked === undefined ? (state.asked?.teamSize ?? 0) > 0 : !NUMBER_ANSWERS.has(asked);
}

/**
 * When to meet was just in talk: the agent's last reply asked for a time ("what day and time suit you?", "¿qué día y
 * hora…?", "quel jour et à quelle heure ?", "welcher Tag und welche Uhrzeit?", "أي يوم وساعة"), or the prospect's last
 * message named a day with no hour ("thursday"). A bare number then is the hour, never a head count.
 */
const ASKS_TIME = /\b(?:what|which) (?:day and )?time\b|\bd[ií]a y hora\b|\bqu[eé] hora\b|\bquelle heure\b|\buhrzeit\b|\bum wie viel uhr\b|(?:أي|اي) (?:يوم و)?(?:ساعة|وقت)|الوقت المناسب/iu;
const CLOCK_IN = /\d{1,2}(?::\d{2})?\s*(?:am|pm|h|uhr)\b|\d{1,2}:\d{2}|\b(?:at|a las|à|um)\s+\d/iu;

function hourAsked(history: readonly SalesUIMessage[], now: number): boolean {
  const lastReply = [...history].reverse().find((message) => message.role === 'assistant');
  const lastMessage = [...history].reverse().find((message) => message.role === 'user');
  const said = lastMessage ? messageText(lastMessage) : '';
  // (Or "tomorrow", or a part of the day alone: "book me something tomorrow", "morning please"; "good morning" greets.)
  const day = DAY_NAME.test(said) || (DAYPART.test(said) && !/\bgood (?:morning|afternoon|evening)\b/i.test(said)) || parseMeetingPhrases(said, new Date(now), { forwardDate: true }).some(({ start }) => start.isCertain('day') && !start.isCertain('hour'));
  return (lastReply !== undefined && ASKS_TIME.test(messageText(lastReply))) || (day && !CLOCK_IN.test(said) && said.trim().split(/\s+/).length <= 6);
}

/** Questions a bare number can answer in their own right. */

const NUMBER_ANSWERS = new Set<LeadField>(['budget', 'timeline', 'phone', 'teamSize']);

function intentOf(text: string, context: SalesTurnContext, changed: LeadField[]) {
  // The locale's knowledge base: its objection phrases are in the prospect's language ("je vais réfléchir").
  const kb = knowledgeFor(context.kb, context.locale);
  const intent = classifySalesIntent(text, kb);
  if (intent !== 'objection') return intent;
  // ("We're hiring 10 next quarter": when the team grows, not the timing objection "next quarter" is listed for.)
  let rest = changed.includes('timeline') || growthIn(text) ? withoutTimeline(text.replace(TIME_PHRASE, ' ')) : text;
  if (changed.includes('authority')) rest = withoutDecisionMaker(rest);
  return rest === text ? intent : classifySalesIntent(rest, kb);
}

function textOnly(message: SalesUIMessage): SalesUIMessage[] {
  const parts = message.parts.filter((part) => part.type === 'text');
  if (parts.length === 0) return [];
  // A reply stopped or broken off ("El", stored as it stood) is sent as what it is, so the model does not take a
  // fragment for what the prospect was told.
  const cut = message.role === 'assistant' && message.metadata?.status !== undefined;
  return [{ ...message, parts: cut ? [...parts, { type: 'text', text: CUT_OFF }] : parts }];
}

/** Appended (for the model only) to a reply the prospect saw only part of. */
export const CUT_OFF = '[This reply was cut off here: the prospect saw only the part above.]';
