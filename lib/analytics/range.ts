import { dayStartAt, FALLBACK_TIME_ZONE } from '@/lib/admin/time-zone';
import { DAY_MS, HOUR_MS, bucketStarts, ceilTo, floorTo, type Granularity } from './buckets';
import type { RangePreset } from './report';

/**
 * The span a dashboard query covers, aligned to whole buckets: hours when it is two days or shorter, else days, which
 * are the admin's (`timeZone`'s: 23 or 25 hours on a daylight-saving change). Pure and client-safe.
 */
export interface ResolvedRange {
  from: number;
  /** Exclusive. */
  to: number;
  granularity: Granularity;
  preset: RangePreset | null;
  /** The IANA zone whose days the day buckets are; UTC when not given. */
  timeZone?: string;
}

export const MAX_RANGE_DAYS = 366;
const HOURLY_UP_TO_MS = 2 * DAY_MS;

/** `24h`: the last 24 hours, this one included. `7d`/`30d`/`90d`: that many days of `timeZone`, today included. */
export function presetRange(preset: RangePreset, now: number, timeZone = FALLBACK_TIME_ZONE): ResolvedRange {
  if (preset === '24h') {
    const to = floorTo(now, 'hour') + HOUR_MS;
    return { from: to - 24 * HOUR_MS, to, granularity: 'hour', preset, timeZone };
  }
  const days = Number(preset.slice(0, -1));
  return { from: dayStartAt(now, timeZone, 1 - days), to: dayStartAt(now, timeZone, 1), granularity: 'day', preset, timeZone };
}

/** An explicit span (`to` exclusive), widened to whole hours or `timeZone`'s days. Throws a RangeError that names the problem. */
export function customRange(from: number, to: number, now: number, timeZone = FALLBACK_TIME_ZONE): ResolvedRange {
  const end = Math.min(to, ceilTo(now, 'hour'));
  if (!(end > from)) throw new RangeError('"from" must be before "to" (and before now).');
  if (end - from > MAX_RANGE_DAYS * DAY_MS) throw new RangeError(`A range covers at most ${MAX_RANGE_DAYS} days.`);
  if (end - from <= HOURLY_UP_TO_MS) return { from: floorTo(from, 'hour'), to: ceilTo(end, 'hour'), granularity: 'hour', preset: null, timeZone };
  return { from: dayStartAt(from, timeZone), to: dayStartAt(end - 1, timeZone, 1), granularity: 'day', preset: null, timeZone };
}

/** Where each bucket of the range starts: every hour, or every midnight of the range's zone. */
export function rangeBucketStarts(range: ResolvedRange): number[] {
  if (range.granularity === 'hour') return bucketStarts(range.from, range.to, 'hour');
  const starts: number[] = [];
  // (At least an hour on: a zone Intl answered oddly for must not hold the loop.)
  for (let at = range.from; at < range.to; at = Math.max(at + HOUR_MS, dayStartAt(at, range.timeZone ?? FALLBACK_TIME_ZONE, 1))) starts.push(at);
  return starts;
}
