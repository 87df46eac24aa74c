import { Dexie } from 'dexie';
import {
  codebookChanges,
  nextCodebookVersion,
  rewriteMergedValues,
  validateCodebook,
  type CodebookProblem,
} from '../../../shared/codebook/index.ts';
import type { Codebook, CodebookContent, Coding, Consensus } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { currentCodebook } from '../../db/projects.ts';
import { codingTables, putCodings } from '../../db/queries.ts';

/** variable id → category code → how many codings and consensus values use it. */
export type UsageCounts = Map<string, Map<string, number>>;

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

/** How many codings and consensus values of the project use each category of each variable. */
export async function usageCounts(projectId: string): Promise<UsageCounts> {
  const counts: UsageCounts = new Map();
  const add = (row: { variableId: string; values: string[] }) => {
    const perCode = counts.get(row.variableId) ?? new Map<string, number>();
    counts.set(row.variableId, perCode);
    // The empty key counts the variable's rows (text codings included), for deleting a variable.
    perCode.set('', (perCode.get('') ?? 0) + 1);
    for (const code of row.values) perCode.set(code, (perCode.get(code) ?? 0) + 1);
  };
  const range = [
    [projectId, Dexie.minKey],
    [projectId, Dexie.maxKey],
  ] as const;
  // One read each (getAll), not a cursor: stepping a cursor row by row is far slower, and fake
  // IndexedDB takes seconds over the demo's 1636 codings.
  const [codings, consensus] = await Promise.all([
    db.codings
      .where('[projectId+variableId]')
      .between(...range)
      .toArray(),
    db.consensus
      .where('[projectId+variableId]')
      .between(...range)
      .toArray(),
  ]);
  codings.forEach(add);
  consensus.forEach(add);
  return counts;
}

async function countUses(projectId: string, variableId: string, code?: string): Promise<number> {
  const uses = (row: { values: string[] }) => code === undefined || row.values.includes(code);
  const [codings, consensus] = await Promise.all([
    db.codings.where('[projectId+variableId]').equals([projectId, variableId]).filter(uses).count(),
    db.consensus.where('[projectId+variableId]').equals([projectId, variableId]).filter(uses).count(),
  ]);
  return codings + consensus;
}

/** How many codings and consensus values use a category (or, without `code`, a variable). */
export function categoryUsage(projectId: string, variableId: string, code?: string): Promise<number> {
  return db.transaction('r', [db.codings, db.consensus], () => countUses(projectId, variableId, code));
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
        codings: await variableRows<Coding>(db.codings, projectId, variableId),
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
