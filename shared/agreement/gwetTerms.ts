import { agreementWeights } from './agreementWeights.ts';
import type { ReliabilityData, Weights } from './types.ts';
import { unitCounts, type UnitCounts } from './unitCounts.ts';

/** Options shared by the chance-corrected coefficients of Gwet's (2014) framework. */
export interface ChanceOptions {
  /** Agreement weights from category order; null or absent for unweighted (identity) weights. */
  readonly weights?: Weights | null;
}

/**
 * The terms shared by percent agreement, Fleiss' κ, Conger's κ, AC1/AC2 and Brennan–Prediger,
 * with missing ratings as Gwet (2014, §2.4, "Fleiss' kappa generalised to missing ratings") defines
 * them and R irrCAC (`*.raw` functions) computes them:
 *
 *   p_a|i = Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)),  r*_ik = Σ_l w_kl r_il,  for units with r_i ≥ 2;
 *   p_a   = (1/n′) Σ_{i: r_i ≥ 2} p_a|i                 (n′ units with two or more values);
 *   π_k   = (1/n) Σ_i r_ik / r_i                         (all n units with at least one value).
 *
 * A unit with a single value carries no agreement, but it does show how the categories are used,
 * so it enters π_k (and the standard error, through n) but not p_a.
 */
export interface GwetTerms {
  /** The n rated units (r_i ≥ 1), indexed 0 … n − 1 here and in every array below. */
  readonly counts: UnitCounts;
  /** Number of categories q. */
  readonly q: number;
  /** q × q agreement weights (identity when unweighted). */
  readonly w: Float64Array;
  /** Sum of all weights, T_w. */
  readonly weightSum: number;
  /** p_a|i of each rated unit (0 for a unit with one value). */
  readonly unitAgreement: Float64Array;
  /** n′: units with two or more values. */
  readonly pairable: number;
  readonly pa: number;
  readonly pi: Float64Array;
}

/**
 * Computes `GwetTerms` (see there for the formulas; Gwet 2014), once per data set and weights.
 *
 * @throws {RangeError} when no unit has two values (callers check `unitCounts(data).pairable` first).
 * @example gwetTerms(reliabilityData([['a', 'a'], ['a', 'b']])).pa // 0.5
 */
export function gwetTerms(data: ReliabilityData, options: ChanceOptions = {}): GwetTerms {
  const weighted = options.weights ?? null;
  let byWeights = cache.get(data);
  if (!byWeights) cache.set(data, (byWeights = new Map()));
  let terms = byWeights.get(weighted);
  if (!terms) byWeights.set(weighted, (terms = computeTerms(data, weighted)));
  return terms;
}

/** The terms of a data set, per weights: five coefficients of a report read the same ones. */
const cache = new WeakMap<ReliabilityData, Map<Weights | null, GwetTerms>>();

function computeTerms(data: ReliabilityData, weighted: Weights | null): GwetTerms {
  const counts = unitCounts(data);
  if (counts.pairable === 0) throw new RangeError('no unit has two or more values');
  const q = data.categories.length;
  const w = agreementWeights(q, q < 2 ? null : weighted);
  let weightSum = 0;
  for (let i = 0; i < w.length; i++) weightSum += w[i]!;
  const n = counts.rated;
  const unitAgreement = new Float64Array(n);
  const pi = new Float64Array(q);
  const { m, start, cat, count } = counts;
  let paSum = 0;
  for (let i = 0; i < n; i++) {
    const r = m[i]!;
    const from = start[i]!;
    const to = start[i + 1]!;
    for (let e = from; e < to; e++) pi[cat[e]!]! += count[e]! / r;
    if (r < 2) continue;
    let s = 0;
    for (let e = from; e < to; e++) {
      const k = cat[e]!;
      let rStar = 0;
      if (weighted === null) rStar = count[e]!;
      else for (let f = from; f < to; f++) rStar += w[k * q + cat[f]!]! * count[f]!;
      s += count[e]! * (rStar - 1);
    }
    const pai = s / (r * (r - 1));
    unitAgreement[i] = pai;
    paSum += pai;
  }
  for (let k = 0; k < q; k++) pi[k]! /= n;
  return {
    counts,
    q,
    w,
    weightSum,
    unitAgreement,
    pairable: counts.pairable,
    pa: paSum / counts.pairable,
    pi,
  };
}

/**
 * Gwet's (2014, §5.3; 2008) linearisation variance of a coefficient γ = (p_a − p_e)/(1 − p_e),
 * over the n units with at least one value, as R irrCAC's `*.raw` functions compute it:
 *
 *   γ_i  = (n/n′)(p_a|i − p_e·[r_i ≥ 2]) / (1 − p_e),
 *   γ*_i = γ_i − 2(1 − γ)(p_e|i − p_e)/(1 − p_e),
 *   v(γ) = Σ_i (γ*_i − γ)² / (n(n − 1))     (no finite-population correction).
 *
 * A unit with one value has p_a|i = 0 and γ_i = 0 but still enters the sum (and n).
 * Returns the standard error √v, or null when n < 2.
 */
export function linearizedStandardError(
  terms: GwetTerms,
  coefficient: number,
  pe: number,
  unitChance: ((unit: number) => number) | null,
): number | null {
  const n = terms.counts.rated;
  if (n < 2) return null;
  const { m } = terms.counts;
  const scale = n / terms.pairable;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const paired = m[i]! >= 2;
    let g = (scale * (terms.unitAgreement[i]! - (paired ? pe : 0))) / (1 - pe);
    if (unitChance) g -= (2 * (1 - coefficient) * (unitChance(i) - pe)) / (1 - pe);
    ss += (g - coefficient) ** 2;
  }
  return Math.sqrt(ss / (n * (n - 1)));
}
