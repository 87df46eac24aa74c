import fc from 'fast-check';
import { alpha as referenceAlpha } from 'krippendorff';
import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  cohenKappa,
  congerKappa,
  fleissKappa,
  krippendorffAlpha,
  LEVELS,
  reliabilityData,
  scottPi,
  setAlpha,
  type AgreementReport,
  type Coefficient,
} from '../../../shared/agreement/index.ts';

const cell = (categories: number) =>
  fc.option(fc.integer({ min: 0, max: categories - 1 }).map(String), { freq: 5, nil: null });
const matrix = (coders = fc.integer({ min: 2, max: 5 })) =>
  coders.chain((c) =>
    fc.array(fc.array(cell(4), { minLength: c, maxLength: c }), { minLength: 1, maxLength: 30 }),
  );

const COEFFICIENTS = [
  'percentAgreement',
  'cohenKappa',
  'scottPi',
  'fleissKappa',
  'congerKappa',
  'gwetAC',
  'brennanPrediger',
  'krippendorffAlpha',
] as const;

function values(report: AgreementReport) {
  return COEFFICIENTS.map((name) => report[name].value);
}

function expectClose(a: readonly (number | null)[], b: readonly (number | null)[]) {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => {
    if (x === null || b[i] === null) expect(x).toBe(b[i]);
    else expect(x).toBeCloseTo(b[i]!, 9);
  });
}

describe('properties', () => {
  it('never returns NaN: every coefficient is a finite number or null with a reason', () => {
    fc.assert(
      fc.property(
        matrix(),
        fc.constantFrom(...LEVELS),
        fc.constantFrom(null, 'linear', 'quadratic' as const),
        (rows, level, weights) => {
          const report = agreementReport(rows, { level, weights });
          for (const name of COEFFICIENTS) {
            const c: Coefficient = report[name];
            if (c.value === null) expect(c.reason).not.toBeNull();
            else {
              expect(Number.isFinite(c.value)).toBe(true);
              expect(c.reason).toBeNull();
            }
          }
        },
      ),
    );
  });

  it('α = 1 (and every κ = 1) for perfect agreement with variation, at every level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 20 }),
        fc.integer({ min: 2, max: 5 }),
        (units, coders) => {
          fc.pre(new Set(units).size > 1);
          const rows = units.map((v) => Array.from({ length: coders }, () => String(v)));
          const report = agreementReport(rows, { level: 'interval' });
          for (const level of LEVELS)
            expect(krippendorffAlpha(reliabilityData(rows), level).value).toBeCloseTo(1, 12);
          expect(report.percentAgreement.value).toBe(1);
          expect(report.fleissKappa.value).toBeCloseTo(1, 12);
          expect(report.gwetAC.value).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('is invariant to renaming categories (nominal) and to reordering coders and units', () => {
    fc.assert(
      fc.property(matrix(), fc.integer(), (rows, seed) => {
        const rename = (v: string | null) => (v === null ? null : `cat-${'abcd'[Number(v)]}`);
        const coders = rows[0]!.length;
        const coderOrder = [...Array(coders).keys()].sort(
          (a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13),
        );
        const unitOrder = [...rows.keys()].sort(
          (a, b) => ((a * 104729 + seed) % 31) - ((b * 104729 + seed) % 31),
        );
        const renamed = rows.map((row) => row.map(rename));
        const shuffled = unitOrder.map((u) => coderOrder.map((c) => rows[u]![c]!));
        const base = values(agreementReport(rows));
        const strip = (v: (number | null)[]) =>
          v.map((x, i) => (['cohenKappa', 'congerKappa'].includes(COEFFICIENTS[i]!) ? null : x));
        expectClose(values(agreementReport(renamed)), base);
        // Cohen's and Conger's κ are symmetric in coders too, but Cohen's needs the same two coders: compare the rest.
        expectClose(strip(values(agreementReport(shuffled))), strip(base));
        if (coders === 2) {
          const before = cohenKappa(reliabilityData(rows)).value;
          const after = cohenKappa(reliabilityData(shuffled)).value;
          if (before === null) expect(after).toBeNull();
          else expect(after).toBeCloseTo(before, 9);
        }
      }),
    );
  });

  it("Scott's π equals Fleiss' κ for two coders (Fleiss 1971 generalises Scott 1955)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 2,
          maxLength: 40,
        }),
        (pairs) => {
          const data = reliabilityData(pairs.map(([a, b]) => [String(a), String(b)]));
          const pi = scottPi(data).value;
          const fleiss = fleissKappa(data).value;
          if (pi === null) expect(fleiss).toBeNull();
          else expect(fleiss).toBeCloseTo(pi, 10);
          // Conger's κ is reported for more than two coders only (for two it would equal Cohen's κ).
          expect(congerKappa(data).reason).toBe('requires-more-than-two-coders');
        },
      ),
    );
  });

  it('set-level α with Jaccard distance on singleton sets equals nominal α', () => {
    fc.assert(
      fc.property(matrix(fc.constant(3)), (rows) => {
        const sets = rows.map((row) => row.map((v) => (v === null ? null : [v])));
        const nominal = krippendorffAlpha(reliabilityData(rows)).value;
        const jaccard = setAlpha(sets, { distance: 'jaccard' }).value;
        if (nominal === null) expect(jaccard).toBeNull();
        else expect(jaccard).toBeCloseTo(nominal, 10);
      }),
    );
  });
});

describe('cross-check with the krippendorff package on npm (Schaefer, v0.1.0)', () => {
  it('gives the same nominal and interval α on random data with missing values', () => {
    fc.assert(
      fc.property(matrix(fc.integer({ min: 2, max: 4 })), (rows) => {
        const data = reliabilityData(rows);
        // The package wants raters × samples, with undefined for missing.
        const byRater = rows[0]!.map((_, c) =>
          rows.map((row) => (row[c] === null ? undefined : Number(row[c]))),
        );
        const nominal = krippendorffAlpha(data, 'nominal');
        fc.pre(nominal.value !== null);
        expect(nominal.value).toBeCloseTo(referenceAlpha(byRater), 10);
        const interval = krippendorffAlpha(data, 'interval');
        expect(interval.value).toBeCloseTo(
          referenceAlpha(byRater, (a, b) => (a - b) ** 2),
          10,
        );
      }),
      { numRuns: 200 },
    );
  });
});
