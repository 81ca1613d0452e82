import { QUOTES_PRICE } from '@/lib/sales/knowledge';
import { splitSentences } from '@/lib/sales/sentences';

/**
 * No sentence of the reply repeats one from the agent's last three replies: a rep who says the same thing twice
 * sounds scripted. Repeated sentences are dropped; when the prospect asked the very same thing again, the answer is
 * kept once, introduced as a recap. Pure.
 */

const MIN_WORDS = 4;

export function normalise(sentence: string): string {
  return sentence.toLowerCase().replace(/[*_`]/g, '').replace(/[^\p{L}\p{N}$@.,]+/gu, ' ').replace(/[.,]+(\s|$)/g, ' ').trim();
}

function sentencesOf(text: string): string[] {
  return text.split('\n').flatMap((line) => splitSentences(line.replace(/^\s*[-*]\s+/, '')));
}

function said(previous: readonly string[]): Set<string> {
  return new Set(previous.flatMap(sentencesOf).map(normalise).filter((sentence) => sentence.split(' ').length >= MIN_WORDS));
}

/** The first variant not said in the previous replies (the last one if all were). */
export function pickFresh(variants: readonly string[], previous: readonly string[]): string {
  const seen = said(previous);
  return variants.find((variant) => sentencesOf(variant).every((sentence) => !seen.has(normalise(sentence)))) ?? variants.at(-1) ?? '';
}

/**
 * The paragraphs without the sentences already said; all of them said means a recap of the first, reworded. `lead`:
 * the sentence that answers what was asked again ("which one do you recommend?"): said before, it comes back as a
 * recap where it stands rather than leaving what follows it (the plan's summary) without its subject.
 */
export function avoidRepeats(paragraphs: readonly string[], previous: readonly string[], recap: string, lead?: string, names: readonly string[] = []): string[] {
  const seen = said(previous);
  const isRepeat = (sentence: string) => seen.has(normalise(sentence));
  // After a colon ("Wie schon gesagt:") the sentence keeps its capital: in German it may be a noun or "Sie".
  // "I", a word in capitals ("SSO", "**Pro**" aside), a name with a capital inside ("BrightPath") and a name the
  // knowledge base knows ("Asana", "Northwind Cloud") keep their capital after "As I mentioned,".
  const named = (sentence: string) => names.some((name) => name !== '' && sentence.startsWith(name) && !/^[\p{L}\p{N}]/u.test(sentence.slice(name.length)));
  const keepsCapital = (sentence: string) => recap.endsWith(':') || /^(?:I\b|\p{Lu}{2}|\p{Lu}\p{Ll}+\p{Lu})/u.test(sentence) || named(sentence);
  const recapOf = (sentence: string) => (keepsCapital(sentence) ? `${recap} ${sentence}` : `${recap} ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`);
  let leadRecapped = false;
  const keptAt = paragraphs
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => {
          const bullet = /^\s*[-*]\s+/.exec(line)?.[0] ?? '';
          const written = splitSentences(line.slice(bullet.length));
          const sentences = written.map((sentence) => (sentence === lead && isRepeat(sentence) ? recapOf(sentence) : sentence));
          const recapped = sentences.some((sentence, index) => sentence !== written[index]);
          leadRecapped ||= recapped;
          const fresh = sentences.filter((sentence) => !isRepeat(sentence));
          // A list item is a row (a plan and its price, summary and seats): kept whole while anything in it is new.
          if (bullet) return fresh.length > 0 ? line : '';
          // What is left of a line whose substance was said before ("Yes." before a repeated answer) goes with it.
          const substantial = fresh.some((sentence) => normalise(sentence).split(' ').length >= MIN_WORDS);
          return fresh.length === sentences.length && !recapped ? line : fresh.length > 0 && (substantial || recapped) ? fresh.join(' ') : '';
        })
        .filter((line) => line.trim() !== '')
        .join('\n'),
    );
  // A lead-in ("Where Northwind Cloud is stronger:") goes with the list it introduced when that list was all said before.
  for (const [index, paragraph] of keptAt.entries()) {
    if (/:\s*$/.test(paragraph) && (paragraphs[index + 1] ?? '').trim() !== '' && (keptAt[index + 1] ?? '').trim() === '') keptAt[index] = '';
  }
  const kept = keptAt.filter((paragraph) => paragraph.trim() !== '');
  // A price asked for again is still the answer: when only repeats carried an amount, the first comes back as a recap.
  const amount = (text: string) => QUOTES_PRICE.test(text);
  // It comes back where it stood, so that what followed it (a word on the budget) still follows it.
  if (kept.length > 0 && !kept.some(amount)) {
    const at = paragraphs.findIndex((paragraph) => sentencesOf(paragraph).some(amount));
    const priced = paragraphs[at] === undefined ? undefined : sentencesOf(paragraphs[at]).find(amount);
    // (Once: after the recapped lead, the amount follows without a second "As I mentioned".)
    if (priced) return [...keptAt.slice(0, at), leadRecapped ? priced : recapOf(priced), ...keptAt.slice(at)].filter((paragraph) => paragraph.trim() !== '');
  }
  // Only a closing question left ("Does that address your concern?"): the answer it asks about comes back as a recap.
  const asks = (paragraph: string) => /[?؟]\s*$/.test(paragraph.trim());
  const answer = paragraphs.find((paragraph) => !asks(paragraph));
  // (The first sentence that says something: "Yes." alone recaps nothing.)
  const saysSomething = (sentences: string[]) => sentences.find((sentence) => normalise(sentence).split(' ').length >= MIN_WORDS) ?? sentences[0];
  if (kept.length > 0 && kept.every(asks) && answer !== undefined && !kept.includes(answer)) {
    const first = saysSomething(sentencesOf(answer));
    if (first) return [recapOf(first), ...kept];
  }
  if (kept.length > 0 || paragraphs.length === 0) return kept;
  const first = paragraphs.flatMap(sentencesOf).find(amount) ?? saysSomething(sentencesOf(paragraphs[0] ?? '')) ?? '';
  return first ? [recapOf(first)] : [];
}
