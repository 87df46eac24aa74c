import {
  buildCoderFile,
  CODER_FILE_EXTENSION,
  serializeCoderFile,
} from '../../../shared/formats/coderFile.ts';
import type { FileReport } from '../../../shared/merge/index.ts';
import { db } from '../../db/db.ts';
import { currentCodebook } from '../../db/projects.ts';
import { coderCodings } from '../../db/queries.ts';
import type { FileFilter, PickedFile, Platform } from '../../platform/types.ts';
import { workerCalls } from '../../workers/workerCalls.ts';
import type { MergeRequest } from './mergeWorker.ts';
import { MergeCancelled, mergeIntoProject, type MergeProgress } from './mergeTask.ts';

export const CODER_FILE_FILTERS: FileFilter[] = [{ name: 'Kodtau', extensions: ['json'] }];

/** The signed-in coder's file for the project: its name, bytes and how many codings it holds. */
export async function coderFileOf(
  projectId: string,
  coderId: string,
  now: Date = new Date(),
): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer>; codings: number }> {
  const [coder, codebook, codings] = await Promise.all([
    db.coders.get(coderId),
    currentCodebook(projectId),
    coderCodings(projectId, coderId),
  ]);
  if (!coder || !codebook) throw new Error(`no coder ${coderId} or no codebook in ${projectId}`);
  const file = buildCoderFile(coder, codebook, codings, now.toISOString());
  const safeName = coder.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-|-$/g, '') || 'coder';
  return {
    name: `${safeName}-${now.toISOString().slice(0, 10)}.${CODER_FILE_EXTENSION}`,
    bytes: new TextEncoder().encode(serializeCoderFile(file)),
    codings: file.codings.length,
  };
}

/**
 * Asks where to save the coder's file and saves it: the name it was saved under, or null when
 * the coder cancelled. It is built from what is stored, so it works while writes fail.
 */
export async function saveCoderFile(platform: Platform, projectId: string, coderId: string) {
  const file = await coderFileOf(projectId, coderId);
  const saved = await platform.saveFile({
    suggestedName: file.name,
    bytes: file.bytes,
    filters: CODER_FILE_FILTERS,
  });
  return saved ? file.name : null;
}

export interface MergeOptions {
  now?: Date;
  onProgress?: (progress: MergeProgress) => void;
  /** Cancels the merge; the promise then rejects with MergeCancelled and nothing is changed. */
  signal?: AbortSignal;
}

/**
 * Merges coder files into the project (see `mergeIntoProject`) in a worker, so that three files
 * of 100 000 appeals never freeze the window; where there are no workers (jsdom tests) on this
 * thread. The bytes move to the worker.
 */
export async function importCoderFiles(
  projectId: string,
  picked: readonly PickedFile[],
  { now = new Date(), onProgress = () => {}, signal }: MergeOptions = {},
): Promise<FileReport[]> {
  const files = picked.map(({ name, bytes }) => ({ name, bytes }));
  if (typeof Worker === 'undefined') return mergeIntoProject(projectId, files, now, onProgress, signal);
  signal?.throwIfAborted();
  const worker = new Worker(new URL('./mergeWorker.ts', import.meta.url), { type: 'module' });
  const calls = workerCalls<MergeRequest, MergeProgress>(worker, (error) =>
    error.name === 'MergeCancelled' ? new MergeCancelled() : new Error(error.message),
  );
  const cancel = () => calls.cancel();
  signal?.addEventListener('abort', cancel);
  try {
    return await calls.call<FileReport[]>(
      { method: 'merge', projectId, files, now: now.toISOString() },
      onProgress,
      [...new Set(files.map(({ bytes }) => bytes.buffer as ArrayBuffer))],
    );
  } finally {
    signal?.removeEventListener('abort', cancel);
    calls.dispose();
  }
}
