import { Dexie } from 'dexie';
import { createDemoProject, DEMO_PROJECT_ID } from '../../shared/demo/index.ts';
import type { Codebook, Lang } from '../../shared/model/index.ts';
import { db } from './db.ts';
import { codingTables, deleteProjectCodings, putCodings } from './queries.ts';
import { addAppeals, appealTables, deleteProjectAppeals } from './appeals.ts';

/**
 * Writes the embedded demo project (project, codebook, appeals, the two demo coders and
 * their codings) in one transaction, unless it is already there. Returns its id. The coders are
 * named in the script of `lang`, the UI language it is opened in (Айгерім, Айгерим, Aigerim).
 */
export async function openDemoProject(lang: Lang = 'en'): Promise<string> {
  const demo = createDemoProject(lang);
  await db.transaction(
    'rw',
    [db.projects, db.codebooks, ...appealTables(), db.coders, ...codingTables(), db.imports],
    async () => {
      if (await db.projects.get(DEMO_PROJECT_ID)) return;
      await db.projects.add(demo.project);
      await db.codebooks.add(demo.codebook);
      await addAppeals(demo.appeals);
      await db.coders.bulkPut(demo.coders);
      await putCodings(demo.codings);
      await db.imports.add({
        id: `${DEMO_PROJECT_ID}/demo`,
        projectId: DEMO_PROJECT_ID,
        kind: 'demo',
        fileName: 'demo',
        fileHash: demo.codebook.hash,
        importedAt: new Date().toISOString(),
        summary: { appeals: demo.appeals.length, codings: demo.codings.length },
      });
    },
  );
  return DEMO_PROJECT_ID;
}

/** Removes a project and everything that belongs to it, in one transaction. */
export async function deleteProject(projectId: string): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.projects,
      db.codebooks,
      ...appealTables(),
      ...codingTables(),
      db.consensus,
      db.imports,
      db.reviews,
      db.trainingSets,
      db.backups,
    ],
    async () => {
      await deleteProjectAppeals(projectId);
      await deleteProjectCodings(projectId);
      await db.coderEdits
        .where('[projectId+coderId]')
        .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
        .delete();
      await db.answerBlocks
        .where('[projectId+variableId+block]')
        .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
        .delete();
      await db.consensus.where('projectId').equals(projectId).delete();
      await db.codebooks.where('projectId').equals(projectId).delete();
      await db.imports.where('projectId').equals(projectId).delete();
      await db.reviews.where('projectId').equals(projectId).delete();
      await db.trainingSets.where('projectId').equals(projectId).delete();
      await db.backups.delete(projectId);
      await db.projects.delete(projectId);
    },
  );
}

/** The newest version of the project's codebook. */
export async function currentCodebook(projectId: string): Promise<Codebook | undefined> {
  return db.codebooks.where('[projectId+version]').between([projectId, 0], [projectId, Infinity]).last();
}
