/**
 * The p-quantile of an ascending-sorted sample by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7 — R's and NumPy's default).
 *
 * @throws {RangeError} for an empty sample or p outside [0, 1].
 * @example quantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must lie in [0, 1]');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
