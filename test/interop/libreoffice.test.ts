import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv/parseCsv.ts';
import { restoreNeutralised, writeCsv } from '../../shared/csv/writeCsv.ts';
import { datasetRows, wideDataset } from '../../shared/formats/dataset.ts';
import { xlsxBytes } from '../../shared/formats/xlsx.ts';
import { hasProgram, interopInput, runProgram } from './interopFixture.ts';

const input = interopInput();
const rows = datasetRows(
  wideDataset(input, { source: { kind: 'final' }, labels: 'both', lang: 'ru', text: true }),
);
/** A cell as text: a date (Calc and Excel take "2019-08-01" for one) as it was written. */
const text = (cell: unknown) =>
  cell instanceof Date
    ? cell.toISOString().slice(0, 10)
    : cell === null || cell === undefined
      ? ''
      : String(cell);
/** The `<f>` (formula) elements of every sheet of a workbook. */
const formulaCells = (xlsx: string) =>
  (
    execFileSync('unzip', ['-p', xlsx, 'xl/worksheets/*.xml'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    }).match(/<f[\s>]/g) ?? []
  ).length;

describe.runIf(hasProgram('soffice'))('LibreOffice Calc opens the files for Excel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kodtau-lo-'));

  it('converts the CSV for Excel (;) to XLSX with no formula cell and the same values', async () => {
    const csv = writeCsv(rows, { delimiter: ';' });
    writeFileSync(join(dir, 'excel.csv'), csv);
    // 59 = `;`, 34 = `"`, 76 = UTF-8, from line 1.
    runProgram(
      'soffice',
      ['--headless', '--convert-to', 'xlsx', '--infilter=CSV:59,34,76,1', 'excel.csv'],
      dir,
    );
    expect(formulaCells(join(dir, 'excel.xlsx'))).toBe(0);
    const sheet = await readSheet(readFileSync(join(dir, 'excel.xlsx')));
    const written = parseCsv(csv.slice(1), { delimiter: ';' }).rows;
    expect(sheet.map((row) => row.map(text))).toEqual(written);
    // The apostrophe is the only change, and Kodtau's import takes it off.
    expect(sheet.map((row) => row.map((cell) => restoreNeutralised(text(cell))))).toEqual(
      rows.map((r) => r.map(text)),
    );
    expect(sheet.flat()).toContain("'=1+1");
  });

  it('reads Kodtau’s XLSX with the same values, numbers as numbers, and no formula cell', async () => {
    writeFileSync(join(dir, 'kodtau.xlsx'), await xlsxBytes(rows, input.project.name));
    expect(formulaCells(join(dir, 'kodtau.xlsx'))).toBe(0);
    // 44 = `,`, 34 = `"`, 76 = UTF-8.
    runProgram(
      'soffice',
      ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', 'kodtau.xlsx'],
      dir,
    );
    const converted = parseCsv(readFileSync(join(dir, 'kodtau.csv'), 'utf8'), { delimiter: ',' }).rows;
    expect(converted).toEqual(rows.map((r) => r.map(text)));
    const sheet = await readSheet(readFileSync(join(dir, 'kodtau.xlsx')));
    const header = sheet[0]!.map(text);
    expect(typeof sheet[1]![header.indexOf('region_code')]).toBe('number');
    expect(sheet[1]![header.indexOf('date')]).toBeInstanceOf(Date);
    expect(sheet[1]![header.indexOf('Формула')]).toBe('=1+1');
  });
});
