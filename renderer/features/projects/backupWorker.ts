/// <reference lib="webworker" />
import { errorReply, runBackupRequest, type BackupReply, type BackupRequest } from './backupTask.ts';

/**
 * Builds or restores one project file per message, off the UI thread: a 100 000-appeal project
 * is hundreds of megabytes of JSON. Dexie opens the database here itself.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<BackupRequest>) => {
  runBackupRequest(event.data).then(
    (value) => {
      const bytes = (value as { bytes?: Uint8Array }).bytes;
      scope.postMessage({ ok: true, value } satisfies BackupReply, bytes ? [bytes.buffer] : []);
    },
    (error: unknown) => scope.postMessage(errorReply(error)),
  );
});
