import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { numberFormat } from '@/lib/intl-formats';
import { SPEECH_TAGS } from './languages';

/**
 * Prices as a voice should say them. Replies quote prices as their language writes them ("$1,960", "1960 US$",
 * "1 960 $US", "1.960 $", "1,960 $": lib/sales/knowledge formatPrice), or in the US format a model may still use. A speech
 * engine takes a sign for a word to read where it stands ("$1,960" → "dollar one thousand…", in the wrong order; "1 960
 * $US" → "one, nine hundred sixty, dollar U S"), and the US comma for a decimal mark in Spanish, French or German
 * ("dólar uno coma novecientos sesenta", i.e. $1.96). So the amount is rewritten in the locale's own digits with the
 * currency's name after it: "1,960 dollars", "1960 dólares", "1 960 dollars", "1.960 Dollar". Client-safe: also used
 * for speechSynthesis.
 */

type Currency = 'USD' | 'EUR' | 'GBP';

const SYMBOLS: Readonly<Record<string, Currency>> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

/** [one, many] unit names, and the name of the hundredth, per locale. */
const WORDS: Readonly<Record<Locale, Record<Currency, { one: string; many: string; cent: string; cents: string }>>> = {
  en: {
    USD: { one: 'dollar', many: 'dollars', cent: 'cent', cents: 'cents' },
    EUR: { one: 'euro', many: 'euros', cent: 'cent', cents: 'cents' },
    GBP: { one: 'pound', many: 'pounds', cent: 'penny', cents: 'pence' },
  },
  es: {
    USD: { one: 'dólar', many: 'dólares', cent: 'centavo', cents: 'centavos' },
    EUR: { one: 'euro', many: 'euros', cent: 'céntimo', cents: 'céntimos' },
    GBP: { one: 'libra', many: 'libras', cent: 'penique', cents: 'peniques' },
  },
  fr: {
    USD: { one: 'dollar', many: 'dollars', cent: 'cent', cents: 'cents' },
    EUR: { one: 'euro', many: 'euros', cent: 'centime', cents: 'centimes' },
    GBP: { one: 'livre', many: 'livres', cent: 'penny', cents: 'pence' },
  },
  de: {
    USD: { one: 'Dollar', many: 'Dollar', cent: 'Cent', cents: 'Cent' },
    EUR: { one: 'Euro', many: 'Euro', cent: 'Cent', cents: 'Cent' },
    GBP: { one: 'Pfund', many: 'Pfund', cent: 'Penny', cents: 'Pence' },
  },
  ar: {
    USD: { one: 'دولار', many: 'دولار', cent: 'سنت', cents: 'سنت' },
    EUR: { one: 'يورو', many: 'يورو', cent: 'سنت', cents: 'سنت' },
    GBP: { one: 'جنيه إسترليني', many: 'جنيه إسترليني', cent: 'بنس', cents: 'بنس' },
  },
};

/** "and" between the whole units and the hundredths ("49 dollars and 50 cents"). */
const AND: Readonly<Record<Locale, string>> = { en: 'and', es: 'con', fr: 'et', de: 'und', ar: 'و' };

// A currency symbol, then an amount in en-US form: "1,960", "1960", "1,299.00", "49.5" — whole: not followed by more
// digits or letters ("$5k", "$1.5M" and "$1,96" are left as written rather than half rewritten).
const BEFORE = '([$€£])[ \\u00A0]?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?(?![\\d,.]?[\\p{L}\\p{N}])';
/** Each locale's grouping separator and decimal mark, as formatPrice writes them. */
const SEPARATORS: Readonly<Record<Locale, [group: string, decimal: string]>> = {
  en: [',', '\\.'],
  es: ['\\.', ','],
  fr: ['[ \\u00A0\\u202F]', ','],
  de: ['\\.', ','],
  ar: [',', '\\.'],
};
// Or an amount in the locale's form, then the symbol ("1 960 $US", "1.960 $", "1960 US$", "12,50 €"), whole likewise.
const PRICE: Readonly<Record<Locale, RegExp>> = Object.fromEntries(
  LOCALES.map((locale) => {
    const [group, decimal] = SEPARATORS[locale];
    const after = `(?<![\\p{L}\\p{N},.])(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}(\\d{1,2}))?[ \\u00A0\\u202F]?(?:US)?([$€£])(?:US)?(?![\\p{L}\\p{N}])`;
    return [locale, new RegExp(`${BEFORE}|${after}`, 'gu')];
  }),
) as Record<Locale, RegExp>;

/** Rewrites every price in `text` as words for `locale`'s voice; the rest of the text is untouched. */
export function speakPrices(text: string, locale: Locale): string {
  if (!/[$€£]/.test(text)) return text;
  const format = numberFormat(SPEECH_TAGS[locale], { numberingSystem: 'latn', maximumFractionDigits: 0 });
  type Group = string | undefined;
  return text.replace(PRICE[locale], (match, sign: Group, digits: Group, cents: Group, after: Group, afterCents: Group, afterSign: Group) => {
    const [symbol, whole, fraction] = sign === undefined ? [afterSign, after, afterCents] : [sign, digits, cents];
    const currency = symbol === undefined ? undefined : SYMBOLS[symbol];
    if (!currency || whole === undefined) return match;
    const words = WORDS[locale][currency];
    const units = Number(whole.replace(/\D/g, ''));
    const hundredths = fraction === undefined ? 0 : Number(fraction.padEnd(2, '0'));
    // French groups with a narrow no-break space, which espeak-ng reads as a break ("un neuf cent…"): a plain one.
    const unitPart = `${format.format(units).replace(/[\u00A0\u202F]/g, ' ')} ${units === 1 ? words.one : words.many}`;
    if (hundredths === 0) return unitPart;
    return `${unitPart} ${AND[locale]} ${hundredths} ${hundredths === 1 ? words.cent : words.cents}`;
  });
}
