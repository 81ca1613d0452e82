/**
 * IANA time-zone arithmetic on top of Intl, so booking and validation work the same on the server, in the browser and in
 * tests whatever the machine's own zone is (nothing here reads the process's local time). Client-safe.
 */
import { dateTimeFormat } from '@/lib/intl-formats';

/** A calendar date and a time of day as a clock on the wall in some zone shows it. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  // h23 so midnight reads 0, not 24 (some engines print "24" with hour12: false). One per zone (lib/intl-formats.ts).
  return dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
}

/**
 * The zone's name with its case fixed ("europe/madrid" → "Europe/Madrid"), or undefined when Intl does not know it.
 * An alias keeps the prospect's spelling: ICU resolves "Asia/Kolkata" to the legacy "Asia/Calcutta", which would
 * read as a mistake in their invite.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  const trimmed = timeZone.trim();
  // Intl accepts offsets like "+01:00" too; a booking needs a real zone so daylight saving is applied correctly.
  if (!trimmed || /^[+-]\d/.test(trimmed)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === trimmed.toLowerCase() ? resolved : trimmed;
  } catch {
    return undefined;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== undefined;
}

/** What a wall clock in `timeZone` shows at `instant` (epoch ms), to the minute. */
export function toWallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** Minutes to add to UTC to get the zone's wall clock at `instant` (e.g. +120 for Madrid in summer). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const wall = toWallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant (epoch ms) a wall-clock time in `timeZone` happens. Two probes settle the offset across a DST change:
 * a time skipped by spring-forward (02:30 on the change day) lands one hour later, as calendars do; a repeated
 * time (fall-back) resolves to its first occurrence.
 */
export function fromWallClock(wall: WallClock, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const firstGuess = naive - offsetMinutes(naive, timeZone) * 60_000;
  const offset = offsetMinutes(firstGuess, timeZone);
  const candidate = naive - offset * 60_000;
  const earlier = naive - offsetMinutes(firstGuess - 3 * 3_600_000, timeZone) * 60_000;
  // Fall-back: both offsets give a real instant showing this wall time; prefer the earlier one.
  if (earlier < candidate && sameWall(toWallClock(earlier, timeZone), wall)) return earlier;
  // A skipped time: the candidate's own offset differs from the one it was computed with. Clocks jump forward, so the
  // smaller offset (the one before the change) places it one hour later (02:30 → 03:30); west of UTC the candidate
  // had the larger one and showed 01:30 (Los Angeles).
  const own = offsetMinutes(candidate, timeZone);
  if (own !== offset) return naive - Math.min(own, offset) * 60_000;
  return candidate;
}

function sameWall(a: WallClock, b: WallClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(wall: Pick<WallClock, 'year' | 'month' | 'day'>): number {
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The calendar date `days` after the given one (month and year roll over). */
export function addDays<T extends Pick<WallClock, 'year' | 'month' | 'day'>>(wall: T, days: number): T {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
