// Left-to-right runs inside Arabic text (session 30): prices, ranges, e-mail addresses, phone numbers, times and URLs are
// found whole, so the chat can isolate each in its own <bdi dir="ltr">, and nothing is added to or lost from the text.
import { splitLtrRuns } from '@/lib/i18n/ltr-runs';
import { normaliseSpeechText } from '@/lib/voice/cache-key';
import { speakPrices } from '@/lib/voice/spoken-prices';

const runs = (text: string) => splitLtrRuns(text).filter((run) => run.ltr).map((run) => run.text);
const NB = '\u00a0';

describe('splitLtrRuns', () => {
  it.each([
    [`سعر خطة Pro هو 1,365${NB}US$ لكل مقعد / شهر.`, [`1,365${NB}US$`]],
    [`من 29${NB}US$ – 49${NB}US$ للمقعد شهرياً`, [`29${NB}US$ – 49${NB}US$`]],
    ['اتصل بنا على +1 (555) 010-4477 أو sales.2026@northwind.example.', ['+1 (555) 010-4477', 'sales.2026@northwind.example']],
    ['الموعد الساعة 10:00–10:30 (Europe/Paris)، هل يناسبك؟', ['10:00–10:30 (Europe/Paris)']],
    ['زر https://northwind.example/pricing?seats=12، شكراً', ['https://northwind.example/pricing?seats=12']],
    ['خصم 20% على الخطة السنوية', ['20%']],
  ])('finds the runs of %s', (text, expected) => {
    expect(runs(text)).toEqual(expected);
  });

  it('leaves the full stop, brackets and Arabic punctuation around a run in the right-to-left text', () => {
    const text = `الخطط (Pro بسعر 29${NB}US$ و Team بسعر 49${NB}US$)، وليس + وحدها.`;
    const parts = splitLtrRuns(text);
    expect(parts.filter((run) => run.ltr).map((run) => run.text)).toEqual([`29${NB}US$`, `49${NB}US$`]);
    expect(parts.map((run) => run.text).join('')).toBe(text);
  });

  it('leaves Latin words, and addresses and URLs of letters alone: right-to-left text does not reorder them', () => {
    expect(runs('خطة Pro مع SSO، راسلنا على sales@northwind.example أو زر https://northwind.example/pricing')).toEqual([]);
    expect(runs('ok')).toEqual([]);
  });

  it('finds no run in Arabic text without Latin letters, Western digits or currency signs', () => {
    expect(splitLtrRuns('مرحباً، كيف يمكنني مساعدتك؟')).toEqual([{ text: 'مرحباً، كيف يمكنني مساعدتك؟', ltr: false }]);
    expect(splitLtrRuns('')).toEqual([]);
  });

  it('does not run across a line break', () => {
    expect(runs('السعر 29 US$\n49 US$ للفريق')).toEqual(['29 US$', '49 US$']);
  });
});

describe('speech of an Arabic reply with isolates or direction marks in it (a model may write them)', () => {
  it('says none of them and reads the price as an amount, as without them', () => {
    const marked = 'السعر \u20661,365\u00a0US$\u2069 \u200fلكل مقعد\u061c، راسلنا على \u2068sales@northwind.example\u2069';
    const plain = 'السعر 1,365 US$ لكل مقعد، راسلنا على sales@northwind.example';
    expect(normaliseSpeechText(marked)).toBe(plain);
    expect(speakPrices(normaliseSpeechText(marked), 'ar')).toBe(speakPrices(plain, 'ar'));
    expect(speakPrices(normaliseSpeechText(marked), 'ar')).not.toContain('US$');
  });
});
