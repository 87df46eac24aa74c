import { Dexie } from 'dexie';
import { answerKey } from '../../../shared/consensus/codingUnits.ts';
import type { CodedAnswer, Consensus } from '../../../shared/model/index.ts';
import type { AnswerBlock, AnswerBlockKey } from '../../db/answerBlocks.ts';
import type { KodtauDb } from '../../db/db.ts';
import { isOpen, pairOfKeys, unitKey, type QueueItem } from './adjudicationQueue.ts';

/** Block numbers read at a time (each with every variable's block): a few tens of thousands of answers. */
const BLOCKS_AT_A_TIME = 16;
/** Queue items sent to the screen at a time: the UI thread reads each message in a few tens of ms. */
const ITEMS_AT_A_TIME = 4000;
/** Agreed units written to the consensus per transaction: a decision waits for one such write at most. */
const AGREED_AT_A_TIME = 100;

/** What the worker sends, in turn: the next disagreements in appeal order, with the whole queue's figures. */
export interface QueueChunk {
  items: QueueItem[];
  /** How many units agree (in the first chunk; 0 in the others). */
  agreed: number;
  /** How many items the whole queue has (once every slice is in). */
  total: number;
  /** How many of them are open (`isOpen`). */
  open: number;
  /** Per variable, its items' distinct answer pairs, sorted: the pair filter's choices. */
  pairs: [variableId: string, pairs: string[]][];
}

/** Appeal, then variable, in code-unit order: the order IndexedDB keys sort in. */
const byKey = (a: QueueItem, b: QueueItem) =>
  a.appealId < b.appealId
    ? -1
    : a.appealId > b.appealId
      ? 1
      : a.variableId < b.variableId
        ? -1
        : a.variableId > b.variableId
          ? 1
          : 0;
/** `buildQueue`'s order (`codingUnits`: locale order of appeal, then variable). */
const byLocale = (a: QueueItem, b: QueueItem) =>
  a.appealId.localeCompare(b.appealId) || a.variableId.localeCompare(b.variableId);

/**
 * The units of a block (an appeal's answers to the block's variable) that two or more coders
 * answered: `codingUnits` over `blockAnswers`, read off the block's cells (an appeal's are
 * together), each distinct answer decoded and keyed (`answerKey`) once.
 */
function* blockUnits(block: AnswerBlock) {
  const answers = block.answers.map((json): Pick<CodedAnswer, 'values' | 'text'> => {
    const [values, text] = JSON.parse(json) as [string[], string?];
    return text === undefined ? { values } : { values, text };
  });
  const keys = answers.map(answerKey);
  const { cells } = block;
  for (let start = 0; start < cells.length;) {
    let end = start + 3;
    while (end < cells.length && cells[end] === cells[start]) end += 3;
    if (end - start >= 6) {
      const unitKeys: string[] = [];
      for (let i = start + 2; i < end; i += 3) unitKeys.push(keys[cells[i]!]!);
      yield { appealId: block.appeals[cells[start]!]!, keys: unitKeys, answer: answers[cells[start + 2]!]! };
    }
    start = end;
  }
}

/**
 * Builds the adjudication queue from the project's answer blocks (see answerBlocks.ts), a few
 * block numbers at a time: an appeal's answers to every variable are in blocks of the same
 * number, so each step has whole units (appeal × variable) coded by two or more coders. The
 * queue is the units that disagree or are flagged for review, with their consensus; it comes
 * whole, in `buildQueue`'s order. Then the units every coder agrees on and not yet settled are
 * written to the consensus as "agreed" (by `by`), in small transactions so that a decision
 * made meanwhile is not kept waiting. Runs in the adjudication worker, or on the UI thread where
 * there are no workers (jsdom tests).
 */
