import { Dexie, type Table } from 'dexie';
import type { CodedAnswer, Coding } from '../../shared/model/index.ts';

/**
 * How many blocks a variable's answers are spread over: a few hundred appeals to a block at
 * 100 000 appeals, so that the agreement and adjudication workers read a thousand rows where
 * `codings` holds 1.2 M, and a coder's edit rewrites blocks of a few hundred appeals only.
 * Fixed for the life of the database: an appeal's block is part of its key.
 */
export const BLOCKS = 256;

/** Blocks built and written at a time by `updateAnswerBlocks`, unless it is given more. */
const BLOCKS_AT_A_TIME = 32;

export type AnswerBlockKey = [projectId: string, variableId: string, block: number];

/**
 * Every coder's answer to one variable for the appeals whose id falls in `block`, in a layout
 * that IndexedDB hands back with few objects: a derived copy of the `codings` table (answers
 * only; a cleared coding is not in it), kept in step by `putCodings`.
 */
export interface AnswerBlock {
  projectId: string;
  variableId: string;
  block: number;
  /** Appeal ids in code-unit order. */
  appeals: string[];
  /** Coder ids in code-unit order. */
  coders: string[];
  /** The block's distinct answers, each `JSON.stringify([values])` or `[values, text]`. */
  answers: string[];
  /** One triple per answer (appeal index, coder index, answer index), by appeal, then coder. */
  cells: Int32Array;
}

/** The block of an appeal: FNV-1a of its id, so that it does not depend on the appeals' order. */
export function blockOf(appealId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < appealId.length; i++) hash = Math.imul(hash ^ appealId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BLOCKS;
}

const encodeAnswer = (coding: Pick<Coding, 'values' | 'text'>) =>
  JSON.stringify(coding.text === undefined ? [coding.values] : [coding.values, coding.text]);

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** appeal id → coder id → encoded answer: one block while it is changed. */
type Open = Map<string, Map<string, string>>;

function open(block: AnswerBlock | undefined): Open {
  const appeals: Open = new Map();
  if (!block) return appeals;
  const { cells } = block;
  for (let i = 0; i < cells.length; i += 3) {
    const appealId = block.appeals[cells[i]!]!;
    let coders = appeals.get(appealId);
    if (!coders) appeals.set(appealId, (coders = new Map()));
    coders.set(block.coders[cells[i + 1]!]!, block.answers[cells[i + 2]!]!);
  }
  return appeals;
}

function close(key: AnswerBlockKey, appeals: Open): AnswerBlock | null {
  const appealIds = [...appeals.keys()].filter((id) => appeals.get(id)!.size > 0).sort(byCodeUnit);
  if (appealIds.length === 0) return null;
  const coderIds = [...new Set([...appeals.values()].flatMap((coders) => [...coders.keys()]))].sort(
    byCodeUnit,
  );
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const answerIndex = new Map<string, number>();
  const cells: number[] = [];
  appealIds.forEach((appealId, a) => {
    const coders = appeals.get(appealId)!;
    for (const coderId of [...coders.keys()].sort(byCodeUnit)) {
      const answer = coders.get(coderId)!;
      let index = answerIndex.get(answer);
      if (index === undefined) answerIndex.set(answer, (index = answerIndex.size));
      cells.push(a, coderIndex.get(coderId)!, index);
    }
  });
  const [projectId, variableId, block] = key;
  return {
    projectId,
    variableId,
    block,
    appeals: appealIds,
    coders: coderIds,
    answers: [...answerIndex.keys()],
    cells: Int32Array.from(cells),
  };
}

const keyOf = (coding: Coding): AnswerBlockKey => [
  coding.projectId,
  coding.variableId,
  blockOf(coding.appealId),
];

/** Groups codings by the key `keyOf` gives them (a block's), in the order given (a later one wins). */
export function groupCodings<K extends readonly (string | number)[]>(
  codings: Iterable<Coding>,
  keyOf: (coding: Coding) => K,
): Map<string, { key: K; codings: Coding[] }> {
  const groups = new Map<string, { key: K; codings: Coding[] }>();
  for (const coding of codings) {
    const key = keyOf(coding);
    const id = key.join('\u0000');
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, codings: [] }));
    group.codings.push(coding);
  }
  return groups;
}

