import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  brennanPrediger,
  congerKappa,
  fleissKappa,
  gwetAC,
  krippendorffAlpha,
  percentAgreement,
  reliabilityData,
} from '../../../shared/agreement/index.ts';
import { gwetTerms } from '../../../shared/agreement/gwetTerms.ts';
import { fixtureRows } from './fixtures.ts';

// R irrCAC's data set cac.raw4raters (inst/extdata/cac.raw4raters.csv): 12 units × 4 raters,
// categories 1–5, the same values as Krippendorff (2011)'s example. Units 1, 10 and 11 lack some
// ratings; unit 12 has a single rating (rater 3: 3). n = 12 units rated at least once, n′ = 11.
//
// Exact values: the formulas of Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed., §2.4
// "Fleiss' kappa generalised to missing ratings" and §5.3 for the variances), as R irrCAC 1.0
// implements them in R/agree.coeff3.raw.r (pa.coeff.raw, gwet.ac1.raw, fleiss.kappa.raw,
// conger.kappa.raw, bp.coeff.raw), worked in exact fractions (Python `fractions`):
//   p_a  = (1/n′) Σ_{r_i ≥ 2} Σ_k r_ik (r_ik − 1) / (r_i (r_i − 1)) = 9/11
//          (units 2 and 8: 1/2, unit 6: 0, the other eight pairable units: 1);
//   π_k  = (1/n) Σ_i r_ik / r_i over all 12 units = 12/48, 13/48, 14/48, 5/48, 4/48;
//   Conger: p_gk over the units each rater rated: rater 1 (9 units) 3,3,2,1,0; rater 2 (10) 2,4,2,1,1;
//          rater 3 (11) 1,3,5,1,1; rater 4 (11) 3,3,2,2,1.
// Printed values: irrCAC's README (GitHub kgwet/irrCAC, "cac.raw4raters" section), the same as the
// doctests of the Python port irrCAC (AC1, Fleiss' κ).
const rows = fixtureRows('krippendorff2011.csv');
const data = reliabilityData(rows);

/**
 * Expected values: [p_a, p_e, coefficient, variance (null: no standard error)]. Variances are
 * exact fractions; two denominators are written as products (11³ · 3731⁴, 11³ · 1759⁴) because
 * they exceed 2⁵³.
 */
type Exact = readonly [number, number, number, number | null];

const UNWEIGHTED: Record<string, Exact> = {
  percent: [9 / 11, 0, 9 / 11, 21 / 1331],
  // p_e = (1/(q − 1)) Σ π_k (1 − π_k) = 1754/9216
  ac1: [9 / 11, 877 / 4608, 31825 / 41041, 5270442397163963 / (11 ** 3 * 3731 ** 4)],
  // p_e = Σ π_k² = 550/2304
  fleiss: [9 / 11, 275 / 1152, 7343 / 9647, 18436068064187 / 787365586211171],
  // p_e = Σ_k (p̄_k² − s²_k / r), r = 4
  conger: [9 / 11, 1271 / 5445, 1592 / 2087, null],
  bp: [9 / 11, 1 / 5, 17 / 22, 223 / 10648],
};

// Quadratic weights w_kl = 1 − (k − l)²/16 (irrCAC's quadratic.weights on 1–5; Kodtau's from order).
const QUADRATIC: Record<string, Exact> = {
  ac2: [515 / 528, 4385 / 6144, 17685 / 19349, 137718634777739 / (11 ** 3 * 1759 ** 4)],
  fleiss: [515 / 528, 157 / 192, 333 / 385, 42594731 / 1997331875],
  conger: [515 / 528, 864541 / 1045440, 155159 / 180899, null],
  bp: [515 / 528, 3 / 4, 119 / 132, 2357 / 191664],
};

function expectExact(
  c: { value: number | null; observed: number | null; expected: number | null; standardError: number | null },
  [pa, pe, value, variance]: Exact,
) {
  expect(c.observed).toBeCloseTo(pa, 12);
  expect(c.expected).toBeCloseTo(pe, 12);
  expect(c.value).toBeCloseTo(value, 12);
  if (variance === null) expect(c.standardError).toBeNull();
  else expect(c.standardError).toBeCloseTo(Math.sqrt(variance), 12);
}

