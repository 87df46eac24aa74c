import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { codingTables, putCodings } from '../../../renderer/db/queries.ts';
import { AppealListSource, Superseded } from '../../../renderer/features/coding/appealListSource.ts';
import { NO_FILTER, type CodingFilter } from '../../../renderer/store/codingSlice.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import type { Coding } from '../../../shared/model/index.ts';

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

  it("an appeal's new text and region are searched and filtered at once", async () => {
    const appeal = DEMO.appeals[5]!;
    expect((await list({ query: 'ҚЫЗЫЛОРДА СҰРАҒЫ' })).ids).toEqual([]);
    const before = (await list({ region: 'Kyzylorda' })).ids;
    await db.appeals.put({
      ...appeal,
      text: 'Қызылорда сұрағы бойынша',
      meta: { ...appeal.meta, region: 'Kyzylorda' },
    });
    expect((await list({ query: 'ҚЫЗЫЛОРДА СҰРАҒЫ' })).ids).toEqual([appeal.id]);
    const after = (await list({ region: 'Kyzylorda' })).ids;
    expect(after).toContain(appeal.id);
    expect(after).toEqual(
      DEMO.appeals.map((a) => a.id).filter((id) => id === appeal.id || before.includes(id)),
    );
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
