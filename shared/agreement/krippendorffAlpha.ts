import { alphaDistance } from './alphaDistance.ts';
import { alphaFromDistance } from './alphaFromDistance.ts';
import { alphaMarginals } from './alphaMarginals.ts';
import { commonReason } from './preconditions.ts';
import { undefinedCoefficient } from './reasons.ts';
import type { Coefficient, Level, ReliabilityData } from './types.ts';

/**
 * Krippendorff's α at the nominal, ordinal, interval or ratio level, by the coincidence-matrix
 * method of Krippendorff (2011, "Computing Krippendorff's Alpha-Reliability"):
 *
 *   α = 1 − D_o / D_e = 1 − (n − 1) Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck,
 *
 * with the difference functions of `alphaDistance`. Any number of coders; missing values allowed:
 * a unit contributes its m_u values with weight 1/(m_u − 1), and units with fewer than two values
 * do not count. D_e uses the closed forms n² − Σ n_c² (nominal) and 2(n Σ n_c v_c² − (Σ n_c v_c)²)
 * (interval), and a sum over the categories used otherwise.
 *
 * @throws never — one coder, no pairable unit, no variation (D_e = 0: all pairable values equal),
 *   non-numeric values at the interval/ratio level, or negative values at the ratio level give
 *   `value: null` and a `reason`.
 * @example
 * // Krippendorff (2011, p. 3), 4 coders × 12 units: 0.743
 * krippendorffAlpha(reliabilityData(rows), 'nominal').value
 */
export function krippendorffAlpha(data: ReliabilityData, level: Level = 'nominal'): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  const { nc } = alphaMarginals(data);
  const { distance, reason: distanceReason } = alphaDistance(data, level, nc);
  if (!distance) return undefinedCoefficient(distanceReason ?? 'not-numeric');
  // Fewer than two distinct pairable values: D_e = 0 and α = 1 − 0/0 (Krippendorff 2011, §F).
  const numeric = level === 'interval' || level === 'ratio';
  const distinct = new Set<number>();
  for (let c = 0; c < nc.length; c++) if (nc[c]! > 0) distinct.add(numeric ? data.numeric[c]! : c);
  if (distinct.size < 2) return undefinedCoefficient('no-variation');
  if (level === 'nominal') {
    return alphaFromDistance(data, distance, (counts, n) => {
      let s = n * n;
      for (let c = 0; c < counts.length; c++) s -= counts[c]! * counts[c]!;
      return s;
    });
  }
  if (level === 'interval') {
    const v = data.numeric;
    return alphaFromDistance(data, distance, (counts, n) => {
      // Centre the values first so the difference of moments does not lose precision.
      let mean = 0;
      for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) mean += (counts[c]! * v[c]!) / n;
      let ss = 0;
      for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) ss += counts[c]! * (v[c]! - mean) ** 2;
      return 2 * n * ss;
    });
  }
  return alphaFromDistance(data, distance);
}
