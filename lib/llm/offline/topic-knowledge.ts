/** Topics answered from the knowledge base: integrations, certifications, details the catalogue does not state, FAQs. */
import type { OfflineTurn } from '@/lib/llm/offline/context';
import { mentionsAny } from '@/lib/llm/offline/reading';
import { contentWords } from '@/lib/llm/offline/text';
import { withoutDecisionMaker, withoutTimeline } from '@/lib/sales/lead/patterns';
import { titleCase } from '@/lib/sales/lead/text';
import { COMPARED_PRICE } from '@/lib/sales/intents';
import { MEMORY_PHRASES } from '@/lib/llm/offline/phrases-memory';
import { listWith, type UnstatedDetail } from '@/lib/llm/offline/phrasebook';
import { integrationNames, mentionsName, toolsNamed } from '@/lib/sales/memory';
import type { KnowledgeBase, Plan } from '@/lib/sales/knowledge/schema';
import { faqPassage, type Passage } from '@/lib/sales/retrieval';
import { getKnowledgeBase } from '@/lib/sales/knowledge';
import { compoundHeads, withCompoundHeads } from '@/lib/sales/text-stem';
import type { Topic } from '@/lib/llm/offline/topic-types';
import { integrationsNeeded } from '@/lib/llm/offline/topic-needs';
import { discountPassage, lastPlanSpokenOf, lastQuotedPlan, objectionTopic } from '@/lib/llm/offline/topic-pricing';
import { GENERAL_WORDS } from '@/lib/llm/offline/topic-words';
import { GENERIC_TOOL, NOT_A_TOOL, SUITE_PART, sortTools, suiteFollowUp, TOOL_PARTS, USING } from '@/lib/llm/offline/stack-answer';

