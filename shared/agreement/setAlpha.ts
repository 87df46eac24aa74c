import { alphaFromDistance } from './alphaFromDistance.ts';
import { reliabilityData } from './reliabilityData.ts';
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
  return setAlphaOn(setData(rows), options);
}

/** Set-level α with MASI and with Jaccard distance (as `setAlpha` gives each), the sets read once. */
export function setAlphas(
  rows: readonly (readonly SetValue[])[],
  masiWeights: MasiWeights = 'passonneau',
): { masi: Coefficient; jaccard: Coefficient } {
  const data = setData(rows);
  return {
    masi: setAlphaOn(data, { distance: 'masi', masiWeights }),
    jaccard: setAlphaOn(data, { distance: 'jaccard' }),
  };
}

/** The rows as reliability data whose categories are the distinct sets (each sorted, without repeats). */
function setData(rows: readonly (readonly SetValue[])[]) {
  const members = new Map<string, readonly string[]>();
  const keyed = rows.map((row) =>
    row.map((set) => {
      if (set === null) return null;
      const sorted = [...new Set(set)].sort();
      const key = JSON.stringify(sorted);
      members.set(key, sorted);
      return key;
    }),
  );
  const data = reliabilityData(keyed);
  return { data, sets: data.categories.map((key) => members.get(key)!) };
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
