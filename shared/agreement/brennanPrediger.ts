import { gwetTerms, linearizedStandardError, type ChanceOptions } from './gwetTerms.ts';
import { commonReason } from './preconditions.ts';
import { definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData } from './types.ts';

/**
 * Brennan–Prediger coefficient (Brennan & Prediger 1981), weighted and multi-coder as in
 * Gwet (2014, §2.4, §3.4):
 *
 *   BP = (p_a − p_e) / (1 − p_e),  p_e = T_w / q²   (1/q unweighted),
 *
 * where q is the number of categories — the codebook's where known, else those observed — and
 * T_w the sum of the weights; p_a over the units with two or more values (`gwetTerms`). No π_k.
 * Standard error: Gwet (2014, §5.3), over the units with at least one value as in R irrCAC's
 * `bp.coeff.raw` (a unit with one value has γ_i = 0); p_e is fixed, so no correction term.
 *
 * @throws never — one coder, no unit with two values, or fewer than two categories give
 *   `value: null` and a `reason`.
 * @example brennanPrediger(reliabilityData([['a', 'a'], ['b', 'b'], ['a', 'b']])).value // 0.333…
 */
export function brennanPrediger(data: ReliabilityData, options: ChanceOptions = {}): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  const q = data.categories.length;
  if (q < 2) return undefinedCoefficient('single-category');
  const t = gwetTerms(data, options);
  const pe = t.weightSum / (q * q);
  const bp = (t.pa - pe) / (1 - pe);
  return definedCoefficient(bp, t.pa, pe, linearizedStandardError(t, bp, pe, null));
}
