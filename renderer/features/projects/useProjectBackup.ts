import { useCallback, useEffect, useState } from 'react';
import { ProjectFileError } from '../../../shared/formats/projectFile.ts';
import type { Project } from '../../../shared/model/index.ts';
import { updateBackupRecord } from '../../db/projectBackup.ts';
import { usePlatform } from '../../platform/PlatformContext.tsx';
import type { FileFilter, PickedFile } from '../../platform/types.ts';
import { createPendingRequest } from '../../store/pendingRequest.ts';
import { useAppStore } from '../../store/index.ts';
import { projectFileOffThread, restoreOffThread } from './backupOffThread.ts';
import { localDay, projectFileName } from './backupSchedule.ts';

export type BackupState =
  | { kind: 'idle' }
  | { kind: 'working'; task: 'save' | 'restore' }
  | { kind: 'saved'; fileName: string }
  | { kind: 'restored'; project: Project; appeals: number; codings: number }
  /** The file's project is here already: the supervisor decides whether it replaces this one. */
  | { kind: 'exists'; project: Project; file: PickedFile }
  | { kind: 'refused'; reason: ProjectFileError['code'] | 'failed' | 'noProject' };

/** The menu's "Save project file…" and "Restore from project file…", taken by the projects screen. */
export const backupRequest = createPendingRequest<'save' | 'restore'>();

const FILTERS = (name: string): FileFilter[] => [{ name, extensions: ['json'] }];

/**
 * Saving a project to a project file and restoring one, with what the projects screen shows
 * meanwhile. Both run off the UI thread; a refused file leaves the database as it was.
 */
export function useProjectBackup(fileFilterName: string) {
  const platform = usePlatform();
  const currentId = useAppStore((state) => state.projectId);
  const openProject = useAppStore((state) => state.openProject);
  const [state, setState] = useState<BackupState>({ kind: 'idle' });

  const save = useCallback(
    async (projectId: string) => {
      setState({ kind: 'working', task: 'save' });
      try {
        const { bytes } = await projectFileOffThread(projectId);
        const fileName = projectFileName(projectId, localDay(new Date()));
        const saved = await platform.saveFile({
          suggestedName: fileName,
          bytes,
          filters: FILTERS(fileFilterName),
        });
        if (!saved) return setState({ kind: 'idle' });
        await updateBackupRecord(projectId, { savedAt: new Date().toISOString() });
        setState({ kind: 'saved', fileName });
      } catch {
        setState({ kind: 'refused', reason: 'failed' });
      }
    },
    [platform, fileFilterName],
  );

  const restoreFile = useCallback(
    async (file: PickedFile, replace: boolean) => {
      setState({ kind: 'working', task: 'restore' });
      try {
        const outcome = await restoreOffThread(file.bytes, { replace, now: new Date().toISOString() });
        if (outcome.kind === 'exists') return setState({ kind: 'exists', project: outcome.project, file });
        // Into an empty profile (nothing open yet) the restored project opens.
        if (!useAppStore.getState().projectId) openProject(outcome.project.id);
        setState(outcome);
      } catch (error) {
        setState({
          kind: 'refused',
          reason: error instanceof ProjectFileError ? error.code : 'failed',
        });
      }
    },
    [openProject],
  );

  const restore = useCallback(async () => {
    const [file] = await platform.openFiles({ filters: FILTERS(fileFilterName), multiple: false });
    if (file) await restoreFile(file, false);
  }, [platform, fileFilterName, restoreFile]);

  const replace = useCallback(
    () => state.kind === 'exists' && restoreFile(state.file, true),
    [state, restoreFile],
  );

  // The application menu's commands: save the open project, or restore a file.
  useEffect(
    () =>
      backupRequest.subscribe((task) => {
        if (task === 'restore') void restore();
        else if (!currentId) setState({ kind: 'refused', reason: 'noProject' });
        else void save(currentId);
      }),
    [restore, save, currentId],
  );

  return { state, save, restore, replace, dismiss: () => setState({ kind: 'idle' }) };
}
