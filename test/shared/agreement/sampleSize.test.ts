import { describe, expect, it } from 'vitest';
import {
  reliabilityDecision,
  requiredSample,
  smallestCategoryShare,
} from '../../../shared/agreement/index.ts';

describe('requiredSample (Bloch & Kraemer 1989, eq. 3.7; Krippendorff 2019, ch. 12)', () => {
  it('reproduces the published table: p_c = .25 (4 equally likely categories), two coders, p = .05', () => {
    // Krippendorff's table of minimum sample sizes, as ATLAS.ti's manual prints it:
    // 139 values for α_min = .800 and 81 for α_min = .667.
    expect(requiredSample({ alphaMin: '0.800', p: '0.05', smallest: 0.25, coders: 2 })).toEqual({
      values: 139,
      units: 70,
    });
    expect(requiredSample({ alphaMin: '0.667', p: '0.05', smallest: 0.25, coders: 2 }).values).toBe(81);
  });

  it('follows the formula at the other levels: p_c = .5, α_min = .800', () => {
    // 2 z² [(1.8 · 2.2) / (4 · 0.2 · 0.25) − 0.8] = 2 z² · 19 = 38 z²:
    // z(.10) = 1.28155 → 62.41; z(.05) = 1.64485 → 102.81; z(.01) = 2.32635 → 205.65; z(.005) = 2.57583 → 252.13.
    const at = (p: '0.1' | '0.05' | '0.01' | '0.005') =>
      requiredSample({ alphaMin: '0.800', p, smallest: 0.5, coders: 2 }).values;
    expect([at('0.1'), at('0.05'), at('0.01'), at('0.005')]).toEqual([63, 103, 206, 253]);
  });

  it('needs more for a rarer smallest category and a higher minimum', () => {
    const values = (smallest: number, alphaMin: '0.667' | '0.800' | '0.900') =>
      requiredSample({ alphaMin, p: '0.05', smallest, coders: 2 }).values;
    expect(values(0.05, '0.800')).toBeGreaterThan(values(0.1, '0.800'));
    expect(values(0.25, '0.900')).toBeGreaterThan(values(0.25, '0.800'));
  });

  it('divides the values among the coders: each unit coded by m coders gives m values', () => {
    expect(requiredSample({ alphaMin: '0.800', p: '0.05', smallest: 0.25, coders: 3 })).toEqual({
      values: 139,
      units: 47,
    });
  });

  it('refuses a smallest probability outside (0, .5] and a single coder', () => {
    expect(() => requiredSample({ alphaMin: '0.800', p: '0.05', smallest: 0, coders: 2 })).toThrow(
      RangeError,
    );
    expect(() => requiredSample({ alphaMin: '0.800', p: '0.05', smallest: 0.6, coders: 2 })).toThrow(
      RangeError,
    );
    expect(() => requiredSample({ alphaMin: '0.800', p: '0.05', smallest: 0.25, coders: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('reliabilityDecision (Hayes & Krippendorff 2007)', () => {
  const bootstrap = (q: number) => ({
    ci95: [0.7, 0.9] as const,
    standardError: 0.05,
    probabilityBelow: { '0.667': q, '0.800': q, '0.900': q },
    samples: 1000,
    seed: 1,
  });
  it('is established when q ≤ .05, uncertain above, and not established when α is below the minimum', () => {
    expect(reliabilityDecision(0.85, bootstrap(0.05), '0.800')).toEqual({
      alphaMin: '0.800',
      q: 0.05,
      lower: 0.7,
      verdict: 'established',
    });
    expect(reliabilityDecision(0.85, bootstrap(0.051), '0.800').verdict).toBe('uncertain');
    expect(reliabilityDecision(0.79, bootstrap(0.6), '0.800').verdict).toBe('not-established');
  });
});

describe('smallestCategoryShare', () => {
  it('assumes equally likely categories until enough units are coded', () => {
    expect(smallestCategoryShare('single', 4)).toEqual({ share: 0.25, observed: false });
    expect(smallestCategoryShare('single', 4, { counts: [5, 5, 5, 4], units: 19 })).toEqual({
      share: 0.25,
      observed: false,
    });
  });

  it('takes the rarest observed category; one never seen counts as seen once', () => {
    expect(smallestCategoryShare('single', 3, { counts: [20, 15, 5], units: 40 })).toEqual({
      share: 5 / 40,
      observed: true,
    });
    expect(smallestCategoryShare('ordinal', 3, { counts: [30, 10, 0], units: 40 }).share).toBe(1 / 40);
  });

  it('treats a multiple choice category by category, present or absent, capped at .5', () => {
    // Present in 36 of 40 appeals: absent is the rarer outcome, 4/40.
    expect(smallestCategoryShare('multi', 2, { counts: [36, 20], units: 40 }).share).toBeCloseTo(0.1, 12);
    expect(smallestCategoryShare('multi', 2).share).toBe(0.5);
  });
});
