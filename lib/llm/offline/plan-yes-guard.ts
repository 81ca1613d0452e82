import type { Plan } from '@/lib/sales/knowledge';
import { mentionsName } from '@/lib/sales/memory';
import type { OfflineTurn } from './context';

/**
 * "Is SSO included in Starter?", "Ist SSO in Starter enthalten?", "does Pro include SSO, and what does it cost?": when
 * the answer is an FAQ that opens with a yes ("Yes. SAML single sign-on … is included in the Business and Enterprise
 * plans.") but the one plan the prospect asked about is below every plan that answer includes it in, the yes is wrong
 * for them: it becomes "Not on **Starter**:" and the rest of the answer, which says where it is included, follows. A
 * last check after the topic reading, whichever way the question was put; a plan the answer names, or a question about
 * no plan or several, keeps its yes.
 */
const YES: Record<OfflineTurn['locale'], RegExp> = {
  en: /^(As I mentioned, )?yes\b\s*[.,:!—–-]*\s*/iu,
  es: /^(Como te comentaba, |Como le comentaba, |Como ya dije, )?s[ií]\b\s*[.,:!—–-]*\s*/iu,
  fr: /^(Comme je le disais, )?oui\b\s*[.,:!—–-]*\s*/iu,
  de: /^(Wie gesagt, )?ja\b\s*[.,:!—–-]*\s*/iu,
  ar: /^(كما ذكرت، )?نعم\s*[.,:!—–،-]*\s*/u,
};
const NOT_ON: Record<OfflineTurn['locale'], (plan: string) => string> = {
  en: (plan) => `Not on **${plan}**: `,
  es: (plan) => `No en **${plan}**: `,
  fr: (plan) => `Pas avec **${plan}** : `,
  de: (plan) => `Nicht in **${plan}**: `,
  ar: (plan) => `لا تتضمن **${plan}** ذلك: `,
};
/** "is included in", "está incluido en", "est incluse dans", "ist … enthalten", "مضمَّن في": an answer about plans' contents. */
const INCLUDED_IN = /\b(?:included|incluid[oa]s?|inclus(?:e|es)?|enthalten)\b|مضم[َّ]*ن/iu;

/** The names a plan goes by in this language: its name, the catalogue's (English) name and its aliases. */
function namesOf(plan: Plan): string[] {
  return [plan.name, ...(plan.aliases ?? [])].filter((name) => name.trim() !== '');
}

/**
 * Whether the text names the plan: as a word in Latin script, anywhere in Arabic (which joins "و" and "ال" to it). Not
 * findMentionedPlans (reading.ts): it rightly leaves a bare lower-case "starter" alone in general text, but beside an
 * answer about what plans include, "is sso included in starter?" names the plan.
 */
function names(text: string, plan: Plan): boolean {
  return namesOf(plan).some((name) => (/[\u0600-\u06FF]/u.test(name) ? text.includes(name) : mentionsName(text, name)));
}

export function noYesForLowerPlan(paragraphs: readonly string[], turn: OfflineTurn): string[] {
  const plans = turn.kb.plans;
  const asked = plans.filter((plan) => names(turn.text, plan));
  const plan = asked.length === 1 ? asked[0] : undefined;
  if (!plan) return [...paragraphs];
  const at = plans.indexOf(plan);
  return paragraphs.map((paragraph) => {
    const yes = YES[turn.locale].exec(paragraph);
    if (!yes || !INCLUDED_IN.test(paragraph)) return paragraph;
    const included = plans.filter((other) => names(paragraph, other)).map((other) => plans.indexOf(other));
    if (included.length === 0 || included.includes(at) || at > Math.min(...included)) return paragraph;
    const rest = paragraph.slice(yes[0].length);
    // ("El inicio de sesión…" → "el inicio…"; "SAML single sign-on" and German nouns keep their capitals.)
    const lower = turn.locale !== 'de' && /^\p{Lu}\p{Ll}/u.test(rest) ? rest.charAt(0).toLocaleLowerCase(turn.locale) + rest.slice(1) : rest;
    return `${yes[1] ?? ''}${NOT_ON[turn.locale](plan.name)}${lower}`;
  });
}
