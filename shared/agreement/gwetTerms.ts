import { agreementWeights } from './agreementWeights.ts';
import type { ReliabilityData, Weights } from './types.ts';
import { unitCounts, type UnitCounts } from './unitCounts.ts';

/** Options shared by the chance-corrected coefficients of Gwet's (2014) framework. */
export interface ChanceOptions {
  /** Agreement weights from category order; null or absent for unweighted (identity) weights. */
  readonly weights?: Weights | null;
  /**
   * Units with a single value carry no agreement but do carry information on how categories are
   * used. `'exclude'` (default) computes every term over the units with two or more values;
   * `'include'` lets them enter the category proportions π_k, as Gwet (2014, §2.4) and R irrCAC do.
   */
  readonly singleValueUnits?: 'exclude' | 'include';
}

/**
 * The observed-agreement terms shared by percent agreement, Fleiss' κ, Conger's κ, AC1/AC2 and
 * Brennan–Prediger (Gwet 2014, §2.4, "Fleiss' kappa generalised to missing ratings"):
 *
 *   p_a|i = Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)),  r*_ik = Σ_l w_kl r_il,  over units with r_i ≥ 2;
 *   p_a   = (1/n′) Σ_i p_a|i;
 *   π_k   = (1/n) Σ_i r_ik / r_i  over the n units that enter the chance term.
 */
export interface GwetTerms {
  readonly counts: UnitCounts;
  /** Number of categories q. */
  readonly q: number;
  /** q × q agreement weights (identity when unweighted). */
  readonly w: Float64Array;
  /** Sum of all weights, T_w. */
  readonly weightSum: number;
  /** Rated-unit indices (into `counts`) of the n units in the chance term. */
  readonly units: Int32Array;
  /** p_a|i for each of `units` (0 for a unit with one value). */
  readonly unitAgreement: Float64Array;
  /** n′: units with two or more values. */
  readonly pairable: number;
  readonly pa: number;
  readonly pi: Float64Array;
}

/**
 * Computes `GwetTerms` (see there for the formulas; Gwet 2014).
 *
 * @throws {RangeError} when no unit has two values (callers check `unitCounts(data).pairable` first).
 * @example gwetTerms(reliabilityData([['a', 'a'], ['a', 'b']])).pa // 0.5
 */
export function gwetTerms(data: ReliabilityData, options: ChanceOptions = {}): GwetTerms {
  const counts = unitCounts(data);
  if (counts.pairable === 0) throw new RangeError('no unit has two or more values');
  const q = data.categories.length;
  const weighted = options.weights ?? null;
  const w = agreementWeights(q, q < 2 ? null : weighted);
  let weightSum = 0;
  for (let i = 0; i < w.length; i++) weightSum += w[i]!;
  const include = options.singleValueUnits === 'include';
  const n = include ? counts.rated : counts.pairable;
  const units = new Int32Array(n);
  const unitAgreement = new Float64Array(n);
  const pi = new Float64Array(q);
  const { m, start, cat, count } = counts;
  let j = 0;
  let paSum = 0;
  for (let i = 0; i < counts.rated; i++) {
    const r = m[i]!;
    if (r < 2 && !include) continue;
    units[j] = i;
    const from = start[i]!;
    const to = start[i + 1]!;
    for (let e = from; e < to; e++) pi[cat[e]!]! += count[e]! / r;
    if (r >= 2) {
      let s = 0;
      for (let e = from; e < to; e++) {
        const k = cat[e]!;
        let rStar = 0;
        if (weighted === null) rStar = count[e]!;
        else for (let f = from; f < to; f++) rStar += w[k * q + cat[f]!]! * count[f]!;
        s += count[e]! * (rStar - 1);
      }
      const pai = s / (r * (r - 1));
      unitAgreement[j] = pai;
      paSum += pai;
    }
    j++;
  }
  for (let k = 0; k < q; k++) pi[k]! /= n;
  return {
    counts,
    q,
    w,
    weightSum,
    units,
    unitAgreement,
    pairable: counts.pairable,
    pa: paSum / counts.pairable,
    pi,
  };
}

/**
 * Gwet's (2014, §5.3; 2008) linearisation variance of a coefficient γ = (p_a − p_e)/(1 − p_e):
 *
 *   γ_i  = (n/n′)(p_a|i − p_e·[r_i ≥ 2]) / (1 − p_e),
 *   γ*_i = γ_i − 2(1 − γ)(p_e|i − p_e)/(1 − p_e),
 *   v(γ) = Σ_i (γ*_i − γ)² / (n(n − 1))     (no finite-population correction).
 *
 * Returns the standard error √v, or null when n < 2.
 */
export function linearizedStandardError(
  terms: GwetTerms,
  coefficient: number,
  pe: number,
  unitChance: ((unit: number) => number) | null,
): number | null {
  const n = terms.units.length;
  if (n < 2) return null;
  const { m } = terms.counts;
  const scale = n / terms.pairable;
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const paired = m[terms.units[j]!]! >= 2;
    let g = (scale * (terms.unitAgreement[j]! - (paired ? pe : 0))) / (1 - pe);
    if (unitChance) g -= (2 * (1 - coefficient) * (unitChance(terms.units[j]!) - pe)) / (1 - pe);
    ss += (g - coefficient) ** 2;
  }
  return Math.sqrt(ss / (n * (n - 1)));
}
