import type { OfflineTurn } from '@/lib/llm/offline/context';
import { meetingTimesIn } from '@/lib/llm/offline/reading';

/**
 * "عرض" in Arabic is a demo (عرض توضيحي), a price quote (عرض سعر) or an offer, a deal (عروض، عرض خاص): read by the
 * words beside it, and by the last reply when it stands alone ("أريد عرض" just after a demo was offered is that demo).
 * Alone and with nothing to go by, it is asked about rather than guessed (a discount answer to "I want a demo" was the
 * wrong guess, and a booking to "I want a quote" another).
 */
export type ArabicOffer = 'demo' | 'quote' | 'deal' | 'unclear';

const OFFER_WORD = /(?<!\p{L})(?:ال)?عرض(?:ا|ًا|اً)?(?!\p{L})/u;
const DEMO = /(?<!\p{L})(?:ال)?عرض(?:ا|ًا|اً)?\s+(?:ال)?(?:توضيحي|تجريبي|تقديمي|حي|مباشر|للمنتج|للمنصة|للنظام|للبرنامج|للأداة|للاداة|المنتج|المنصة)|ديمو|(?:رؤية|أشوف|اشوف|نشوف|مشاهدة)\s+(?:ال)?عرض/u;
const QUOTE = /(?<!\p{L})(?:ال)?عرض\s+(?:ال)?(?:سعر|أسعار|اسعار|رسمي|مكتوب)|(?:ارسل|أرسل|ارسلوا|أرسلوا|ابعث|ابعثوا|ابعتلي|ابعتولي|إرسال|ارسال|تبعتوا|ترسلوا|ترسلون|ترسل)\s+(?:لي\s+|لنا\s+)?(?:ال)?عرض(?:ا|ًا|اً)?(?!\s*(?:ال)?(?:توضيحي|تجريبي))/u;
const MEETING = /موعد|اجتماع|مكالمة|(?:أحجز|احجز|حجز|نحجز|تحجز)/u;
const DEAL = /(?<!\p{L})(?:ال)?عروض|(?<!\p{L})(?:ال)?عرض\s+(?:ال)?(?:خاص|أفضل|افضل|ترويجي|مميز|خصم)|خصم|تخفيض/u;

export function arabicOffer(turn: Pick<OfflineTurn, 'text' | 'locale' | 'previousReplies' | 'now' | 'state'>): ArabicOffer | undefined {
  const { text } = turn;
  if (turn.locale !== 'ar') return undefined;
  // The answer to "a demo or a price quote?": "توضيحي", "الأول", "سعر", "الثاني".
  if ((turn.previousReplies.at(-1) ?? '').includes(WHICH_OPENING) && text.trim().split(/\s+/).length <= 4) {
    if (/توضيحي|ديمو|الأول|الاول|أول|اول/u.test(text)) return 'demo';
    if (/سعر|أسعار|اسعار|الثاني|ثاني/u.test(text)) return 'quote';
  }
  if (!(OFFER_WORD.test(text) || /عروض/u.test(text))) return undefined;
  // ("متى موعد العرض؟" with a demo booked, "عرض يوم الخميس": the meeting.)
  if (DEMO.test(text) || MEETING.test(text) || meetingTimesIn(text, turn.now, 'ar').length > 0) return 'demo';
  if (QUOTE.test(text)) return 'quote';
  if (DEAL.test(text)) return 'deal';
  // Alone: the demo booked, or the one the last reply offered; else asked which.
  if (turn.state.bookings.length > 0) return 'demo';
  const last = turn.previousReplies.at(-1) ?? '';
  return /عرض(?:ًا|ا)? توضيحي/u.test(last) && /[?؟]\s*$/u.test(last.trim()) ? 'demo' : 'unclear';
}

const WHICH_OPENING = 'هل تقصد عرضًا توضيحيًا للمنصة';

/** "أريد عرض" with nothing to go by: which of the two it is. */
export function whichOfferLine(minutes: number): string {
  return `${WHICH_OPENING} (${minutes} دقيقة مع فريقنا)، أم عرض سعر لفريقك؟`;
}
