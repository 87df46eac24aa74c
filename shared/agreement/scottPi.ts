import { agreementWeights } from './agreementWeights.ts';
import { crossTable } from './crossTable.ts';
import { commonReason } from './preconditions.ts';
import { DEGENERATE_EPSILON, definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData, Weights } from './types.ts';

/**
 * Scott's π for exactly two coders (Scott 1955), weighted as in Gwet (2014, §3.3), over the units
 * both coders coded:
 *
 *   π = (p_a − p_e) / (1 − p_e),  p_e = Σ_kl w_kl π_k π_l,  π_k = (p_k· + p_·k) / 2.
 *
 * Standard error: Gwet (2014), as R irrCAC's scott2.table:
 *   v(π) = [Σ_kl p_kl (w_kl − (1 − π)(π̄_k + π̄_l))² − (p_a − 2(1 − π) p_e)²] / (n (1 − p_e)²),
 *   π̄_k = Σ_l w_kl π_l.
 *
 * @throws never — other than two coders, no unit coded by both, or p_e = 1 give `value: null` and a `reason`.
 * @example scottPi(reliabilityData([['a', 'a'], ['b', 'b'], ['a', 'b']])).value // 0.333…
 */
export function scottPi(data: ReliabilityData, weights: Weights | null = null): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  if (data.coderCount !== 2) return undefinedCoefficient('requires-two-coders');
  const q = data.categories.length;
  if (weights !== null && q < 2) return undefinedCoefficient('single-category');
  const { table, n } = crossTable(data, 0, 1);
  const w = agreementWeights(q, weights);
  const pi = new Float64Array(q);
  let pa = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const p = table[k * q + l]! / n;
      pi[k]! += p / 2;
      pi[l]! += p / 2;
      pa += w[k * q + l]! * p;
    }
  }
  const piW = new Float64Array(q);
  let pe = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) piW[k]! += w[k * q + l]! * pi[l]!;
    pe += pi[k]! * piW[k]!;
  }
  if (1 - pe < DEGENERATE_EPSILON) return undefinedCoefficient('no-variation');
  const value = (pa - pe) / (1 - pe);
  let s = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const p = table[k * q + l]! / n;
      if (p > 0) s += p * (w[k * q + l]! - (1 - value) * (piW[k]! + piW[l]!)) ** 2;
    }
  }
  const variance = (s - (pa - 2 * (1 - value) * pe) ** 2) / (n * (1 - pe) ** 2);
  return definedCoefficient(value, pa, pe, Math.sqrt(Math.max(0, variance)));
}
