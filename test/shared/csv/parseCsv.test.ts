import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../../shared/csv/parseCsv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks (RFC 4180, §2.5–2.7)', () => {
    const { rows } = parseCsv('a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4');
    expect(rows).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('accepts CRLF, LF and CR record ends, and a missing final line break', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('drops a UTF-8 byte-order mark and keeps Cyrillic and Kazakh text', () => {
    expect(parseCsv('\uFEFFкодер 1;кодер 2\nҚазақ;Русский').rows).toEqual([
      ['кодер 1', 'кодер 2'],
      ['Қазақ', 'Русский'],
    ]);
  });

  it.each([
    ['a,b\n1,2', ','],
    ['a;b\n1;2', ';'],
    ['a\tb\n1\t2', '\t'],
    ['"x;y",b,c\n1,2,3', ','],
    ['single\n1', ','],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(parseCsv(text).delimiter).toBe(delimiter);
  });

  it('keeps empty fields and skips blank lines, recording where each record starts', () => {
    const parsed = parseCsv('a,b,c\n\n1,,3\n,,\n"multi\nline",x,y\n');
    expect(parsed.rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
      ['multi\nline', 'x', 'y'],
    ]);
    expect(parsed.lines).toEqual([1, 3, 4, 5]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n"open,2\n3,4')).toThrow(CsvError);
    try {
      parseCsv('a,b\n"open,2\n3,4');
    } catch (error) {
      expect((error as CsvError).line).toBe(2);
    }
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('"a"b,c')).toThrow(/after a closing quote/);
  });

  it('round-trips any table written with RFC 4180 quoting (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'б', ',', ';', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1 }),
        (width, table) => {
          const rows = table.map((row) => row.slice(0, width));
          // A record whose only field is empty is a blank line, which the parser skips by design.
          fc.pre(rows.every((row) => row.length > 1 || row[0] !== ''));
          const text = rows
            .map((row) => row.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
            .join('\r\n');
          expect(parseCsv(text, { delimiter: ',' }).rows).toEqual(rows);
        },
      ),
    );
  });
});
