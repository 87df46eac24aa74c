/** Which constants MASI's monotonicity factor uses; see `masiDistance`. */
export type MasiWeights = 'passonneau' | 'nltk';

/**
 * Jaccard distance between two sets of categories: d = 1 − |A ∩ B| / |A ∪ B| (Jaccard 1912).
 * The empty set is the answer "none of these": d(∅, A) = 1 for a non-empty A (nothing shared,
 * the formula as it stands), and d(∅, ∅) = 0 — the formula's 0/0, taken as identical sets, as
 * any distance in α must give a value and itself (δ(c, c) = 0, Krippendorff 2011, §C).
 *
 * @example jaccardDistance(['a', 'b'], ['b', 'c']) // 2/3
 */
export function jaccardDistance(a: readonly string[], b: readonly string[]): number {
  const { intersection, union } = overlap(a, b);
  return union === 0 ? 0 : 1 - intersection / union;
}

/**
 * MASI distance (Passonneau 2006, "Measuring agreement on set-valued items"):
 * d = 1 − J · M, J the Jaccard similarity and M = 1 if A = B, 2/3 if one set contains the other,
 * 1/3 if they overlap otherwise, 0 if they are disjoint. `'passonneau'` (default) uses the exact
 * 2/3 and 1/3 of the paper; `'nltk'` uses NLTK's rounded 0.67 and 0.33 (nltk.metrics.distance),
 * to reproduce NLTK's figures. On "none of these": d(∅, A) = 1 for a non-empty A (J = 0, so
 * d = 1 − 0 · M), and d(∅, ∅) = 0, two empty sets being identical (J = 0/0 in the formula, which
 * NLTK's masi_distance divides by; δ(c, c) = 0 as in Krippendorff 2011, §C).
 *
 * @example masiDistance(['a', 'b'], ['a']) // 1 − (1/2)(2/3) = 2/3
 */
export function masiDistance(
  a: readonly string[],
  b: readonly string[],
  weights: MasiWeights = 'passonneau',
): number {
  const { intersection, union, sizeA, sizeB } = overlap(a, b);
  if (union === 0) return 0;
  let monotonicity: number;
  if (intersection === sizeA && intersection === sizeB) monotonicity = 1;
  else if (intersection === Math.min(sizeA, sizeB)) monotonicity = weights === 'nltk' ? 0.67 : 2 / 3;
  else if (intersection > 0) monotonicity = weights === 'nltk' ? 0.33 : 1 / 3;
  else monotonicity = 0;
  return 1 - (intersection / union) * monotonicity;
}

function overlap(a: readonly string[], b: readonly string[]) {
  const setA = new Set(a);
  const setB = new Set(b);
  let intersection = 0;
  for (const x of setA) if (setB.has(x)) intersection++;
  return { intersection, union: setA.size + setB.size - intersection, sizeA: setA.size, sizeB: setB.size };
}