export async function* queueChunks(
  db: KodtauDb,
  projectId: string,
  by: string,
  cancelled: () => boolean,
  blocksAtATime = BLOCKS_AT_A_TIME,
): AsyncGenerator<QueueChunk> {
  const range = [
    [projectId, Dexie.minKey],
    [projectId, Dexie.maxKey],
  ] as const;
  // The consensus by key only (once agreed units are written, it holds most units): its rows are
  // read with each step's blocks, for the disagreements that have one.
  const [keys, consensusKeys, reviews] = await Promise.all([
    db.answerBlocks
      .where('[projectId+variableId+block]')
      .between(...range)
      .primaryKeys(),
    db.consensus.where('projectId').equals(projectId).primaryKeys(),
    db.reviews.where('projectId').equals(projectId).toArray(),
  ]);
  if (cancelled()) return;
  const inConsensus = new Set(
    consensusKeys.map(([, appealId, variableId]) => unitKey({ appealId, variableId })),
  );
  const flagged = new Map(reviews.map((r) => [unitKey(r), r]));
  const byNumber = new Map<number, AnswerBlockKey[]>();
  for (const key of keys as AnswerBlockKey[]) byNumber.set(key[2], [...(byNumber.get(key[2]) ?? []), key]);
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);

  const items: QueueItem[] = [];
  const agreedOpen: Consensus[] = [];
  let agreed = 0;
  for (let from = 0; from < numbers.length; from += blocksAtATime) {
    const read = await db.answerBlocks.bulkGet(
      numbers.slice(from, from + blocksAtATime).flatMap((n) => byNumber.get(n)!),
    );
    if (cancelled()) return;
    const step: QueueItem[] = [];
    for (const block of read) {
      if (!block) continue;
      const { variableId } = block;
      for (const unit of blockUnits(block)) {
        const key = unitKey({ appealId: unit.appealId, variableId });
        const agrees = unit.keys.every((k) => k === unit.keys[0]);
        if (agrees) agreed++;
        if (!agrees || flagged.has(key))
          step.push({
            appealId: unit.appealId,
            variableId,
            settled: undefined,
            review: flagged.get(key),
            pair: pairOfKeys(unit.keys),
          });
        else if (!inConsensus.has(key)) {
          const { answer } = unit;
          agreedOpen.push({
            projectId,
            appealId: unit.appealId,
            variableId,
            values: answer.values,
            ...(answer.text !== undefined ? { text: answer.text } : {}),
            method: 'agreed',
            by,
            at: new Date().toISOString(),
          });
        }
      }
    }
    const withConsensus = step.filter((item) => inConsensus.has(unitKey(item)));
    const settled = await db.consensus.bulkGet(
      withConsensus.map((item): [string, string, string] => [projectId, item.appealId, item.variableId]),
    );
    if (cancelled()) return;
    withConsensus.forEach((item, i) => (item.settled = settled[i]));
    items.push(...step);
  }
  // Appeal ids in code-unit order are almost always in locale order too; where not, sorted again.
  items.sort(byKey);
  if (items.some((item, i) => i > 0 && byLocale(items[i - 1]!, item) > 0)) items.sort(byLocale);
  // What the screen would otherwise count over the whole queue: the open items, the pairs.
  const open = items.filter(isOpen).length;
  const pairs = new Map<string, Set<string>>();
  for (const item of items) {
    let set = pairs.get(item.variableId);
    if (!set) pairs.set(item.variableId, (set = new Set()));
    set.add(item.pair);
  }
  const pairLists = [...pairs].map(([variableId, set]): [string, string[]] => [variableId, [...set].sort()]);
  // Sent in slices: the screen draws the first disagreement from the first, and no message is
  // so large that the UI thread stops to read it.
  for (let from = 0; from < Math.max(1, items.length); from += ITEMS_AT_A_TIME)
    yield {
      items: items.slice(from, from + ITEMS_AT_A_TIME),
      agreed: from === 0 ? agreed : 0,
      total: items.length,
      open,
      pairs: from === 0 ? pairLists : [],
    };
  for (let from = 0; from < agreedOpen.length; from += AGREED_AT_A_TIME) {
    if (cancelled()) return;
    await db.consensus.bulkPut(agreedOpen.slice(from, from + AGREED_AT_A_TIME));
  }
}
