import type { ProjectFileBytes, RestoreOutcome } from '../../db/projectBackup.ts';
import { rebuildError, runBackupRequest, type BackupReply, type BackupRequest } from './backupTask.ts';

/** Runs a request in a worker; where there are no workers (jsdom tests) on this thread. */
function offThread(request: BackupRequest): Promise<unknown> {
  if (typeof Worker === 'undefined') return runBackupRequest(request);
  const worker = new Worker(new URL('./backupWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<unknown>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BackupReply>) =>
      event.data.ok ? resolve(event.data.value) : reject(rebuildError(event.data.error));
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

/** The project file of a project, built off the UI thread. */
export function projectFileOffThread(projectId: string): Promise<ProjectFileBytes> {
  return offThread({ method: 'save', projectId }) as Promise<ProjectFileBytes>;
}

/**
 * Restores a project file off the UI thread (see `restoreProjectFile`).
 * @throws {ProjectFileError} for a damaged, foreign or newer file; nothing is written then.
 */
export function restoreOffThread(
  bytes: Uint8Array,
  options: { replace: boolean; now: string },
): Promise<RestoreOutcome> {
  return offThread({ method: 'restore', bytes, ...options }) as Promise<RestoreOutcome>;
}
