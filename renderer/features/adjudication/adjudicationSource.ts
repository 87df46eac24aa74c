import { Dexie } from 'dexie';
import { answerKey } from '../../../shared/consensus/codingUnits.ts';
import type { CodedAnswer, Consensus } from '../../../shared/model/index.ts';
import type { AnswerBlock, AnswerBlockKey } from '../../db/answerBlocks.ts';
import type { KodtauDb } from '../../db/db.ts';
import { pairOfKeys, unitKey } from './adjudicationQueue.ts';

/** Block numbers read at a time (each with every variable's block): a few tens of thousands of answers. */
const BLOCKS_AT_A_TIME = 16;
/** Queue items sent to the screen at a time: the UI thread reads such a message in a few ms. */
const ITEMS_AT_A_TIME = 16_000;
/** Agreed units written to the consensus per transaction: a decision waits for one such write at most. */
const AGREED_AT_A_TIME = 100;

/** An item's flags (`QueuePage.flags`): it has a consensus; a later merge flagged it for review. */
export const SETTLED = 1;
export const REVIEW = 2;
/** Open: not settled yet, or flagged for review by a later merge (`isOpen` on flags). */
export const openFlags = (flags: number) => !(flags & SETTLED) || !!(flags & REVIEW);

/** What the whole queue has, sent with its first page. */
export interface QueueHead {
  /** How many items the queue has. */
  total: number;
  /** How many of them are open. */
  open: number;
  /** How many units agree. */
  agreed: number;
  /** Variable ids, in queue order: what `QueuePage.variable` indexes. */
  variables: string[];
  /** Every distinct answer pair, sorted: what `QueuePage.pair` indexes. */
  pairs: string[];
  /** Per variable, its items' distinct answer pairs, sorted: the pair filter's choices. */
  variablePairs: [variableId: string, pairs: string[]][];
  /** Every coder with an answer in the project, in code-unit order. */
  coders: string[];
}

/**
 * What the worker sends, in turn: the next items of the queue (the disagreements and the flagged
 * units, in `buildQueue`'s order) as columns, few objects for the UI thread to read; the first
 * page (`from` 0) carries the queue's head. Settled units' consensus and review flags are read
 * when the screen shows the unit.
 */
export interface QueuePage {
  /** Where the page's items start in the queue. */
  from: number;
  head?: QueueHead;
  appeals: string[];
  variable: Uint16Array;
  pair: Uint32Array;
  flags: Uint8Array;
}

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

const collator = new Intl.Collator();
/** Sorted as `codingUnits` sorts (locale order), by code unit first: almost always the same order, and faster. */
function localeSorted(strings: Iterable<string>): string[] {
  const sorted = [...strings].sort();
  return sorted.some((s, i) => i > 0 && collator.compare(sorted[i - 1]!, s) > 0)
    ? sorted.sort(collator.compare)
    : sorted;
}

/**
 * Builds the adjudication queue from the project's answer blocks (see answerBlocks.ts), a few
 * block numbers at a time: an appeal's answers to every variable are in blocks of the same
 * number, so each step has whole units (appeal × variable) coded by two or more coders. The
 * queue is the units that disagree or are flagged for review; it comes whole, in `buildQueue`'s
 * order, in pages. Then the units every coder agrees on and not yet settled are written to the
 * consensus as "agreed" (by `by`), in small transactions so that a decision made meanwhile is
 * not kept waiting. Runs in the adjudication worker, or on the UI thread where there are no
 * workers (jsdom tests).
 */
