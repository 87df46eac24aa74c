import type { ReliabilityData } from './types.ts';
import { unitCounts } from './unitCounts.ts';

/**
 * n_c: how often each category occurs among the pairable values, i.e. in units with two or more
 * values (Krippendorff 2011, §C: "units with fewer than two values are not pairable").
 * Returns the marginals and their total n.
 *
 * @example alphaMarginals(reliabilityData([['a', 'b'], ['a', null]])).n // 2
 */
export function alphaMarginals(data: ReliabilityData): { readonly nc: Float64Array; readonly n: number } {
  const { rated, m, start, cat, count } = unitCounts(data);
  const nc = new Float64Array(data.categories.length);
  let n = 0;
  for (let i = 0; i < rated; i++) {
    if (m[i]! < 2) continue;
    for (let e = start[i]!; e < start[i + 1]!; e++) nc[cat[e]!]! += count[e]!;
    n += m[i]!;
  }
  return { nc, n };
}
