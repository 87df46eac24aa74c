import { beforeEach, describe, expect, it } from 'vitest';
import { BLOCK_ORDERS } from '../../../renderer/db/appealBlocks.ts';
import {
  appealAtOrder,
  appealById,
  appealCount,
  appealFrom,
  appealIds,
  appealPage,
  appealsById,
  deleteProjectAppeals,
  eachAppealSlice,
  firstAppeals,
  lastAppeal,
  projectAppeals,
  appealTables,
} from '../../../renderer/db/appeals.ts';
import { db } from '../../../renderer/db/db.ts';
import type { Appeal } from '../../../shared/model/index.ts';
import { seedAppeals } from '../appealRows.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

const appeal = (projectId: string, id: string, order: number): Appeal => ({
  projectId,
  id,
  order,
  text: `Text of ${id}`,
  meta: {},
});

// Orders with gaps (blocks 0, 1, 4 and 9) and a tie; "p1" is a prefix of "p10".
const ORDERS = [0, 3, 3, 7, BLOCK_ORDERS + 1, 4 * BLOCK_ORDERS, 4 * BLOCK_ORDERS + 9, 9 * BLOCK_ORDERS];
const P1 = ORDERS.map((order, i) => appeal('p1', `a${String(ORDERS.length - i).padStart(2, '0')}`, order));
const inSourceOrder = [...P1].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));

describe('appeals in blocks', () => {
  beforeEach(async () => {
    // Added in two writes, the second into blocks the first wrote.
    await seedAppeals(P1.filter((_, i) => i % 2 === 0));
    await seedAppeals([...P1.filter((_, i) => i % 2 === 1), appeal('p10', 'a01', 0)]);
  });

  it('are read back whole, in source order, by project', async () => {
    expect(await projectAppeals('p1')).toEqual(inSourceOrder);
    expect(await appealCount('p1')).toBe(P1.length);
    expect(await appealCount('p10')).toBe(1);
    expect((await appealIds('p1')).sort()).toEqual(P1.map((a) => a.id).sort());
    expect(await firstAppeals('p1', 3)).toEqual(inSourceOrder.slice(0, 3));
    expect(await lastAppeal('p1')).toEqual(inSourceOrder.at(-1));
    const slices: string[][] = [];
    await eachAppealSlice('p1', 2, (slice) => slices.push(slice.map((a) => a.id)));
    expect(slices.flat()).toEqual(inSourceOrder.map((a) => a.id));
    expect(slices.length).toBe(3);
  });

  it('are found by id, by order and by position', async () => {
    expect(await appealById('p1', 'a03')).toEqual(P1[5]);
    expect(await appealById('p10', 'a03')).toBeUndefined();
    const some = await appealsById('p1', ['a01', 'a08', 'nope']);
    expect([...some.keys()].sort()).toEqual(['a01', 'a08']);
    expect(await appealAtOrder('p1', 3)).toEqual(inSourceOrder[1]);
    expect(await appealAtOrder('p1', 4)).toBeUndefined();
    expect(await appealFrom('p1', 8)).toEqual(P1[4]);
    expect(await appealFrom('p1', 4 * BLOCK_ORDERS + 1)).toEqual(P1[6]);
    expect(await appealFrom('p1', 9 * BLOCK_ORDERS + 1)).toBeUndefined();
    for (const [offset, limit] of [
      [0, 3],
      [2, 4],
      [5, 10],
      [8, 2],
    ] as const)
      expect(await appealPage('p1', offset, limit)).toEqual(inSourceOrder.slice(offset, offset + limit));
  });

  it('of one project are removed without another', async () => {
    await db.transaction('rw', appealTables(), () => deleteProjectAppeals('p1'));
    expect(await appealCount('p1')).toBe(0);
    expect(await projectAppeals('p10')).toEqual([appeal('p10', 'a01', 0)]);
    expect((await db.appealColumns.toArray()).map((row) => row.projectId)).toEqual(['p10']);
  });
});
