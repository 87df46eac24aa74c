import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import {
  projectFileBytes,
  readProjectData,
  restoreProjectFile,
  type RestoreOutcome,
} from '../../../renderer/db/projectBackup.ts';
import { deleteProject, openDemoProject } from '../../../renderer/db/projects.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { ProjectFileError } from '../../../shared/formats/projectFile.ts';
import { clearedCoding } from '../../../shared/model/index.ts';
import { appeal, codebook, coding, consensus, project } from './fixtures.ts';
import { seedCodings, storedAnswers, storedCleared } from '../codingRows.ts';
import { allAppeals, seedAppeals } from '../appealRows.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

const NOW = '2026-03-01T09:00:00.000Z';
const restore = (bytes: Uint8Array, replace = false) => restoreProjectFile(bytes, { replace, now: NOW });

/** Everything of every project in the database, each table in key order. */
async function everything() {
  const tables = [
    db.projects,
    db.codebooks,
    db.appealBlocks,
    db.appealColumns,
    db.coders,
    db.codingBlocks,
    db.consensus,
    db.reviews,
    db.trainingSets,
    db.imports,
  ];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t.name, await t.toArray()])));
}

/** The demo project with a second codebook version, a tombstone and every other kind of row. */
async function richDemo() {
  await openDemoProject();
  const [first, second] = await storedAnswers();
  const current = (await db.codebooks.get([DEMO_PROJECT_ID, 1]))!;
  await db.codebooks.add({ ...current, version: 2, hash: 'f'.repeat(64) });
  await seedCodings([clearedCoding(first!, '2026-02-01T10:00:00.000Z')]);
  await db.consensus.add({
    ...consensus(DEMO_PROJECT_ID, second!.appealId, second!.variableId),
    method: 'adjudicated',
    reason: 'the text names the court',
    by: 'supervisor',
  });
  await db.coders.put({ id: 'supervisor', name: 'Supervisor' });
  await db.reviews.add({
    projectId: DEMO_PROJECT_ID,
    appealId: second!.appealId,
    variableId: second!.variableId,
    coderId: second!.coderId,
    before: ['a'],
    after: ['b'],
    flaggedAt: NOW,
  });
  await db.trainingSets.add({
    projectId: DEMO_PROJECT_ID,
    id: 'gold',
    name: 'Gold',
    appealIds: [second!.appealId],
    by: 'supervisor',
    createdAt: NOW,
  });
}

/** A second, small project that a restore must leave as it is. */
async function otherProject() {
  await db.projects.add(project('p1'));
  await db.codebooks.add(codebook('p1', 1));
  await seedAppeals([appeal('p1', 'A-1', 0)]);
  await seedCodings([coding('p1', 'me', 'A-1', 'region', ['x'])]);
  await db.coders.put({ id: 'me', name: 'Me' });
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await restore(bytes);
  } catch (error) {
    if (error instanceof ProjectFileError) return error.code;
    throw error;
  }
  return 'restored';
}

