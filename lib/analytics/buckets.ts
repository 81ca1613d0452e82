/**
 * Time buckets of the analytics store, all in UTC: an hour is `yyyymmddhh`, a day `yyyymmdd`. Pure and client-safe.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type Granularity = 'hour' | 'day';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026113018` for 2026-11-30 18:xx UTC. */
export function hourId(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}`;
}

/** `20261130` for any time on 2026-11-30 UTC. */
export function dayId(ms: number): string {
  return hourId(ms).slice(0, 8);
}

export function bucketId(ms: number, granularity: Granularity): string {
  return granularity === 'hour' ? hourId(ms) : dayId(ms);
}

export const bucketMs = (granularity: Granularity) => (granularity === 'hour' ? HOUR_MS : DAY_MS);

export function floorTo(ms: number, granularity: Granularity): number {
  const size = bucketMs(granularity);
  return Math.floor(ms / size) * size;
}

export function ceilTo(ms: number, granularity: Granularity): number {
  const size = bucketMs(granularity);
  return Math.ceil(ms / size) * size;
}

/** Start times of the buckets covering [from, to): `from` is floored, so a partial first bucket is included. */
export function bucketStarts(from: number, to: number, granularity: Granularity): number[] {
  const size = bucketMs(granularity);
  const starts: number[] = [];
  for (let at = floorTo(from, granularity); at < to; at += size) starts.push(at);
  return starts;
}
