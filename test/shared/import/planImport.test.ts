import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessMapping, layoutKey, mappingFits } from '../../../shared/import/columnMapping.ts';
import { planImport } from '../../../shared/import/planImport.ts';
import { readTable, type SourceTable } from '../../../shared/import/readTable.ts';

const csv = (text: string) => readTable(new TextEncoder().encode(text));
const context = { projectId: 'p', existingIds: new Set<string>(), firstOrder: 0 };

describe('guessMapping', () => {
  it('finds text, id and known metadata by their names in ru, kk and en', () => {
    expect(guessMapping(['№', 'Дата', 'Регион', 'Текст'], [])).toEqual({
      text: 3,
      id: 0,
      meta: [
        { column: 1, name: 'date' },
        { column: 2, name: 'region' },
      ],
    });
    expect(guessMapping(['id', 'мәтін', 'өңір', 'Жауап'], []).text).toBe(1);
  });

  it('without a text column name, takes the column with the longest values', () => {
    const mapping = guessMapping(['a', 'b'], [['short', 'a much longer appeal text']]);
    expect(mapping).toEqual({ text: 1, id: null, meta: [{ column: 0, name: 'a' }] });
  });

  it('remembers by column names; a mapping fits only a header that has its columns', () => {
    expect(layoutKey(['id', 'text'])).toBe(layoutKey(['id', 'text']));
    expect(layoutKey(['id', 'text'])).not.toBe(layoutKey(['text', 'id']));
    expect(mappingFits({ text: 2, id: null, meta: [] }, ['a', 'b'])).toBe(false);
  });
});

describe('planImport', () => {
  it('lists duplicate ids, empty texts and ragged rows with their lines, before anything is written', async () => {
    const table = await csv(
      'id,text,region\n1,first,A\n2,,B\n1,again,C\n3,ragged\n4,fine,D,extra\n5,"multi\nline",E\n',
    );
    const plan = planImport(table, { text: 1, id: 0, meta: [{ column: 2, name: 'region' }] }, context);
    expect(plan.issues).toEqual([
      { kind: 'emptyText', line: 3, detail: '' },
      { kind: 'duplicateId', line: 4, detail: '1' },
      { kind: 'fieldCount', line: 5, detail: '2/3' },
      { kind: 'fieldCount', line: 6, detail: '4/3' },
    ]);
    expect(plan.appeals).toEqual([
      { projectId: 'p', id: '1', text: 'first', meta: { region: 'A' }, order: 0 },
      { projectId: 'p', id: '5', text: 'multi\nline', meta: { region: 'E' }, order: 1 },
    ]);
  });

  it('generates ids from content: the same file gives the same ids; identical rows get -2', async () => {
    const table = await csv('text,region\nсәлем,A\nсәлем,A\nпривет,B\n');
    const first = planImport(table, { text: 0, id: null, meta: [{ column: 1, name: 'region' }] }, context);
    const again = planImport(table, { text: 0, id: null, meta: [{ column: 1, name: 'region' }] }, context);
    expect(first.appeals.map((a) => a.id)).toEqual(again.appeals.map((a) => a.id));
    const [a, b] = first.appeals.map((x) => x.id);
    expect(b).toBe(`${a}-2`);
    expect(a).toMatch(/^a-[0-9a-f]{16}$/);
  });

  it('skips appeals the project already has and continues its order', async () => {
    const table = await csv('id,text\n1,a\n2,b\n');
    const plan = planImport(
      table,
      { text: 1, id: 0, meta: [] },
      { projectId: 'p', existingIds: new Set(['1']), firstOrder: 7 },
    );
    expect(plan.alreadyPresent).toBe(1);
    expect(plan.appeals).toEqual([{ projectId: 'p', id: '2', text: 'b', meta: {}, order: 7 }]);
  });

  it('every row is either an appeal, an issue or already present (property)', () => {
    const row = fc.tuple(fc.constantFrom('', '1', '2', '3'), fc.constantFrom('', 'x', 'y'));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            row.map((r) => [...r]),
            fc.constant(['only'] as string[]),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (rows) => {
          const table: SourceTable = {
            format: 'csv',
            encoding: 'utf-8',
            detectedEncoding: 'utf-8',
            delimiter: ',',
            header: ['id', 'text'],
            rows,
            lines: rows.map((_, i) => i + 2),
            sample: '',
            suspicious: 0,
          };
          const plan = planImport(
            table,
            { text: 1, id: 0, meta: [] },
            { ...context, existingIds: new Set(['3']) },
          );
          expect(plan.appeals.length + plan.issues.length + plan.alreadyPresent).toBe(rows.length);
          expect(new Set(plan.appeals.map((a) => a.id)).size).toBe(plan.appeals.length);
        },
      ),
    );
  });
});