export async function* queuePages(
  db: KodtauDb,
  projectId: string,
  by: string,
  cancelled: () => boolean,
  blocksAtATime = BLOCKS_AT_A_TIME,
  itemsAtATime = ITEMS_AT_A_TIME,
): AsyncGenerator<QueuePage> {
  const range = [
    [projectId, Dexie.minKey],
    [projectId, Dexie.maxKey],
  ] as const;
  // The consensus and the review flags by key only: an item needs to know that it has one.
  const [keys, consensusKeys, reviewKeys] = await Promise.all([
    db.answerBlocks
      .where('[projectId+variableId+block]')
      .between(...range)
      .primaryKeys(),
    db.consensus.where('projectId').equals(projectId).primaryKeys(),
    db.reviews.where('projectId').equals(projectId).primaryKeys(),
  ]);
  if (cancelled()) return;
  const keyOf = ([, appealId, variableId]: [string, string, string]) => unitKey({ appealId, variableId });
  const inConsensus = new Set(consensusKeys.map(keyOf));
  const flagged = new Set(reviewKeys.map(keyOf));
  const byNumber = new Map<number, AnswerBlockKey[]>();
  for (const key of keys as AnswerBlockKey[]) byNumber.set(key[2], [...(byNumber.get(key[2]) ?? []), key]);
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  const variables = localeSorted(new Set((keys as AnswerBlockKey[]).map((key) => key[1])));
  const variableIndex = new Map(variables.map((id, i) => [id, i]));

  // The items as they come (in block order), a column each.
  const appealOf: string[] = [];
  const variableOf: number[] = [];
  const pairOf: string[] = [];
  const flagsOf: number[] = [];
  const pairCache = new Map<string, string>();
  const coders = new Set<string>();
  const agreedOpen: Consensus[] = [];
  const at = new Date().toISOString();
  let agreed = 0;
  const readStep = (from: number) =>
    from < numbers.length
      ? db.answerBlocks.bulkGet(numbers.slice(from, from + blocksAtATime).flatMap((n) => byNumber.get(n)!))
      : undefined;
  // The next step's blocks are read while this step's are decoded.
  let next = readStep(0);
  for (let from = 0; next; from += blocksAtATime) {
    const read = await next;
    next = readStep(from + blocksAtATime);
    if (cancelled()) return;
    for (const block of read) {
      if (!block) continue;
      const { variableId } = block;
      for (const coder of block.coders) coders.add(coder);
      for (const unit of blockUnits(block)) {
        // The unit's key only where there are keys to look it up in (not on a first opening).
        const key =
          inConsensus.size + flagged.size > 0 ? unitKey({ appealId: unit.appealId, variableId }) : '';
        const agrees = unit.keys.every((k) => k === unit.keys[0]);
        if (agrees) agreed++;
        if (!agrees || flagged.has(key)) {
          const joined = unit.keys.join('\u0001');
          let pair = pairCache.get(joined);
          if (pair === undefined) pairCache.set(joined, (pair = pairOfKeys(unit.keys)));
          appealOf.push(unit.appealId);
          variableOf.push(variableIndex.get(variableId)!);
          pairOf.push(pair);
          flagsOf.push((inConsensus.has(key) ? SETTLED : 0) | (flagged.has(key) ? REVIEW : 0));
        } else if (!inConsensus.has(key)) {
          const { answer } = unit;
          agreedOpen.push({
            projectId,
            appealId: unit.appealId,
            variableId,
            values: answer.values,
            ...(answer.text !== undefined ? { text: answer.text } : {}),
            method: 'agreed',
            by,
            at,
          });
        }
      }
    }
  }
  // Queue order: appeal, then variable (an item is one of each), placed by rank, not compared.
  const appeals = localeSorted(new Set(appealOf));
  const appealRank = new Map(appeals.map((id, i) => [id, i]));
  const slots = new Int32Array(appeals.length * variables.length).fill(-1);
  appealOf.forEach(
    (appealId, i) => (slots[appealRank.get(appealId)! * variables.length + variableOf[i]!] = i),
  );
  const order = slots.filter((i) => i >= 0);

  const pairs = [...new Set(pairOf)].sort();
  const pairIndex = new Map(pairs.map((pair, i) => [pair, i]));
  const variablePairs = new Map<string, Set<string>>();
  appealOf.forEach((_, i) => {
    const variableId = variables[variableOf[i]!]!;
    let set = variablePairs.get(variableId);
    if (!set) variablePairs.set(variableId, (set = new Set()));
    set.add(pairOf[i]!);
  });
  const head: QueueHead = {
    total: order.length,
    open: flagsOf.filter(openFlags).length,
    agreed,
    variables,
    pairs,
    variablePairs: [...variablePairs].map(([variableId, set]) => [variableId, [...set].sort()]),
    coders: [...coders].sort(),
  };
  // Sent in pages: no message is so large that the UI thread stops to read it.
  for (let from = 0; from < Math.max(1, order.length); from += itemsAtATime) {
    const slice = order.subarray(from, from + itemsAtATime);
    yield {
      from,
      ...(from === 0 ? { head } : {}),
      appeals: Array.from(slice, (i) => appealOf[i]!),
      variable: Uint16Array.from(slice, (i) => variableOf[i]!),
      pair: Uint32Array.from(slice, (i) => pairIndex.get(pairOf[i]!)!),
      flags: Uint8Array.from(slice, (i) => flagsOf[i]!),
    };
  }
  for (let from = 0; from < agreedOpen.length; from += AGREED_AT_A_TIME) {
    if (cancelled()) return;
    await db.consensus.bulkPut(agreedOpen.slice(from, from + AGREED_AT_A_TIME));
  }
}
