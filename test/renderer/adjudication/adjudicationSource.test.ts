import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { codingTables, projectCodings, putCodings } from '../../../renderer/db/queries.ts';
import { buildQueue, isOpen } from '../../../renderer/features/adjudication/adjudicationQueue.ts';
import { queuePages, type QueuePage } from '../../../renderer/features/adjudication/adjudicationSource.ts';
import { collectQueue, entries, entryOfItem } from '../../../renderer/features/adjudication/queueState.ts';
import { demoVariables } from '../../../shared/demo/codebook.ts';
import type { Coding } from '../../../shared/model/index.ts';

// A mid-size project: 800 appeals, 3 coders (the third codes every other appeal), the demo's 4
// variables, answers agreeing about 4 times in 5; some units settled, one flagged for review.
const PROJECT = 'mid';
let seed = 11;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const codings: Coding[] = Array.from({ length: 800 }, (_, a) => `m-${String(a).padStart(4, '0')}`).flatMap(
  (appealId, a) =>
    demoVariables().flatMap((variable) => {
      const codes = variable.categories.map((c) => c.code);
      const common = codes[Math.floor(random() * codes.length)]!;
      return ['c1', 'c2', 'c3']
        .filter((_, c) => c < 2 || a % 2 === 0)
        .map((coderId) => ({
          projectId: PROJECT,
          coderId,
          appealId,
          variableId: variable.id,
          values: random() < 0.8 ? [common] : [codes[Math.floor(random() * codes.length)]!],
          unsure: false,
          updatedAt: '2026-01-01T00:00:00.000Z',
          codebookVersion: 1,
        }));
    }),
);

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.transaction('rw', codingTables(), () => putCodings(codings));
  const first = buildQueue(codings, [], []).items;
  await db.consensus.bulkPut(
    first.slice(0, 40).map((item) => ({
      projectId: PROJECT,
      appealId: item.appealId,
      variableId: item.variableId,
      values: ['x'],
      method: 'adjudicated' as const,
      by: 'me',
      at: '2026-01-02T00:00:00.000Z',
    })),
  );
  await db.reviews.put({
    projectId: PROJECT,
    appealId: first[3]!.appealId,
    variableId: first[3]!.variableId,
    coderId: 'c1',
    before: ['x'],
    after: ['y'],
    flaggedAt: '2026-01-03T00:00:00.000Z',
  });
});

describe('queuePages (the adjudication worker)', { timeout: 60_000 }, () => {
  it.each([
    [256, 16_000],
    [97, 100],
    [1, 7],
  ])(
    'builds the queue buildQueue builds from every coding, %i block numbers at a time, in pages of %i',
    async (blocks, pageSize) => {
      const expected = buildQueue(
        await projectCodings(PROJECT),
        await db.consensus.toArray(),
        await db.reviews.toArray(),
      );
      const pages: QueuePage[] = [];
      for await (const page of queuePages(db, PROJECT, 'me', () => false, blocks, pageSize)) pages.push(page);
      expect(pages).toHaveLength(Math.ceil(expected.items.length / pageSize));
      const queue = await collectQueue(PROJECT, pages);
      expect(entries(queue)).toEqual(expected.items.map(entryOfItem));
      expect(queue.agreed).toBe(expected.agreed);
      // The first page carries the whole queue's figures, and the pair filter's choices.
      expect(pages[0]!.from).toBe(0);
      expect(pages.slice(1).every((page) => page.head === undefined)).toBe(true);
      for (const variableId of new Set(expected.items.map((i) => i.variableId)))
        expect(queue.variablePairs.get(variableId)).toEqual(
          [...new Set(expected.items.filter((i) => i.variableId === variableId).map((i) => i.pair))].sort(),
        );
      expect(queue.coders).toEqual(['c1', 'c2', 'c3']);
      // 40 settled; the flagged one of them is open again.
      expect(entries(queue).filter((i) => i.settled)).toHaveLength(40);
      const open = expected.items.filter(isOpen).length;
      expect(open).toBe(expected.items.length - 39);
      expect(queue.open).toBe(open);
      expect(queue.total).toBe(expected.items.length);
      expect(queue.view).toHaveLength(open);
      expect(expected.items.length).toBeGreaterThan(200);
      // Agreed units are in the consensus now, as "agreed" by the supervisor.
      const consensus = await db.consensus.toArray();
      expect(consensus.filter((c) => c.method === 'agreed')).toHaveLength(expected.agreed);
      expect(consensus.filter((c) => c.method === 'agreed').every((c) => c.by === 'me')).toBe(true);
    },
  );
});
