/** Topics on what they need: requirements and the plan that has them, coverage checks, tools on plans, rivals compared. */
import type { OfflineTurn } from '@/lib/llm/offline/context';
import { billingIn, fitsSeats, mentionsAny, recommendPlan, westernDigits } from '@/lib/llm/offline/reading';
import { PHRASES } from '@/lib/llm/offline/phrases';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';
import { listWith } from '@/lib/llm/offline/phrasebook';
import { integrationNames, knownTools, mentionsName, statedTools } from '@/lib/sales/memory';
import type { KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { speaksLocale } from '@/lib/sales/knowledge-locale';
import { splitSentences } from '@/lib/sales/sentences';
import { faqById, freshFields, HAVE_YOU, LOSES, QUESTION, RECOMMEND, RECOMMEND_ONLY, WITH_THEM } from '@/lib/llm/offline/topic-words';
import type { CoverCheck, Topic } from '@/lib/llm/offline/topic-types';
import { CHEAPEST, inferredPriceTopic, lastPlanSpokenOf, lastQuotedPlan, plansByPrice, seatsFor } from '@/lib/llm/offline/topic-pricing';
import { INTEGRATION_ASK, knowledgeTopic, matchesEntry, STANDARD } from '@/lib/llm/offline/topic-knowledge';
import { stackTopic } from '@/lib/llm/offline/stack-answer';

/** What the prospect said they need that only some plans have, and how the catalogue's features name it. */
export const REQUIREMENTS: { asked: RegExp; feature: RegExp; faq?: string; faqPlan?: string }[] = [
  { asked: /\b(?:sso|saml|single sign[- ]?on|okta|microsoft entra|entra id|azure ad|inicio de sesi[oó]n [uú]nico|authentification unique|einmalanmeldung)\b|تسجيل (?:ال)?دخول (?:ال)?موحد/iu, feature: /single sign-on|\bSAML\b/i, faq: 'sso' },
  {
    asked:
      /\b(?:data residency|eu region|eu data|residencia de datos|h[ée]bergement (?:en europe|dans l['’]ue)|datenresidenz|data (?:\S+ ){0,3}in (?:the )?(?:eu|europe)|data (?:\S+ ){0,3}in the (?:us|usa|united states)\b|us region|datos (?:\S+ ){0,3}en (?:europa|la ue)|donn[ée]es (?:\S+ ){0,3}en europe|daten (?:\S+ ){0,3}in (?:der )?(?:eu|europa)|daten(?:haltung|speicherung|standort|hosting)\w* (?:\S+ ){0,2}in (?:der )?(?:eu|europa|deutschland)|(?:eu|europe|european)[- ](?:hosting|data center|datacenter)|hosting in (?:the )?(?:eu|europe)|eu-hosting|hosting in (?:der )?(?:eu|europa|deutschland)|(?:servidores|alojamiento) en (?:europa|la ue))\b/iu,
    feature: /data residency/i,
    faq: 'data-residency',
  },
  { asked: /\baudit (?:log|trail)s?\b|registro de auditor[ií]a|journal d['’]audit|audit-log/iu, feature: /audit log/i },
  // SCIM is Enterprise's alone ("SAML single sign-on" is Business): a need for it is a need for Enterprise.
  { asked: /\bscim\b|\b(?:user|automatic|auto)[- ]provisioning\b|aprovisionamiento (?:de usuarios|autom[aá]tico)|provisionnement (?:des utilisateurs|automatique)|benutzerbereitstellung|automatische bereitstellung/iu, feature: /\bSCIM\b/ },
  {
    asked:
      /\b(?:time[- ]tracking|track(?:ing)? (?:our |the )?(?:time|hours)|timesheets?|dashboards?|guest (?:access|users?|accounts?)|invite (?:our )?(?:clients|guests|freelancers)|control (?:de|del) tiempo|seguimiento del tiempo|registro de horas|paneles|invitados|suivi du temps|suivre (?:le |notre )?temps|suivi des temps|tableaux? de bord|invités|zeiterfassung|gastzugang|gastzugriff|gäste)\b|تتبع الوقت|لوحات المعلومات|ضيوف/iu,
    feature: /time tracking|dashboards|guest access/i,
  },
  // "We need the AI features": no plan's list names Northwind Assist; its FAQ says from which plan it is included.
  {
    asked:
      /\b(?:ai|a\.i\.)[- ](?:features?|assistant|summar\w+|capabilities|functions?)\b|\bnorthwind assist\b|\b(?:funciones|funcionalidades) de (?:ia|inteligencia artificial)\b|\bfonctionnalit[ée]s (?:d['’])?(?:ia|intelligence artificielle)\b|\bki[- ]?(?:funktionen|features)\b|ميزات الذكاء الاصطناعي/iu,
    feature: /northwind assist/i,
    faqPlan: 'ai-features',
  },
];

/** "We need 5,000 workflow runs a month", "5k runs": how many runs a month they said they need. */
const RUNS_NEEDED = /(\d[\d,.]*)\s*(k\b)?\s*(?:workflow[- ]|automation[- ])?(?:runs|executions|ejecuciones|ex[ée]cutions|ausf[üu]hrungen|workflow-ausf[üu]hrungen)\b/iu;

/** The plans' monthly workflow runs, read from their feature lines ("25,000 workflow runs per month", "Unlimited …"). */
function runsOf(plan: Plan): number | undefined {
  const line = plan.features.find((feature) => /workflow runs/i.test(feature));
  if (!line) return undefined;
  if (/unlimited/i.test(line)) return Number.POSITIVE_INFINITY;
  const count = /([\d,]+)\s*workflow runs/i.exec(line)?.[1];
  return count ? Number(count.replace(/,/g, '')) : undefined;
}

/** The index in `base` of the first plan with at least the workflow runs a month the prospect said they need. */
function runsNeeded(said: string, base: readonly Plan[]): number | undefined {
  const match = RUNS_NEEDED.exec(westernDigits(said));
  if (!match?.[1]) return undefined;
  const runs = Number(match[1].replace(/[,.](?=\d{3}\b)/g, '').replace(/,/g, '.')) * (match[2] ? 1000 : 1);
  if (!Number.isFinite(runs) || runs <= 0) return undefined;
  const index = base.findIndex((plan) => (runsOf(plan) ?? 0) >= runs);
  return index < 0 ? undefined : index;
}

/** The plans (their indices in `base`) that first name, in an integrations line, a tool the prospect said they use. */
export function integrationsNeeded(said: string, base: readonly Plan[]): number[] {
  const first = new Map<string, number>();
  base.forEach((plan, index) => {
    for (const name of plan.features.flatMap(integrationNames)) if (!first.has(name.toLowerCase())) first.set(name.toLowerCase(), index);
  });
  return [...first].flatMap(([name, index]) => (mentionsName(said, name) ? [index] : []));
}

/**
 * The cheapest plan with everything the prospect said they need ("we need SSO with Okta": Business), read from the
 * catalogue's own feature lists (in English, which every localized plan shares by id); undefined when they named none.
 */
export function requiredPlan(turn: OfflineTurn): Plan | undefined {
  // ("Do you have SSO?", "Habt ihr SSO?" only ask whether we have it: no need said.)
  // ("We don't need SSO", "no need for sso", "brauchen kein SSO" say the opposite; "does Pro include SSO?" only asks,
  // unless the message asks for the plan to choose: "what would you recommend? Also is there SSO on that plan?")
  return planForNeeds(turn, needsSaid(turn));
}

/** The first plan that has everything `said` asks for (features, workflow runs, the tools they use). */
export function planForNeeds(turn: OfflineTurn, said: string): Plan | undefined {
  const base = getKnowledgeBase().plans;
  const needed = REQUIREMENTS.filter(({ asked }) => wanted(said, asked)).map(({ feature, faqPlan }) => {
    // A plan's list may say "Everything in Pro": the first plan listing the feature, and every plan after it, has it.
    const index = base.findIndex((plan) => plan.features.some((line) => feature.test(line)));
    return index < 0 ? (faqPlan ? planFromFaq(faqPlan, base) : undefined) : base[index]?.id;
  });
  const runs = runsNeeded(said, base);
  if (runs !== undefined) needed.push(base[runs]?.id);
  // "We live in Jira": for each tool they use, the first plan whose integrations name it (Slack: Starter; Jira: Pro).
  needed.push(...integrationsNeeded(said, base).map((index) => base[index]?.id));
  const indices = needed.flatMap((id) => (id ? [turn.kb.plans.findIndex((plan) => plan.id === id)] : [])).filter((index) => index >= 0);
  return indices.length === 0 ? undefined : turn.kb.plans[Math.max(...indices)];
}

/** What the prospect said of what they need, without the sentences that only ask whether we have it. */
export function needsSaid(turn: OfflineTurn): string {
  // "Do you support SSO with Okta, and SCIM?", then "which plan do we need for that?": what they asked of becomes the need
  // (from then on: "how much would that be?" a message later is still for it).
  const askedOf = (index: number) => turn.locale === 'en' && FOR_THAT.test(turn.userTexts[index + 1] ?? '') && mentionsAny(turn.userTexts[index + 1] ?? '', RECOMMEND);
  // (The need on record too: "do you support SSO?" is their interest in SSO, recorded as their need by the brain.)
  const recorded = turn.state.lead.fields.need?.evidence;
  return [
    ...turn.userTexts.flatMap((text, index) => splitSentences(text).filter((sentence) => askedOf(index) || (!HAVE_YOU.test(sentence) && (mentionsAny(text, RECOMMEND_ONLY) || !onlyAsks(sentence))))),
    ...(recorded ? [recorded] : []),
  ].join('\n');
}

/** A plan asked for what was just said: "which plan do we need for that?", "what would you recommend for those?". */
const FOR_THAT = /\b(?:for|with|to get|to have) (?:that|this|those|these|it|all (?:that|of that|of it|of those))\b/i;

/** "For that" in each language: "pour ça", "para eso", "dafür", "لهذا". */
export const FOR_THAT_ELSEWHERE = /\b(?:for (?:that|it|this)|pour (?:ça|ca|cela)|para (?:eso|esto|ello)|daf[üu]r)\b|(?<!\p{L})(?:لهذا|لذلك|عشانه|عشان كذا)(?!\p{L})/iu;
/** "Do we need Business for …?" in each language: whether a plan is what a requirement takes. */
export const NEED_PLAN_ASK = /\b(?:(?:do|would|will) (?:we|i) need|brauchen (?:wir|ich)|ben[öo]tigen (?:wir|ich)|m[üu]ssen wir|necesit(?:amos|o|ar[ií]amos)|hace falta|il (?:nous |me )?faut|faut-il|(?:avons-nous|a-t-on|on a) besoin)\b|(?<!\p{L})(?:هل )?(?:نحتاج|نحتاج إلى|لازم)(?!\p{L})/iu;
/** A word that says no: "don't need SSO", "no need for sso", "sin SSO", "pas besoin du SSO", "kein SSO", "لا نحتاج". */
const NEGATION =
  /(?:\b(?:don['’]?t|do not|doesn['’]?t|does not|won['’]?t|will not|not|never|no|nor|no necesitamos|no nos hace falta|ni|pas|kein\w*|nicht|weder)\b|(?<![\p{L}])(?:لا|ليس|لسنا|مش)(?![\p{L}]))[^.!?؟,;]{0,25}$/iu;
/** Said after it: "SSO isn't needed", "SSO brauchen wir nicht", "SSO no hace falta", "le SSO n'est pas nécessaire". */
const NEGATED_AFTER = /^[^.!?؟,;]{0,25}\b(?:is ?n['’]?t|is not|not (?:needed|required|necessary|a must)|no (?:hace falta|es necesario|lo necesitamos)|n['’]est pas|pas (?:besoin|nécessaire)|nicht|brauchen wir nicht)\b/iu;
/** Need words that make a question a need: "we need SSO, which plan?", "what if we want SSO anyway?". */
const NEED_WORDS = /\b(?:need|needs|needed|want|must|require\w*|mandatory|have to|necesit\w*|imprescindible|besoin|obligatoire|brauch\w*|ben[öo]tig\w*|erforderlich|muss|m[üu]ssen)\b|نحتاج|ضروري|لازم/iu;

/** A question that only asks about a requirement ("does Pro include SSO?", "does that include sso?"): no need said. */
function onlyAsks(sentence: string): boolean {
  return QUESTION.test(sentence.trim()) && !NEED_WORDS.test(sentence);
}

/** Whether a requirement is said as one somewhere in `said`, and not said as one they do without. */
export function wanted(said: string, asked: RegExp): boolean {
  const pattern = new RegExp(asked.source, asked.flags.includes('g') ? asked.flags : `${asked.flags}g`);
  return [...said.matchAll(pattern)].some((match) => !NEGATION.test(said.slice(Math.max(0, match.index - 40), match.index)) && !NEGATED_AFTER.test(said.slice(match.index + match[0].length)));
}

/** A message that says they do without a requirement ("we don't need SSO", "no need for sso"). */
export function negatesNeed(text: string): boolean {
  return REQUIREMENTS.some(({ asked }) => asked.test(text)) && !REQUIREMENTS.some(({ asked }) => wanted(text, asked));
}

/** The plan an FAQ says a feature is included from ("It is included in Pro and above"), by id. */
function planFromFaq(id: string, base: readonly Plan[]): string | undefined {
  const answer = getKnowledgeBase().faqs.find((faq) => faq.id === id)?.answer ?? '';
  const names = base.map((plan) => plan.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const from = new RegExp(`\\b(${names}) and above\\b`, 'i').exec(answer)?.[1];
  return from ? base.find((plan) => plan.name.toLowerCase() === from.toLowerCase())?.id : undefined;
}

/** A need said now that the plan last quoted lacks (a feature, a tool it does not connect to): the plan that has it. */
export function raisedPlanTopic(turn: OfflineTurn): Topic | undefined {
  // "Does Starter have dashboards?" is a question the plan's feature lines answer (plan-has), not a need said.
  if (QUESTION.test(turn.text)) return undefined;
  const last = turn.state.quoted?.at(-1);
  const quoted = last && turn.kb.plans.find((plan) => plan.id === last.planId);
  if (!quoted) return undefined;
  const base = getKnowledgeBase().plans;
  // A need the FAQ answers (SSO, data residency) gets that answer, which says which plans have it.
  if (REQUIREMENTS.some(({ asked, faq }) => faq !== undefined && asked.test(turn.text))) return undefined;
  // What they said, in their words: the feature as they named it, or the tool as the catalogue spells it.
  // (A tool the plan quoted already connects to, "Slack" beside "HubSpot" on Starter, raises nothing: only the others.)
  const covered = new Set(base.slice(0, turn.kb.plans.indexOf(quoted) + 1).flatMap((plan) => plan.features.flatMap(integrationNames)));
  const named = [...new Set(base.flatMap((plan) => plan.features.flatMap(integrationNames)).filter((name) => mentionsName(turn.text, name)))];
  const said = [...REQUIREMENTS.flatMap(({ asked }) => asked.exec(turn.text)?.[0] ?? []), ...(RUNS_NEEDED.exec(westernDigits(turn.text))?.slice(0, 1) ?? []), ...named.filter((name) => !covered.has(name))];
  const connected = named.filter((name) => covered.has(name));
  const required = said.length > 0 ? requiredPlan(turn) : undefined;
  if (!required || turn.kb.plans.indexOf(required) <= turn.kb.plans.indexOf(quoted)) return undefined;
  const inferred = inferredPriceTopic(turn);
  // ("We use Figma, Slack and HubSpot": Figma, no integration of ours, is answered too.)
  const stack = stackTopic(turn);
  const unlisted = stack?.kind === 'stack' ? stack.unlisted : [];
  return inferred && { ...inferred, raisedBy: listWith([...new Set(said)], MEMORY_PHRASES[turn.locale].and), ...(connected.length > 0 ? { connected } : {}), ...(unlisted.length > 0 ? { unlisted } : {}) };
}

/** "Does that cover what we need?", "will Pro cover everything?", "does it tick all our boxes?", "is that enough for us?" */
export const COVER_ASK =
  /\b(?:does|do|will|would|can|could)\s+(?:that|this|it|they|the plan|that plan|this plan|[\p{L}]+)\s+(?:(?:really|actually|then)\s+)?(?:cover|meet|handle|tick|check|satisfy|do|have)\s+(?:all\s+(?:of\s+)?)?(?:what (?:we|i) (?:need|want|require|asked for|listed|mentioned|said)|(?:our|my) (?:needs|requirements|list|must[- ]haves|boxes)|the boxes|everything(?: (?:we|i) (?:need|want|require|listed|mentioned|said))?|all (?:that|those|of (?:that|those|them|it))|(?:it|them|that) all)\b|\bis (?:that|it|this|[\p{L}]+) enough for (?:what we need|our needs|us)\b|\b(?:are|is) (?:all )?(?:our|my) (?:needs|requirements) (?:covered|met)\b/iu;

/** A security standard the security FAQ names (SOC 2, ISO 27001, GDPR): the company's, whatever the plan. */
function standardCheck(asked: string, kb: KnowledgeBase): CoverCheck {
  const squash = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const need = asked.toUpperCase().replace(/\s+/g, ' ');
  const sentence = kb.faqs.flatMap((faq) => splitSentences(faq.answer)).find((line) => squash(line).includes(squash(asked)));
  return sentence ? { need, covered: true, line: sentence, company: true } : { need, covered: undefined };
}

/** The tools the integrations FAQ lists that no plan's feature line names ("GitHub"). */
function listedOnly(turn: OfflineTurn, firstWith: ReadonlyMap<string, number>): string[] {
  const competitors = new Set(turn.kb.competitors.map((entry) => entry.name.toLowerCase()));
  return knownTools(getKnowledgeBase()).filter((name) => !firstWith.has(name) && !competitors.has(name.toLowerCase()));
}

/** The plans' integration names, each with the index of the first plan whose line names it. */
function firstIntegrationAt(base: readonly Plan[]): Map<string, number> {
  const firstWith = new Map<string, number>();
  base.forEach((entry, index) => {
    for (const name of entry.features.flatMap(integrationNames)) if (!firstWith.has(name)) firstWith.set(name, index);
  });
  return firstWith;
}

/**
 * A tool the integrations FAQ lists but no plan's line names ("GitHub"), on the plan at `at`: yes on the plan that
 * includes all of them and above; below it, whether a smaller set ("10 core integrations") has it is not stated.
 */
function listedToolCheck(turn: OfflineTurn, name: string, at: number): CoverCheck | undefined {
  const base = getKnowledgeBase().plans;
  const allAt = base.findIndex((entry) => entry.features.some((line) => /\ball\b.*integrations/i.test(line)));
  const from = turn.kb.plans.find((entry) => entry.id === base[allAt]?.id);
  if (allAt < 0 || !from) return undefined;
  const line = base[at]?.features.find((entry) => /integrations/i.test(entry));
  return { need: name, covered: at >= allAt ? true : undefined, ...(line ? { line } : {}), from, listed: true };
}

/** "Can you send me your SOC 2 report?", "can we get the pen test summary?", "share your security pack". */
export const SECURITY_DOC_ASK =
  /\b(?:send|share|get|see|provide|email|e-mail|forward|have|access|request)\b[^.?!]{0,40}\b(?:soc ?2(?: type (?:2|ii))?(?: audit)? (?:report|attestation)|security (?:pack|package|docs?|documentation)|pen(?:etration)?[- ]?test (?:report|summary|results)|(?:the|your) dpa)\b/iu;

/** "We do about 3000 runs a month", "we run ~5k workflow runs monthly": their usage, against the plan quoted. */
export function runsTopic(turn: OfflineTurn): Topic | undefined {
  const said = RUNS_NEEDED.exec(westernDigits(turn.text))?.[0];
  if (!said) return undefined;
  const base = getKnowledgeBase().plans;
  const needed = runsNeeded(turn.text, base);
  const last = turn.state.quoted?.at(-1);
  const plan = (last ? turn.kb.plans.find((entry) => entry.id === last.planId) : undefined) ?? inferredPriceTopic(turn)?.plan ?? turn.kb.plans.find((entry) => entry.id === base[needed ?? -1]?.id);
  if (!plan) return undefined;
  const at = base.findIndex((entry) => entry.id === plan.id);
  const line = base[at]?.features.find((entry) => /workflow runs/i.test(entry));
  const from = needed === undefined ? undefined : turn.kb.plans.find((entry) => entry.id === base[needed]?.id);
  const fromLine = needed === undefined ? undefined : base[needed]?.features.find((entry) => /workflow runs/i.test(entry));
  return { kind: 'covers', plan, checks: [{ need: said, covered: needed === undefined ? undefined : at >= needed, ...(line ? { line } : {}), ...(from ? { from } : {}), runs: fromLine ?? '' }], single: true };
}

/** Asking which plan has something, or whether every plan does ("which plan has…", "is slack on all plans?"). */
const WHICH_PLAN = /\b(?:which|what) (?:plan|tier)s?\b|\b(?:all|every|each|any) (?:of (?:the|your) )?(?:plans?|tiers?)\b|\b(?:do|does|can|will) (?:you|it|northwind)\b[^?.!]{0,20}\b(?:integrate|connect|work|sync|support)\b/i;
/** "Does that include…?", "is it on that plan?": the plan just spoken of. */
const THAT_PLAN = /\b(?:does|do|will|would|is|can) (?:that|it|this)(?: plan| one)?\b|\b(?:on|in) (?:that|this) (?:plan|one|tier)\b/i;

/**
 * "Does starter have slack?", "does that include hubspot?", "which plan has salesforce?": one or more tools a plan's
 * integrations line names, asked about on a plan (named, in lower case too; the cheapest; the one just quoted) or with
 * no plan (the first plan whose line names them, with that line). Tools only the FAQ lists (GitHub) are left to
 * planToolTopic; a rival's name to the comparison.
 */
export function toolOnPlanTopic(turn: OfflineTurn, plans: Plan[]): Topic | undefined {
  const { text } = turn;
  if (!speaksLocale(turn.kb, turn.locale) || !(QUESTION.test(text) || /^\s*(?:so |and |but |ok )?(?:does|is|are|do|can|which|what)\b/i.test(text)) || plans.length > 1) return undefined;
  const base = getKnowledgeBase().plans;
  const firstWith = firstIntegrationAt(base);
  // ("Does Pro work with both?": the tools they told us they use.)
  const named = [...firstWith.keys()].filter((name) => mentionsName(text, name) && !turn.kb.competitors.some((entry) => entry.name === name));
  const theirs = named.length === 0 && WITH_THEM.test(text) ? (turn.state.tools ?? []).map((tool) => tool.name).filter((name) => firstWith.has(name)) : [];
  const tools = named.length > 0 ? named : theirs;
  if (tools.length === 0 || tools.length > 3 || text.length > 160) return undefined;
  // (A tool only the FAQ lists beside them, "slack and github": left to the answers that know about those; "we're 7 and
  // use Slack, which plan?" states their stack and size: the recommendation answers it.)
  if (listedOnly(turn, firstWith).some((name) => mentionsName(text, name)) || statedTools(text, turn.kb).length > 0 || freshFields(turn).length > 0) return undefined;
  const index = Math.max(...tools.map((name) => firstWith.get(name) ?? 0));
  const from = turn.kb.plans.find((entry) => entry.id === base[index]?.id);
  if (!from) return undefined;
  const feature = listWith(tools, MEMORY_PHRASES[turn.locale].and);
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  const lower = kb(turn).find((entry) => words.includes(entry.name.toLowerCase()) && !new RegExp(`\\b(?:our|my|your|small|big|a) ${entry.name}\\b`, 'i').test(text));
  const plan = plans[0] ?? lower ?? (CHEAPEST.test(text) ? plansByPrice(turn.kb)[0] : undefined) ?? (THAT_PLAN.test(text) ? lastPlanSpokenOf(turn) : undefined);
  const found = base[index]?.features.find((entry) => tools.some((name) => integrationNames(entry).includes(name)));
  const line = found === undefined ? undefined : (from.features[base[index]?.features.indexOf(found) ?? -1] ?? found);
  // (One tool asked of the first plan with it: that plan's own line, which names it.)
  // ("Does Starter integrate with Slack?" keeps the tool's name: a yes or no about it.)
  const own = tools.length === 1 && plan && line && turn.kb.plans.indexOf(plan) === index && !INTEGRATION_ASK.test(text) ? line.charAt(0).toLowerCase() + line.slice(1) : undefined;
  if (plan) return { kind: 'plan-has', plan, feature: own ?? feature, from };
  // ("Will it work with both?" with no plan named: how we fit the tools they use, answered elsewhere.)
  if (named.length === 0) return undefined;
  // "Do you integrate with HubSpot?": the integrations FAQ, then the plans that include it.
  const faq = INTEGRATION_ASK.test(text) && !WHICH_PLAN.test(text.replace(/\b(?:do|does|can|will) (?:you|it|northwind)\b/i, '')) ? faqById(turn.kb, 'integrations') : undefined;
  if (faq && line && tools.length === 1) return { kind: 'knowledge', passages: [faq], onPlans: { tool: feature, from, line } };
  if (!WHICH_PLAN.test(text) && !INTEGRATION_ASK.test(text)) return undefined;
  return { kind: 'plan-has', plan: from, feature, from, ...(line ? { line } : {}) };
}
const kb = (turn: OfflineTurn) => turn.kb.plans;

/** "Does Starter's 10 include GitHub?", "is GitHub on Pro?": a tool asked about on a plan (English wording only). */
const PLAN_TOOL_ASK = /\b(?:include|includes|included|have|has|cover|covers|come with|comes with|support|supports|integrate|integrates|connect|connects|work with|works with|get)\b|\b(?:is|are)\b[^?]{0,30}\b(?:on|in|part of)\b/iu;

export function planToolTopic(turn: OfflineTurn, plan: Plan): Topic | undefined {
  if (!QUESTION.test(turn.text) || !PLAN_TOOL_ASK.test(turn.text)) return undefined;
  const base = getKnowledgeBase().plans;
  const at = base.findIndex((entry) => entry.id === plan.id);
  const firstWith = firstIntegrationAt(base);
  // (A tool a plan's line names is answered from that line, as before.)
  if ([...firstWith.keys()].some((name) => mentionsName(turn.text, name))) return undefined;
  const listed = listedOnly(turn, firstWith).find((name) => mentionsName(turn.text, name));
  const check = listed && at >= 0 ? listedToolCheck(turn, listed, at) : undefined;
  return check ? { kind: 'covers', plan, checks: [check], single: true } : undefined;
}

/**
 * "Does that cover what we need?": the needs they stated in the conversation (a team size, SSO and the other features
 * only some plans have, workflow runs, the tools they named, security standards), each checked against the plan asked
 * about, else the plan last quoted, else the plan for their team; and the cheapest plan that has them all.
 */
export function coverTopic(turn: OfflineTurn, plans: Plan[], seatsAlone = false): Topic | undefined {
  const base = getKnowledgeBase().plans;
  const last = turn.state.quoted?.at(-1);
  const seats = seatsFor(turn);
  const plan = plans[0] ?? (last ? turn.kb.plans.find((entry) => entry.id === last.planId) : undefined) ?? inferredPriceTopic(turn)?.plan;
  if (!plan) return undefined;
  const at = base.findIndex((entry) => entry.id === plan.id);
  const localPlan = (index: number) => turn.kb.plans.find((entry) => entry.id === base[index]?.id);
  // ("Is Business enough or do we need Enterprise?" right after "and scim?": what they just asked about counts too.)
  const said = seatsAlone && turn.locale === 'en' ? [needsSaid(turn), ...turn.userTexts.slice(-4, -1).filter((asked) => QUESTION.test(asked))].join('\n') : needsSaid(turn);
  const checks: CoverCheck[] = [];
  // (In the prospect's language when they asked in theirs: "is Business enough?" is answered beyond English.)
  const seatWord = { en: 'seats', es: 'usuarios', fr: 'utilisateurs', de: 'Nutzer', ar: 'مستخدمين' }[turn.locale];
  // (A team the plan does not hold comes with the plan that does, and that plan's range: "14 usuarios: … viene con Pro".)
  const holder = seats !== undefined && !fitsSeats(plan, seats) ? recommendPlan(seats, turn.kb.plans) : undefined;
  const held = holder && holder !== plan ? holder : undefined;
  if (seats !== undefined) checks.push({ need: `${seats} ${seatWord}`, covered: fitsSeats(plan, seats), ...(held ? { from: held } : {}), line: PHRASES[turn.locale].seatRange((held ?? plan).minSeats, (held ?? plan).maxSeats) });
  for (const { asked, feature, faqPlan } of REQUIREMENTS) {
    if (!wanted(said, asked)) continue;
    const index = base.findIndex((entry) => entry.features.some((line) => feature.test(line)));
    const fromId = index < 0 ? (faqPlan ? planFromFaq(faqPlan, base) : undefined) : base[index]?.id;
    const from = fromId === undefined ? -1 : base.findIndex((entry) => entry.id === fromId);
    const words = asked.exec(said)?.[0] ?? '';
    const line = index < 0 ? undefined : base[index]?.features.find((entry) => feature.test(entry));
    checks.push({ need: /^[a-z]{2,5}$/i.test(words) ? words.toUpperCase() : words, covered: from < 0 ? undefined : at >= from, ...(line ? { line } : {}), ...(from >= 0 ? { from: localPlan(from) } : {}) });
  }
  const runs = runsNeeded(said, base);
  const runsSaid = RUNS_NEEDED.exec(westernDigits(said))?.[0];
  if (runsSaid) {
    const line = base[at]?.features.find((entry) => /workflow runs/i.test(entry));
    checks.push({ need: runsSaid, covered: runs === undefined ? undefined : at >= runs, ...(line ? { line } : {}), ...(runs === undefined ? {} : { from: localPlan(runs) }) });
  }
  const firstWith = firstIntegrationAt(base);
  for (const [name, index] of firstWith) {
    if (!mentionsName(said, name)) continue;
    const line = base[index]?.features.find((entry) => integrationNames(entry).includes(name));
    checks.push({ need: name, covered: at >= index, ...(line ? { line } : {}), from: localPlan(index) });
  }
  for (const name of listedOnly(turn, firstWith)) {
    const check = mentionsName(said, name) ? listedToolCheck(turn, name, at) : undefined;
    if (check) checks.push(check);
  }
  const standards = [...said.matchAll(new RegExp(STANDARD.source, 'giu'))].map((match) => match[1] ?? match[0]);
  for (const asked of [...new Set(standards.map((value) => value.toUpperCase().replace(/\s+/g, ' ')))]) checks.push(standardCheck(asked, turn.kb));
  // Nothing stated to check: not this answer.
  // (Unless the plan itself is asked about, "is Business enough?": their team is then what there is to check.)
  if (checks.length === 0 || (checks.length === 1 && seats !== undefined && !seatsAlone)) return undefined;
  const needed = requiredPlan(turn);
  const all = atLeast(seats === undefined ? undefined : recommendPlan(seats, turn.kb.plans), needed, turn.kb);
  const missing = checks.some((check) => check.covered === false);
  // A plan's feature line in the catalogue's own words for their language (the same line of the localized plan).
  const localLine = (line: string | undefined) => {
    const owner = base.find((entry) => entry.features.includes(line ?? ''));
    return (owner && turn.kb.plans.find((entry) => entry.id === owner.id)?.features[owner.features.indexOf(line ?? '')]) ?? line;
  };
  if (turn.locale !== 'en') checks.forEach((check) => Object.assign(check, check.line === undefined ? {} : { line: localLine(check.line) }));
  return { kind: 'covers', plan, checks, ...(seats === undefined ? {} : { seats }), ...(missing && all && all.id !== plan.id ? { all } : {}) };
}

/** The later (higher) of two plans in the catalogue's order. */
export function atLeast(plan: Plan | undefined, floor: Plan | undefined, kb: KnowledgeBase): Plan | undefined {
  if (!plan || !floor) return plan ?? floor;
  return kb.plans.indexOf(floor) > kb.plans.indexOf(plan) ? floor : plan;
}

/** Setting us against another product: "how are you different from X?", "compared to X", "mejor que X", "besser als X". */
const RIVAL_ASK =
  /\b(?:(?:how|what) (?:are|is|makes) (?:you|northwind(?: cloud)?|it|your (?:product|tool|platform))\s+(?:any |so )?(?:different|better) (?:from|than|to)|(?:different|differ|differs) (?:from|than)|difference (?:from|with)|compare(?:d|s)? (?:to|with|against)|comparison (?:to|with|against)|stack (?:up )?(?:against|to)|better than|vs\.?|versus|diferencia con|diferentes? de|diferencia[ns]? de|se distingue[ns]? de|comparad[oa]s? con|mejor(?:es)? que|compar[ée]s? (?:à|a|avec)|diff[ée]rents? de|diff[ée]rence avec|mieux que|par rapport (?:à|a|au)|unterschied zu|unterscheide\w* (?:sie |ihr produkt )?(?:sich )?von|anders als|besser als|im vergleich zu|verglichen mit)\s+(?:the\s+|el\s+|la\s+|le\s+|l['’]|der\s+|die\s+|das\s+)?([\p{L}][\p{L}\d.&+-]*)/iu;
/** Words after "different from" that name no product. */
const NOT_A_RIVAL = new Set(
  'you your yours us ours our my me them it its this that these those what which who other others another competitors competitor competition alternatives alternative rest before last previous current existing now today everyone everybody anything something everything spreadsheets spreadsheet email emails paper plans plan tiers tier ustedes otros otras otro otra competencia lo la los las eso esto vous autres concurrents concurrence ce cela ça ihnen anderen andere konkurrenz wettbewerb das dem den'.split(' '),
);

/** A product set against us that the catalogue has no comparison for (nor is one of our plans, tools or ourselves). */
export function unlistedRival(turn: OfflineTurn): string | undefined {
  const { kb, text } = turn;
  const name = RIVAL_ASK.exec(text)?.[1]?.replace(/[.&+-]+$/u, '');
  if (!name || name.length < 2 || NOT_A_RIVAL.has(name.toLowerCase())) return undefined;
  const known = [kb.company.name, ...kb.company.name.split(/\s+/), ...kb.competitors.flatMap((entry) => [entry.name, ...entry.aliases]), ...knownTools(kb), ...kb.plans.flatMap((plan) => [plan.name, plan.id, ...plan.aliases])];
  if (known.some((entry) => entry.toLowerCase() === name.toLowerCase()) || mentionsAny(text, kb.competitors.flatMap((entry) => [entry.name, ...entry.aliases]))) return undefined;
  return /^\p{Ll}/u.test(name) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** Moving their work over from another tool: a question for the FAQ on importing, not a comparison with that tool. */
const MIGRATION = /\b(import|imports|importing|migrate|migrating|migration|move (?:over )?from|bring (?:over|across)|transfer from|importar|migrar|importer|migrer|importieren|migrieren|übernehmen)\b/iu;

export function comparisonTopic(turn: OfflineTurn, plans: Plan[]): Topic | undefined {
  const [first, second] = plans;
  if (first && second) return { kind: 'compare-plans', plans: [first, second], seats: seatsFor(turn), billing: billingIn(turn.text) };
  const migration = MIGRATION.test(turn.text) ? knowledgeTopic(turn, ['faq']) : undefined;
  if (migration) return migration;
  const competitors = turn.passages.filter((passage) => passage.kind === 'competitor');
  const named = competitors.find((passage) => matchesEntry(passage, turn.text, turn.kb));
  // "What would we lose vs Enterprise?" after a Business quote: the two plans, not a competitor no one named.
  // ("How does pro compare to business?": the plan named in lower case is the other one, never a competitor.)
  const spelled = first ? turn.kb.plans.find((plan) => plan !== first && mentionsName(turn.text, plan.name)) : undefined;
  const quotedOther = lastQuotedPlan(turn);
  const other = first && !named ? (spelled ?? (quotedOther !== first ? quotedOther : undefined) ?? turn.kb.plans[turn.kb.plans.indexOf(first) - 1]) : undefined;
  if (first && other && other !== first) {
    const [lower, upper] = turn.kb.plans.indexOf(other) < turn.kb.plans.indexOf(first) ? [other, first] : [first, other];
    if (LOSES.test(turn.text)) return { kind: 'plan-gap', plan: lower, above: upper, seats: seatsFor(turn) };
    return { kind: 'compare-plans', plans: [lower, upper], seats: seatsFor(turn), billing: billingIn(turn.text) };
  }
  const passage = named ?? competitors[0];
  if (passage) return { kind: 'competitor', passage };
  return undefined;
}
