import { studyProgress, type StudyProgress } from '../../../shared/tables/studyProgress.ts';
import { db } from '../../db/db.ts';
import { projectCodings } from '../../db/queries.ts';

/** Reads a project's answers and consensus and sums them up (see `studyProgress`). */
export async function readStudyProgress(projectId: string): Promise<StudyProgress> {
  const [codings, consensus] = await Promise.all([
    projectCodings(projectId),
    db.consensus.where('projectId').equals(projectId).toArray(),
  ]);
  return studyProgress(codings, consensus);
}