function apply(appeals: Open, coding: Coding) {
  const coders = appeals.get(coding.appealId);
  if (coding.cleared) coders?.delete(coding.coderId);
  else if (coders) coders.set(coding.coderId, encodeAnswer(coding));
  else appeals.set(coding.appealId, new Map([[coding.coderId, encodeAnswer(coding)]]));
}

/** Collects codings one at a time (holding only their encoded answers) into the blocks they make. */
export class AnswerBlockBuilder {
  private blocks = new Map<string, { key: AnswerBlockKey; appeals: Open }>();

  add(coding: Coding): void {
    const key = keyOf(coding);
    const id = key.join('\u0000');
    let block = this.blocks.get(id);
    if (!block) this.blocks.set(id, (block = { key, appeals: new Map() }));
    apply(block.appeals, coding);
  }

  /** The blocks of the answers added (cleared codings take an answer out): what `answerBlocks` holds for them. */
  build(): AnswerBlock[] {
    return [...this.blocks.values()].flatMap(({ key, appeals }) => close(key, appeals) ?? []);
  }
}

/**
 * Brings the blocks the codings fall in up to date: an answer replaces the coder's answer there,
 * a cleared coding takes it out. Read and rewritten in the caller's transaction (over
 * `codingTables()`), so that two windows writing at once cannot lose each other's change.
 */
export async function updateAnswerBlocks(
  table: Table<AnswerBlock, AnswerBlockKey>,
  codings: readonly Coding[],
  blocksPerWrite = BLOCKS_AT_A_TIME,
): Promise<void> {
  if (codings.length === 0) return;
  const groups = [...groupCodings(codings, keyOf).values()];
  const found = await table.bulkGet(groups.map((g) => g.key));
  // A slice of blocks at a time, each written before the next is built: the thread (a worker's
  // too, which hears a cancel between two tasks) is never held long, and the transaction stays busy.
  for (let start = 0; start < groups.length; start += blocksPerWrite) {
    const written: AnswerBlock[] = [];
    const emptied: AnswerBlockKey[] = [];
    for (let i = start; i < Math.min(groups.length, start + blocksPerWrite); i++) {
      const group = groups[i]!;
      const appeals = open(found[i]);
      for (const coding of group.codings) apply(appeals, coding);
      const block = close(group.key, appeals);
      if (block) written.push(block);
      else if (found[i]) emptied.push(group.key);
    }
    await Promise.all([table.bulkPut(written), table.bulkDelete(emptied)]);
  }
}

/** The answers a block holds, as codings of its variable (the fields the figures read). */
export function blockAnswers(block: AnswerBlock): CodedAnswer[] {
  const answers = block.answers.map((json) => {
    const [values, text] = JSON.parse(json) as [string[], string?];
    return text === undefined ? { values } : { values, text };
  });
  const { cells, variableId } = block;
  const out: CodedAnswer[] = new Array<CodedAnswer>(cells.length / 3);
  for (let i = 0, n = 0; i < cells.length; i += 3, n++)
    out[n] = {
      appealId: block.appeals[cells[i]!]!,
      coderId: block.coders[cells[i + 1]!]!,
      variableId,
      ...answers[cells[i + 2]!]!,
    };
  return out;
}

/** The project's blocks (of one variable, when given), in key order. */
export function projectBlocks(
  table: Table<AnswerBlock, AnswerBlockKey>,
  projectId: string,
  variableId?: string,
): Promise<AnswerBlock[]> {
  const prefix = variableId === undefined ? [projectId] : [projectId, variableId];
  return table
    .where('[projectId+variableId+block]')
    .between([...prefix, Dexie.minKey], [...prefix, Dexie.maxKey])
    .toArray();
}

/** Builds every block anew from the `codings` table (the version-7 upgrade), reading it row by row. */
export async function rebuildAnswerBlocks<K>(
  codings: Table<Coding, K>,
  blocks: Table<AnswerBlock, AnswerBlockKey>,
): Promise<void> {
  const builder = new AnswerBlockBuilder();
  await codings.each((coding) => builder.add(coding));
  await blocks.clear();
  await blocks.bulkPut(builder.build());
}
