import type { OfflineTurn } from '@/lib/llm/offline/context';
import { PHRASES, type Phrases } from '@/lib/llm/offline/phrases';
import { bookingReply, CALL_ME as CALL_ASKED, cancelReply, humanReply, inviteReply, meetingTimeReply } from '@/lib/llm/offline/replies-actions';
import { inReplyLanguage } from '@/lib/llm/offline/booking-ahead';
import { competitorReply, knowledgeReply, objectionReply } from '@/lib/llm/offline/replies-knowledge';
import { bullets, cataloguePriceLine, money, comparePlansReply, coversReply, overviewReply, planFeaturesReply, planGapReply, planHasReply, priceReply, recommendReply } from '@/lib/llm/offline/replies-pricing';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';
import { aboutReply, alongsideReply, list, recallReply, rivalIntegrationReply, toolsReply, unclearReply } from '@/lib/llm/offline/replies-memory';
import { isContactSales, mentionsAny } from '@/lib/llm/offline/reading';
import { contentWords, needLabel } from '@/lib/llm/offline/text';
import { PRICE_REMINDER } from '@/lib/llm/offline/understanding';
import { asksRecommendation, bringsColleague, RECALL_RECOMMENDED, BUDGET_CHECK, CHOSE, OVER_BUDGET, freshFields, statedBudget, unconfirmedTopic, upcomingMeeting, type Topic } from '@/lib/llm/offline/topic';
import { STOP_QUESTIONS } from '@/lib/sales/intents';
import { growthWords, mentionsName } from '@/lib/sales/memory';
import { malformedEmail } from '@/lib/sales/lead/patterns';
import { QUOTES_PRICE } from '@/lib/sales/knowledge';
import { faqPassage } from '@/lib/sales/retrieval';
import { splitSentences } from '@/lib/sales/sentences';
import { avoidRepeats, pickFresh } from '@/lib/llm/offline/variety';
import { noYesForLowerPlan } from '@/lib/llm/offline/plan-yes-guard';
import { asideReply, brief, shortened } from '@/lib/llm/offline/asides';
import { integrationReply } from '@/lib/llm/offline/integration-answer';
import { contractTermReply } from '@/lib/llm/offline/contract-term';
import { calendarCased } from '@/lib/llm/offline/calendar-words';
import { DIRECT_PHRASES } from '@/lib/llm/offline/phrases-direct';
import { FOLLOW_UP_PHRASES } from '@/lib/llm/offline/phrases-followups';
import { idpReply, stackReply } from '@/lib/llm/offline/stack-answer';
import { ASIDE_PHRASES } from '@/lib/llm/offline/phrases-asides';
import { salesAskReply } from '@/lib/llm/offline/sales-asks';
import { explainerReply } from '@/lib/llm/offline/explainers';
import { EXPLAINER_PHRASES } from '@/lib/llm/offline/phrases-explainers';
import { questionFor } from '@/lib/sales/playbook';
import { speaksLocale } from '@/lib/sales/knowledge-locale';
import type { LeadField } from '@/lib/sales/types';
import { FIRST_NAMES } from '@/lib/sales/lead/first-names';
import { teamHours } from '@/lib/sales/handoff-hours';
import { emailAskedIn, mayAskEmail } from '@/lib/sales/asked-questions';

