import type { OfflineTurn } from '@/lib/llm/offline/context';
import type { Topic } from '@/lib/llm/offline/topic-types';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { mentionsName, toolsNamed } from '@/lib/sales/memory';
import { titleCase } from '@/lib/sales/lead/text';
import { splitSentences } from '@/lib/sales/sentences';
import { listWith } from '@/lib/llm/offline/phrasebook';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';
import { FOLLOW_UP_PHRASES } from '@/lib/llm/offline/phrases-followups';
import { ASIDE_PHRASES } from '@/lib/llm/offline/phrases-asides';
import { QUESTION } from '@/lib/llm/offline/topic-words';
import { firstPlanWith, toolsOnPlan } from '@/lib/llm/offline/tools-on-plan';

/**
 * Their stack, answered from the catalogue: "we use QuickBooks and Gmail" says which of their tools we list, which
 * are apps of a suite we list (Gmail is Google Workspace's), and which we do not (never guessed); "and Gmail?" after
 * the integrations came up; "we use Okta" after the SSO answer.
 */

/** Parts of the suites the catalogue lists: Google Workspace's and Microsoft 365's own apps. */
export const SUITE_PART = /^(?:google |microsoft |ms )?(?:gmail|google (?:calendar|drive|docs|sheets|meet|forms)|outlook|excel|word|powerpoint|onedrive|sharepoint|exchange)$/iu;
/** A kind of tool, not a product ("do you integrate with email?"): the integrations FAQ answers it. */
export const GENERIC_TOOL = /^(?:(?:our |my |the )?(?:e-?mail|mail|calendars?|crm|erp|accounting(?: software)?|spreadsheets?|tools?|apps?|software|systems?|platforms?|chat|sms|phone|payroll|invoicing|databases?|cloud storage|sso|api|webhooks?))$/iu;
/** What "X" may not be: a pronoun or our own words ("with both", "with our tools", "con ellos"). */
export const NOT_A_TOOL = /^(?:it|them|both|those|these|that|this|our|my|your|other|any|each|all|ellos|ellas|ambos|eso|nuestr|les|eux|nos|unser|ihnen|beiden|diese)/iu;

/** Each suite app as it is written, and its suite. */
const SUITE_APPS: ReadonlyArray<{ said: RegExp; app: string; suite: string }> = [
  { said: /^(?:google )?gmail$|^(?:جي ?ميل|جيميل)$/iu, app: 'Gmail', suite: 'Google Workspace' },
  { said: /^google (calendar|drive|docs|sheets|meet|forms)$/iu, app: '', suite: 'Google Workspace' },
  { said: /^(?:microsoft |ms )?outlook$|^(?:أوتلوك|اوتلوك|آوتلوك)$/iu, app: 'Outlook', suite: 'Microsoft 365' },
  { said: /^(?:microsoft |ms )?excel$/iu, app: 'Excel', suite: 'Microsoft 365' },
  { said: /^(?:microsoft |ms )?word$/iu, app: 'Word', suite: 'Microsoft 365' },
  { said: /^(?:microsoft |ms )?powerpoint$/iu, app: 'PowerPoint', suite: 'Microsoft 365' },
  { said: /^(?:microsoft |ms )?onedrive$/iu, app: 'OneDrive', suite: 'Microsoft 365' },
  { said: /^(?:microsoft |ms )?sharepoint$/iu, app: 'SharePoint', suite: 'Microsoft 365' },
  { said: /^(?:microsoft |ms )?exchange$/iu, app: 'Exchange', suite: 'Microsoft 365' },
];

type Suited = Extract<Topic, { kind: 'stack' }>['suites'][number];

/** "gmail", "Google Drive": the app and its suite, when the catalogue lists that suite. */
function suiteOf(said: string, turn: OfflineTurn): Suited | undefined {
  const found = SUITE_APPS.find((entry) => entry.said.test(said.trim()));
  if (!found) return undefined;
  const from = firstPlanWith(found.suite, turn);
  return from ? { app: found.app || titleCase(said.trim()), suite: found.suite, from } : undefined;
}

/** "and gmail?" after a reply that named the tools we connect to: the suite it is part of, and its plan. */
export function suiteFollowUp(turn: OfflineTurn, asked: string, before: string, listed: readonly string[]): Topic | undefined {
  const suited = suiteOf(asked, turn);
  if (!suited || (!listed.some((name) => mentionsName(before, name)) && (turn.state.tools ?? []).length === 0)) return undefined;
  return { kind: 'stack', listed: [], suites: [suited], unlisted: [] };
}

