import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { currentCodebook, deleteProject, openDemoProject } from '../../../renderer/db/projects.ts';
import { projectCodings } from '../../../renderer/db/queries.ts';
import { settle } from '../../../renderer/features/adjudication/adjudicationQueue.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { frequencyTable } from '../../../shared/tables/frequencyTable.ts';
import { sourceValues } from '../../../shared/tables/tableSource.ts';
import { appeal, codebook, coding, consensus, project } from './fixtures.ts';
import { seedCodings, storedAnswer, storedAnswers } from '../codingRows.ts';
import { appealTotal, seedAppeals } from '../appealRows.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

async function counts() {
  return {
    projects: await db.projects.count(),
    codebooks: await db.codebooks.count(),
    appeals: await appealTotal(),
    coders: await db.coders.count(),
    codings: (await storedAnswers()).length,
    consensus: await db.consensus.count(),
    imports: await db.imports.count(),
  };
}

describe('openDemoProject', () => {
  it('writes the project, its codebook, 341 appeals, the coders and their codings', async () => {
    // Expected counts come from the generator itself, except the 341 appeals of the study.
    const demo = createDemoProject();
    const id = await openDemoProject();
    expect(id).toBe(DEMO_PROJECT_ID);
    expect(await db.projects.get(id)).toMatchObject({ id, demo: true });
    expect(await currentCodebook(id)).toMatchObject({ projectId: id, hash: demo.codebook.hash });
    expect(await counts()).toEqual({
      projects: 1,
      codebooks: 1,
      appeals: 341,
      coders: demo.coders.length,
      codings: demo.codings.length,
      consensus: 0,
      imports: 1,
    });
    expect(demo.coders.length).toBeGreaterThanOrEqual(2);
    expect(demo.codings.length).toBeGreaterThan(0);
  });

  it("opens with the disagreements to adjudicate; settled as the demo's adjudicated file, it gives the study's tables", async () => {
    const demo = createDemoProject();
    await openDemoProject();
    const final = async () =>
      sourceValues(
        { kind: 'final' },
        {
          codings: await projectCodings(DEMO_PROJECT_ID),
          consensus: await db.consensus.where('projectId').equals(DEMO_PROJECT_ID).toArray(),
        },
        demo.codebook.variables,
      );
    const decisions = demo.adjudication.filter((c) => c.method === 'adjudicated');
    expect((await final()).unresolved).toHaveLength(decisions.length);
    expect(decisions).toHaveLength(48);
    // The supervisor settles each disagreement as the file does, one at a time.
    for (const decision of decisions) await settle(decision);
    const values = await final();
    expect(values.unresolved).toEqual([]);
    const cases = (variableId: string) =>
      [...values.byVariable.get(variableId)!.values()].map((v) => v.values);
    const count = (variableId: string, code: string) =>
      frequencyTable(cases(variableId)).rows.find((r) => r.key === code)?.count;
    expect(['almaty_city', 'astana_city', 'akmola'].map((code) => count('region', code))).toEqual([
      61, 47, 5,
    ]);
    expect(frequencyTable(cases('reason')).responses).toBe(447);
    expect(
      ['corruption', 'incompetence', 'red_tape', 'court', 'abuse'].map((c) => count('reason', c)),
    ).toEqual([83, 73, 70, 56, 44]);
    expect(cases('body').filter((v) => v.includes('police') || v.includes('health'))).toHaveLength(158);
  });

  it('records the import with the number of appeals and codings', async () => {
    const demo = createDemoProject();
    await openDemoProject();
    const [record] = await db.imports.toArray();
    expect(record).toMatchObject({
      kind: 'demo',
      projectId: DEMO_PROJECT_ID,
      summary: { appeals: 341, codings: demo.codings.length },
    });
  });

  it('adds nothing when the demo is already there', async () => {
    await openDemoProject();
    const before = await counts();
    await openDemoProject();
    expect(await counts()).toEqual(before);
  });

  it("keeps a coder's work on the demo when opened again", async () => {
    await openDemoProject();
    const extra = coding(DEMO_PROJECT_ID, 'me', 'A-1', 'region', ['almaty_city']);
    await seedCodings([extra]);
    await openDemoProject();
    expect(await storedAnswer([DEMO_PROJECT_ID, 'me', 'A-1', 'region'])).toEqual(extra);
  });

  it('writes all or nothing: a failing write leaves no half demo behind', async () => {
    // An import record already stored under the demo's id makes the last write fail, after the codings.
    const clash = { id: `${DEMO_PROJECT_ID}/demo`, projectId: 'other', kind: 'demo' as const };
    await db.imports.add({ ...clash, fileName: 'demo', fileHash: '', importedAt: '', summary: {} });
    await expect(openDemoProject()).rejects.toThrow();
    expect(await counts()).toMatchObject({ projects: 0, codebooks: 0, appeals: 0, imports: 1, codings: 0 });
    expect(await db.answerBlocks.count()).toBe(0);
  });
});

