// The dataset worker's figures equal what the Tables and Export screens computed before it, from
// every appeal and coding read at once: on a mid-size project of 3 coders, every source, tables,
// cross-tabs, the final dataset's counts and the export files.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../../shared/csv/writeCsv.ts';
import { demoVariables } from '../../../shared/demo/codebook.ts';
import { datasetRows, longDataset, wideDataset, type DatasetInput } from '../../../shared/formats/dataset.ts';
import { statisticsCsv } from '../../../shared/formats/spss.ts';
import {
  codebookHash,
  metaValue,
  type Appeal,
  type Codebook,
  type Coding,
  type Consensus,
} from '../../../shared/model/index.ts';
import { crossTab } from '../../../shared/tables/crossTab.ts';
import { finalAppealCounts, finalSummary } from '../../../shared/tables/finalAppealCounts.ts';
import { frequencyTable } from '../../../shared/tables/frequencyTable.ts';
import { parseTableSource, sourceValues, type SourceValues } from '../../../shared/tables/tableSource.ts';
import { AnswerBlockBuilder, updateAnswerBlocks } from '../../../renderer/db/answerBlocks.ts';
import { codingBlockKeyOf, CodingBlockBuilder, OpenCodingBlock } from '../../../renderer/db/codingBlocks.ts';
import { KodtauDb } from '../../../renderer/db/db.ts';
import { projectCodings, variableCodings } from '../../../renderer/db/queries.ts';
import { Cancelled } from '../../../renderer/features/tables/datasetCalls.ts';
import { datasetFile, type FileRequest } from '../../../renderer/features/export/datasetFile.ts';
import { DatasetSource, type DataVersion } from '../../../renderer/features/tables/datasetSource.ts';
import { distinctKeyParts } from '../../../renderer/features/tables/indexKeys.ts';
import { rowOrder, subjectLabel, type Subject } from '../../../renderer/features/tables/subjects.ts';
import type { TableFigures, TableQuery } from '../../../renderer/features/tables/tableFigures.ts';
import { seedAppeals } from '../appealRows.ts';
import { projectAppeals } from '../../../renderer/db/appeals.ts';

