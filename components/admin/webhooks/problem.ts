import { problemText } from '@/components/admin/shell/problem-text';
import { translateNotify, type NotifyKey } from '@/lib/i18n/notify';
import { RTL_LOCALES, type Locale } from '@/lib/i18n/locales';
import { urlRefusalOf, type UrlRefusalDetails } from '@/lib/webhooks/url-refusal';
import { ApiError, staleVersionOf, type DeliveryLogEntry } from './api';

/** A host, address or URL inside a right-to-left sentence keeps its own left-to-right order. */
export const isolate = (locale: Locale, text: string) => (RTL_LOCALES.has(locale) ? `\u2066${text}\u2069` : text);

const translator = (locale: Locale) => (key: NotifyKey, vars?: Record<string, string | number>) => translateNotify(locale, key, vars);

/** Why a webhook URL was refused (lib/webhooks/url-refusal.ts), in the page's language. */
export function refusalText(locale: Locale, refusal: UrlRefusalDetails): string {
  const t = translator(locale);
  const range = t(`admin.webhooks.range.${refusal.range ?? 'reserved'}`);
  const host = isolate(locale, refusal.host ?? '');
  const address = isolate(locale, refusal.address ?? '');
  switch (refusal.reason) {
    case 'invalid':
      return t('admin.webhooks.url.invalid');
    case 'scheme':
      return t(refusal.allowHttp ? 'admin.webhooks.url.httpOrHttps' : 'admin.webhooks.url.https');
    case 'credentials':
      return t('admin.webhooks.url.credentials');
    case 'address':
      return t('admin.webhooks.url.address', { address, range });
    case 'unresolved':
      return t('admin.webhooks.url.unresolved', { host });
    case 'resolves_to':
      return t('admin.webhooks.url.resolvesTo', { host, address, range });
  }
}

/**
 * A failed webhook call as the admin reads it, in the page's language: a refused URL says why from the refusal's
 * codes (the API's message is English, for scripts), the other answers by their status. `url` is whether the URL
 * itself was refused, so the form can mark its field.
 */
export function webhookProblem(locale: Locale, caught: unknown): { text: string; url: boolean } {
  const t = translator(locale);
  if (!(caught instanceof ApiError)) return { text: t('admin.webhooks.error.generic'), url: false };
  const refusal = caught.status === 400 ? urlRefusalOf(caught.details) : null;
  if (refusal) return { text: refusalText(locale, refusal), url: true };
  if (caught.status === 400) return { text: t('admin.webhooks.error.badRequest'), url: false };
  // A 409 naming the current version (etag) is a change that lost to someone else's; the others, too many endpoints.
  if (caught.status === 409) return { text: t(staleVersionOf(caught) === null ? 'admin.webhooks.error.tooMany' : 'admin.webhooks.error.changed'), url: false };
  if (caught.status === 404) return { text: t('admin.webhooks.error.gone'), url: false };
  if (caught.status === 503 && caught.code === 'upstream_unavailable:admin') return { text: t('admin.webhooks.url.cannotCheck'), url: false };
  return { text: problemText(locale, caught.status), url: false };
}

/**
 * Why a delivery attempt failed, in the page's language, from the log entry's codes; a connection error keeps the
 * system's own words (they name the cause: ECONNREFUSED, a certificate…). An entry logged before the codes existed
 * shows its English `error`.
 */
export function deliveryProblemText(locale: Locale, entry: Pick<DeliveryLogEntry, 'problem' | 'error' | 'status'>): string {
  const t = translator(locale);
  const problem = entry.problem;
  switch (problem?.code) {
    case 'http':
      return `HTTP ${problem.status}`;
    case 'redirect':
      return t('admin.webhooks.problem.redirect', { status: problem.status });
    case 'timeout':
      return t('admin.webhooks.problem.timeout');
    case 'disabled':
      return t('admin.webhooks.problem.disabled');
    case 'refused': {
      const refusal = urlRefusalOf(problem.refusal);
      return refusal ? refusalText(locale, refusal) : t('admin.webhooks.error.generic');
    }
    case 'network':
      return t('admin.webhooks.problem.network', { detail: isolate(locale, entry.error ?? '') });
    default:
      return entry.error ?? (entry.status === null || entry.status === undefined ? t('admin.webhooks.log.noAnswer') : `HTTP ${entry.status}`);
  }
}
