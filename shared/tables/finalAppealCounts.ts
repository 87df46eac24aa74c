import type { FinalStatus, SourceValue, SourceValues } from './tableSource.ts';

/** An appeal's status in the final dataset, or `uncoded` when no variable of it has a value yet. */
export type FinalAppealStatus = FinalStatus | 'uncoded';

export interface FinalAppealCounts {
  /** Appeals by the status of their least settled variable (see `finalAppealCounts`). */
  appeals: Record<FinalAppealStatus, number>;
  /** The unresolved units (appeal × variable) among the given appeals and variables, in appeal order. */
  unresolved: { appealId: string; variableId: string }[];
}

/** How many unresolved units a summary names; the others it counts. */
export const LISTED_UNITS = 20;

/**
 * The counts as a screen shows them: the first unresolved units by name, and how many there
 * are (every unit of a large project is too long a list to hand from a worker to the screen).
 */
export interface FinalAppealSummary extends FinalAppealCounts {
  /** All the unresolved units, of which `unresolved` holds the first `LISTED_UNITS`. */
  units: number;
}

export function finalSummary({ appeals, unresolved }: FinalAppealCounts): FinalAppealSummary {
  return { appeals, unresolved: unresolved.slice(0, LISTED_UNITS), units: unresolved.length };
}

const RANKS = { single: 1, agreed: 2, adjudicated: 3 } as const;
const STATUS_BY_RANK = ['uncoded', 'single', 'agreed', 'adjudicated'] as const;

/**
 * Counts the appeals of the final dataset (`sourceValues({ kind: 'final' }, …)`) by how their
 * values were reached, over the given variables: an appeal is `unresolved` if any of its
 * variables is, else `adjudicated` if any was adjudicated, else `agreed` if any was agreed by
 * several coders, else `single` if one coder coded it, else `uncoded`. Each appeal counts once,
 * so the counts add up to the number of appeals.
 *
 * @example
 * // A1: region single, reason adjudicated → adjudicated. A2: region unresolved → unresolved.
 * finalAppealCounts(values, ['A1', 'A2', 'A3'], ['region', 'reason']).appeals
 * // → { single: 0, agreed: 0, adjudicated: 1, unresolved: 1, uncoded: 1 }
 */
export function finalAppealCounts(
  values: SourceValues,
  appealIds: readonly string[],
  variableIds: readonly string[],
): FinalAppealCounts {
  // Each variable's place in `variableIds` (its first, as `indexOf` would say).
  const variables = new Map(variableIds.map((id, i) => [id, i]).reverse() as [string, number][]);
  const order = new Map(appealIds.map((id, i) => [id, i]));
  const among = values.unresolved.filter((u) => variables.has(u.variableId) && order.has(u.appealId));
  // By appeal, then variable: each unit's place as one number (with its index after it, so that
  // equal places keep their order), sorted as numbers.
  const places = new Float64Array(among.length);
  among.forEach((u, i) => {
    const place = order.get(u.appealId)! * variableIds.length + variables.get(u.variableId)!;
    places[i] = place * among.length + i;
  });
  places.sort();
  const unresolved = Array.from(places, (place) => among[place % among.length]!);
  const open = new Set(unresolved.map((u) => u.appealId));
  const lines = variableIds.map((id) => values.byVariable.get(id) ?? new Map<string, SourceValue>());
  const appeals: Record<FinalAppealStatus, number> = {
    single: 0,
    agreed: 0,
    adjudicated: 0,
    unresolved: 0,
    uncoded: 0,
  };
  for (const appealId of appealIds) {
    if (open.has(appealId)) {
      appeals.unresolved += 1;
      continue;
    }
    // The least settled of its variables' statuses: adjudicated, agreed, single, in that order.
    let rank = 0;
    for (const line of lines) {
      const reached = line.get(appealId)?.status;
      if (reached) rank = Math.max(rank, RANKS[reached]);
      if (rank === 3) break;
    }
    appeals[STATUS_BY_RANK[rank]!] += 1;
  }
  return { appeals, unresolved };
}
