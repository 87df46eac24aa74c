import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  brennanPrediger,
  coincidenceMatrix,
  cohenKappa,
  fleissKappa,
  gwetAC,
  krippendorffAlpha,
  percentAgreement,
  reliabilityData,
  scottPi,
} from '../../../shared/agreement/index.ts';
import { fixtureRows, rowsFromTable } from './fixtures.ts';

describe('Krippendorff (2011), "Computing Krippendorff\'s Alpha-Reliability", 4 coders × 12 units with missing values', () => {
  const data = reliabilityData(fixtureRows('krippendorff2011.csv'));

  it.each([
    // Expected values: Krippendorff 2011, pp. 3–6 (nominal .743, ordinal .815, interval .849, ratio .797);
    // the same to 3 decimals in R irr::kripp.alpha's documentation.
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('%s α = %f', (level, expected) => {
    expect(krippendorffAlpha(data, level).value).toBeCloseTo(expected, 3);
  });

  it('nominal α from the coincidence matrix as in the worked example (Krippendorff 2011, p. 3)', () => {
    // Krippendorff 2011, p. 3: n_c = 9, 13, 10, 5, 3 (n = 40), Σ_c o_cc = 32, and
    // α = [(n − 1) Σ_c o_cc − Σ_c n_c(n_c − 1)] / [n(n − 1) − Σ_c n_c(n_c − 1)] = .743
    const o = coincidenceMatrix(data);
    const q = data.categories.length;
    const nc = data.categories.map((_, c) => o.subarray(c * q, (c + 1) * q).reduce((a, b) => a + b, 0));
    expect(nc.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
    const diagonal = data.categories.reduce((s, _, c) => s + o[c * q + c]!, 0);
    expect(diagonal).toBeCloseTo(32, 12);
    const ncnc = 9 * 8 + 13 * 12 + 10 * 9 + 5 * 4 + 3 * 2;
    expect(krippendorffAlpha(data, 'nominal').value).toBeCloseTo((39 * 32 - ncnc) / (40 * 39 - ncnc), 12);
  });

  it('counts 11 pairable units: unit 12 has a single value (Krippendorff 2011, p. 2)', () => {
    expect(agreementReport(data).units).toBe(11);
  });

  it("Gwet's AC1/AC2 match irrCAC's cac.raw4raters (the same data; unit 12 enters π_k)", () => {
    // Gwet (2014), Handbook, 4th ed.; values as printed in R irrCAC's documentation for cac.raw4raters:
    // AC1 = 0.77544 (p_a = 0.81818, p_e = 0.19032); quadratic AC2 = 0.914 (p_a = 0.97538, p_e = 0.7137).
    const ac1 = gwetAC(data);
    expect(ac1.value).toBeCloseTo(0.77544, 5);
    expect(ac1.observed).toBeCloseTo(0.81818, 5);
    expect(ac1.expected).toBeCloseTo(0.19032, 5);
    const ac2 = gwetAC(data, { weights: 'quadratic' });
    expect(ac2.value).toBeCloseTo(0.914, 3);
    expect(ac2.observed).toBeCloseTo(0.97538, 5);
    expect(ac2.expected).toBeCloseTo(0.7137, 4);
  });
});

describe('Fleiss (1971), 30 patients × 6 psychiatrists, 5 diagnoses', () => {
  const data = reliabilityData(fixtureRows('fleiss1971.csv'));

  it('Fleiss κ = .430 (Fleiss 1971, p. 380; R irr::kappam.fleiss(diagnoses) = 0.43)', () => {
    expect(fleissKappa(data).value).toBeCloseTo(0.43, 3);
  });

  it("Cohen's κ of raters 2 and 3 = 0.631 (R irr::kappa2(diagnoses[, 2:3]), as pinned in pyirr's test suite)", () => {
    const two = reliabilityData(
      fixtureRows('fleiss1971.csv').map((row) => row.slice(1, 3)),
      { categories: data.categories },
    );
    expect(cohenKappa(two).value).toBeCloseTo(0.631, 3);
  });
});

describe("Cohen's κ, textbook examples", () => {
  it('2 × 2 example: p_o = .70, p_e = .50, κ = .40 (Wikipedia, "Cohen\'s kappa", worked example)', () => {
    const data = reliabilityData(
      rowsFromTable(
        [
          [20, 5],
          [10, 15],
        ],
        ['Yes', 'No'],
      ),
      { categories: ['Yes', 'No'] },
    );
    const kappa = cohenKappa(data);
    expect(kappa.observed).toBeCloseTo(0.7, 12);
    expect(kappa.expected).toBeCloseTo(0.5, 12);
    expect(kappa.value).toBeCloseTo(0.4, 12);
  });

  it('quadratic weighted κ = 0.297 on the anxiety ratings, raters 1 and 2 (R irr::kappa2(anxiety[, 1:2], "squared"))', () => {
    const rows = fixtureRows('anxiety.tsv').map((row) => row.slice(0, 2));
    expect(cohenKappa(reliabilityData(rows), 'quadratic').value).toBeCloseTo(0.297, 3);
  });
});

describe('Gwet (2014), Handbook of Inter-Rater Reliability: 100 pregnancies × 2 abstractors (cont3x3abstractors)', () => {
  // Expected values: R irrCAC 1.0 vignette "Calculating Chance-corrected Agreement Coefficients",
  // which reproduces Gwet (2014)'s example; value and standard error as printed there.
  const labels = ['Ectopic', 'AIU', 'NIU'];
  const data = reliabilityData(
    rowsFromTable(
      [
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ],
      labels,
    ),
    { categories: labels },
  );
  // irrCAC's *.table functions divide the variance by n, the raw-data formula (Gwet 2014, §5.3) by n − 1.
  const tableScale = Math.sqrt(99 / 100);

  it("Cohen's κ 0.7964094, SE 0.05891072", () => {
    const kappa = cohenKappa(data);
    expect(kappa.value).toBeCloseTo(0.7964094, 7);
    expect(kappa.standardError).toBeCloseTo(0.05891072, 8);
  });

  it("Scott's π 0.7962397, SE 0.05905473", () => {
    const pi = scottPi(data);
    expect(pi.value).toBeCloseTo(0.7962397, 7);
    expect(pi.standardError).toBeCloseTo(0.05905473, 8);
  });

  it("Gwet's AC1 0.8493305, SE 0.04321747", () => {
    const ac1 = gwetAC(data);
    expect(ac1.value).toBeCloseTo(0.8493305, 7);
    expect(ac1.standardError! * tableScale).toBeCloseTo(0.04321747, 8);
  });

  it('Brennan–Prediger 0.835, SE 0.04693346', () => {
    const bp = brennanPrediger(data);
    expect(bp.value).toBeCloseTo(0.835, 12);
    expect(bp.standardError! * tableScale).toBeCloseTo(0.04693346, 8);
  });

  it('percent agreement 0.89, SE 0.03128898', () => {
    const pa = percentAgreement(data);
    expect(pa.value).toBeCloseTo(0.89, 12);
    expect(pa.standardError! * tableScale).toBeCloseTo(0.03128898, 8);
  });

  it("Krippendorff's α 0.7972585", () => {
    expect(krippendorffAlpha(data).value).toBeCloseTo(0.7972585, 7);
  });

  it("Fleiss' κ equals Scott's π for two coders, SE 0.05905473 on irrCAC's table scale", () => {
    const kappa = fleissKappa(data);
    expect(kappa.value).toBeCloseTo(0.7962397, 7);
    expect(kappa.standardError! * tableScale).toBeCloseTo(0.05905473, 8);
  });
});
