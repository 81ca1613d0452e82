import { en } from '@/lib/i18n/catalogues/en';
import { es } from '@/lib/i18n/catalogues/es';
import { LOCALES, parseAcceptLanguage, resolveLocale, translate } from '@/lib/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('i18n catalogues', () => {
  it('en and es have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(LOCALES).toEqual(['en', 'es', 'fr', 'de', 'ar']);
  });

  it('every Spanish message is filled in and uses the same placeholders as the English one', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(es[key].trim()).not.toBe('');
      expect({ key, vars: placeholders(es[key]) }).toEqual({ key, vars: placeholders(en[key]) });
    }
  });
});

describe('translate', () => {
  it('returns the message in the requested locale', () => {
    expect(translate('en', 'chat.newConversation')).toBe('New conversation');
    expect(translate('es', 'chat.newConversation')).toBe('Nueva conversación');
  });

  it('fills {placeholders} from vars, numbers included', () => {
    expect(translate('en', 'landing.plans.seatsRange', { min: 3, max: 250 })).toBe('3–250 seats');
    expect(translate('es', 'landing.plans.annual', { price: '$24' })).toBe('$24 por usuario / mes con facturación anual');
    expect(translate('en', 'composer.remaining', { remaining: 0 })).toBe('Characters left: 0');
  });

  it('leaves a placeholder visible when its variable is missing', () => {
    expect(translate('en', 'landing.plans.seatsRange', { min: 3 })).toBe('3–{max} seats');
  });
});

describe('resolveLocale', () => {
  it('prefers the explicit choice, matching by language prefix', () => {
    expect(resolveLocale('es-MX', 'en-US')).toBe('es');
    expect(resolveLocale('EN_gb', 'es')).toBe('en');
  });

  it('falls through unsupported or empty candidates to the next one, then to English', () => {
    expect(resolveLocale(undefined, null, '', 'pt-BR', ['ja', 'es-AR'])).toBe('es');
    expect(resolveLocale('fr-CA', ['de-DE', 'ja'])).toBe('fr');
    expect(resolveLocale('it', ['ja'])).toBe('en');
    expect(resolveLocale()).toBe('en');
  });

  it('reads Accept-Language by preference weight', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, es;q=0.8, en;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'es', 'en']);
    expect(parseAcceptLanguage('en;q=0.2, es-ES')).toEqual(['es-ES', 'en']);
    expect(parseAcceptLanguage('es;q=0, en')).toEqual(['en']);
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(resolveLocale(parseAcceptLanguage('de-DE,de;q=0.9,es;q=0.8'))).toBe('de');
    expect(resolveLocale(parseAcceptLanguage('it-IT,ar;q=0.9,es;q=0.8'))).toBe('ar');
  });
});
