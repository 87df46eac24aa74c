import { Dexie } from 'dexie';
import type { CoderFileProblem } from '../../../shared/formats/coderFile.ts';
import {
  mergeReadFiles,
  readUnverifiedCoderFile,
  type FileReport,
  type ReadCoderFile,
} from '../../../shared/merge/index.ts';
import type { ReviewFlag } from '../../../shared/merge/reviewFlag.ts';
import type { Coding } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { codingTables, coderCodings, putCodings } from '../../db/queries.ts';
import { appealIds, appealTables } from '../../db/appeals.ts';
import { decode, verifyHere, type VerifyFiles } from './coderFileBytes.ts';

/** How far the merge is: files read, then the merge itself, then codings written. */
export type MergeProgress =
  | { phase: 'read'; done: number; total: number }
  | { phase: 'merge' }
  | { phase: 'write'; done: number; total: number };

/** Thrown (and rolled back) when the supervisor cancels a merge. */
export class MergeCancelled extends Error {
  constructor() {
    super('merge cancelled');
    this.name = 'MergeCancelled';
  }
}

/**
 * Merges coder files into the project in one transaction: every accepted file completely, every
 * refused one not at all. A coder's changed answer on a unit already in the consensus flags the
 * unit for review; the consensus itself is left as it was. Only the files' coders' codings are
 * read (the key starts with the coder) and only what the merge changed is written. It runs in the
 * merge worker (mergeWorker.ts), which checks the files in workers of their own (`verify`) while
 * this reads them and the project's codings; jsdom tests run it in-process. A cancel through
 * `signal` before the transaction commits leaves the database as it was, and so does a closed
 * window.
 */
export async function mergeIntoProject(
  projectId: string,
  files: readonly { name: string; bytes: Uint8Array }[],
  now: Date,
  onProgress: (progress: MergeProgress) => void,
  signal?: AbortSignal,
  verify: VerifyFiles = verifyHere,
): Promise<FileReport[]> {
  const check = () => {
    if (signal?.aborted) throw new MergeCancelled();
  };
  const verified = verify(files.map(({ bytes }) => bytes));
  // Awaited in the transaction; a cancel or a failed read may leave it unawaited.
  verified.catch(() => {});
  const read: ReadCoderFile[] = [];
  for (const { name, bytes } of files) {
    onProgress({ phase: 'read', done: read.length, total: files.length });
    read.push(readUnverifiedCoderFile(name, decode(bytes)));
    // Lets a cancel sent while the file was read arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    check();
  }
  onProgress({ phase: 'merge' });
  const coderIds = [...new Set(read.flatMap((r) => ('file' in r ? [r.file.coder.id] : [])))];
  try {
    return await writeMerge(projectId, coderIds, read, verified, now, onProgress, check, signal);
  } catch (error) {
    // A cancel aborts the transaction at once; its pending requests fail with an AbortError.
    check();
    throw error;
  }
}

/** How long the transaction waits for the files' checks; 100 000 appeals take seconds. */
const VERIFY_TIMEOUT_MS = 10 * 60_000;

async function writeMerge(
  projectId: string,
  coderIds: readonly string[],
  unverified: readonly ReadCoderFile[],
  verified: Promise<(CoderFileProblem | undefined)[]>,
  now: Date,
  onProgress: (progress: MergeProgress) => void,
  check: () => void,
  signal?: AbortSignal,
): Promise<FileReport[]> {
  return db.transaction(
    'rw',
    [db.codebooks, ...appealTables(), ...codingTables(), db.coders, db.consensus, db.reviews],
    async () => {
      const transaction = Dexie.currentTransaction;
      const abort = () => {
        try {
          transaction.abort();
        } catch {
          // Committed or failed already: nothing left to stop.
        }
      };
      signal?.addEventListener('abort', abort, { once: true });
      const [codebooks, ids, ...existing] = await Promise.all([
        db.codebooks.where('projectId').equals(projectId).toArray(),
        appealIds(projectId),
        ...coderIds.map((coderId) => coderCodings(projectId, coderId)),
      ]);
      const problems = await Dexie.waitFor(verified, VERIFY_TIMEOUT_MS);
      check();
      const read = unverified.map((file, i): ReadCoderFile => {
        const problem = problems[i];
        return problem ? { fileName: file.fileName, status: 'refused', problem } : file;
      });
      const target = { projectId, codebooks, appealIds: new Set(ids) };
      const outcome = mergeReadFiles(target, existing.flat() as Coding[], read, now);
      const { changed } = outcome;
      const written = (done: number) => {
        check();
        onProgress({ phase: 'write', done, total: changed.length });
      };
      written(0);
      await putCodings(changed, { onWritten: written, wholeTableWrites: true });
      await db.coders.bulkPut(outcome.coders);
      if (outcome.revised.length > 0) {
        const settled = await db.consensus.bulkGet(
          outcome.revised.map(({ after }) => [projectId, after.appealId, after.variableId]),
        );
        const flags = outcome.revised.flatMap(({ before, after }, i): ReviewFlag[] =>
          settled[i]
            ? [
                {
                  projectId,
                  appealId: after.appealId,
                  variableId: after.variableId,
                  coderId: after.coderId,
                  before: before.values,
                  after: after.values,
                  flaggedAt: now.toISOString(),
                },
              ]
            : [],
        );
        await db.reviews.bulkPut(flags);
      }
      check();
      return outcome.reports;
    },
  );
}
