import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { codingTables, putCodings } from '../../../renderer/db/queries.ts';
import { appealRows, editAppeal, replayEdit } from '../../../renderer/features/coding/appealEdits.ts';
import {
  codedAppeals,
  codersWithCodings,
  indexAtOrAfter,
  loadAppealList,
  metaValues,
} from '../../../renderer/features/coding/appealList.ts';
import { NO_FILTER } from '../../../renderer/store/codingSlice.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import type { Coding, Variable } from '../../../shared/model/index.ts';
import { seedCodings, storedAnswer, storedAnswers, storedCleared, storedClearing } from '../codingRows.ts';

const DEMO = createDemoProject();
const AIGERIM = 'demo-coder-aigerim';
const VARIABLES = DEMO.codebook.variables;
const list = (change: Partial<typeof NO_FILTER>, coder = AIGERIM) =>
  loadAppealList(DEMO_PROJECT_ID, coder, { ...NO_FILTER, ...change }, VARIABLES);
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
    const aigerims = new Set(DEMO.codings.filter((c) => c.coderId === AIGERIM).map((c) => c.appealId));
    // The demo's design: 68 appeals of the overlap sample and 137 of her own.
    expect(aigerims.size).toBe(68 + 137);
    expect(await codedAppeals(DEMO_PROJECT_ID, AIGERIM, VARIABLES)).toEqual(aigerims);
    expect((await codersWithCodings(DEMO_PROJECT_ID)).sort()).toEqual(DEMO.coders.map((c) => c.id).sort());
  });

  it('metaValues gives the distinct regions and addressees, sorted', async () => {
    const distinct = (key: 'region' | 'addressee') =>
      [...new Set(DEMO.appeals.map((a) => a.meta[key]!))].sort((a, b) => a.localeCompare(b));
    expect(await metaValues(DEMO_PROJECT_ID)).toEqual({
      regions: distinct('region'),
      addressees: distinct('addressee'),
    });
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

describe('codedAppeals: coded means every required variable answered', () => {
  const [A, B, C] = DEMO.appeals.map((a) => a.id) as [string, string, string];
  const at = (
    appealId: string,
    variableId: string,
    values: string[],
    extra: Partial<Coding> = {},
  ): Coding => ({
    projectId: DEMO_PROJECT_ID,
    coderId: 'me',
    appealId,
    variableId,
    values,
    unsure: false,
    updatedAt: '2020-01-01T00:00:00.000Z',
    codebookVersion: 1,
    ...extra,
  });
  const [reason, region, body, response] = VARIABLES as [Variable, Variable, Variable, Variable];

  beforeEach(async () => {
    await db.transaction('rw', codingTables(), () =>
      putCodings([
        // A: all four required variables, reason answered "none of these".
        at(A, reason.id, []),
        at(A, region.id, [region.categories[0]!.code]),
        at(A, body.id, [body.categories[0]!.code]),
        at(A, response.id, [response.categories[0]!.code]),
        // B: three answers, the fourth cleared.
        at(B, reason.id, [reason.categories[0]!.code]),
        at(B, region.id, [region.categories[0]!.code]),
        at(B, body.id, [body.categories[0]!.code]),
        at(B, response.id, [], { cleared: true }),
        // C: only a note and a flag, on a cleared row.
        at(C, reason.id, [], { cleared: true, note: 'later', unsure: true }),
      ]),
    );
  });

  it('counts an appeal with every required variable answered, "none of these" included', async () => {
    expect(VARIABLES.every((v) => v.required)).toBe(true);
    expect(await codedAppeals(DEMO_PROJECT_ID, 'me', VARIABLES)).toEqual(new Set([A]));
    const uncoded = await loadAppealList(
      DEMO_PROJECT_ID,
      'me',
      { ...NO_FILTER, status: 'uncoded' },
      VARIABLES,
    );
    expect(uncoded.ids).toHaveLength(DEMO.appeals.length - 1);
    expect(uncoded.ids).toContain(B);
    expect(uncoded.ids).toContain(C);
  });

  it('the note and flag on a cleared row still let the appeal be found by those filters', async () => {
    const flagged = await loadAppealList(
      DEMO_PROJECT_ID,
      'me',
      { ...NO_FILTER, status: 'unsure' },
      VARIABLES,
    );
    expect(flagged.ids).toEqual([C]);
    const noted = await loadAppealList(DEMO_PROJECT_ID, 'me', { ...NO_FILTER, status: 'notes' }, VARIABLES);
    expect(noted.ids).toEqual([C]);
  });

  it('with no variable marked required, one answer codes the appeal', async () => {
    const optional = VARIABLES.map((v) => ({ ...v, required: false }));
    expect(await codedAppeals(DEMO_PROJECT_ID, 'me', optional)).toEqual(new Set([A, B]));
  });
});

describe('editAppeal and replayEdit', () => {
  const ref = { projectId: DEMO_PROJECT_ID, coderId: 'me', appealId: DEMO.appeals[0]!.id, order: 0 };
  const row = (variableId: string, values: string[], now: string): Coding => ({
    ...ref,
    variableId,
    values,
    unsure: false,
    updatedAt: now,
    codebookVersion: 1,
  });
  const T0 = '2020-01-01T00:00:00.000Z';

  it('records only the keys it wrote, with what they held before', async () => {
    const first = await editAppeal(ref, (_rows, now) => [row('region', ['almaty_city'], now)]);
    expect(first.edit.changes).toEqual([{ before: undefined, after: first.rows.get('region') }]);
    const second = await editAppeal(ref, (rows, now) => {
      expect(rows.get('region')?.values).toEqual(['almaty_city']);
      return [row('reason', ['corruption'], now)];
    });
    expect(second.edit.changes.map((c) => c.after.variableId)).toEqual(['reason']);
    expect([...second.rows.keys()].sort()).toEqual(['reason', 'region']);
    expect(await appealRows(ref)).toEqual(second.rows);
  });

  it('undoes as a new edit: the state before with a later time, a cleared row for a new key, nothing else touched', async () => {
    await seedCodings([row('reason', ['corruption'], T0)]);
    const edit = (
      await editAppeal(ref, (rows, now) => [
        { ...rows.get('reason')!, values: ['red_tape'], updatedAt: now },
        row('region', ['almaty_city'], now),
      ])
    ).edit;
    // Another window codes a third variable of the appeal meanwhile.
    const theirs = row('body', ['akimat'], '2030-01-01T00:00:00.000Z');
    await seedCodings([theirs]);

    const undone = await replayEdit(edit, 'before');
    const reason = undone.rows.get('reason')!;
    expect(reason).toMatchObject({ values: ['corruption'] });
    expect(reason.updatedAt > edit.changes[0]!.after.updatedAt).toBe(true);
    const region = await storedClearing([DEMO_PROJECT_ID, 'me', ref.appealId, 'region']);
    expect(region).toMatchObject({ values: [], cleared: true, unsure: false });
    expect(region!.updatedAt > edit.changes[1]!.after.updatedAt).toBe(true);
    expect(await storedAnswer([DEMO_PROJECT_ID, 'me', ref.appealId, 'region'])).toBeUndefined();
    expect(await storedAnswer([DEMO_PROJECT_ID, 'me', ref.appealId, 'body'])).toEqual(theirs);

    const redone = await replayEdit(edit, 'after');
    expect(redone.rows.get('reason')?.values).toEqual(['red_tape']);
    expect(redone.rows.get('region')).toMatchObject({ values: ['almaty_city'] });
    expect(redone.rows.get('region')!.cleared).toBeUndefined();
    expect((await storedCleared()).length).toBe(0);
    expect(redone.rows.get('body')).toEqual(theirs);
    // Other coders' rows of the same appeal are never touched.
    expect(
      (await storedAnswers()).filter((c) => c.projectId === DEMO_PROJECT_ID && c.appealId === ref.appealId)
        .length,
    ).toBe(DEMO.codings.filter((c) => c.appealId === ref.appealId).length + 3);
  });

  it('writes nothing when the change throws', async () => {
    await expect(
      editAppeal(ref, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await appealRows(ref)).size).toBe(0);
  });
});
