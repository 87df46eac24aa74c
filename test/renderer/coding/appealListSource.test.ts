import { RangeSet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { codingTables, putCodings } from '../../../renderer/db/queries.ts';
import {
  AppealListSource,
  Superseded,
  touchedBy,
} from '../../../renderer/features/coding/appealListSource.ts';
import { NO_FILTER, type CodingFilter } from '../../../renderer/store/codingSlice.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import type { Coding } from '../../../shared/model/index.ts';
import { seedAppeals } from '../appealRows.ts';

const DEMO = createDemoProject();
const VARIABLES = DEMO.codebook.variables;
const ME = 'me';
const source = new AppealListSource(db);
const list = (change: Partial<CodingFilter>) =>
  source.list(DEMO_PROJECT_ID, ME, { ...NO_FILTER, ...change }, VARIABLES);
const answer = (appealId: string, variableId: string, extra: Partial<Coding> = {}): Coding => ({
  projectId: DEMO_PROJECT_ID,
  coderId: ME,
  appealId,
  variableId,
  values: [VARIABLES.find((v) => v.id === variableId)!.categories[0]!.code],
  unsure: false,
  updatedAt: '2020-01-01T00:00:00.000Z',
  codebookVersion: 1,
  ...extra,
});
const write = (codings: Coding[]) => db.transaction('rw', codingTables(), () => putCodings(codings));

beforeEach(async () => {
  await db.delete();
  await db.open();
  await openDemoProject();
});

// The source keeps the appeals and the coder's states between requests: these check that a
// write, of any kind, is seen by the next request and never answered from what was kept.
describe('AppealListSource keeps what it read only until a write touches it', () => {
  it("a coding written after a status filter changes that filter's next answer", async () => {
    const [first] = DEMO.appeals;
    expect((await list({ status: 'uncoded' })).ids).toContain(first!.id);
    expect((await list({ status: 'unsure' })).ids).toEqual([]);
    await write(VARIABLES.map((v) => answer(first!.id, v.id, { unsure: true, note: 'look again' })));
    expect((await list({ status: 'uncoded' })).ids).not.toContain(first!.id);
    expect((await list({ status: 'unsure' })).ids).toEqual([first!.id]);
    expect((await list({ status: 'notes' })).ids).toEqual([first!.id]);
    // Taken back to a cleared row that keeps the note: no longer coded, still noted.
    await write([answer(first!.id, VARIABLES[0]!.id, { values: [], cleared: true, note: 'look again' })]);
    expect((await list({ status: 'uncoded' })).ids).toContain(first!.id);
    expect((await list({ status: 'notes' })).ids).toEqual([first!.id]);
  });

  it('an appeal added is searched and filtered at once', async () => {
    const added = {
      ...DEMO.appeals[5]!,
      id: 'LATE-1',
      order: 10_000,
      text: 'Қызылорда сұрағы бойынша',
      meta: { ...DEMO.appeals[5]!.meta, region: 'Kyzylorda' },
    };
    expect((await list({ query: 'ҚЫЗЫЛОРДА СҰРАҒЫ' })).ids).toEqual([]);
    const before = (await list({ region: 'Kyzylorda' })).ids;
    await seedAppeals([added]);
    expect((await list({ query: 'ҚЫЗЫЛОРДА СҰРАҒЫ' })).ids).toEqual(['LATE-1']);
    expect((await list({ region: 'Kyzylorda' })).ids).toEqual([...before, 'LATE-1']);
  });

  it('a search and a filter combine, in source order', async () => {
    const hits = await list({ query: 'акимат', region: 'Almaty city' });
    const expected = DEMO.appeals
      .filter(
        (a) =>
          a.meta.region === 'Almaty city' &&
          `${a.text}\n${a.meta.reply ?? ''}`.toLocaleLowerCase().includes('акимат'),
      )
      .map((a) => a.id);
    expect(hits.ids).toEqual(expected);
    expect(hits.orders).toEqual([...hits.orders].sort((a, b) => a - b));
  });

  it('a request made stale by a newer one stops with Superseded and lists nothing', async () => {
    await expect(
      source.list(DEMO_PROJECT_ID, ME, { ...NO_FILTER, query: 'акимат' }, VARIABLES, () => true),
    ).rejects.toBeInstanceOf(Superseded);
  });
});

// The coder's states are kept up to date from each edit: an edit of one appeal reads that
// coder's block of the appeal by key, never the coder's whole set again (256 blocks of ~1 500 codings at scale).
describe("AppealListSource follows a coder's edits appeal by appeal", () => {
  /** How many range reads of the coding blocks the source makes from now on (a whole set is read by range). */
  function watchReads() {
    const reads = { ranges: 0 };
    const where = db.codingBlocks.where.bind(db.codingBlocks);
    vi.spyOn(db.codingBlocks, 'where').mockImplementation(((index: string) => {
      reads.ranges++;
      return where(index);
    }) as typeof db.codingBlocks.where);
    return reads;
  }
  afterEach(() => vi.restoreAllMocks());

  it('an edit changes the unsure, notes and uncoded filters without reading every row again', async () => {
    const [first, second] = DEMO.appeals;
    expect((await list({ status: 'unsure' })).ids).toEqual([]);
    expect((await list({ status: 'notes' })).ids).toEqual([]);
    expect((await list({ status: 'uncoded' })).ids).toContain(second!.id);
    const reads = watchReads();
    await write([answer(first!.id, VARIABLES[0]!.id, { unsure: true })]);
    await write(VARIABLES.map((v) => answer(second!.id, v.id, { note: 'ask the supervisor' })));
    expect((await list({ status: 'unsure' })).ids).toEqual([first!.id]);
    expect((await list({ status: 'notes' })).ids).toEqual([second!.id]);
    expect((await list({ status: 'uncoded' })).ids).not.toContain(second!.id);
    // Taken back: the flag goes with the answer's row, the note stays on the cleared one.
    await write([answer(first!.id, VARIABLES[0]!.id, { values: [], cleared: true })]);
    await write([answer(second!.id, VARIABLES[0]!.id, { values: [], cleared: true, note: 'ask' })]);
    expect((await list({ status: 'unsure' })).ids).toEqual([]);
    expect((await list({ status: 'notes' })).ids).toEqual([second!.id]);
    expect((await list({ status: 'uncoded' })).ids).toContain(second!.id);
    // Only the edited appeals' blocks were read (by key), not the coder's blocks by range.
    expect(reads.ranges).toBe(0);
  });

  it('a write of many codings at once brings the states up to date, and right', async () => {
    expect((await list({ status: 'notes' })).ids).toEqual([]);
    const noted = DEMO.appeals.slice(0, 60);
    await write(noted.map((a) => answer(a.id, VARIABLES[0]!.id, { note: 'batch' })));
    expect((await list({ status: 'notes' })).ids).toEqual(noted.map((a) => a.id));
  });
});

describe('touchedBy', () => {
  it('names the blocks of a few codings written by key, and says "all" for a range', () => {
    const keys = new RangeSet().addKeys([
      [DEMO_PROJECT_ID, ME, 7],
      [DEMO_PROJECT_ID, ME, 3],
    ]);
    expect(touchedBy(db.name, { [`idb://${db.name}/codingBlocks/`]: keys })).toEqual({
      appeals: false,
      codings: [
        [DEMO_PROJECT_ID, ME, 3],
        [DEMO_PROJECT_ID, ME, 7],
      ],
    });
    const range = new RangeSet([DEMO_PROJECT_ID, ME], [DEMO_PROJECT_ID, ME, Infinity]);
    expect(touchedBy(db.name, { [`idb://${db.name}/codingBlocks/`]: range }).codings).toBe('all');
    expect(touchedBy(db.name, { [`idb://${db.name}/appealBlocks/`]: keys }).appeals).toBe(true);
    expect(touchedBy('another', { [`idb://${db.name}/codingBlocks/`]: range })).toEqual({
      appeals: false,
      codings: [],
    });
  });
});
