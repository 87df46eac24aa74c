import { alphaBootstrap, type AlphaBootstrap } from './alphaBootstrap.ts';
import { brennanPrediger } from './brennanPrediger.ts';
import { coincidenceMatrix } from './coincidenceMatrix.ts';
import { cohenKappa } from './cohenKappa.ts';
import { congerKappa } from './congerKappa.ts';
import { fleissKappa } from './fleissKappa.ts';
import { gwetAC } from './gwetAC.ts';
import { krippendorffAlpha } from './krippendorffAlpha.ts';
import { pairwiseAgreement, type PairAgreement } from './pairwiseAgreement.ts';
import { percentAgreement } from './percentAgreement.ts';
import { perCategoryAgreement, type CategoryAgreement } from './perCategoryAgreement.ts';
import { reliabilityData, type CellValue } from './reliabilityData.ts';
import { scottPi } from './scottPi.ts';
import type { AgreementReason, Coefficient, Level, ReliabilityData, Weights } from './types.ts';
import { unitCounts } from './unitCounts.ts';

export interface AgreementOptions {
  /** Metric of Krippendorff's α. Default nominal. */
  readonly level?: Level;
  /** Weights of the κ family, AC2 and Brennan–Prediger; null or absent for unweighted. */
  readonly weights?: Weights | null;
  /** The codebook's categories in order (used when the input is rows, not `ReliabilityData`). */
  readonly categories?: readonly string[];
  /** Number of bootstrap samples for α's interval; 0 or absent for none. */
  readonly bootstrap?: number;
  /** Seed of the bootstrap. Default 1. */
  readonly seed?: number | string;
}

export interface AgreementReport {
  /**
   * Units with two or more values: the units agreement (p_a, α's D_o) is computed over. Units with
   * one value also enter the chance terms of the κ family and AC1/AC2 (docs/agreement.md).
   */
  readonly units: number;
  /** All units in the input, including those with fewer than two values. */
  readonly unitsTotal: number;
  readonly coders: number;
  /** Category labels in the order used (codebook order, else ascending). */
  readonly categories: readonly string[];
  readonly level: Level;
  readonly weights: Weights | null;
  /** Unweighted, Gwet (2014). */
  readonly percentAgreement: Coefficient;
  readonly cohenKappa: Coefficient;
  readonly scottPi: Coefficient;
  readonly fleissKappa: Coefficient;
  readonly congerKappa: Coefficient;
  /** AC1 when unweighted, AC2 when `weights` is given. */
  readonly gwetAC: Coefficient;
  readonly brennanPrediger: Coefficient;
  readonly krippendorffAlpha: Coefficient;
  readonly alphaBootstrap: AlphaBootstrap | { readonly reason: AgreementReason };
  readonly perCategory: readonly CategoryAgreement[];
  readonly pairwise: readonly PairAgreement[];
  /** Krippendorff's coincidence matrix, `coincidence[c][k]`, in the order of `categories`. */
  readonly coincidence: readonly (readonly number[])[];
}

/**
 * Every agreement figure for one variable: percent agreement, Cohen's κ, Scott's π, Fleiss' κ,
 * Conger's κ, Gwet's AC1/AC2, Brennan–Prediger, Krippendorff's α (with an optional seeded bootstrap
 * interval), per-category agreement, the pairwise coder matrix and the coincidence matrix.
 * Each coefficient documents its formula and source in its own file. A coefficient that does not
 * apply or is not defined for these data has `value: null` and a `reason` — never NaN.
 *
 * @param input rows of units, one value per coder (a label, or null for missing), or prebuilt data.
 * @throws {RangeError} when rows differ in length or a value is not among `options.categories`.
 * @example
 * agreementReport([['a', 'a'], ['b', 'b'], ['a', null]], { level: 'nominal' }).krippendorffAlpha.value // 1
 */
export function agreementReport(
  input: ReliabilityData | readonly (readonly CellValue[])[],
  options: AgreementOptions = {},
): AgreementReport {
  const data = isReliabilityData(input)
    ? input
    : reliabilityData(input, options.categories ? { categories: options.categories } : {});
  const level = options.level ?? 'nominal';
  const weights = options.weights ?? null;
  const chance = { weights } as const;
  const q = data.categories.length;
  const o = coincidenceMatrix(data);
  const samples = options.bootstrap ?? 0;
  return {
    units: unitCounts(data).pairable,
    unitsTotal: data.unitCount,
    coders: data.coderCount,
    categories: data.categories,
    level,
    weights,
    percentAgreement: percentAgreement(data),
    cohenKappa: cohenKappa(data, weights),
    scottPi: scottPi(data, weights),
    fleissKappa: fleissKappa(data, chance),
    congerKappa: congerKappa(data, chance),
    gwetAC: gwetAC(data, chance),
    brennanPrediger: brennanPrediger(data, chance),
    krippendorffAlpha: krippendorffAlpha(data, level),
    alphaBootstrap:
      samples > 0
        ? alphaBootstrap(data, level, { samples, seed: options.seed ?? 1 })
        : { reason: 'not-requested' },
    perCategory: perCategoryAgreement(data, o),
    pairwise: pairwiseAgreement(data, weights),
    coincidence: Array.from({ length: q }, (_, c) => Array.from(o.subarray(c * q, (c + 1) * q))),
  };
}

function isReliabilityData(input: unknown): input is ReliabilityData {
  return typeof input === 'object' && input !== null && 'values' in input && 'coderCount' in input;
}
