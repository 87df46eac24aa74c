import type { ReliabilityData } from './types.ts';

/**
 * The distribution of values over categories within each unit that has at least one value,
 * stored sparsely (a unit holds at most one entry per coder), so that 100 000 units × 10 categories
 * cost no more than the values themselves. Computed once per data set and cached.
 */
export interface UnitCounts {
  /** Units with at least one value. */
  readonly rated: number;
  /** Units with at least two values (the units observed agreement is computed over). */
  readonly pairable: number;
  /** Number of values m_u (r_i in Gwet's notation) of each rated unit. */
  readonly m: Int32Array;
  /** Entries of rated unit i are `start[i] .. start[i + 1] - 1` of `cat` and `count`. */
  readonly start: Int32Array;
  readonly cat: Int32Array;
  readonly count: Int32Array;
  /** Index, in the data, of each rated unit. */
  readonly unit: Int32Array;
}

const cache = new WeakMap<ReliabilityData, UnitCounts>();

/**
 * Per-unit category counts n_uk (Krippendorff 2011's "values by units" matrix; Gwet 2014's r_ik).
 *
 * @example unitCounts(reliabilityData([['a', 'a', 'b']])).count // Int32Array [2, 1]
 */
export function unitCounts(data: ReliabilityData): UnitCounts {
  const cached = cache.get(data);
  if (cached) return cached;
  const { unitCount, coderCount, values } = data;
  const scratch = new Int32Array(data.categories.length);
  const touched = new Int32Array(coderCount);
  const m = new Int32Array(unitCount);
  const start = new Int32Array(unitCount + 1);
  const cat = new Int32Array(unitCount * coderCount);
  const count = new Int32Array(unitCount * coderCount);
  const unit = new Int32Array(unitCount);
  let rated = 0;
  let pairable = 0;
  let entries = 0;
  for (let u = 0; u < unitCount; u++) {
    let distinct = 0;
    let mu = 0;
    const base = u * coderCount;
    for (let c = 0; c < coderCount; c++) {
      const k = values[base + c]!;
      if (k < 0) continue;
      mu++;
      if (scratch[k] === 0) touched[distinct++] = k;
      scratch[k]!++;
    }
    if (mu === 0) continue;
    m[rated] = mu;
    unit[rated] = u;
    start[rated] = entries;
    for (let j = 0; j < distinct; j++) {
      const k = touched[j]!;
      cat[entries] = k;
      count[entries++] = scratch[k]!;
      scratch[k] = 0;
    }
    rated++;
    if (mu >= 2) pairable++;
  }
  start[rated] = entries;
  const result: UnitCounts = {
    rated,
    pairable,
    m: m.subarray(0, rated),
    start: start.subarray(0, rated + 1),
    cat: cat.subarray(0, entries),
    count: count.subarray(0, entries),
    unit: unit.subarray(0, rated),
  };
  cache.set(data, result);
  return result;
}
