import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../shared/csv/writeCsv.ts';
import { LONG_CSV_HEADER, longCodingsRows } from '../../../shared/formats/longCodingsCsv.ts';
import type { Category, Codebook, Coding } from '../../../shared/model/index.ts';

function category(code: string, value: number, label: Category['label']): Category {
  return { code, value, label, definition: {}, examples: {}, retired: false };
}

const codebook: Codebook = {
  projectId: 'p',
  version: 2,
  hash: '0'.repeat(64),
  updatedAt: '2019-08-01T00:00:00.000Z',
  merges: [],
  variables: [
    {
      id: 'reason',
      kind: 'multi',
      required: false,
      label: { en: 'Reason' },
      definition: {},
      categories: [
        category('corruption', 1, { en: 'Corruption', ru: 'Коррупция', kk: 'Сыбайлас жемқорлық' }),
        category('red_tape', 2, { en: 'Red tape', ru: 'Волокита' }),
        category('other', 9, { en: 'Other', ru: 'Другое', kk: 'Басқа' }),
      ],
    },
    {
      id: 'region',
      kind: 'single',
      required: true,
      label: { en: 'Region' },
      definition: {},
      categories: [
        category('almaty_city', 1, { en: 'Almaty city', ru: 'Город Алматы', kk: 'Алматы қаласы' }),
      ],
    },
    {
      id: 'comment',
      kind: 'text',
      required: false,
      label: { en: 'Comment' },
      definition: {},
      categories: [],
    },
  ],
};

function coding(
  partial: Partial<Coding> & Pick<Coding, 'coderId' | 'appealId' | 'variableId' | 'values'>,
): Coding {
  return {
    projectId: 'p',
    unsure: false,
    updatedAt: '2019-08-02T10:00:00.000Z',
    codebookVersion: 2,
    ...partial,
  };
}

const names = new Map([
  ['c1', 'Aigerim'],
  ['c2', 'Boris'],
]);

describe('longCodingsRows', () => {
  it('starts with the long header', () => {
    expect(longCodingsRows([], codebook, names, 'en')).toEqual([[...LONG_CSV_HEADER]]);
    expect(LONG_CSV_HEADER.join(',')).toBe(
      'appeal_id,coder_id,coder_name,variable,codes,values,labels,text,unsure,note,updated_at,codebook_version',
    );
  });

  it('writes one row per appeal × coder × variable with codes, values and labels in codebook order', () => {
    // Picked "other" first, then "corruption": the export lists them as the codebook does.
    const [, row] = longCodingsRows(
      [
        coding({
          coderId: 'c1',
          appealId: 'A-1',
          variableId: 'reason',
          values: ['other', 'corruption'],
          note: 'check',
        }),
      ],
      codebook,
      names,
      'ru',
    );
    expect(row).toEqual([
      'A-1',
      'c1',
      'Aigerim',
      'reason',
      'corruption|other',
      '1|9',
      'Коррупция|Другое',
      '',
      0,
      'check',
      '2019-08-02T10:00:00.000Z',
      2,
    ]);
  });

  it('labels in the language asked for, falling back when a label is missing', () => {
    const rows = longCodingsRows(
      [coding({ coderId: 'c1', appealId: 'A-1', variableId: 'reason', values: ['corruption', 'red_tape'] })],
      codebook,
      names,
      'kk',
    );
    // red_tape has no Kazakh label: localize falls back to Russian.
    expect(rows[1]![6]).toBe('Сыбайлас жемқорлық|Волокита');
  });

  it('writes text answers, the unsure flag as 1 and an unknown coder with an empty name', () => {
    const [, row] = longCodingsRows(
      [
        coding({
          coderId: 'c9',
          appealId: 'A-1',
          variableId: 'comment',
          values: [],
          text: 'asks for a meeting',
          unsure: true,
        }),
      ],
      codebook,
      names,
      'en',
    );
    expect(row!.slice(0, 9)).toEqual(['A-1', 'c9', '', 'comment', '', '', '', 'asks for a meeting', 1]);
  });

  it('sorts rows by appeal, coder, then variable, whatever the input order', () => {
    const rows = longCodingsRows(
      [
        coding({ coderId: 'c2', appealId: 'A-1', variableId: 'region', values: ['almaty_city'] }),
        coding({ coderId: 'c1', appealId: 'A-2', variableId: 'region', values: ['almaty_city'] }),
        coding({ coderId: 'c1', appealId: 'A-1', variableId: 'region', values: ['almaty_city'] }),
        coding({ coderId: 'c1', appealId: 'A-1', variableId: 'reason', values: [] }),
      ],
      codebook,
      names,
      'en',
    );
    expect(rows.slice(1).map((r) => r.slice(0, 4).join('/'))).toEqual([
      'A-1/c1/Aigerim/reason',
      'A-1/c1/Aigerim/region',
      'A-1/c2/Boris/region',
      'A-2/c1/Aigerim/region',
    ]);
  });

  it('keeps a code the codebook does not know instead of dropping it', () => {
    // A coding made under another codebook version can hold a code this one lacks; exporting
    // it as an empty answer would look like "left empty" and lose the coder's work.
    const [, row] = longCodingsRows(
      [coding({ coderId: 'c1', appealId: 'A-1', variableId: 'reason', values: ['bribery', 'corruption'] })],
      codebook,
      names,
      'en',
    );
    expect(row!.slice(4, 7)).toEqual(['corruption|bribery', '1|', 'Corruption|']);
  });

  it("feeds writeCsv a table whose every row has the header's width", () => {
    const rows = longCodingsRows(
      [
        coding({ coderId: 'c1', appealId: 'A-1', variableId: 'reason', values: ['corruption'] }),
        coding({
          coderId: 'c1',
          appealId: 'A-1',
          variableId: 'comment',
          values: [],
          text: '=cmd|" /c calc"!A1',
        }),
      ],
      codebook,
      names,
      'en',
    );
    for (const row of rows) expect(row).toHaveLength(LONG_CSV_HEADER.length);
    // The free text is the one cell a stranger writes: it reaches the file neutralised.
    expect(writeCsv(rows, { delimiter: ',' })).toContain(`"'=cmd|"" /c calc""!A1"`);
  });
});
