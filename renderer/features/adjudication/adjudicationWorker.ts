/// <reference lib="webworker" />
import { db } from '../../db/db.ts';
import { queuePages } from './adjudicationSource.ts';
import type { QueueReply, QueueRequest } from './useQueue.ts';

/** Builds the adjudication queue off the UI thread, reading IndexedDB itself; a new request cancels the last. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let current = 0;
scope.addEventListener('message', (event: MessageEvent<QueueRequest>) => {
  const { id, projectId, by } = event.data;
  current = id;
  void (async () => {
    try {
      for await (const page of queuePages(db, projectId, by, () => current !== id))
        // The columns move to the UI thread rather than being copied.
        scope.postMessage({ id, page } satisfies QueueReply, [
          page.variable.buffer,
          page.pair.buffer,
          page.flags.buffer,
        ]);
      scope.postMessage({ id, done: true } satisfies QueueReply);
    } catch (error) {
      scope.postMessage({ id, error: String(error) } satisfies QueueReply);
    }
  })();
});
