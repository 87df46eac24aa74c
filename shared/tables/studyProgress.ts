import { hasAnswer, type Coding, type Consensus } from '../model/index.ts';
import { sourceValues } from './tableSource.ts';

/** Where the coding of a study stands: the figures of the overview screen. */
export interface StudyProgress {
  /** Coders with at least one answer. */
  coders: number;
  /** Appeals answered by two or more coders: the overlap the agreement is measured on. */
  doubleCoded: number;
  /** Units (appeal × variable) coded by two or more coders with differing answers and no consensus. */
  disagreements: number;
  /** Appeals of the final dataset with at least one such unit. */
  unresolvedAppeals: number;
  /** Appeals with at least one value in the final dataset. */
  finalAppeals: number;
}

/**
 * Sums up the codings of a project for the overview. Cleared codings are not answers; the
 * disagreements left are exactly the final dataset's unresolved units (see `sourceValues`).
 *
 * @example
 * // A1 coded by ann and bob alike, A2 by both differently, A3 by ann alone.
 * studyProgress(codings, []) // → { coders: 2, doubleCoded: 2, disagreements: 1, unresolvedAppeals: 1, finalAppeals: 2 }
 */
export function studyProgress(codings: readonly Coding[], consensus: readonly Consensus[]): StudyProgress {
  const final = sourceValues({ kind: 'final' }, { codings, consensus });
  const coders = new Set<string>();
  const codersOf = new Map<string, Set<string>>();
  for (const c of codings) {
    if (!hasAnswer(c)) continue;
    coders.add(c.coderId);
    let of = codersOf.get(c.appealId);
    if (!of) codersOf.set(c.appealId, (of = new Set()));
    of.add(c.coderId);
  }
  const unresolved = new Set(final.unresolved.map((u) => u.appealId));
  const withValue = new Set<string>();
  for (const line of final.byVariable.values()) for (const appealId of line.keys()) withValue.add(appealId);
  for (const appealId of unresolved) withValue.delete(appealId);
  return {
    coders: coders.size,
    doubleCoded: [...codersOf.values()].filter((of) => of.size >= 2).length,
    disagreements: final.unresolved.length,
    unresolvedAppeals: unresolved.size,
    finalAppeals: withValue.size,
  };
}
