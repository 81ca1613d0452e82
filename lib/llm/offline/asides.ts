import type { OfflineTurn } from '@/lib/llm/offline/context';
import { findMentionedPlans, westernDigits } from '@/lib/llm/offline/reading';
import { ASIDE_PHRASES, type Unlisted } from '@/lib/llm/offline/phrases-asides';
import type { Plan } from '@/lib/sales/knowledge/schema';
import { knownTools, negatedTools, statedTools } from '@/lib/sales/memory';
import { splitSentences } from '@/lib/sales/sentences';
import type { SalesState } from '@/lib/sales/types';
import type { Topic } from '@/lib/llm/offline/topic';
import { getKnowledgeBase, QUOTES_PRICE } from '@/lib/sales/knowledge';
import { getPassage, type Passage } from '@/lib/sales/retrieval';

/**
 * Asides a prospect makes in a long conversation that the topic reading (topic.ts) has no answer for, in the five
 * languages: a question the catalogue says nothing of (a partner programme, billing their own clients, the app's
 * languages), "too long, shorter please" (and the shorter replies after it), a tool corrected ("actually HubSpot, not
 * Salesforce"), "do I have to pay for 3 users?" (a plan's minimum seats, yes or no first), and a closing "ok, thanks a
 * lot" (a goodbye, no new question).
 */
export type Aside =
  | { kind: 'shorter' }
  /** "More detail please" after it: the full replies back. */
  | { kind: 'longer' }
  | { kind: 'tool-corrected'; now: string; not: string; connects: boolean }
  | { kind: 'seat-minimum'; plan: Plan; min: number; team?: number; above: boolean }
  | { kind: 'closing-thanks' }
  /** The same customer story asked for again just after it was told: said to be the one there is, not told again. */
  | { kind: 'case-again'; customer: string; teamSize: number; plan?: string };

/** "Do you have a partner or reseller programme?", "¿tienen programa de partners?", "habt ihr ein Partnerprogramm?". */
const PARTNER_ASK =
  /\b(?:partner(?:ship)?s? ?(?:program(?:me)?s?|scheme|plan)|resell\w*|reseller\w*|referral program(?:me)?|affiliate program(?:me)?|white[- ]?label\w*|programas? (?:de )?(?:partners?|socios|revendedores|afiliados|distribuidores)|revendedor\w*|marca blanca|programmes? (?:de )?(?:partenaires?|partenariat|revendeurs?|revente|affiliation)|programme partenaire|revendeur\w*|marque blanche|partnerprogramm\w*|partner-programm\w*|wiederverk[äa]ufer\w*|vertriebspartner\w*)\b|برنامج (?:لل)?(?:شركاء|شراكة|موزعين|وكلاء)|إعادة (?:ال)?بيع|اعادة (?:ال)?بيع/iu;

/** "Can we bill our clients ourselves?", "¿podemos facturar a nuestros clientes?", "on peut facturer nos clients ?". */
const CLIENT_BILLING_ASK =
  /\b(?:bill|invoice|charge|re-?bill)\s+(?:our|my|the)\s+(?:own\s+)?(?:clients?|customers?)\b|\bfactur\w*\s+(?:nosotros\s+)?(?:directamente\s+)?(?:a\s+)?(?:nuestros|mis|los)\s+(?:propios\s+)?clientes\b|\b(?:re)?factur\w*\s+(?:nous-m[eê]mes\s+)?(?:à\s+)?(?:nos|mes|les)\s+(?:propres\s+)?clients\b|\brefactur\w*|\b(?:unseren|unsere|den|meinen)\s+kunden\s+(?:selbst\s+|direkt\s+)?(?:eine rechnung stellen|rechnungen stellen|in rechnung stellen|berechnen|abrechnen|fakturieren)\b|\bweiter(?:berechnen|verrechnen|berechnung)\b|(?:نفوتر|نحاسب|نصدر فواتير ل)\s*(?:ال)?عملاء(?:نا)?|فوترة عملائنا/iu;

