/**
 * One line of text shown to people as a label (an API key's name, a webhook's description): no control characters, no
 * line or paragraph separators, and none of the invisible direction marks and overrides (U+200E/U+200F, U+061C,
 * U+202A–U+202E, U+2066–U+2069) that reorder what is displayed, so that one key's name could be made to look like
 * another's ("‮yek-dlo" shown as "old-key‬"). Client-safe.
 */
const NOT_PLAIN = /[\p{Cc}\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

export function isPlainLabel(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** The message of the 400 for a label that is not plain (the field's name is put before it). */
export const PLAIN_LABEL_MESSAGE = 'one line of text, without control characters or direction overrides';
