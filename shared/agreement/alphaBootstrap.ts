import { alphaDistance } from './alphaDistance.ts';
import { alphaMarginals } from './alphaMarginals.ts';
import { krippendorffAlpha } from './krippendorffAlpha.ts';
import { quantile } from './quantile.ts';
import { seededState } from './seededRandom.ts';
import type { AgreementReason, Level, ReliabilityData } from './types.ts';
import { unitCounts } from './unitCounts.ts';

/** The minimum α a study may require, as the keys of `probabilityBelow`. */
export const ALPHA_MINIMA = ['0.667', '0.800', '0.900'] as const;
export type AlphaMinimum = (typeof ALPHA_MINIMA)[number];

export interface AlphaBootstrapOptions {
  /** Number of bootstrap samples (Hayes & Krippendorff 2007 suggest 1 000 or more). */
  readonly samples: number;
  /** Seed of the generator, so the interval is reproducible. */
  readonly seed: number | string;
}

export interface AlphaBootstrap {
  readonly ci95: readonly [number, number];
  /** Standard deviation of the bootstrap distribution. */
  readonly standardError: number;
  /**
   * q: the share of bootstrap α below each minimum of `ALPHA_MINIMA` — Krippendorff's (2004)
   * 0.800 (reliable) and 0.667 (tentative), and 0.900 — the probability that α falls below it.
   */
  readonly probabilityBelow: Readonly<Record<AlphaMinimum, number>>;
  readonly samples: number;
  readonly seed: number | string;
}

/**
 * Bootstrap distribution and 95 % interval of Krippendorff's α (Hayes & Krippendorff 2007;
 * Krippendorff 2006, "Bootstrapping distributions for Krippendorff's alpha"). The resampled
 * objects are pairs of values, as in their KALPHA macro, not units:
 *
 * - the pairable values define a distribution over ordered pairs, p_ck = o_ck / n;
 * - each sample draws, for every unit with m_u values, m_u(m_u − 1)/2 pairs from p_ck, each
 *   weighing 2/(m_u − 1), so that D_o* = (1/n) Σ_draws 2 δ²_ck / (m_u − 1) has expectation D_o;
 * - D_e (and, at the ordinal level, δ²) stay those of the data, and α* = 1 − D_o* / D_e;
 * - the interval is the 2.5 % and 97.5 % quantiles of α* (Hyndman & Fan type 7).
 *
 * Pairs are drawn with Walker's alias method from a seeded sfc32 generator, so the cost is
 * O(samples × pairs) and the result depends only on the data and the seed.
 *
 * @throws {RangeError} when `samples` is not a positive integer.
 * @example alphaBootstrap(data, 'nominal', { samples: 1000, seed: 1 }).ci95
 */
