import type { ReliabilityData } from './types.ts';

/**
 * The q × q table (row-major) of two coders' values over the units both coded:
 * `table[k * q + l]` counts units coder `a` put in k and coder `b` in l. Returns the table and n.
 *
 * @example crossTable(reliabilityData([['x', 'y']]), 0, 1).table // Float64Array [0, 1, 0, 0]
 */
export function crossTable(
  data: ReliabilityData,
  a: number,
  b: number,
): { readonly table: Float64Array; readonly n: number } {
  const q = data.categories.length;
  const table = new Float64Array(q * q);
  const { values, coderCount, unitCount } = data;
  let n = 0;
  for (let u = 0; u < unitCount; u++) {
    const x = values[u * coderCount + a]!;
    const y = values[u * coderCount + b]!;
    if (x < 0 || y < 0) continue;
    table[x * q + y]!++;
    n++;
  }
  return { table, n };
}
