/// <reference lib="webworker" />
import { db } from '../../db/db.ts';
import { answer, Cancelled, type WorkerReply, type WorkerRequest } from './datasetCalls.ts';
import { DatasetSource } from './datasetSource.ts';

/**
 * Counts tables and writes exports off the UI thread, reading IndexedDB itself: the UI thread
 * never holds the project's codings or texts. A cancelled call stops at its next step.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const source = new DatasetSource(db);
const cancelled = new Set<number>();

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if ('cancel' in message) {
    cancelled.add(message.id);
    return;
  }
  const { id } = message;
  const progress: Parameters<typeof answer>[2] = (p) => {
    if (cancelled.has(id)) throw new Cancelled();
    scope.postMessage({ id, progress: p } satisfies WorkerReply);
  };
  answer(source, message.call, progress)
    .then((result) => {
      // A file goes as a Blob: the UI thread saves it as it is, never copying its bytes.
      const reply = result && 'bytes' in result ? { ...result, bytes: new Blob([result.bytes]) } : result;
      scope.postMessage({ id, result: reply } satisfies WorkerReply);
    })
    .catch((error: unknown) => scope.postMessage({ id, error: String(error) } satisfies WorkerReply))
    .finally(() => cancelled.delete(id));
});
