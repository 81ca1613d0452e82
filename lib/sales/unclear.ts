/**
 * Whether a message makes no sense as words: nothing but punctuation, or mostly keyboard mashing ("asdkjh qwe").
 * Such a message holds no lead facts (not even as a bare answer to our question) and gets "I didn't follow". Pure.
 *
 * Only Latin-script words are judged: the letter pairs below are English, Spanish, French and German ones, and an
 * Arabic word (no Latin vowels to find) or any other script is never taken for mashing. A message in another script
 * is clear; Latin words mixed into it ("كم سعر Pro؟") are judged among the message's words.
 */

/** Letter pairs and consonant runs no English, Spanish, French or German word has. */
const RARE_PAIRS = /kj|jh|qw|zx|xz|qz|zq|jk|fj|jf|vq|kq|qk|wq|hj|jl|lj|fq|qf|xj|jx|zj|jz|vj|jv|[^aeiouy\s]{5}/;
const LATIN_WORD = /^\p{Script=Latin}+$/u;

export function isUnclear(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  // "👍" says something; "?!" and "..." do not.
  if (words.length === 0) return !/\p{Nd}|\p{Extended_Pictographic}/u.test(text);
  const odd = words.filter((word) => LATIN_WORD.test(word) && mashed(word)).length;
  return odd * 2 >= words.length;
}

function mashed(word: string): boolean {
  // Accents off ("tschüss" has its vowel), and German "sch"/"ch" read as one sound ("Deutschland" is not a run of five).
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/sch/g, 's').replace(/ch/g, 'c');
  return RARE_PAIRS.test(plain) || (plain.length >= 4 && !/[aeiouy]/.test(plain)) || (plain.length >= 4 && KEYBOARD_ROWS.some((row) => row.includes(plain)));
}

/** "asdf", "qwerty", "hjkl": letters in a row of the keyboard, forwards or backwards. */
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'azertyuiop', 'qwertzuiop', 'yxcvbnm'].flatMap((row) => [row, [...row].reverse().join('')]);
