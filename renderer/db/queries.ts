import { Dexie, type IndexableType, type Table } from 'dexie';
import type { Coding } from '../../shared/model/index.ts';
import { updateAnswerBlocks, type AnswerBlock } from './answerBlocks.ts';
import { updateCoderEdits, type CoderEdit } from './coderEdits.ts';
import { codingKeyOf, db, type CodingKey } from './db.ts';

/** The tables `putCodings` writes: a transaction that calls it spans all of them. */
export const codingTables = () => [db.codings, db.clearedCodings, db.answerBlocks, db.coderEdits];

/** IndexedDB's order of coding keys (arrays of strings: code-unit order, element by element). */
function compareKeys(a: CodingKey, b: CodingKey): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/**
 * Deletes those of `keys` that `table` holds. Each delete is a request, and most keys are not
 * there (a first merge has no tombstones to replace): the table's keys between the lowest and
 * the highest of them are read first, in one request, and only those found are deleted. Where
 * that range holds more keys than there are to delete, they are deleted without looking.
 */
async function deleteWhereFound(table: Table<Coding, CodingKey>, keys: CodingKey[]): Promise<void> {
  if (keys.length < 2) {
    await table.bulkDelete(keys);
    return;
  }
  const sorted = keys.slice().sort(compareKeys);
  const limit = 2 * keys.length;
  const found = await table
    .where(':id')
    .between(sorted[0]!, sorted.at(-1)!, true, true)
    .limit(limit)
    .primaryKeys();
  if (found.length >= limit) {
    await table.bulkDelete(keys);
    return;
  }
  const wanted = new Set(keys.map((key) => key.join('\u0000')));
  await table.bulkDelete(found.filter((key) => wanted.has(key.join('\u0000'))));
}

/**
 * Rows per request batch while `putCodings` writes: large, so that IndexedDB always has requests
 * queued, and small enough that copying them to IndexedDB holds the thread a fraction of a second
 * (a worker hears a cancel between two batches) and the progress moves.
 */
export const ROWS_AT_A_TIME = 20_000;

/**
 * Stores codings, each in its table: an answer in `codings`, a cleared one in `clearedCodings`,
 * removing the key from the other (where it is there: a key is in one table, never both), and
 * brings the answer blocks and each coder's latest edit up to date, once for all the codings
 * (a block is read and written once however many of them fall in it). The one way codings are
 * written: call inside a transaction over `codingTables()`. `onWritten` hears how many rows are
 * stored after each batch of `ROWS_AT_A_TIME`; what it throws aborts the write.
 */
export async function putCodings(
  codings: readonly Coding[],
  onWritten: (done: number) => void = () => {},
): Promise<void> {
  const derived = Promise.all([
    updateAnswerBlocks(db.answerBlocks, codings),
    updateCoderEdits(db.coderEdits, codings),
  ]);
  // A failed or cancelled write aborts the transaction: the derived work's failure is that one.
  derived.catch(() => {});
  for (let start = 0; start < codings.length; start += ROWS_AT_A_TIME) {
    const batch = codings.slice(start, start + ROWS_AT_A_TIME);
    const cleared = batch.filter((c) => c.cleared);
    const answers = batch.filter((c) => !c.cleared);
    await Promise.all([
      db.codings.bulkPut(answers),
      db.clearedCodings.bulkPut(cleared),
      deleteWhereFound(db.codings, cleared.map(codingKeyOf)),
      deleteWhereFound(db.clearedCodings, answers.map(codingKeyOf)),
    ]);
    onWritten(start + batch.length);
  }
  await derived;
}

/** One coder's codings of the project, cleared ones included: what their coder file carries. */
export async function coderCodings(projectId: string, coderId: string): Promise<Coding[]> {
  const [answers, cleared] = await Promise.all(
    [db.codings, db.clearedCodings].map((table) =>
      table
        .where('[projectId+coderId+appealId]')
        .between([projectId, coderId, Dexie.minKey], [projectId, coderId, Dexie.maxKey])
        .toArray(),
    ),
  );
  return [...answers!, ...cleared!];
}

