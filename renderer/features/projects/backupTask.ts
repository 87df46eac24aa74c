import { ProjectFileError } from '../../../shared/formats/projectFile.ts';
import { projectFileBytes, restoreProjectFile } from '../../db/projectBackup.ts';

/** What the backup worker is asked to do: build a project's file, or restore one. */
export type BackupRequest =
  | { method: 'save'; projectId: string }
  | { method: 'restore'; bytes: Uint8Array; replace: boolean; now: string };

export type BackupReply =
  | { ok: true; value: unknown }
  | { ok: false; error: { message: string; projectFile?: ProjectFileError['code'] } };

/** Runs one request on this thread (the worker's, or the UI's where there are no workers). */
export function runBackupRequest(request: BackupRequest): Promise<unknown> {
  return request.method === 'save'
    ? projectFileBytes(request.projectId)
    : restoreProjectFile(request.bytes, { replace: request.replace, now: request.now });
}

/** An error as it crosses from the worker: a project file's refusal keeps its code. */
export function errorReply(error: unknown): BackupReply {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof ProjectFileError
    ? { ok: false, error: { message, projectFile: error.code } }
    : { ok: false, error: { message } };
}

export function rebuildError(error: { message: string; projectFile?: ProjectFileError['code'] }): Error {
  return error.projectFile ? new ProjectFileError(error.projectFile) : new Error(error.message);
}
