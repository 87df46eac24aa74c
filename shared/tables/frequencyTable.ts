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

/** `count`: by count, descending (the study's tables); `codebook`: in `order`, zero counts included. */
export type TableSort = 'count' | 'codebook';

/**
 * Counts each value over cases, where a case holds zero or more values (a single-choice
 * variable one, a multiple-choice variable several — then it is the multiple-response table:
 * `shareOfResponses` is count / all responses and adds up to 1, `shareOfCases` is count / cases
 * with a value and adds up to more). Sorted by count, descending, ties by `order` (codebook
 * order) when given, else by key — the way the study ranks regions; or, with `sort: 'codebook'`,
 * every key of `order` in that order (counts of 0 included), then keys outside it.
 *
 * @example frequencyTable([['a'], ['a'], ['b'], []]).rows[0] // { key: 'a', count: 2, shareOfCases: 2/3, … }
 */
export function frequencyTable(
  cases: readonly (readonly string[])[],
  order: readonly string[] = [],
  sort: TableSort = 'count',
): FrequencyTable {
  const counts = new Map<string, number>();
  let valid = 0;
  let responses = 0;
  for (const values of cases) {
    if (values.length === 0) continue;
    valid += 1;
    // A single value needs no set (most cases have one).
    const distinct = values.length === 1 ? values : new Set(values);
    for (const value of distinct) {
      responses += 1;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const ranks = new Map(order.map((key, index) => [key, index]));
  const rank = (key: string) => ranks.get(key) ?? order.length;
  if (sort === 'codebook') for (const key of order) if (!counts.has(key)) counts.set(key, 0);
  const rows = [...counts]
    .map(([key, count]) => ({
      key,
      count,
      shareOfCases: valid === 0 ? 0 : count / valid,
      shareOfResponses: responses === 0 ? 0 : count / responses,
    }))
    .sort(
      (a, b) =>
        (sort === 'count' ? b.count - a.count : 0) || rank(a.key) - rank(b.key) || a.key.localeCompare(b.key),
    );
  return { rows, valid, missing: cases.length - valid, responses };
}
