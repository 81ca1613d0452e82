import type { Locale } from '@/lib/i18n/locales';
import { numberFormat } from '@/lib/intl-formats';
import { SPEECH_TAGS } from './languages';

/**
 * Prices as a voice should say them. Replies quote prices in one format whatever their language ("$1,960", "$1,299.50":
 * lib/sales/knowledge formatPrice), and a speech engine reading them in Spanish, French or German takes the comma for a
 * decimal mark ("$1,960" → "dólar uno coma novecientos sesenta", i.e. $1.96), while in English it says "dollar one
 * thousand…" in the wrong order. So the amount is rewritten in the locale's own digits with the currency after it:
 * "1,960 dollars", "1960 dólares", "1 960 dollars", "1.960 Dollar". Client-safe: also used for speechSynthesis.
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
const PRICE = /([$€£])[ \u00A0]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?![\d,.]?[\p{L}\p{N}])/gu;

/** Rewrites every price in `text` as words for `locale`'s voice; the rest of the text is untouched. */
export function speakPrices(text: string, locale: Locale): string {
  if (!/[$€£]\s?\d/.test(text)) return text;
  const format = numberFormat(SPEECH_TAGS[locale], { numberingSystem: 'latn', maximumFractionDigits: 0 });
  return text.replace(PRICE, (match, symbol: string, whole: string, fraction: string | undefined) => {
    const currency = SYMBOLS[symbol];
    if (!currency) return match;
    const words = WORDS[locale][currency];
    const units = Number(whole.replace(/,/g, ''));
    const hundredths = fraction === undefined ? 0 : Number(fraction.padEnd(2, '0'));
    // French groups with a narrow no-break space, which espeak-ng reads as a break ("un neuf cent…"): a plain one.
    const unitPart = `${format.format(units).replace(/[\u00A0\u202F]/g, ' ')} ${units === 1 ? words.one : words.many}`;
    if (hundredths === 0) return unitPart;
    return `${unitPart} ${AND[locale]} ${hundredths} ${hundredths === 1 ? words.cent : words.cents}`;
  });
}
