/// <reference lib="webworker" />
import { readStudyProgress } from './progressTask.ts';

/** Sums up a project's codings off the UI thread: a 100 000-appeal project has a million of them. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<{ projectId: string }>) => {
  readStudyProgress(event.data.projectId).then(
    (progress) => scope.postMessage({ progress }),
    (error: unknown) => scope.postMessage({ error: String(error) }),
  );
});
