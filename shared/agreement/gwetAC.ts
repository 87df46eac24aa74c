import { gwetTerms, linearizedStandardError, type ChanceOptions } from './gwetTerms.ts';
import { commonReason } from './preconditions.ts';
import { DEGENERATE_EPSILON, definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData } from './types.ts';

/**
 * Gwet's AC1 (unweighted) and AC2 (weighted), any number of coders, missing values allowed
 * (Gwet 2008; Gwet 2014, §4.2 and §3.4):
 *
 *   AC = (p_a − p_e) / (1 − p_e),  p_e = T_w / (q (q − 1)) · Σ_k π_k (1 − π_k),
 *
 * where q is the number of categories (the codebook's where known, else those observed),
 * T_w the sum of the weights (q when unweighted), and p_a (units with two or more values) and π_k
 * (units with at least one value) as in `gwetTerms` and R irrCAC's `gwet.ac1.raw`.
 * Standard error: Gwet's (2014, §5.3) linearisation over the units with at least one value.
 *
 * @throws never — one coder, no unit with two values or fewer than two categories give
 *   `value: null` and a `reason`. A single category *used* is fine: p_e = 0 and AC1 = p_a.
 * @example gwetAC(reliabilityData([['a', 'a'], ['b', 'b'], ['a', 'b']])).value // 0.333…
 */
export function gwetAC(data: ReliabilityData, options: ChanceOptions = {}): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  const q = data.categories.length;
  if (q < 2) return undefinedCoefficient('single-category');
  const t = gwetTerms(data, options);
  const factor = t.weightSum / (q * (q - 1));
  let s = 0;
  for (let k = 0; k < q; k++) s += t.pi[k]! * (1 - t.pi[k]!);
  const pe = factor * s;
  if (1 - pe < DEGENERATE_EPSILON) return undefinedCoefficient('no-variation');
  const ac = (t.pa - pe) / (1 - pe);
  const { m, start, cat, count } = t.counts;
  const unitChance = (i: number): number => {
    let u = 0;
    for (let e = start[i]!; e < start[i + 1]!; e++) u += count[e]! * (1 - t.pi[cat[e]!]!);
    return (factor * u) / m[i]!;
  };
  return definedCoefficient(ac, t.pa, pe, linearizedStandardError(t, ac, pe, unitChance));
}
