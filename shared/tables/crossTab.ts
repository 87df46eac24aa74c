import { chiSquareUpperTail } from './chiSquare.ts';
import type { TableSort } from './frequencyTable.ts';

export interface CrossTab {
  /** Keys of the rows and columns, in display order. */
  rowKeys: string[];
  colKeys: string[];
  /** counts[r][c]: cases with row value r and column value c. */
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  /** Cases counted (a value on both sides). */
  total: number;
  /** Cases without a value on one side or both. */
  missing: number;
  /** Pearson's χ² test of independence; null when it does not apply (see `chiSquareReason`). */
  chiSquare: { statistic: number; df: number; p: number } | null;
  chiSquareReason: 'multipleResponse' | 'singleRowOrColumn' | null;
  /** Cramér's V = √(χ² / (n · (min(r, c) − 1))); null with χ². */
  cramersV: number | null;
  /** Cells whose expected count (row total · column total / n) is below 5, and how many cells. */
  lowExpected: { cells: number; of: number };
}

/**
 * Cross-tabulation of two variables over the same cases (`rows[i]` and `cols[i]` are case i's
 * values), with Pearson's χ² = Σ (O − E)² / E, E = row total · column total / n, on
 * (r − 1)(c − 1) degrees of freedom, its p-value, and Cramér's V (Cramér 1946, §21.9; Agresti
 * 2013, Categorical Data Analysis, §2.4). A case with several values on a side (multiple
 * choice) is counted in each of its pairs; the χ² test then does not apply, because the
 * counts are no longer independent cases, and it is withheld. Rows and columns with no case
 * are dropped from the test (codebook order may show them with zeros).
 *
 * @example crossTab([['a'], ['b']], [['x'], ['y']]).counts // [[1, 0], [0, 1]]
 */
export function crossTab(
  rows: readonly (readonly string[])[],
  cols: readonly (readonly string[])[],
  rowOrder: readonly string[] = [],
  colOrder: readonly string[] = [],
  sort: TableSort = 'count',
): CrossTab {
  const cells = new Map<string, Map<string, number>>();
  const rowCount = new Map<string, number>();
  const colCount = new Map<string, number>();
  let total = 0;
  let missing = 0;
  let multiple = false;
  const n = Math.min(rows.length, cols.length);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const c = cols[i]!;
    if (r.length === 0 || c.length === 0) {
      missing++;
      continue;
    }
    if (r.length > 1 || c.length > 1) multiple = true;
    total++;
    for (const rk of r) {
      let line = cells.get(rk);
      if (!line) cells.set(rk, (line = new Map()));
      for (const ck of c) {
        line.set(ck, (line.get(ck) ?? 0) + 1);
        rowCount.set(rk, (rowCount.get(rk) ?? 0) + 1);
        colCount.set(ck, (colCount.get(ck) ?? 0) + 1);
      }
    }
  }
  missing += Math.abs(rows.length - cols.length);
  const rowKeys = orderKeys(rowCount, rowOrder, sort);
  const colKeys = orderKeys(colCount, colOrder, sort);
  const counts = rowKeys.map((rk) => colKeys.map((ck) => cells.get(rk)?.get(ck) ?? 0));
  const rowTotals = rowKeys.map((rk) => rowCount.get(rk) ?? 0);
  const colTotals = colKeys.map((ck) => colCount.get(ck) ?? 0);
  const grand = rowTotals.reduce((sum, x) => sum + x, 0);

  let statistic = 0;
  let lowCells = 0;
  let usedCells = 0;
  for (let r = 0; r < rowKeys.length; r++) {
    if (rowTotals[r] === 0) continue;
    for (let c = 0; c < colKeys.length; c++) {
      if (colTotals[c] === 0) continue;
      const expected = (rowTotals[r]! * colTotals[c]!) / grand;
      usedCells++;
      if (expected < 5) lowCells++;
      statistic += (counts[r]![c]! - expected) ** 2 / expected;
    }
  }
  const usedRows = rowTotals.filter((x) => x > 0).length;
  const usedCols = colTotals.filter((x) => x > 0).length;
  const reason = multiple ? 'multipleResponse' : usedRows < 2 || usedCols < 2 ? 'singleRowOrColumn' : null;
  const df = (usedRows - 1) * (usedCols - 1);
  const chiSquare = reason ? null : { statistic, df, p: chiSquareUpperTail(statistic, df) };
  return {
    rowKeys,
    colKeys,
    counts,
    rowTotals,
    colTotals,
    total,
    missing,
    chiSquare,
    chiSquareReason: reason,
    cramersV: chiSquare ? Math.sqrt(statistic / (grand * (Math.min(usedRows, usedCols) - 1))) : null,
    lowExpected: { cells: lowCells, of: usedCells },
  };
}

function orderKeys(counts: ReadonlyMap<string, number>, order: readonly string[], sort: TableSort): string[] {
  const ranks = new Map(order.map((key, index) => [key, index]));
  const rank = (key: string) => ranks.get(key) ?? order.length;
  const keys = new Set(sort === 'codebook' ? [...order, ...counts.keys()] : counts.keys());
  return [...keys].sort(
    (a, b) =>
      (sort === 'count' ? (counts.get(b) ?? 0) - (counts.get(a) ?? 0) : 0) ||
      rank(a) - rank(b) ||
      a.localeCompare(b),
  );
}
