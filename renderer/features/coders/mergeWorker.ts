/// <reference lib="webworker" />
import { serveCalls, type CallRequest } from '../../workers/workerCalls.ts';
import { mergeIntoProject } from './mergeTask.ts';

/** What the merge worker is asked: one merge of coder files into a project. */
export type MergeRequest = {
  method: 'merge';
  projectId: string;
  files: { name: string; bytes: Uint8Array }[];
  now: string;
};

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
    );
  },
  () => running.abort(),
);
