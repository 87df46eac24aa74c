import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { codingTables, putCodings } from '../../../renderer/db/queries.ts';
import { clearedCoding, type Coding } from '../../../shared/model/index.ts';

const P = 'p';
const coding = (coderId: string, appealId: string, variableId: string, at: string): Coding => ({
  projectId: P,
  coderId,
  appealId,
  variableId,
  values: ['a'],
  unsure: false,
  updatedAt: at,
  codebookVersion: 1,
});
const keysOf = async (table: typeof db.codings) =>
  (await table.toCollection().primaryKeys()).map((key) => key.join('/')).sort();

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => vi.restoreAllMocks());

const put = (codings: Coding[]) => db.transaction('rw', codingTables(), () => putCodings(codings));

describe('putCodings', () => {
  it('keeps every key in one table, never both, through answers and clearings in any mix', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const latest = new Map<string, Coding>();
    for (let round = 0; round < 12; round++) {
      // One coding per key in a call, as every caller writes.
      const batch = new Map<string, Coding>();
      for (let n = 0; n < 150; n++) {
        const c = coding(
          `c${Math.floor(random() * 3)}`,
          `a-${Math.floor(random() * 40)}`,
          `v${Math.floor(random() * 2)}`,
          `2026-01-01T00:00:${String(round).padStart(2, '0')}Z`,
        );
        // Some rounds clear nearly everything, some nearly nothing, so both ways of deleting run.
        const written = random() < (round % 3) / 2 ? clearedCoding(c, c.updatedAt) : c;
        batch.set(`${c.coderId}/${c.appealId}/${c.variableId}`, written);
      }
      for (const [key, c] of batch) latest.set(key, c);
      await put([...batch.values()]);
      const [answers, cleared] = await Promise.all([keysOf(db.codings), keysOf(db.clearedCodings)]);
      expect(answers.filter((key) => cleared.includes(key))).toEqual([]);
      const expected = (wanted: boolean) =>
        [...latest]
          .filter(([, c]) => !!c.cleared === wanted)
          .map(([key]) => `${P}/${key}`)
          .sort();
      expect(answers).toEqual(expected(false));
      expect(cleared).toEqual(expected(true));
    }
  });

  it('deletes no key from the cleared codings on a first write of answers', async () => {
    const answers = Array.from({ length: 500 }, (_, n) =>
      coding('c1', `a-${n}`, 'v1', '2026-01-01T00:00:00Z'),
    );
    await put([clearedCoding(coding('c0', 'a-1', 'v1', '2026-01-01T00:00:00Z'), '2026-01-01T00:00:00Z')]);
    const deletes = vi.spyOn(db.clearedCodings, 'bulkDelete');
    await put(answers);
    expect(deletes.mock.calls.map(([keys]) => keys.length)).toEqual([0]);
    expect(await db.codings.count()).toBe(500);
    // An answer that replaces a tombstone does take it out.
    await put([coding('c0', 'a-1', 'v1', '2026-01-02T00:00:00Z'), ...answers.slice(0, 3)]);
    expect(await db.clearedCodings.count()).toBe(0);
    expect(deletes.mock.calls.at(-1)![0]).toEqual([[P, 'c0', 'a-1', 'v1']]);
  });
});
