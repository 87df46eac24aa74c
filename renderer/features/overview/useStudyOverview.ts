import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { StudyProgress } from '../../../shared/tables/studyProgress.ts';
import { db } from '../../db/db.ts';
import { projectLastEdit } from '../../db/queries.ts';
import { progressOffThread } from './progressOffThread.ts';

/** What the overview reads on the UI thread: counts over index ranges and a few small records. */
export interface StudyCounts {
  appeals: number;
  coderFiles: number;
  codings: number;
  consensus: number;
  /** The latest edit of any coding: a new answer that changes no count still refreshes the figures. */
  lastEdit: string;
}

/** The cheap counts, live; and the progress summed in a worker whenever they change. */
export function useStudyOverview(projectId: string): {
  counts: StudyCounts | undefined;
  /** undefined while summed; null when summing failed. */
  progress: StudyProgress | null | undefined;
} {
  const counts = useLiveQuery(async (): Promise<StudyCounts> => {
    const [appeals, coderFiles, codings, consensus, lastEdit] = await Promise.all([
      db.appeals.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).count(),
      db.imports
        .where('projectId')
        .equals(projectId)
        .filter((record) => record.kind === 'coderFile')
        .count(),
      db.codings
        .where('[projectId+coderId]')
        .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
        .count(),
      db.consensus.where('projectId').equals(projectId).count(),
      projectLastEdit(projectId),
    ]);
    return { appeals, coderFiles, codings, consensus, lastEdit };
  }, [projectId]);

  const [progress, setProgress] = useState<{ key: string; value: StudyProgress | null }>();
  const key = counts ? `${projectId}/${counts.codings}/${counts.consensus}/${counts.lastEdit}` : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    progressOffThread(projectId).then(
      (value) => live && setProgress({ key, value }),
      () => live && setProgress({ key, value: null }),
    );
    return () => {
      live = false;
    };
  }, [key, projectId]);
  // Figures of another project are never shown while this one's are summed.
  return { counts, progress: progress?.key.startsWith(`${projectId}/`) ? progress.value : undefined };
}
