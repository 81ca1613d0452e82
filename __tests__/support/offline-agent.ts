import type { UIMessageChunk } from 'ai';
import { messageText, type SalesUIMessage } from '@/lib/sales/ui-message';
import { createSalesAgent } from '@/lib/llm';
import { formatPrice, getKnowledgeBase } from '@/lib/sales/knowledge';
import type { SalesLocale } from '@/lib/sales/turn-state';
import { emptySalesState, type SalesState } from '@/lib/sales/types';
import { testSession } from './session';
import { replyLanguage } from '@/lib/llm/offline/language';
import { extractLeadFacts } from '@/lib/sales/lead';
import { fieldsAskedIn } from '@/lib/sales/asked-questions';

/** Driving the offline agent one turn at a time, as the chat turn would, for the offline-agent unit tests. */

export const kb = getKnowledgeBase();
export const offline = { provider: 'offline', model: 'offline-sales-agent', wordDelayMs: 0, contextTokens: 6_000 } as const;
/** The one clock of these tests, the model's and the tools' alike: Tuesday 24 November 2026, 12:00 UTC. */
export const NOW = Date.parse('2026-11-24T12:00:00Z');

let ids = 0;
export function userMessage(text: string): SalesUIMessage {
  return { id: `u${++ids}`, role: 'user', parts: [{ type: 'text', text }] };
}
export function assistantMessage(text: string): SalesUIMessage {
  return { id: `a${++ids}`, role: 'assistant', parts: [{ type: 'text', text }] };
}

async function collect(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const textOf = (chunks: UIMessageChunk[]) => chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join('');

export interface AskOptions {
  history?: SalesUIMessage[];
  state?: SalesState;
  locale?: SalesLocale;
  wordDelayMs?: number;
  /** Whether invites are e-mailed (SMTP with invites on); default false, as the app runs without SMTP. */
  invitesByEmail?: boolean;
  /** The time zone the prospect's browser reports (the chat request's timeZone). */
  visitorTimeZone?: string;
  /** Another clock than NOW, the model's and the tools' alike (epoch ms). */
  now?: number;
}

/** One turn through the agent, with a session built as the chat turn builds it. */
export async function ask(text: string, options: AskOptions = {}) {
  const history = options.history ?? [];
  const message = userMessage(text);
  const userMessages = [...history, message].flatMap((entry) => (entry.role === 'user' ? [{ id: entry.id, text: messageText(entry) }] : []));
  const session = testSession({
    // As the chat turn decides it (lib/chat/turn.ts): the page's locale, or the language the prospect went on in.
    locale: replyLanguage(options.locale ?? 'en', userMessages.map((entry) => entry.text)),
    now: () => options.now ?? NOW,
    ...(options.invitesByEmail === undefined ? {} : { invitesByEmail: options.invitesByEmail }),
    ...(options.visitorTimeZone === undefined ? {} : { visitorTimeZone: options.visitorTimeZone }),
    ...(options.state ? { state: options.state } : {}),
    userMessages,
  });
  const agent = createSalesAgent({ ...offline, wordDelayMs: options.wordDelayMs ?? 0 }, { now: () => options.now ?? NOW, generateId: () => 'msg-1' });
  const chunks = await collect(agent.streamReply({ conversationId: 'conv-test-1', history, userMessage: message, ...session.input }));
  const inputs = chunks.flatMap((chunk) => (chunk.type === 'tool-input-available' ? [{ toolName: chunk.toolName, input: chunk.input }] : []));
  const outputs = chunks.flatMap((chunk) => (chunk.type === 'tool-output-available' ? [chunk.output] : []));
  return { chunks, text: textOf(chunks), tools: inputs, outputs, session };
}

/**
 * A conversation held turn by turn, as the chat would: each message goes with the history and the state the turns
 * before it left. `reset` starts a new conversation.
 */
export function conversation(defaults: Omit<AskOptions, 'history' | 'state'> = {}) {
  let history: SalesUIMessage[] = [];
  let state: SalesState | undefined;
  const say = async (text: string, options: Omit<AskOptions, 'history' | 'state'> = {}) => {
    const result = await ask(text, { ...defaults, ...options, history, ...(state ? { state } : {}) });
    history = [...history, userMessage(text), assistantMessage(result.text)];
    state = result.session.state;
    return result;
  };
  const reset = () => {
    history = [];
    state = undefined;
  };
  return { say, reset };
}

/**
 * Every "$…" amount in a reply ("instead of $29, saving": "$29", the comma after it is the sentence's), and every
 * amount as another language writes it ("1 365 $US", "1.365 $", "29 US$"), read back as "$1,365" (formatPrice writes
 * cents with two digits, so a last group of three is a thousands group).
 */
export const amounts = (text: string) =>
  (text.match(/\$\d+(?:,\d{3})*(?:\.\d+)?|(?<![\d.,])(?:\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+)(?:[.,]\d{2})?\u00a0(?:US\$|\$US|\$)/g) ?? []).map((said) => {
    if (said.startsWith('$')) return said;
    const figure = said.replace(/\u00a0(?:US\$|\$US|\$)$/, '');
    const cents = /[.,](\d{2})$/.exec(figure);
    const whole = (cents ? figure.slice(0, -3) : figure).replace(/\D/g, '');
    return formatPrice(Number(whole) + (cents ? Number(cents[1]) / 100 : 0));
  });
const catalogueAmounts = kb.plans
  .flatMap((plan) => [plan.pricePerSeatMonthly, plan.pricePerSeatMonthlyAnnual])
  .flatMap((price) => (price === null ? [] : [formatPrice(price)]));
/** Amounts a reply may state: catalogue prices and the figures its own get_pricing calls returned. */
export function allowedAmounts(outputs: unknown[]): Set<string> {
  const figures = outputs.flatMap((output) => {
    const quote = output as { ok?: boolean; perSeatMonthly?: number; monthlyTotal?: number; annualTotal?: number; annualSavings?: number };
    return quote.ok ? [quote.perSeatMonthly, quote.monthlyTotal, quote.annualTotal, quote.annualSavings] : [];
  });
  return new Set([...catalogueAmounts, ...figures.flatMap((value) => (typeof value === 'number' ? [formatPrice(value)] : []))]);
}

export function stateWith(fields: Partial<Record<'email' | 'teamSize', string | number>>, stage: SalesState['stage'] = 'discovery'): SalesState {
  const state = emptySalesState(0);
  const fact = (value: string | number) => ({ value, evidence: String(value), confidence: 0.9, asked: false, capturedAt: 0 });
  return { ...state, stage, lead: { ...state.lead, fields: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, fact(value)])) } };
}

