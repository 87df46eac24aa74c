/** Stevens' level of measurement, which picks Krippendorff's α metric (Krippendorff 2011, §E). */
export const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type Level = (typeof LEVELS)[number];

/** Agreement weights for the κ family and AC2, derived from category order (Cohen 1968; Gwet 2014, ch. 3). */
export const WEIGHTS = ['linear', 'quadratic'] as const;
export type Weights = (typeof WEIGHTS)[number];

/**
 * Reliability data for one variable: a units × coders matrix of category indices, built once
 * (see `reliabilityData`) so every coefficient reads the same typed array.
 */
export interface ReliabilityData {
  readonly unitCount: number;
  readonly coderCount: number;
  /** Unit-major: `values[unit * coderCount + coder]` is a category index, or -1 for a missing value. */
  readonly values: Int32Array;
  /** Category labels in order: the codebook's order where given, else ascending (numeric if all numeric). */
  readonly categories: readonly string[];
  /** Numeric value of each category (NaN where the label is not a number). */
  readonly numeric: Float64Array;
  /** Index of the first unit in which each category occurs (-1 if never), for error messages. */
  readonly firstUnit: Int32Array;
  /** Whether `categories` came from a codebook (then its length is the number of categories q). */
  readonly fromCodebook: boolean;
}

/**
 * Why a coefficient has no value. Codes, not sentences, so the UI can translate them;
 * `REASON_TEXT` gives the English sentence the command line prints.
 */
export type AgreementReason =
  | 'no-pairable-units'
  | 'single-coder'
  | 'requires-two-coders'
  | 'requires-more-than-two-coders'
  | 'single-category'
  | 'no-variation'
  | 'not-numeric'
  | 'negative-values'
  | 'not-requested';

/**
 * One coefficient's result. Exactly one of `value` and `reason` is null.
 * `observed` / `expected` are the observed and chance *agreement* (p_a, p_e) for the κ family,
 * AC1/AC2 and Brennan–Prediger, and the observed and expected *disagreement* (D_o, D_e) for α.
 */
export interface Coefficient {
  readonly value: number | null;
  readonly reason: AgreementReason | null;
  /** Large-sample standard error where a closed form is implemented, else null. */
  readonly standardError: number | null;
  readonly observed: number | null;
  readonly expected: number | null;
}
