import {
  answerKey,
  codingUnits,
  unitAgrees,
  type CodingUnit,
} from '../../../shared/consensus/codingUnits.ts';
import type { ReviewFlag } from '../../../shared/merge/reviewFlag.ts';
import type { Coding, Consensus } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';

export const unitKey = (u: { appealId: string; variableId: string }) => `${u.appealId}\u0000${u.variableId}`;

/** A disagreement to settle: the unit, its consensus if settled, and a review flag if a later merge changed it. */
export interface QueueItem {
  unit: CodingUnit;
  settled: Consensus | undefined;
  review: ReviewFlag | undefined;
  /** The distinct answers, sorted, for the category-pair filter ("a | b"). */
  pair: string;
}

export interface Queue {
  items: QueueItem[];
  /** Units on which every coder agrees and that are not yet in the consensus. */
  agreedOpen: CodingUnit[];
  agreed: number;
}

/** The disagreements of the project (units coded by two or more coders that differ), in appeal order. */
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
        unit,
        settled: settled.get(unitKey(unit)),
        review: flagged.get(unitKey(unit)),
        pair: [...new Set(unit.codings.map((c) => answerKey(c).replaceAll('\u0000', '+') || '∅'))]
          .sort()
          .join(' | '),
      })),
    agreedOpen: agreed.filter((unit) => !settled.has(unitKey(unit)) && !flagged.has(unitKey(unit))),
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

/** Units every coder agrees on become consensus, recorded as "agreed". */
export async function settleAgreed(
  units: readonly CodingUnit[],
  by: string,
  now = new Date(),
): Promise<void> {
  await db.consensus.bulkPut(
    units.map((unit) => {
      const first = unit.codings[0]!;
      return {
        projectId: first.projectId,
        appealId: unit.appealId,
        variableId: unit.variableId,
        values: first.values,
        ...(first.text !== undefined ? { text: first.text } : {}),
        method: 'agreed' as const,
        by,
        at: now.toISOString(),
      };
    }),
  );
}
