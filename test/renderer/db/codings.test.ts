import { beforeEach, describe, expect, it } from 'vitest';
import { codingsOf, saveCoding } from '../../../renderer/db/codings.ts';
import { db } from '../../../renderer/db/db.ts';
import { coding } from './fixtures.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

const input = (appealId: string, variableId: string, values: string[]) => {
  const { updatedAt: _updatedAt, ...rest } = coding('p1', 'c1', appealId, variableId, values);
  return rest;
};

describe('saveCoding', () => {
  it('stores the coding with the time of the edit and returns what it stored', async () => {
    const now = new Date('2019-09-01T12:00:00.000Z');
    const saved = await saveCoding(input('A-1', 'region', ['almaty_city']), now);
    expect(saved.updatedAt).toBe('2019-09-01T12:00:00.000Z');
    expect(await db.codings.get(['p1', 'c1', 'A-1', 'region'])).toEqual(saved);
  });

  it('replaces the earlier coding of the same coder, appeal and variable', async () => {
    await saveCoding(input('A-1', 'region', ['almaty_city']), new Date('2019-09-01T12:00:00.000Z'));
    await saveCoding(input('A-1', 'region', []), new Date('2019-09-01T12:01:00.000Z'));
    const rows = await db.codings.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ values: [], updatedAt: '2019-09-01T12:01:00.000Z' });
  });
});

describe('codingsOf', () => {
  it("reads one coder's codings of one appeal through the [projectId+coderId+appealId] index, by variable", async () => {
    await saveCoding(input('A-1', 'region', ['almaty_city']));
    await saveCoding(input('A-1', 'reason', ['corruption', 'red_tape']));
    await saveCoding(input('A-2', 'region', ['akmola']));
    // Same appeal id, other coder and other project: neither may leak in.
    await db.codings.bulkPut([
      coding('p1', 'c2', 'A-1', 'region', ['astana_city']),
      coding('p2', 'c1', 'A-1', 'region', ['akmola']),
    ]);

    const mine = await codingsOf('p1', 'c1', 'A-1');
    expect([...mine.keys()].sort()).toEqual(['reason', 'region']);
    expect(mine.get('region')?.values).toEqual(['almaty_city']);
    expect(mine.get('reason')?.values).toEqual(['corruption', 'red_tape']);
  });

  it('returns an empty map for an appeal the coder has not touched', async () => {
    expect((await codingsOf('p1', 'c1', 'A-9')).size).toBe(0);
  });
});
