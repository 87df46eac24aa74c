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

describe('XLSX import', () => {
  const sheet = (rows: unknown[][]) =>
    rows.map((row) =>
      row.map((value) =>
        value === null
          ? null
          : value instanceof Date
            ? { value, type: Date, format: 'yyyy-mm-dd hh:mm:ss' }
            : { value, type: typeof value === 'number' ? Number : String },
      ),
    );
  async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
    const { default: writeXlsxFile } = await import('write-excel-file/universal');
    const all = Object.entries(sheets).map(([name, rows]) => ({ sheet: name, data: sheet(rows) }));
    const blob = (await writeXlsxFile(all as never).toBlob()) as unknown as Blob;
    return new Uint8Array(await blob.arrayBuffer());
  }

  it('gives date-times as written, with no invented time zone, and finds the header below a title', async () => {
    const bytes = await workbook({
      Appeals: [
        ['Обращения граждан, 2019', null, null],
        [null, null, null],
        ['id', 'text', 'received'],
        ['A1', 'Су жоқ', new Date(Date.UTC(2019, 2, 1, 10, 30, 15))],
        ['A2', 'Жол', new Date(Date.UTC(2019, 2, 2))],
      ],
    });
    const table = await readTable(bytes);
    expect(table.header).toEqual(['id', 'text', 'received']);
    expect(table.headerRow).toBe(3);
    expect(table.rows).toEqual([
      ['A1', 'Су жоқ', '2019-03-01 10:30:15'],
      ['A2', 'Жол', '2019-03-02'],
    ]);
    // The header row can be chosen in the preview instead.
    expect((await readTable(bytes, { headerRow: 1 })).header[0]).toBe('Обращения граждан, 2019');
  });

  it('lists the sheets and reads the one chosen', async () => {
    const bytes = await workbook({
      Notes: [['about'], ['this file']],
      Data: [
        ['id', 'text'],
        ['B1', 'екінші парақ'],
      ],
    });
    const first = await readTable(bytes);
    expect(first.sheets).toEqual(['Notes', 'Data']);
    expect(first.sheet).toBe('Notes');
    const data = await readTable(bytes, { sheet: 'Data' });
    expect(data.rows).toEqual([['B1', 'екінші парақ']]);
  });
});
