import { Dexie } from 'dexie';
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
  it('follow every kind of write to the appeals, in any table call', async () => {
    // Orders across several chunks, out of order, with ties (sorted by id then) and missing fields.
    const many = Array.from({ length: 2 * CHUNK_ORDERS + 50 }, (_, i) =>
      appeal('p', `A${i}`, (i * 7919) % (2 * CHUNK_ORDERS + 50), {
        ...(i % 3 ? { region: `R${i % 5}` } : {}),
        ...(i % 4 ? { addressee: i % 2 ? 'Akimat' : '' } : {}),
        date: `2019-0${1 + (i % 9)}-01`,
      }),
    );
    await db.appeals.bulkAdd(many);
    await db.appeals.bulkAdd([appeal('p', 'tie-b', 5), appeal('p', 'tie-a', 5), appeal('q', 'Q1', 0)]);
    await expectColumnsInStep();

    // A put that moves an appeal to another chunk, one that changes its fields, an update.
    await db.appeals.put(appeal('p', 'A1', 3 * CHUNK_ORDERS + 1, { region: 'Moved' }));
    await db.appeals.bulkPut([
      appeal('p', 'A2', many[2]!.order, { region: 'Changed' }),
      appeal('q', 'Q2', 1),
    ]);
    await db.appeals.update(['p', 'A3'], { meta: { region: 'Updated' } });
    await db.appeals
      .where('[projectId+order]')
      .between(['p', 0], ['p', 100])
      .modify((a) => {
        a.meta = { ...a.meta, addressee: 'Modified' };
      });
    await expectColumnsInStep();

    // Deletes by key, by an index range, and by a range of the primary key.
    await db.appeals.delete(['p', 'A4']);
    await db.appeals.bulkDelete([
      ['p', 'A5'],
      ['p', 'no such appeal'],
    ]);
    await db.appeals
      .where('[projectId+order]')
      .between(['p', CHUNK_ORDERS], ['p', CHUNK_ORDERS + 500])
      .delete();
    await db.appeals.where(':id').between(['q', Dexie.minKey], ['q', Dexie.maxKey]).delete();
    await expectColumnsInStep();
    expect(
      await db.appealColumns.where('[projectId+chunk]').between(['q', -Infinity], ['q', Infinity]).count(),
    ).toBe(0);
  });

  it('keep only what a write stored: a bulkAdd with a duplicate adds the others, a failed transaction nothing', async () => {
    await db.appeals.bulkAdd([appeal('p', 'A1', 0, { region: 'X' })]);
    await expect(
      db.appeals.bulkAdd([appeal('p', 'A1', 7, { region: 'Y' }), appeal('p', 'A2', 1, { region: 'Z' })]),
    ).rejects.toThrow();
    await expectColumnsInStep();
    expect((await readAppealColumns(db.appealColumns, 'p')).region).toEqual(['X', 'Z']);
    await expect(
      db.transaction('rw', db.appeals, async () => {
        await db.appeals.add(appeal('p', 'A3', 2));
        throw new Error('halfway');
      }),
    ).rejects.toThrow('halfway');
    await expectColumnsInStep();
    expect((await readAppealColumns(db.appealColumns, 'p')).ids).toEqual(['A1', 'A2']);
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
