import { Dexie } from 'dexie';
import { codingUnits, unitAgrees } from '../../../shared/consensus/codingUnits.ts';
import type { Consensus } from '../../../shared/model/index.ts';
import { blockAnswers, type AnswerBlockKey } from '../../db/answerBlocks.ts';
import type { KodtauDb } from '../../db/db.ts';
import { pairOf, unitKey, type QueueItem } from './adjudicationQueue.ts';

/** Block numbers read at a time (each with every variable's block): a few tens of thousands of answers. */
const BLOCKS_AT_A_TIME = 16;
/** Queue items sent to the screen at a time. */
const ITEMS_AT_A_TIME = 10_000;
/** Agreed units written to the consensus per transaction: a decision waits for one such write at most. */
const AGREED_AT_A_TIME = 500;

/** What the worker sends, in turn: the next disagreements in appeal order, and (in the first) how many units agree. */
export interface QueueChunk {
  items: QueueItem[];
  agreed: number;
  /** How many items the whole queue has (once every slice is in). */
  total: number;
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
  const [keys, consensus, reviews] = await Promise.all([
    db.answerBlocks
      .where('[projectId+variableId+block]')
      .between(...range)
      .primaryKeys(),
    db.consensus.where('projectId').equals(projectId).toArray(),
    db.reviews.where('projectId').equals(projectId).toArray(),
  ]);
  if (cancelled()) return;
  const settled = new Map(consensus.map((c) => [unitKey(c), c]));
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
    for (const unit of codingUnits(read.flatMap((block) => (block ? blockAnswers(block) : [])))) {
      const key = unitKey(unit);
      const agrees = unitAgrees(unit);
      if (agrees) agreed++;
      if (!agrees || flagged.has(key))
        items.push({
          appealId: unit.appealId,
          variableId: unit.variableId,
          settled: settled.get(key),
          review: flagged.get(key),
          pair: pairOf(unit.codings),
        });
      else if (!settled.has(key)) {
        const answer = unit.codings[0]!;
        agreedOpen.push({
          projectId,
          appealId: unit.appealId,
          variableId: unit.variableId,
          values: answer.values,
          ...(answer.text !== undefined ? { text: answer.text } : {}),
          method: 'agreed',
          by,
          at: new Date().toISOString(),
        });
      }
    }
  }
  // Appeal ids in code-unit order are almost always in locale order too; where not, sorted again.
  items.sort(byKey);
  if (items.some((item, i) => i > 0 && byLocale(items[i - 1]!, item) > 0)) items.sort(byLocale);
  // Sent in slices: the screen draws the first disagreement from the first, and no message is
  // so large that the UI thread stops to read it.
  for (let from = 0; from < Math.max(1, items.length); from += ITEMS_AT_A_TIME)
    yield {
      items: items.slice(from, from + ITEMS_AT_A_TIME),
      agreed: from === 0 ? agreed : 0,
      total: items.length,
    };
  for (let from = 0; from < agreedOpen.length; from += AGREED_AT_A_TIME) {
    if (cancelled()) return;
    await db.consensus.bulkPut(agreedOpen.slice(from, from + AGREED_AT_A_TIME));
  }
}
