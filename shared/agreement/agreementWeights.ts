import type { Weights } from './types.ts';

/**
 * The q × q agreement-weight matrix (row-major) from category order:
 * identity w_kl = [k = l]; linear w_kl = 1 − |k − l| / (q − 1); quadratic w_kl = 1 − (k − l)² / (q − 1)²
 * (Cohen 1968; Gwet 2014, §3.2 — with ranks, not numeric values, as the category scores).
 *
 * @throws {RangeError} for linear or quadratic weights with fewer than two categories.
 * @example agreementWeights(3, 'linear') // Float64Array [1, .5, 0, .5, 1, .5, 0, .5, 1]
 */
export function agreementWeights(q: number, weights: Weights | null): Float64Array {
  const w = new Float64Array(q * q);
  if (weights !== null && q < 2) throw new RangeError('weights need at least two categories');
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const d = Math.abs(k - l) / (q - 1 || 1);
      w[k * q + l] = weights === null ? (k === l ? 1 : 0) : weights === 'linear' ? 1 - d : 1 - d * d;
    }
  }
  return w;
}