const PROJECT = 'mid';
const CODERS = ['coder-a', 'coder-b', 'coder-c'];
const APPEALS = 1500;
const db = new KodtauDb('dataset-source-test');
const version: DataVersion = { projectId: PROJECT, codings: 1, appeals: 1 };
const content = { variables: demoVariables(), merges: [] };
const codebook: Codebook = {
  projectId: PROJECT,
  version: 1,
  hash: codebookHash(content),
  ...content,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** Mulberry32: the same project on every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Appeals with an indexed column (region: some missing, some padded with spaces) and one without
 * an index (language); each coder codes about 85 % of them, agreeing 4 times in 5; some units are
 * settled by agreement, some by adjudication, some consensus is on an appeal nobody else coded.
 */
function project() {
  const random = generator(13);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const regions = codebook.variables.find((v) => v.id === 'region')!.categories.map((c) => c.label.en!);
  const appeals: Appeal[] = [];
  const codings: Coding[] = [];
  const consensus: Consensus[] = [];
  for (let order = 0; order < APPEALS; order++) {
    const id = `A-${String(order + 1).padStart(5, '0')}`;
    const region = order % 41 === 0 ? undefined : `${order % 97 === 0 ? ' ' : ''}${pick(regions)}`;
    appeals.push({
      projectId: PROJECT,
      id,
      order,
      text: `Appeal ${order}`,
      meta: { ...(region === undefined ? {} : { region }), language: order % 3 ? 'ru' : 'kk' },
    });
    for (const variable of codebook.variables) {
      if (variable.kind === 'text') continue;
      const codes = variable.categories.map((c) => c.code);
      const base = variable.kind === 'multi' && random() < 0.4 ? [pick(codes), pick(codes)] : [pick(codes)];
      for (const coderId of CODERS) {
        if (random() < 0.15) continue;
        // Agreeing coders may pick the same categories in another order: still the same answer.
        const same = random() < 0.5 ? [...new Set(base)] : [...new Set(base)].reverse();
        const values = random() < 0.8 ? same : [pick(codes)];
        codings.push({
          projectId: PROJECT,
          coderId,
          appealId: id,
          variableId: variable.id,
          values,
          unsure: false,
          updatedAt: '2026-01-02T00:00:00.000Z',
          codebookVersion: 1,
          ...(random() < 0.05 ? { note: `note ${order}` } : {}),
        });
      }
      const settle = random();
      if (settle < 0.15)
        consensus.push({
          projectId: PROJECT,
          appealId: id,
          variableId: variable.id,
          values: [pick(codes)],
          method: settle < 0.1 ? 'adjudicated' : 'agreed',
          by: 'supervisor',
          at: '2026-02-01T00:00:00.000Z',
        });
    }
    // A free-text variable no longer in the codebook: its texts agree when they differ in spaces only.
    if (order % 7 === 0)
      for (const coderId of CODERS)
        codings.push({
          projectId: PROJECT,
          coderId,
          appealId: id,
          variableId: 'retired',
          values: [],
          text: random() < 0.5 ? 'same text' : random() < 0.5 ? ' same text ' : `other ${order}`,
          unsure: false,
          updatedAt: '2026-01-02T00:00:00.000Z',
          codebookVersion: 1,
        });
  }
  return { appeals, codings, consensus };
}

/** What the screens read before: every appeal in order, every answer (by coder), every consensus. */
async function everything(): Promise<DatasetInput> {
  const [appeals, codings, consensus] = await Promise.all([
    projectAppeals(PROJECT, db),
    projectCodings(PROJECT, db),
    db.consensus.where('projectId').equals(PROJECT).toArray(),
  ]);
  const coders = [...new Set(codings.map((c) => c.coderId))].map((id) => ({ id, name: id }));
  const project = { id: PROJECT, name: 'Mid', languages: ['en' as const], createdAt: '', demo: false };
  return { project, codebook, appeals, codings, consensus, coders };
}

/** The table as TablesScreen's `buildTable` counted it before, from everything. */
function before(input: DatasetInput, query: TableQuery): TableFigures {
  const { subject, by, source, sort, lang } = query;
  const values: SourceValues = sourceValues(source, input, codebook.variables);
  const involved = [subject, by].filter((s): s is Subject & { kind: 'variable' } => s?.kind === 'variable');
  const cases = (s: Subject) =>
    s.kind === 'meta'
      ? input.appeals.map((a) => {
          const value = metaValue(a.meta, s.key)?.trim();
          return value ? [value] : [];
        })
      : input.appeals.map((a) => values.byVariable.get(s.id)?.get(a.id)?.values ?? []);
  const order = (s: Subject, list: string[][]) =>
    rowOrder(s, list, codebook, subjectLabel(s, codebook, lang), sort === 'count', lang);
  const rows = cases(subject);
  const ids = new Set(involved.map((s) => s.id));
  return {
    table: by
      ? { kind: 'cross', cross: crossTab(rows, cases(by), order(subject, rows), order(by, cases(by)), sort) }
      : { kind: 'frequency', frequency: frequencyTable(rows, order(subject, rows), sort) },
    final:
      source.kind === 'final' && involved.length > 0
        ? finalSummary(
            finalAppealCounts(
              values,
              input.appeals.map((a) => a.id),
              [...new Set(involved.map((s) => s.id))],
            ),
          )
        : null,
    tiedAppeals:
      source.kind === 'majority' && involved.length > 0
        ? new Set(values.ties.filter((t) => ids.has(t.variableId)).map((t) => t.appealId)).size
        : 0,
    consensusEmpty: source.kind === 'consensus' && involved.length > 0 && input.consensus.length === 0,
  };
}

const SOURCES = ['final', 'consensus', 'majority', ...CODERS.map((id) => `coder:${id}`)];
const SUBJECTS: Subject[] = [
  { kind: 'meta', key: 'region' },
  { kind: 'meta', key: 'language' },
  ...codebook.variables
    .filter((v) => v.kind !== 'text')
    .map((v) => ({ kind: 'variable' as const, id: v.id })),
];

beforeAll(async () => {
  const { appeals, codings, consensus } = project();
  await seedAppeals(appeals, db);
  // The coding blocks and the answer blocks, as `putCodings` writes them (on its own database).
  const rows = new CodingBlockBuilder();
  for (const coding of codings) rows.add(coding);
  await db.codingBlocks.bulkAdd(rows.build());
  const blocks = new AnswerBlockBuilder();
  for (const coding of codings) blocks.add(coding);
  await db.answerBlocks.bulkAdd(blocks.build());
  await db.consensus.bulkAdd(consensus);
  await db.coders.bulkAdd(CODERS.map((id) => ({ id, name: id })));
});

describe('DatasetSource equals the screens’ former figures', { timeout: 120_000 }, () => {
  it('every subject from every source, as a frequency table, sorted by count and by codebook', async () => {
    const input = await everything();
    const source = new DatasetSource(db);
    for (const sourceKey of SOURCES)
      for (const subject of SUBJECTS)
        for (const sort of ['count', 'codebook'] as const) {
          const query: TableQuery = {
            subject,
            by: null,
            source: parseTableSource(sourceKey)!,
            sort,
            lang: 'ru',
          };
          expect(
            await source.table(version, codebook, query),
            `${sourceKey} ${JSON.stringify(subject)}`,
          ).toEqual(before(input, query));
        }
  });

  it('cross-tabs of variables by metadata and by variables, with the final counts and the ties', async () => {
    const input = await everything();
    const source = new DatasetSource(db);
    const pairs: [Subject, Subject][] = [
      [SUBJECTS[2]!, SUBJECTS[0]!],
      [SUBJECTS[3]!, SUBJECTS[4]!],
      [SUBJECTS[1]!, SUBJECTS[0]!],
    ];
    for (const sourceKey of SOURCES)
      for (const [subject, by] of pairs) {
        const query: TableQuery = {
          subject,
          by,
          source: parseTableSource(sourceKey)!,
          sort: 'count',
          lang: 'en',
        };
        const figures = await source.table(version, codebook, query);
        expect(figures, `${sourceKey} ${JSON.stringify([subject, by])}`).toEqual(before(input, query));
        if (sourceKey === 'final' && subject.kind === 'variable')
          expect(figures.final!.appeals.unresolved).toBeGreaterThan(0);
        if (sourceKey === 'majority' && subject.kind === 'variable')
          expect(figures.tiedAppeals).toBeGreaterThan(0);
      }
  });

  it('the final dataset’s counts over every variable, as the Export screen shows them', async () => {
    const input = await everything();
    const expected = finalAppealCounts(
      sourceValues({ kind: 'final' }, input, codebook.variables),
      input.appeals.map((a) => a.id),
      codebook.variables.map((v) => v.id),
    );
    expect(expected.appeals.adjudicated).toBeGreaterThan(0);
    // The screen is handed the first units by name and how many there are.
    const summary = await new DatasetSource(db).finalCounts(version, codebook);
    expect(summary.units).toBe(expected.unresolved.length);
    expect(summary.unresolved).toEqual(expected.unresolved.slice(0, 20));
    expect(summary).toEqual(finalSummary(expected));
  });

  it('the export files, byte for byte', async () => {
    const input = await everything();
    const source = new DatasetSource(db);
    const request = (changes: Partial<FileRequest>): FileRequest => ({
      kind: 'dataset',
      layout: 'wide',
      sourceKey: 'final',
      labels: 'both',
      lang: 'kk',
      text: true,
      delimiter: ';',
      xlsx: false,
      syntax: { fileName: 'mid-wide-data.csv', title: 'Mid' },
      sheet: 'Mid',
      ...changes,
    });
    const text = async (changes: Partial<FileRequest>) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        (await source.file(version, input.project, codebook, request(changes), () => {})).bytes,
      );
    const wide = (key: string) =>
      wideDataset(input, { source: parseTableSource(key)!, labels: 'both', lang: 'kk', text: true });
    expect(await text({})).toBe(writeCsv(datasetRows(wide('final')), { delimiter: ';' }));
    expect(await text({ layout: 'long', sourceKey: 'all' })).toBe(
      writeCsv(longDataset(input, 'all', 'kk'), { delimiter: ';' }),
    );
    for (const key of ['majority', 'consensus', 'coder:coder-a'])
      expect(await text({ sourceKey: key, labels: 'both' }), key).toBe(
        writeCsv(datasetRows(wide(key)), { delimiter: ';' }),
      );
    expect(await text({ layout: 'long', sourceKey: 'final' })).toBe(
      writeCsv(longDataset(input, parseTableSource('final')!, 'kk'), { delimiter: ';' }),
    );
    for (const key of ['majority', 'consensus'])
      expect(await text({ layout: 'long', sourceKey: key }), key).toBe(
        writeCsv(longDataset(input, parseTableSource(key)!, 'kk'), { delimiter: ';' }),
      );
    // The variable no longer in the codebook is in the long layout.
    expect(await text({ layout: 'long', sourceKey: 'final' })).toContain('retired');
    expect(await text({ kind: 'statistics', sourceKey: 'coder:coder-b' })).toBe(
      statisticsCsv(wide('coder:coder-b')),
    );
    // The report beside the file: rows, ties, unresolved units.
    const final = await datasetFile({ rows: true, ...input }, request({}));
    expect(final.rows).toBe(APPEALS);
    expect(final.unresolved).toBe(
      finalAppealCounts(
        sourceValues({ kind: 'final' }, input, codebook.variables),
        input.appeals.map((a) => a.id),
        codebook.variables.map((v) => v.id),
      ).unresolved.length,
    );
  });

  it('the overview: the coders and variables found by skipping through the index keys', async () => {
    const input = await everything();
    const overview = await new DatasetSource(db).overview(version);
    expect(overview.coders.map((c) => c.id)).toEqual(
      [...new Set(input.codings.map((c) => c.coderId))].sort(),
    );
    expect(overview.consensus).toBe(true);
    expect(overview.metaKeys).toEqual(['language', 'region']);
    expect(await distinctKeyParts(db.answerBlocks, ':id', [PROJECT])).toEqual(
      [...new Set(input.codings.map((c) => c.variableId))].sort(),
    );
    expect(await distinctKeyParts(db.codingBlocks, ':id', ['no such project'])).toEqual([]);
  });

  it('writes the file after an export cancelled while the appeals were read', async () => {
    const input = await everything();
    const source = new DatasetSource(db);
    const request: FileRequest = {
      kind: 'dataset',
      layout: 'wide',
      sourceKey: 'final',
      labels: 'code',
      lang: 'en',
      text: true,
      delimiter: ',',
      xlsx: false,
      syntax: { fileName: 'mid-wide-data.csv', title: 'Mid' },
      sheet: 'Mid',
    };
    const stop = () => {
      throw new Cancelled();
    };
    await expect(source.file(version, input.project, codebook, request, stop)).rejects.toThrow(Cancelled);
    const file = await source.file(version, input.project, codebook, request, () => {});
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)).toBe(
      writeCsv(
        datasetRows(
          wideDataset(input, { source: { kind: 'final' }, labels: 'code', lang: 'en', text: true }),
        ),
        { delimiter: ',' },
      ),
    );
  });

  it('reads again after the codings change', async () => {
    const source = new DatasetSource(db);
    const query: TableQuery = {
      subject: SUBJECTS[2]!,
      by: null,
      source: { kind: 'coder', coderId: 'coder-a' },
      sort: 'count',
      lang: 'en',
    };
    const first = await source.table(version, codebook, query);
    const variableId = (SUBJECTS[2] as Subject & { kind: 'variable' }).id;
    const coding = (await variableCodings(PROJECT, variableId, db)).find((c) => c.coderId === 'coder-a')!;
    const write = (written: Coding) =>
      db.transaction('rw', [db.codingBlocks, db.answerBlocks], async () => {
        const key = codingBlockKeyOf(written);
        const block = new OpenCodingBlock(key, await db.codingBlocks.get(key));
        block.add(written);
        await db.codingBlocks.put(block.close());
        await updateAnswerBlocks(db.answerBlocks, [written]);
      });
    await write({ ...coding, cleared: true });
    try {
      const count = (f: TableFigures) => (f.table.kind === 'frequency' ? f.table.frequency.valid : -1);
      expect(count(await source.table(version, codebook, query))).toBe(count(first));
      expect(count(await source.table({ ...version, codings: 2 }, codebook, query))).toBe(count(first) - 1);
    } finally {
      await write(coding);
    }
  });
});
