import type { AlphaMinimum } from './alphaBootstrap.ts';

/** The levels of significance of the published table, with the one-tailed normal quantile z_p. */
const Z = {
  '0.1': 1.2815515655446004,
  '0.05': 1.6448536269514722,
  '0.01': 2.326347874040841,
  '0.005': 2.5758293035489004,
} as const;
export const SIGNIFICANCE_LEVELS = Object.keys(Z) as SignificanceLevel[];
export type SignificanceLevel = keyof typeof Z;

export interface RequiredSample {
  /** Pairable values the reliability data need (Krippendorff's N_c). */
  values: number;
  /** Units every coder codes, for `coders` coders: each unit gives one value per coder. */
  units: number;
}

/**
 * How large the reliability sample must be for α to be distinguished from `alphaMin` at the
 * level of significance `p`, when the least frequent category has probability `smallest`
 * (Bloch & Kraemer 1989, eq. 3.7, as Krippendorff tabulates it in *Content Analysis*, 4th ed.,
 * 2019, ch. 12, "Sampling Considerations"):
 *
 *   N_c = 2 z_p² [ (1 + α_min)(3 − α_min) / (4 (1 − α_min) p_c (1 − p_c)) − α_min ]
 *
 * N_c counts pairable *values*; with m coders each unit of the sample gives m of them, so the
 * sample needs ⌈N_c / m⌉ units coded by every coder (Krippendorff's adjustment for the number of
 * coders). Both are rounded up.
 *
 * @example requiredSample({ alphaMin: '0.800', p: '0.05', smallest: 0.25, coders: 2 }) // { values: 139, units: 70 }
 * @throws {RangeError} for p_c outside (0, 0.5] or fewer than two coders.
 */
export function requiredSample(input: {
  alphaMin: AlphaMinimum;
  p: SignificanceLevel;
  smallest: number;
  coders: number;
}): RequiredSample {
  const { smallest: pc, coders } = input;
  if (!(pc > 0 && pc <= 0.5)) throw new RangeError('the smallest category probability must be in (0, 0.5]');
  if (!Number.isInteger(coders) || coders < 2) throw new RangeError('at least two coders');
  const alpha = Number(input.alphaMin);
  const z = Z[input.p];
  const exact = 2 * z * z * (((1 + alpha) * (3 - alpha)) / (4 * (1 - alpha) * pc * (1 - pc)) - alpha);
  // Rounded to 9 decimals first, so that a product that is an integer in exact arithmetic is not
  // pushed up by a last-bit error.
  const values = Math.ceil(Number(exact.toFixed(9)));
  return { values, units: Math.ceil(values / coders) };
}

/** Fewer coded units than this and the observed shares are too uncertain to plan with. */
export const MIN_OBSERVED_UNITS = 30;

/**
 * p_c for planning: the probability of a variable's least frequent category. Single choice and
 * ordinal: the smallest share of the `categories` among the observed answers (a category not yet
 * seen counts as seen once), or 1/q with q categories equally likely while fewer than
 * `MIN_OBSERVED_UNITS` units are coded. Multiple choice is agreed category by category (present or
 * absent), so p_c is the rarer of "present" and "absent" of the rarest category, 1/q assumed
 * present without observations. Capped at .5, where the formula is least demanding.
 */
export function smallestCategoryShare(
  kind: 'single' | 'ordinal' | 'multi',
  categories: number,
  observed: { counts: readonly number[]; units: number } = { counts: [], units: 0 },
): { share: number; observed: boolean } {
  const fromData = observed.units >= MIN_OBSERVED_UNITS && observed.counts.length === categories;
  let share: number;
  if (!fromData) share = 1 / categories;
  else if (kind === 'multi')
    share = Math.min(
      ...observed.counts.map((count) => {
        const present = Math.min(Math.max(count, 1), observed.units - 1) / observed.units;
        return Math.min(present, 1 - present);
      }),
    );
  else {
    const total = observed.counts.reduce((sum, count) => sum + count, 0);
    share = Math.min(...observed.counts.map((count) => Math.max(count, 1) / total));
  }
  return { share: Math.min(share, 0.5), observed: fromData };
}
