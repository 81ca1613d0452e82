import type { Extracted, PatternContext } from '@/lib/sales/lead/patterns';
import { fold } from '@/lib/sales/lead/text';

/**
 * Arabic names and companies. Arabic has no capital letters, so the capitalised-run reading the other languages use
 * cannot tell "اسمي مريم" (a name) from "أنا مهتم" (an adjective): here a name or company is the run of words after an
 * explicit cue ("اسمي", "أعمل في شركة"), ending at punctuation or at a word that starts the next clause, and refused
 * when it is a common word rather than a name. Latin words are allowed in a company ("أعمل في شركة Acme"). Pure.
 */

/** Words that end a run: prepositions, pronouns and verbs that open the next clause ("…، أعمل في", "ونحن 12"). */
const STOP = new Set(
  (
    'من في لدى لدي مع عن على الى إلى منذ و او أو ثم لكن نحن انا أنا هو هي انت أنت انتم لدينا عندنا عددنا فريقنا فريق شركة شركتنا شركتي ' +
    'اعمل أعمل نعمل يعمل تعمل اريد أريد نريد نحتاج احتاج أحتاج نبحث ابحث أبحث حجم كم هل ما ماذا متى كيف هنا هذا هذه الذي التي ' +
    'شخص شخصا أشخاص اشخاص موظف موظفا موظفين مستخدم مستخدما مستخدمين بريدي رقمي'
  )
    .split(' ')
    .map(fold),
);
/** Words that follow "أنا" without being a name: feelings, states and first-person verbs. */
const NOT_A_NAME = new Set(
  (
    'مهتم مهتمة هنا جديد جديدة متحمس متحمسة متأكد متأكدة لست لسنا بخير اسف آسف اسفة آسفة مسؤول مسؤولة مدير مديرة ' +
    'مؤسس مؤسسة صاحب صاحبة مهندس مهندسة مطور مطورة موظف موظفة عميل عميلة جدا جدًا فقط ايضا أيضا ابحث أبحث اريد أريد احتاج أحتاج ' +
    'اعمل أعمل افكر أفكر اتساءل أتساءل اتصل أتصل اكتب أكتب احاول أحاول اعتقد أعتقد نعم لا مرحبا اهلا أهلا شكرا من في مع'
  )
    .split(' ')
    .map(fold),
);
/** Who else a prospect names beside themselves ("أنا ومديري", "أنا وشريكي"): after "and", never their own name. */
const COMPANIONS = new Set(
  'مديري مديرتي رئيسي رئيستي شريكي شريكتي فريقي زميلي زميلتي زملائي مشرفي مشرفتي المدير'.split(' ').map(fold),
);
const PUNCTUATION = /[،,.؛;:!؟?…)"”»]+$/u;
const ARABIC_WORD = /^[\p{Script=Arabic}\p{M}]+$/u;
const LATIN_NAME = /^[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*$/u;

interface RunOptions {
  maxWords: number;
  /** Companies may hold Latin words ("Acme"); names are Arabic here (Latin names have their own patterns). */
  latin: boolean;
}

/** The run of name words at the start of `rest`, and whether it ended cleanly (punctuation, a stop word or the end). */
function leadingRun(rest: string, options: RunOptions): { words: string[]; clean: boolean } {
  const words: string[] = [];
  for (const token of rest.trim().split(/\s+/)) {
    const core = token.replace(PUNCTUATION, '');
    const ended = core !== token;
    const folded = fold(core);
    const stop = STOP.has(folded) || (folded.startsWith('و') && STOP.has(folded.slice(1)));
    if (core === '' || stop) return { words, clean: true };
    // A run as long as allowed ends cleanly only where the message or the clause does ("أنا خالد المنصوري من …").
    if (words.length >= options.maxWords) return { words, clean: false };
    if (!ARABIC_WORD.test(core) && !(options.latin && LATIN_NAME.test(core))) return { words, clean: false };
    words.push(core);
    if (ended) return { words, clean: true };
  }
  return { words, clean: true };
}

const NAME_CUES: { pattern: RegExp; confidence: number; strict: boolean }[] = [
  { pattern: /(?:^|[\s،,])(?:اسمي|إسمي|أنا اسمي|انا اسمي)\s+(?:هو\s+|هي\s+)?(.+)/u, confidence: 0.9, strict: false },
  { pattern: /(?:^|[\s،,])(?:معك|معكم)\s+(.+)/u, confidence: 0.8, strict: true },
  // "أنا مريم" is a name, "أنا مهتم بالباقة" is not: after "أنا" the run must end cleanly and not be a common word.
  { pattern: /(?:^|[\s،,])(?:أنا|انا)\s+(.+)/u, confidence: 0.75, strict: true },
];

export function extractArabicName(sentence: string, context: PatternContext): Extracted | undefined {
  if (!/\p{Script=Arabic}/u.test(sentence)) return undefined;
  for (const { pattern, confidence, strict } of NAME_CUES) {
    const rest = pattern.exec(sentence)?.[1];
    if (!rest) continue;
    const { words, clean } = leadingRun(rest, { maxWords: strict ? 2 : 3, latin: false });
    if (words.length === 0 || (strict && !clean)) continue;
    const first = fold(words[0] ?? '');
    // A word with the article ("المدير") is a noun, not a name; nor is "and" before one ("أنا ومديري نقرر", "أنا والمدير").
    if (first.startsWith('ال') || NOT_A_NAME.has(first) || words.some((word) => NOT_A_NAME.has(fold(word)))) continue;
    if (strict && first.startsWith('و') && (first.startsWith('وال') || NOT_A_NAME.has(first.slice(1)) || COMPANIONS.has(first.slice(1)))) continue;
    const name = words.join(' ');
    if (context.ownNames.has(name.toLowerCase())) continue;
    return { value: name, confidence };
  }
  return undefined;
}

const COMPANY_CUES: { pattern: RegExp; confidence: number; article: boolean }[] = [
  { pattern: /(?:^|[\s،,])(?:اسم شركتي|اسم شركتنا|اسم الشركة|شركتي|شركتنا)\s+(?:هي\s+|هو\s+|اسمها\s+)?(.+)/u, confidence: 0.85, article: true },
  { pattern: /(?:^|[\s،,])(?:أعمل|اعمل|نعمل|أشتغل|اشتغل)\s+(?:في|لدى|لدي|مع|لصالح)\s+شركة\s+(.+)/u, confidence: 0.85, article: true },
  // "أسعار من شركة HubSpot" is about another company: "من شركة" counts at the start or beside "أنا", "نحن", "اسمي".
  { pattern: /(?:^|(?:أنا|انا|نحن|اسمي|معك|معكم)[^.!؟?]*?\s)(?:من|في|لدى|مع)\s+شركة\s+(.+)/u, confidence: 0.8, article: true },
  // "نحن شركة الأفق": "we are the company …".
  { pattern: /(?:^|[\s،,])(?:نحن|إحنا|احنا)\s+شركة\s+(.+)/u, confidence: 0.8, article: true },
  // "أعمل في أكمي" names the company; "أعمل في المبيعات" names a department (the article gives it away).
  { pattern: /(?:^|[\s،,])(?:أعمل|اعمل|نعمل|أشتغل|اشتغل)\s+(?:في|لدى|لدي|لصالح)\s+(.+)/u, confidence: 0.8, article: false },
];

/** Adjectives after "شركة" that describe the company rather than name it (small, large, new, startup, family…). */
const COMPANY_KIND = new Set(
  // (And what it does: "احنا شركة مقاولات" is a contracting company, "شركة تسويق" a marketing one.)
  'صغيرة كبيرة متوسطة ناشئة جديدة عائلية محلية دولية عالمية خاصة حكومية تقنية برمجيات استشارات استشارية ناشئه صغيره كبيره مقاولات تسويق شحن نقل لوجستيات لوجستية توصيل عقارات عقارية تجارية تجارة محاماة محاسبة هندسية هندسة تصميم إعلان دعاية سياحة سفر تأمين استيراد تصدير صناعية توظيف تعليمية تدريب طبية'.split(' ').map(fold),
);

export function extractArabicCompany(sentence: string, context: PatternContext): Extracted | undefined {
  if (!/\p{Script=Arabic}/u.test(sentence)) return undefined;
  for (const { pattern, confidence, article } of COMPANY_CUES) {
    const rest = pattern.exec(sentence)?.[1];
    if (!rest) continue;
    // "شركة صغيرة اسمها بيت التصميم": a small company named …; the name is what follows "اسمها".
    const named = /^(?:[\p{L}]+\s+){0,2}?(?:اسمها|إسمها|تسمى|تُسمى|تدعى|تُدعى)\s+(.+)/u.exec(rest)?.[1];
    const { words } = leadingRun(named ?? rest, { maxWords: 3, latin: true });
    const first = fold(words[0] ?? '');
    // "نحن شركة صغيرة" says what kind of company ("a small company"), not its name.
    if (words.length === 0 || (!article && first.startsWith('ال')) || NOT_A_NAME.has(first) || COMPANY_KIND.has(first)) continue;
    const company = words.join(' ');
    if (context.ownNames.has(company.toLowerCase()) || !/\p{L}/u.test(company)) continue;
    return { value: company, confidence };
  }
  return undefined;
}
