import type { AgreementReason, Coefficient } from './types.ts';

/** English text of each reason, for the command line and as the source for UI translations. */
export const REASON_TEXT: Readonly<Record<AgreementReason, string>> = {
  'no-pairable-units': 'no unit was coded by two or more coders',
  'single-coder': 'only one coder',
  'requires-two-coders': 'defined for exactly two coders',
  'requires-more-than-two-coders': 'defined for more than two coders',
  'single-category': 'fewer than two categories',
  'no-variation': 'no variation: every value falls in one category, so chance agreement is total',
  'not-numeric': 'the level needs numeric values',
  'negative-values': 'the ratio level needs values that are not negative',
  'not-requested': 'not requested',
};

/** A coefficient that is not defined, with its reason. */
export function undefinedCoefficient(reason: AgreementReason): Coefficient {
  return { value: null, reason, standardError: null, observed: null, expected: null };
}

/** A defined coefficient. */
export function definedCoefficient(
  value: number,
  observed: number,
  expected: number,
  standardError: number | null = null,
): Coefficient {
  return { value, reason: null, standardError, observed, expected };
}

/** Chance agreement this close to 1 (or expected disagreement this close to 0) counts as no variation. */
export const DEGENERATE_EPSILON = 1e-12;
