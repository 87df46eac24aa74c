import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  codebookChanges,
  nextCodebookVersion,
  rewriteMergedValues,
  validateCodebook,
  type CodebookProblem,
} from '../../../shared/codebook/index.ts';
import type { Codebook, CodebookContent, Consensus } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { currentCodebook } from '../../db/projects.ts';
import { projectBlocks } from '../../db/answerBlocks.ts';
import { codingTables, putCodings, variableCodings } from '../../db/queries.ts';
import { blockUses, type UsageCounts } from '../overview/blockFigures.ts';
import { figuresOffThread, useFigures } from '../overview/progressOffThread.ts';
import { projectBlockCount } from '../overview/useStudyOverview.ts';

export type { UsageCounts };

/** Why a codebook version was not saved; the screen words each reason in the user's language. */
export type SaveProblem =
  | { reason: 'stale' }
  | { reason: 'invalid'; problems: CodebookProblem[] }
  | { reason: 'variableInUse'; variableId: string; count: number }
  | { reason: 'categoryInUse'; variableId: string; code: string; count: number }
  | { reason: 'kindInUse'; variableId: string; count: number };

export class CodebookSaveError extends Error {
  constructor(readonly problem: SaveProblem) {
    super(problem.reason);
    this.name = 'CodebookSaveError';
  }
}

function variableRows<T>(table: Dexie.Table<T>, projectId: string, variableId: string): Promise<T[]> {
  return table.where('[projectId+variableId]').equals([projectId, variableId]).toArray();
}

/**
 * How many answers and consensus values of the project use each category of each variable (the
 * empty code counts a variable's rows), computed off the UI thread from the answer blocks.
 */
export function usageCounts(projectId: string): Promise<UsageCounts> {
  return figuresOffThread({ method: 'uses', projectId, consensus: true });
}

/** `usageCounts`, computed anew whenever the project's answers or consensus change. */
export function useUsageCounts(projectId: string): UsageCounts | undefined {
  const live = useLiveQuery(
    () =>
      Promise.all([
        projectBlockCount(projectId),
        // A count over the primary key runs again when a value is changed too.
        db.consensus
          .where('[projectId+appealId+variableId]')
          .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
          .count(),
      ]),
    [projectId],
  );
  return useFigures({ method: 'uses', projectId, consensus: true }, live) ?? undefined;
}

async function countUses(projectId: string, variableId: string, code?: string): Promise<number> {
  const [blocks, consensus] = await Promise.all([
    projectBlocks(db.answerBlocks, projectId, variableId),
    db.consensus
      .where('[projectId+variableId]')
      .equals([projectId, variableId])
      .filter((row) => code === undefined || row.values.includes(code))
      .count(),
  ]);
  return (
    (blockUses(blocks)
      .get(variableId)
      ?.get(code ?? '') ?? 0) + consensus
  );
}

/** How many codings and consensus values use a category (or, without `code`, a variable). */
export function categoryUsage(projectId: string, variableId: string, code?: string): Promise<number> {
  return db.transaction('r', [db.answerBlocks, db.consensus], () => countUses(projectId, variableId, code));
}

/** Kinds whose codings keep their meaning when one becomes the other. */
const compatible = (a: string, b: string) =>
  a === b || (a !== 'text' && a !== 'multi' && b !== 'text' && b !== 'multi');

/**
 * Saves `draft` as the version after `base`, in one transaction with the codings it affects:
 * the merges recorded for the new version rewrite the codings and consensus values of the
 * merged categories (each code once), and nothing that holds data may disappear — a removed
 * variable or category, or a kind change, that codings still use refuses the whole save.
 * Either everything is written or nothing is.
 *
 * @returns the new version and how many codings and consensus values were moved.
 */
export async function saveCodebookVersion(
  base: Codebook,
  draft: CodebookContent,
  now: Date = new Date(),
): Promise<{ codebook: Codebook; moved: number }> {
  const problems = validateCodebook(draft);
  if (problems.length > 0) throw new CodebookSaveError({ reason: 'invalid', problems });
  const projectId = base.projectId;
  return db.transaction('rw', [db.codebooks, ...codingTables(), db.consensus], async () => {
    const latest = await currentCodebook(projectId);
    // Version 0 is a project's first codebook: there must be none yet.
    if ((latest?.version ?? 0) !== base.version) throw new CodebookSaveError({ reason: 'stale' });
    const next = nextCodebookVersion(base, draft, now);
    const merges = draft.merges.filter((m) => m.version === next.version);
    const merged = new Set(merges.map((m) => `${m.variableId}\n${m.from}`));

    for (const before of base.variables) {
      const after = draft.variables.find((v) => v.id === before.id);
      if (!after || !compatible(before.kind, after.kind)) {
        const count = await countUses(projectId, before.id);
        if (count > 0) {
          throw new CodebookSaveError({
            reason: after ? 'kindInUse' : 'variableInUse',
            variableId: before.id,
            count,
          });
        }
        continue;
      }
      for (const { code } of before.categories) {
        if (after.categories.some((c) => c.code === code) || merged.has(`${before.id}\n${code}`)) continue;
        const count = await countUses(projectId, before.id, code);
        if (count > 0)
          throw new CodebookSaveError({ reason: 'categoryInUse', variableId: before.id, code, count });
      }
    }

    let moved = 0;
    // Kept with the version for its history: what each merged or retired category held.
    const changeCounts: NonNullable<Codebook['changeCounts']> = [];
    for (const variableId of new Set(merges.map((m) => m.variableId))) {
      const rows = {
        codings: await variableCodings(projectId, variableId),
        consensus: await variableRows<Consensus>(db.consensus, projectId, variableId),
      };
      for (const { from } of merges.filter((m) => m.variableId === variableId)) {
        const count = [...rows.codings, ...rows.consensus].filter((row) => row.values.includes(from)).length;
        changeCounts.push({ variableId, code: from, count });
      }
      // A rewritten coding is in the new version's vocabulary; its edit time stays the coder's.
      const codings = rewriteMergedValues(rows.codings, merges).map((coding) => ({
        ...coding,
        codebookVersion: next.version,
      }));
      const consensus = rewriteMergedValues(rows.consensus, merges);
      await putCodings(codings);
      await db.consensus.bulkPut(consensus);
      moved += codings.length + consensus.length;
    }
    for (const change of codebookChanges(base, draft, next.version)) {
      if (change.kind !== 'categoryRetired') continue;
      const count = await countUses(projectId, change.variableId, change.code);
      changeCounts.push({ variableId: change.variableId, code: change.code, count });
    }
    const saved = base.version > 0 ? { ...next, changeCounts } : next;
    await db.codebooks.add(saved);
    return { codebook: saved, moved };
  });
}
