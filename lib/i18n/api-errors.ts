import { apiErrorsAr, apiErrorsDe, apiErrorsEn, apiErrorsEs, apiErrorsFr, type ApiErrorKey } from './catalogues/api-errors';
import { explicitLocale, fillPlaceholders, LOCALE_COOKIE, parseAcceptLanguage, resolveLocale, type Locale } from './locales';
import { formatWait } from '@/lib/intl-formats';

/**
 * The API's typed error messages in the request's language (lib/http.ts builds every error response through this):
 * the thrown English message is recognised by its template in lib/i18n/catalogues/api-errors.ts and worded from the
 * locale's; a message with no template gets the locale's words for its error type. English is returned as thrown.
 */
export type { ApiErrorKey };

const CATALOGUES: Record<Exclude<Locale, 'en'>, Record<ApiErrorKey, string>> = { es: apiErrorsEs, fr: apiErrorsFr, de: apiErrorsDe, ar: apiErrorsAr };

/** Keys that are no template of a thrown message: the validation-issue pair and the words per error type. */
const NOT_TEMPLATES = (key: string) => key === 'apiError.field' || key === 'apiError.fieldInvalid' || key.startsWith('apiError.type.');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English templates as patterns, in catalogue order, with the names of their placeholders. */
const TEMPLATES: ReadonlyArray<{ key: ApiErrorKey; pattern: RegExp; names: string[] }> = (Object.keys(apiErrorsEn) as ApiErrorKey[])
  .filter((key) => !NOT_TEMPLATES(key))
  .map((key) => {
    const template: string = apiErrorsEn[key];
    const names: string[] = [];
    const source = template
      .split(/(\{[a-z]+\})/i)
      .map((piece) => {
        const name = /^\{([a-z]+)\}$/i.exec(piece)?.[1];
        if (!name) return escape(piece);
        names.push(name);
        return '(.+?)';
      })
      .join('');
    return { key, pattern: new RegExp(`^${source}$`, 's'), names };
  });

/** A validation issue as the routes word it: `message.parts.0.text: what is wrong`. */
const FIELD_ISSUE = /^([A-Za-z0-9_.[\]-]{1,100}): (.+)$/s;

/** The conversation's locale a route read from the request's body (a chat turn's `locale`), for its errors. */
const conversationLocales = new WeakMap<Request, Locale>();

/** Words this request's later errors in the conversation's locale (the chat body's `locale`, the widget's language). */
export function setConversationLocale(request: Request, locale: Locale | undefined): void {
  if (locale) conversationLocales.set(request, locale);
}

/**
 * The locale an API request asks for: the conversation's (the chat body's `locale`, or `?locale=` as the resume stream
 * takes it), else the language the visitor chose (the `lang` cookie), else Accept-Language, else English.
 */
export function apiRequestLocale(request: Request | undefined): Locale {
  if (!request) return 'en';
  const conversation = conversationLocales.get(request) ?? explicitLocale(safeSearchParam(request.url, 'locale'));
  if (conversation) return conversation;
  return headersLocale(request.headers.get('cookie'), request.headers.get('accept-language'));
}

const CHOSEN_LOCALE = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]{1,16})`);

/** The language the visitor chose (the `lang` cookie), else Accept-Language's, else English. */
export function headersLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return explicitLocale(CHOSEN_LOCALE.exec(cookie ?? '')?.[1]) ?? resolveLocale(parseAcceptLanguage(acceptLanguage));
}

function safeSearchParam(url: string, name: string): string | null {
  try {
    return new URL(url).searchParams.get(name);
  } catch {
    return null;
  }
}

/**
 * `message` (an error of `type`) in `locale`. `details.retryAfterSeconds`, when the error has it, words the wait of a
 * rate limit in the locale ("30 segundos") rather than the English one in the message.
 */
export function localizeApiErrorMessage(message: string, { type, locale, details }: { type: string; locale: Locale; details?: Record<string, unknown> }): string {
  if (locale === 'en') return message;
  const catalogue = CATALOGUES[locale];
  const worded = wordWith(catalogue, message, locale, details);
  if (worded !== null) return worded;
  const field = FIELD_ISSUE.exec(message);
  if (field?.[1] && field[2]) {
    const detail = wordWith(catalogue, field[2], locale, details);
    return fillPlaceholders(detail === null ? catalogue['apiError.fieldInvalid'] : catalogue['apiError.field'], { field: field[1], detail: detail ?? '' });
  }
  const typeKey = `apiError.type.${type}` as ApiErrorKey;
  return Object.hasOwn(catalogue, typeKey) ? catalogue[typeKey] : catalogue['apiError.type.bad_request'];
}

/** The template a thrown English message is worded from, with the values in its placeholders; null when none fits. */
export function apiErrorTemplateOf(message: string): { key: ApiErrorKey; vars: Record<string, string> } | null {
  for (const { key, pattern, names } of TEMPLATES) {
    const match = pattern.exec(message);
    if (!match) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => (vars[name] = match[i + 1] ?? ''));
    return { key, vars };
  }
  return null;
}

function wordWith(catalogue: Record<ApiErrorKey, string>, message: string, locale: Locale, details?: Record<string, unknown>): string | null {
  const found = apiErrorTemplateOf(message);
  if (!found) return null;
  const retryAfter = details?.retryAfterSeconds;
  if ('wait' in found.vars && typeof retryAfter === 'number' && retryAfter > 0) found.vars.wait = formatWait(retryAfter, locale);
  return fillPlaceholders(catalogue[found.key], found.vars);
}
