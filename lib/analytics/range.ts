import { DAY_MS, HOUR_MS, ceilTo, floorTo, type Granularity } from './buckets';
import type { RangePreset } from './report';

/**
 * The span a dashboard query covers, aligned to whole UTC buckets: hours when it is two days or shorter, else days.
 * Pure and client-safe.
 */
export interface ResolvedRange {
  from: number;
  /** Exclusive. */
  to: number;
  granularity: Granularity;
  preset: RangePreset | null;
}

export const MAX_RANGE_DAYS = 366;
const HOURLY_UP_TO_MS = 2 * DAY_MS;

/** `24h`: the last 24 hours, this one included. `7d`/`30d`/`90d`: that many UTC days, today included. */
export function presetRange(preset: RangePreset, now: number): ResolvedRange {
  if (preset === '24h') {
    const to = floorTo(now, 'hour') + HOUR_MS;
    return { from: to - 24 * HOUR_MS, to, granularity: 'hour', preset };
  }
  const days = Number(preset.slice(0, -1));
  const to = floorTo(now, 'day') + DAY_MS;
  return { from: to - days * DAY_MS, to, granularity: 'day', preset };
}

/** An explicit span (`to` exclusive), widened to whole hours or days. Throws a RangeError that names the problem. */
export function customRange(from: number, to: number, now: number): ResolvedRange {
  const end = Math.min(to, ceilTo(now, 'hour'));
  if (!(end > from)) throw new RangeError('"from" must be before "to" (and before now).');
  if (end - from > MAX_RANGE_DAYS * DAY_MS) throw new RangeError(`A range covers at most ${MAX_RANGE_DAYS} days.`);
  const granularity: Granularity = end - from <= HOURLY_UP_TO_MS ? 'hour' : 'day';
  return { from: floorTo(from, granularity), to: ceilTo(end, granularity), granularity, preset: null };
}
