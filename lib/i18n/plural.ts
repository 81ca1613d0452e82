import { fillPlaceholders, type Locale, type TranslationVars } from './locales';

/**
 * Plural forms inside one message, in the ICU shape every translator knows, so each locale has exactly the English
 * keys and still as many forms as its language needs (Arabic six, English two):
 *
 *   '{count, plural, one {# meeting} other {# meetings}}'
 *   '{count, plural, zero {# اجتماع} one {اجتماع واحد} two {اجتماعان} few {# اجتماعات} many {# اجتماعًا} other {# اجتماع}}'
 *
 * The form is chosen with `Intl.PluralRules` (built into every browser: no library, no catalogue data); `=N` picks an
 * exact number first; `other` is required and used when the variable is missing or not a number. `#` is the
 * variable as passed — callers pass numbers already formatted for the locale (`f.number(6)` → "6", "١٬٢٣٤"), which are
 * read back as integers to pick the form (digits of any script; group separators ignored). Counts only: a fraction
 * formatted as text would be read without its separator. Branches may hold other `{name}` placeholders. Client-safe.
 */
export const PLURAL_BLOCK = /\{(\w+),\s*plural,/g;

const rulesCache = new Map<Locale, Intl.PluralRules>();
function rules(locale: Locale): Intl.PluralRules {
  let found = rulesCache.get(locale);
  if (!found) {
    found = new Intl.PluralRules(locale);
    rulesCache.set(locale, found);
  }
  return found;
}

/** A count passed as a number or as a locale-formatted integer ("1,234", "1.234", "١٬٢٣٤"), or null. */
export function countOf(value: string | number | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  let digits = '';
  for (const char of value) {
    if (/[0-9]/.test(char)) digits += char;
    else if (/\p{Nd}/u.test(char)) {
      // Every Unicode decimal digit block is ten consecutive code points starting at zero (UAX #44).
      const code = char.codePointAt(0) ?? 0;
      const zero = [0x0660, 0x06f0, 0x0966, 0x09e6].find((start) => code >= start && code <= start + 9);
      if (zero === undefined) return null;
      digits += String(code - zero);
    }
  }
  return digits ? Number(digits) : null;
}

/** The branches of one plural block: selector (`one`, `few`, `=0`, …) → text. Null when the block is malformed. */
export function parsePluralBranches(body: string): Map<string, string> | null {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /\s/.test(body[i] ?? '')) i += 1;
    if (i >= body.length) break;
    const selector = /^(=\d+|[a-z]+)\s*\{/.exec(body.slice(i));
    if (!selector?.[1]) return null;
    i += selector[0].length;
    let depth = 1;
    const start = i;
    while (i < body.length && depth > 0) {
      if (body[i] === '{') depth += 1;
      else if (body[i] === '}') depth -= 1;
      i += 1;
    }
    if (depth !== 0) return null;
    branches.set(selector[1], body.slice(start, i - 1));
  }
  return branches;
}

/** Every plural block of a message: the variable, its branches, and where it sits. */
export function pluralBlocks(template: string): { name: string; branches: Map<string, string> | null; start: number; end: number }[] {
  const blocks: { name: string; branches: Map<string, string> | null; start: number; end: number }[] = [];
  for (const match of template.matchAll(PLURAL_BLOCK)) {
    const start = match.index;
    let depth = 1;
    let i = start + match[0].length;
    while (i < template.length && depth > 0) {
      if (template[i] === '{') depth += 1;
      else if (template[i] === '}') depth -= 1;
      i += 1;
    }
    const body = template.slice(start + match[0].length, depth === 0 ? i - 1 : i);
    blocks.push({ name: match[1] ?? '', branches: depth === 0 ? parsePluralBranches(body) : null, start, end: i });
  }
  return blocks;
}

/** The message with its plural blocks resolved for `vars` and its `{name}` placeholders filled. */
export function formatMessage(locale: Locale, template: string, vars?: TranslationVars): string {
  if (!/\{\w+,\s*plural,/.test(template)) return fillPlaceholders(template, vars);
  let out = '';
  let last = 0;
  for (const block of pluralBlocks(template)) {
    if (block.start < last) continue;
    out += template.slice(last, block.start);
    last = block.end;
    if (!block.branches) {
      out += template.slice(block.start, block.end);
      continue;
    }
    const raw = vars?.[block.name];
    const count = countOf(raw);
    const exact = count === null ? undefined : block.branches.get(`=${count}`);
    const form = exact ?? (count === null ? undefined : block.branches.get(rules(locale).select(count))) ?? block.branches.get('other') ?? '';
    out += raw === undefined ? form : form.replace(/#/g, String(raw));
  }
  out += template.slice(last);
  return fillPlaceholders(out, vars);
}
