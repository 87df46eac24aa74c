import { describe, expect, it } from 'vitest';
import { duplicateMetaNames, guessMapping } from '../../../shared/import/columnMapping.ts';

describe('guessMapping', () => {
  it('finds text and id by name and maps known metadata names in any of the three languages', () => {
    const mapping = guessMapping(
      ['№', 'Текст', 'Өңір', 'Дата'],
      [['1', 'Өтініш мәтіні', 'Алматы', '2019-08-01']],
    );
    expect(mapping).toEqual({
      text: 1,
      id: 0,
      meta: [
        { column: 2, name: 'region' },
        { column: 3, name: 'date' },
      ],
    });
  });

  it('never gives two columns one name: a second synonym keeps its own name', () => {
    // "reply" and "response" are both synonyms of the reply key; the export's wide CSV has both.
    const mapping = guessMapping(['id', 'text', 'reply', 'response'], [['1', 'a', 'b', 'c']]);
    expect(mapping.meta).toEqual([
      { column: 2, name: 'reply' },
      { column: 3, name: 'response' },
    ]);
    expect(duplicateMetaNames(mapping)).toEqual([]);
  });

  it('numbers a repeated header so that both columns are kept', () => {
    const mapping = guessMapping(['text', 'note', 'note'], [['a', 'b', 'c']]);
    expect(mapping.meta.map((m) => m.name)).toEqual(['note', 'note (3)']);
  });
});

describe('duplicateMetaNames', () => {
  it('lists names given to more than one column, ignoring surrounding spaces', () => {
    const mapping = {
      text: 0,
      id: null,
      meta: [
        { column: 1, name: 'region' },
        { column: 2, name: ' region ' },
        { column: 3, name: 'date' },
      ],
    };
    expect(duplicateMetaNames(mapping)).toEqual(['region']);
  });
});
