/**
 * The direction a piece of text reads in, from its letters: right to left when at least 30 % of its letters are from a
 * right-to-left script (Arabic, Hebrew, Syriac, Thaana, N'Ko), so that an Arabic reply that opens with "Pro" or quotes
 * an e-mail address still reads right to left; `undefined` while it has fewer than 8 letters (a price, "ok", the first
 * tokens of a streaming reply): the element then keeps the page's direction. Unlike `dir="auto"` (the first strong
 * character decides, and an empty box falls back to left to right), this neither flips an Arabic paragraph over one
 * Latin word nor turns an empty Arabic message box around.
 */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;
const LETTER = /\p{L}/gu;
const MIN_LETTERS = 8;
const RTL_SHARE = 0.3;

export type TextDirection = 'ltr' | 'rtl';

export function textDirection(text: string): TextDirection | undefined {
  let letters = 0;
  let rtl = 0;
  for (const [letter] of text.matchAll(LETTER)) {
    letters += 1;
    if (RTL_LETTER.test(letter)) rtl += 1;
  }
  if (letters < MIN_LETTERS) return undefined;
  return rtl / letters >= RTL_SHARE ? 'rtl' : 'ltr';
}
