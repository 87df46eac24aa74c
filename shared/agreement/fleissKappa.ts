import { gwetTerms, linearizedStandardError, type ChanceOptions } from './gwetTerms.ts';
import { commonReason } from './preconditions.ts';
import { DEGENERATE_EPSILON, definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData } from './types.ts';

/**
 * Fleiss' κ for any number of coders (Fleiss 1971), in Gwet's (2014, §2.4) generalisation to
 * missing values and weights:
 *
 *   κ = (p_a − p_e) / (1 − p_e),  p_e = Σ_k Σ_l w_kl π_k π_l,  π_k = (1/n) Σ_i r_ik / r_i,
 *
 * with p_a as in `percentAgreement` (weighted by w_kl when weights are given) over the n′ units with
 * two or more values, and π_k over the n units with at least one value (`gwetTerms`; R irrCAC's
 * `fleiss.kappa.raw`). With complete data and no weights this is Fleiss' (1971) κ; with two coders
 * and complete data it is Scott's π.
 * Standard error: Gwet's (2014, §5.3) linearisation over the n units (`linearizedStandardError`).
 *
 * @throws never — one coder, no unit with two values, or p_e = 1 (a single category used: no
 *   variation) give `value: null` and a `reason`.
 * @example fleissKappa(reliabilityData([['a', 'a'], ['b', 'b'], ['a', 'b']])).value // 0.333…
 */
export function fleissKappa(data: ReliabilityData, options: ChanceOptions = {}): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  const t = gwetTerms(data, options);
  const { q, w, pi } = t;
  const piW = new Float64Array(q);
  let pe = 0;
  for (let k = 0; k < q; k++) {
    let s = 0;
    for (let l = 0; l < q; l++) s += w[k * q + l]! * pi[l]!;
    piW[k] = s;
    pe += pi[k]! * s;
  }
  if (1 - pe < DEGENERATE_EPSILON) return undefinedCoefficient('no-variation');
  const kappa = (t.pa - pe) / (1 - pe);
  const { m, start, cat, count } = t.counts;
  const unitChance = (i: number): number => {
    let s = 0;
    for (let e = start[i]!; e < start[i + 1]!; e++) s += count[e]! * piW[cat[e]!]!;
    return s / m[i]!;
  };
  return definedCoefficient(kappa, t.pa, pe, linearizedStandardError(t, kappa, pe, unitChance));
}