/** "Do you integrate with X?", "¿Tienen integración con X?", "intégration avec X ?", "Integration mit X?", "تكامل مع X": X. */
export const INTEGRATION_ASK =
  /(?:\b(?:integrat\w*|connect(?:s|ed|ing)?|sync(?:s|ing)?|plug(?:s|ged)? in|(?:does|do|will|would|can) (?:it|you|this|that) (?:work(?: well| together)?|play nice)|integraci[oó]n(?:es)?|(?:se )?integra[ns]?|(?:se )?conecta[ns]?|int[ée]gration|s['’]int[èe]gre|int[ée]grez|connecteur|integration(?:en)?|integrier(?:t|en)|anbindung|schnittstelle)\s+(?:(?:do|does|you|have|got|offer|there|is|are|exist|any|ihr|sie|es|ustedes|vous)\s+){0,4}(?:natively\s+)?(?:with|to|into|for|con|avec|à|a|mit|an|zu|für)|\p{L}*تكامل\p{L}* مع|ربط مع)\s+(.{2,40}?)\s*[?؟.!]*$/iu;

/** "Do you support X?", "¿soportáis X?", "vous supportez X ?", "unterstützt ihr X?", "هل تدعمون X؟": X. */
const SUPPORT_ASK =
  /(?:\b(?:do|does|can|will) (?:you|it|northwind(?: cloud)?) (?:support|work with)|(?<!\p{L})(?:soport[aá]is|soportan|admit[ií]s|admiten|(?:son|sois) compatibles? con)|\b(?:vous )?(?:supportez|prenez en charge|[êe]tes compatibles? avec)|(?:supportez|prenez)-vous(?: en charge)?|\bunterst[üu]tz(?:t|en) (?:ihr|sie|northwind(?: cloud)?)|هل (?:تدعمون|تدعم|يدعم))\s+(.{2,40}?)\s*[?؟.!]*$/iu;

/** Whether a message asks if we integrate with something ("do you integrate with our CRM?", "do you support Asana?"). */
const integrationAsked = (text: string) => INTEGRATION_ASK.test(text) || SUPPORT_ASK.test(text);

/**
 * A question whether we integrate with a tool they name that the catalogue's integrations do not name: said to be
 * unlisted, with the integrations FAQ and the sales team's address, never guessed. A tool we list is left to the FAQ
 * (which says which plans include it); a competitor is a tool like ours, not an integration.
 */
export function integrationTopic(turn: OfflineTurn, plansNamed: readonly Plan[]): Topic | undefined {
  const followed = toolFollowUp(turn, plansNamed);
  if (followed) return followed;
  // ("Do you support Asana?": asked with a verb that also asks for languages or SSO, so only of a tool we know by name.)
  const supported = SUPPORT_ASK.exec(turn.text)?.[1]?.trim();
  const named = INTEGRATION_ASK.exec(turn.text)?.[1]?.trim() ?? (supported && toolsNamed(supported, turn.kb).length > 0 ? supported : undefined);
  if (!named || NOT_A_TOOL.test(named)) return undefined;
  // "Figma and Notion", "Figma, Notion y Miro", "Figma و Notion": each tool on its own, never one name.
  const several = toolListTopic(turn, named);
  if (several) return several;
  const known = toolsNamed(named, turn.kb);
  // "Do you integrate with Asana?": a tool like ours, not an integration (and their projects can be imported).
  const rival = known.find((name) => turn.kb.competitors.some((competitor) => competitor.name === name));
  if (rival) return { kind: 'rival-integration', tool: rival };
  // "Does Starter integrate with Salesforce?": about that plan, yes or no, with the first plan that has it.
  const [plan] = plansNamed;
  const [tool] = known;
  if (plan && tool) {
    const first = integrationsNeeded(tool, getKnowledgeBase().plans)[0];
    const from = first === undefined ? undefined : turn.kb.plans[first];
    if (from) return { kind: 'plan-has', plan, feature: tool, from };
  }
  // A tool we list, or a part of a suite we list (Gmail is Google Workspace, Outlook Microsoft 365): the integrations
  // FAQ answers it (which plans include it), as before.
  if (known.length > 0 || SUITE_PART.test(named)) return undefined;
  // A product's name: one to three words, capitalised or in capitals ("Notion", "SAP", "Monday Sales CRM"), or in a
  // message written all in lower case ("do you integrate with quickbooks?"), unless it is a kind of tool ("email").
  const words = named.split(/\s+/);
  const lowerCaseMessage = !/\p{Lu}/u.test(turn.text);
  if (words.length > 3 || GENERIC_TOOL.test(named) || !words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || (lowerCaseMessage && /^\p{Ll}/u.test(word)))) return undefined;
  const faq = turn.kb.faqs.find((entry) => entry.id === 'integrations');
  return faq ? { kind: 'knowledge', passages: [faqPassage(faq)], unlistedTool: lowerCaseMessage ? titleCase(named) : named } : undefined;
}

/**
 * Several tools asked about at once ("do you integrate with figma and notion?", "Figma et Notion ?"): each one read
 * on its own, as a stated stack is (stack-answer.ts): those we list, apps of a suite we list, and those we do not list,
 * grouped ("Figma and Notion aren't among…"). Undefined with one tool, a tool like ours, every tool listed (the
 * integrations FAQ answers those) or a part that is no product's name.
 */
export function toolListAsked(turn: OfflineTurn): Topic | undefined {
  const named = INTEGRATION_ASK.exec(turn.text)?.[1]?.trim();
  return named && !NOT_A_TOOL.test(named) ? toolListTopic(turn, named) : undefined;
}

function toolListTopic(turn: OfflineTurn, named: string): Topic | undefined {
  const parts = named.split(TOOL_PARTS).filter((part) => part.trim() !== '');
  if (parts.length < 2 || parts.length > 5) return undefined;
  const sorted = sortTools(parts, turn);
  if (!sorted || sorted.rival !== undefined || sorted.unlisted.length === 0) return undefined;
  const { listed, suites, unlisted } = sorted;
  return { kind: 'stack', listed, suites, unlisted };
}

/** "and Jira?", "und jira?", "¿y con Jira?", "et Jira ?", "وماذا عن Jira؟": one tool asked after, in a follow-up. */
const TOOL_FOLLOW_UP =
  /^\s*¿?\s*(?:(?:and|und|y|et|e)\s+|و\s*)?(?:(?:what|how) about|was ist mit|wie sieht es mit|qu['’]en est-il d[eu]|et pour|ماذا عن|بالنسبة ل)?\s*(?:with|mit|con|avec|a|à|an|مع)?\s*([\p{L}\d][\p{L}\d .-]{1,28}?)\s*[?؟.!]*\s*$/iu;

/**
 * "Und Jira?" after the integrations were talked about: whether the plan quoted (or named) has that tool, else the
 * first plan that does, from the catalogue's integration lines (never the whole list again, "as I said").
 */
function toolFollowUp(turn: OfflineTurn, plansNamed: readonly Plan[]): Topic | undefined {
  const asked = TOOL_FOLLOW_UP.exec(turn.text)?.[1]?.trim();
  // ("نستخدم HubSpot" after a price: their stack stated, not a question about a plan's tools — unless it answers an
  // integration question of theirs just before, "se integra con nuestro crm?", then "usamos hubspot".)
  if (!asked || turn.text.length > 60 || (USING.test(turn.text) && !integrationAsked(turn.userTexts.at(-2) ?? ''))) return undefined;
  const base = getKnowledgeBase().plans;
  const listed = [...new Set(base.flatMap((plan) => plan.features.flatMap(integrationNames)))];
  // ("وماذا عن جيرا Jira؟": the name as the catalogue spells it, among at most three words.)
  const tool = asked.split(/\s+/).length <= 3 ? listed.find((name) => mentionsName(asked, name)) : undefined;
  // (Only after a reply that named tools we connect to: elsewhere a bare name is another question.)
  const before = turn.previousReplies.at(-1) ?? '';
  // ("And Gmail?": the suite it is part of, which we list, and its plan.)
  if (!tool) return suiteFollowUp(turn, asked, before, listed) ?? unlistedFollowUp(turn, asked, before, listed);
  // (Or with a plan in focus: "tell me about enterprise", then "and salesforce?" asks about that plan.)
  const focus = plansNamed[0] ?? lastPlanSpokenOf(turn);
  if (!listed.some((name) => mentionsName(before, name)) && focus === undefined) return undefined;
  // "What about jira and github?": each tool named, every one of them listed (GitHub only in the integrations FAQ: the
  // plan with all of them), the plan that has them all; one we do not list leaves it to the FAQ.
  const parts = asked.split(/\s*(?:,|&|\band\b|\bor\b)\s*/i).filter((part) => part !== '');
  const tools = parts.map((part) => toolsNamed(part, getKnowledgeBase()).find((name) => !turn.kb.competitors.some((competitor) => competitor.name === name)));
  if (parts.length > 1 && tools.some((name) => name === undefined)) return undefined;
  const allFrom = base.findIndex((plan) => plan.features.some((line) => /\ball\b[^,]*\bintegrations\b/i.test(line)));
  const firsts = (parts.length > 1 ? (tools as string[]) : [tool]).map((name) => integrationsNeeded(name, base)[0] ?? (allFrom < 0 ? undefined : allFrom));
  if (firsts.some((index) => index === undefined)) return undefined;
  const first = Math.max(...(firsts as number[]));
  const from = turn.kb.plans[first];
  const plan = focus ?? lastQuotedPlan(turn) ?? from;
  const feature = parts.length > 1 ? listWith(tools as string[], MEMORY_PHRASES[turn.locale].and) : tool;
  return from && plan ? { kind: 'plan-has', plan, feature, from } : undefined;
}

/**
 * "Und SAP?" just after the integrations list: a product we do not list, said plainly as one (never "no confirmed
 * answer", never the list again). A capitalised name of one to three words, or any in a message in lower case.
 */
function unlistedFollowUp(turn: OfflineTurn, asked: string, before: string, listed: readonly string[]): Topic | undefined {
  const faq = turn.kb.faqs.find((entry) => entry.id === 'integrations');
  // (Or just after a yes for a tool we list: "tienen integración con slack?", then "y con quickbooks?".)
  const toolYes = /^(?:yes|s[ií]|oui|ja|نعم)\s*[—–:,،]/iu.test(before) && listed.some((name) => mentionsName(before, name));
  // (Or just after an integration asked of a tool, "do you support Asana?", whatever the reply to it was.)
  if (!faq || (!before.toLowerCase().includes(faq.answer.slice(0, 30).toLowerCase()) && !toolYes && !integrationAsked(turn.userTexts.at(-2) ?? ''))) return undefined;
  const words = asked.split(/\s+/);
  const lowerCaseMessage = !/\p{Lu}/u.test(turn.text);
  if (words.length > 3 || NOT_A_TOOL.test(asked) || GENERIC_TOOL.test(asked) || SUITE_PART.test(asked) || toolsNamed(asked, turn.kb).length > 0) return undefined;
  if (!words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || (lowerCaseMessage && /^\p{Ll}/u.test(word)))) return undefined;
  // (Plans and our own words are no product: "und Pro?", "y el precio?".)
  if (turn.kb.plans.some((plan) => [plan.name, plan.id, ...plan.aliases].some((name) => name.toLowerCase() === asked.toLowerCase()))) return undefined;
  if (lowerCaseMessage && words.length > 1) return undefined;
  // (A word the knowledge base answers is a question of its own: "und Preise?", "and pricing?", "und Sicherheit?".)
  if (turn.passages.some((passage) => passage.id !== 'faq:integrations')) return undefined;
  return { kind: 'knowledge', passages: [faqPassage(faq)], unlistedTool: lowerCaseMessage ? titleCase(asked) : asked };
}

/** Security and compliance standards prospects ask about by name. */
export const STANDARD = /\b(hipaa|ferpa|coppa|fedramp|pci(?:[- ]?dss)?|soc ?[123](?: type (?:1|2|i|ii))?|iso ?(?:\/iec ?)?\d{4,5}|gdpr|rgpd|dsgvo|ccpa|hitrust|cyber ?essentials|tisax|bsi c5|nist(?: \d{3}-\d{2,3})?|fips(?: 140-[23])?)\b/iu;

/**
 * A standard named that no FAQ names ("are you HIPAA compliant?", "FedRAMP?"): the security FAQ, with the standard
 * marked as one we cannot confirm (the knowledge base lists what we hold; nothing is assumed either way).
 */
export function certificationTopic(turn: OfflineTurn): Topic | undefined {
  const asked = STANDARD.exec(turn.text)?.[1];
  if (!asked) return undefined;
  const squash = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');
  // (In the knowledge base's own language too: the Arabic FAQ names GDPR in Arabic.)
  const base = getKnowledgeBase();
  const says = (faq: KnowledgeBase['faqs'][number]) => squash(`${faq.question} ${faq.answer}`).includes(squash(asked));
  // A standard the FAQ names is answered by the FAQ, like any other question ("SOC 2? and HIPAA?": unless another
  // standard asked beside it is one no FAQ names — that one is said to be unconfirmed, never passed over in silence).
  const namesAll = [...turn.text.matchAll(new RegExp(STANDARD.source, 'giu'))].every((match) => {
    const standard = squash(match[1] ?? match[0]);
    return [...turn.kb.faqs, ...base.faqs].some((faq) => squash(`${faq.question} ${faq.answer}`).includes(standard));
  });
  if (namesAll && turn.kb.faqs.some((faq) => says(faq) || base.faqs.some((entry) => entry.id === faq.id && says(entry)))) return undefined;
  const security = turn.kb.faqs.find((faq) => faq.id === 'security') ?? turn.kb.faqs.find((faq) => faq.keywords.some((keyword) => /secur|segur|sécur|sicher/i.test(keyword)));
  // "HIPAA and FedRAMP?": every standard asked that no FAQ names, not only the first.
  const unnamed = [...turn.text.matchAll(new RegExp(STANDARD.source, 'giu'))]
    .map((match) => match[1] ?? match[0])
    .filter((standard) => ![...turn.kb.faqs, ...base.faqs].some((faq) => squash(`${faq.question} ${faq.answer}`).includes(squash(standard))))
    .map((standard) => standard.toUpperCase().replace(/\s+/g, ' ').replace(/^FEDRAMP$/, 'FedRAMP'));
  const standards = [...new Set(unnamed.length > 0 ? unnamed : [asked.toUpperCase().replace(/\s+/g, ' ')])];
  const listed = standards.length > 1 ? `${standards.slice(0, -1).join(', ')} ${MEMORY_PHRASES[turn.locale].and} ${standards.at(-1)}` : standards[0] ?? asked;
  return security ? { kind: 'knowledge', passages: [faqPassage(security)], unconfirmed: listed } : undefined;
}

/**
 * Details prospects ask about that an FAQ comes close to without stating: the FAQ it belongs to, how a question asks
 * for it (5 languages), and what an FAQ that does state it would say (a deployer's catalogue may: then the FAQ answers).
 */
const UNSTATED_DETAILS: ReadonlyArray<{ detail: UnstatedDetail; faq: string; asked: RegExp; stated: RegExp }> = [
  {
    detail: 'api-limits',
    faq: 'integrations',
    asked:
      /\b(?:rate[- ]?limit\w*|api[- ](?:limits?|quotas?|rate)|(?:requests?|calls?)\s+per\s+(?:second|minute|hour|day)|throttl\w*|how many (?:api )?(?:calls|requests)|l[ií]mites? (?:de (?:uso de )?)?(?:la )?api|limites? (?:d['’]utilisation )?(?:de l['’]|d['’])?api|limits? (?:der|unserer|ihrer) api|api-limits?|anfragelimit\w*|ratenlimit\w*|cu[aá]ntas (?:llamadas|peticiones|solicitudes)|combien (?:de )?(?:requêtes|appels)|wie viele (?:anfragen|aufrufe))\b|حدود (?:استخدام )?(?:واجهة )?(?:ال)?(?:api|برمجة)/iu,
    stated: /rate limit|requests? per|calls? per|l[ií]mite|limit|حدود/iu,
  },
  {
    detail: 'support-languages',
    faq: 'support',
    asked:
      /\b(?:support|soporte|asistencia|atenci[oó]n al cliente|assistance|kundendienst|kundenservice|kundensupport)\b[^.?!؟]{0,30}(?:\b(?:in|en|auf)\s+(?:english|spanish|french|german|arabic|portuguese|italian|espa[nñ]ol|castellano|ingl[eé]s|franc[eé]s|alem[aá]n|[aá]rabe|fran[cç]ais|anglais|espagnol|allemand|deutsch|englisch|franz[öo]sisch|spanisch|arabisch)\b|\b(?:languages?|idiomas?|langues?|sprachen?)\b|\b(?:speaks?|habla\w*|parle\w*|spricht|sprechen)\b)|\b(?:english|spanish|french|german|arabic)[- ](?:language |speaking )?support\b|\b(?:languages?|idiomas?|langues?|sprachen?)\b[^.?!؟]{0,25}\b(?:soporte|asistencia|assistance|kundendienst|kundensupport|support (?:team|staff|agents?)|customer support|le support|der support|den support)\b|\b(?:deutschsprachige[nrs]?|spanischsprachige[nrs]?|französischsprachige[nrs]?) (?:support|kundendienst)|الدعم (?:ب|باللغة )|دعم (?:ب|باللغة )ال?(?:عربية|إنجليزية|فرنسية)/iu,
    stated: /languages?|idiomas?|langues?|sprachen|لغ/iu,
  },
  {
    detail: 'phone-support',
    faq: 'support',
    asked:
      /\b(?:(?:tele)?phone|call[- ]in)\s+(?:support|line)\b|\b(?:telefon-?)?hotline\b|\bl[ií]nea (?:de )?(?:soporte|atenci[oó]n) telef[oó]nica|\bsupport (?:by|over the|via|on the) (?:tele)?phone\b|\bsoporte (?:telef[oó]nico|por tel[eé]fono)|\b(?:assistance|support) (?:t[ée]l[ée]phonique|par t[ée]l[ée]phone)|\btelefon(?:ischer|ischen)? ?-?support|\bsupport (?:per|am|über) telefon|دعم (?:عبر |ب)?(?:ال)?هات(?:ف|في)/iu,
    stated: /phone|tel[eé]fono|t[ée]l[ée]phon|telefon|هات/iu,
  },
  {
    detail: 'data-deletion',
    faq: 'cancellation',
    asked:
      /\b(?:data deletion|delet(?:e|es|ed|ing|ion)\b[^.?!]{0,20}\bdata|deletion of (?:our |my |the )?data|(?:borr|elimin)\w*[^.?!]{0,15}\bdatos|supresi[oó]n de (?:los |nuestros )?datos|suppr\w*[^.?!]{0,15}\bdonn[ée]es|datenl[öo]schung|l[öo]sch\w*[^.?!]{0,15}\bdaten|daten\b[^.?!]{0,15}\bgel[öo]scht)|حذف (?:ال)?بيانات/iu,
    stated: /delet|borr|elimin|supprim|l[öo]sch|حذف/iu,
  },
  {
    // "Do you offer refunds?", "¿hay reembolso?", "et je suis remboursée ?", "bekomme ich mein Geld zurück?",
    // "هترجعولي فلوسي؟": the cancellation terms, and that a refund is the sales team's to confirm (never a policy made up).
    detail: 'refund',
    faq: 'cancellation',
    asked:
      /\b(?:refund\w*|money back|reembols\w*|devoluci[oó]n del dinero|devuelven el dinero|rembours\w*|(?:mein|unser|das) geld zur[üu]ck|r[üu]ckerstatt\w*|erstatt\w*)\b|(?:استرداد|استرجاع|ترجع\p{L}*|يرجع\p{L}*)\s*(?:ال)?(?:فلوس|مبلغ|المبلغ|نقود)|فلوسي|استرداد المبلغ/iu,
    stated: /refund|reembols|rembours|r[üu]ckerstatt|erstatt|استرداد/iu,
  },
  {
    // "Our procurement needs net-60 payment terms", "Zahlungsziel 60 Tage": the billing FAQ (invoices) and the team.
    detail: 'payment-terms',
    faq: 'billing',
    asked:
      /\b(?:net[- ]?\d{2,3}|payment terms?|(?:30|45|60|90)[- ]day (?:payment )?terms?|plazos? de pago|condiciones de pago|pago a \d{2,3} d[ií]as|d[ée]lais? de (?:paiement|r[èe]glement)|conditions de paiement|paiement (?:à|a) \d{2,3} jours|zahlungsziel\w*|zahlungsbedingungen|zahlbar in \d{2,3} tagen)\b|شروط الدفع|مهلة (?:ال)?دفع/iu,
    stated: /net[- ]?\d|payment terms|plazo|d[ée]lai|zahlungsziel|مهلة/iu,
  },
  {
    // "Can you promise 99.99% uptime?", "Uptime-Garantie von 99,99 %?": no more than the published SLA (support FAQ).
    detail: 'uptime',
    faq: 'support',
    asked:
      /\b(?:99[.,]99\d*|100)\s*%(?=[^.!?؟]{0,60}\b(?:uptime|availability|sla|disponibilit\w*|disponibilidad|verf[üu]gbarkeit)\b)|\b(?:uptime|availability|sla|disponibilit\w*|disponibilidad|verf[üu]gbarkeit)\w*[^.!?؟]{0,40}\b(?:99[.,]99\d*|100)\s*%/iu,
    stated: /99[.,]99(?!\d)|100\s*%/iu,
  },
  {
    // "Will you build a QuickBooks integration for us by January?", "eine SAP-Integration bis März entwickeln?": no custom
    // features or dates promised (policy); the integrations there are.
    detail: 'custom-build',
    faq: 'integrations',
    asked:
      /\b(?:build|develop|create|make|add|code|write)\b[^.!?]{0,40}\b(?:integrations?|connectors?|features?|functionality)\b[^.!?]{0,30}\b(?:for us|by|until|before)\b|\b(?:custom|bespoke) (?:integration|feature|connector|development)s?\b|\b(?:entwickeln|bauen|programmieren)\b[^.!?]{0,60}\b(?:integration|feature|funktion|schnittstelle)\w*|\b(?:integration|feature|funktion|schnittstelle)\w*[^.!?]{0,40}\b(?:entwickeln|bauen|programmieren)\b|\b(?:desarroll|constru)\w*[^.!?]{0,40}\b(?:integraci[oó]n|funcionalidad|funci[oó]n)\b|\b(?:d[ée]velopp|cr[ée])\w*[^.!?]{0,40}\b(?:int[ée]gration|fonctionnalit[ée])\b|(?:تطوير|تبني|تبنوا|تطوروا)[^.!?؟]{0,40}(?:تكامل|ميزة)/iu,
    stated: /custom (?:integration|feature)s? (?:are|can be) built/iu,
  },
  {
    // "Is there a price lock for multi-year?", "¿precio garantizado a 3 años?", "Preisgarantie bei mehrjährigem Vertrag?":
    // the billing FAQ, and that a price lock or a multi-year term is the sales team's to confirm.
    detail: 'price-lock',
    faq: 'billing',
    asked:
      /\b(?:price[- ]?(?:lock|protection|guarantee|freeze|cap)s?|lock(?:ed)?(?: in)? (?:the |our |a |that )?(?:price|rate)s?|multi[- ]?year|(?:two|three|2|3)[- ]year (?:contract|deal|term|agreement|commitment)s?|precio (?:garantizado|congelado|bloqueado)|congelar (?:el )?precio|(?:varios|dos|tres|2|3) a[nñ]os|plurianual|prix (?:garanti|bloqu[ée]|fig[ée])|bloquer (?:le )?prix|pluriannuel\w*|preis(?:garantie|bindung|stabilit[äa]t)|mehrj[äa]hrig\w*)\b|تثبيت السعر|عقد (?:لعدة|متعدد) (?:سنوات|السنوات)/iu,
    stated: /price lock|multi-year|precio garantizado|plurianual|prix garanti|pluriannuel|preisgarantie|mehrj[äa]hrig|تثبيت السعر/iu,
  },
];

/** Details asked in words that another answer would take first ("procurement" is the approval objection's keyword). */
export const EARLY_DETAILS: readonly UnstatedDetail[] = ['refund', 'payment-terms', 'uptime', 'custom-build', 'price-lock'];

export function unstatedDetailTopic(turn: OfflineTurn, only?: readonly UnstatedDetail[]): Topic | undefined {
  const asked = UNSTATED_DETAILS.find((entry) => (only === undefined || only.includes(entry.detail)) && entry.asked.test(turn.text));
  if (!asked) return undefined;
  const faq = turn.kb.faqs.find((entry) => entry.id === asked.faq);
  if (!faq) return undefined;
  const base = getKnowledgeBase().faqs.find((entry) => entry.id === asked.faq);
  const says = (entry: KnowledgeBase['faqs'][number] | undefined) => entry !== undefined && asked.stated.test(`${entry.question} ${entry.answer}`);
  // A catalogue whose FAQ states it answers it, like any other question.
  if (says(faq) || says(base)) return undefined;
  return { kind: 'knowledge', passages: [faqPassage(faq)], unstated: asked.detail };
}

/**
 * A question about a standard or a detail the catalogue does not state ("do you have HIPAA?", "API rate limits?") as
 * the FAQ it belongs to with its caveat, and where in the text it is asked: for a message's other questions
 * (compose.ts, alsoAsked).
 */
export function unconfirmedTopic(turn: OfflineTurn): { topic: Extract<Topic, { kind: 'knowledge' }>; at: number } | undefined {
  const topic = unstatedDetailTopic(turn) ?? certificationTopic(turn);
  if (topic?.kind !== 'knowledge') return undefined;
  const asked = topic.unstated ? UNSTATED_DETAILS.find((entry) => entry.detail === topic.unstated)?.asked : STANDARD;
  return { topic, at: asked?.exec(turn.text)?.index ?? 0 };
}

/**
 * The passages of the given kinds that the message really asks about: one, or two when the message asks about two
 * topics clearly ("SSO and SOC 2"). `strict` requires the message to use the entry's own keywords; without it the
 * best passage is trusted because the intent already says the message is about the product.
 */
export function knowledgeTopic(turn: OfflineTurn, kinds: Passage['kind'][] = ['faq', 'objection', 'competitor', 'case', 'company'], strict = true): Topic | undefined {
  const candidates = turn.passages.filter((passage) => kinds.includes(passage.kind));
  const found = strict ? candidates.filter((passage) => matchesEntry(passage, turn.text, turn.kb)) : candidates.filter((passage) => sharesSubject(passage, turn.text)).slice(0, 1);
  // "Can you throw in onboarding for free?" is about onboarding: a passage found only by "free" comes after the others.
  const weak = (passage: Passage) => strict && matchesOnlyWeakly(passage, turn.text, turn.kb);
  const matching = [...found.filter((passage) => !weak(passage)), ...found.filter(weak)];
  const [first, second] = matching;
  if (!first) return undefined;
  if (first.kind === 'competitor') return { kind: 'competitor', passage: first };
  if (first.kind === 'objection') return objectionTopic(turn, first);
  const both = second && second.kind === 'faq' && first.kind === 'faq' && second.score >= first.score * 0.5 && /\b(and|y|&|plus|et|und)\b|[,،]|(?<![\p{L}])و/u.test(turn.text);
  // The discounts FAQ, however it was asked for ("KÖNNEN SIE MIR EINEN RABATT GEBEN", "ممكن تعملولي خصم؟"): and that
  // any further discount is the sales team's call.
  const discount = first.id === discountPassage(turn.kb)?.id;
  return { kind: 'knowledge', passages: both ? [first, second] : [first], ...(discount ? { discountAsked: true } : {}) };
}

const CASE_CUE = ['case study', 'customer story', 'customers like', 'example', 'reference', 'who uses', 'your customers', 'your clients', 'caso de exito', 'clientes', 'etude de cas', 'temoignage', 'clients', 'referenz', 'kundenbeispiel', 'fallstudie', 'kunden', 'دراسة حالة', 'عملاء', 'مثال'];
const COMPANY_CUE = ['what is northwind', 'what do you do', 'what does northwind do', 'about you', 'about northwind', 'que es', 'que hacen', 'que faites vous', 'qu est ce que', 'was macht', 'was ist', 'ماذا تفعل', 'ما هي', 'ما هو'];

/** The loosest match still allowed: the passage says at least one of the question's own subject words. */
function sharesSubject(passage: Passage, text: string): boolean {
  const said = new Set(contentWords(`${passage.title} ${passage.text}`));
  const verb = SUPPORT_VERB.test(text);
  return contentWords(text).some((word) => !GENERAL_WORDS.has(word) && said.has(word) && !(verb && word === 'support'));
}

/** Keywords too common to carry a question alone ("free", "gratis"): another FAQ's keyword in the message wins over them. */
const WEAK_KEYWORDS = new Set(['free', 'gratis', 'gratuit', 'gratuite', 'kostenlos', 'try', 'probar', 'change', 'switch', 'pay', 'card', 'مجاني', 'مجانية']);

function matchesOnlyWeakly(passage: Passage, text: string, kb: KnowledgeBase): boolean {
  const [kind, id] = passage.id.split(':');
  const faq = kind === 'faq' ? kb.faqs.find((entry) => entry.id === id) : undefined;
  if (!faq) return false;
  const said = faq.keywords.filter((keyword) => mentionsAny(text, [keyword]));
  return said.length > 0 && said.every((keyword) => WEAK_KEYWORDS.has(keyword.toLowerCase()));
}

const SUPPORT_VERB = /\b(?:do|does|did|can|will|would|could)\b(?:\s+[\p{L}-]+){0,3}\s+(?<!\b(?:contact|reach|get|call|email|with|the|your|their|our|of|for|about|from|to|need|want|phone|chat|any|good|live)\s)support\b(?!\s+(?:team|hours|plan|tier|level|response|sla|desk|staff|contact))|\bsupports\b/iu;

/** Whether the message uses the knowledge entry's own words: a keyword, a name, or two words of an FAQ question. */
export function matchesEntry(passage: Passage, text: string, kb: KnowledgeBase): boolean {
  const [kind, id] = passage.id.split(':');
  switch (kind) {
    case 'faq': {
      const faq = kb.faqs.find((entry) => entry.id === id);
      if (!faq) return false;
      // "Je n'ai pas besoin…", "j'ai 20 personnes": the French verb, never the keyword "AI".
      const said = text.replace(/(?<![\p{L}])[jnmtls]['’]ai(?![\p{L}])/giu, ' ');
      const asked = new Set(contentWords(said));
      // "What languages does the product support?" uses "support" as a verb: that is not the support FAQ.
      const keywords = SUPPORT_VERB.test(said) ? faq.keywords.filter((keyword) => keyword.toLowerCase() !== 'support') : faq.keywords;
      // ("Gibt es einen Jahresrabatt?" says the keyword "rabatt" at the end of a compound word.)
      return mentionsAny(withCompoundHeads(said, compoundHeads(keywords)), keywords) || contentWords(faq.question).filter((word) => asked.has(word)).length >= 2;
    }
    case 'objection':
      // "I'm the decision maker" names the approval objection's keyword while saying the opposite.
      // (Nor does a timeline, "ونريد البدء في الربع القادم", object: it objects only if it still does without it, as the brain reads it.)
      return mentionsAny(withoutTimeline(withoutDecisionMaker(text.replace(COMPARED_PRICE, ' '))), kb.objections.find((entry) => entry.id === id)?.keywords ?? []);
    case 'competitor': {
      const competitor = kb.competitors.find((entry) => entry.id === id);
      return competitor !== undefined && mentionsAny(text, [competitor.name, ...competitor.aliases]);
    }
    case 'case':
      return mentionsAny(text, CASE_CUE);
    case 'company':
      return mentionsAny(text, COMPANY_CUE);
    default:
      return false;
  }
}
