import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import {
  backupDue,
  localDay,
  projectFileName,
  writeDailyBackupOf,
} from '../../../renderer/features/projects/backupSchedule.ts';
import type { WriteBackupInput } from '../../../renderer/platform/types.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { parseProjectFileText } from '../../../shared/formats/projectFile.ts';
import { coding } from '../db/fixtures.ts';
import { seedCodings } from '../codingRows.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('backup schedule', () => {
  it('reminds when there is no project file or the last is more than seven days old', () => {
    const now = new Date('2026-03-10T12:00:00.000Z');
    expect(backupDue(undefined, now)).toBe(true);
    expect(backupDue('2026-03-03T12:00:00.000Z', now)).toBe(false);
    expect(backupDue('2026-03-03T11:59:59.000Z', now)).toBe(true);
    expect(backupDue('2026-03-09T08:00:00.000Z', now)).toBe(false);
  });

  it('names days and files as the user reads them', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(projectFileName('demo-open-dialogue', '2026-01-05')).toBe(
      'demo-open-dialogue-2026-01-05.kodtau-project.json',
    );
    expect(projectFileName('a/b\\c', '2026-01-05')).toBe('a_b_c-2026-01-05.kodtau-project.json');
  });

  it('writes one copy a day, and none when the project is unchanged since the last', async () => {
    await openDemoProject();
    const written: WriteBackupInput[] = [];
    const write = async (input: WriteBackupInput) => void written.push(input);

    expect(await writeDailyBackupOf(DEMO_PROJECT_ID, write, '2026-03-01')).toBe(true);
    expect(await writeDailyBackupOf(DEMO_PROJECT_ID, write, '2026-03-01')).toBe(false);
    expect(written.map((w) => [w.projectId, w.day])).toEqual([[DEMO_PROJECT_ID, '2026-03-01']]);
    const file = parseProjectFileText(new TextDecoder().decode(written[0]!.bytes));
    expect(file.project.id).toBe(DEMO_PROJECT_ID);

    // The next day, nothing changed: no copy; a coding, and the day after: a copy.
    expect(await writeDailyBackupOf(DEMO_PROJECT_ID, write, '2026-03-02')).toBe(false);
    await seedCodings([coding(DEMO_PROJECT_ID, 'me', 'OD-2019-0001', 'region', ['x'])]);
    expect(await writeDailyBackupOf(DEMO_PROJECT_ID, write, '2026-03-02')).toBe(false);
    expect(await writeDailyBackupOf(DEMO_PROJECT_ID, write, '2026-03-03')).toBe(true);
    expect(written.map((w) => w.day)).toEqual(['2026-03-01', '2026-03-03']);
    // The daily copy is not the supervisor's project file: the reminder still shows.
    expect((await db.backups.get(DEMO_PROJECT_ID))?.savedAt).toBeUndefined();
  });

  it('writes nothing for a project that is not there', async () => {
    const written: WriteBackupInput[] = [];
    expect(await writeDailyBackupOf('gone', async (input) => void written.push(input), '2026-03-01')).toBe(
      false,
    );
    expect(written).toEqual([]);
  });

  it('records no day when the write fails, so the next check tries again', async () => {
    await openDemoProject();
    const failing = () => Promise.reject(new Error('disk full'));
    await expect(writeDailyBackupOf(DEMO_PROJECT_ID, failing, '2026-03-01')).rejects.toThrow('disk full');
    expect(await db.backups.get(DEMO_PROJECT_ID)).toBeUndefined();
  });
});
