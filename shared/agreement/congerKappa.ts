import { gwetTerms, type ChanceOptions } from './gwetTerms.ts';
import { commonReason } from './preconditions.ts';
import { DEGENERATE_EPSILON, definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData } from './types.ts';

/**
 * Conger's κ (Conger 1980), the multi-coder generalisation of Cohen's κ, with missing values and
 * weights as in Gwet (2014, §2.4):
 *
 *   κ = (p_a − p_e) / (1 − p_e),
 *   p_e = Σ_k Σ_l w_kl (p̄_k p̄_l − s²_kl / r),
 *   p_gk = share of coder g's values in category k, p̄_k = (1/r) Σ_g p_gk,
 *   s²_kl = (1/(r − 1)) Σ_g (p_gk − p̄_k)(p_gl − p̄_l),
 *
 * over the r coders with at least one value. p_gk counts every unit coder g coded, including units
 * nobody else coded (Gwet 2014, §2.4; R irrCAC's `conger.kappa.raw`); p_a, over the units with two or
 * more values, as in `percentAgreement`.
 * With two coders and complete data it equals Cohen's κ; here it is reported for more than two.
 * No standard error is given (Gwet's 2014 linearisation for Conger's κ is not implemented).
 *
 * @throws never — fewer than three coders, no unit with two values, or p_e = 1 give `value: null`
 *   and a `reason`.
 * @example congerKappa(reliabilityData([['a', 'a', 'a'], ['b', 'b', 'a']])).value
 */
export function congerKappa(data: ReliabilityData, options: ChanceOptions = {}): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  if (data.coderCount < 3) return undefinedCoefficient('requires-more-than-two-coders');
  const t = gwetTerms(data, options);
  const { q, w } = t;
  const coders = data.coderCount;
  const tally = new Float64Array(coders * q);
  const rated = new Float64Array(coders);
  for (let i = 0; i < t.counts.rated; i++) {
    const base = t.counts.unit[i]! * coders;
    for (let g = 0; g < coders; g++) {
      const k = data.values[base + g]!;
      if (k < 0) continue;
      tally[g * q + k]!++;
      rated[g]!++;
    }
  }
  const active: number[] = [];
  for (let g = 0; g < coders; g++) if (rated[g]! > 0) active.push(g);
  const r = active.length;
  if (r < 3) return undefinedCoefficient('requires-more-than-two-coders');
  const p = new Float64Array(r * q);
  const mean = new Float64Array(q);
  active.forEach((g, a) => {
    for (let k = 0; k < q; k++) {
      p[a * q + k] = tally[g * q + k]! / rated[g]!;
      mean[k]! += p[a * q + k]! / r;
    }
  });
  let pe = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const wkl = w[k * q + l]!;
      if (wkl === 0) continue;
      let s2 = 0;
      for (let a = 0; a < r; a++) s2 += (p[a * q + k]! - mean[k]!) * (p[a * q + l]! - mean[l]!);
      s2 /= r - 1;
      pe += wkl * (mean[k]! * mean[l]! - s2 / r);
    }
  }
  if (1 - pe < DEGENERATE_EPSILON) return undefinedCoefficient('no-variation');
  return definedCoefficient((t.pa - pe) / (1 - pe), t.pa, pe, null);
}