describe('deleteProject', () => {
  async function seed(id: string) {
    await db.projects.add(project(id));
    await db.codebooks.bulkAdd([codebook(id, 1), codebook(id, 2)]);
    await seedAppeals([appeal(id, 'A-1', 0), appeal(id, 'A-2', 1)]);
    await seedCodings([coding(id, 'c1', 'A-1', 'region', ['x']), coding(id, 'c2', 'A-2', 'region', ['y'])]);
    await db.consensus.add(consensus(id, 'A-1', 'region'));
    await db.imports.add({
      id: `${id}/i`,
      projectId: id,
      kind: 'appeals',
      fileName: 'a.csv',
      fileHash: 'h',
      importedAt: 'now',
      summary: {},
    });
    await db.reviews.add({
      projectId: id,
      appealId: 'A-1',
      variableId: 'region',
      coderId: 'c1',
      before: ['x'],
      after: ['y'],
      flaggedAt: 'now',
    });
    await db.trainingSets.add({
      projectId: id,
      id: 't',
      name: 'gold',
      appealIds: ['A-1'],
      by: 'c1',
      createdAt: 'now',
    });
  }

  it('removes everything of the project and nothing of another', async () => {
    // "p1" is a prefix of "p10": a range written as a string prefix would take both.
    await seed('p1');
    await seed('p10');
    await db.coders.bulkAdd([
      { id: 'c1', name: 'Aigerim' },
      { id: 'c2', name: 'Boris' },
    ]);
    await deleteProject('p1');

    for (const table of [
      db.codebooks,
      db.appealBlocks,
      db.appealColumns,
      db.codingBlocks,
      db.consensus,
      db.imports,
      db.reviews,
      db.trainingSets,
    ] as const) {
      const rows = (await table.toArray()) as { projectId: string }[];
      expect(rows.length, table.name).toBeGreaterThan(0);
      expect(
        rows.every((row) => row.projectId === 'p10'),
        table.name,
      ).toBe(true);
    }
    expect(await db.projects.toCollection().primaryKeys()).toEqual(['p10']);
    // Coders are people, not project data: they stay.
    expect(await db.coders.count()).toBe(2);
  });

  it('removes the demo project completely', async () => {
    await openDemoProject();
    await deleteProject(DEMO_PROJECT_ID);
    expect(await counts()).toMatchObject({
      projects: 0,
      codebooks: 0,
      appeals: 0,
      codings: 0,
      consensus: 0,
      imports: 0,
    });
  });
});

describe('currentCodebook', () => {
  it('returns the highest version of the project, not the last written', async () => {
    await db.codebooks.bulkAdd([
      codebook('p1', 2),
      codebook('p1', 10),
      codebook('p1', 3),
      codebook('p2', 99),
    ]);
    // 10 > 3 > 2 numerically; as strings "3" > "2" > "10", so a string sort would pick 3.
    expect((await currentCodebook('p1'))?.version).toBe(10);
  });

  it('returns undefined for a project without a codebook', async () => {
    await db.codebooks.add(codebook('p2', 1));
    expect(await currentCodebook('p1')).toBeUndefined();
  });
});
