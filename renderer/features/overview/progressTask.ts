import { Dexie } from 'dexie';
import type { StudyProgress } from '../../../shared/tables/studyProgress.ts';
import { projectBlocks } from '../../db/answerBlocks.ts';
import type { KodtauDb } from '../../db/db.ts';
import {
  addUses,
  appealsAnsweredBy,
  blockAnswerCount,
  blockProgress,
  blockUses,
  type SettledUnit,
  type UsageCounts,
} from './blockFigures.ts';

/**
 * What the figures worker computes, each from the answer blocks (a thousand rows where `codings`
 * holds a row per answer) and, where needed, the consensus:
 * - `progress`: the overview's figures of a study;
 * - `uses`: per variable and category, the answers (and, with `consensus`, the consensus values)
 *   that hold it — the codebook's usage counts and the sample plan's observed shares;
 * - `answered`: how many appeals a coder answered (their own overview);
 * - `answers`: per project, how many answers it holds (the projects list).
 */
export type FiguresRequest =
  | { method: 'progress'; projectId: string }
  | { method: 'uses'; projectId: string; consensus: boolean }
  | { method: 'answered'; projectId: string; coderId: string }
  | { method: 'answers'; projectIds: string[] };

export interface FiguresResult {
  progress: StudyProgress;
  uses: UsageCounts;
  answered: number;
  answers: Record<string, number>;
}

/** The settled units of a project, read as the consensus table's keys (no values). */
async function settledUnits(db: KodtauDb, projectId: string): Promise<SettledUnit[]> {
  const keys = await db.consensus
    .where('[projectId+appealId+variableId]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .primaryKeys();
  return keys.map(([, appealId, variableId]) => [appealId, variableId] as const);
}

/** Runs a request against the database (in the figures worker, or on this thread in jsdom tests). */
export async function readFigures<M extends FiguresRequest['method']>(
  db: KodtauDb,
  request: Extract<FiguresRequest, { method: M }>,
): Promise<FiguresResult[M]>;
export async function readFigures(db: KodtauDb, request: FiguresRequest): Promise<unknown> {
  switch (request.method) {
    case 'progress': {
      const [blocks, settled] = await Promise.all([
        projectBlocks(db.answerBlocks, request.projectId),
        settledUnits(db, request.projectId),
      ]);
      return blockProgress(blocks, settled);
    }
    case 'uses': {
      const uses = blockUses(await projectBlocks(db.answerBlocks, request.projectId));
      if (request.consensus)
        for (const row of await db.consensus.where('projectId').equals(request.projectId).toArray())
          addUses(uses, row.variableId, row.values);
      return uses;
    }
    case 'answered':
      return appealsAnsweredBy(await projectBlocks(db.answerBlocks, request.projectId), request.coderId);
    case 'answers': {
      const counts: Record<string, number> = {};
      for (const projectId of request.projectIds)
        counts[projectId] = blockAnswerCount(await projectBlocks(db.answerBlocks, projectId));
      return counts;
    }
  }
}
