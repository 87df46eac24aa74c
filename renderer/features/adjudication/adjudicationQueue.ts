import { answerKey, codingUnits, unitAgrees } from '../../../shared/consensus/codingUnits.ts';
import type { ReviewFlag } from '../../../shared/merge/reviewFlag.ts';
import type { CodedAnswer, Coding, Consensus } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';

export const unitKey = (u: { appealId: string; variableId: string }) => `${u.appealId}\u0000${u.variableId}`;

/** A disagreement to settle: the unit, its consensus if settled, and a review flag if a later merge changed it. */
export interface QueueItem {
  appealId: string;
  variableId: string;
  settled: Consensus | undefined;
  review: ReviewFlag | undefined;
  /** The distinct answers, sorted, for the category-pair filter ("a | b"). */
  pair: string;
}

export interface Queue {
  items: QueueItem[];
  agreed: number;
}

/** The distinct answers of a unit's codings, sorted and joined: "a | b", "a+b | c", "∅" for none of these. */
export const pairOf = (codings: readonly CodedAnswer[]) => pairOfKeys(codings.map(answerKey));

/** `pairOf` from the answers' `answerKey`s. */
export const pairOfKeys = (keys: readonly string[]) =>
  [...new Set(keys.map((key) => key.replaceAll('\u0000', '+') || '∅'))].sort().join(' | ');

/**
 * The disagreements of the project (units coded by two or more coders that differ), in appeal order,
 * from every coding at once: what `queueChunks` builds a chunk at a time (kept to check it against).
 */
export function buildQueue(
  codings: readonly Coding[],
  consensus: readonly Consensus[],
  reviews: readonly ReviewFlag[],
): Queue {
  const settled = new Map(consensus.map((c) => [unitKey(c), c]));
  const flagged = new Map(reviews.map((r) => [unitKey(r), r]));
  const units = codingUnits(codings);
  const agreed = units.filter(unitAgrees);
  return {
    items: units
      .filter((unit) => !unitAgrees(unit) || flagged.has(unitKey(unit)))
      .map((unit) => ({
        appealId: unit.appealId,
        variableId: unit.variableId,
        settled: settled.get(unitKey(unit)),
        review: flagged.get(unitKey(unit)),
        pair: pairOf(unit.codings),
      })),
    agreed: agreed.length,
  };
}

/** Open: not settled yet, or flagged for review by a later merge. */
export const isOpen = (item: QueueItem) => !item.settled || !!item.review;

/**
 * Writes the supervisor's decision and clears the unit's review flag, in one transaction, and
 * resolves once IndexedDB has committed it.
 */
export async function settle(consensus: Consensus): Promise<void> {
  await db.transaction('rw', [db.consensus, db.reviews], async () => {
    await db.consensus.put(consensus);
    await db.reviews.delete([consensus.projectId, consensus.appealId, consensus.variableId]);
  });
}