/** Every cleared coding of the project (tombstones), all coders: the merge needs them. */
export function projectClearedCodings(projectId: string): Promise<Coding[]> {
  return db.clearedCodings
    .where('[projectId+coderId+appealId+variableId]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .toArray();
}

/** Every answer of the project, all coders (cleared codings are not answers). */
export function projectCodings(projectId: string): Promise<Coding[]> {
  return db.codings
    .where('[projectId+coderId]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .toArray();
}

/** Coder id → display name, for everyone in the `coders` table. */
export async function coderNames(): Promise<Map<string, string>> {
  return new Map((await db.coders.toArray()).map((coder) => [coder.id, coder.name]));
}

/** One coder's work in a project, for the coders table. */
export interface CoderSummary {
  id: string;
  /** Appeals with at least one answer. */
  appeals: number;
  codings: number;
  /** Time of the coder's latest edit (a clearing is one). */
  lastEdit: string;
}

/** Answer blocks read per request: a few thousand appeals' answers, so no read holds the UI thread long. */
const BLOCKS_AT_A_TIME = 32;

/** Per coder of the project, the appeals they answered at least one variable of, from the answer blocks. */
function appealsPerCoder(projectId: string): Promise<Map<string, number>> {
  // In a transaction of its own: a live query's cache would copy the blocks, and its copy of a
  // typed array is not one.
  return db.transaction('r', [db.answerBlocks], () => countAppeals(projectId));
}

async function countAppeals(projectId: string): Promise<Map<string, number>> {
  const appeals = new Map<string, Set<string>>();
  let from: IndexableType = [projectId, Dexie.minKey];
  let past = false;
  for (;;) {
    const blocks: AnswerBlock[] = await db.answerBlocks
      .where('[projectId+variableId+block]')
      .between(from, [projectId, Dexie.maxKey], !past, true)
      .limit(BLOCKS_AT_A_TIME)
      .toArray();
    for (const block of blocks) {
      const sets = block.coders.map((id) => {
        let set = appeals.get(id);
        if (!set) appeals.set(id, (set = new Set()));
        return set;
      });
      for (let i = 0; i < block.cells.length; i += 3)
        sets[block.cells[i + 1]!]!.add(block.appeals[block.cells[i]!]!);
    }
    if (blocks.length < BLOCKS_AT_A_TIME) break;
    const last = blocks.at(-1)!;
    from = [last.projectId, last.variableId, last.block];
    past = true;
  }
  return new Map([...appeals].map(([id, set]) => [id, set.size]));
}

/** Each coder's latest edit in the project, from the small derived `coderEdits` rows. */
export function projectCoderEdits(projectId: string): Promise<CoderEdit[]> {
  return db.coderEdits
    .where('[projectId+coderId]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .toArray();
}

/** The latest edit of anyone in the project ('' before the first). */
export async function projectLastEdit(projectId: string): Promise<string> {
  const edits = await projectCoderEdits(projectId);
  return edits.reduce((last, { lastEdit }) => (lastEdit > last ? lastEdit : last), '');
}

/** Every coder's answer to one unit (appeal and variable), by coder id as the screen lists them. */
export async function unitCodings(
  projectId: string,
  appealId: string,
  variableId: string,
): Promise<Coding[]> {
  // The project's coders, one key each off the primary key (a cursor that skips to the next coder).
  const coders = await db.codings
    .where('[projectId+coderId]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .uniqueKeys();
  const found = await db.codings.bulkGet(
    coders.map((key): CodingKey => [
      projectId,
      (key as unknown as [string, string])[1],
      appealId,
      variableId,
    ]),
  );
  return found.filter((c) => c !== undefined).sort((a, b) => a.coderId.localeCompare(b.coderId));
}

/**
 * One coder's answers in the project, on the primary key (it starts with the project and the
 * coder; Dexie's `.equals` on a two-part prefix of a four-part key builds a range IndexedDB refuses).
 */
export function coderCodingRange(projectId: string, coderId: string) {
  return db.codings.where(':id').between([projectId, coderId], [projectId, coderId, Dexie.maxKey]);
}

/** Every answer of the project on the primary key: a count, or a delete. */
export function projectCodingRange(projectId: string) {
  return db.codings
    .where('[projectId+coderId+appealId+variableId]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);
}

/**
 * Per coder of the project: answers counted on the primary key (no rows read), the appeals from
 * the answer blocks a slice at a time, and the latest edit from `coderEdits`. It runs again after
 * every merge: nothing here reads every coding.
 */
export async function coderSummaries(projectId: string): Promise<CoderSummary[]> {
  const [coderKeys, appeals, edits] = await Promise.all([
    db.codings
      .where('[projectId+coderId]')
      .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
      .uniqueKeys(),
    appealsPerCoder(projectId),
    projectCoderEdits(projectId),
  ]);
  const lastEdits = new Map(edits.map((e) => [e.coderId, e.lastEdit]));
  return Promise.all(
    coderKeys.map(async (key) => {
      const id = (key as unknown as [string, string])[1];
      const codings = await coderCodingRange(projectId, id).count();
      return { id, codings, appeals: appeals.get(id) ?? 0, lastEdit: lastEdits.get(id) ?? '' };
    }),
  );
}
