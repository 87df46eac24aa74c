import { agreementWeights } from './agreementWeights.ts';
import { DEGENERATE_EPSILON, definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, Weights } from './types.ts';

/**
 * Cohen's κ (Cohen 1960), weighted κ_w (Cohen 1968), from a q × q table of two coders' values:
 *
 *   κ_w = (p_a − p_e) / (1 − p_e),  p_a = Σ_kl w_kl p_kl,  p_e = Σ_kl w_kl p_k· p_·l.
 *
 * Standard error: Fleiss, Cohen & Everitt (1969), the large-sample (non-null) variance
 *   v(κ_w) = [Σ_kl p_kl (w_kl − (w̄_k· + w̄_·l)(1 − κ_w))² − (κ_w − p_e(1 − κ_w))²] / (n (1 − p_e)²),
 *   w̄_k· = Σ_l p_·l w_kl,  w̄_·l = Σ_k p_k· w_kl   (as in R irrCAC's kappa2.table, Gwet 2014).
 *
 * @throws never — an empty table, weights with one category, or p_e = 1 give `value: null` and a `reason`.
 * @example cohenKappaFromTable(Float64Array.of(20, 5, 10, 15), 2, null).value // 0.4
 */
export function cohenKappaFromTable(table: Float64Array, q: number, weights: Weights | null): Coefficient {
  let n = 0;
  for (let i = 0; i < table.length; i++) n += table[i]!;
  if (n === 0) return undefinedCoefficient('no-pairable-units');
  if (weights !== null && q < 2) return undefinedCoefficient('single-category');
  const w = agreementWeights(q, weights);
  const row = new Float64Array(q);
  const col = new Float64Array(q);
  let pa = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const p = table[k * q + l]! / n;
      row[k]! += p;
      col[l]! += p;
      pa += w[k * q + l]! * p;
    }
  }
  const wRow = new Float64Array(q);
  const wCol = new Float64Array(q);
  let pe = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const wkl = w[k * q + l]!;
      pe += wkl * row[k]! * col[l]!;
      wRow[k]! += col[l]! * wkl;
      wCol[l]! += row[k]! * wkl;
    }
  }
  if (1 - pe < DEGENERATE_EPSILON) return undefinedCoefficient('no-variation');
  const kappa = (pa - pe) / (1 - pe);
  let s = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const p = table[k * q + l]! / n;
      if (p > 0) s += p * (w[k * q + l]! - (wRow[k]! + wCol[l]!) * (1 - kappa)) ** 2;
    }
  }
  const variance = (s - (kappa - pe * (1 - kappa)) ** 2) / (n * (1 - pe) ** 2);
  return definedCoefficient(kappa, pa, pe, Math.sqrt(Math.max(0, variance)));
}
