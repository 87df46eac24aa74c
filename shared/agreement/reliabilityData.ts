import { parseNumber } from './parseNumber.ts';
import type { ReliabilityData } from './types.ts';

/** A coder's value for a unit: a category label, or null (or '') when the coder gave none. */
export type CellValue = string | null;

export interface ReliabilityDataOptions {
  /**
   * The codebook's categories in order. They fix the order (ordinal α, weights) and the number of
   * categories q (Brennan–Prediger, AC1). A value that is not among them is an error.
   */
  readonly categories?: readonly string[];
}

/**
 * Builds the units × coders matrix of category indices from rows of labels, once, so that every
 * coefficient reads one `Int32Array` (-1 = missing).
 *
 * Without a codebook, categories are ordered numerically when every label is a number, and by
 * code point otherwise (give `categories` for ordinal text labels).
 *
 * @throws {RangeError} when rows differ in length, or a value is not among the given categories.
 * @example
 * reliabilityData([['a', 'a'], ['b', null]]).values // Int32Array [0, 0, 1, -1]
 */
export function reliabilityData(
  rows: readonly (readonly CellValue[])[],
  options: ReliabilityDataOptions = {},
): ReliabilityData {
  const unitCount = rows.length;
  const coderCount = rows[0]?.length ?? 0;
  const index = new Map<string, number>();
  const fromCodebook = options.categories !== undefined;
  let labels: string[];

  if (options.categories) {
    labels = [...options.categories];
    labels.forEach((label, i) => {
      if (index.has(label)) throw new RangeError(`category "${label}" is listed twice`);
      index.set(label, i);
    });
  } else {
    const seen = new Set<string>();
    for (const row of rows) for (const value of row) if (value !== null && value !== '') seen.add(value);
    labels = [...seen];
    const numbers = labels.map(parseNumber);
    if (labels.length > 0 && numbers.every((n) => !Number.isNaN(n))) {
      const order = labels
        .map((_, i) => i)
        .sort((a, b) => numbers[a]! - numbers[b]! || cmp(labels[a]!, labels[b]!));
      labels = order.map((i) => labels[i]!);
    } else {
      labels.sort(cmp);
    }
    labels.forEach((label, i) => index.set(label, i));
  }

  const values = new Int32Array(unitCount * coderCount);
  const firstUnit = new Int32Array(labels.length).fill(-1);
  for (let u = 0; u < unitCount; u++) {
    const row = rows[u]!;
    if (row.length !== coderCount) {
      throw new RangeError(`unit ${u + 1} has ${row.length} values, expected ${coderCount} (one per coder)`);
    }
    for (let c = 0; c < coderCount; c++) {
      const value = row[c];
      if (value === null || value === undefined || value === '') {
        values[u * coderCount + c] = -1;
        continue;
      }
      const k = index.get(value);
      if (k === undefined) throw new RangeError(`unit ${u + 1}: value "${value}" is not a codebook category`);
      values[u * coderCount + c] = k;
      if (firstUnit[k] === -1) firstUnit[k] = u;
    }
  }
  return {
    unitCount,
    coderCount,
    values,
    categories: labels,
    numeric: Float64Array.from(labels, parseNumber),
    firstUnit,
    fromCodebook,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reliability data from a units × coders matrix of category indices already made (-1 = missing),
 * as `reliabilityData` gives for the same cells: each index must be below `categories.length`.
 *
 * @example indexedReliabilityData(Int32Array.of(0, 0, 1, -1), 2, 2, ['a', 'b'], true).firstUnit // [0, 1]
 */
export function indexedReliabilityData(
  values: Int32Array,
  unitCount: number,
  coderCount: number,
  categories: readonly string[],
  fromCodebook: boolean,
): ReliabilityData {
  const firstUnit = new Int32Array(categories.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const k = values[i]!;
    if (k >= 0 && firstUnit[k] === -1) firstUnit[k] = Math.floor(i / coderCount);
  }
  return {
    unitCount,
    coderCount,
    values,
    categories,
    numeric: Float64Array.from(categories, parseNumber),
    firstUnit,
    fromCodebook,
  };
}
