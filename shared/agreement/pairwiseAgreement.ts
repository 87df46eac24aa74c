import { cohenKappaFromTable } from './cohenKappaFromTable.ts';
import { crossTable } from './crossTable.ts';
import { undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData, Weights } from './types.ts';

export interface PairAgreement {
  /** Coder indices, a < b. */
  readonly a: number;
  readonly b: number;
  /** Units both coders coded. */
  readonly units: number;
  /** Share of those units on which they agree; null when they share no unit. */
  readonly percentAgreement: number | null;
  /** Cohen's κ (weighted when `weights` is given) of the pair. */
  readonly kappa: Coefficient;
}

/**
 * The pairwise coder matrix: for every pair of coders, over the units both coded, the percent
 * agreement Σ_k p_kk and Cohen's (1960, 1968) κ; see `cohenKappaFromTable`. Shows which coder
 * drifts from the others (Krippendorff 2004, §11.4 suggests such a check before retraining).
 *
 * @throws never — a pair with no common unit gets `percentAgreement: null` and a κ `reason`.
 * @example pairwiseAgreement(reliabilityData([['a', 'a', 'b']]))[0].percentAgreement // 1
 */
export function pairwiseAgreement(data: ReliabilityData, weights: Weights | null = null): PairAgreement[] {
  const q = data.categories.length;
  const pairs: PairAgreement[] = [];
  for (let a = 0; a < data.coderCount; a++) {
    for (let b = a + 1; b < data.coderCount; b++) {
      const { table, n } = crossTable(data, a, b);
      let agree = 0;
      for (let k = 0; k < q; k++) agree += table[k * q + k]!;
      pairs.push({
        a,
        b,
        units: n,
        percentAgreement: n > 0 ? agree / n : null,
        kappa: n > 0 ? cohenKappaFromTable(table, q, weights) : undefinedCoefficient('no-pairable-units'),
      });
    }
  }
  return pairs;
}
