import { Dexie, type IndexableType } from 'dexie';
import type { Coding } from '../../shared/model/index.ts';
import { distinctKeyParts } from '../features/tables/indexKeys.ts';
import { blockOf, updateAnswerBlocks, type AnswerBlock } from './answerBlocks.ts';
import { updateCoderEdits, type CoderEdit } from './coderEdits.ts';
import {
  codingBlockKeyOf,
  groupByBlock,
  OpenCodingBlock,
  type CodingBlock,
  type CodingBlockKey,
} from './codingBlocks.ts';
import { db, WHOLE_TABLE_ROWS, type KodtauDb } from './db.ts';

/** The tables `putCodings` writes: a transaction that calls it spans all of them. */
export const codingTables = () => [db.codingBlocks, db.answerBlocks, db.coderEdits];

/**
 * Codings applied per write request while `putCodings` writes (a block's row holds a coder's
 * ~1 500 codings of a block at 100 000 appeals): enough that IndexedDB always has requests
 * queued, few enough that copying them holds the thread a fraction of a second (a worker hears
 * a cancel between two slices) and the progress moves.
 */
export const CODINGS_AT_A_TIME = 20_000;

export interface PutCodingsOptions {
  onWritten?: (done: number) => void;
  wholeTableWrites?: boolean;
}

/**
 * Stores codings, each in its coder's block in place of the coding of its unit there (a later
 * one wins; an answer replaces a clearing and vice versa), and brings the answer blocks and each
 * coder's latest edit up to date, once for all the codings. The blocks are read and rewritten in
 * the caller's transaction, so two windows editing two appeals of one block both keep their edit.
 * The one way codings are written: call inside a transaction over `codingTables()`. `onWritten`
 * hears how many of `codings` are stored after each slice; what it throws aborts the write.
 * `wholeTableWrites` makes each slice at least `WHOLE_TABLE_ROWS` rows, so that the UI thread
 * hears of the write as one of the whole tables: for a worker, whose longer slices hold no window.
 */
export async function putCodings(
  codings: readonly Coding[],
  { onWritten = () => {}, wholeTableWrites = false }: PutCodingsOptions = {},
): Promise<void> {
  const rows = wholeTableWrites ? WHOLE_TABLE_ROWS : 1;
  const derived = Promise.all([
    updateAnswerBlocks(db.answerBlocks, codings, wholeTableWrites ? WHOLE_TABLE_ROWS : undefined),
    updateCoderEdits(db.coderEdits, codings),
  ]);
  // A failed or cancelled write aborts the transaction: the derived work's failure is that one.
  derived.catch(() => {});
  const groups = [...groupByBlock(codings).values()];
  const stored = await db.codingBlocks.bulkGet(groups.map((g) => g.key));
  let done = 0;
  for (let start = 0; start < groups.length;) {
    const written: CodingBlock[] = [];
    let size = 0;
    for (; start < groups.length && (size < CODINGS_AT_A_TIME || written.length < rows); start++) {
      const group = groups[start]!;
      const block = new OpenCodingBlock(group.key, stored[start]);
      for (const coding of group.codings) block.add(coding);
      written.push(block.close());
      size += group.codings.length;
    }
    await db.codingBlocks.bulkPut(written);
    done += size;
    onWritten(done);
  }
  await derived;
}

/** The project's coding blocks (of one coder, when given), in key order: answers and cleared codings. */
function projectCodingBlocks(
  projectId: string,
  coderId?: string,
  from: KodtauDb = db,
): Promise<CodingBlock[]> {
  const prefix = coderId === undefined ? [projectId] : [projectId, coderId];
  return from.codingBlocks
    .where(':id')
    .between([...prefix, Dexie.minKey], [...prefix, Dexie.maxKey])
    .toArray();
}

const answersOf = (codings: Coding[]) => codings.filter((c) => !c.cleared);

/** One coder's codings of one appeal, cleared ones included, by variable id: one row read. */
export async function appealCodings(
  projectId: string,
  coderId: string,
  appealId: string,
  from: KodtauDb = db,
): Promise<Coding[]> {
  const block = await from.codingBlocks.get([projectId, coderId, blockOf(appealId)]);
  return block?.codings.filter((c) => c.appealId === appealId) ?? [];
}

/** One coder's codings of the project, cleared ones included: what their coder file carries. */
export async function coderCodings(
  projectId: string,
  coderId: string,
  from: KodtauDb = db,
): Promise<Coding[]> {
  return (await projectCodingBlocks(projectId, coderId, from)).flatMap((block) => block.codings);
}

/** Every coding of the project, all coders, answers and cleared ones. */
export async function projectAllCodings(projectId: string): Promise<Coding[]> {
  return (await projectCodingBlocks(projectId)).flatMap((block) => block.codings);
}

/** Every answer of the project, all coders (cleared codings are not answers). */
export async function projectCodings(projectId: string, from: KodtauDb = db): Promise<Coding[]> {
  return (await projectCodingBlocks(projectId, undefined, from)).flatMap((block) => answersOf(block.codings));
}

/**
 * Every answer of the project by variable, each variable's by coder, then appeal (the order the
 * old `[projectId+variableId]` index gave): the coders' blocks, a few hundred rows, read once.
 */
