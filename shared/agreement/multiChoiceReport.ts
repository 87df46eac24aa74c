import { agreementReport, type AgreementOptions, type AgreementReport } from './agreementReport.ts';
import { setAlpha, type SetValue } from './setAlpha.ts';
import type { MasiWeights } from './setDistance.ts';
import type { Coefficient } from './types.ts';

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
    setAlpha: {
      masi: setAlpha(rows, { distance: 'masi', masiWeights: options.masiWeights ?? 'passonneau' }),
      jaccard: setAlpha(rows, { distance: 'jaccard' }),
    },
    perCategory: categories.map((category) => ({
      category,
      report: agreementReport(
        rows.map((row) =>
          row.map((set) => (set === null ? null : set.includes(category) ? 'present' : 'absent')),
        ),
        binary,
      ),
    })),
  };
}
