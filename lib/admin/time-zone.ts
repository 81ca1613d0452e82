import { addDays, canonicalTimeZone, fromWallClock, toWallClock } from '@/lib/sales/time-zone';

/**
 * The admin's own time zone, in which the lists' date filters are days and their times are shown. The browser knows it
 * (`Intl`), the server does not: the admin pages leave it in a cookie (components/admin/shell/time-zone.tsx) so that
 * a page rendered on the server (a filter submitted without JavaScript, a reload, a shared link) reads "1 December"
 * as the admin's 1 December, not UTC's. The zone arithmetic is lib/sales/time-zone.ts's, which books meetings in a
 * prospect's zone the same way (daylight saving included). Client-safe.
 */

/** Not HttpOnly: the page's script writes it. Holds nothing but an IANA zone name. */
export const ADMIN_TIME_ZONE_COOKIE = 'admin_tz';
/** What the server reads days in when the admin's zone is not known yet (no cookie: a browser that never ran the page's script). */
export const FALLBACK_TIME_ZONE = 'UTC';
const MAX_ZONE_LENGTH = 64;

/** A cookie's (or the browser's) zone name, checked; anything else (missing, forged, an offset, too long) is UTC. */
export function adminTimeZoneOf(value: string | null | undefined): string {
  if (!value || value.length > MAX_ZONE_LENGTH * 3) return FALLBACK_TIME_ZONE;
  let name = value;
  try {
    name = decodeURIComponent(value);
  } catch {
    return FALLBACK_TIME_ZONE;
  }
  if (name.length > MAX_ZONE_LENGTH || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return FALLBACK_TIME_ZONE;
  return canonicalTimeZone(name) ?? FALLBACK_TIME_ZONE;
}

let ownZone: string | undefined;

/** The browser's own zone (`UTC` where Intl does not say), read once: every render of the admin's dates asks for it. */
export function browserTimeZone(): string {
  if (ownZone === undefined) {
    try {
      ownZone = adminTimeZoneOf(new Intl.DateTimeFormat().resolvedOptions().timeZone);
    } catch {
      ownZone = FALLBACK_TIME_ZONE;
    }
  }
  return ownZone;
}

function wallOf(iso: string): { year: number; month: number; day: number } {
  const [year = 1970, month = 1, day = 1] = iso.split('-').map(Number);
  return { year, month, day };
}

/**
 * The first instant of a calendar day in `timeZone`: its midnight, or where the clocks skip midnight itself (Santiago,
 * Havana, Asunción: 00:00 → 01:00) the moment they jump, which fromWallClock would place on the evening before.
 */
function startOfDay(day: { year: number; month: number; day: number }, timeZone: string): number {
  const start = fromWallClock({ ...day, hour: 0, minute: 0 }, timeZone);
  const wall = toWallClock(start, timeZone);
  return wall.day === day.day ? start : start + (24 * 60 - (wall.hour * 60 + wall.minute)) * 60_000;
}

/** The first millisecond of the day `days` after the one `instant` falls on in `timeZone` (0: that day's own start). */
export function dayStartAt(instant: number, timeZone: string, days = 0): number {
  return startOfDay(addDays(toWallClock(instant, timeZone), days), timeZone);
}

/** The first millisecond of day `YYYY-MM-DD` in `timeZone`. */
export function dayStartIn(iso: string, timeZone: string): number {
  return startOfDay(wallOf(iso), timeZone);
}

/** The last millisecond of day `YYYY-MM-DD` in `timeZone`: the next day's start, less one (23 or 25 hours on a DST day). */
export function dayEndIn(iso: string, timeZone: string): number {
  return startOfDay(addDays(wallOf(iso), 1), timeZone) - 1;
}

/**
 * A filter's days (`YYYY-MM-DD`, either may be empty) as the API's epoch-ms `from`/`to`: the first millisecond of the
 * first day and the last of the second, in `timeZone`. 1 January 1970 east of UTC starts before the epoch, which no
 * conversation does: it reads as 0. What the list pages send with JavaScript and read without it.
 */
export function dayRangeIn(days: { from: string; to: string }, timeZone: string): { from?: number; to?: number } {
  return {
    ...(days.from ? { from: Math.max(0, dayStartIn(days.from, timeZone)) } : {}),
    ...(days.to ? { to: Math.max(0, dayEndIn(days.to, timeZone)) } : {}),
  };
}

/** The admin API's own path: the zone cookie is left there too, so an export names its file by the admin's day. */
export const ADMIN_API_PATH = '/api/v1/admin';

/** The cookie the admin pages leave: the zone for the server's next render of an admin page (or, `path`, an admin API call). */
export function adminTimeZoneCookie(timeZone: string, secure: boolean, path = '/admin'): string {
  return `${ADMIN_TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; Path=${path}; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The zone a request's Cookie header carries (checked as `adminTimeZoneOf` checks it), or UTC. */
export function adminTimeZoneOfCookies(cookieHeader: string | null | undefined): string {
  return adminTimeZoneOf(new RegExp(`(?:^|;\\s*)${ADMIN_TIME_ZONE_COOKIE}=([^;]*)`).exec(cookieHeader ?? '')?.[1]);
}

/** `YYYY-MM-DD`: the day `instant` falls on in `timeZone`. */
export function isoDayIn(instant: number, timeZone: string): string {
  const { year, month, day } = toWallClock(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
