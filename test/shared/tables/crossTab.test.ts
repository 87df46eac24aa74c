import { describe, expect, it } from 'vitest';
import { crossTab } from '../../../shared/tables/crossTab.ts';
import { crossTabGrid } from '../../../shared/tables/tableGrid.ts';

/** Cases for a table given as counts: row key r{i}, column key c{j}. */
function fromCounts(counts: number[][]): { rows: string[][]; cols: string[][] } {
  const rows: string[][] = [];
  const cols: string[][] = [];
  counts.forEach((line, i) =>
    line.forEach((n, j) => {
      for (let k = 0; k < n; k++) {
        rows.push([`r${i}`]);
        cols.push([`c${j}`]);
      }
    }),
  );
  return { rows, cols };
}

describe('crossTab', () => {
  it('computes χ², df, p and Cramér’s V of a 2 × 2 table', () => {
    // [[10, 20], [30, 40]]: expected 12, 18, 28, 42; χ² = 4·(1/12 + 1/18 + 1/28 + 1/42) = 200/252
    // by hand; p = 0.37299848361348686 from scipy.stats.chi2_contingency(…, correction=False)
    // (SciPy 1.17.1); V = √(χ²/100).
    const { rows, cols } = fromCounts([
      [10, 20],
      [30, 40],
    ]);
    const tab = crossTab(rows, cols, ['r0', 'r1'], ['c0', 'c1'], 'codebook');
    expect(tab.counts).toEqual([
      [10, 20],
      [30, 40],
    ]);
    expect(tab.rowTotals).toEqual([30, 70]);
    expect(tab.colTotals).toEqual([40, 60]);
    expect(tab.total).toBe(100);
    expect(tab.chiSquare!.statistic).toBeCloseTo(200 / 252, 12);
    expect(tab.chiSquare!.df).toBe(1);
    expect(tab.chiSquare!.p).toBeCloseTo(0.37299848361348686, 12);
    expect(tab.cramersV).toBeCloseTo(Math.sqrt(200 / 252 / 100), 12);
    expect(tab.lowExpected).toEqual({ cells: 0, of: 4 });
  });

  it('computes a 3 × 3 table and warns of expected counts below 5', () => {
    // [[12,5,3],[4,9,7],[2,3,15]]: scipy chi2_contingency gives χ² = 21.587450980392155, df 4,
    // p = 0.0002421004492784547; expected counts per row 6, 5.667, 8.333 (3 cells below 5? none:
    // the smallest is 5.667). V = √(χ² / (60 · 2)).
    const { rows, cols } = fromCounts([
      [12, 5, 3],
      [4, 9, 7],
      [2, 3, 15],
    ]);
    const tab = crossTab(rows, cols, [], [], 'codebook');
    expect(tab.chiSquare!.statistic).toBeCloseTo(21.587450980392155, 10);
    expect(tab.chiSquare!.df).toBe(4);
    expect(tab.chiSquare!.p).toBeCloseTo(0.0002421004492784547, 14);
    expect(tab.cramersV).toBeCloseTo(Math.sqrt(21.587450980392155 / 120), 12);
    expect(tab.lowExpected).toEqual({ cells: 0, of: 9 });

    // Halve it: expected counts 3, 2.833, 4.167 — every cell below 5.
    const half = fromCounts([
      [6, 3, 2],
      [2, 5, 4],
      [1, 2, 8],
    ]);
    expect(crossTab(half.rows, half.cols).lowExpected).toEqual({ cells: 9, of: 9 });
  });

  it('counts cases missing on either side apart and sorts by count', () => {
    const tab = crossTab([['a'], ['b'], ['b'], [], ['b']], [['x'], ['x'], ['y'], ['x'], []]);
    expect(tab.rowKeys).toEqual(['b', 'a']);
    expect(tab.colKeys).toEqual(['x', 'y']);
    expect(tab.total).toBe(3);
    expect(tab.missing).toBe(2);
  });

  it('withholds χ² for multiple responses and for a single row', () => {
    const multi = crossTab([['a', 'b'], ['a'], ['b']], [['x'], ['y'], ['x']]);
    expect(multi.counts).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(multi.chiSquare).toBeNull();
    expect(multi.chiSquareReason).toBe('multipleResponse');
    const single = crossTab([['a'], ['a']], [['x'], ['y']]);
    expect(single.chiSquareReason).toBe('singleRowOrColumn');
    expect(single.cramersV).toBeNull();
  });

  it('shows zero rows in codebook order but leaves them out of the test', () => {
    const { rows, cols } = fromCounts([
      [10, 20],
      [30, 40],
    ]);
    const tab = crossTab(rows, cols, ['r0', 'unused', 'r1'], [], 'codebook');
    expect(tab.rowKeys).toEqual(['r0', 'unused', 'r1']);
    expect(tab.chiSquare!.df).toBe(1);
    expect(tab.chiSquare!.statistic).toBeCloseTo(200 / 252, 12);
  });

  it('gives row and column percentages rounded half up, with totals of 100', () => {
    const { rows, cols } = fromCounts([
      [1, 7],
      [3, 1],
    ]);
    const tab = crossTab(rows, cols, [], [], 'codebook');
    const text = { corner: 'r \\ c', total: 'Total' };
    // Row r0: 1/8 = 12.5 % → 13, 7/8 = 87.5 % → 88 (half up; the rounded row adds to 101, the
    // total stays 100 because it is computed from the counts).
    expect(crossTabGrid(tab, String, String, 'rowPercent', 0, text)[1]).toEqual(['r0', 13, 88, 100]);
    // Column c0: 1/4 = 25 %, 3/4 = 75 %.
    expect(crossTabGrid(tab, String, String, 'colPercent', 0, text).map((row) => row[1])).toEqual([
      'c0',
      25,
      75,
      100,
    ]);
    expect(crossTabGrid(tab, String, String, 'count', 0, text).at(-1)).toEqual(['Total', 4, 8, 12]);
  });
});
