import 'server-only';
import { cookies, headers } from 'next/headers';
import { explicitLocale, LOCALE_COOKIE, LOCALE_HEADER, parseAcceptLanguage, resolveLocale, type Locale } from '@/lib/i18n';

/**
 * The request's locale: an explicit choice first (`?lang=` through the middleware's header, then the cookie the
 * switcher or an earlier `?lang=` left), then Accept-Language, then English. Decided once per request, so
 * `<html lang dir>`, the server-rendered page and the chat agree from the first paint.
 */
export async function getRequestLocale(): Promise<Locale> {
  const requestHeaders = await headers();
  const fromQuery = explicitLocale(requestHeaders.get(LOCALE_HEADER));
  if (fromQuery) return fromQuery;
  const fromCookie = explicitLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  if (fromCookie) return fromCookie;
  return resolveLocale(parseAcceptLanguage(requestHeaders.get('accept-language')));
}
