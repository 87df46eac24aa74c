import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRk1048 } from '../../../shared/encoding/rk1048.ts';
import { ImportError } from '../../../shared/import/importError.ts';
import { readTable, uniqueHeader } from '../../../shared/import/readTable.ts';
import {
  encodeUtf16le,
  encodeWindows1251,
  KK_RK1048_CSV,
  RU_1251_CSV,
  UTF16_TSV,
  xlsxBytes,
} from '../../fixtures/import/fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function importError(bytes: Uint8Array): Promise<ImportError> {
  const error = await readTable(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('readTable: the files researchers have', () => {
  it('a Windows-1251 semicolon CSV with quoted fields and CRLF', async () => {
    const table = await readTable(encodeWindows1251(RU_1251_CSV));
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';', suspicious: 0 });
    expect(table.header).toEqual(['№', 'Дата', 'Регион', 'Текст обращения']);
    expect(table.rows[2]).toEqual([
      '103',
      '2019-08-09',
      'Шымкент',
      'Судебный исполнитель не исполняет решение суда, ссылаясь на "нехватку времени"',
    ]);
    expect(table.lines).toEqual([2, 3, 4]);
  });

  it('an RK1048 Kazakh CSV, and the same bytes forced to Windows-1251 show look-alikes', async () => {
    const bytes = encodeRk1048(KK_RK1048_CSV);
    const table = await readTable(bytes);
    expect(table.encoding).toBe('rk1048');
    expect(table.rows[0]![1]).toBe('Әкімдікке өтініш: жолдар жөндеуді қажет етеді, біз ұзақ күттік');
    const wrong = await readTable(bytes, { encoding: 'windows-1251' });
    expect(wrong.detectedEncoding).toBe('rk1048');
    expect(wrong.rows[0]![1]).toBe('Јкімдікке ґтініш: жолдар жґндеуді ќажет етеді, біз ўзаќ кїттік');
    expect(wrong.suspicious).toBeGreaterThan(10);
  });

  it('a UTF-16 LE tab-separated file (Excel "Unicode text")', async () => {
    const table = await readTable(encodeUtf16le(UTF16_TSV));
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(table.rows).toEqual([
      ['u-1', 'Қаржы полициясы өтінішіме жауап бермеді', 'Қарағанды облысы', 'kk'],
      ['u-2', 'В акимате отказали в приёме без объяснения причин', 'Павлодарская область', 'ru'],
    ]);
  });

  it('an XLSX workbook: text cells, and date cells as ISO dates', async () => {
    const table = await readTable(await xlsxBytes());
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, header: ['id', 'text', 'date', 'region'] });
    expect(table.rows[0]).toEqual([
      'x-1',
      'Мемлекеттік қызмет көрсету орталығында кезек өте ұзақ',
      '2019-09-02',
      'Ақмола облысы',
    ]);
    expect(table.lines).toEqual([2, 3]);
  });

  it('JSON: an array of objects; keys in order of first appearance; numbers and nulls as text', async () => {
    const table = await readTable(
      utf8('[{"id":1,"text":"Сәлем"},{"text":"Привет","region":null,"extra":{"a":1}}]'),
    );
    expect(table).toMatchObject({ format: 'json', header: ['id', 'text', 'region', 'extra'], lines: [1, 2] });
    expect(table.rows).toEqual([
      ['1', 'Сәлем', '', ''],
      ['', 'Привет', '', '{"a":1}'],
    ]);
  });

  it('JSON Lines, blank lines skipped, line numbers kept', async () => {
    const table = await readTable(utf8('{"id":"a","text":"x"}\n\n{"id":"b","text":"y"}\n'));
    expect(table).toMatchObject({
      format: 'jsonl',
      lines: [1, 3],
      rows: [
        ['a', 'x'],
        ['b', 'y'],
      ],
    });
  });

  it('names empty and repeated header cells', () => {
    expect(uniqueHeader(['text', '', 'text', ' '])).toEqual(['text', 'column 2', 'text (2)', 'column 4']);
  });
});

describe('readTable: bad input gets a reason, never a crash', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['only whitespace', utf8(' \r\n\t\n'), 'empty'],
    ['a PDF renamed .csv', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['a legacy .xls', Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'xls'],
    ['a damaged .xlsx (zip header only)', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3), 'xlsxDamaged'],
    ['a binary file', Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e), 'binary'],
    ['a header and no rows', utf8('id;text\r\n'), 'noRows'],
    ['JSON that is not an array', utf8('[1, 2'), 'jsonSyntax'],
    ['a JSON array of numbers', utf8('[1, 2]'), 'jsonShape'],
    ['an empty JSON array', utf8('[]'), 'noRows'],
  ] as const)('%s', async (_, bytes, code) => {
    expect((await importError(bytes)).code).toBe(code);
  });

  it('an unbalanced quote names the line where it opened', async () => {
    const error = await importError(utf8('id,text\n1,"fine"\n2,"never closed\n3,x\n'));
    expect(error).toMatchObject({ code: 'unclosedQuote', line: 3 });
  });

  it('a broken JSON Lines line is named', async () => {
    expect(await importError(utf8('{"a":1}\n{"a":\n'))).toMatchObject({ code: 'jsonSyntax', line: 2 });
  });

  it('mixed line endings, and a 10 MB single field', async () => {
    const mixed = await readTable(utf8('id,text\r\n1,a\n2,b\r3,c\r\n'));
    expect(mixed.rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
    expect(mixed.lines).toEqual([2, 3, 4]);
    const big = 'ә'.repeat(5 * 1024 * 1024);
    const table = await readTable(utf8(`id,text\n1,"${big}"\n`));
    expect(table.rows[0]![1]).toHaveLength(big.length);
  });

  it('random bytes: a table or an ImportError, nothing else (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        try {
          const table = await readTable(bytes);
          expect(table.rows.length).toBe(table.lines.length);
          expect(table.rows.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('mutated CSV and JSON: a table or an ImportError (property)', async () => {
    const seeds = [
      RU_1251_CSV,
      KK_RK1048_CSV,
      '[{"id":"1","text":"Сәлем, \\"дос\\""}]',
      '{"text":"a"}\n{"text":"b"}',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('"', ';', ',', '\n', '\r', '{', ']', '\t', '')), {
          maxLength: 6,
        }),
        async (seed, edits) => {
          let text = seed;
          for (const [at, ch] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ch + text.slice(i + 1);
          }
          try {
            await readTable(utf8(text));
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
