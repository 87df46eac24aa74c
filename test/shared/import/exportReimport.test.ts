import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreNeutralised, writeCsv } from '../../../shared/csv/writeCsv.ts';
import { xlsxBytes } from '../../../shared/formats/xlsx.ts';
import { planImport } from '../../../shared/import/planImport.ts';
import { readTable } from '../../../shared/import/readTable.ts';
import { handWrittenXlsx, textCell } from '../../fixtures/import/fixtures.ts';

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

  // Excel and Calc keep a formula's last result in `<v>`; a program that writes formulas without
  // calculating them leaves it out; an error is `t="e"` with its code. read-excel-file gives both as
  // empty cells.
  const sheetWithFormulas = handWrittenXlsx(
    `<row r="1">${textCell('A1', 'id')}${textCell('B1', 'text')}${textCell('C1', 'region')}${textCell('D1', 'n')}</row>` +
      `<row r="2">${textCell('A2', 'A1')}${textCell('B2', 'Су жоқ')}${textCell('C2', 'Алматы')}<c r="D2"><f>1+1</f><v>2</v></c></row>` +
      `<row r="3">${textCell('A3', 'A2')}${textCell('B3', 'Жол')}<c r="C3" t="e"><f>VLOOKUP(A3,Z:Z,2,0)</f><v>#N/A</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
      `<row r="4">${textCell('A4', 'A3')}<c r="B4" t="str"><f>C4&amp;" көшесі"</f></c>${textCell('C4', 'Астана')}<c r="D4"><f>2+2</f><v>4</v></c></row>` +
      `<row r="5">${textCell('A5', 'A4')}${textCell('B5', 'Мектеп')}${textCell('C5', 'Шымкент')}<c r="D5" t="e"><v>#REF!</v></c></row>` +
      `<row r="6">${textCell('A6', 'A5')}<c r="B6" t="str"><f>"Жарық жоқ"</f><v>Жарық жоқ</v></c>${textCell('C6', 'Тараз')}<c r="D6" t="str"><f>""</f><v></v></c></row>`,
  );

  it('lists error cells and formulas without a saved result by row and column; a saved result is read', async () => {
    const table = await readTable(sheetWithFormulas);
    expect(table.rows.map((row) => row[3])).toEqual(['2', '', '4', '', '']);
    expect(table.rows[4]![1]).toBe('Жарық жоқ');
    expect(table.unreadCells).toEqual([
      { line: 3, column: 2, error: '#N/A' },
      { line: 3, column: 3, error: '#DIV/0!' },
      { line: 4, column: 1, error: null },
      { line: 5, column: 3, error: '#REF!' },
    ]);
  });

  it('reports each such row in the check, never as an empty value, for the columns imported', async () => {
    const table = await readTable(sheetWithFormulas);
    const mapping = {
      text: 1,
      id: 0,
      meta: [
        { column: 2, name: 'region' },
        { column: 3, name: 'n' },
      ],
    };
    const plan = planImport(table, mapping, { projectId: 'p', existingIds: new Set(), firstOrder: 0 });
    expect(plan.issues).toEqual([
      { kind: 'cellError', line: 3, detail: '#N/A', column: 'region', cell: 'C3' },
      { kind: 'formulaNoValue', line: 4, detail: '', column: 'text', cell: 'B4' },
      { kind: 'cellError', line: 5, detail: '#REF!', column: 'n', cell: 'D5' },
    ]);
    expect(plan.appeals.map((a) => [a.id, a.text, a.meta])).toEqual([
      ['A1', 'Су жоқ', { region: 'Алматы', n: '2' }],
      // An empty result (`=""`) is an empty cell, not a problem.
      ['A5', 'Жарық жоқ', { region: 'Тараз' }],
    ]);
    // A column not imported does not hold a row back.
    const withoutN = planImport(
      table,
      { ...mapping, meta: [{ column: 2, name: 'region' }] },
      { projectId: 'p', existingIds: new Set(), firstOrder: 0 },
    );
    expect(withoutN.issues.map((issue) => issue.cell)).toEqual(['C3', 'B4']);
    expect(withoutN.appeals.map((a) => a.id)).toEqual(['A1', 'A4', 'A5']);
  });
});
