import { alphaMarginals } from './alphaMarginals.ts';
import type { Distance } from './alphaDistance.ts';
import { commonReason } from './preconditions.ts';
import { definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData } from './types.ts';
import { unitCounts } from './unitCounts.ts';

/**
 * Krippendorff's α for any difference function δ² (Krippendorff 2011, §C–E):
 *
 *   α = 1 − D_o / D_e,
 *   D_o = (1/n) Σ_c Σ_k o_ck δ²_ck,  o_ck = Σ_u Σ_{i≠j} [v_ui = c][v_uj = k] / (m_u − 1),
 *   D_e = (1/(n(n − 1))) Σ_c Σ_k n_c n_k δ²_ck,
 *
 * over the pairable values (units with m_u ≥ 2). The coincidences are summed unit by unit from
 * the sparse per-unit counts, so the cost grows with units × coders, not with categories².
 * `expectedSum`, when given, is Σ n_c n_k δ²_ck computed in closed form by the caller.
 *
 * @throws never — one coder, no pairable unit, or D_e = 0 (no variation) give `value: null` and a `reason`.
 * @example alphaFromDistance(data, (c, k) => (c === k ? 0 : 1)).value
 */
export function alphaFromDistance(
  data: ReliabilityData,
  distance: Distance,
  expectedSum?: (nc: Float64Array, n: number) => number,
): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  const { rated, m, start, cat, count } = unitCounts(data);
  const { nc, n } = alphaMarginals(data);
  let observed = 0;
  for (let i = 0; i < rated; i++) {
    const mu = m[i]!;
    if (mu < 2) continue;
    const from = start[i]!;
    const to = start[i + 1]!;
    let s = 0;
    for (let e = from; e < to; e++) {
      for (let f = e + 1; f < to; f++) s += count[e]! * count[f]! * distance(cat[e]!, cat[f]!);
    }
    observed += (2 * s) / (mu - 1);
  }
  let expected: number;
  if (expectedSum) {
    expected = expectedSum(nc, n);
  } else {
    const used: number[] = [];
    for (let c = 0; c < nc.length; c++) if (nc[c]! > 0) used.push(c);
    expected = 0;
    for (let a = 0; a < used.length; a++) {
      for (let b = a + 1; b < used.length; b++) {
        expected += 2 * nc[used[a]!]! * nc[used[b]!]! * distance(used[a]!, used[b]!);
      }
    }
  }
  const dO = observed / n;
  const dE = expected / (n * (n - 1));
  if (!(dE > 0)) return undefinedCoefficient('no-variation');
  return definedCoefficient(1 - dO / dE, dO, dE);
}
