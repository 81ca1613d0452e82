/** Words and small readings topic.ts and its families share: greetings, thanks, questions, goodbyes, fresh lead fields. */
import type { OfflineTurn } from '@/lib/llm/offline/context';
import { emailIn, mentionsAny } from '@/lib/llm/offline/reading';
import { isUnclear } from '@/lib/sales/unclear';
import type { KnowledgeBase } from '@/lib/sales/knowledge/schema';
import { faqPassage, type Passage } from '@/lib/sales/retrieval';
import type { LeadField } from '@/lib/sales/types';
import { DAY_NAME } from '@/lib/sales/booking';

export const RECOMMEND = [
  'recommend', 'suggest', 'right for', 'which plan', 'what plan', 'best plan', 'best for', 'suit', 'should we', 'should i', 'choose', 'pick', 'que plan', 'cual plan', 'recomienda', 'recomiendas',
  'quelle offre', 'conseillez', 'recommandez', 'recommanderiez', 'choisir', 'welcher tarif', 'welchen tarif', 'empfehlen', 'empfehlung', 'empfiehlt', 'passt am besten', 'أي باقة', 'تنصح', 'تنصحني', 'توصي', 'الأنسب', 'أنسب', 'المناسبة', 'مناسبة لنا',
];
/** Asking for advice, not for a list ("what plan" and "which plan" alone also start "what plans do you have"). */
export const RECOMMEND_ONLY = RECOMMEND.filter((phrase) => !/(?:\b(?:plan|tarif|offre)|باقة)$/u.test(phrase));
export const GREETINGS = /^\s*(?:(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|hola|buenas|buenos d[ií]as|saludos|bonjour|bonsoir|salut|hallo|guten (tag|morgen|abend)|servus|moin)\b|مرحب|أهلا|اهلا|اهلين|هلا|ازيك|إزيك|السلام عليكم|سلام(?!\p{L})|صباح الخير|مساء الخير)/iu;
export const THANKS = /\b(thanks|thank you|thx|cheers|appreciate|gracias|merci|danke)\b|شكرا|شكرًا|شكراً|مشكور|يعطيك العافية|تسلم/iu;
export const QUESTION = /[?؟]\s*$|^\s*[¿]|^(how|what|which|who|when|where|why|is|are|do|does|can|could|will|would|should|comment|combien|quel|quelle|quels|quelles|pourquoi|est-ce|wie|was|welche|welcher|wer|wann|warum|gibt es|kann|k[öo]nnen)\b|^\s*(هل|ما|ماذا|كيف|كم|متى|أين|لماذا|من)(?![\p{L}])/iu;

