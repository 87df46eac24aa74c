import type { AgreementReason, Level, ReliabilityData } from './types.ts';

/** δ²(c, k) between two category indices. */
export type Distance = (c: number, k: number) => number;

/**
 * Krippendorff's (2011, §E) squared difference functions δ²_ck for the four levels:
 *
 *   nominal   δ² = 0 if c = k, else 1
 *   ordinal   δ² = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²   (ranks from category order, n_g the marginals)
 *   interval  δ² = (c − k)²
 *   ratio     δ² = ((c − k)/(c + k))²   (0 when c = k = 0)
 *
 * Interval and ratio read the categories' numeric values; a category that is not a number gives
 * the reason `not-numeric`, a negative value at the ratio level `negative-values`.
 *
 * @example alphaDistance(data, 'interval', nc).distance?.(0, 1)
 */
export function alphaDistance(
  data: ReliabilityData,
  level: Level,
  nc: Float64Array,
): { readonly distance: Distance | null; readonly reason: AgreementReason | null } {
  const v = data.numeric;
  if (level === 'interval' || level === 'ratio') {
    for (let k = 0; k < v.length; k++) {
      if (data.firstUnit[k]! < 0) continue;
      if (Number.isNaN(v[k]!)) return { distance: null, reason: 'not-numeric' };
      if (level === 'ratio' && v[k]! < 0) return { distance: null, reason: 'negative-values' };
    }
  }
  switch (level) {
    case 'nominal':
      return { distance: (c, k) => (c === k ? 0 : 1), reason: null };
    case 'ordinal': {
      const prefix = new Float64Array(nc.length + 1);
      for (let g = 0; g < nc.length; g++) prefix[g + 1] = prefix[g]! + nc[g]!;
      return {
        distance: (c, k) => {
          if (c === k) return 0;
          const lo = c < k ? c : k;
          const hi = c < k ? k : c;
          const d = prefix[hi + 1]! - prefix[lo]! - (nc[c]! + nc[k]!) / 2;
          return d * d;
        },
        reason: null,
      };
    }
    case 'interval':
      return { distance: (c, k) => (v[c]! - v[k]!) ** 2, reason: null };
    case 'ratio':
      return {
        distance: (c, k) => {
          const s = v[c]! + v[k]!;
          return s === 0 ? 0 : ((v[c]! - v[k]!) / s) ** 2;
        },
        reason: null,
      };
  }
}