export const pricingTool = { type: 'function' as const, name: 'get_pricing', inputSchema: { type: 'object' as const } };

/** One reply of a conversation (ask, or conversation().say). */
export type Said = Awaited<ReturnType<typeof ask>>;

/** One conversation held turn by turn in `locale`, from a browser in `zone`: each reply, in order. */
export async function talk(locale: SalesLocale, zone: string, turns: readonly string[]): Promise<Said[]> {
  const { say } = conversation({ locale, visitorTimeZone: zone });
  const replies: Said[] = [];
  for (const turn of turns) replies.push(await say(turn));
  return replies;
}

/** The tools of theirs the state remembers after a reply ("we use HubSpot": HubSpot). */
export const toolsOnRecord = (reply: Said | undefined) => (reply?.session.state.tools ?? []).map((tool) => tool.name);

/** `talk` with the zone last (London unless said). */
export const hold = (locale: SalesLocale, turns: readonly string[], zone = 'Europe/London') => talk(locale, zone, turns);

/** The meeting a reply left last in the state, and the book_meeting input it sent. */
export const booked = (reply: Said | undefined) => reply?.session.state.bookings.at(-1);
export const bookInput = (reply: Said | undefined) => reply?.tools.find((call) => call.toolName === 'book_meeting')?.input;

type LeadFields = Record<string, { value: unknown } | undefined>;
/** The stored lead's values after a reply: field → value. */
export const lead = (result: { session: { state: { lead: { fields: unknown } } } }) =>
  Object.fromEntries(Object.entries(result.session.state.lead.fields as LeadFields).map(([field, fact]) => [field, fact?.value]));

/** What the shared lead reading finds in one message: field → value. */
export const values = (text: string) =>
  Object.fromEntries(Object.entries(extractLeadFacts({ text, messageId: 'm', now: 0, ownNames: ['Northwind Cloud'] })).map(([field, fact]) => [field, fact?.value]));

/** A plan of the catalogue by id (a test about prices fails loudly when it is gone). */
export const plan = (id: string) => {
  const found = kb.plans.find((entry) => entry.id === id);
  if (!found) throw new Error(`no plan ${id}`);
  return found;
};
/** "$1,015": an amount as the replies print it ("1015 US$", "1 015 $US", "1.015 $", "1,015 US$" in es, fr, de, ar). */
export const usd = (amount: number, locale: SalesLocale = 'en') => (locale === 'en' ? `$${amount.toLocaleString('en-US')}` : formatPrice(amount, 'USD', locale));
/** A plan's catalogue price for `seats`: billed monthly, and billed annually over the year. */
export const monthly = (id: string, seats: number, locale: SalesLocale = 'en') => usd((plan(id).pricePerSeatMonthly ?? 0) * seats, locale);
export const annualTotal = (id: string, seats: number, locale: SalesLocale = 'en') => usd((plan(id).pricePerSeatMonthlyAnnual ?? 0) * seats * 12, locale);
/** Billed annually, a month's worth: the annual per-seat price times seats. */
export const annualPerMonth = (id: string, seats: number, locale: SalesLocale = 'en') => usd((plan(id).pricePerSeatMonthlyAnnual ?? 0) * seats, locale);

