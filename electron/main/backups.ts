import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { WriteBackupInput } from '../../shared/ipc/contract.ts';
import { writeFileAtomically } from './writeFileAtomically.ts';

/** How many daily copies of a project are kept: a week. */
export const KEEP_DAILY_BACKUPS = 7;
/** The project file's ending (PROJECT_FILE_EXTENSION; a test keeps the two equal). */
export const BACKUP_FILE_ENDING = '.kodtau-project.json';
const BACKUP_FILE = /^\d{4}-\d{2}-\d{2}\.kodtau-project\.json$/;

/**
 * A folder name for a project id that cannot leave the backups folder: letters, digits, `-` and
 * `_` stay, anything else becomes `_`, and then a hash of the id keeps two such ids apart.
 */
export function backupFolderName(projectId: string): string {
  const safe = projectId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100);
  if (safe === projectId) return safe;
  return `${safe}-${createHash('sha256').update(projectId).digest('hex').slice(0, 12)}`;
}

/**
 * Writes the day's copy of a project into `<root>/<project>/<day>.kodtau-project.json`
 * (replacing that day's earlier copy) and removes all but the newest KEEP_DAILY_BACKUPS days.
 * Files not named like a daily copy are left alone. Returns the file written.
 */
export async function writeDailyBackup(root: string, input: WriteBackupInput): Promise<string> {
  const folder = path.join(root, backupFolderName(input.projectId));
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${input.day}${BACKUP_FILE_ENDING}`);
  await writeFileAtomically(file, input.bytes);
  const days = (await readdir(folder)).filter((name) => BACKUP_FILE.test(name)).sort();
  for (const old of days.slice(0, -KEEP_DAILY_BACKUPS)) await rm(path.join(folder, old), { force: true });
  return file;
}
