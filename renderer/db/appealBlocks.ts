import type { Appeal } from '../../shared/model/index.ts';

/**
 * A project's appeals whose order falls in one block of `BLOCK_ORDERS` orders, to a row.
 * IndexedDB's time goes by rows, not bytes: a package of 100 000 appeals wrote 100 000 rows in
 * 11 s and writes 400 of these in under 2 s. `keys` (each appeal's `[projectId, id]`, a unique
 * multi-entry index) finds an appeal's block by id and keeps ids unique in a project.
 */
export interface AppealBlock {
  projectId: string;
  block: number;
  keys: [projectId: string, appealId: string][];
  /** In source order: by order, then id. */
  appeals: Appeal[];
}
export type AppealBlockKey = [projectId: string, block: number];

/** How many appeals a project's blocks hold. */
export interface AppealCount {
  projectId: string;
  count: number;
}

/** Orders per block: a few hundred appeals (~350 kB of text), read at once to show one. */
export const BLOCK_ORDERS = 250;

export const blockOfOrder = (order: number) => Math.floor(order / BLOCK_ORDERS);

const byOrderThenId = (a: Appeal, b: Appeal) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A block's row from its appeals, in any order. */
export function blockRow(projectId: string, block: number, appeals: Appeal[]): AppealBlock {
  appeals.sort(byOrderThenId);
  return { projectId, block, keys: appeals.map((a) => [projectId, a.id]), appeals };
}

/** Appeals grouped by their block's key (as JSON), in the order given. */
export function groupAppeals(appeals: Iterable<Appeal>): Map<string, Appeal[]> {
  const groups = new Map<string, Appeal[]>();
  for (const appeal of appeals) {
    const key = JSON.stringify([appeal.projectId, blockOfOrder(appeal.order)]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(appeal);
  }
  return groups;
}

/** The blocks of appeals given all at once (the upgrade from one row an appeal). */
export const buildAppealBlocks = (appeals: Iterable<Appeal>): AppealBlock[] =>
  [...groupAppeals(appeals)].map(([key, group]) => {
    const [projectId, block] = JSON.parse(key) as AppealBlockKey;
    return blockRow(projectId, block, group);
  });
