import {
  buildProjectFile,
  parseProjectFileText,
  serializeProjectFile,
  type ProjectData,
} from '../../shared/formats/projectFile.ts';
import type { Project } from '../../shared/model/index.ts';
import { db, type BackupRecord } from './db.ts';
import { deleteProject } from './projects.ts';
import { codingTables, projectAllCodings, putCodings } from './queries.ts';
import { addAppeals, appealTables, projectAppeals } from './appeals.ts';

/** Every table a project lives in: what a backup reads and a restore writes, in one transaction. */
const projectTables = () => [
  db.projects,
  db.codebooks,
  ...appealTables(),
  db.coders,
  ...codingTables(),
  db.consensus,
  db.reviews,
  db.trainingSets,
  db.imports,
  db.backups,
];

/**
 * The whole project as the project file holds it: every codebook version, the appeals, every
 * coding with the tombstones, consensus, review flags, training sets, import records, and the
 * coders that any of them names. Undefined when there is no such project.
 */
export function readProjectData(projectId: string): Promise<ProjectData | undefined> {
  return db.transaction('r', projectTables(), async () => {
    const project = await db.projects.get(projectId);
    if (!project) return undefined;
    const [codebooks, appeals, codings, consensus, reviews, trainingSets, imports] = await Promise.all([
      db.codebooks.where('projectId').equals(projectId).toArray(),
      projectAppeals(projectId),
      // Answers and tombstones: the file carries both.
      projectAllCodings(projectId),
      db.consensus.where('projectId').equals(projectId).toArray(),
      db.reviews.where('projectId').equals(projectId).toArray(),
      db.trainingSets.where('projectId').equals(projectId).toArray(),
      db.imports.where('projectId').equals(projectId).toArray(),
    ]);
    const coderIds = new Set([
      ...codings.map((c) => c.coderId),
      ...consensus.map((c) => c.by),
      ...reviews.map((r) => r.coderId),
      ...trainingSets.map((t) => t.by),
    ]);
    const coders = (await db.coders.bulkGet([...coderIds])).filter((coder) => coder !== undefined);
    return { project, codebooks, appeals, coders, codings, consensus, reviews, trainingSets, imports };
  });
}

export interface ProjectFileBytes {
  bytes: Uint8Array<ArrayBuffer>;
  /** The file's integrity digest: equal projects give equal digests. */
  digest: string;
}

/** The project file of a project, as the bytes to save. */
export async function projectFileBytes(projectId: string): Promise<ProjectFileBytes> {
  const data = await readProjectData(projectId);
  if (!data) throw new Error(`No project ${projectId}`);
  const file = buildProjectFile(data);
  return { bytes: new TextEncoder().encode(serializeProjectFile(file)), digest: file.integrity.digest };
}

export type RestoreOutcome =
  | { kind: 'restored'; project: Project; appeals: number; codings: number }
  /** A project with the file's id is here already; nothing was written. */
  | { kind: 'exists'; project: Project };

/**
 * Restores a project file: the whole project, in one transaction. A project with the same id is
 * left alone (outcome `exists`) unless `replace` is set, when it is deleted first in the same
 * transaction. Coders already known here keep their name.
 * @throws {ProjectFileError} for a damaged, foreign or newer file, before anything is written.
 */
export async function restoreProjectFile(
  bytes: Uint8Array,
  options: { replace: boolean; now: string },
): Promise<RestoreOutcome> {
  // Not fatal: a damaged byte then fails the integrity check, which says what happened.
  const file = parseProjectFileText(new TextDecoder().decode(bytes));
  const projectId = file.project.id;
  return db.transaction('rw', projectTables(), async () => {
    const present = await db.projects.get(projectId);
    if (present && !options.replace) return { kind: 'exists', project: present } as const;
    if (present) await deleteProject(projectId);
    const known = new Set((await db.coders.bulkGet(file.coders.map((c) => c.id))).map((c) => c?.id));
    await db.projects.add(file.project);
    await db.codebooks.bulkAdd(file.codebooks);
    await addAppeals(file.appeals);
    await db.coders.bulkAdd(file.coders.filter((coder) => !known.has(coder.id)));
    await putCodings(file.codings);
    await db.consensus.bulkAdd(file.consensus);
    await db.reviews.bulkAdd(file.reviews);
    await db.trainingSets.bulkAdd(file.trainingSets);
    await db.imports.bulkAdd(file.imports);
    // The file it came from is a backup of exactly this.
    await db.backups.put({ projectId, savedAt: options.now });
    return {
      kind: 'restored',
      project: file.project,
      appeals: file.appeals.length,
      codings: file.codings.filter((c) => !c.cleared).length,
    } as const;
  });
}

/** Merges `change` into the project's backup record. */
export function updateBackupRecord(
  projectId: string,
  change: Omit<Partial<BackupRecord>, 'projectId'>,
): Promise<void> {
  return db.transaction('rw', db.backups, async () => {
    const record = await db.backups.get(projectId);
    await db.backups.put({ ...record, ...change, projectId });
  });
}
