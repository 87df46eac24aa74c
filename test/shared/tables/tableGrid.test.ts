import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../shared/demo/index.ts';
import { frequencyTable } from '../../../shared/tables/frequencyTable.ts';
import { frequencyGrid, gridClipboard, roundedSum } from '../../../shared/tables/tableGrid.ts';

const TEXT = {
  category: 'Region',
  count: 'Count',
  percentOfCases: '% of valid',
  percentOfResponses: '% of responses',
  total: 'Total',
  missing: 'Missing',
  casesWithValue: 'Cases with a value',
};

describe("the study's regions table, from the demo project", () => {
  // Counts: the study's Table 2 as DESIGN.md and shared/demo/regions.ts give them (Almaty city
  // 61 … Akmola 5, total 341). Shares: Python's decimal.Decimal(count * 100) / 341 quantized to
  // 0.1 with ROUND_HALF_UP. Ties (22, 8, 6) keep the codebook's order of the regions.
  const demo = createDemoProject();
  const regions = demo.codebook.variables.find((v) => v.id === 'region')!;
  const order = regions.categories.map((c) => c.label.en!);
  const table = frequencyTable(
    demo.appeals.map((a) => [a.meta.region!]),
    order,
  );
  const grid = frequencyGrid(table, String, 1, false, TEXT);

  it('lists the 17 regions with the study’s counts and half-up shares, then the total', () => {
    expect(grid[0]).toEqual(['Region', 'Count', '% of valid']);
    const body = grid.slice(1, -2);
    expect(body.map((row) => row[1])).toEqual([61, 47, 44, 29, 22, 22, 21, 17, 15, 14, 9, 8, 8, 7, 6, 6, 5]);
    expect(body.map((row) => row[2])).toEqual([
      17.9, 13.8, 12.9, 8.5, 6.5, 6.5, 6.2, 5, 4.4, 4.1, 2.6, 2.3, 2.3, 2.1, 1.8, 1.8, 1.5,
    ]);
    expect(body[0]![0]).toBe('Almaty city');
    expect(body.at(-1)![0]).toBe('Akmola');
    expect(grid.at(-2)).toEqual(['Total', 341, 100]);
    expect(grid.at(-1)).toEqual(['Missing', 0, '']);
  });

  it('keeps the total honest: 100 %, though the rounded shares add up to 100.2 %', () => {
    expect(roundedSum(table, 1)).toBeCloseTo(100.2, 10);
  });
});

describe('frequencyGrid — multiple response', () => {
  // Same hand example as frequencyTable.test.ts: responses 5, cases with a value 3, missing 1.
  const table = frequencyTable(
    [['corruption', 'red_tape'], ['corruption'], ['red_tape', 'other'], []],
    ['corruption', 'red_tape', 'other'],
  );

  it('labels % of responses and % of cases apart and gives both bases', () => {
    const grid = frequencyGrid(table, String, 1, true, TEXT);
    expect(grid).toEqual([
      ['Region', 'Count', '% of responses', '% of valid'],
      ['corruption', 2, 40, 66.7],
      ['red_tape', 2, 40, 66.7],
      ['other', 1, 20, 33.3],
      ['Total', 5, 100, ''],
      ['Cases with a value', 3, '', ''],
      ['Missing', 1, '', ''],
    ]);
  });

  it('lists every category in codebook order, zeros included, when asked', () => {
    const byCodebook = frequencyTable([['b'], ['b'], ['c']], ['a', 'b', 'c'], 'codebook');
    expect(byCodebook.rows.map((r) => [r.key, r.count])).toEqual([
      ['a', 0],
      ['b', 2],
      ['c', 1],
    ]);
  });
});

describe('gridClipboard', () => {
  it('gives an HTML table and tab-separated text with numbers in the reader’s locale', () => {
    const { html, text } = gridClipboard(
      [
        ['Регион', '%'],
        ['Алматы <қаласы>', 17.9],
      ],
      (n) => n.toLocaleString('ru-RU'),
    );
    expect(html).toBe(
      '<table><thead><tr><th>Регион</th><th>%</th></tr></thead><tbody><tr><td>Алматы &lt;қаласы&gt;</td><td style="text-align:right">17,9</td></tr></tbody></table>',
    );
    expect(text).toBe('Регион\t%\r\nАлматы <қаласы>\t17,9\r\n');
  });
});
