import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../shared/import/columnMapping.ts';
import { isoDay, planImport } from '../../../shared/import/planImport.ts';
import { readTable } from '../../../shared/import/readTable.ts';

const context = { projectId: 'p', existingIds: new Set<string>(), firstOrder: 0 };

describe('a date column under a longer name, written dd.mm.yyyy', () => {
  it('"Дата поступления", "Date received" and "Түскен күні" are taken as the date', () => {
    for (const header of ['Дата поступления', 'Date received', 'Түскен күні']) {
      expect(guessMapping(['Текст', header], []).meta).toEqual([{ column: 1, name: 'date' }]);
    }
    // A column named just "date" keeps the key; the longer one keeps its own name.
    expect(guessMapping(['Текст', 'Дата', 'Дата ответа'], []).meta).toEqual([
      { column: 1, name: 'date' },
      { column: 2, name: 'Дата ответа' },
    ]);
    expect(guessMapping(['Текст', 'Update'], []).meta).toEqual([{ column: 1, name: 'Update' }]);
  });

  it('dd.mm.yyyy and ISO times become ISO days; anything else is kept as written', () => {
    expect(isoDay('05.08.2019')).toBe('2019-08-05');
    expect(isoDay('5.8.2019')).toBe('2019-08-05');
    expect(isoDay('2019-08-05T10:30:00Z')).toBe('2019-08-05');
    expect(isoDay('31.02.2019')).toBe('31.02.2019');
    expect(isoDay('август 2019')).toBe('август 2019');
  });

  it('the imported appeals carry the ISO day', async () => {
    const table = await readTable(new TextEncoder().encode('Текст;Дата поступления\nПервое;05.08.2019\n'));
    const mapping = guessMapping(table.header, table.rows);
    const plan = planImport(table, mapping, context);
    expect(plan.appeals[0]!.meta).toEqual({ date: '2019-08-05' });
  });
});
