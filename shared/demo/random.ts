/**
 * A seeded pseudo-random number generator, so the demo project is the same on every laptop.
 *
 * mulberry32 (Tommy Ettinger, 2017): a 32-bit state, one multiply-xorshift per draw; plenty for
 * composing synthetic texts, not for anything that needs statistical quality or secrecy.
 *
 * @example
 * const rng = mulberry32(42);
 * rng(); // a number in [0, 1), the same sequence for the same seed
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** @throws {Error} when `items` is empty. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[randomInt(rng, items.length)];
  if (item === undefined) throw new Error('pick: no items');
  return item;
}

/** An item chosen with probability proportional to its weight. @throws {Error} when no weight is positive. */
export function pickWeighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  if (!(total > 0)) throw new Error('pickWeighted: no positive weight');
  let target = rng() * total;
  for (const item of items) {
    target -= weight(item);
    if (target < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
