import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentHalfUp, roundHalfUp } from '../../../shared/tables/roundHalfUp.ts';

describe('percentHalfUp', () => {
  it("rounds the study's shares: Almaty city 61 of 341 = 17.888… % → 17.9 %, Akmola 5 → 1.5 %", () => {
    // DESIGN.md: Almaty city 61, 17.9 %; 5/341 = 1.4662… %.
    expect(percentHalfUp(61, 341, 1)).toBe(17.9);
    expect(percentHalfUp(5, 341, 1)).toBe(1.5);
    expect(percentHalfUp(47, 341, 2)).toBe(13.78); // 13.7829… %
  });

  it('rounds exact halves up where binary floating point rounds them down', () => {
    // 57/200 = 28.5 % exactly, but 57 / 200 * 100 is 28.499999999999996 in binary, so
    // Math.round and toFixed(0) give 28.
    expect(Math.round((57 / 200) * 100)).toBe(28);
    expect(((57 / 200) * 100).toFixed(0)).toBe('28');
    expect(percentHalfUp(57, 200, 0)).toBe(29);
    expect(percentHalfUp(61, 400, 1)).toBe(15.3);
    expect(percentHalfUp(1, 8, 0)).toBe(13); // 12.5 → 13
    expect(percentHalfUp(1, 8, 1)).toBe(12.5);
    expect(percentHalfUp(1, 3, 1)).toBe(33.3);
    expect(percentHalfUp(2, 3, 1)).toBe(66.7);
  });

  it('gives 0 for an empty base and refuses bad input', () => {
    expect(percentHalfUp(0, 0, 1)).toBe(0);
    expect(() => percentHalfUp(1.5, 3, 1)).toThrow(RangeError);
    expect(() => percentHalfUp(1, 3, 7)).toThrow(RangeError);
  });

  it('never differs from the exact percentage by more than half a unit of the last place', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        (whole, p, d) => {
          const part = p % (whole + 1);
          const exact = (part * 100) / whole;
          expect(Math.abs(percentHalfUp(part, whole, d) - exact)).toBeLessThanOrEqual(0.5 / 10 ** d + 1e-9);
        },
      ),
    );
  });
});

describe('roundHalfUp', () => {
  it('rounds by the decimal text of the number: 1.005 → 1.01, 2.675 → 2.68, −2.5 → −3', () => {
    // (1.005).toFixed(2) is "1.00" and (2.675).toFixed(2) "2.67": their binary values lie below.
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(0.0745, 3)).toBe(0.075);
  });
});
