import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv/parseCsv.ts';
import { restoreNeutralised, writeCsv } from '../../shared/csv/writeCsv.ts';
import { datasetRows, wideDataset } from '../../shared/formats/dataset.ts';
import { xlsxBytes } from '../../shared/formats/xlsx.ts';
import { planImport } from '../../shared/import/planImport.ts';
import { readTable } from '../../shared/import/readTable.ts';
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
const formulaCells = (xlsx: string) => {
  const sheets = unzipSync(readFileSync(xlsx), { filter: (file) => file.name.startsWith('xl/worksheets/') });
  return Object.values(sheets).reduce(
    (count, xml) => count + (strFromU8(xml).match(/<f[\s>]/g) ?? []).length,
    0,
  );
};

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

  it('reads markup characters in Kodtau’s XLSX as text; a character XML cannot hold is left out', async () => {
    const tricky = [
      ['id', 'text & <notes>'],
      ['A-1', 'a < b && "c" > d </t></si>'],
      ['A-2', 'bell\u0007 here, tab\tthere'],
    ];
    const bytes = await xlsxBytes(tricky, 'Sheet & <1>');
    for (const [name, part] of Object.entries(unzipSync(bytes))) {
      const file = join(dir, name.replace(/\W/g, '_'));
      writeFileSync(file, part);
      // xmllint exits with an error (and runProgram throws) on a part that is not well-formed.
      if (hasProgram('xmllint')) runProgram('xmllint', ['--noout', file], dir);
    }
    writeFileSync(join(dir, 'tricky.xlsx'), bytes);
    runProgram(
      'soffice',
      ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', 'tricky.xlsx'],
      dir,
    );
    const converted = parseCsv(readFileSync(join(dir, 'tricky.csv'), 'utf8'), { delimiter: ',' }).rows;
    expect(converted).toEqual([tricky[0], tricky[1], ['A-2', 'bell here, tab\tthere']]);
  });

  it('a Calc workbook with formulas: the results import, each error cell is a row problem with its cell', async () => {
    // `=…` evaluated as formulas on import (token 13); Calc saves each with its result or error.
    writeFileSync(
      join(dir, 'formulas.csv'),
      [
        'id,text,n,check',
        'A1,Су жоқ,=1+1,=UPPER("жол")',
        'A2,Жол,=1/0,ok',
        'A3,Мектеп,=NA(),=VALUE("x")',
        'A4,Жарық,=INDIRECT("Nowhere!A1"),ok',
      ].join('\n'),
    );
    runProgram(
      'soffice',
      [
        '--headless',
        '--convert-to',
        'xlsx',
        '--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1,true',
        'formulas.csv',
      ],
      dir,
    );
    const xlsx = readFileSync(join(dir, 'formulas.xlsx'));
    expect(formulaCells(join(dir, 'formulas.xlsx'))).toBe(6);
    const table = await readTable(xlsx);
    const mapping = {
      text: 1,
      id: 0,
      meta: [
        { column: 2, name: 'n' },
        { column: 3, name: 'check' },
      ],
    };
    const plan = planImport(table, mapping, { projectId: 'p', existingIds: new Set(), firstOrder: 0 });
    expect(plan.appeals.map((a) => [a.id, a.meta])).toEqual([['A1', { n: '2', check: 'ЖОЛ' }]]);
    expect(plan.issues).toEqual([
      { kind: 'cellError', line: 3, detail: '#DIV/0!', column: 'n', cell: 'C3' },
      { kind: 'cellError', line: 4, detail: '#N/A', column: 'n', cell: 'C4' },
      { kind: 'cellError', line: 5, detail: '#REF!', column: 'n', cell: 'C5' },
    ]);
  });
});
