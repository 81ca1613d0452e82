import 'server-only';
import { headers } from 'next/headers';
import { parseAcceptLanguage, resolveLocale, type Locale } from '@/lib/i18n';

/** The request's locale from Accept-Language, so the server-rendered page and the chat agree from the first paint. */
export async function getRequestLocale(): Promise<Locale> {
  const requestHeaders = await headers();
  return resolveLocale(parseAcceptLanguage(requestHeaders.get('accept-language')));
}
