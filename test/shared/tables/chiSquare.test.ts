import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail } from '../../../shared/tables/chiSquare.ts';

describe('chiSquareUpperTail', () => {
  // Expected values: scipy.stats.chi2.sf(x, df), SciPy 1.17.1 (the same function as R's
  // pchisq(x, df, lower.tail = FALSE)); for df = 2 the closed form e^(−x/2).
  const cases: [x: number, df: number, p: number][] = [
    [3.841459, 1, 0.04999999465319563],
    [0.001, 1, 0.9747728793699604],
    [7.8, 2, Math.exp(-3.9)],
    [0.5, 3, 0.9188914116546758],
    [15.5, 8, 0.0501220545326652],
    [12, 12, 0.44567964136461097],
    [100, 10, 5.4497019829205215e-17],
    [250, 3, 6.543750030967994e-54],
    [1000, 50, 7.188706215514871e-177],
    [30, 0.5, 1.0571160092571009e-8],
    [1e-6, 4, 0.999999999999875],
  ];
  it.each(cases)('P(χ² ≥ %f; df = %f) matches SciPy to 1e-11 relative', (x, df, p) => {
    expect(Math.abs(chiSquareUpperTail(x, df) - p) / p).toBeLessThan(1e-11);
  });

  it('keeps tiny upper tails instead of rounding them to 0 as 1 − cdf would', () => {
    expect(chiSquareUpperTail(100, 10)).toBeGreaterThan(0);
  });

  it('is 1 at 0 and refuses impossible input', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(() => chiSquareUpperTail(-1, 3)).toThrow(RangeError);
    expect(() => chiSquareUpperTail(1, 0)).toThrow(RangeError);
  });
});
