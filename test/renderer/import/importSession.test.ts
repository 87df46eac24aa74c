import { beforeEach, describe, expect, it } from 'vitest';
import { APPEALS_PER_WRITE } from '../../../renderer/db/appeals.ts';
import { db } from '../../../renderer/db/db.ts';
import {
  ImportCancelled,
  ImportSession,
  toFailure,
} from '../../../renderer/features/import/importSession.ts';
import { newProjectFor } from '../../../renderer/features/import/newProject.ts';
import { encodeWindows1251, RU_1251_CSV } from '../../fixtures/import/fixtures.ts';
import { allAppeals, appealTotal, seedAppeals } from '../appealRows.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

const file = { name: 'appeals-1251.csv', bytes: encodeWindows1251(RU_1251_CSV) };

function bigCsv(rows: number): { name: string; bytes: Uint8Array } {
  const lines = ['id;text;region'];
  for (let i = 0; i < rows; i++) lines.push(`${i};Обращение номер ${i};Алматы`);
  return { name: 'big.csv', bytes: new TextEncoder().encode(lines.join('\n')) };
}

async function importInto(session: ImportSession, target: Parameters<ImportSession['write']>[0]) {
  const read = await session.read(file);
  const projectId = 'newProject' in target ? null : target.projectId;
  await session.check(read.mapping, projectId);
  return session.write(target, () => {});
}

describe('ImportSession', () => {
  it('creates the project, writes the appeals and the import record, and remembers the mapping', async () => {
    const project = newProjectFor('Обращения 2019');
    const result = await importInto(new ImportSession(), { newProject: project });
    expect(result).toEqual({ added: 3, alreadyPresent: 0, skipped: 0 });
    expect(await db.projects.get(project.id)).toMatchObject({ name: 'Обращения 2019' });
    const appeals = await allAppeals();
    expect(appeals.map((a) => [a.id, a.order, a.meta.region])).toEqual([
      ['101', 0, 'Алматы'],
      ['102', 1, 'Астана'],
      ['103', 2, 'Шымкент'],
    ]);
    expect((await db.imports.toArray())[0]).toMatchObject({ kind: 'appeals', fileName: 'appeals-1251.csv' });
    const again = await new ImportSession().read(file);
    expect(again.remembered).toBe(true);
  });

  it('importing the same file again adds nothing and says so', async () => {
    const project = newProjectFor('p');
    await importInto(new ImportSession(), { newProject: project });
    const session = new ImportSession();
    const read = await session.read(file);
    const plan = await session.check(read.mapping, project.id);
    expect(plan).toMatchObject({ toAdd: 0, alreadyPresent: 3, alreadyImported: true });
    expect(await appealTotal()).toBe(3);
  });

  it('a cancel during the write rolls everything back, the new project included', async () => {
    const session = new ImportSession();
    // More appeals than one write, so that the cancel lands between two of them.
    const read = await session.read(bigCsv(2 * APPEALS_PER_WRITE + 500));
    await session.check(read.mapping, null);
    const progress: number[] = [];
    const writing = session.write({ newProject: newProjectFor('big') }, (done) => {
      progress.push(done);
      if (done === APPEALS_PER_WRITE) session.cancel();
    });
    await expect(writing).rejects.toBeInstanceOf(ImportCancelled);
    expect(progress).toEqual([0, APPEALS_PER_WRITE]);
    expect(await db.projects.count()).toBe(0);
    expect(await appealTotal()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    expect(toFailure(await writing.catch((e: unknown) => e))).toEqual({ code: 'cancelled' });
  });

  it('a failure half-way (an id taken meanwhile) rolls back the appeals already written', async () => {
    const project = newProjectFor('p');
    await db.projects.add(project);
    const session = new ImportSession();
    const read = await session.read(bigCsv(5000));
    await session.check(read.mapping, project.id);
    // Another import wrote appeal 4500 after the check.
    await seedAppeals([{ projectId: project.id, id: '4500', text: 'x', meta: {}, order: 99_999 }]);
    await expect(session.write({ projectId: project.id }, () => {})).rejects.toThrow();
    expect(await appealTotal()).toBe(1);
  });

  it('reports bad files as codes the UI translates', async () => {
    const session = new ImportSession();
    const error = await session.read({ name: 'x.csv', bytes: new Uint8Array() }).catch((e: unknown) => e);
    expect(toFailure(error)).toEqual({ code: 'empty', line: undefined });
    // As it arrives from the worker: a plain Error carrying the code.
    expect(toFailure(Object.assign(new Error('x'), { code: 'unclosedQuote', line: 4 }))).toEqual({
      code: 'unclosedQuote',
      line: 4,
    });
    expect(toFailure(new Error('boom'))).toEqual({ code: 'unexpected' });
  });
});

describe('ImportSession: a workbook with several sheets and a title row', () => {
  it('offers the sheets and the header row, and re-reads with the ones chosen', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/universal');
    const text = (value: string) => ({ value, type: String });
    const blob = (await writeXlsxFile([
      { sheet: 'About', data: [[text('Exported 2019')], [text('by the portal')]] },
      {
        sheet: 'Appeals',
        data: [[text('Appeals, 2019')], [text('id'), text('text')], [text('7'), text('Су жоқ')]],
      },
    ] as never).toBlob()) as unknown as Blob;
    const session = new ImportSession();
    const first = await session.read({ name: 'book.xlsx', bytes: new Uint8Array(await blob.arrayBuffer()) });
    expect(first.sheets).toEqual(['About', 'Appeals']);
    const appeals = await session.reread({ sheet: 'Appeals' });
    expect(appeals).toMatchObject({ sheet: 'Appeals', headerRow: 2, header: ['id', 'text'], rowCount: 1 });
    const titled = await session.reread({ sheet: 'Appeals', headerRow: 1 });
    expect(titled.header[0]).toBe('Appeals, 2019');
  });
});
