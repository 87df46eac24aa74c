import { coincidenceMatrix } from './coincidenceMatrix.ts';
import { commonReason } from './preconditions.ts';
import { definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData } from './types.ts';

export interface CategoryAgreement {
  readonly category: string;
  /** n_c: how often the category occurs among the pairable values. */
  readonly count: number;
  /**
   * Proportion of specific agreement: of the pairs with one value in c, the share with both in c,
   * o_cc / n_c (Uebersax 1982; Cicchetti & Feinstein 1990 for two coders). Null when n_c = 0.
   */
  readonly specificAgreement: number | null;
  /** Krippendorff's nominal α of the category as its own present/absent variable. */
  readonly alpha: Coefficient;
}

/**
 * Agreement on each category, from the coincidence matrix (Krippendorff 2011, §C):
 * specific agreement o_cc / n_c, and the binary α of "c" against "not c",
 *
 *   α_c = 1 − (n − 1)(n_c − o_cc) / (n_c (n − n_c)),
 *
 * which equals the nominal α of the data recoded present/absent (the coincidences collapse linearly).
 *
 * `coincidence`, when given, is `coincidenceMatrix(data)` the caller has already computed.
 *
 * @throws never — a category no one or everyone used gets `alpha.reason = 'no-variation'`.
 * @example perCategoryAgreement(reliabilityData([['a', 'a'], ['b', 'a']]))[0].specificAgreement // 2/3
 */
export function perCategoryAgreement(data: ReliabilityData, coincidence?: Float64Array): CategoryAgreement[] {
  const q = data.categories.length;
  const reason = commonReason(data);
  const o = reason ? new Float64Array(q * q) : (coincidence ?? coincidenceMatrix(data));
  const nc = new Float64Array(q);
  let n = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) nc[c]! += o[c * q + k]!;
    n += nc[c]!;
  }
  return data.categories.map((category, c) => {
    const count = nc[c]!;
    const occ = o[c * q + c]!;
    let alpha: Coefficient;
    if (reason) alpha = undefinedCoefficient(reason);
    else if (count === 0 || count === n) alpha = undefinedCoefficient('no-variation');
    else {
      const dO = (2 * (count - occ)) / n;
      const dE = (2 * count * (n - count)) / (n * (n - 1));
      alpha = definedCoefficient(1 - dO / dE, dO, dE);
    }
    return { category, count, specificAgreement: count > 0 ? occ / count : null, alpha };
  });
}
