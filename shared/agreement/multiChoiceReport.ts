import { agreementReport, type AgreementOptions, type AgreementReport } from './agreementReport.ts';
import { setAlphas, type SetValue } from './setAlpha.ts';
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
  const binary: AgreementOptions = {
    level: 'nominal',
    categories: ['absent', 'present'],
    ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  };
  return {
    unitsTotal: rows.length,
    coders: rows[0]?.length ?? 0,
    categories,
    setAlpha: setAlphas(rows, options.masiWeights),
    perCategory: categories.map((category) => ({
      category,
      report: agreementReport(presence(rows, category), binary),
    })),
  };
}

/**
 * One category as a present/absent variable: the reliability data `reliabilityData` gives for
 * rows of 'absent' / 'present' / null with categories ['absent', 'present'], made directly.
 */
function presence(rows: readonly (readonly SetValue[])[], category: string): ReliabilityData {
  const unitCount = rows.length;
  const coderCount = rows[0]?.length ?? 0;
  const values = new Int32Array(unitCount * coderCount);
  const firstUnit = Int32Array.of(-1, -1);
  for (let u = 0; u < unitCount; u++) {
    const row = rows[u]!;
    if (row.length !== coderCount)
      throw new RangeError(`unit ${u + 1} has ${row.length} values, expected ${coderCount} (one per coder)`);
    for (let c = 0; c < coderCount; c++) {
      const set = row[c];
      const k = set === null || set === undefined ? -1 : set.includes(category) ? 1 : 0;
      values[u * coderCount + c] = k;
      if (k >= 0 && firstUnit[k] === -1) firstUnit[k] = u;
    }
  }
  return {
    unitCount,
    coderCount,
    values,
    categories: ['absent', 'present'],
    numeric: Float64Array.of(NaN, NaN),
    firstUnit,
    fromCodebook: true,
  };
}
