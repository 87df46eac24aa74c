/** One row of a frequency table. */
export interface FrequencyRow {
  key: string;
  count: number;
  /** count / cases with a value (single choice: the "valid %"; multiple choice: "% of cases"). */
  shareOfCases: number;
  /** count / all values given; equals shareOfCases for single choice. */
  shareOfResponses: number;
}

export interface FrequencyTable {
  rows: FrequencyRow[];
  /** Cases with at least one value. */
  valid: number;
  /** Cases with no value (not coded, or left empty). */
  missing: number;
  /** All values given; above `valid` when cases can have several. */
  responses: number;
}

/**
 * Counts each value over cases, where a case holds zero or more values (a single-choice
 * variable one, a multiple-choice variable several). Rows are sorted by count, descending,
 * ties by `order` (codebook order) when given, else by key — the way the study ranks regions.
 *
 * @example frequencyTable([['a'], ['a'], ['b'], []]).rows[0] // { key: 'a', count: 2, shareOfCases: 2/3, … }
 */
export function frequencyTable(
  cases: readonly (readonly string[])[],
  order: readonly string[] = [],
): FrequencyTable {
  const counts = new Map<string, number>();
  let valid = 0;
  let responses = 0;
  for (const values of cases) {
    const distinct = new Set(values);
    if (distinct.size > 0) valid += 1;
    responses += distinct.size;
    for (const value of distinct) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index < 0 ? order.length : index;
  };
  const rows = [...counts]
    .map(([key, count]) => ({
      key,
      count,
      shareOfCases: valid === 0 ? 0 : count / valid,
      shareOfResponses: responses === 0 ? 0 : count / responses,
    }))
    .sort((a, b) => b.count - a.count || rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  return { rows, valid, missing: cases.length - valid, responses };
}
