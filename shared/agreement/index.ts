/**
 * The agreement engine: pure TypeScript shared by the desktop app, the `kodtau` command and the tests.
 * Start with `agreementReport` (single-choice and ordinal variables) or `multiChoiceReport`.
 */
export * from './types.ts';
export { REASON_TEXT } from './reasons.ts';
export {
  indexedReliabilityData,
  reliabilityData,
  type CellValue,
  type ReliabilityDataOptions,
} from './reliabilityData.ts';
export { parseNumber } from './parseNumber.ts';
export { unitCounts, type UnitCounts } from './unitCounts.ts';
export { agreementWeights } from './agreementWeights.ts';
export type { ChanceOptions } from './gwetTerms.ts';
export { percentAgreement } from './percentAgreement.ts';
export { cohenKappa } from './cohenKappa.ts';
export { cohenKappaFromTable } from './cohenKappaFromTable.ts';
export { crossTable } from './crossTable.ts';
export { scottPi } from './scottPi.ts';
export { fleissKappa } from './fleissKappa.ts';
export { congerKappa } from './congerKappa.ts';
export { gwetAC } from './gwetAC.ts';
export { brennanPrediger } from './brennanPrediger.ts';
export { krippendorffAlpha } from './krippendorffAlpha.ts';
export { alphaFromDistance } from './alphaFromDistance.ts';
export { alphaDistance, type Distance } from './alphaDistance.ts';
export {
  alphaBootstrap,
  alphaBootstrapSteps,
  ALPHA_MINIMA,
  type AlphaBootstrap,
  type AlphaBootstrapOptions,
  type AlphaMinimum,
} from './alphaBootstrap.ts';
export {
  isAlphaMinimum,
  MAX_Q,
  reliabilityDecision,
  type ReliabilityDecision,
  type Verdict,
} from './reliabilityVerdict.ts';
export {
  MIN_OBSERVED_UNITS,
  requiredSample,
  SIGNIFICANCE_LEVELS,
  smallestCategoryShare,
  type RequiredSample,
  type SignificanceLevel,
} from './sampleSize.ts';
export { coincidenceMatrix } from './coincidenceMatrix.ts';
export { perCategoryAgreement, type CategoryAgreement } from './perCategoryAgreement.ts';
export { pairwiseAgreement, type PairAgreement } from './pairwiseAgreement.ts';
export { masiDistance, jaccardDistance, type MasiWeights } from './setDistance.ts';
export {
  indexedSetAlphas,
  indexedSets,
  setAlpha,
  type IndexedSets,
  type SetValue,
  type SetAlphaOptions,
} from './setAlpha.ts';
export {
  indexedMultiChoiceReport,
  multiChoiceReport,
  type MultiChoiceOptions,
  type MultiChoiceReport,
} from './multiChoiceReport.ts';
export { agreementReport, type AgreementOptions, type AgreementReport } from './agreementReport.ts';
export { seededRandom } from './seededRandom.ts';
export { quantile } from './quantile.ts';
