import { describe, expect, it } from 'vitest';
import { agreementReport, reliabilityData, REASON_TEXT } from '../../../shared/agreement/index.ts';

describe('degenerate data returns a defined result with a reason, never NaN', () => {
  it('one category only, no variation: α and κ undefined (p_e = 1), AC1 = 1 with a two-category codebook', () => {
    const rows = [
      ['yes', 'yes'],
      ['yes', 'yes'],
      ['yes', 'yes'],
    ];
    const report = agreementReport(rows);
    expect(report.percentAgreement.value).toBe(1);
    expect(report.krippendorffAlpha).toMatchObject({ value: null, reason: 'no-variation' });
    expect(report.cohenKappa).toMatchObject({ value: null, reason: 'no-variation' });
    expect(report.fleissKappa).toMatchObject({ value: null, reason: 'no-variation' });
    expect(report.gwetAC).toMatchObject({ value: null, reason: 'single-category' });
    expect(report.brennanPrediger).toMatchObject({ value: null, reason: 'single-category' });
    // With the codebook's q = 2 (Gwet 2014, §4.2: p_e = 0, AC1 = p_a = 1; BP = (1 − 1/2)/(1 − 1/2) = 1).
    const coded = agreementReport(rows, { categories: ['yes', 'no'] });
    expect(coded.gwetAC.value).toBe(1);
    expect(coded.brennanPrediger.value).toBe(1);
  });

  it('a single coder', () => {
    const report = agreementReport([['a'], ['b']]);
    for (const c of [report.percentAgreement, report.krippendorffAlpha, report.fleissKappa, report.gwetAC]) {
      expect(c).toMatchObject({ value: null, reason: 'single-coder' });
    }
    expect(report.units).toBe(0);
  });

  it('no overlapping units', () => {
    const report = agreementReport(
      [
        ['a', null],
        [null, 'b'],
        ['c', null],
      ],
      { bootstrap: 100 },
    );
    expect(report.krippendorffAlpha.reason).toBe('no-pairable-units');
    expect(report.cohenKappa.reason).toBe('no-pairable-units');
    expect(report.alphaBootstrap).toEqual({ reason: 'no-pairable-units' });
    expect(report.pairwise[0]).toMatchObject({ units: 0, percentAgreement: null });
  });

  it('coefficients that do not apply to the number of coders', () => {
    const three = agreementReport([
      ['a', 'b', 'a'],
      ['b', 'b', 'b'],
    ]);
    expect(three.cohenKappa.reason).toBe('requires-two-coders');
    expect(three.scottPi.reason).toBe('requires-two-coders');
    const two = agreementReport([
      ['a', 'b'],
      ['b', 'b'],
    ]);
    expect(two.congerKappa.reason).toBe('requires-more-than-two-coders');
  });

  it('interval and ratio need numbers; ratio needs non-negative numbers', () => {
    expect(
      agreementReport(
        [
          ['a', 'b'],
          ['b', 'b'],
        ],
        { level: 'interval' },
      ).krippendorffAlpha.reason,
    ).toBe('not-numeric');
    expect(
      agreementReport(
        [
          ['-1', '2'],
          ['2', '2'],
        ],
        { level: 'ratio' },
      ).krippendorffAlpha.reason,
    ).toBe('negative-values');
  });

  it('an empty input', () => {
    const report = agreementReport([]);
    expect(report.krippendorffAlpha.reason).toBe('single-coder');
    expect(report.units).toBe(0);
  });

  it('has an English sentence for every reason', () => {
    for (const text of Object.values(REASON_TEXT)) expect(text.length).toBeGreaterThan(3);
  });

  it('rejects ragged rows and values outside the codebook', () => {
    expect(() => reliabilityData([['a', 'b'], ['a']])).toThrow(/unit 2/);
    expect(() => reliabilityData([['a', 'z']], { categories: ['a', 'b'] })).toThrow(/"z"/);
  });
});
