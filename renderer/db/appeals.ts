import { Dexie } from 'dexie';
import type { Appeal } from '../../shared/model/index.ts';
import { addToColumns, readAppealColumns } from './appealColumns.ts';
import {
  BLOCK_ORDERS,
  blockOfOrder,
  blockRow,
  groupAppeals,
  type AppealBlock,
  type AppealBlockKey,
} from './appealBlocks.ts';
import { db, WHOLE_TABLE_ROWS, type KodtauDb } from './db.ts';

/** The tables `addAppeals` writes: a transaction that calls it takes them all. */
export const appealTables = (from: KodtauDb = db) => [
  from.appealBlocks,
  from.appealColumns,
  from.appealCounts,
];

const projectBlocks = (projectId: string, from: KodtauDb) =>
  from.appealBlocks.where('[projectId+block]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);

const projectKeys = (projectId: string, from: KodtauDb) =>
  from.appealBlocks.where('keys').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);

/**
 * Appeals an import or package adds per `addAppeals` call inside its one transaction (a cancel
 * lands and the progress moves between calls): enough blocks that Dexie reports each write as
 * one of the whole table (`WHOLE_TABLE_ROWS`), not by each key of the `keys` index.
 */
export const APPEALS_PER_WRITE = WHOLE_TABLE_ROWS * BLOCK_ORDERS;

/**
 * The one way appeals are written: adds appeals new to their project, with their columns, inside
 * the caller's transaction over `appealTables()`. An appeal is never changed once added.
 * @throws {Dexie.ConstraintError} when an appeal's id is in its project already (the transaction
 * then rolls back).
 */
export async function addAppeals(appeals: readonly Appeal[], from: KodtauDb = db): Promise<void> {
  const groups = groupAppeals(appeals);
  const keys = [...groups.keys()].map((key) => JSON.parse(key) as AppealBlockKey);
  const rows = await from.appealBlocks.bulkGet(keys);
  const blocks = keys.map(([projectId, block], i) => {
    const added = groups.get(JSON.stringify([projectId, block]))!;
    const appeals = [...(rows[i]?.appeals ?? []), ...added];
    // The unique index on `keys` catches an id in another block; within one row it cannot.
    const ids = new Set(appeals.map((a) => a.id));
    if (ids.size < appeals.length)
      throw new Dexie.ConstraintError(`an appeal id is twice in project ${projectId}`);
    return blockRow(projectId, block, appeals);
  });
  // The writes in flight at once; `bulkPut` rejects on an id another block holds.
  await Promise.all([
    from.appealBlocks.bulkPut(blocks),
    addToColumns(from.appealColumns, appeals),
    addToCounts(from, appeals),
  ]);
}

async function addToCounts(from: KodtauDb, appeals: readonly Appeal[]): Promise<void> {
  const added = new Map<string, number>();
  for (const { projectId } of appeals) added.set(projectId, (added.get(projectId) ?? 0) + 1);
  const projectIds = [...added.keys()];
  const counts = await from.appealCounts.bulkGet(projectIds);
  await from.appealCounts.bulkPut(
    projectIds.map((projectId, i) => ({ projectId, count: (counts[i]?.count ?? 0) + added.get(projectId)! })),
  );
}

