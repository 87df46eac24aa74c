export interface MajorityResult {
  /** The winning value(s); empty when tied or when the coders left it empty. */
  values: string[];
  /** Categories on which the vote was tied (none of them is in `values`). */
  tied: string[];
}

/**
 * Majority vote over the coders of one appeal and variable; each vote is one coder's values.
 *
 * - single choice: the value with the most votes wins (a plurality: 2 of 3, or 2 of 4 when the
 *   other two differ); an equal top count is a tie and gives no value. "Left empty" is a vote.
 * - multiple choice: each category is decided on its own, kept when more than half of the
 *   coders chose it; exactly half is a tie and leaves it out.
 *
 * @example majorityVote([['a'], ['a'], ['b']], false) // { values: ['a'], tied: [] }
 * @example majorityVote([['a'], ['b']], false)        // { values: [], tied: ['a', 'b'] }
 */
export function majorityVote(votes: readonly (readonly string[])[], multiple: boolean): MajorityResult {
  if (votes.length === 0) return { values: [], tied: [] };
  if (multiple) {
    const counts = new Map<string, number>();
    for (const vote of votes) for (const code of new Set(vote)) counts.set(code, (counts.get(code) ?? 0) + 1);
    const values: string[] = [];
    const tied: string[] = [];
    for (const [code, count] of counts) {
      if (count * 2 > votes.length) values.push(code);
      else if (count * 2 === votes.length) tied.push(code);
    }
    return { values, tied };
  }
  // A unit has a few votes: counted in two arrays, each value where it was first given (the
  // order ties are listed in). Tables call this for every unit the coders split on.
  const keys: string[] = [];
  const counts: number[] = [];
  let top = 0;
  for (const vote of votes) {
    const key = vote[0] ?? '';
    let at = keys.indexOf(key);
    if (at < 0) {
      at = keys.push(key) - 1;
      counts.push(0);
    }
    top = Math.max(top, ++counts[at]!);
  }
  const winners = keys.filter((_, i) => counts[i] === top);
  if (winners.length > 1) return { values: [], tied: winners.filter((key) => key !== '') };
  return { values: winners[0] ? [winners[0]] : [], tied: [] };
}
