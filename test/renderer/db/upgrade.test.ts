import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { KodtauDb } from '../../../renderer/db/db.ts';
import { AnswerBlockBuilder } from '../../../renderer/db/answerBlocks.ts';
import { projectCoderIds } from '../../../renderer/db/queries.ts';
import { blockOf } from '../../../renderer/db/answerBlocks.ts';
import {
  VERSION_4_STORES,
  VERSION_6_STORES,
  VERSION_8_STORES,
  VERSION_9_STORES,
  VERSION_11_STORES,
  VERSION_13_STORES,
} from '../../previousSchemas.ts';
import { BLOCK_ORDERS, buildAppealBlocks } from '../../../renderer/db/appealBlocks.ts';
import { appealById, appealCount, projectAppeals } from '../../../renderer/db/appeals.ts';
import { storedAnswers, storedCleared, storedCodings } from '../codingRows.ts';
import { CHUNK_ORDERS } from '../../../renderer/db/appealColumns.ts';
import { loadAppealList, metaValues } from '../../../renderer/features/coding/appealList.ts';
import { expectColumnsInStep } from './appealColumnsInStep.ts';
import { NO_FILTER, type CodingFilter } from '../../../renderer/store/codingSlice.ts';
import { coding } from './fixtures.ts';
import { seedAppeals } from '../appealRows.ts';

const NAME = 'kodtau-upgrade-test';

afterEach(() => Dexie.delete(NAME));

describe('the version 5 upgrade', () => {
  it('opens a version-4 database as the current version, its empty codings ("not coded" until then) moved to the cleared table', async () => {
    const old = new Dexie(NAME);
    old.version(4).stores(VERSION_4_STORES);
    const answer = coding('p', 'ann', 'A1', 'reason', ['corruption']);
    const emptyChoice = coding('p', 'ann', 'A1', 'region', []);
    const emptyText = { ...coding('p', 'ann', 'A2', 'comment', []), text: '  ', note: 'see the date' };
    const text = { ...coding('p', 'ann', 'A2', 'remark', []), text: 'ok' };
    await old.table('codings').bulkPut([answer, emptyChoice, emptyText, text]);
    old.close();

    const db = new KodtauDb(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await storedAnswers(db)).toEqual([answer, text]);
    const { text: _blank, ...clearedText } = emptyText;
    expect(await storedCleared(db)).toEqual([
      { ...emptyChoice, cleared: true },
      { ...clearedText, cleared: true },
    ]);
    db.close();
  });
});

describe('the version 7 upgrade', () => {
  it('builds the answer blocks from the codings of a version-6 database, cleared codings left out', async () => {
    const old = new Dexie(NAME);
    old.version(6).stores(VERSION_6_STORES);
    const answers = Array.from({ length: 600 }, (_, i) =>
      coding(i % 2 ? 'p' : 'q', `coder-${i % 3}`, `A${Math.floor(i / 3)}`, i % 4 ? 'reason' : 'comment', [
        `code-${i % 5}`,
      ]),
    );
    const cleared = { ...coding('p', 'ann', 'A1', 'reason', []), cleared: true as const };
    await old.table('codings').bulkPut(answers);
    await old.table('clearedCodings').put(cleared);
    old.close();

    const db = new KodtauDb(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    const builder = new AnswerBlockBuilder();
    for (const answer of await storedAnswers(db)) builder.add(answer);
    const blocks = await db.answerBlocks.toArray();
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.reduce((n, b) => n + b.cells.length / 3, 0)).toBe(answers.length);
    const byKey = (a: { projectId: string; variableId: string; block: number }) =>
      `${a.projectId}/${a.variableId}/${String(a.block).padStart(4, '0')}`;
    const sorted = (list: typeof blocks) =>
      list.map((b) => ({ ...b, cells: [...b.cells] })).sort((a, b) => byKey(a).localeCompare(byKey(b)));
    expect(sorted(blocks)).toEqual(sorted(builder.build()));
    db.close();
  });
});

