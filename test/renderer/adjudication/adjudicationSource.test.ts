import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { codingTables, projectCodings, putCodings } from '../../../renderer/db/queries.ts';
import { buildQueue, isOpen } from '../../../renderer/features/adjudication/adjudicationQueue.ts';
import { queueChunks } from '../../../renderer/features/adjudication/adjudicationSource.ts';
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

describe('queueChunks (the adjudication worker)', { timeout: 60_000 }, () => {
  it.each([256, 97, 1])(
    'builds the queue buildQueue builds from every coding, %i block numbers at a time',
    async (chunk) => {
      const expected = buildQueue(
        await projectCodings(PROJECT),
        await db.consensus.toArray(),
        await db.reviews.toArray(),
      );
      const items = [];
      let agreed = 0;
      const figures = [];
      for await (const step of queueChunks(db, PROJECT, 'me', () => false, chunk)) {
        items.push(...step.items);
        agreed += step.agreed;
        figures.push({ total: step.total, open: step.open });
        if (figures.length === 1) {
          // The first chunk carries what the screen would otherwise count over the whole queue.
          const pairs = new Map(step.pairs);
          for (const variableId of new Set(expected.items.map((i) => i.variableId)))
            expect(pairs.get(variableId)).toEqual(
              [
                ...new Set(expected.items.filter((i) => i.variableId === variableId).map((i) => i.pair)),
              ].sort(),
            );
        }
      }
      expect(items).toEqual(expected.items);
      expect(agreed).toBe(expected.agreed);
      // 40 settled (their consensus read with their blocks); the flagged one of them is open again.
      expect(items.filter((i) => i.settled)).toHaveLength(40);
      const open = expected.items.filter(isOpen).length;
      expect(open).toBe(expected.items.length - 39);
      expect(figures.every((f) => f.total === expected.items.length && f.open === open)).toBe(true);
      expect(items.length).toBeGreaterThan(200);
      // Agreed units are in the consensus now, as "agreed" by the supervisor.
      const consensus = await db.consensus.toArray();
      expect(consensus.filter((c) => c.method === 'agreed')).toHaveLength(expected.agreed);
      expect(consensus.filter((c) => c.method === 'agreed').every((c) => c.by === 'me')).toBe(true);
    },
  );
});
