import type { StudyProgress } from '../../../shared/tables/studyProgress.ts';
import { readStudyProgress } from './progressTask.ts';

/**
 * The study's progress, read and summed in a worker that opens the database itself; where there
 * are no workers (jsdom tests) on this thread.
 */
export function progressOffThread(projectId: string): Promise<StudyProgress> {
  if (typeof Worker === 'undefined') return readStudyProgress(projectId);
  const worker = new Worker(new URL('./progressWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<StudyProgress>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ progress?: StudyProgress; error?: string }>) =>
      event.data.progress ? resolve(event.data.progress) : reject(new Error(event.data.error));
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ projectId });
  }).finally(() => worker.terminate());
}
