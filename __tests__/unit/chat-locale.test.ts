import { chatRequestSchema } from '@/app/api/v1/chat/schema';

describe('the chat request locale', () => {
  it('accepts every UI locale, so a French, German or Arabic page can chat', () => {
    const locale = chatRequestSchema.shape.locale;
    expect(locale.parse('es')).toBe('es');
    expect(locale.parse('en')).toBe('en');
    expect(locale.parse(undefined)).toBeUndefined();
    for (const other of ['fr', 'de', 'ar']) expect(locale.safeParse(other).success).toBe(true);
    expect(locale.safeParse('it').success).toBe(false);
  });
});
