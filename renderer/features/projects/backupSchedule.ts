import { PROJECT_FILE_EXTENSION } from '../../../shared/formats/projectFile.ts';
import { db } from '../../db/db.ts';
import { updateBackupRecord } from '../../db/projectBackup.ts';
import type { WriteBackupInput } from '../../platform/types.ts';
import { projectFileOffThread } from './backupOffThread.ts';

/** The supervisor is reminded when the last project file is older than this, or there is none. */
export const BACKUP_REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar day of `date`, yyyy-mm-dd: the daily copy's name. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `<project>-<day>.kodtau-project.json`, with anything but letters, digits, - and _ as _. */
export function projectFileName(projectId: string, day: string): string {
  return `${projectId.replace(/[^\p{L}\p{N}_-]/gu, '_')}-${day}.${PROJECT_FILE_EXTENSION}`;
}

/** Whether to remind the supervisor to save a project file: never saved, or over a week ago. */
export function backupDue(savedAt: string | undefined, now: Date): boolean {
  return !savedAt || now.getTime() - Date.parse(savedAt) > BACKUP_REMINDER_DAYS * DAY_MS;
}

/**
 * Writes the project's daily copy (Electron) unless today's is written already; a project
 * unchanged since its last copy is not written again, so the week kept holds distinct states.
 * Returns whether a file was written.
 */
export async function writeDailyBackupOf(
  projectId: string,
  write: (input: WriteBackupInput) => Promise<void>,
  today: string,
): Promise<boolean> {
  const record = await db.backups.get(projectId);
  if (record?.dailyDay === today || !(await db.projects.get(projectId))) return false;
  const { bytes, digest } = await projectFileOffThread(projectId);
  const changed = digest !== record?.dailyDigest;
  if (changed) await write({ projectId, day: today, bytes });
  await updateBackupRecord(projectId, { dailyDay: today, dailyDigest: digest });
  return changed;
}