const HOW_ARE_YOU = /\b(how are you|how's it going|q(?:ue|ué)? tal|como esta|comment allez|comment vas|ça va|ca va|wie geht)|كيف حالك|كيف الحال/iu;

/**
 * The offline agent's reply for a topic, from this turn's tool results, passages and lead state: short Markdown
 * paragraphs, an acknowledgement of what the prospect just told us, and the playbook's next question when the stage
 * has one and the reply does not already end with a question.
 */
export function composeReply(topic: Topic, turn: OfflineTurn): string {
  const ph = PHRASES[turn.locale];
  const answer = body(topic, turn, ph);
  // "diego@tacoselguero", "john@gmail,com": an address that cannot be used is said so, last (it asks for the fix).
  const typo = malformedEmail(turn.text);
  const mistyped = typo ? [MEMORY_PHRASES[turn.locale].emailIncomplete(typo.address, typo.meant)] : [];
  const drafted = [acknowledgement(topic, turn, ph), ...answer, ...alsoAsked(topic, turn), ...mistyped].filter((paragraph) => paragraph.trim() !== '');
  // Asked for a recommendation again: the plan recommended is said again (as a recap), not only its summary.
  const recommended = topic.kind === 'price' && topic.inferred && asksRecommendation(turn.text) ? splitSentences(answer[0]?.split('\n')[0] ?? '')[0] : undefined;
  // Asked "is that within budget?", the word on the budget is the answer, said again if need be.
  const budget = topic.kind === 'price' && BUDGET_CHECK.test(turn.text) ? statedBudget(turn)?.said : undefined;
  // Asked again about something we cannot confirm ("and how many API calls per minute?"), that is the answer said again.
  const caveat = topic.kind === 'knowledge' && (topic.unstated ?? topic.unlistedTool ?? topic.unconfirmed) ? splitSentences(answer.at(-1) ?? '')[0] : undefined;
  // Asked again about part of an answer ("what about nonprofit pricing?" after the discounts FAQ): that part recapped.
  const relevant = topic.kind === 'knowledge' && !caveat ? sentenceAbout(answer, turn.text) : undefined;
  // Booked again at the time it already had ("move it to 7am", before hours: 9:00 again), the slot is said again.
  const slot = topic.kind === 'booking' ? answer.flatMap((paragraph) => splitSentences(paragraph)).find((sentence) => /\*\*[^*]*\d{1,2}:\d{2}[^*]*\*\*/.test(sentence)) : undefined;
  const lead = recommended ?? caveat ?? relevant ?? slot ?? (budget ? answer.flatMap((paragraph) => splitSentences(paragraph)).find((sentence) => sentence.includes(budget)) : undefined);
  const question = nextQuestion(topic, turn);
  const fresh = question && avoidRepeats([question], turn.previousReplies, '').length > 0;
  // A stock line said before ("Thanks, that helps.") is left out when a question follows, rather than recapped ("As I
  // said: thanks, that helps").
  const stock = new Set([ph.unknownStatement, ph.smallTalk, ph.notSure]);
  const saidBefore = (paragraph: string) => stock.has(paragraph) && turn.previousReplies.some((reply) => reply.includes(paragraph));
  const onlyStock = drafted.length > 0 && drafted.every(saidBefore);
  // (With no question to follow, another short line, or the same one again, never "as I said".)
  const unsaid = [ph.smallTalk, ph.unknownStatement].find((line) => !turn.previousReplies.some((reply) => reply.includes(line)));
  // Asked for shorter replies ("too long, shorter please"): one or two sentences, cut before repeats are recapped (what
  // is asked for or offered — a time, an address, a handover — is kept whole).
  const short = brief(turn) && !KEPT_WHOLE.has(topic.kind);
  const kept = onlyStock ? (fresh ? [] : [unsaid ?? ph.unknownStatement]) : short ? shortened(drafted) : drafted;
  // What they told us, asked for again, is read back whole: the list is the answer, not a repeat to trim.
  // "That's over our budget": the cheaper plan that fits is the answer, even with amounts quoted before.
  // ("Does business fit?" over the budget: no, and the plan that does, said whole.)
  // (A budget just stated under the plan quoted is the same: "bit pricey, our budget is $1500 a month" after Business.)
  const overBudget = topic.kind === 'price' && topic.budgetPick === true && (OVER_BUDGET.test(turn.text) || BUDGET_CHECK.test(turn.text) || freshFields(turn).includes('budget'));
  // (The price of the plan they object to is not said again: what comes before the cheaper plan keeps no amount.)
  const cheaperAt = overBudget ? kept.findIndex((paragraph) => paragraph.includes(`**${topic.alternative?.name ?? ''}**`)) : -1;
  const overBudgetKept = cheaperAt < 0 ? kept : kept.filter((paragraph, index) => index >= cheaperAt || !QUOTES_PRICE.test(paragraph));
  // ("Will I get an invite?" while "which Thursday?" is in flight: the answer, and that question again, said whole.)
  const paragraphs =
    overBudget ? overBudgetKept : topic.kind === 'recall' || topic.kind === 'not-listed' || topic.kind === 'covers' || (topic.kind === 'booking' && topic.invite !== undefined) || (topic.kind === 'brochure' && topic.price !== undefined) || onlyStock || (topic.kind === 'price' && (PRICE_REMINDER.test(turn.text) || RECALL_RECOMMENDED.test(turn.text) || topic.perSeatClaim === true || topic.periods === true)) ? [...kept] : avoidRepeats(kept, turn.previousReplies, pickFresh(MEMORY_PHRASES[turn.locale].asMentioned, turn.previousReplies), lead, properNames(turn.kb));
  // "Is SSO included in Starter?": the FAQ's yes is a no for a plan below every plan it is included in.
  paragraphs.splice(0, paragraphs.length, ...noYesForLowerPlan(paragraphs, turn));
  // "How long is the trial?" is no yes-or-no question: the FAQ's leading "Yes —" is left out (English).
  if (topic.kind === 'knowledge' && turn.locale === 'en' && /^\s*(?:(?:and|so|ok|okay)[,\s]+)?(?:how|what|when|where|which|who|why)\b/i.test(turn.text)) {
    paragraphs.splice(0, 1, ...(paragraphs[0] === undefined ? [] : [paragraphs[0].replace(/^(As I mentioned, )?yes\s*[—–-]\s*(\p{L})/iu, (_, recap: string | undefined, letter: string) => (recap ? `${recap}${letter}` : letter.toUpperCase()))]));
  }
  // Asked to stop asking questions: a thanks or a hello ends without its own closing question ("anything else…?").
  const silenced = turn.state.quiet || turn.userTexts.some((said) => STOP_QUESTIONS.test(said));
  if (silenced && (topic.kind === 'thanks' || topic.kind === 'greeting' || topic.kind === 'small-talk')) {
    paragraphs.splice(0, paragraphs.length, ...paragraphs.map((paragraph) => splitSentences(paragraph).filter((sentence) => !/[?؟]\s*$/.test(sentence)).join(' ')).filter((paragraph) => paragraph !== ''));
  }
  // (And no question of the playbook's after it.)
  if (short) return paragraphs.join('\n\n');
  // One question per reply: a reply that already asks something (when to meet, which email) does not ask another.
  if (question && fresh && !/[?؟]/.test(paragraphs.at(-1) ?? '')) paragraphs.push(question);
  return paragraphs.join('\n\n');
}

/** The name set aside in a correction: "…, not Jon", "no Lucia", "pas Marc", "nicht Jane", "وليس ليلا". */
const NAME_SET_ASIDE = /(?:(?<!\p{L})(?:not|no|pas|nicht)|وليس|مش)\s+(\p{L}[\p{L}'’-]+)/iu;

/** Replies a "shorter please" does not cut: what they ask for or are offered is said whole. */
const KEPT_WHOLE = new Set<Topic['kind']>(['aside', 'booking', 'meeting-time', 'meeting-cancel', 'meeting-invite', 'invite', 'meeting-who', 'human', 'purchase', 'recall', 'not-listed', 'farewell', 'thanks', 'greeting', 'handoff-status', 'erase', 'unclear', 'bare-number']);

/** Asking to be called: "have someone call me", "can you ring me", "give me a call". */
const CALL_ME = /\b(?:call|ring|phone) (?:me|us)\b|\bgive (?:me|us) a (?:call|ring)\b|\b(?:a|by) (?:phone )?call\b/i;

/** "Hmm", "mmm", "uh": a pause and nothing else. */
const HESITATION = /^\s*(?:h?m{2,}|hm+|mhm|uh+|um+|erm?|euh|äh?m?)[\s,.!…]*$/iu;

/** The sentence of an answer that shares the most words with the question (at least one), if any. */
function sentenceAbout(answer: readonly string[], question: string): string | undefined {
  const asked = new Set(contentWords(question));
  // "What happens after the trial?" asks about its end: the sentence that says what happens then weighs more.
  const then = new Set([...asked].flatMap((word) => AFTER_WORDS[word] ?? []));
  let best: { sentence: string; shared: number } | undefined;
  for (const sentence of answer.flatMap((paragraph) => splitSentences(paragraph))) {
    const words = new Set(contentWords(sentence));
    const shared = [...words].filter((word) => asked.has(word)).length + 2 * [...words].filter((word) => then.has(word)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { sentence, shared };
  }
  return best?.sentence;
}

/** "After" in a question, and the words an answer uses for that moment ("At the end you pick a plan…"). */
const AFTER_WORDS: Record<string, string[]> = {
  after: ['end'],
  end: ['end'],
  ends: ['end'],
  finish: ['end'],
  afterward: ['end'],
  expire: ['end'],
  despue: ['final', 'fin'],
  termina: ['final', 'fin'],
  apre: ['fin'],
  danach: ['danach'],
  nach: ['danach'],
  بعد: ['نهايت', 'نهاي'],
};

/** A percentage off said to exist: "you offer a 50% discount right?", "my friend said he got 40% off". */
const PERCENT_CLAIM = /\b\d{1,3}\s?(?:%|percent\b)[^.?!]{0,12}\b(?:off|discount)\b[^.?!]{0,30}(?:\bright\b|\bcorrect\b|\?|$)|\b(?:got|gets|get|getting|gave|offered|said)\b[^.?!]{0,20}\b\d{1,3}\s?(?:%|percent\b)/i;

/** The knowledge base's proper names, longest first: they keep their capital inside a recap. */
function properNames(kb: OfflineTurn['kb']): string[] {
  const names = [kb.company.name, ...kb.plans.map((plan) => plan.name), ...kb.competitors.flatMap((entry) => [entry.name, ...entry.aliases]), ...kb.caseStudies.map((study) => study.customer)];
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

function body(topic: Topic, turn: OfflineTurn, ph: Phrases): string[] {
  const { kb } = turn;
  const company = kb.company.name;
  switch (topic.kind) {
    case 'injection':
      return topic.discount ? [ph.injectionDiscount, ...knowledgeReply([topic.discount], turn), ph.furtherDiscount(kb.company.salesEmail)] : [ph.injection(company)];
    case 'human':
      return humanReply(turn, ph);
    case 'identity':
      return [ph.identity(company)];
    case 'erase':
      return [ph.erase(kb.company.salesEmail)];
    case 'not-interested':
      return [ph.notInterested(kb.company.salesEmail)];
    case 'frustrated':
      return [ph.frustrated];
    case 'no-questions':
      return [ph.noQuestions];
    case 'email-declined':
      return [ph.emailDeclined];
    case 'present':
      return [ph.present];
    case 'currency':
      return [ph.currencyNote(kb.company.currency, kb.company.salesEmail)];
    case 'booking':
      // A price asked in the same message is answered first, then the booking (and how to bring a colleague to it).
      return [...(topic.price ? priceReply(topic.price, turn, ph) : []), ...bookingReply(topic, turn, ph), bringsColleague(turn.text) ? ph.colleagues(kb.company.salesEmail) : ''];
    case 'colleagues':
      return [ph.colleagues(kb.company.salesEmail)];
    case 'purchase':
      return humanReply(turn, ph, ph.purchaseDone);
    case 'free-plan': {
      // The trial's answer without its leading "Yes —": it follows "What is free is the trial:".
      const trial = topic.trial ? knowledgeReply([topic.trial], turn).map((text) => text.replace(/^(?:yes|s[ií]|oui|ja|نعم)\s*[—–:,-]\s*/iu, '')) : [];
      const first = trial[0] ? [trial[0].charAt(0).toUpperCase() + trial[0].slice(1), ...trial.slice(1)] : [];
      return [ph.noFreePlan(topic.cheapest.name, cataloguePriceLine(topic.cheapest, turn, ph)), ...first];
    }
    case 'handoff-status': {
      const fields = turn.state.lead.fields;
      const contact = [fields.phone?.value, fields.email?.value].find((value): value is string => typeof value === 'string');
      return ph.handoffWho ? [ph.handoffWho(contact, teamHours(kb, turn.locale), mayAskEmail(turn.state, turn.previousReplies.at(-1)))] : [ph.handoffAgain];
    }
    case 'price-claim': {
      const line = cataloguePriceLine(topic.plan, turn, ph);
      return ph.priceClaim ? [ph.priceClaim(topic.plan.name, topic.right, line, isContactSales(topic.plan))] : [`**${topic.plan.name}**: ${line}`];
    }
    case 'start':
      // (Once the team has been asked to set them up, the way to buy is already under way.)
      return [...(topic.trial ? knowledgeReply([topic.trial], turn) : []), turn.state.handoff ? '' : ph.startNow];
    case 'meeting-time':
      return meetingTimeReply(topic, turn, ph);
    case 'meeting-invite':
      return [ph.inviteFor(topic.booking.localLabel, topic.booking.email)];
    case 'invite':
      return inviteReply(topic, turn);
    case 'saving': {
      const { plan } = topic;
      const annual = plan?.pricePerSeatMonthlyAnnual;
      const monthly = plan?.pricePerSeatMonthly;
      return [ph.savingPerSeat(plan && typeof annual === 'number' && typeof monthly === 'number' ? { name: plan.name, annual: money(annual, turn), monthly: money(monthly, turn) } : undefined)];
    }
    case 'asked-before':
      return topic.questions.length === 0 ? [ph.askedNothing] : [ph.askedBefore, bullets(topic.questions)];
    case 'why-not':
      return [ph.becauseOf(topic.reason)];
    case 'meeting-who':
      return [ph.meetingWho(topic.booking.localLabel, topic.booking.durationMinutes, topic.booking.email, kb.company.salesEmail)];
    case 'meeting-cancel':
      return cancelReply(topic, turn, ph);
    case 'price':
      // "Let's go with Pro": its price for their team, then the way to buy.
      if (topic.discount) return [...priceReply(topic, turn, ph), ...knowledgeReply([topic.discount], turn), ph.furtherDiscount(kb.company.salesEmail)];
      // (The FAQ's "Yes." answers "can we change plans later?", which they did not ask.)
      if (topic.scales) return [...priceReply(topic, turn, ph), ...knowledgeReply([topic.scales], turn).map((line) => line.replace(/^(?:yes|s[ií]|oui|ja|نعم)[.,!،]\s*/iu, ''))];
      return [...priceReply(topic, turn, ph), otherCurrency(turn, ph), CHOSE.test(turn.text) && !turn.state.handoff ? ph.startNow : ''];
    case 'overview':
      return overviewReply(turn, ph, topic.unknownPlan);
    case 'competitor-price':
      return [ph.competitorPrice(topic.competitor), ...(topic.price ? priceReply(topic.price, turn, ph) : overviewReply(turn, ph))];
    case 'seat-range':
      return [bullets(topic.plans.map((plan) => `**${plan.name}**: ${ph.seatRange(plan.minSeats, plan.maxSeats)}`))];
    case 'compare-plans':
      return comparePlansReply(topic, turn, ph);
    case 'plan-gap':
      return planGapReply(topic, turn, ph);
    case 'seat-minimum':
      return ph.seatMinimum ? [ph.seatMinimum(topic.plan.name, topic.plan.minSeats, topic.team, topic.fits && { plan: topic.fits.name, range: ph.seatRange(topic.fits.minSeats, topic.fits.maxSeats), price: cataloguePriceLine(topic.fits, turn, ph) })] : [ph.planAtMinimum(topic.plan.name, topic.plan.minSeats, topic.team)];
    case 'plan-has':
      return topic.trial ? [`${ph.trialOf(topic.plan.name)} ${planHasReply(topic, turn, ph).join(' ')}`] : planHasReply(topic, turn, ph);
    case 'covers':
      return coversReply(topic, turn, ph);
    case 'feature-lines':
      return [topic.about ?? '', ph.featureLinesIntro, bullets(topic.lines.map(({ plan, line }) => `**${plan.name}**: ${line}`)), ph.plansBuildUp];
    case 'competitor':
      return competitorReply(topic.passage, turn, ph);
    case 'no-comparison':
      return [ph.noComparison(company, topic.competitor, kb.company.salesEmail), ...(topic.covers ? coversReply(topic.covers, turn, ph) : aboutReply(turn))];
    case 'objection':
      return objectionReply(topic, turn, ph);
    case 'recall':
      return recallReply(topic.fields, turn);
    case 'about':
      return aboutReply(turn);
    case 'unclear':
      return unclearReply(turn);
    case 'alongside':
      return alongsideReply(topic.tool, turn);
    case 'fees':
      return [ph.fees(kb.company.salesEmail)];
    case 'tools':
      // A need said with the tools: its FAQ, then the plan that has it priced for their team.
      return [...toolsReply(topic.tools, turn, topic.from), ...(topic.need ? knowledgeReply([topic.need], turn) : []), ...(topic.price ? priceReply(topic.price, turn, ph) : [])];
    case 'rival-integration':
      return rivalIntegrationReply(topic.tool, turn);
    case 'stack':
      return stackReply(topic, turn);
    case 'idp':
      return idpReply(topic, turn);
    case 'plan-again':
      return [FOLLOW_UP_PHRASES[turn.locale].planAgain(topic.plan.name, cataloguePriceLine(topic.plan, turn, ph))];
    case 'integration':
      return integrationReply(topic.answer, turn);
    case 'contract-term':
      return contractTermReply(topic.passage, turn);
    case 'plan-features':
      return planFeaturesReply(topic.plan, turn, ph);
    case 'knowledge': {
      const answer = knowledgeReply(topic.passages, turn);
      // "Do you integrate with HubSpot?": the FAQ, then the plans that include it (the first one's own line).
      if (topic.onPlans && ph.toolFrom) {
        const { tool, from, line } = topic.onPlans;
        const at = kb.plans.indexOf(from);
        // (The yes first, then the list it is part of.)
        const own = line.replace(/\s*\((.*)\)$/u, ': $1').replace(/[.…]+$/u, '…');
        return [DIRECT_PHRASES[turn.locale].toolYes(tool, / and /.test(tool), from.name, at === 0, at === kb.plans.length - 1, own.charAt(0).toLowerCase() + own.slice(1)), ...answer];
      }
      // "…and audit logs": the plan whose feature line has it, from the catalogue, in their language.
      const above = { en: 'and above', es: 'y superiores', fr: 'et au-dessus', de: 'und höher', ar: 'وما فوقها' }[turn.locale];
      const onPlan = { en: 'on', es: 'en', fr: 'dans', de: 'in', ar: 'في' }[turn.locale];
      const also = (topic.alsoNeeded ?? []).map(({ need, from, line }) => `**${needLabel(need)}**: ${onPlan} **${from.name}**${kb.plans.at(-1)?.id === from.id ? '' : ` ${above}`} (${line.replace(/[.…]+$/u, '')}).`);
      if (also.length > 0) answer.push(bullets(also));
      // "Can you match their price?": no, not here; the policy, the team's call, and the plan's list and annual price.
      if (topic.priceMatch) return [ph.noPriceMatch, ...answer, ph.furtherDiscount(kb.company.salesEmail), `**${topic.priceMatch.name}**: ${cataloguePriceLine(topic.priceMatch, turn, ph)}`];
      // ("You offer a 50% discount, right?", "my friend got 40% off": no such discount is confirmed here; the figure is not said back.)
      if (topic.discountAsked && turn.locale === 'en' && PERCENT_CLAIM.test(turn.text)) return [pickFresh(["No, that's not a discount I can confirm: there's no standard percentage off.", "That isn't a discount I can confirm either: no percentage off is standard."], turn.previousReplies), ...answer, ph.furtherDiscount(kb.company.salesEmail)];
      if (topic.discountAsked) return [...answer, ph.furtherDiscount(kb.company.salesEmail)];
      // (English only: the security pack is shared by the team, under NDA; the handoff is offered, never done unasked.)
      if (topic.securityPack) return [...answer, `I can't send the report from this chat: our team shares the security pack under NDA. Would you like me to pass your request to them? You can also write to ${kb.company.salesEmail}.`];
      if (topic.selfHosting) return [...answer, ph.noSelfHosting(kb.company.salesEmail)];
      if (topic.unlistedTool) return [...answer, ph.unconfirmedIntegration(topic.unlistedTool, kb.company.salesEmail)];
      if (topic.unstated) return [...answer, ph.unconfirmedDetail(topic.unstated, kb.company.salesEmail)];
      return topic.unconfirmed ? [...answer, ph.unconfirmedStandard(topic.unconfirmed, kb.company.salesEmail)] : answer;
    }
    case 'recommend':
      return recommendReply(turn, ph);
    case 'contact':
      // The acknowledgement is the answer; without anything new to acknowledge, a short thanks.
      // (Growth they told us of is acknowledged on its own: "5 more in January — noted".)
      return freshFields(turn).length > 0 || (turn.state.growth !== undefined && turn.text.includes(turn.state.growth.evidence)) ? [topic.fits ?? ''] : [ph.unknownStatement];
    case 'greeting': {
      const tagline = speaksLocale(kb, turn.locale) ? kb.company.tagline : (kb.localized[turn.locale]?.tagline ?? '');
      return [ph.greeting(company, tagline), ph.canHelp];
    }
    case 'thanks':
      return [ph.thanks(company)];
    case 'farewell': {
      const name = turn.state.lead.fields.name?.value;
      // (Booked in French, goodbye in English: the meeting's day as this reply's language writes it.)
      const meeting = upcomingMeeting(turn);
      return [ph.farewell(typeof name === 'string' ? addressAs(turn, name) : undefined, meeting && inReplyLanguage(meeting.localLabel, meeting.start, meeting.timezone, turn), kb.company.salesEmail)];
    }
    case 'small-talk':
      // ("Hmm", "mmm": a pause, not a yes; the next question is the reply.)
      return [HOW_ARE_YOU.test(turn.text) ? ph.howAreYou : HESITATION.test(turn.text) ? '' : ph.smallTalk];
    case 'not-sure':
      return [ph.notSure];
    case 'language':
      return [ph.languageSwitched];
    case 'bare-number':
      return [ph.bareNumber(topic.value)];
    case 'no-meeting':
      return [ph.noMeetingToCancel];
    case 'brochure':
      // "Something to share with my CFO": the plan for them, priced, as a summary to copy; a written quote offered.
      if (topic.price && ph.shareSummary && ph.writtenQuoteOffer) return [ph.shareSummary(topic.forWhom ?? (turn.locale === 'es' ? 'su equipo' : 'your team')), ...priceReply(topic.price, turn, ph), ph.writtenQuoteOffer];
      // ("Send me the pricing by email": the team sends it, and the address asked once; declined, the chat and sales@.)
      if (topic.byEmail === 'known') return [ph.sendToKnown(String(turn.state.lead.fields.email?.value ?? ''), kb.company.salesEmail)];
      if (topic.byEmail) return topic.byEmail === 'ask' ? [`${ph.sendByEmail} ${questionFor('email', turn.locale, turn.state.asked?.email ?? 0)}`] : [ph.sendWithoutEmail(kb.company.salesEmail)];
      return [ph.brochure(kb.company.salesEmail)];
    case 'off-topic':
      return [ph.offTopic(company)];
    case 'not-listed':
      return [`${topic.subject === 'mobile-app' ? ph.notListed(topic.subject, kb.company.salesEmail) : ASIDE_PHRASES[turn.locale].unlisted(topic.subject, kb.company.name, kb.company.salesEmail)} ${ph.passToTeam}`];
    case 'aside':
      return asideReply(topic.aside, turn);
    case 'sales-ask':
      return salesAskReply(topic.ask, turn, (inner) => body(inner, turn, ph));
    case 'explain':
      return explainerReply(topic.explain, turn);
    case 'unknown': {
      const unknown = MEMORY_PHRASES[turn.locale].unknownQuestion.map((phrase) => phrase(kb.company.salesEmail));
      // (Growth they told us of is acknowledged on its own: "5 more in January — noted".)
      const grows = turn.state.growth !== undefined && turn.text.includes(turn.state.growth.evidence);
      return [topic.wasQuestion ? pickFresh(unknown, turn.previousReplies) : grows ? '' : ph.unknownStatement];
    }
  }
}

/** Currencies prospects ask for by name or sign ("in euros", "en €", "in Pfund", "بالدولار"). */
const CURRENCIES: [RegExp, string][] = [
  [/\b(?:euros?|eur)\b|€|يورو/iu, 'EUR'],
  [/\b(?:pounds?(?: sterling)?|gbp|sterling|pfund|libras?(?: esterlinas?)?|livres? sterling)\b|£|جنيه إسترليني/iu, 'GBP'],
  [/\b(?:us ?dollars?|usd|dollars?|d[oó]lares?|dollar)\b|\$|دولار/iu, 'USD'],
  [/\b(?:pesos?|mxn)\b/iu, 'MXN'],
  [/\b(?:swiss francs?|chf|franken)\b/iu, 'CHF'],
  [/\b(?:dirhams?|aed)\b|درهم/iu, 'AED'],
  [/\b(?:riyals?|sar)\b|ريال/iu, 'SAR'],
  [/\b(?:yen|jpy)\b/iu, 'JPY'],
];
/** "In euros?", "en euros", "auf Euro", "in €": a price asked in a currency. */
const IN_CURRENCY = /\b(?:in|en|auf|im|par|por|à)\s+(?:\S+\s+)?(?:euros?|eur|€|pounds?|gbp|£|pesos?|mxn|swiss francs?|chf|franken|dirhams?|aed|riyals?|sar|yen|jpy|pfund|libras?)\b|بال(?:يورو|جنيه|ريال|درهم)/iu;

/** A price asked in another currency than the catalogue's: said plainly, nothing converted. */
function otherCurrency(turn: OfflineTurn, ph: Phrases): string {
  // A budget stated (or checked) in another currency ("maximal 12.000 Euro im Jahr") is not compared: that is said too.
  const budget = turn.state.lead.fields.budget?.value;
  const aboutBudget = typeof budget === 'string' && (freshFields(turn).includes('budget') || BUDGET_CHECK.test(turn.text)) && !statedBudget(turn) ? budget : undefined;
  const said = aboutBudget ?? (IN_CURRENCY.test(turn.text) ? turn.text : undefined);
  if (said === undefined) return '';
  const asked = CURRENCIES.find(([pattern]) => pattern.test(said.replace(/\$\s?\d[\d,.]*/g, '')))?.[1];
  const currency = turn.kb.company.currency;
  return asked && asked !== currency ? ph.currencyNote(currency, turn.kb.company.salesEmail) : '';
}

/** Kinds whose answer leaves room for a second question in the same message. */
const ANSWERS_MORE = new Set<Topic['kind']>(['price', 'compare-plans', 'overview', 'seat-range', 'recommend', 'contact', 'about', 'tools', 'plan-features', 'knowledge']);

/** A long message asks more than one thing: the FAQ it also asks about is answered after the main answer. */
/** Where a question starts inside a sentence: "Do you support SSO, where is our data stored, and how much …?" asks three. */
const QUESTION_STARTS = /\b(?:do you|does it|where|how much|how many|what|which|is there|are there|can you|can we|can it|is it|are you|who|when)\b|¿/giu;

/**
 * The other questions of a message that asks several (by question marks, sentences or question words): the FAQs they
 * name, at most three, in the order they were asked, after the answer to the first. What its questions ask comes before
 * what its statements mention ("(3) do you have HIPAA, (4) can we do a trial first?" before the data residency its
 * story says it needs), and a standard or detail the FAQ does not state keeps its caveat.
 */
function alsoAsked(topic: Topic, turn: OfflineTurn): string[] {
  const marks = (turn.text.match(/[?؟]/g) ?? []).length;
  // After an FAQ answer, only questions asked as such ("¿…? ¿…?"): "which IdPs do you support?" is one question.
  const questions = topic.kind === 'knowledge' ? marks : Math.max(marks, (turn.text.match(QUESTION_STARTS) ?? []).length);
  if (!ANSWERS_MORE.has(topic.kind) || (topic.kind === 'knowledge' ? questions < 2 : questions < 2 && splitSentences(turn.text).length < 3)) return [];
  const asking = splitSentences(turn.text).filter((sentence) => /[?؟]\s*$/.test(sentence)).join(' ');
  // The whole FAQ, not only the retrieved passages: in a long message the second question may not rank in the top few.
  const hits = (keywords: readonly string[], text = turn.text) => keywords.filter((keyword) => mentionsAny(text, [keyword])).length;
  // (Not the one the answer already gave: "¿se puede pagar con factura? ¿los datos se quedan en Europa?" answers both.)
  const answered = new Set(topic.kind === 'knowledge' ? topic.passages.map((passage) => passage.id) : []);
  // Answered in the order they were asked.
  const lower = turn.text.toLowerCase();
  const at = (keywords: readonly string[]) => Math.min(...keywords.map((keyword) => lower.indexOf(keyword.toLowerCase())).filter((index) => index >= 0));
  type Asked = { id: string; at: number; inQuestion: number; hits: number; reply: () => string[] };
  const asked: Asked[] = turn.kb.faqs
    .filter((faq) => hits(faq.keywords) > 0 && !answered.has(`faq:${faq.id}`))
    .map((faq) => ({ id: `faq:${faq.id}`, at: at(faq.keywords), inQuestion: hits(faq.keywords, asking), hits: hits(faq.keywords), reply: () => knowledgeReply([faqPassage(faq)], turn) }));
  // "Do you have HIPAA?" among them: the security FAQ with what it cannot confirm, in place of the bare FAQ.
  const caveat = asking ? unconfirmedTopic({ ...turn, text: asking }) : undefined;
  const caveatId = caveat?.topic.passages[0].id;
  if (caveat && caveatId && !answered.has(caveatId)) {
    const entry: Asked = { id: caveatId, at: lower.indexOf(asking.toLowerCase()) + caveat.at, inQuestion: Number.MAX_SAFE_INTEGER, hits: 1, reply: () => body(caveat.topic, turn, PHRASES[turn.locale]) };
    const index = asked.findIndex((faq) => faq.id === caveatId);
    if (index >= 0) asked[index] = entry;
    else asked.push(entry);
  }
  return asked
    .sort((a, b) => b.inQuestion - a.inQuestion || b.hits - a.hits)
    .slice(0, Math.min(3, questions - 1))
    .sort((a, b) => a.at - b.at)
    .flatMap((faq) => faq.reply());
}

/** "Sie", "Ihnen", "Ihr…" (capitalised), "können Sie", "Guten Tag", "Sehr geehrte…": a German buyer writing formally. */
const DE_FORMAL = /(?<!\p{L})(?:Sie|Ihnen|Ihre?[mnrs]?)(?!\p{L})/u;
const DE_FORMAL_WORDS = /(?<!\p{L})(?:(?:k[öo]nnen|k[öo]nnten|haben|sind|w[üu]rden|m[öo]chten|wollen|bieten|h[äa]tten|schicken|senden) sie|guten tag|sehr geehrte\p{L}*|mit freundlichen gr(?:ü|u|ue)(?:ß|ss)en)(?!\p{L})/iu;
/** "du", "dir", "dein…", "habt ihr", "euch": a German buyer writing informally. */
const DE_INFORMAL = /(?<!\p{L})(?:du|dir|dich|dein\p{L}*|habt ihr|k[öo]nnt ihr|seid ihr|euch|euer|eure\p{L}*|ich bin der|ich bin die)(?!\p{L})/iu;

/** Whether a German prospect writes formally ("Sie") rather than informally ("du", "ihr"). */
function formalGerman(turn: OfflineTurn): boolean {
  if (turn.locale !== 'de') return false;
  const said = turn.userTexts.join('\n');
  return !DE_INFORMAL.test(said) && (DE_FORMAL.test(said) || DE_FORMAL_WORDS.test(said));
}

/**
 * What the reply calls the prospect by: their first name; but a German buyer who writes "Sie" is "Frau Vogel" /
 * "Herr Dr. Müller" when they gave the title, else not named at all.
 */
function addressAs(turn: OfflineTurn, fullName: string): string | undefined {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (turn.locale !== 'de' || first === undefined) return first;
  const surname = words.at(-1) ?? first;
  const said = turn.userTexts.join('\n');
  const titled = new RegExp(`(?<!\\p{L})(herr|frau)\\s+((?:(?:dr|prof)\\.?\\s+)*)(?:\\p{L}+\\s+)?${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'iu').exec(said);
  if (titled) {
    const title = (titled[1] ?? '').toLowerCase() === 'herr' ? 'Herr' : 'Frau';
    const degrees = (titled[2] ?? '').trim().split(/\s+/).filter(Boolean).map((degree) => `${degree.charAt(0).toUpperCase()}${degree.slice(1).toLowerCase().replace(/\.?$/, '.')}`);
    return [title, ...degrees, surname].join(' ');
  }
  if (formalGerman(turn)) return undefined;
  // ("Gruß, Weber": a surname signed alone is no name to greet with, "Hallo Weber!": greeted without one.)
  if (words.length === 1 && !FIRST_NAMES.has(first.toLowerCase())) return undefined;
  return first;
}

/** "Thanks, Ana! I've noted your email …": confirms in words what the lead card shows. */
function acknowledgement(topic: Topic, turn: OfflineTurn, ph: Phrases): string {
  // The handoff and booking confirmations name the email themselves; a refused injection acknowledges nothing.
  const booked = topic.kind === 'booking' && turn.exchanges.some((exchange) => exchange.toolName === 'book_meeting');
  // (An aside says what it noted itself: "Got it: HubSpot, not Salesforce.")
  if (topic.kind === 'injection' || topic.kind === 'human' || topic.kind === 'purchase' || topic.kind === 'meeting-cancel' || topic.kind === 'aside' || booked) return '';
  const fresh = freshFields(turn);
  if (fresh.length === 0) return moreAcknowledgements(topic, turn, fresh).sentences.join(' ');
  const { fields } = turn.state.lead;
  const value = (field: LeadField) => fields[field]?.value;
  const items: string[] = [];
  const email = value('email');
  if (typeof email === 'string' && fresh.includes('email')) items.push(ph.notedEmail(email));
  const phone = value('phone');
  if (typeof phone === 'string' && fresh.includes('phone')) items.push(ph.notedPhone(phone));
  const company = value('company');
  if (typeof company === 'string' && fresh.includes('company')) items.push(ph.notedCompany(company));
  const seats = value('teamSize');
  // A price topic for the team says the size itself ("For a team of 25…").
  if (typeof seats === 'number' && fresh.includes('teamSize') && topic.kind !== 'price') items.push(ph.notedTeam(seats));
  const fullName = fresh.includes('name') ? String(value('name') ?? '') : '';
  const firstName = fullName.split(' ')[0] ?? '';
  // A surname after the first name already greeted ("my last name is Becker"), or the name said again or corrected
  // turns later ("je m'appelle Marc Dupont, pas Dupond"): the full name noted, not a second hello.
  const greeted = firstName !== '' && turn.allReplies.some((reply) => mentionsName(reply, firstName));
  if (greeted) items.push(ph.notedName(fullName));
  const name = fresh.includes('name') && !greeted ? addressAs(turn, fullName) : undefined;
  // "Sorry, it's Joan, not Jon" after we greeted Jon: an apology and the name corrected, not "nice to meet you" again.
  const setAside = fresh.includes('name') ? NAME_SET_ASIDE.exec(turn.text)?.[1] : undefined;
  const renamed = name !== undefined && setAside !== undefined && !mentionsName(fullName, setAside) && turn.previousReplies.some((reply) => mentionsName(reply, setAside));
  if (renamed && items.length === 0) return [EXPLAINER_PHRASES[turn.locale].renamed(name), ...moreAcknowledgements(topic, turn, fresh).sentences].join(' ');
  const more = moreAcknowledgements(topic, turn, fresh);
  // "Guten Tag, mein Name ist Katrin Vogel. Können Sie …": "Guten Tag!", with "Frau Vogel" if she gave her title, never "Katrin".
  if (fresh.includes('name') && !greeted && ph.greetFormally && items.length === 0 && more.items.length === 0 && (name === undefined || /^(?:Herr|Frau) /.test(name))) return [ph.greetFormally(name), ...more.sentences].join(' ');
  // Several things said at once: one "I've noted …" list ("…that you're with Lattice Biotech, your timeline (before
  // the end of Q1), your budget and that you use Smartsheet"), not a string of "X — noted." sentences.
  if (items.length + more.items.length >= 2 || (name && more.items.length > 0)) return [ph.noted(name || undefined, [...items, ...more.items.map((item) => item.listed)]), ...more.sentences].join(' ');
  const alone = [...more.items.map((item) => item.alone), ...more.sentences];
  if (items.length === 0 && !name) return alone.join(' ');
  return [ph.noted(name || undefined, items), ...alone].join(' ');
}

/**
 * Short confirmations of the qualifying facts, so the prospect sees they were heard: each fact as a sentence of its
 * own ("Next quarter — noted.") and as an item of a list; authority and the need as sentences.
 */
function moreAcknowledgements(topic: Topic, turn: OfflineTurn, fresh: LeadField[]): { items: { alone: string; listed: string }[]; sentences: string[] } {
  const mp = MEMORY_PHRASES[turn.locale];
  const { fields } = turn.state.lead;
  const items: { alone: string; listed: string }[] = [];
  const sentences: string[] = [];
  const timeline = fields.timeline?.value;
  // ("in january" is said back "In January — noted.")
  const when = typeof timeline === 'string' ? calendarCased(timeline, turn.locale) : undefined;
  if (fresh.includes('timeline') && when !== undefined) items.push({ alone: mp.notedTimeline(when), listed: mp.itemTimeline(when) });
  if (fresh.includes('authority')) sentences.push(mp.notedAuthority(fields.authority?.value === 'decision maker'));
  if (fresh.includes('budget')) items.push({ alone: mp.notedBudget, listed: mp.itemBudget });
  if (fresh.includes('need') && items.length === 0 && sentences.length === 0 && topic.kind === 'contact') sentences.push(mp.notedNeed);
  const tools = (turn.state.tools ?? []).filter((tool) => turn.text.includes(tool.evidence)).map((tool) => tool.name);
  if (tools.length > 0 && topic.kind !== 'tools' && topic.kind !== 'stack' && topic.kind !== 'objection') items.push({ alone: mp.notedTools(list(tools, mp.and)), listed: mp.itemTools(list(tools, mp.and)) });
  // "We'll add 5 more in January" before any team size: noted (with a size, the price reply sizes for it).
  const growth = turn.state.growth;
  if (growth && mp.notedGrowth && turn.text.includes(growth.evidence) && !(topic.kind === 'price' && topic.grown)) sentences.push(mp.notedGrowth(growthWords(growth, turn.locale)));
  return { items, sentences };
}

/**
 * The playbook's next question, in the reply's language. After a handoff only the email matters (so the team can
 * reply); after a booking only who we are meeting; an objection is answered, not followed by a form field.
 */
function nextQuestion(topic: Topic, turn: OfflineTurn): string | undefined {
  const field = turn.nextField;
  const known = (name: LeadField) => turn.state.lead.fields[name] !== undefined;
  const ask = (name: LeadField) => questionFor(name, turn.locale, turn.state.asked?.[name] ?? 0);
  // (Asked to stop asking questions, none; "have someone call me": the number to call, not an email.)
  const silenced = turn.state.quiet || turn.userTexts.some((said) => STOP_QUESTIONS.test(said));
  // ("¿Me pueden llamar?", "rufen Sie mich an": the number to call, in every language.)
  // (Nor the email once they declined it, or just after the reply before asked for it.)
  if (topic.kind === 'human' || topic.kind === 'purchase') return silenced ? undefined : CALL_ME.test(turn.text) || CALL_ASKED.test(turn.text) ? (known('phone') ? undefined : ask('phone')) : known('email') || turn.state.noEmail || emailAskedIn(turn.previousReplies.at(-1)) ? undefined : (turn.state.asked?.email ?? 0) >= 2 ? PHRASES[turn.locale].teamReachAt : ask('email');
  if (topic.kind === 'booking') return field === 'name' || field === 'company' ? ask(field) : undefined;
  if (topic.kind === 'brochure' && topic.byEmail) return undefined;
  const quiet = ['objection', 'thanks', 'farewell', 'unclear', 'bare-number', 'meeting-time', 'meeting-cancel', 'identity', 'erase', 'not-interested', 'frustrated', 'no-questions', 'present'];
  // Asked to stop asking questions (now or earlier in the conversation), the agent asks none.
  if (quiet.includes(topic.kind) || silenced) return undefined;
  // ("Shorter please" and a goodbye thanks end there.)
  if (topic.kind === 'aside' && (topic.aside.kind === 'shorter' || topic.aside.kind === 'longer' || topic.aside.kind === 'closing-thanks')) return undefined;
  if ((topic.kind === 'recommend' || topic.kind === 'saving') && !known('teamSize')) return ask('teamSize');
  if (field) return ask(field);
  // Small talk with nothing left to ask still hands the conversation back to the prospect (mid-conversation, with what
  // it can help with rather than "what can I help you with today?", as if it had just started).
  // (Said just before, it is not said again after a line of its own, "Doing well, thanks for asking!": with unanswered
  // questions spaced out, small talk may come with none.)
  const saidBefore = turn.previousReplies.some((reply) => reply.includes(PHRASES[turn.locale].canHelp));
  if (topic.kind === 'small-talk' && saidBefore && HOW_ARE_YOU.test(turn.text)) return undefined;
  if (topic.kind === 'small-talk' && turn.previousReplies.length > 0) return PHRASES[turn.locale].canHelp;
  return topic.kind === 'greeting' || topic.kind === 'small-talk' ? PHRASES[turn.locale].howCanIHelp : undefined;
}
