import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { savedGrid } from '../../../renderer/features/tables/tableOutput.ts';
import { longDataset } from '../../../shared/formats/dataset.ts';
import { xlsxBytes } from '../../../shared/formats/xlsx.ts';
import { datasetInput } from '../../shared/formats/datasetFixture.ts';

describe('a saved table as an Excel workbook', () => {
  it('carries the test statistics as numbers and the notes under the table', async () => {
    const grid = savedGrid({
      grid: [
        ['', 'kk', 'ru'],
        ['Алматы', 12, 30],
        ['Астана', 7, 19],
      ],
      statistics: [
        ['χ²', 4.2137],
        ['df', 1],
        ['p', 0.0401],
        ['Cramér’s V', 0.1862],
      ],
      notes: ['68 appeals have a value on both'],
      warnings: ['1 of 4 cells (25%) have an expected count below 5'],
    });
    const sheet = await readSheet(Buffer.from(await xlsxBytes(grid, 'Table')));
    expect(sheet.slice(4)).toEqual([
      ['χ²', 4.2137, null],
      ['df', 1, null],
      ['p', 0.0401, null],
      ['Cramér’s V', 0.1862, null],
      ['68 appeals have a value on both', null, null],
      ['1 of 4 cells (25%) have an expected count below 5', null, null],
    ]);
    expect(sheet[1]).toEqual(['Алматы', 12, 30]);
  });
});

describe('Kodtau’s XLSX cell types', () => {
  it('a numeric metadata value and a value of the long layout are numbers, a date a date, the rest text', async () => {
    const rows = [
      ['id', 'district_no', 'date', 'value', 'text'],
      ['A1', '17', '2019-03-01', '2', '=1+1'],
      ['A2', '007', '2019-02-30', '-5', ' 12'],
    ];
    const sheet = await readSheet(Buffer.from(await xlsxBytes(rows, 'Sheet')), { trim: false });
    expect(sheet[1]).toEqual(['A1', 17, new Date(Date.UTC(2019, 2, 1)), 2, '=1+1']);
    // "007" and " 12" are not written as numbers would be, and 30 February is no date: text.
    expect(sheet[2]).toEqual(['A2', '007', '2019-02-30', -5, ' 12']);
    // The long layout's values, as the export writes them: one value a number, several ("1|2") text.
    const long = longDataset(datasetInput, 'all', 'en');
    const values = long[0]!.indexOf('values');
    const written = await readSheet(Buffer.from(await xlsxBytes(long, 'Long')));
    const cells = written.slice(1).map((row) => row[values]);
    expect(cells).toEqual(
      long.slice(1).map(({ [values]: v }) => (v === '' ? null : /^\d+$/.test(String(v)) ? Number(v) : v)),
    );
    expect(cells).toContain(1);
    expect(cells).toContain('1|2');
  });
});