/** "We use", "usamos", "on utilise", "wir nutzen", "نستخدم": their stack, stated. */
export const USING = /\b(?:we|i)(?:['’]re| are| am|['’]m)? (?:use|using|run on|running on|work with|working with|rely on|live in)\b|\b(?:our|my) (?:current )?(?:stack|tools|tool stack|toolset|tech stack) (?:is|are|includes?)\b:?|\b(?:usamos|utilizamos|trabajamos con|on utilise|nous utilisons|on travaille avec|nous travaillons avec|wir nutzen|wir verwenden|wir arbeiten mit|nutzen wir|verwenden wir)\b|نستخدم|نعمل على/iu;
/** "We're on Asana + Slack": on a product's name (capitalised), never "we're on a budget". */
const ON_A_TOOL = /\b[Ww]e(?:['’]re| are) on (?=\p{Lu})/u;
/** Where a tool's name ends: "QuickBooks for accounting", "Gmail daily". */
const NAME_END = /\s+(?:for|to|as|in|on|at|every|daily|heavily|mostly|too|also|already|currently|right now|para|pour|für|als|zum|zur|todos|tous|jeden|a lot|mainly)\b.*$/iu;
const ARTICLE = /^(?:the|el|la|los|las|le|les|die|der|das|un|une|una|ein|eine)\s+/iu;
/** The tool they do not use after all: "…, not HubSpot", "…, no HubSpot", "…, pas HubSpot", "…, nicht HubSpot". */
const NOT_THAT = /[\s,;]+(?:not|no|pas|nicht|instead of|rather than|en vez de|en lugar de|au lieu de|statt|anstatt)\s+(?:the |el |la |le |die |das )?([\p{L}\d][\p{L}\d .-]{0,28}?)\s*[.!]*\s*$/iu;
/** Between two tools of a list: ", ", "and", "y", "et", "und", "و". */
export const TOOL_PARTS = /\s*(?:,|&|\+|;|\band\b|\bas well as\b|\by\b|\be\b|\bet\b|\bund\b|\bsowie\b|\s+و)\s*/iu;

/**
 * "We use QuickBooks and Gmail": each tool named after the verb, as a statement (no question) — listed, an app of a
 * listed suite, or not listed. Undefined unless one of them is not a tool we list (those the tools reply answers).
 */
export function stackTopic(turn: OfflineTurn): Topic | undefined {
  const { text, kb } = turn;
  if (QUESTION.test(text.trim())) return undefined;
  const using = (entry: string) => USING.exec(entry) ?? ON_A_TOOL.exec(entry);
  const sentence = splitSentences(text).find((entry) => using(entry) !== null && !QUESTION.test(entry.trim()));
  const verb = sentence ? using(sentence) : null;
  const said = sentence && verb ? sentence.slice(verb.index + verb[0].length) : undefined;
  if (!said) return undefined;
  const notThat = NOT_THAT.exec(said);
  const not = notThat?.[1] ? (toolsNamed(notThat[1], kb)[0] ?? notThat[1].trim()) : undefined;
  const sorted = sortTools((notThat ? said.slice(0, notThat.index) : said).replace(/[.!…]+\s*$/u, '').split(TOOL_PARTS), turn);
  if (!sorted) return undefined;
  const { listed, suites, unlisted, rival: from } = sorted;
  // (Only tools we list, and a tool like ours: the tools reply says it all.)
  return suites.length + unlisted.length > 0 ? { kind: 'stack', listed, suites, unlisted, ...(not ? { not } : {}), ...(from ? { from } : {}) } : undefined;
}

/**
 * Each tool of a list said ("QuickBooks", "the Gmail", "Figma"): one we list, an app of a suite we list, or a product
 * we do not list; the first tool like ours apart. Undefined when a part is no product's name (a kind of tool, a plan).
 */
export function sortTools(parts: readonly string[], turn: OfflineTurn): { listed: string[]; suites: Suited[]; unlisted: string[]; rival?: string } | undefined {
  const { text, kb } = turn;
  const lowerCaseMessage = !/\p{Lu}/u.test(text);
  const listed: string[] = [];
  const suites: Suited[] = [];
  const unlisted: string[] = [];
  let from: string | undefined;
  for (const raw of parts) {
    const part = raw.replace(ARTICLE, '').replace(NAME_END, '').trim();
    if (part === '') continue;
    const known = toolsNamed(part, kb);
    // (A tool like ours, "we're on Asana + Slack + Gmail", is no integration: their projects come over from it.)
    const rival = known.find((name) => kb.competitors.some((competitor) => competitor.name === name));
    if (rival) {
      from ??= rival;
      continue;
    }
    if (known.length > 0) {
      listed.push(...known.filter((name) => !listed.includes(name)));
      continue;
    }
    const suited = suiteOf(part, turn);
    if (suited) {
      suites.push(suited);
      continue;
    }
    const words = part.split(/\s+/);
    // A product's name: one to three words, capitalised, or in a message in lower case; never a kind of tool or a plan.
    if (words.length > 3 || NOT_A_TOOL.test(part) || GENERIC_TOOL.test(part) || /\d/.test(part)) return undefined;
    if (!words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || (lowerCaseMessage && /^\p{Ll}/u.test(word)))) return undefined;
    if (kb.plans.some((plan) => [plan.name, plan.id, ...plan.aliases].some((name) => name.toLowerCase() === part.toLowerCase()))) return undefined;
    unlisted.push(lowerCaseMessage ? titleCase(part) : part);
  }
  return { listed, suites, unlisted, ...(from ? { rival: from } : {}) };
}

/** Identity providers the SSO answer may name, as they are written. */
const IDPS: ReadonlyArray<{ said: RegExp; name: string }> = [
  { said: /\bokta\b/iu, name: 'Okta' },
  { said: /\b(?:microsoft )?entra(?: id)?\b/iu, name: 'Microsoft Entra ID' },
  { said: /\bazure(?: ad| active directory)\b/iu, name: 'Azure AD' },
];
const NEED = /\b(?:need|needs|require|must|necesit\w*|besoin|faut|brauchen|ben[öo]tigen|m[üu]ssen)\b|نحتاج|لازم/iu;

/**
 * "We use Okta" just after the SSO answer: one of the identity providers it names (from the FAQ, never another), and
 * the plan SSO starts on — not the SSO answer again behind "yes".
 */
export function idpTopic(turn: OfflineTurn): Topic | undefined {
  const { text, kb } = turn;
  if (QUESTION.test(text.trim()) || NEED.test(text) || !USING.test(text)) return undefined;
  const sso = kb.faqs.find((entry) => entry.id === 'sso');
  if (!sso || !turn.previousReplies.slice(-2).some((reply) => reply.includes(sso.answer.slice(0, 40)))) return undefined;
  const idp = IDPS.find(({ said }) => said.test(text));
  if (!idp || !sso.answer.toLowerCase().includes(idp.name.toLowerCase().replace(/^microsoft /, ''))) return undefined;
  const base = getKnowledgeBase().plans;
  const at = base.findIndex((plan) => plan.features.some((line) => /single sign-on|\bsso\b/i.test(line)));
  const from = at < 0 ? undefined : kb.plans[at];
  return from ? { kind: 'idp', idp: idp.name, from } : undefined;
}

export function stackReply(topic: Extract<Topic, { kind: 'stack' }>, turn: OfflineTurn): string[] {
  const mp = MEMORY_PHRASES[turn.locale];
  const fp = FOLLOW_UP_PHRASES[turn.locale];
  const { kb } = turn;
  const lines: string[] = [];
  // ("Actually we use Pipedrive, not HubSpot": the correction noted first.)
  const now = [...topic.listed, ...topic.suites.map((entry) => entry.app), ...topic.unlisted];
  if (topic.not) lines.push(ASIDE_PHRASES[turn.locale].toolCorrected(listWith(now, mp.and), topic.not, kb.company.name, false));
  if (topic.listed.length > 0) lines.push(...toolsOnPlan(topic.listed, turn));
  // (Coming from a tool like ours: their projects come over, as the onboarding FAQ says.)
  if (topic.from && (kb.faqs.find((faq) => faq.id === 'onboarding')?.answer ?? '').includes(topic.from)) lines.push(mp.importsFrom(topic.from));
  for (const { app, suite, from } of topic.suites) lines.push(fp.suiteApp(app, suite, from.name, kb.plans.indexOf(from) === 0));
  if (topic.unlisted.length > 0) lines.push(fp.unlistedTools(listWith(topic.unlisted, mp.and), topic.unlisted.length > 1, kb.company.salesEmail));
  // (What it does inside the app is the team's to confirm; said once, when no unlisted tool already sends them there.)
  else if (topic.suites.length > 0) lines.push(fp.suiteDetail(listWith(topic.suites.map((entry) => entry.app), mp.and), kb.company.salesEmail));
  const whole = lines.join(' ');
  // Said again ("we use figma, slack and google drive" twice): every tool answered once more, in one sentence — not
  // "as I mentioned" and the first tool alone.
  if (!topic.not && turn.previousReplies.some((reply) => reply.includes(whole))) {
    const connected = [...topic.listed, ...topic.suites.map((entry) => entry.app)];
    const said = (tools: string[]) => (tools.length > 0 ? { tools: listWith(tools, mp.and), many: tools.length > 1 } : undefined);
    return [fp.stackAgain(kb.company.name, said(connected), said(topic.unlisted))];
  }
  return [whole];
}

export function idpReply(topic: Extract<Topic, { kind: 'idp' }>, turn: OfflineTurn): string[] {
  return [FOLLOW_UP_PHRASES[turn.locale].idpFits(topic.idp, topic.from.name, turn.kb.plans.indexOf(topic.from) === turn.kb.plans.length - 1)];
}
