/**
 * Whether a message makes no sense as words: nothing but punctuation, or mostly keyboard mashing ("asdkjh qwe").
 * Such a message holds no lead facts (not even as a bare answer to our question) and gets "I didn't follow". Pure.
 */

/** Letter pairs and consonant runs no English or Spanish word has. */
const RARE_PAIRS = /kj|jh|qw|zx|xz|qz|zq|jk|fj|jf|vq|kq|qk|wq|hj|jl|lj|fq|qf|xj|jx|zj|jz|vj|jv|[^aeiouy\s]{5}/;

export function isUnclear(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return !/\d/.test(text);
  const odd = words.filter((word) => RARE_PAIRS.test(word) || (word.length >= 4 && !/[aeiouyáéíóú]/.test(word))).length;
  return odd * 2 >= words.length;
}
