/**
 * A seeded pseudo-random generator, uniform on [0, 1): sfc32 (Doty-Humphrey's Small Fast Counting
 * generator, PractRand-tested), its state filled from the seed by splitmix32. The same seed gives
 * the same sequence on every platform, so a bootstrap in a report can be reproduced.
 *
 * @example const random = seededRandom(42); random() // 0.… (always the same)
 */
export function seededRandom(seed: number | string): () => number {
  const state = seededState(seed);
  return () => sfc32(state);
}

/**
 * The generator's state (sfc32's a, b, c, d) after seeding, as `seededRandom` starts from: a loop
 * that draws millions of numbers may step it itself with `sfc32`, the same sequence.
 */
export function seededState(seed: number | string): Int32Array {
  let h = 0x9e3779b9 ^ 0;
  const text = String(seed);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b) ^ (h >>> 13);
  const split = (): number => {
    h = (h + 0x9e3779b9) | 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  const state = Int32Array.of(split(), split(), split(), split());
  for (let i = 0; i < 12; i++) sfc32(state);
  return state;
}

/** One step of sfc32 on `state`: the next number, uniform on [0, 1). */
export function sfc32(state: Int32Array): number {
  const a = state[0]!;
  const b = state[1]!;
  const c = state[2]!;
  const d = state[3]!;
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return (t >>> 0) / 4294967296;
}
