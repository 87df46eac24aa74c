import { cohenKappaFromTable } from './cohenKappaFromTable.ts';
import { crossTable } from './crossTable.ts';
import { commonReason } from './preconditions.ts';
import { undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData, Weights } from './types.ts';

/**
 * Cohen's κ for exactly two coders (Cohen 1960), or weighted κ_w with linear or quadratic weights
 * from category order (Cohen 1968), over the units both coders coded:
 *
 *   κ = (p_a − p_e) / (1 − p_e),  p_a = Σ w_kl p_kl,  p_e = Σ w_kl p_k· p_·l.
 *
 * Missing values: units one coder left empty are dropped (listwise). Standard error: Fleiss,
 * Cohen & Everitt (1969); see `cohenKappaFromTable`.
 *
 * @throws never — other than two coders, no unit coded by both, or p_e = 1 (both coders used one
 *   and the same category: no variation) give `value: null` and a `reason`.
 * @example cohenKappa(reliabilityData([['a', 'a'], ['b', 'b'], ['a', 'b']])).value // 0.4
 */
export function cohenKappa(data: ReliabilityData, weights: Weights | null = null): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  if (data.coderCount !== 2) return undefinedCoefficient('requires-two-coders');
  return cohenKappaFromTable(crossTable(data, 0, 1).table, data.categories.length, weights);
}