/** "Do you support Arabic?", "هل تدعمون اللغة العربية؟", "¿la app está en español?", "gibt es das auf Deutsch?". */
const PRODUCT_LANGUAGE_ASK =
  /\b(?:support|supports|available in|interface in|ui in|app in|platform in|come in)\s+(?:the\s+)?(?:arabic|spanish|french|german|english|right-to-left|rtl)\b|\b(?:arabic|spanish|french|german) (?:interface|ui|version)\b|\b(?:soporta|soportan|est[aá] disponible en|interfaz en|la app (?:est[aá] )?en|la aplicaci[oó]n (?:est[aá] )?en)\s+(?:el\s+)?(?:[aá]rabe|espa[nñ]ol|franc[eé]s|alem[aá]n|ingl[eé]s)\b|\b(?:disponible en|interface en|l['’]appli(?:cation)? (?:est )?en)\s+(?:arabe|fran[cç]ais|espagnol|allemand|anglais)\b|\b(?:auf|in) (?:deutsch|arabisch|franz[öo]sisch|spanisch) (?:verf[üu]gbar|erh[äa]ltlich)\b|\b(?:unterst[üu]tzt|unterst[üu]tzen) (?:ihr |sie |die app |die anwendung |es )?(?:deutsch|arabisch)\b|\b(?:deutsche|arabische) (?:oberfl[äa]che|version)\b|(?:تدعمون|يدعم|تدعم|بتدعموا|تدعموا)\s+(?:ال)?(?:لغة\s+)?(?:ال)?عرب(?:ية|ي)|(?:واجهة|نسخة)\s+(?:باللغة\s+)?(?:ال)?عربي(?:ة)?|(?:متوفر|متاح)\s+بال(?:لغة ال)?عربي(?:ة)?/iu;

/** The support team as a noun: "le support", "the support team", "soporte", "Kundendienst", "الدعم الفني". */
const SUPPORT_TEAM = /\b(?:le|la|el|the|your|votre|vos|euer|ihr|der|den|notre|our)\s+(?:support|soporte|assistance|kundendienst|kundensupport)\b|\bsupport (?:team|staff|agents?|client)\b|\b(?:soporte|kundendienst|kundensupport|hotline|helpdesk)\b|الدعم الفني|خدمة العملاء/iu;

const UNLISTED: readonly { subject: Unlisted; asked: RegExp }[] = [
  { subject: 'client-billing', asked: CLIENT_BILLING_ASK },
  { subject: 'partner-program', asked: PARTNER_ASK },
  { subject: 'product-languages', asked: PRODUCT_LANGUAGE_ASK },
];

/** A question about something the catalogue says nothing of, when the knowledge base indeed says nothing of it. */
export function unlistedAsked(turn: Pick<OfflineTurn, 'text' | 'kb'>): Unlisted | undefined {
  const found = UNLISTED.find(({ asked }) => asked.test(turn.text));
  // ("Le support est-il disponible en français ?" asks about the support team's languages: topic.ts answers that.)
  if (!found || (found.subject === 'product-languages' && SUPPORT_TEAM.test(turn.text))) return undefined;
  // A knowledge base that does answer it (a deployer's FAQ on partners or languages) is answered from, not doubted.
  const said = { 'partner-program': /partner|resell|revend|wiederverk|شركاء|موزع/iu, 'client-billing': /your (?:own )?clients|sus clientes|vos clients|ihre kunden|عملائكم/iu, 'product-languages': /\b(?:arabic|languages|idiomas|langues|sprachen)\b|العربية|لغات/iu }[found.subject];
  return turn.kb.faqs.some((faq) => said.test(`${faq.question} ${faq.answer}`)) ? undefined : found.subject;
}

/** "Too long, shorter please", "más corto", "plus court", "kürzer bitte", "أقصر من فضلك". */
const SHORTER =
  /\b(?:too long|(?:much )?shorter|keep it (?:short|brief)|be (?:more )?(?:brief|concise)|tl;?dr|less text|m[aá]s cort[oa]s?|m[aá]s breves?|demasiado largo|muy largo|plus courte?s?|trop longs?|plus brefs?|plus concis|k[üu]rzer|zu lang|kurz bitte|kurz fassen|fass dich kurz|fassen sie sich kurz)\b|أقصر|اختصر|باختصار|طويل جد[اًا]|طويلة جد[اًا]/iu;
/** "More detail please": the shorter replies end. */
const LONGER = /\b(?:more detail(?:s|ed)?|in detail|explain more|m[aá]s detalles?|en detalle|plus de d[ée]tails|en d[ée]tail|ausf[üu]hrlich(?:er)?|mehr details)\b|بالتفصيل|تفاصيل أكثر/iu;

/** Asked for shorter replies (this message or before), and not for detail since. */
export function brief(turn: Pick<OfflineTurn, 'userTexts'>): boolean {
  const shorter = turn.userTexts.findLastIndex((said) => SHORTER.test(said));
  return shorter >= 0 && shorter > turn.userTexts.findLastIndex((said) => LONGER.test(said) && !SHORTER.test(said));
}

/**
 * A reply cut to one or two sentences: its first, and the first with an amount when the first has none (the price is
 * what a short price answer keeps). A bulleted list counts its lines as sentences.
 */
export function shortened(paragraphs: readonly string[]): string[] {
  const sentences = paragraphs.flatMap((paragraph) => paragraph.split('\n').flatMap((line) => (/^\s*[-*]\s/.test(line) ? [line.trim()] : splitSentences(line))));
  const [first, second] = sentences;
  if (!first) return [...paragraphs];
  // (The amount sentence that names the plan in bold, "**Business** for 40 seats…", before one that only recaps it.)
  const amounts = sentences.filter((sentence) => QUOTES_PRICE.test(sentence));
  const priced = QUOTES_PRICE.test(first) ? undefined : (amounts.find((sentence) => /\*\*[^*$]+\*\*/.test(sentence.replace(/\*\*[^*]*\$[^*]*\*\*/g, ''))) ?? amounts[0]);
  const next = priced ?? (first.length < 90 && second !== undefined && !/[?؟]\s*$/.test(second) ? second : undefined);
  return [[first, next].filter((sentence): sentence is string => sentence !== undefined).join(/^\s*[-*]\s/.test(next ?? '') ? '\n' : ' ')];
}

/** "Ok merci beaucoup", "va, muchas gracias!", "alles klar, danke!", "تمام شكرا": an acknowledgement and thanks only. */
const CLOSING_THANKS =
  /^\s*(?:(?:ok(?:ay)?|oki|va|vale|listo|perfecto|genial|bueno|d['’]accord|parfait|super|top|tr[èe]s bien|alles klar|gut|prima|perfekt|perfect|alright|all right|great|تمام|طيب|ماشي|حسنا|أوكي|اوكي)[\s,!.]+)+(?:thanks?(?: you)?(?: (?:a lot|so much|very much))?|thx|muchas gracias|mil gracias|gracias|merci(?: beaucoup| bien)?|danke(?: sch[öo]n| sehr)?|vielen dank|شكر[اًا](?: جزيل[اًا])?|مشكور(?:ين)?)[\s!.]*$/iu;

/** "Thanks a lot", "muchas gracias", "merci beaucoup", "vielen Dank", "شكرا جزيلا": thanks that close, alone. */
const MANY_THANKS =
  /^\s*(?:thanks (?:a lot|so much|very much)|thank you (?:so|very) much|many thanks|muchas gracias|mil gracias|merci beaucoup|merci mille fois|vielen dank|danke sch[öo]n|herzlichen dank|شكر[اًا] جزيل[اًا]|ألف شكر|الف شكر)[\s!.]*$/iu;

/** "Does Pro have a 3-user minimum, do I have to pay for 3?": the count asked about, in the five languages. */
const MINIMUM_PAY =
  /\b(?:have|need|got) to (?:pay|buy) (?:for )?(?:at least )?(\d+) (?:seats|users|licen[cs]es)\b|\b(?:tengo|tenemos|hay) que (?:pagar|comprar) (?:por )?(?:al menos |m[ií]nimo )?(\d+) (?:usuarios|licencias|puestos|asientos)\b|\b(?:je dois|on doit|nous devons|faut(?:-il)?|il faut) (?:payer|acheter) (?:pour )?(?:au moins )?(\d+) (?:utilisateurs|licences|si[èe]ges|places)\b|\bm[üu]ss(?:e|en)? (?:ich|wir) (?:f[üu]r )?(?:mindestens )?(\d+) (?:nutzer|lizenzen|pl[äa]tze|user|benutzer|seats) (?:be)?zahlen\b|(?:لازم|يجب|مضطر|مضطرين)\s+(?:أن\s+|ان\s+)?(?:ادفع|أدفع|ندفع|نشتري|اشتري)\s+(?:عن\s+|ل|مقابل\s+)?(\d+)\s*(?:مستخدمين|مستخدم|مقاعد|رخص)/iu;

/** The plan named in this message or the three before, else the one quoted last. */
function planSpokenOf(turn: OfflineTurn): Plan | undefined {
  const named = turn.userTexts.slice(-4).reverse().map((said) => findMentionedPlans(said, turn.kb.plans)[0]).find((found) => found !== undefined);
  const last = turn.state.quoted?.at(-1);
  return named ?? (last ? turn.kb.plans.find((entry) => entry.id === last.planId) : undefined);
}

function seatMinimum(turn: OfflineTurn): Aside | undefined {
  const asked = MINIMUM_PAY.exec(westernDigits(turn.text));
  const count = Number(asked?.slice(1).find((found) => found !== undefined));
  if (!asked || !(count > 1)) return undefined;
  const spoken = planSpokenOf(turn);
  const plan = spoken?.minSeats === count ? spoken : turn.kb.plans.find((entry) => entry.minSeats === count);
  if (!plan) return undefined;
  const known = Number(turn.state.lead.fields.teamSize?.value);
  const team = Number.isSafeInteger(known) && known > 0 ? known : undefined;
  // (A team of exactly the minimum pays for itself either way: nothing to say yes or no to. In English a team below it
  // is answered by topic.ts, with the plan that has no minimum.)
  if (team === count || (turn.locale === 'en' && team !== undefined && team < count)) return undefined;
  return { kind: 'seat-minimum', plan, min: count, ...(team === undefined ? {} : { team }), above: team !== undefined && team > count };
}

function toolCorrected(turn: OfflineTurn): Aside | undefined {
  if (/[?؟]\s*$/.test(turn.text)) return undefined;
  const not = negatedTools(turn.text, turn.kb);
  const now = statedTools(turn.text, turn.kb).map((tool) => tool.name).filter((name) => !not.includes(name));
  if (not.length === 0 || now.length === 0 || !now[0] || !not[0]) return undefined;
  const competitors = new Set(turn.kb.competitors.map((competitor) => competitor.name));
  return { kind: 'tool-corrected', now: now[0], not: not[0], connects: knownTools(turn.kb).includes(now[0]) && !competitors.has(now[0]) };
}

/** The aside this message makes, if any (checked before the topic reading: its words resemble other topics'). */
export function asideIn(turn: OfflineTurn): Aside | undefined {
  const words = turn.text.trim().split(/\s+/).length;
  if (SHORTER.test(turn.text) && words <= 8 && !/\d/.test(turn.text)) return { kind: 'shorter' };
  if (LONGER.test(turn.text) && words <= 6 && !/\d/.test(turn.text)) return { kind: 'longer' };
  if ((CLOSING_THANKS.test(turn.text) || MANY_THANKS.test(turn.text)) && turn.userTexts.length >= 4) return { kind: 'closing-thanks' };
  return seatMinimum(turn) ?? toolCorrected(turn);
}

export function asideReply(aside: Aside, turn: OfflineTurn): string[] {
  const ph = ASIDE_PHRASES[turn.locale];
  const { company } = turn.kb;
  switch (aside.kind) {
    case 'shorter':
      return [ph.shorter];
    case 'longer':
      return [ph.longer];
    case 'closing-thanks':
      return [ph.closingThanks(company.salesEmail)];
    case 'tool-corrected':
      return [ph.toolCorrected(aside.now, aside.not, company.name, aside.connects)];
    case 'case-again':
      return [ph.caseAgain(aside.customer, aside.teamSize, aside.plan)];
    case 'seat-minimum':
      return [aside.above && aside.team !== undefined ? ph.minimumNo(aside.plan.name, aside.min, aside.team) : ph.minimumYes(aside.plan.name, aside.min, aside.team)];
  }
}

/** "Our CRM", "nuestro CRM", "notre CRM", "unser CRM", "الـCRM تبعنا": the tool of that kind they told us they use. */
export const OUR_KIND: readonly { said: RegExp; tools: readonly string[] }[] = [
  { said: /\b(?:our|my) crm\b|\bnuestro crm\b|\bnotre crm\b|\bunser(?:em|en)? crm\b|(?<!\p{L})(?:ال)?crm (?:تبعنا|الخاص بنا|حقنا|عندنا)/iu, tools: ['Salesforce', 'HubSpot'] },
  { said: /\b(?:our|my) (?:chat|messaging) (?:tool|app)\b|\bnuestro chat\b|\bnotre (?:messagerie|chat)\b|\bunser(?:em)? chat(?:-tool)?\b/iu, tools: ['Slack', 'Microsoft Teams'] },
];

/** The message with "our CRM" read as the CRM they said they use (the last one stated), so it is answered for it. */
export function withOwnTools(text: string, state: Pick<SalesState, 'tools'>): string {
  let read = text;
  for (const { said, tools } of OUR_KIND) {
    const theirs = (state.tools ?? []).map((tool) => tool.name).filter((name) => tools.includes(name)).at(-1);
    if (theirs) read = read.replace(said, theirs);
  }
  return read;
}

/** "Tell me about a customer like us", "¿algún caso?", "des références ?", "Kundenbeispiele?", "قصة نجاح؟". */
const CASE_ASK =
  /\b(?:case stud(?:y|ies)|customer stor(?:y|ies)|success stor(?:y|ies)|(?:a )?(?:customers?|clients?|compan(?:y|ies)) like us|references?|casos? de [eé]xito|alg[uú]n caso|(?:clientes|empresas) como nosotros|cas clients?|t[ée]moignages?|(?:clients|entreprises) comme nous|r[ée]f[ée]rences?|referenz\w*|kundenbeispiel\w*|erfolgsgeschicht\w*|(?:kunden|firmen) wie (?:uns|wir))\b|قص[ةص] نجاح|عملاء مثلنا|عميل مثلنا|شركات? مثلنا/iu;

/** The words a case study is found by: its keywords and industry, in the base and the reply's language (5-letter stems). */
function caseStems(turn: OfflineTurn, id: string): string[] {
  const entries = [getKnowledgeBase(), turn.kb].flatMap((kb) => kb.caseStudies.filter((study) => study.id === id));
  return [...new Set(entries.flatMap((study) => [...study.keywords, study.industry]).flatMap((words) => words.toLowerCase().split(/[^\p{L}]+/u)).filter((word) => word.length >= 5).map((word) => word.slice(0, 5)))];
}

/**
 * A customer story asked for ("tell me about a customer like us", "¿algún caso? somos agencia"): the case of the industry
 * the message names, or an earlier message named ("we're a 12 person agency"), not the first one retrieval ranks.
 */
export function caseForThem(turn: OfflineTurn): Passage | undefined {
  if (!CASE_ASK.test(turn.text)) return undefined;
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}]+/u).filter((word) => word.length >= 5);
  const matches = (id: string, text: string) => caseStems(turn, id).some((stem) => words(text).some((word) => word.startsWith(stem)));
  // ("¿Algún caso? Somos agencia": the industry they name now, else the one they named before.)
  const earlier = turn.userTexts.slice(0, -1).join(' ');
  const study = turn.kb.caseStudies.find((entry) => matches(entry.id, turn.text)) ?? turn.kb.caseStudies.find((entry) => matches(entry.id, earlier));
  return study ? getPassage(`case:${study.id}`, turn.kb) : undefined;
}

/**
 * A customer story the last reply told (its opening sentence in it), chosen again: the one there is, said so with its
 * size and plan, rather than the same words again ("As I mentioned, BrightPath…" in consecutive replies).
 */
export function caseAgain(topic: Topic, turn: OfflineTurn): Topic {
  if (topic.kind !== 'knowledge' || topic.passages.length !== 1 || topic.passages[0]?.kind !== 'case') return topic;
  const id = topic.passages[0].id.replace(/^case:/, '');
  const study = turn.kb.caseStudies.find((entry) => entry.id === id);
  const last = turn.previousReplies.at(-1) ?? '';
  const opening = study ? splitSentences(study.summary)[0] : undefined;
  if (!study || !opening || !last.includes(opening.slice(0, 60))) return topic;
  const plan = turn.kb.plans.find((entry) => entry.id === study.plan)?.name;
  return { kind: 'aside', aside: { kind: 'case-again', customer: study.customer, teamSize: study.teamSize, ...(plan ? { plan } : {}) } };
}