describe('the version 9 upgrade', () => {
  it('keeps every coding, reads them on the primary key and gives each coder their latest edit', async () => {
    const old = new Dexie(NAME);
    old.version(8).stores(VERSION_8_STORES);
    const at = (day: number) => `2019-08-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    const answers = Array.from({ length: 60 }, (_, i) => ({
      ...coding(i % 2 ? 'p' : 'q', `coder-${i % 3}`, `A${i}`, 'reason', ['x']),
      updatedAt: at(1 + (i % 20)),
    }));
    // coder-0's latest edit in p is a clearing, later than any of their answers.
    const cleared = {
      ...coding('p', 'coder-0', 'A1', 'region', []),
      cleared: true as const,
      updatedAt: at(25),
    };
    await old.table('codings').bulkPut(answers);
    await old.table('clearedCodings').put(cleared);
    old.close();

    const db = new KodtauDb(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(9);
    expect(await storedAnswers(db)).toHaveLength(answers.length);
    const latest = (projectId: string, coderId: string) =>
      [...answers, cleared]
        .filter((c) => c.projectId === projectId && c.coderId === coderId)
        .map((c) => c.updatedAt)
        .sort()
        .at(-1);
    expect(await db.coderEdits.get(['p', 'coder-0'])).toEqual({
      projectId: 'p',
      coderId: 'coder-0',
      lastEdit: at(25),
    });
    for (const edit of await db.coderEdits.toArray())
      expect(edit.lastEdit).toBe(latest(edit.projectId, edit.coderId));
    expect(await db.coderEdits.count()).toBe(6);
    expect(await projectCoderIds('q', db)).toEqual(['coder-0', 'coder-1', 'coder-2']);
    db.close();
  });
});

describe('the version 10 upgrade', () => {
  it("moves every coding and tombstone of a version-9 database into its coder's block, the answer blocks and latest edits unchanged", async () => {
    const old = new Dexie(NAME);
    old.version(9).stores(VERSION_9_STORES);
    const answers = Array.from({ length: 900 }, (_, i) => ({
      ...coding(i % 2 ? 'p' : 'q', `coder-${i % 3}`, `A${Math.floor(i / 3)}`, i % 4 ? 'reason' : 'comment', [
        `code-${i % 5}`,
      ]),
      updatedAt: `2019-08-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`,
      ...(i % 7 === 0 ? { note: 'see the date', unsure: true } : {}),
    }));
    const cleared = Array.from({ length: 40 }, (_, i) => ({
      ...coding('p', `coder-${i % 3}`, `A${1000 + i}`, 'region', []),
      cleared: true as const,
    }));
    const blocks = new AnswerBlockBuilder();
    for (const answer of answers) blocks.add(answer);
    const edits = [{ projectId: 'p', coderId: 'coder-0', lastEdit: '2019-09-01T00:00:00.000Z' }];
    await old.table('codings').bulkPut(answers);
    await old.table('clearedCodings').bulkPut(cleared);
    await old.table('answerBlocks').bulkPut(blocks.build());
    await old.table('coderEdits').bulkPut(edits);
    const answerBlocksBefore = await old.table('answerBlocks').toArray();
    old.close();

    const db = new KodtauDb(NAME);
    await db.open();
    expect(db.verno).toBe(14);
    expect(db.tables.map((t) => t.name)).not.toContain('codings');
    expect(db.tables.map((t) => t.name)).not.toContain('clearedCodings');
    const key = (c: { projectId: string; coderId: string; appealId: string; variableId: string }) =>
      [c.projectId, c.coderId, c.appealId, c.variableId].join('/');
    const byKey = <T extends Parameters<typeof key>[0]>(list: T[]) =>
      [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(await storedCodings(db)).toEqual(byKey([...answers, ...cleared]));
    for (const row of await db.codingBlocks.toArray()) {
      expect(row.codings.length).toBeGreaterThan(0);
      for (const c of row.codings)
        expect([c.projectId, c.coderId, blockOf(c.appealId)]).toEqual([
          row.projectId,
          row.coderId,
          row.block,
        ]);
    }
    expect(await db.answerBlocks.toArray()).toEqual(answerBlocksBefore);
    expect(await db.coderEdits.toArray()).toEqual(edits);
    db.close();
  });
});

describe('the version 10 upgrade', () => {
  it('builds the appeals’ columns from the appeals of a version-9 database, and keeps them in step after', async () => {
    const old = new Dexie(NAME);
    old.version(9).stores(VERSION_9_STORES);
    const appeals = Array.from({ length: CHUNK_ORDERS + 300 }, (_, i) => ({
      projectId: i % 4 ? 'p' : 'q',
      id: `A${i}`,
      text: `Text ${i}`,
      order: CHUNK_ORDERS + 299 - i,
      meta: {
        ...(i % 3 ? { region: `R${i % 5}` } : {}),
        ...(i % 2 ? { addressee: 'Akimat' } : {}),
        date: `2019-0${1 + (i % 9)}-15`,
      },
    }));
    await old.table('appeals').bulkAdd(appeals);
    old.close();

    const db = new KodtauDb(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(10);
    await expectColumnsInStep(db);
    await seedAppeals([{ projectId: 'p', id: 'late', text: '', order: 5, meta: { region: 'R9' } }], db);
    await expectColumnsInStep(db);
    db.close();
  });

  it('gives the coding filters the same appeals as the metadata indexes did', async () => {
    const old = new Dexie('kodtau');
    old.version(9).stores(VERSION_9_STORES);
    const appeals = Array.from({ length: 500 }, (_, i) => ({
      projectId: 'p',
      id: `A${i}`,
      text: `Text ${i}`,
      order: i,
      meta: {
        ...(i % 3 ? { region: `R${i % 5}` } : {}),
        ...(i % 2 ? { addressee: `Ad${i % 7}` } : {}),
        ...(i % 11 ? { date: `2019-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}` } : {}),
      },
    }));
    await old.table('appeals').bulkAdd(appeals);
    const byIndex = async (index: string, lower: string, upper: string) =>
      new Set(
        (
          (await old
            .table('appeals')
            .where(index)
            .between(['p', lower], ['p', upper], true, true)
            .primaryKeys()) as [string, string][]
        ).map(([, id]) => id),
      );
    const uniques = async (key: string) =>
      (
        (await old
          .table('appeals')
          .where(`[projectId+meta.${key}]`)
          .between(['p', Dexie.minKey], ['p', Dexie.maxKey])
          .uniqueKeys()) as unknown as [string, string][]
      )
        .map(([, value]) => value)
        .sort((a, b) => a.localeCompare(b));
    const expected = {
      region: await byIndex('[projectId+meta.region]', 'R2', 'R2'),
      addressee: await byIndex('[projectId+meta.addressee]', 'Ad3', 'Ad3'),
      date: await byIndex('[projectId+meta.date]', '2019-03', '2019-05-10\uffff'),
      regions: await uniques('region'),
      addressees: await uniques('addressee'),
    };
    old.close();

    const { db } = await import('../../../renderer/db/db.ts');
    await db.open();
    const ids = async (filter: Partial<CodingFilter>) =>
      (await loadAppealList('p', 'coder', { ...NO_FILTER, ...filter }, [])).ids;
    const inOrder = (set: Set<string>) => appeals.map((a) => a.id).filter((id) => set.has(id));
    expect(await ids({ region: 'R2' })).toEqual(inOrder(expected.region));
    expect(await ids({ addressee: 'Ad3' })).toEqual(inOrder(expected.addressee));
    expect(await ids({ dateFrom: '2019-03', dateTo: '2019-05-10' })).toEqual(inOrder(expected.date));
    expect(await metaValues('p')).toEqual({ regions: expected.regions, addressees: expected.addressees });
    await db.delete();
  });
});

describe('the version 12 upgrade', () => {
  it('moves the appeals of a version-11 database into blocks of orders, each whole, in source order', async () => {
    const old = new Dexie(NAME);
    old.version(11).stores(VERSION_11_STORES);
    const appeals = Array.from({ length: 3 * BLOCK_ORDERS + 40 }, (_, i) => ({
      projectId: i % 4 ? 'p' : 'q',
      id: `A${i}`,
      text: `Text ${i}`,
      order: Math.floor((3 * BLOCK_ORDERS + 40 - i) / 2),
      meta: { region: `R${i % 5}`, reply: i % 3 ? 'Ответ' : '' },
    }));
    await old.table('appeals').bulkAdd(appeals);
    old.close();

    const db = new KodtauDb(NAME);
    await db.open();
    expect(db.verno).toBe(14);
    expect(db.tables.map((t) => t.name)).not.toContain('appeals');
    for (const projectId of ['p', 'q']) {
      const expected = appeals
        .filter((a) => a.projectId === projectId)
        .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
      expect(await projectAppeals(projectId, db)).toEqual(expected);
      expect(await appealCount(projectId, db)).toBe(expected.length);
    }
    expect(await appealById('p', 'A7', db)).toEqual(appeals[7]);
    for (const block of await db.appealBlocks.toArray())
      for (const appeal of block.appeals) expect(Math.floor(appeal.order / BLOCK_ORDERS)).toBe(block.block);
    db.close();
  });
});

describe('the version 14 upgrade', () => {
  it('counts the appeals of each project of a version-13 database', async () => {
    const old = new Dexie(NAME);
    old.version(13).stores(VERSION_13_STORES);
    const appeals = Array.from({ length: 2 * BLOCK_ORDERS + 7 }, (_, i) => ({
      projectId: i % 3 ? 'p' : 'q',
      id: `A${i}`,
      text: `Text ${i}`,
      order: i,
      meta: {},
    }));
    await old.table('appealBlocks').bulkAdd(buildAppealBlocks(appeals));
    old.close();

    const db = new KodtauDb(NAME);
    await db.open();
    expect(db.verno).toBe(14);
    expect(await appealCount('p', db)).toBe(appeals.filter((a) => a.projectId === 'p').length);
    expect(await appealCount('q', db)).toBe(appeals.filter((a) => a.projectId === 'q').length);
    expect(await appealCount('none', db)).toBe(0);
    db.close();
  });
});
