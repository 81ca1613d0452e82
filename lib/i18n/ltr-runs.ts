/**
 * The left-to-right runs inside right-to-left text: a price ("1,365 US$", "29 US$ – 49 US$"), an e-mail address, a
 * phone number ("+1 (555) 010-4477"), a time ("10:00–10:30"), a URL or Latin words. Left in Arabic running text, the
 * Unicode bidi algorithm lays their numbers and neutrals out right to left ("US$ 1,365", "4477-010 (555) 1+"); the chat
 * renders each run in its own <bdi dir="ltr"> instead of writing isolate characters into the text, so the words that
 * are stored, spoken, e-mailed, copied and checked (the price guard) stay exactly what the model wrote.
 *
 * A run starts and ends with a Latin letter, a Western digit or a currency sign (or "+" first, a balanced parenthesis
 * group either end) and holds only those, spaces and the punctuation of amounts, addresses and times: a full stop,
 * comma or bracket at its edge stays in the right-to-left text around it, where it belongs. Only a run with a digit or
 * a currency sign in it is marked: Latin words, and an address or URL of letters, already keep their order
 * (their punctuation sits between left-to-right letters), so "ok" or "sales@northwind.example" is left as it is.
 */
const CHAR = "[\\p{Script=Latin}0-9\\p{Sc}%+\\-\\u2013\\u2014.,:;/@_#&=?~'\\u2019 \\u00a0\\u202f]";
const GROUP = `\\(${CHAR}*\\)`;
const EDGE = '[\\p{Script=Latin}0-9\\p{Sc}%]';
const LTR_RUN = new RegExp(`(?:${EDGE}|\\+|${GROUP})(?:(?:${CHAR}|${GROUP})*(?:${EDGE}|${GROUP}))?`, 'gu');
const REORDERED = /[0-9\p{Sc}]/u;

export interface TextRun {
  text: string;
  /** A left-to-right run that right-to-left text would reorder: to be isolated. */
  ltr: boolean;
}

/** `text` cut into its left-to-right runs and the text between them, in order; joined back they are `text`. */
export function splitLtrRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of text.matchAll(LTR_RUN)) {
    // Latin words need nothing; a lone "+" is punctuation of the text around it.
    if (!REORDERED.test(match[0])) continue;
    if (match.index > at) runs.push({ text: text.slice(at, match.index), ltr: false });
    runs.push({ text: match[0], ltr: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), ltr: false });
  return runs;
}
