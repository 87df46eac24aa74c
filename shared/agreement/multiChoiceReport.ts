import { agreementReport, type AgreementOptions, type AgreementReport } from './agreementReport.ts';
import { indexedReliabilityData } from './reliabilityData.ts';
import { indexedSetAlphas, indexedSets, type IndexedSets, type SetValue } from './setAlpha.ts';
import type { MasiWeights } from './setDistance.ts';
import type { Coefficient, ReliabilityData } from './types.ts';

export interface MultiChoiceOptions {
  /** The codebook's categories in order; else those observed, sorted. */
  readonly categories?: readonly string[];
  readonly masiWeights?: MasiWeights;
  readonly bootstrap?: number;
  readonly seed?: number | string;
}

export interface MultiChoiceReport {
  readonly unitsTotal: number;
  readonly coders: number;
  readonly categories: readonly string[];
  /** Set-level α with MASI and with Jaccard distance. */
  readonly setAlpha: { readonly masi: Coefficient; readonly jaccard: Coefficient };
  /** Each category as its own present/absent variable (categories `absent`, `present`), nominal. */
  readonly perCategory: readonly { readonly category: string; readonly report: AgreementReport }[];
}

/**
 * Agreement on a multiple-choice variable: each category as a present/absent variable with every
 * coefficient of `agreementReport`, and the set-level α with MASI and Jaccard distances (`setAlpha`).
 * A coder's empty set means "none of the categories" (each is absent); null means missing.
 *
 * @throws {RangeError} when rows differ in length or a value is not among `options.categories`.
 * @example multiChoiceReport([[['a'], ['a', 'b']]]).perCategory[1].report.percentAgreement.value // 0
 */
export function multiChoiceReport(
  rows: readonly (readonly SetValue[])[],
  options: MultiChoiceOptions = {},
): MultiChoiceReport {
  const observed = new Set<string>();
  for (const row of rows) for (const set of row) if (set) for (const c of set) observed.add(c);
  if (options.categories) {
    const known = new Set(options.categories);
    for (const c of observed)
      if (!known.has(c)) throw new RangeError(`value "${c}" is not a codebook category`);
  }
  const categories = options.categories ? [...options.categories] : [...observed].sort();
  return indexedMultiChoiceReport(indexedSets(rows), { ...options, categories });
}

/**
 * `multiChoiceReport` of sets laid out by `indexedSets` (or built directly in that layout), with
 * the categories given: every value of a set must be among them.
 */
export function indexedMultiChoiceReport(
  sets: IndexedSets,
  options: MultiChoiceOptions & { readonly categories: readonly string[] },
): MultiChoiceReport {
  const binary: AgreementOptions = {
    level: 'nominal',
    categories: ['absent', 'present'],
    ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  };
  return {
    unitsTotal: sets.unitCount,
    coders: sets.coderCount,
    categories: [...options.categories],
    setAlpha: indexedSetAlphas(sets, options.masiWeights),
    perCategory: options.categories.map((category) => ({
      category,
      report: agreementReport(presence(sets, category), binary),
    })),
  };
}

/**
 * One category as a present/absent variable: the reliability data `reliabilityData` gives for
 * rows of 'absent' / 'present' / null with categories ['absent', 'present'], made directly.
 */
function presence({ unitCount, coderCount, cells, sets }: IndexedSets, category: string): ReliabilityData {
  const present = Int32Array.from(sets, (set) => (set.includes(category) ? 1 : 0));
  const values = cells.map((cell) => (cell < 0 ? -1 : present[cell]!));
  return indexedReliabilityData(values, unitCount, coderCount, ['absent', 'present'], true);
}
