import type { ReliabilityData } from './types.ts';
import { unitCounts } from './unitCounts.ts';

/**
 * Krippendorff's (2011, §C) coincidence matrix, q × q row-major:
 *
 *   o_ck = Σ_u Σ_{i≠j} [v_ui = c][v_uj = k] / (m_u − 1)   over units with m_u ≥ 2.
 *
 * Symmetric; row c sums to n_c, the whole matrix to n (the number of pairable values). With two
 * coders and no missing values o_ck = x_ck + x_kc, the confusion table plus its transpose.
 *
 * @example coincidenceMatrix(reliabilityData([['a', 'b']])) // Float64Array [0, 1, 1, 0]
 */
export function coincidenceMatrix(data: ReliabilityData): Float64Array {
  const q = data.categories.length;
  const o = new Float64Array(q * q);
  const { rated, m, start, cat, count } = unitCounts(data);
  for (let i = 0; i < rated; i++) {
    const mu = m[i]!;
    if (mu < 2) continue;
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const c = cat[e]!;
      for (let f = start[i]!; f < start[i + 1]!; f++) {
        const k = cat[f]!;
        o[c * q + k]! += (count[e]! * (count[f]! - (e === f ? 1 : 0))) / (mu - 1);
      }
    }
  }
  return o;
}