export function alphaBootstrap(
  data: ReliabilityData,
  level: Level,
  options: AlphaBootstrapOptions,
): AlphaBootstrap | { readonly reason: AgreementReason } {
  const steps = alphaBootstrapSteps(data, level, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `alphaBootstrap` one sample at a time: yields after each bootstrap sample (the caller may stop
 * or pause there, e.g. to let a new request in) and returns what `alphaBootstrap` returns.
 *
 * @throws {RangeError} when `samples` is not a positive integer.
 */
export function* alphaBootstrapSteps(
  data: ReliabilityData,
  level: Level,
  options: AlphaBootstrapOptions,
): Generator<void, AlphaBootstrap | { readonly reason: AgreementReason }, void> {
  const { samples, seed } = options;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError('samples must be a positive integer');
  const alpha = krippendorffAlpha(data, level);
  if (alpha.value === null) return { reason: alpha.reason ?? 'no-variation' };
  const dE = alpha.expected!;
  const { nc, n } = alphaMarginals(data);
  const distance = alphaDistance(data, level, nc).distance!;
  const q = data.categories.length;

  // The coincidence cells that occur, and how many draws each unit size m contributes.
  const cellWeight = new Map<number, number>();
  const drawsBySize = new Map<number, number>();
  const { rated, m, start, cat, count } = unitCounts(data);
  for (let i = 0; i < rated; i++) {
    const mu = m[i]!;
    if (mu < 2) continue;
    drawsBySize.set(mu, (drawsBySize.get(mu) ?? 0) + (mu * (mu - 1)) / 2);
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      for (let f = start[i]!; f < start[i + 1]!; f++) {
        const key = cat[e]! * q + cat[f]!;
        const o = (count[e]! * (count[f]! - (e === f ? 1 : 0))) / (mu - 1);
        if (o > 0) cellWeight.set(key, (cellWeight.get(key) ?? 0) + o);
      }
    }
  }
  const keys = [...cellWeight.keys()].sort((a, b) => a - b);
  const delta = Float64Array.from(keys, (key) => distance(Math.floor(key / q), key % q));
  const { prob, alias } = aliasTable(Float64Array.from(keys, (key) => cellWeight.get(key)! / n));
  const sizes = [...drawsBySize.entries()].sort((a, b) => a[0] - b[0]);
  const cells = keys.length;
  // Each cell's δ² and its alias's, side by side: a draw picks one of the two without a branch.
  const pair = new Float64Array(2 * cells);
  for (let j = 0; j < cells; j++) {
    pair[2 * j] = delta[alias[j]!]!;
    pair[2 * j + 1] = delta[j]!;
  }
  const table = { pair, bound: aliasBounds(prob), cells };

  const state = seededState(seed);
  const estimates = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    let total = 0;
    for (const [mu, draws] of sizes) total += (2 * drawSum(state, draws, table)) / (mu - 1);
    estimates[s] = 1 - total / n / dE;
    yield;
  }
  estimates.sort();
  let mean = 0;
  for (const a of estimates) mean += a / samples;
  /** Estimates are sorted: the number below `min` is the first index at or above it. */
  const below = (min: number) => {
    let low = 0;
    let high = samples;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (estimates[mid]! < min) low = mid + 1;
      else high = mid;
    }
    return low / samples;
  };
  let ss = 0;
  for (const a of estimates) ss += (a - mean) ** 2;
  return {
    ci95: [quantile(estimates, 0.025), quantile(estimates, 0.975)],
    standardError: samples > 1 ? Math.sqrt(ss / (samples - 1)) : 0,
    probabilityBelow: Object.fromEntries(ALPHA_MINIMA.map((min) => [min, below(Number(min))])) as Record<
      AlphaMinimum,
      number
    >,
    samples,
    seed,
  };
}

/**
 * The sum of δ² over `draws` pairs drawn from the alias table, with sfc32 stepped here on local
 * copies of `state` (as `seededRandom` steps it, so the same numbers), and `state` moved on.
 * A draw takes cell j = ⌊x⌋ of x = u / 2³² × cells, and keeps j when x − j < prob[j], else takes
 * its alias; that test is u < bound[j] (`aliasBounds`), made without a branch (a random branch
 * mispredicted half the time cost as much as the rest of the draw): ⌊(u − bound[j]) / 2³²⌋ is −1
 * below the bound and 0 at or above it. The same pairs in the same order: the same sum.
 */
function drawSum(
  state: Int32Array,
  draws: number,
  { pair, bound, cells }: { pair: Float64Array; bound: Float64Array; cells: number },
): number {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let sum = 0;
  for (let i = 0; i < draws; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    const u = t >>> 0;
    const j = ((u / 4294967296) * cells) | 0;
    sum += pair[2 * j - Math.floor((u - bound[j]!) * 2.3283064365386963e-10)]!;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return sum;
}

/**
 * For each cell j of an alias table of `prob.length` cells, the least 32-bit u from which a draw
 * no longer keeps j: where x = u / 2³² × cells has ⌊x⌋ > j, or ⌊x⌋ = j and x − j ≥ prob[j]. Both
 * grow with u, so the draws of cell j that keep it are exactly those with u below the bound
 * (found by bisection on the very test a draw would make).
 */
export function aliasBounds(prob: Float64Array): Float64Array {
  const cells = prob.length;
  const past = (u: number, j: number) => {
    const x = (u / 4294967296) * cells;
    const k = x | 0;
    return k > j || (k === j && !(x - k < prob[k]!));
  };
  return Float64Array.from(prob, (_, j) => {
    let low = 0;
    let high = 4294967296;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (past(mid, j)) high = mid;
      else low = mid + 1;
    }
    return low;
  });
}

/** Vose's alias table for sampling index i with probability p_i in O(1). */
function aliasTable(p: Float64Array): { prob: Float64Array; alias: Int32Array } {
  const k = p.length;
  const prob = new Float64Array(k);
  const alias = new Int32Array(k);
  const scaled = Float64Array.from(p, (x) => x * k);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((x, i) => (x < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) {
    prob[i] = 1;
    alias[i] = i;
  }
  return { prob, alias };
}
