/**
 * Latency histograms with fixed, log-spaced buckets: bucket i holds values in (UPPER[i-1], UPPER[i]] ms, each bound
 * 20% above the one before, from 10 ms to ~2 minutes. Fixed bounds let every hour's histogram be summed with any
 * other's. A quantile read from them lies in the same bucket as the true one, so it is less than 20% off (and a few
 * per cent for smooth distributions, by interpolating inside the bucket).
 * Pure and client-safe.
 */
const FIRST_UPPER_MS = 10;
const GROWTH = 1.2;
export const HISTOGRAM_MAX_MS = 120_000;

/** Upper bounds (ms) of the buckets; the last one also takes everything above it. */
export const HISTOGRAM_UPPER_MS: readonly number[] = (() => {
  const bounds: number[] = [];
  for (let upper = FIRST_UPPER_MS; bounds.length === 0 || (bounds.at(-1) ?? 0) < HISTOGRAM_MAX_MS; upper *= GROWTH) {
    bounds.push(Math.round(upper));
  }
  return bounds;
})();

/** The bucket a duration falls in: the first whose upper bound covers it (binary search over the bounds). */
export function histogramBucket(ms: number): number {
  let low = 0;
  let high = HISTOGRAM_UPPER_MS.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((HISTOGRAM_UPPER_MS[mid] ?? Infinity) >= ms) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Counts by bucket index (sparse: absent = 0). */
export type Histogram = Map<number, number>;

export function histogramCount(histogram: Histogram): number {
  let total = 0;
  for (const count of histogram.values()) total += count;
  return total;
}

/**
 * The q-quantile (0 < q ≤ 1) in ms, interpolated geometrically inside the bucket that holds it; null when empty.
 * Geometric, because the buckets are: a value's position in its bucket is uniform on a log scale.
 */
export function histogramQuantile(histogram: Histogram, q: number): number | null {
  const total = histogramCount(histogram);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  const indices = [...histogram.keys()].sort((a, b) => a - b);
  for (const index of indices) {
    const count = histogram.get(index) ?? 0;
    if (count <= 0) continue;
    if (seen + count >= rank) {
      const upper = HISTOGRAM_UPPER_MS[index] ?? HISTOGRAM_MAX_MS;
      const lower = index === 0 ? 0 : (HISTOGRAM_UPPER_MS[index - 1] ?? 0);
      const fraction = Math.min(1, Math.max(0, (rank - seen) / count));
      const value = lower === 0 ? upper * fraction : lower * (upper / lower) ** fraction;
      return Math.round(value);
    }
    seen += count;
  }
  return HISTOGRAM_UPPER_MS.at(-1) ?? null;
}