export async function projectCodingsByVariable(
  projectId: string,
  from: KodtauDb = db,
): Promise<Map<string, Coding[]>> {
  const byVariable = new Map<string, Coding[]>();
  for (const block of await projectCodingBlocks(projectId, undefined, from))
    for (const coding of block.codings) {
      if (coding.cleared) continue;
      let list = byVariable.get(coding.variableId);
      if (!list) byVariable.set(coding.variableId, (list = []));
      list.push(coding);
    }
  // Blocks come by coder, then block: within a coder, appeals in code-unit order.
  for (const list of byVariable.values())
    list.sort((a, b) => byCodeUnit(a.coderId, b.coderId) || byCodeUnit(a.appealId, b.appealId));
  return byVariable;
}

/** Every answer to one variable, all coders, in the order of `projectCodingsByVariable`. */
export async function variableCodings(
  projectId: string,
  variableId: string,
  from: KodtauDb = db,
): Promise<Coding[]> {
  return (await projectCodingsByVariable(projectId, from)).get(variableId) ?? [];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The coders with codings in the project (cleared ones count), in code-unit order, from the blocks' keys. */
export function projectCoderIds(projectId: string, from: KodtauDb = db): Promise<string[]> {
  return distinctKeyParts(from.codingBlocks, ':id', [projectId]);
}

/** Each coder's answers (if any) to the given units, by key: the coders' blocks of those appeals. */
export async function unitAnswers(
  projectId: string,
  units: readonly { coderId: string; appealId: string; variableId: string }[],
): Promise<(Coding | undefined)[]> {
  const keys = new Map<string, CodingBlockKey>();
  for (const unit of units) {
    const key = codingBlockKeyOf({ projectId, ...unit });
    keys.set(key.join('\u0000'), key);
  }
  const blocks = await db.codingBlocks.bulkGet([...keys.values()]);
  const found = new Map<string, Coding>();
  for (const block of blocks)
    for (const c of block?.codings ?? [])
      if (!c.cleared) found.set(`${c.coderId}\u0000${c.appealId}\u0000${c.variableId}`, c);
  return units.map((u) => found.get(`${u.coderId}\u0000${u.appealId}\u0000${u.variableId}`));
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

/** Per coder of the project with an answer: the appeals they answered and their answers, from the answer blocks. */
function answersPerCoder(projectId: string): Promise<Map<string, { appeals: number; codings: number }>> {
  // In a transaction of its own: a live query's cache would copy the blocks, and its copy of a
  // typed array is not one.
  return db.transaction('r', [db.answerBlocks], () => countAnswers(projectId));
}

async function countAnswers(projectId: string): Promise<Map<string, { appeals: number; codings: number }>> {
  const coders = new Map<string, { appeals: Set<string>; codings: number }>();
  let from: IndexableType = [projectId, Dexie.minKey];
  let past = false;
  for (;;) {
    const blocks: AnswerBlock[] = await db.answerBlocks
      .where('[projectId+variableId+block]')
      .between(from, [projectId, Dexie.maxKey], !past, true)
      .limit(BLOCKS_AT_A_TIME)
      .toArray();
    for (const block of blocks) {
      const counts = block.coders.map((id) => {
        let count = coders.get(id);
        if (!count) coders.set(id, (count = { appeals: new Set(), codings: 0 }));
        return count;
      });
      // One cell per answer of a coder to an appeal of the block's variable.
      for (let i = 0; i < block.cells.length; i += 3) {
        const count = counts[block.cells[i + 1]!]!;
        count.appeals.add(block.appeals[block.cells[i]!]!);
        count.codings++;
      }
    }
    if (blocks.length < BLOCKS_AT_A_TIME) break;
    const last = blocks.at(-1)!;
    from = [last.projectId, last.variableId, last.block];
    past = true;
  }
  return new Map([...coders].map(([id, { appeals, codings }]) => [id, { appeals: appeals.size, codings }]));
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
  const coders = await projectCoderIds(projectId);
  const found = await unitAnswers(
    projectId,
    coders.map((coderId) => ({ coderId, appealId, variableId })),
  );
  return found.filter((c) => c !== undefined).sort((a, b) => a.coderId.localeCompare(b.coderId));
}

/**
 * Per coder of the project with an answer, in code-unit order: their answers and appeals from
 * the answer blocks a slice at a time, and the latest edit from `coderEdits`. It runs again after
 * every merge: nothing here reads every coding.
 */
export async function coderSummaries(projectId: string): Promise<CoderSummary[]> {
  const [answers, edits] = await Promise.all([answersPerCoder(projectId), projectCoderEdits(projectId)]);
  const lastEdits = new Map(edits.map((e) => [e.coderId, e.lastEdit]));
  return [...answers.keys()]
    .sort(byCodeUnit)
    .map((id) => ({ id, ...answers.get(id)!, lastEdit: lastEdits.get(id) ?? '' }));
}

/** Deletes every coding of the project (in the caller's transaction over `codingTables()`). */
export async function deleteProjectCodings(projectId: string): Promise<void> {
  await db.codingBlocks.where(':id').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]).delete();
}
