import { translateAdminShell } from '@/lib/i18n/admin-shell';
import type { Locale } from '@/lib/i18n/locales';

/**
 * A failed admin API call as the admin reads it, in the page's language. The API's own `message` is English (it is
 * for scripts and logs), so a Spanish or Arabic admin is told by the status instead: signed out, not allowed, or a
 * failure to try again. `status` is absent when no answer came (offline).
 */
export function problemText(locale: Locale, status: number | undefined): string {
  if (status === 401) return translateAdminShell(locale, 'keys.error.signedOut');
  if (status === 403) return translateAdminShell(locale, 'problem.forbidden');
  return translateAdminShell(locale, 'problem.failed');
}
