import { alphaFromDistance } from './alphaFromDistance.ts';
import { indexedReliabilityData } from './reliabilityData.ts';
import { masiDistance, jaccardDistance, type MasiWeights } from './setDistance.ts';
import type { Coefficient } from './types.ts';

/** A coder's answer to a multiple-choice variable: a set of category labels, or null if missing. */
export type SetValue = readonly string[] | null;

export interface SetAlphaOptions {
  readonly distance: 'masi' | 'jaccard';
  /** MASI's constants; default `'passonneau'` (2/3, 1/3). See `masiDistance`. */
  readonly masiWeights?: MasiWeights;
}

/**
 * Set-level Krippendorff's α for a multiple-choice variable (Passonneau 2006; Krippendorff 2011, §C
 * with a set distance in place of δ²): α = 1 − D_o / D_e over the coders' sets, with MASI or
 * Jaccard distance between sets. The empty set (a coder looked and chose nothing) is a value;
 * null is a missing value. Units with fewer than two sets do not count.
 *
 * @throws {RangeError} when rows differ in length.
 * @example setAlpha([[['a'], ['a']], [['a', 'b'], ['b']]], { distance: 'jaccard' }).value
 */
export function setAlpha(rows: readonly (readonly SetValue[])[], options: SetAlphaOptions): Coefficient {
  return setAlphaOn(setData(indexedSets(rows)), options);
}

/** Set-level α with MASI and with Jaccard distance (as `setAlpha` gives each), the sets read once. */
export function setAlphas(
  rows: readonly (readonly SetValue[])[],
  masiWeights: MasiWeights = 'passonneau',
): { masi: Coefficient; jaccard: Coefficient } {
  return indexedSetAlphas(indexedSets(rows), masiWeights);
}

/** `setAlphas` of sets laid out by `indexedSets` (or built directly in that layout). */
export function indexedSetAlphas(
  sets: IndexedSets,
  masiWeights: MasiWeights = 'passonneau',
): { masi: Coefficient; jaccard: Coefficient } {
  const data = setData(sets);
  return {
    masi: setAlphaOn(data, { distance: 'masi', masiWeights }),
    jaccard: setAlphaOn(data, { distance: 'jaccard' }),
  };
}

/**
 * Multiple-choice answers laid out once: a units × coders matrix of indices into a list of sets,
 * so that a set shared by many cells is read once.
 */
export interface IndexedSets {
  readonly unitCount: number;
  readonly coderCount: number;
  /** Unit-major: `cells[unit * coderCount + coder]` indexes `sets`, or is -1 for a missing value. */
  readonly cells: Int32Array;
  readonly sets: readonly (readonly string[])[];
}

/**
 * Rows of sets as `IndexedSets` (each cell its own set).
 *
 * @throws {RangeError} when rows differ in length.
 */
export function indexedSets(rows: readonly (readonly SetValue[])[]): IndexedSets {
  const unitCount = rows.length;
  const coderCount = rows[0]?.length ?? 0;
  const cells = new Int32Array(unitCount * coderCount);
  const sets: (readonly string[])[] = [];
  for (let u = 0; u < unitCount; u++) {
    const row = rows[u]!;
    if (row.length !== coderCount)
      throw new RangeError(`unit ${u + 1} has ${row.length} values, expected ${coderCount} (one per coder)`);
    for (let c = 0; c < coderCount; c++) {
      const set = row[c];
      if (set === null || set === undefined) cells[u * coderCount + c] = -1;
      else cells[u * coderCount + c] = sets.push(set) - 1;
    }
  }
  return { unitCount, coderCount, cells, sets };
}

/**
 * The sets as reliability data whose categories are the distinct sets (each sorted, without
 * repeats), keyed by their JSON and in code-unit order of the keys — what `reliabilityData` gives
 * for rows of those keys (a key starts with "[", so it is never read as a number).
 */
function setData({ unitCount, coderCount, cells, sets }: IndexedSets) {
  const members = new Map<string, readonly string[]>();
  const keys = sets.map((set) => {
    const sorted = [...new Set(set)].sort();
    const key = JSON.stringify(sorted);
    members.set(key, sorted);
    return key;
  });
  const labels = [...members.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(labels.map((label, i) => [label, i]));
  const category = Int32Array.from(keys, (key) => index.get(key)!);
  const values = cells.map((cell) => (cell < 0 ? -1 : category[cell]!));
  const data = indexedReliabilityData(values, unitCount, coderCount, labels, false);
  return { data, sets: labels.map((key) => members.get(key)!) };
}

function setAlphaOn({ data, sets }: ReturnType<typeof setData>, options: SetAlphaOptions): Coefficient {
  const q = sets.length;
  const memo = new Float64Array(q * q).fill(-1);
  const weights = options.masiWeights ?? 'passonneau';
  return alphaFromDistance(data, (c, k) => {
    const i = c * q + k;
    if (memo[i]! < 0) {
      memo[i] =
        options.distance === 'masi'
          ? masiDistance(sets[c]!, sets[k]!, weights)
          : jaccardDistance(sets[c]!, sets[k]!);
    }
    return memo[i]!;
  });
}
