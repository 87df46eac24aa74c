import type { AgreementReason, ReliabilityData } from './types.ts';
import { unitCounts } from './unitCounts.ts';

/**
 * The degenerate cases common to every coefficient: a single coder, or no unit with two values.
 * Returns the reason, or null when the data can be analysed.
 */
export function commonReason(data: ReliabilityData): AgreementReason | null {
  if (data.coderCount < 2) return 'single-coder';
  if (unitCounts(data).pairable === 0) return 'no-pairable-units';
  return null;
}
