import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, WHOLE_TABLE_ROWS } from '../../../renderer/db/db.ts';
import { blockOf } from '../../../renderer/db/answerBlocks.ts';
import { CODINGS_AT_A_TIME, codingTables, putCodings } from '../../../renderer/db/queries.ts';
import { clearedCoding, type Coding } from '../../../shared/model/index.ts';
import { storedAnswers, storedCleared } from '../codingRows.ts';

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
const keysOf = (codings: Coding[]) =>
  codings.map((c) => [c.projectId, c.coderId, c.appealId, c.variableId].join('/')).sort();

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => vi.restoreAllMocks());

const put = (codings: Coding[]) => db.transaction('rw', codingTables(), () => putCodings(codings));

describe('putCodings', () => {
  it('keeps every key once, the latest answer or clearing, through answers and clearings in any mix', async () => {
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
      const [answers, cleared] = await Promise.all([
        storedAnswers().then(keysOf),
        storedCleared().then(keysOf),
      ]);
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

  it("holds each coder's block of appeals in one row, by appeal then variable, and reads and writes each block once a call", async () => {
    const answers = Array.from({ length: 3000 }, (_, n) =>
      coding(`c${n % 2}`, `a-${Math.floor(n / 4)}`, `v${n % 4}`, '2026-01-01T00:00:00Z'),
    );
    const reads = vi.spyOn(db.codingBlocks, 'bulkGet');
    const writes = vi.spyOn(db.codingBlocks, 'bulkPut');
    const progress: number[] = [];
    await db.transaction('rw', codingTables(), () =>
      putCodings(answers, { onWritten: (done) => progress.push(done) }),
    );
    expect(reads).toHaveBeenCalledTimes(1);
    const rows = await db.codingBlocks.toArray();
    expect(writes.mock.calls.reduce((n, [written]) => n + written.length, 0)).toBe(rows.length);
    expect(progress.at(-1)).toBe(answers.length);
    for (const row of rows) {
      expect(row.codings.every((c) => c.coderId === row.coderId && blockOf(c.appealId) === row.block)).toBe(
        true,
      );
      const units = row.codings.map((c) => `${c.appealId}\u0000${c.variableId}`);
      expect(units).toEqual([...units].sort());
    }
    expect(rows.reduce((n, row) => n + row.codings.length, 0)).toBe(answers.length);
    // A later call touching the same block keeps the block's other codings.
    const [first] = answers;
    await put([clearedCoding(first!, '2026-01-02T00:00:00Z')]);
    expect(await storedAnswers()).toHaveLength(answers.length - 1);
    expect(await storedCleared()).toEqual([clearedCoding(first!, '2026-01-02T00:00:00Z')]);
  });

  it('writes a big call in slices, each heard by onWritten, and a throw there aborts the whole write', async () => {
    const answers = Array.from({ length: 3 * CODINGS_AT_A_TIME }, (_, n) =>
      coding(`c${n % 3}`, `a-${Math.floor(n / 3)}`, 'v', '2026-01-01T00:00:00Z'),
    );
    const progress: number[] = [];
    await expect(
      db.transaction('rw', codingTables(), () =>
        putCodings(answers, {
          onWritten: (done) => {
            progress.push(done);
            if (progress.length === 2) throw new Error('cancelled');
          },
        }),
      ),
    ).rejects.toThrow('cancelled');
    expect(progress[0]).toBeGreaterThanOrEqual(CODINGS_AT_A_TIME);
    expect(progress[0]).toBeLessThan(answers.length);
    expect(await db.codingBlocks.count()).toBe(0);
    expect(await db.answerBlocks.count()).toBe(0);
    expect(await db.coderEdits.count()).toBe(0);
  });

  it('with whole-table writes, writes no fewer than WHOLE_TABLE_ROWS rows a call but the last', async () => {
    // One coder's 30 000 appeals × 4 variables: ~470 codings a block, so that a slice of
    // CODINGS_AT_A_TIME alone would be fewer rows.
    const answers = Array.from({ length: 6 * CODINGS_AT_A_TIME }, (_, n) =>
      coding('c', `a-${Math.floor(n / 4)}`, `v${n % 4}`, '2026-01-01T00:00:00Z'),
    );
    const tables = [db.codingBlocks, db.answerBlocks] as const;
    const writes = tables.map((table) => vi.spyOn(table, 'bulkPut'));
    await db.transaction('rw', codingTables(), () => putCodings(answers, { wholeTableWrites: true }));
    for (const [i, table] of tables.entries()) {
      const sizes = writes[i]!.mock.calls.map(([rows]) => rows.length);
      expect(sizes.length, table.name).toBeGreaterThan(1);
      expect(Math.min(...sizes.slice(0, -1)), table.name).toBeGreaterThanOrEqual(WHOLE_TABLE_ROWS);
      expect(
        sizes.reduce((a, b) => a + b),
        table.name,
      ).toBe(await table.count());
    }
    expect(await storedAnswers()).toHaveLength(answers.length);
  });
});
