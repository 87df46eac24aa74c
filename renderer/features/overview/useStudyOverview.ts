import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StudyProgress } from '../../../shared/tables/studyProgress.ts';
import { db } from '../../db/db.ts';
import { useFigures } from './progressOffThread.ts';
import { appealCount } from '../../db/appeals.ts';

/** What the overview reads on the UI thread: counts over small index ranges. */
export interface StudyCounts {
  appeals: number;
  coderFiles: number;
  consensus: number;
}

/**
 * Counts the project's answer blocks, a thousand rows at most: the count of a primary-key range
 * runs again on every write to a block of the project (an answer given, changed or cleared).
 */
export const projectBlockCount = (projectId: string): Promise<number> =>
  db.answerBlocks
    .where('[projectId+variableId+block]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .count();

/** The cheap counts, live; and the progress summed in a worker whenever the answers or consensus change. */
export function useStudyOverview(projectId: string): {
  counts: StudyCounts | undefined;
  /** undefined while summed; null when summing failed. */
  progress: StudyProgress | null | undefined;
} {
  const live = useLiveQuery(async () => {
    const [appeals, coderFiles, consensus, blocks] = await Promise.all([
      appealCount(projectId),
      db.imports
        .where('projectId')
        .equals(projectId)
        .filter((record) => record.kind === 'coderFile')
        .count(),
      db.consensus.where('projectId').equals(projectId).count(),
      projectBlockCount(projectId),
    ]);
    return { counts: { appeals, coderFiles, consensus }, blocks };
  }, [projectId]);
  const progress = useFigures({ method: 'progress', projectId }, live);
  return { counts: live?.counts, progress };
}
