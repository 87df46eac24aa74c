import { describe, expect, it } from 'vitest';
import {
  alphaBootstrap,
  alphaBootstrapSteps,
  jaccardDistance,
  krippendorffAlpha,
  masiDistance,
  multiChoiceReport,
  quantile,
  reliabilityData,
  seededRandom,
  setAlpha,
} from '../../../shared/agreement/index.ts';
import { aliasBounds } from '../../../shared/agreement/alphaBootstrap.ts';
import { fixtureRows } from './fixtures.ts';

describe('bootstrap of α (Hayes & Krippendorff 2007)', () => {
  const data = reliabilityData(fixtureRows('krippendorff2011.csv'));

  it('gives, for seed 1, the interval the engine has always given (its draws are those of seededRandom)', () => {
    expect(alphaBootstrap(data, 'ordinal', { samples: 1000, seed: 1 })).toEqual({
      ci95: [0.6402086149494343, 0.9396869054771203],
      standardError: 0.07932974622797093,
      probabilityBelow: { '0.667': 0.046, '0.800': 0.396, '0.900': 0.883 },
      samples: 1000,
      seed: 1,
    });
  });

  it('runs one sample per step, to the same result', () => {
    const steps = alphaBootstrapSteps(data, 'nominal', { samples: 300, seed: 3 });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBe(300);
    expect(step.value).toEqual(alphaBootstrap(data, 'nominal', { samples: 300, seed: 3 }));
  });

  it('keeps a cell in a draw below its bound exactly when the alias test x − j < prob[j] keeps it', () => {
    const random = seededRandom(5);
    for (const cells of [1, 2, 3, 7, 25, 100]) {
      const prob = Float64Array.from({ length: cells }, (_, j) => (j % 4 === 0 ? 1 : random()));
      const bound = aliasBounds(prob);
      const kept = (u: number) => {
        const x = (u / 4294967296) * cells;
        return x - (x | 0) < prob[x | 0]!;
      };
      // Every bound and its neighbours, and random draws.
      const us = [...bound].flatMap((b) => [b - 2, b - 1, b, b + 1]);
      for (let i = 0; i < 20_000; i++) us.push(Math.floor(random() * 4294967296));
      for (const u of us.filter((u) => u >= 0 && u < 4294967296)) {
        const j = ((u / 4294967296) * cells) | 0;
        expect(u < bound[j]!, `cells ${cells}, u ${u}`).toBe(kept(u));
      }
    }
  });

  it('is reproducible for a seed and changes with the seed', () => {
    const a = alphaBootstrap(data, 'nominal', { samples: 500, seed: 7 });
    const b = alphaBootstrap(data, 'nominal', { samples: 500, seed: 7 });
    const c = alphaBootstrap(data, 'nominal', { samples: 500, seed: 8 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('brackets α, and its distribution is centred on α (E[D_o*] = D_o by construction)', () => {
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const alpha = krippendorffAlpha(data, level).value!;
      const boot = alphaBootstrap(data, level, { samples: 4000, seed: 1 });
      if (!('ci95' in boot)) throw new Error('expected an interval');
      expect(boot.ci95[0]).toBeLessThan(alpha);
      expect(boot.ci95[1]).toBeGreaterThanOrEqual(alpha);
      expect(boot.ci95[1]).toBeLessThanOrEqual(1);
      expect(boot.standardError).toBeGreaterThan(0);
    }
  });

  it('shrinks with more data', () => {
    const rows = fixtureRows('krippendorff2011.csv');
    const big = reliabilityData(Array.from({ length: 20 }, () => rows).flat());
    const small = alphaBootstrap(data, 'nominal', { samples: 1000, seed: 1 });
    const large = alphaBootstrap(big, 'nominal', { samples: 1000, seed: 1 });
    if (!('ci95' in small) || !('ci95' in large)) throw new Error('expected intervals');
    expect(large.ci95[1] - large.ci95[0]).toBeLessThan((small.ci95[1] - small.ci95[0]) / 2);
  });

  it('rejects a non-positive number of samples', () => {
    expect(() => alphaBootstrap(data, 'nominal', { samples: 0, seed: 1 })).toThrow(RangeError);
  });
});

describe('seeded generator and quantiles', () => {
  it('gives uniform-looking values in [0, 1)', () => {
    const random = seededRandom('kodtau');
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100000; i++) {
      const x = random();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100000).toBeCloseTo(0.5, 2);
  });

  it('interpolates like R type 7 (Hyndman & Fan 1996): quantile(1:4, .5) = 2.5, quantile(1:5, .025) = 1.1', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.025)).toBeCloseTo(1.1, 12);
  });
});

