import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parseCsv.ts';
import { writeCsv } from '../../../shared/csv/writeCsv.ts';
import { createDemoProject } from '../../../shared/demo/index.ts';
import { datasetRows, longDataset, safeColumnNames, wideDataset } from '../../../shared/formats/dataset.ts';
import { guessMapping } from '../../../shared/import/columnMapping.ts';
import { planImport } from '../../../shared/import/planImport.ts';
import { readTable } from '../../../shared/import/readTable.ts';
import { datasetInput } from './datasetFixture.ts';

const HEADER_BOTH = [
  'id',
  'region',
  'date',
  'text',
  'region_code',
  'region_label',
  'reason_corruption',
  'reason_red_tape',
  'comment',
  'notes',
];

describe('wideDataset', () => {
  it('writes one row per appeal in project order: metadata, code and label, 0/1 per category, text, notes', () => {
    // Hand-built from datasetFixture.ts (coder ann): A1 Almaty city (value 1) with both reasons
    // and a comment; A2 Akmola (17), reason looked at and left empty (0, 0); A3 not coded (empty).
    const dataset = wideDataset(datasetInput, {
      source: { kind: 'coder', coderId: 'ann' },
      labels: 'both',
      lang: 'kk',
      text: true,
    });
    // The metadata column "region" keeps its name (for re-import); the variable's code column is region_code.
    expect(dataset.columns.map((c) => c.name)).toEqual(HEADER_BOTH);
    expect(dataset.rows).toEqual([
      [
        'A1',
        'Almaty city',
        '2019-03-01',
        'Бірінші; "тырнақша"\nжол',
        1,
        'Алматы қаласы',
        1,
        1,
        '+7 701 …',
        'region: clear',
      ],
      ['A2', 'Akmola', '=cmd|calc', 'Второе', 17, 'Ақмола облысы', 0, 0, '', ''],
      ['A3', 'Almaty city', '-5', 'Third', '', '', '', '', '', ''],
    ]);
    expect(dataset.columns[6]).toMatchObject({
      type: 'numeric',
      label: 'Себеп: Сыбайлас жемқорлық',
      valueLabels: [
        { value: 0, label: 'таңдалмаған' },
        { value: 1, label: 'таңдалған' },
      ],
    });
  });

  it('takes the consensus or the majority, and codes only or labels only', () => {
    const consensus = wideDataset(datasetInput, {
      source: { kind: 'consensus' },
      labels: 'code',
      lang: 'en',
      text: false,
    });
    expect(consensus.columns.map((c) => c.name)).toEqual([
      'id',
      'region',
      'date',
      'region_code',
      'reason_corruption',
      'reason_red_tape',
      'comment',
      'notes',
    ]);
    expect(consensus.rows[0]).toEqual(['A1', 'Almaty city', '2019-03-01', 1, 1, 0, '', '']);
    // Majority of ann and bob: A1 agree on Almaty city; A2 tie (akmola vs almaty_city) → empty.
    const majority = wideDataset(datasetInput, {
      source: { kind: 'majority' },
      labels: 'label',
      lang: 'ru',
      text: false,
    });
    expect(majority.rows.map((row) => row[3])).toEqual(['Город Алматы', '', '']);
  });

  it('writes a CSV that Excel opens safely and that parses back to the same cells', () => {
    const rows = datasetRows(
      wideDataset(datasetInput, {
        source: { kind: 'coder', coderId: 'ann' },
        labels: 'both',
        lang: 'kk',
        text: true,
      }),
    );
    const csv = writeCsv(rows, { delimiter: ';' });
    expect(csv.startsWith('\uFEFFid;region;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = parseCsv(csv).rows;
    expect(back[0]).toEqual(HEADER_BOTH);
    // "=cmd|calc" is neutralised with a leading apostrophe; "-5" and "+7 701 …" … "-5" is a number and stays.
    expect(back[2]![2]).toBe("'=cmd|calc");
    expect(back[3]![2]).toBe('-5');
    expect(back[1]![8]).toBe("'+7 701 …");
    // Everything else comes back as written (numbers as their text), the multi-line text included.
    expect(back[1]!.slice(0, 8)).toEqual([
      'A1',
      'Almaty city',
      '2019-03-01',
      'Бірінші; "тырнақша"\nжол',
      '1',
      'Алматы қаласы',
      '1',
      '1',
    ]);
  });
});

describe('wideDataset: "none of these" and cleared codings', () => {
  it('writes "none of these" as 0 in every 0/1 column and a cleared coding as empty cells', () => {
    const cleared = datasetInput.codings.find((c) => c.appealId === 'A1' && c.variableId === 'reason');
    const input = {
      ...datasetInput,
      codings: datasetInput.codings.map((c) =>
        c === cleared ? { ...c, values: [], cleared: true as const } : c,
      ),
    };
    const dataset = wideDataset(input, {
      source: { kind: 'coder', coderId: 'ann' },
      labels: 'code',
      lang: 'en',
      text: false,
    });
    const columns = dataset.columns.map((c) => c.name);
    const reason = (id: string) =>
      ['reason_corruption', 'reason_red_tape'].map(
        (name) => dataset.rows.find((row) => row[0] === id)![columns.indexOf(name)],
      );
    expect(reason('A2')).toEqual([0, 0]); // none of these
    expect(reason('A1')).toEqual(['', '']); // cleared: not coded
    expect(reason('A3')).toEqual(['', '']); // never coded
  });
});

describe('longDataset', () => {
  it('writes every coding of every coder, or a source under its own name', () => {
    const all = longDataset(datasetInput, 'all', 'en');
    expect(all).toHaveLength(1 + datasetInput.codings.length);
    const consensus = longDataset(datasetInput, { kind: 'consensus' }, 'en');
    expect(consensus.slice(1).map((row) => row.slice(0, 7))).toEqual([
      ['A1', 'consensus', '', 'reason', 'corruption', '1', 'Corruption'],
      ['A1', 'consensus', '', 'region', 'almaty_city', '1', 'Almaty city'],
    ]);
    expect(consensus[1]![10]).toBe('2026-02-02');
    const bob = longDataset(datasetInput, { kind: 'coder', coderId: 'bob' }, 'en');
    expect(bob.slice(1).map((row) => row[1])).toEqual(['bob', 'bob']);
  });
});

describe('safeColumnNames', () => {
  it('makes names SPSS and R accept, unique ignoring case', () => {
    expect(safeColumnNames(['reason_red-tape', '1st', 'Region', 'region', 'to'])).toEqual([
      'reason_red_tape',
      'v1st',
      'Region',
      'region_2',
      'to_2',
    ]);
  });

  it('keeps Cyrillic and Kazakh names as they are, unique ignoring case, never v_____', () => {
    expect(safeColumnNames(['Район', 'Язык', 'Өңір', 'Дата обращения', 'район', 'ӨҢІР'])).toEqual([
      'Район',
      'Язык',
      'Өңір',
      'Дата_обращения',
      'район_2',
      'ӨҢІР_2',
    ]);
  });

  it('cuts a long name within 64 UTF-8 bytes at a character boundary', () => {
    const [name] = safeColumnNames(['Ө'.repeat(50)]);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(64);
    expect(name).toBe('Ө'.repeat(30));
  });
});

describe('wide CSV re-import', () => {
  it('gives back the demo appeals unchanged: ids, texts and metadata, through the import’s reader', async () => {
    // The import path of the app: readTable (encoding, delimiter) → guessMapping → planImport.
    const demo = createDemoProject();
    const input = { ...demo, consensus: [] };
    const rows = datasetRows(
      wideDataset(input, {
        source: { kind: 'coder', coderId: demo.coders[0]!.id },
        labels: 'both',
        lang: 'kk',
        text: true,
      }),
    );
    const bytes = new TextEncoder().encode(writeCsv(rows, { delimiter: ';' }));
    const table = await readTable(bytes);
    expect(table.delimiter).toBe(';');
    // The coded columns would come in as extra metadata; the user leaves them out in the wizard.
    const guessed = guessMapping(table.header, table.rows);
    const metaKeys = new Set(Object.keys(demo.appeals[0]!.meta));
    const mapping = { ...guessed, meta: guessed.meta.filter((m) => metaKeys.has(table.header[m.column]!)) };
    const plan = planImport(table, mapping, { projectId: 'again', existingIds: new Set(), firstOrder: 0 });
    expect(plan.issues).toEqual([]);
    expect(plan.appeals).toHaveLength(demo.appeals.length);
    plan.appeals.forEach((appeal, i) => {
      const original = demo.appeals[i]!;
      expect(appeal.id).toBe(original.id);
      expect(appeal.text).toBe(original.text);
      // The import leaves an empty metadata value out rather than store ''.
      for (const [key, value] of Object.entries(original.meta)) expect(appeal.meta[key] ?? '').toBe(value);
    });
  });
});
