import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { editAppeal, restoreAppeal } from '../../../renderer/features/coding/appealEdits.ts';
import {
  codedAppeals,
  codersWithCodings,
  indexAtOrAfter,
  loadAppealList,
  metaValues,
} from '../../../renderer/features/coding/appealList.ts';
import { NO_FILTER } from '../../../renderer/store/codingSlice.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import type { Coding } from '../../../shared/model/index.ts';

const DEMO = createDemoProject();
const AIGERIM = 'demo-coder-aigerim';
const list = (change: Partial<typeof NO_FILTER>, coder = AIGERIM) =>
  loadAppealList(DEMO_PROJECT_ID, coder, { ...NO_FILTER, ...change });
/** The same filter worked out directly on the demo data, to compare with the indexed one. */
const idsWhere = (keep: (appeal: (typeof DEMO.appeals)[number]) => boolean) =>
  DEMO.appeals.filter(keep).map((appeal) => appeal.id);

beforeEach(async () => {
  await db.delete();
  await db.open();
  await openDemoProject();
});

describe('loadAppealList', () => {
  it('lists every appeal in source order when nothing is filtered', async () => {
    const all = await list({});
    expect(all.ids).toEqual(DEMO.appeals.map((a) => a.id));
    expect(all.orders).toEqual(DEMO.appeals.map((a) => a.order));
  });

  it("filters by region: Almaty city has 61 appeals (the study's Table 2, DESIGN.md)", async () => {
    const almaty = await list({ region: 'Almaty city' });
    expect(almaty.ids).toHaveLength(61);
    expect(almaty.ids).toEqual(idsWhere((a) => a.meta.region === 'Almaty city'));
  });

  it('filters by a date range, both ends included, and by addressee', async () => {
    const september = await list({ dateFrom: '2019-09-01', dateTo: '2019-09-30' });
    expect(september.ids).toEqual(
      idsWhere((a) => a.meta.date! >= '2019-09-01' && a.meta.date! <= '2019-09-30'),
    );
    expect(september.ids.length).toBeGreaterThan(0);
    const from = await list({ dateFrom: '2019-10-01' });
    expect(from.ids).toEqual(idsWhere((a) => a.meta.date! >= '2019-10-01'));
    const addressee = DEMO.appeals[0]!.meta.addressee!;
    expect((await list({ addressee })).ids).toEqual(idsWhere((a) => a.meta.addressee === addressee));
  });

  it('combines filters (all must hold)', async () => {
    const both = await list({ region: 'Almaty city', dateTo: '2019-08-31' });
    expect(both.ids).toEqual(
      idsWhere((a) => a.meta.region === 'Almaty city' && a.meta.date! <= '2019-08-31'),
    );
  });

  it("filters by this coder's codings: uncoded, unsure, with a note", async () => {
    const mine = DEMO.codings.filter((c) => c.coderId === AIGERIM);
    const coded = new Set(mine.map((c) => c.appealId));
    expect((await list({ status: 'uncoded' })).ids).toEqual(idsWhere((a) => !coded.has(a.id)));
    const unsure = new Set(mine.filter((c) => c.unsure).map((c) => c.appealId));
    expect((await list({ status: 'unsure' })).ids).toEqual(idsWhere((a) => unsure.has(a.id)));
    const noted = new Set(mine.filter((c) => c.note).map((c) => c.appealId));
    expect((await list({ status: 'notes' })).ids).toEqual(idsWhere((a) => noted.has(a.id)));
    // Blind coding: another coder's statuses are their own; a new coder has coded nothing.
    expect((await list({ status: 'uncoded' }, 'someone-new')).ids).toHaveLength(DEMO.appeals.length);
  });

  it('searches the text and the reply, ignoring case', async () => {
    const hits = await list({ query: '  АКИМАТ ' });
    expect(hits.ids).toEqual(
      idsWhere((a) => `${a.text}\n${a.meta.reply ?? ''}`.toLocaleLowerCase().includes('акимат')),
    );
    expect(hits.ids.length).toBeGreaterThan(0);
    expect((await list({ query: 'no such words anywhere' })).ids).toEqual([]);
  });
});

describe('index helpers', () => {
  it('codedAppeals and codersWithCodings walk the indexes', async () => {
    expect(await codedAppeals(DEMO_PROJECT_ID, AIGERIM)).toEqual(
      new Set(DEMO.codings.filter((c) => c.coderId === AIGERIM).map((c) => c.appealId)),
    );
    expect((await codersWithCodings(DEMO_PROJECT_ID)).sort()).toEqual(DEMO.coders.map((c) => c.id).sort());
  });

  it('metaValues gives the distinct regions, sorted', async () => {
    expect(await metaValues(DEMO_PROJECT_ID, 'region')).toEqual(
      [...new Set(DEMO.appeals.map((a) => a.meta.region!))].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('indexAtOrAfter finds the first order at or after, or 0 past the end', () => {
    const orders = [2, 5, 9];
    expect(indexAtOrAfter(orders, 0)).toBe(0);
    expect(indexAtOrAfter(orders, 5)).toBe(1);
    expect(indexAtOrAfter(orders, 6)).toBe(2);
    expect(indexAtOrAfter(orders, 10)).toBe(0);
    expect(indexAtOrAfter([], 3)).toBe(0);
  });
});

describe('editAppeal and restoreAppeal', () => {
  const ref = { projectId: DEMO_PROJECT_ID, coderId: 'me', appealId: DEMO.appeals[0]!.id, order: 0 };
  const row = (variableId: string, values: string[], now: string): Coding => ({
    ...ref,
    variableId,
    values,
    unsure: false,
    updatedAt: now,
    codebookVersion: 1,
  });
  const mine = () =>
    db.codings.where('[projectId+coderId+appealId]').equals([DEMO_PROJECT_ID, 'me', ref.appealId]).toArray();

  it('records the rows before and after, and restoring either puts them back exactly', async () => {
    const first = await editAppeal(ref, (_rows, now) => [row('region', ['almaty_city'], now)]);
    expect(first.before).toEqual([]);
    const second = await editAppeal(ref, (rows, now) => {
      expect(rows.get('region')?.values).toEqual(['almaty_city']);
      return [row('reason', ['corruption'], now)];
    });
    expect(second.before).toEqual(first.after);
    expect(second.after.map((r) => r.variableId).sort()).toEqual(['reason', 'region']);

    await restoreAppeal(ref, second.before);
    expect(await mine()).toEqual(first.after);
    await restoreAppeal(ref, first.before);
    expect(await mine()).toEqual([]);
    await restoreAppeal(ref, second.after);
    expect(await mine()).toEqual(second.after);
    // Other coders' rows of the same appeal are never touched.
    expect(
      await db.codings.where('[projectId+appealId]').equals([DEMO_PROJECT_ID, ref.appealId]).count(),
    ).toBe(DEMO.codings.filter((c) => c.appealId === ref.appealId).length + 2);
  });

  it('writes nothing when the change throws', async () => {
    await expect(
      editAppeal(ref, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await mine()).toEqual([]);
  });
});
