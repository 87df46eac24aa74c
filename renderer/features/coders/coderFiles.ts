import { Dexie } from 'dexie';
import {
  buildCoderFile,
  CODER_FILE_EXTENSION,
  serializeCoderFile,
} from '../../../shared/formats/coderFile.ts';
import { mergeCoderFiles, type FileReport } from '../../../shared/merge/index.ts';
import type { ReviewFlag } from '../../../shared/merge/reviewFlag.ts';
import { db } from '../../db/db.ts';
import { currentCodebook } from '../../db/projects.ts';
import {
  codingTables,
  coderCodings,
  projectClearedCodings,
  projectCodings,
  putCodings,
} from '../../db/queries.ts';
import type { FileFilter, PickedFile, Platform } from '../../platform/types.ts';

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

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the parser reports it as an unreadable file.
    return '';
  }
}

/**
 * Merges coder files into the project in one transaction: every accepted file completely, every
 * refused one not at all. A coder's changed answer on a unit already in the consensus flags the
 * unit for review; the consensus itself is left as it was.
 */
export async function importCoderFiles(
  projectId: string,
  picked: readonly PickedFile[],
  now: Date = new Date(),
): Promise<FileReport[]> {
  const files = picked.map(({ name, bytes }) => ({ name, text: decode(bytes) }));
  return db.transaction(
    'rw',
    [db.codebooks, db.appeals, ...codingTables(), db.coders, db.consensus, db.reviews],
    async () => {
      const [codebooks, appealKeys, answers, cleared] = await Promise.all([
        db.codebooks.where('projectId').equals(projectId).toArray(),
        db.appeals
          .where('[projectId+id]')
          .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
          .primaryKeys(),
        projectCodings(projectId),
        projectClearedCodings(projectId),
      ]);
      const target = { projectId, codebooks, appealIds: new Set(appealKeys.map(([, id]) => id)) };
      const outcome = mergeCoderFiles(target, [...answers, ...cleared], files, now);
      await putCodings(outcome.changed);
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
      return outcome.reports;
    },
  );
}
