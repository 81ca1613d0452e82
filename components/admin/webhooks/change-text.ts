import { problemText } from '@/components/admin/shell/problem-text';
import type { WebhookChange } from '@/lib/admin/webhook-change';
import type { Locale } from '@/lib/i18n/locales';
import { translateNotify } from '@/lib/i18n/notify';
import { refusalText } from './problem';

/** What a form's post without JavaScript came back saying (the page's `?change=`), in the page's language. */
export function webhookChangeText(locale: Locale, { outcome, refusal }: WebhookChange): { text: string; ok: boolean } {
  const t = (key: Parameters<typeof translateNotify>[1]) => translateNotify(locale, key);
  switch (outcome) {
    case 'added':
    case 'enabled':
    case 'disabled':
    case 'deleted':
    case 'testDelivered':
      return { text: t(`admin.webhooks.change.${outcome}`), ok: true };
    case 'testQueued':
      return { text: t('admin.webhooks.test.queued'), ok: true };
    case 'testFailed':
      return { text: t('admin.webhooks.change.testFailed'), ok: false };
    case 'refused':
      return { text: refusal ? refusalText(locale, refusal) : t('admin.webhooks.error.badRequest'), ok: false };
    case 'invalid':
      return { text: t('admin.webhooks.error.badRequest'), ok: false };
    case 'tooMany':
      return { text: t('admin.webhooks.error.tooMany'), ok: false };
    case 'changed':
      return { text: t('admin.webhooks.error.changed'), ok: false };
    case 'missing':
      return { text: t('admin.webhooks.error.gone'), ok: false };
    case 'cannotCheck':
      return { text: t('admin.webhooks.url.cannotCheck'), ok: false };
    case 'forbidden':
      return { text: problemText(locale, 403), ok: false };
    case 'failed':
      return { text: problemText(locale, 503), ok: false };
  }
}
