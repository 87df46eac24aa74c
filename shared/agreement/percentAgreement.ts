import { gwetTerms, linearizedStandardError } from './gwetTerms.ts';
import { commonReason } from './preconditions.ts';
import { definedCoefficient, undefinedCoefficient } from './reasons.ts';
import type { Coefficient, ReliabilityData } from './types.ts';

/**
 * Percent agreement: for each unit, the share of agreeing pairs among its pairs of values,
 * averaged over the n′ units with two or more values (Gwet 2014, §2.4, eq. 2.9):
 *
 *   p_a = (1/n′) Σ_i Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1)).
 *
 * Missing values: a unit counts with the values it has; units with fewer than two values do not
 * count in p_a. Standard error: Gwet (2014, §5.3) as R irrCAC's `pa.coeff.raw`, over the n units
 * with at least one value: v(p_a) = Σ_i ((n/n′) p_a|i − p_a)² / (n(n − 1)), p_a|i = 0 when r_i = 1.
 *
 * @throws never — degenerate data (one coder, no unit with two values) gives `value: null` and a `reason`.
 * @example percentAgreement(reliabilityData([['a', 'a', 'b']])).value // 1/3
 */
export function percentAgreement(data: ReliabilityData): Coefficient {
  const reason = commonReason(data);
  if (reason) return undefinedCoefficient(reason);
  const terms = gwetTerms(data);
  return definedCoefficient(terms.pa, terms.pa, 0, linearizedStandardError(terms, terms.pa, 0, null));
}