/** Removes a project's appeals and their columns, inside the caller's transaction over `appealTables()`. */
export async function deleteProjectAppeals(projectId: string, from: KodtauDb = db): Promise<void> {
  await projectBlocks(projectId, from).delete();
  await from.appealCounts.delete(projectId);
  await from.appealColumns
    .where('[projectId+chunk]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .delete();
}

/** How many appeals the project holds: one row read. */
export const appealCount = async (projectId: string, from: KodtauDb = db): Promise<number> =>
  (await from.appealCounts.get(projectId))?.count ?? 0;

/** The ids of the project's appeals (in code-unit order), from the index's keys. */
export async function appealIds(projectId: string, from: KodtauDb = db): Promise<string[]> {
  const keys = (await projectKeys(projectId, from).keys()) as unknown as [string, string][];
  return keys.map(([, id]) => id);
}

/** Every appeal of the project, texts included, in source order. */
export async function projectAppeals(projectId: string, from: KodtauDb = db): Promise<Appeal[]> {
  const blocks = await projectBlocks(projectId, from).toArray();
  return blocks.flatMap((block) => block.appeals);
}

/**
 * Every appeal of the project in source order, handed to `each` `blocks` rows at a time: each
 * read is a request of its own, so the thread takes in a slice, not the project, at once. What
 * `each` throws stops the walk.
 */
export async function eachAppealSlice(
  projectId: string,
  blocks: number,
  each: (appeals: Appeal[]) => void,
  from: KodtauDb = db,
): Promise<void> {
  for (let after: number | undefined; ;) {
    const rows: AppealBlock[] = await from.appealBlocks
      .where('[projectId+block]')
      .between([projectId, after ?? Dexie.minKey], [projectId, Dexie.maxKey], after === undefined, true)
      .limit(blocks)
      .toArray();
    each(rows.flatMap((row) => row.appeals));
    if (rows.length < blocks) return;
    after = rows.at(-1)!.block;
  }
}

/** The project's first `count` appeals in source order. */
export async function firstAppeals(projectId: string, count: number, from: KodtauDb = db): Promise<Appeal[]> {
  const appeals: Appeal[] = [];
  await projectBlocks(projectId, from)
    .until(() => appeals.length >= count)
    .each((block) => appeals.push(...block.appeals));
  return appeals.slice(0, count);
}

/** The project's last appeal in source order (the highest order). */
export async function lastAppeal(projectId: string, from: KodtauDb = db): Promise<Appeal | undefined> {
  return (await projectBlocks(projectId, from).last())?.appeals.at(-1);
}

/** The appeal with `id`, read with the few hundred of its block. */
export async function appealById(
  projectId: string,
  id: string,
  from: KodtauDb = db,
): Promise<Appeal | undefined> {
  const block = await from.appealBlocks.where('keys').equals([projectId, id]).first();
  return block?.appeals.find((appeal) => appeal.id === id);
}

/** The appeals of `ids` that the project holds, by id. */
export async function appealsById(
  projectId: string,
  ids: readonly string[],
  from: KodtauDb = db,
): Promise<Map<string, Appeal>> {
  const wanted = new Set(ids);
  const blocks = await from.appealBlocks
    .where('keys')
    .anyOf(ids.map((id) => [projectId, id]))
    .toArray();
  const found = new Map<string, Appeal>();
  for (const block of blocks)
    for (const appeal of block.appeals) if (wanted.has(appeal.id)) found.set(appeal.id, appeal);
  return found;
}

/** The first appeal at `order`; undefined when none is. */
export async function appealAtOrder(projectId: string, order: number, from: KodtauDb = db) {
  const block = await from.appealBlocks.get([projectId, blockOfOrder(order)]);
  return block?.appeals.find((appeal) => appeal.order === order);
}

/** The first appeal at or after `order` in source order; undefined when none is. */
export async function appealFrom(projectId: string, order: number, from: KodtauDb = db) {
  const block = await from.appealBlocks
    .where('[projectId+block]')
    .between([projectId, blockOfOrder(order)], [projectId, Dexie.maxKey])
    .filter((row) => row.appeals.at(-1)!.order >= order)
    .first();
  return block?.appeals.find((appeal) => appeal.order >= order);
}

/** `limit` appeals of the project from position `offset` in source order: the blocks they are in only. */
export function appealPage(projectId: string, offset: number, limit: number, from: KodtauDb = db) {
  return from.transaction('r', appealTables(from), async (): Promise<Appeal[]> => {
    const { orders } = await readAppealColumns(from.appealColumns, projectId);
    const end = Math.min(orders.length, offset + limit);
    if (offset >= end) return [];
    const first = blockOfOrder(orders[offset]!);
    const blocks = await from.appealBlocks
      .where('[projectId+block]')
      .between([projectId, first], [projectId, blockOfOrder(orders[end - 1]!)], true, true)
      .toArray();
    const skip = offset - orders.findIndex((order) => blockOfOrder(order) >= first);
    return blocks.flatMap((block) => block.appeals).slice(skip, skip + end - offset);
  });
}
