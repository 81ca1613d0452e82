/**
 * One line of text shown to people as a label (an API key's name, a webhook's description, an identified visitor's
 * name, a utm value): no control characters, no line or paragraph separators, none of the invisible direction marks
 * and overrides (U+200E/U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) that reorder what is displayed, so that one
 * key's name could be made to look like another's ("‮yek-dlo" shown as "old-key‬"), and no half of a surrogate pair
 * (a JSON escape carries one past the UTF-8 check of the bytes; it breaks the e-mail or CSV it reaches). Client-safe.
 */
const NOT_PLAIN = /[\p{Cc}\p{Cs}\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

export function isPlainLabel(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** The message of the 400 for a label that is not plain (the field's name is put before it). */
export const PLAIN_LABEL_MESSAGE = 'one line of text, without control characters or direction overrides';

/** Code points no keyboard types: control characters (tabs and line or page breaks aside) and halves of a broken surrogate pair. */
const NOT_TYPED = /[\p{Cc}\p{Cs}]/u;
const TYPED_CONTROLS = /[\t\n\v\f\r]/g;
/** What shows nothing: white space, format characters (zero-width spaces and joiners, BOM, direction marks), fillers. */
const INVISIBLE = /[\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800]/gu;

/**
 * Why a prospect's message cannot be taken as text, or null when it can. JSON escapes let a body carry what the UTF-8
 * check of the raw bytes (lib/http.ts) refuses — an unpaired surrogate (`"\ud800"`) — and control characters; both
 * would be stored, answered and exported as something nobody typed. A message of only invisible characters is empty.
 */
export function messageTextProblem(text: string): string | null {
  if (NOT_TYPED.test(text.replace(TYPED_CONTROLS, ''))) return 'The message contains control characters or a broken character; send plain text.';
  if (!text.replace(INVISIBLE, '')) return 'The message has no text.';
  return null;
}
