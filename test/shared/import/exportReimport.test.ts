import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreNeutralised, writeCsv } from '../../../shared/csv/writeCsv.ts';
import { xlsxBytes } from '../../../shared/formats/xlsx.ts';
import { readTable } from '../../../shared/import/readTable.ts';

const texts = ['=1+1', '+7 701', '-минус', '@SUM(A1)', "'=1", "''+x", '-5', '+7.5', "it's", "'plain", '\tx'];

describe('the Excel apostrophe', () => {
  it('goes only into the CSV for Excel, and every text comes back exactly', () => {
    for (const text of texts) expect(restoreNeutralised(neutraliseFormula(text))).toBe(text);
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula("'=1")).toBe("''=1");
    expect(neutraliseFormula('-5')).toBe('-5');
    const rows = [['id', 'text'], ...texts.map((text, i) => [`A${i}`, text])];
    expect(writeCsv(rows, { delimiter: ',', excel: false })).toContain('\r\nA0,=1+1\r\n');
    expect(writeCsv(rows, { delimiter: ',' })).toContain("\r\nA0,'=1+1\r\n");
  });

  it('is taken off by Kodtau’s import of an exported CSV', async () => {
    const rows = [['id', 'text'], ...texts.map((text, i) => [`A${i}`, text])];
    const table = await readTable(new TextEncoder().encode(writeCsv(rows, { delimiter: ';' })));
    expect(table.rows.map((row) => row[1])).toEqual(texts);
  });
});

describe('Kodtau’s XLSX', () => {
  it('re-imports as the same texts: numbers and dates typed, formulas as text', async () => {
    const rows = [
      ['id', 'n', 'date', 'text'],
      ['A1', '17', '2019-03-01', '=1+1'],
      ['A2', '007', '2019-02-30', '-5'],
    ];
    const table = await readTable(await xlsxBytes(rows, 'Sheet'));
    expect(table.rows).toEqual(rows.slice(1));
  });
});