describe('missing ratings as Gwet (2014) and irrCAC define them: cac.raw4raters, a unit with a single rating', () => {
  it('p_a over the 11 pairable units, π_k over all 12 rated units', () => {
    const t = gwetTerms(data);
    expect(t.pairable).toBe(11);
    expect(t.counts.rated).toBe(12);
    expect(t.pa).toBeCloseTo(9 / 11, 12);
    [12, 13, 14, 5, 4].forEach((x, k) => expect(t.pi[k]).toBeCloseTo(x / 48, 12));
  });

  it('unweighted coefficients equal the exact fractions', () => {
    expectExact(percentAgreement(data), UNWEIGHTED.percent!);
    expectExact(gwetAC(data), UNWEIGHTED.ac1!);
    expectExact(fleissKappa(data), UNWEIGHTED.fleiss!);
    expectExact(congerKappa(data), UNWEIGHTED.conger!);
    expectExact(brennanPrediger(data), UNWEIGHTED.bp!);
  });

  it('quadratic-weighted coefficients equal the exact fractions', () => {
    const options = { weights: 'quadratic' } as const;
    expectExact(gwetAC(data, options), QUADRATIC.ac2!);
    expectExact(fleissKappa(data, options), QUADRATIC.fleiss!);
    expectExact(congerKappa(data, options), QUADRATIC.conger!);
    expectExact(brennanPrediger(data, options), QUADRATIC.bp!);
  });

  it.each([
    // [name, value, SE, p_e] as printed by irrCAC (value and SE to 5 decimals, p_e to 7)
    ['percentAgreement', 0.8181818, 0.12561, 0],
    ['gwetAC', 0.77544, 0.14295, 0.1903212],
    ['fleissKappa', 0.76117, 0.15302, 0.2387153],
    ['congerKappa', 0.76282, null, 0.2334252], // irrCAC prints SE 0.14917; Kodtau has none for Conger
    ['brennanPrediger', 0.77273, 0.14472, 0.2],
  ] as const)('%s = irrCAC %f (SE %s)', (name, value, se, pe) => {
    const c = agreementReport(data)[name];
    expect(c.value).toBeCloseTo(value, 5);
    expect(c.expected).toBeCloseTo(pe, 7);
    if (se === null) expect(c.standardError).toBeNull();
    else expect(c.standardError).toBeCloseTo(se, 5);
  });

  it("Krippendorff's α stays on pairable values: 113/152, unchanged without unit 12 (irrCAC 0.74342)", () => {
    // Krippendorff 2011, p. 3: (39 · 32 − 344)/(40 · 39 − 344) = 904/1216 = 113/152.
    const alpha = krippendorffAlpha(data).value;
    expect(alpha).toBeCloseTo(113 / 152, 12);
    expect(alpha).toBeCloseTo(0.74342, 5);
    expect(krippendorffAlpha(reliabilityData(rows.slice(0, 11))).value).toBeCloseTo(113 / 152, 12);
  });

  it('the single-rated unit changes the chance terms, not p_a, and the report still counts 11 units', () => {
    const without = reliabilityData(rows.slice(0, 11), { categories: data.categories });
    const report = agreementReport(data);
    expect(report.units).toBe(11);
    expect(report.unitsTotal).toBe(12);
    expect(gwetAC(without).observed).toBeCloseTo(9 / 11, 12);
    // Without unit 12, π_3 = (7/24 · 12 − 1)/11 and AC1 = 0.77515 (the old 'exclude' figure).
    expect(gwetAC(without).value).not.toBeCloseTo(report.gwetAC.value!, 4);
    expect(percentAgreement(without).value).toBe(report.percentAgreement.value);
    expect(percentAgreement(without).standardError).not.toBeCloseTo(
      report.percentAgreement.standardError!,
      4,
    );
  });
});
