/// <reference lib="webworker" />
import type { CoderFileProblem } from '../../../shared/formats/coderFile.ts';
import { serveCalls, type CallRequest } from '../../workers/workerCalls.ts';
import { ask } from '../../workers/oneAnswer.ts';
import { mergeIntoProject } from './mergeTask.ts';

/** What the merge worker is asked: one merge of coder files into a project. */
export type MergeRequest = {
  method: 'merge';
  projectId: string;
  files: { name: string; bytes: Uint8Array }[];
  now: string;
};

/** One file checked in a worker of its own (verifyWorker.ts), on a copy of its bytes. */
function verifyInWorker(bytes: Uint8Array): Promise<CoderFileProblem | undefined> {
  const copy = bytes.slice();
  const worker = new Worker(new URL('./verifyWorker.ts', import.meta.url), { type: 'module' });
  return ask(worker, copy, [copy.buffer]);
}

/**
 * The files checked as many at a time as there are cores, each in a worker of its own: the
 * checks (schema and digest, most of a large file's reading) overlap with this worker reading
 * the files and the project's codings.
 */
async function verifyInWorkers(files: readonly Uint8Array[]): Promise<(CoderFileProblem | undefined)[]> {
  const problems: (CoderFileProblem | undefined)[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < files.length; i = next++) problems[i] = await verifyInWorker(files[i]!);
  };
  const lanes = Math.min(files.length, Math.max(1, navigator.hardwareConcurrency || 1));
  await Promise.all(Array.from({ length: lanes }, lane));
  return problems;
}

/**
 * The merge worker: parses, checks and merges coder files and writes the result, off the UI
 * thread (Dexie opens the database here itself). A `cancel` lands between two write chunks.
 */
let running = new AbortController();

serveCalls<MergeRequest & CallRequest>(
  (request, progress) => {
    running = new AbortController();
    return mergeIntoProject(
      request.projectId,
      request.files,
      new Date(request.now),
      progress,
      running.signal,
      verifyInWorkers,
    );
  },
  () => running.abort(),
);
