import { describe, expect, it } from 'vitest';
import { neutraliseFormula, writeCsv } from '../../../shared/csv/writeCsv.ts';

const BOM = '\uFEFF';
/** One row, no BOM: the cell text exactly as written. */
const cell = (value: string | number | boolean | null | undefined, delimiter: ',' | ';' | '\t' = ',') =>
  writeCsv([[value]], { delimiter, bom: false }).slice(0, -2);

describe('writeCsv — formula injection (OWASP "CSV Injection")', () => {
  // The OWASP list of characters that make a spreadsheet evaluate a cell.
  it.each([
    ['=1+2', "'=1+2"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+7 (701) 123', "'+7 (701) 123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['-', "'-"],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(cell(input)).toBe(expected);
  });

  it('prefixes a cell starting with CR, and quotes it for the line break', () => {
    expect(cell('\r=1')).toBe(`"'\r=1"`);
  });

  it.each(['-3', '+7.5', '1e5', '-1.5e-3', '0,5', '-0,25', '.5'])(
    'leaves the number %j as it is',
    (input) => {
      expect(neutraliseFormula(input)).toBe(input);
    },
  );

  it('leaves text that only contains the characters later on', () => {
    expect(cell('a=b, c-d @e')).toBe('"a=b, c-d @e"');
    expect(cell('a=b')).toBe('a=b');
  });

  it('does not touch real numbers, booleans and empty cells (only strings can be formulas)', () => {
    expect(cell(-3)).toBe('-3');
    expect(cell(true)).toBe('true');
    expect(cell(null)).toBe('');
    expect(cell(undefined)).toBe('');
  });
});

describe('writeCsv — quoting (RFC 4180)', () => {
  it('quotes a cell that holds the delimiter, and only the delimiter in use', () => {
    expect(cell('a,b', ',')).toBe('"a,b"');
    expect(cell('a,b', ';')).toBe('a,b');
    expect(cell('a;b', ';')).toBe('"a;b"');
    expect(cell('a\tb', '\t')).toBe('"a\tb"');
  });

  it('doubles quotes inside a quoted cell', () => {
    expect(cell('say "hi"')).toBe('"say ""hi"""');
  });

  it('quotes cells with line breaks, keeping them inside the cell', () => {
    expect(cell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(cell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
  });

  it('leaves plain text, Cyrillic included, unquoted', () => {
    expect(cell('Алматы қаласы')).toBe('Алматы қаласы');
  });
});

describe('writeCsv — the file', () => {
  it('starts with a UTF-8 BOM by default and ends every line with CRLF', () => {
    const csv = writeCsv(
      [
        ['id', 'region'],
        ['A-1', 'Алматы'],
      ],
      { delimiter: ';' },
    );
    expect(csv).toBe(`${BOM}id;region\r\nA-1;Алматы\r\n`);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('leaves the BOM out when asked', () => {
    expect(writeCsv([['a']], { delimiter: ',', bom: false })).toBe('a\r\n');
  });

  it('keeps empty cells in place so columns stay aligned', () => {
    expect(writeCsv([['a', null, '', 'd']], { delimiter: ',', bom: false })).toBe('a,,,d\r\n');
  });
});