describe('multiple-choice variables', () => {
  it('MASI distance with Passonneau (2006) constants and with NLTK constants', () => {
    // Passonneau 2006: M = 2/3 for a subset, 1/3 for an overlap; NLTK's masi_distance uses 0.67 / 0.33.
    expect(masiDistance(['a', 'b'], ['a'])).toBeCloseTo(1 - (1 / 2) * (2 / 3), 12);
    expect(masiDistance(['a', 'b'], ['a'], 'nltk')).toBeCloseTo(1 - 0.5 * 0.67, 12);
    expect(masiDistance(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 - (1 / 3) * (1 / 3), 12);
    expect(masiDistance(['a', 'b'], ['b', 'c'], 'nltk')).toBeCloseTo(1 - (1 / 3) * 0.33, 12);
    expect(masiDistance(['a'], ['b'])).toBe(1);
    expect(masiDistance(['a', 'b'], ['b', 'a'])).toBe(0);
    expect(masiDistance([], [])).toBe(0);
    expect(jaccardDistance(['a', 'b'], ['b', 'c'])).toBeCloseTo(2 / 3, 12);
  });

  it('"none of these" (∅): d(∅, ∅) = 0 and d(∅, A) = 1 under MASI and Jaccard (docs/agreement.md)', () => {
    for (const distance of [masiDistance, jaccardDistance]) {
      expect(distance([], [])).toBe(0);
      expect(distance([], ['a'])).toBe(1);
      expect(distance(['a', 'b'], [])).toBe(1);
    }
    expect(masiDistance([], ['a'], 'nltk')).toBe(1);
  });

  it("counts ∅ against a non-empty set as a full disagreement: α = 4/9 by hand, as category a's nominal α", () => {
    // Units (∅, ∅), (∅, {a}), ({a}, {a}): D_o = 2/6 (one unit, two ordered pairs at distance 1),
    // D_e = 18/30 (three ∅ and three {a}: 3·3·2 ordered pairs at distance 1 of 6·5), α = 1 − (1/3)/(3/5).
    const rows = [
      [[], []],
      [[], ['a']],
      [['a'], ['a']],
    ];
    expect(setAlpha(rows, { distance: 'masi' }).value).toBeCloseTo(4 / 9, 12);
    expect(setAlpha(rows, { distance: 'jaccard' }).value).toBeCloseTo(4 / 9, 12);
    const report = multiChoiceReport(rows, { categories: ['a', 'b'] });
    expect(report.perCategory[0]!.report.krippendorffAlpha.value).toBeCloseTo(4 / 9, 12);
    // For category b every answer is "absent", ∅ included: full agreement, no variation.
    expect(report.perCategory[1]!.report.percentAgreement.value).toBe(1);
    // The same rows with ∅ missing instead (null) leave one unit, identical sets: no variation.
    expect(
      setAlpha(
        [
          [null, null],
          [null, ['a']],
          [['a'], ['a']],
        ],
        { distance: 'masi' },
      ).reason,
    ).toBe('no-variation');
  });

  it('set-level α is 1 for identical sets and undefined without variation', () => {
    const rows = [
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
      [['c'], ['c']],
      [[], []],
    ];
    expect(setAlpha(rows, { distance: 'masi' }).value).toBeCloseTo(1, 12);
    expect(setAlpha([[['a'], ['a']]], { distance: 'masi' }).reason).toBe('no-variation');
  });

  it('reports each category as a present/absent variable; null is missing, [] is "none"', () => {
    const report = multiChoiceReport(
      [
        [['police', 'courts'], ['police']],
        [['courts'], ['courts']],
        [[], null],
        [['akimat'], ['akimat', 'police']],
      ],
      { categories: ['police', 'courts', 'akimat'] },
    );
    const police = report.perCategory[0]!.report;
    expect(police.units).toBe(3);
    // police: present/present? unit 1 present/present, unit 2 absent/absent, unit 4 absent/present → 2 of 3 agree.
    expect(police.percentAgreement.value).toBeCloseTo(2 / 3, 12);
    expect(report.setAlpha.masi.value).not.toBeNull();
    expect(report.setAlpha.jaccard.value).not.toBeNull();
  });
});