describe('project backup', { timeout: 30_000 }, () => {
  it('restores a deleted project into exactly the tables it was saved from, tombstones included', async () => {
    await richDemo();
    await otherProject();
    const before = await everything();
    const appealsBefore = await allAppeals();
    const { bytes, digest } = await projectFileBytes(DEMO_PROJECT_ID);

    await deleteProject(DEMO_PROJECT_ID);
    expect((await storedCleared()).length).toBe(0);
    const outcome = await restore(bytes);

    expect(outcome).toMatchObject({ kind: 'restored', project: { id: DEMO_PROJECT_ID } });
    expect(await everything()).toEqual(before);
    // toEqual ignores key order; the exports follow the metadata's (the source file's columns).
    const metaOrder = (rows: { meta: object }[]) => rows.map((row) => Object.keys(row.meta).join());
    expect(metaOrder(await allAppeals())).toEqual(metaOrder(appealsBefore));
    expect(metaOrder(appealsBefore)[0]).toBe('date,region,addressee,reply,language');
    expect((await storedCleared()).length).toBe(1);
    expect(await db.codebooks.where('projectId').equals(DEMO_PROJECT_ID).count()).toBe(2);
    // Saved again, the restored project gives the same file, byte for byte.
    const again = await projectFileBytes(DEMO_PROJECT_ID);
    expect(again.digest).toBe(digest);
    expect(again.bytes).toEqual(bytes);
    expect(await db.backups.get(DEMO_PROJECT_ID)).toEqual({ projectId: DEMO_PROJECT_ID, savedAt: NOW });
  });

  it('restores into an empty profile, adding the coders the project names', async () => {
    await richDemo();
    const before = await everything();
    const { bytes } = await projectFileBytes(DEMO_PROJECT_ID);
    await db.delete();
    await db.open();

    await restore(bytes);
    expect(await everything()).toEqual(before);
  });

  it('carries only the coders the project names, and keeps the names coders have here', async () => {
    await richDemo();
    await otherProject();
    const data = (await readProjectData(DEMO_PROJECT_ID))!;
    expect(data.coders.map((c) => c.id)).not.toContain('me');
    expect(data.coders.map((c) => c.id)).toContain('supervisor');
    const { bytes } = await projectFileBytes(DEMO_PROJECT_ID);

    await deleteProject(DEMO_PROJECT_ID);
    await db.coders.put({ id: 'supervisor', name: 'Айгерим (руководитель)' });
    await restore(bytes);
    expect(await db.coders.get('supervisor')).toEqual({ id: 'supervisor', name: 'Айгерим (руководитель)' });
  });

  it('leaves a project that is here alone unless told to replace it, then replaces it whole', async () => {
    await richDemo();
    const saved = await everything();
    const { bytes } = await projectFileBytes(DEMO_PROJECT_ID);
    // Work done after the save: a new coding, a new appeal.
    await seedCodings([coding(DEMO_PROJECT_ID, 'late', 'OD-2019-0001', 'region', ['x'])]);
    await seedAppeals([appeal(DEMO_PROJECT_ID, 'LATE-1', 10_000)]);
    const later = await everything();

    const outcome: RestoreOutcome = await restore(bytes);
    expect(outcome).toMatchObject({ kind: 'exists', project: { id: DEMO_PROJECT_ID } });
    expect(await everything()).toEqual(later);

    expect((await restore(bytes, true)).kind).toBe('restored');
    expect(await everything()).toEqual(saved);
  });

  it('refuses a foreign, newer, damaged or changed file and changes nothing', async () => {
    await richDemo();
    const { bytes } = await projectFileBytes(DEMO_PROJECT_ID);
    await deleteProject(DEMO_PROJECT_ID);
    await otherProject();
    const before = await everything();
    const text = new TextDecoder().decode(bytes);
    const encode = (value: string) => new TextEncoder().encode(value);
    const json = JSON.parse(text) as Record<string, unknown>;

    expect(await refusal(encode('id,text\n1,Пример\n'))).toBe('foreign');
    expect(await refusal(encode(JSON.stringify({ ...json, format: 'kodtau-coder-file' })))).toBe('foreign');
    expect(await refusal(encode(JSON.stringify({ ...json, version: 3 })))).toBe('newer');
    expect(await refusal(encode(text.slice(0, text.length / 2)))).toBe('invalid');
    expect(await refusal(encode(JSON.stringify({ ...json, appeals: 'none' })))).toBe('invalid');
    expect(await refusal(encode(text.replace('"Aigerim"', '"Aigerim!"')))).toBe('integrity');
    expect(await everything()).toEqual(before);
    expect(await db.backups.count()).toBe(0);
  });

  it('writes nothing when a write fails halfway (one transaction)', async () => {
    await richDemo();
    const { bytes } = await projectFileBytes(DEMO_PROJECT_ID);
    await deleteProject(DEMO_PROJECT_ID);
    // Another project holds the import record id the file brings: its bulkAdd fails last.
    await otherProject();
    await db.imports.add({
      id: `${DEMO_PROJECT_ID}/demo`,
      projectId: 'p1',
      kind: 'appeals',
      fileName: 'a.csv',
      fileHash: 'h',
      importedAt: NOW,
      summary: {},
    });
    const before = await everything();
    await expect(restore(bytes)).rejects.toThrow();
    expect(await everything()).toEqual(before);
  });
});