/** The questions a reply asks (its sentences ending in "?"). */
export const questionsIn = (text: string) => text.split(/\n+/).flatMap((line) => line.match(/[^.!?]*\?/g) ?? []).map((question) => question.trim());

/**
 * Every reply of a conversation: no amount but a catalogue price or one its own get_pricing returned; no closing
 * question asked word for word twice; no question about a field once it is known (email, company, team, name).
 */
export function audit(replies: Said[]) {
  const asked = new Set<string>();
  replies.forEach((reply, index) => {
    const allowed = allowedAmounts(reply.outputs);
    expect({ turn: index, invented: amounts(reply.text).filter((amount) => !allowed.has(amount)) }).toEqual({ turn: index, invented: [] });
    for (const question of questionsIn(reply.text)) {
      expect({ turn: index, repeated: asked.has(question) ? question : undefined }).toEqual({ turn: index, repeated: undefined });
      asked.add(question);
    }
    const known = replies[index - 1] ? lead(replies[index - 1] as Said) : {};
    if (known.email) expect({ turn: index, text: reply.text }).not.toEqual({ turn: index, text: expect.stringMatching(/what(?:'s| is) (?:the best|your) email|which email address\?/i) });
    if (known.company) expect({ turn: index, text: reply.text }).not.toEqual({ turn: index, text: expect.stringMatching(/which company are you with/i) });
    if (known.teamSize) expect({ turn: index, text: reply.text }).not.toEqual({ turn: index, text: expect.stringMatching(/how many people (?:on your team|are)|how big is the team/i) });
    if (known.name) expect({ turn: index, text: reply.text }).not.toEqual({ turn: index, text: expect.stringMatching(/who am i speaking with/i) });
  });
}

/** "No confirmed answer" in the five languages. */
export const UNSURE = /confirmed answer|respuesta confirmada|réponse confirmée|bestätigte Antwort|إجابة مؤكدة/;
/** English words a reply in another language must not carry (plan names, e-mails and zones aside). */
const ENGLISH = /(?<!\p{L})(?:the|your|you|with|would|which|please|billed|seats?|team at|noted|booked)(?!\p{L})/iu;
/** Whether a reply is in `locale` alone: no English words but names (plans, tools, standards), e-mails and zones. */
export function inLanguage(locale: SalesLocale, text: string): boolean {
  const bare = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/\([A-Za-z_]+\/[A-Za-z_]+\)/g, ' ')
    .replace(/Northwind Cloud|\.ics|Starter|Pro|Business|Enterprise|SSO|Okta|Zendesk|Slack|HubSpot|Salesforce|Jira|RGPD|DSGVO|DPA|AVV|API|SAML/g, ' ');
  if (ENGLISH.test(bare)) return false;
  return locale !== 'ar' || /\p{Script=Arabic}/u.test(bare);
}

/**
 * A long conversation in another language, its replies checked turn by turn as issues 9 and 11 ask: one language per
 * reply, the prospect's; every amount a catalogue price or one get_pricing returned this turn; no question asked after
 * its answer was given, and none more than twice (with `handoffMayAsk`, a handoff's "which address should our team
 * reach you at?" aside: the team's own question, worded apart); never "no confirmed answer".
 */
export async function holdInLanguage(locale: SalesLocale, zone: string, turns: readonly string[], options: { handoffMayAsk?: boolean } = {}): Promise<Said[]> {
  const chat = conversation({ locale, visitorTimeZone: zone });
  const replies: Said[] = [];
  const asked = new Map<string, number>();
  for (const turn of turns) {
    const before = replies.at(-1)?.session.state.lead.fields ?? {};
    const reply = await chat.say(turn);
    replies.push(reply);
    expect({ turn, reply: reply.text, language: inLanguage(locale, reply.text) }).toEqual({ turn, reply: reply.text, language: true });
    const allowed = allowedAmounts(reply.outputs);
    for (const amount of amounts(reply.text).map((said) => said.replace(/,$/, ''))) expect({ turn, amount, allowed: allowed.has(amount) }).toEqual({ turn, amount, allowed: true });
    const handoff = options.handoffMayAsk === true && reply.tools.some((tool) => tool.toolName === 'request_human');
    for (const field of handoff ? [] : fieldsAskedIn(reply.text)) {
      expect({ turn, field, known: (before as Record<string, unknown>)[field] !== undefined }).toEqual({ turn, field, known: false });
      asked.set(field, (asked.get(field) ?? 0) + 1);
      expect(asked.get(field)).toBeLessThanOrEqual(2);
    }
    expect({ turn, reply: reply.text }).not.toEqual({ turn, reply: expect.stringMatching(UNSURE) });
  }
  return replies;
}
