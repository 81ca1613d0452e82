import 'server-only';
import { isAppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { listConversationRecords } from './conversations';
import { listLeadRecords } from './leads';
import { readRecordPageParams, type RecordKind, type RecordListStart } from './record-query';
import type { RecordsDeps } from './records-index';


/**
 * The conversations or leads list as the server renders it from the page's address, so that its filter form (a plain
 * GET form) and pager (links) work without JavaScript; its dates are days in `timeZone`, the admin's
 * (lib/admin/time-zone-server.ts). Only for a signed-in admin or viewer: the page checks first.
 */
export async function loadRecordListStart(
  deps: RecordsDeps,
  kind: RecordKind,
  locale: Locale,
  search: Record<string, string | string[] | undefined>,
  timeZone?: string,
): Promise<RecordListStart> {
  const params = readRecordPageParams(kind, locale, search, timeZone);
  if (!params.query) return { params, page: null, failed: false };
  try {
    const page = await (kind === 'leads' ? listLeadRecords : listConversationRecords)(deps, params.query);
    return { params, page, failed: false };
  } catch (error) {
    // A cursor of the right shape that this list did not give out: named like any other bad parameter.
    if (isAppError(error) && error.type === 'bad_request') return { params: { ...params, invalid: [...params.invalid, 'cursor'], query: null }, page: null, failed: false };
    console.error(`[admin] the ${kind} list could not be read`, error);
    return { params, page: null, failed: true };
  }
}
