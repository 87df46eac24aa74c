import { useLiveQuery } from 'dexie-react-hooks';
import type { Codebook, Project } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { currentCodebook } from '../../db/projects.ts';
import { useAppStore } from '../../store/index.ts';

export interface CurrentProject {
  /** undefined while loading, null when no project is open. */
  project: Project | null | undefined;
  codebook: Codebook | undefined;
}

export function useCurrentProject(): CurrentProject {
  const projectId = useAppStore((state) => state.projectId);
  const data = useLiveQuery(async () => {
    if (!projectId) return { project: null, codebook: undefined };
    const [project, codebook] = await Promise.all([db.projects.get(projectId), currentCodebook(projectId)]);
    return { project: project ?? null, codebook };
  }, [projectId]);
  return data ?? { project: undefined, codebook: undefined };
}
