import { beforeEach, describe, expect, it } from 'vitest';
import { CHUNK_ORDERS, readAppealColumns } from '../../../renderer/db/appealColumns.ts';
import { db } from '../../../renderer/db/db.ts';
import { projectFileBytes, restoreProjectFile } from '../../../renderer/db/projectBackup.ts';
import { deleteProject, openDemoProject } from '../../../renderer/db/projects.ts';
import { ImportSession } from '../../../renderer/features/import/importSession.ts';
import { newProjectFor } from '../../../renderer/features/import/newProject.ts';
import { openProjectPackage } from '../../../renderer/features/import/projectPackages.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { createProjectPackage, serializeProjectPackage } from '../../../shared/formats/projectPackage.ts';
import type { Appeal } from '../../../shared/model/index.ts';
import { expectColumnsInStep } from './appealColumnsInStep.ts';
import { seedAppeals } from '../appealRows.ts';
import { addAppeals, appealTables } from '../../../renderer/db/appeals.ts';
import { project } from './fixtures.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

const appeal = (projectId: string, id: string, order: number, meta: Record<string, string> = {}): Appeal => ({
  projectId,
  id,
  order,
  text: `Text of ${id}`,
  meta,
});

describe('the appeals’ columns', () => {
  it('follow every add, across chunks, out of order, with ties and missing fields', async () => {
    // Orders across several chunks, out of order, with ties (sorted by id then) and missing fields.
    const many = Array.from({ length: 2 * CHUNK_ORDERS + 50 }, (_, i) =>
      appeal('p', `A${i}`, (i * 7919) % (2 * CHUNK_ORDERS + 50), {
        ...(i % 3 ? { region: `R${i % 5}` } : {}),
        ...(i % 4 ? { addressee: i % 2 ? 'Akimat' : '' } : {}),
        date: `2019-0${1 + (i % 9)}-01`,
      }),
    );
    await seedAppeals(many);
    await seedAppeals([appeal('p', 'tie-b', 5), appeal('p', 'tie-a', 5), appeal('q', 'Q1', 0)]);
    await expectColumnsInStep();
    // Added later into chunks that have appeals and into a new one.
    await seedAppeals([
      appeal('p', 'late-1', 7, { region: 'Late' }),
      appeal('p', 'late-2', 3 * CHUNK_ORDERS),
    ]);
    await expectColumnsInStep();
    const columns = await readAppealColumns(db.appealColumns, 'p');
    expect(columns.ids).toHaveLength(many.length + 4);
    expect(columns.orders).toEqual([...columns.orders].sort((x, y) => x - y));
    // At one order, by id.
    expect(columns.ids.slice(columns.orders.indexOf(5), columns.orders.lastIndexOf(5) + 1)).toEqual([
      many.find((a) => a.order === 5)!.id,
      'tie-a',
      'tie-b',
    ]);
    expect(columns.region[columns.ids.indexOf('late-1')]).toBe('Late');
  });

  it('keep only what a write stored: an add with an id already there, or a failed transaction, adds nothing', async () => {
    await seedAppeals([appeal('p', 'A1', 0, { region: 'X' })]);
    // The same id in the same block, and in another block.
    for (const order of [7, 5 * CHUNK_ORDERS])
      await expect(
        seedAppeals([appeal('p', 'A1', order, { region: 'Y' }), appeal('p', 'A2', 1, { region: 'Z' })]),
      ).rejects.toThrow();
    await expectColumnsInStep();
    expect((await readAppealColumns(db.appealColumns, 'p')).region).toEqual(['X']);
    await expect(
      db.transaction('rw', appealTables(), async () => {
        await addAppeals([appeal('p', 'A3', 2)]);
        throw new Error('halfway');
      }),
    ).rejects.toThrow('halfway');
    await expectColumnsInStep();
    expect((await readAppealColumns(db.appealColumns, 'p')).ids).toEqual(['A1']);
    // The same id in another project is another appeal.
    await seedAppeals([appeal('q', 'A1', 0)]);
    await expectColumnsInStep();
  });

  it('are written by every writer of appeals: demo, package, import, project file, project removal', async () => {
    await openDemoProject();
    await expectColumnsInStep();
    const file = await projectFileBytes(DEMO_PROJECT_ID);
    await deleteProject(DEMO_PROJECT_ID);
    await expectColumnsInStep();
    expect(await db.appealColumns.count()).toBe(0);
    await restoreProjectFile(file.bytes, { replace: false, now: '2019-08-03T00:00:00.000Z' });
    await expectColumnsInStep();
    expect((await readAppealColumns(db.appealColumns, DEMO_PROJECT_ID)).ids).toHaveLength(341);
    await restoreProjectFile(file.bytes, { replace: true, now: '2019-08-03T00:00:00.000Z' });
    await expectColumnsInStep();

    const appeals = Array.from({ length: 12 }, (_, i) => appeal('pkg', `P${i}`, i, { region: `R${i % 2}` }));
    const pkg = createProjectPackage({ project: project('pkg'), codebook: null, appeals });
    await openProjectPackage({ name: 'p.kodtau', bytes: serializeProjectPackage(pkg) });
    await expectColumnsInStep();

    const session = new ImportSession();
    const csv = ['id;text;region;date', '7;Обращение;Алматы;2019-08-01', '8;Второе;Астана;2019-08-02'];
    const read = await session.read({ name: 'a.csv', bytes: new TextEncoder().encode(csv.join('\n')) });
    await session.check(read.mapping, null);
    const target = newProjectFor('Обращения');
    await session.write({ newProject: target }, () => {});
    await expectColumnsInStep();
    expect((await readAppealColumns(db.appealColumns, target.id)).region).toEqual(['Алматы', 'Астана']);
  });
});