/** "Will it work with both?" after naming their tools. */
export const WITH_THEM =
  /\b(?:work|works|integrate|integrates|connect|connects|sync|syncs|play nicely?) with (?:both|them|those|these|all of them|each of them|either|our tools|our stack)\b|\b(?:funciona|se integra|se conecta) con (?:ambos|ambas|ellos|ellas|las dos|los dos)\b|\b(?:fonctionne|marche|s['’]int[eè]gre) avec (?:les deux|eux|elles)\b|\b(?:funktioniert|klappt|l[äa]uft) (?:das |es )?mit (?:beiden|ihnen)\b/iu;

/** Goodbyes in the agent's languages ("thanks, bye", "that's all for now", "bis bald"). */
export const FAREWELL =
  /\b(bye|goodbye|bye-bye|see you|see ya|talk (?:to you )?soon|that'?s all|that is all|have a (?:good|great|nice) (?:day|one|week|weekend|evening)|adi[oó]s|hasta luego|hasta pronto|hasta la pr[oó]xima|nos vemos|au revoir|bonne (?:fin de )?(?:journ[ée]e|soir[ée]e|semaine)|tsch(?:ü|u|ue)ss?|auf wiedersehen|auf wiederh(?:ö|o|oe)ren|bis bald|bis dann|bis sp[äa]ter|sch[öo]ne[ns]? (?:tag|abend|wochenende)|chao|chau|ciao|signing off|gotta go|got to go)\b|^\s*(?:cheers|thanks|ok(?:ay)?|right)[,\s]+(?:[\p{L}'’]+\s+)?out[\s.!]*$|^\s*(?:(?:ok|merci|bon|allez)[,\s]+)*[àa] (?:plus(?: tard)?|\+)\s*[!.]*\s*$|(?<!\p{L})(?:[àa] bient[ôo]t|[àa] la prochaine|bon (?:week-?end|apr[eè]s-midi)|buen fin de semana|(?:un saludo|gracias[,.!\s]+saludos)(?=\s*[!.]*\s*$)|(?:eso es todo|c['’]est tout|das war['’]?s|das war es|das w[äa]r['’]?s)(?:\s+(?:por (?:ahora|hoy)|pour (?:moi|aujourd['’]hui|le moment|l['’]instant)|f[üu]r (?:heute|jetzt)|von meiner seite))?(?=\s*(?:[,.!]|gracias|merci|danke|$)))(?!\p{L})|مع السلامة|وداع[ًا]*|إلى اللقاء|الى اللقاء|(?:أراك|اراك|نراك|أشوفك|اشوفك) (?:لاحق|قريب)|يوم(?:ك)? سعيد|في أمان الله|هذا كل (?:شيء|شي)(?=[\s.!،]*$)|(?<=\S[\s،,.]*[\s،,.])سلام[\s.!]*$/iu;

/**
 * Keyboard mashing, judged on the Latin-script words only: isUnclear's letter pairs are English and Spanish ones, and
 * an Arabic word has no Latin vowels to find.
 */
export function mashed(text: string): boolean {
  const latin = text.replace(/[\u0600-\u06FF]+/g, ' ');
  return latin === text ? isUnclear(text) : /\p{L}/u.test(latin) && isUnclear(latin);
}

/** Lead fields the latest message gave (their evidence is a sentence of it). */
export function freshFields(turn: OfflineTurn): LeadField[] {
  return (Object.entries(turn.state.lead.fields) as [LeadField, { evidence: string } | undefined][])
    .filter(([, fact]) => fact !== undefined && fact.evidence !== '' && turn.text.includes(fact.evidence))
    .map(([field]) => field);
}

export function knownEmail(turn: OfflineTurn): string | undefined {
  const value = turn.state.lead.fields.email?.value;
  return typeof value === 'string' ? value : emailIn(turn.text);
}
/** Said as an objection outright, not only a word an objection lists ("procurement"): too expensive, over budget. */
export const OBJECTION_WORDS = /\b(?:too expensive|expensive|pricey|rip[- ]?off|overpriced|too much|over (?:our )?budget|out of (?:our )?budget|can['’]?t afford|cannot afford|demasiado caro|muy caro|trop cher|zu teuer)\b|مكلف|غالي/iu;

/** "What do I lose / miss with Starter?", "what's missing in Pro?", "¿qué pierdo?", "qu'est-ce que je perds ?", "was fehlt?". */
export const LOSES =
  /\b(?:what (?:do|would|will|did) (?:i|we) (?:lose|miss|give up|not get|be missing)|what(?:'s|’s| is| are) (?:missing|not included|left out)|what (?:doesn['’]t|does not|don['’]t|do not) (?:\w+ )?(?:have|include|get|come with)|downside|qu[eé] (?:pierdo|perdemos|me falta|falta|no incluye)|(?:qu['’]est-ce que|que) (?:je perds|nous perdons|l['’]on perd|on perd)|qu['’]est-ce qui (?:manque|n['’]est pas inclus)|ce qui manque|was (?:verliere ich|verlieren wir|fehlt|ist nicht (?:dabei|enthalten)))\b|ماذا (?:أخسر|اخسر|نخسر|ينقص)/iu;
export const MEETING_WORDS = /\b(?:demo|meeting|call|(?:the|an?|my|your|calendar) invite|invitation|calendar|demostraci[oó]n|reuni[oó]n|llamada|invitaci[oó]n|d[ée]mo|r[ée]union|appel|termin|einladung|gespr[äa]ch)\b|عرض|اجتماع|موعد/iu;
/** "monday" alone is a day before it is Monday.com. */
function isBareDay(name: string): boolean {
  return DAY_NAME.test(name) && name.trim().split(/\s+/).length === 1 && !name.includes('.');
}

export function faqById(kb: KnowledgeBase, id: string): Passage | undefined {
  const faq = kb.faqs.find((entry) => entry.id === id);
  return faq ? faqPassage(faq) : undefined;
}
/** "What if I hire 2 more?", "and if we add 5?": a growth supposed, not asked about. */
export const SUPPOSED = /^\s*(?:and |so |ok |but )?(?:what|and) if\b/i;

/** A meeting, named: "demo", "meeting", "call", "démo", "rendez-vous", "reunión", "cita", "Termin", "موعد". */
export const MEETING_NOUN = /\b(?:demo|meeting|call|appointment|d[ée]mo|rendez-vous|rdv|r[ée]union|reuni[oó]n|cita|llamada|termin|vorf[üu]hrung)\b|موعد|الديمو|العرض التوضيحي/iu;

/** Words too general to tie a question to an answer ("how do automations *work*" is not about onboarding's "work"). */
export const GENERAL_WORDS = new Set(['work', 'use', 'using', 'need', 'want', 'like', 'make', 'thing', 'help', 'tell', 'know', 'more', 'much', 'many', 'good', 'best', 'way', 'able', 'possible', 'question']);

/**
 * Whether we have something, asked of us and nothing more: "Do you have SSO?", "Habt ihr SSO?", "¿Tienen SSO?", "هل لديكم
 * SSO؟". ("Is there SSO on that plan?" asks about the plan to choose: a need, as before.)
 */
export const HAVE_YOU =
  /^\s*[¿]?\s*(?:(?:and|also|y|et|und|also)\s+)?(?:do(?:es)? (?:you|northwind\w*)(?: guys)? (?:have|support|offer|do|provide)|(?:can|could) you (?:do|support)|(?:tienen|ofrecen|soportan|admiten)|(?:avez-vous|proposez-vous|supportez-vous|g[ée]rez-vous|est-ce que vous (?:avez|proposez|supportez|g[ée]rez)|vous (?:avez|proposez|supportez|g[ée]rez))|(?:habt ihr|haben sie|bietet ihr|bieten sie|unterst[üu]tzt ihr|unterst[üu]tzen sie)|هل (?:لديكم|عندكم|تدعمون|تقدمون)|عندكم)\b[^.!?؟]*[?؟]\s*$/iu;

/** A competitor named in the message ("monday" alone only when set against us: "cheaper than Monday?"). */
export function competitorNamed(turn: OfflineTurn): string | undefined {
  return turn.kb.competitors.find((entry) =>
    [entry.name, ...entry.aliases].some((name) => mentionsAny(turn.text, [name]) && (!isBareDay(name) || new RegExp(`(?:than|que|qu['’]|als|vs\\.?|versus)\\s+${name}(?![\\p{L}])`, 'iu').test(turn.text))),
  )?.name;
}
