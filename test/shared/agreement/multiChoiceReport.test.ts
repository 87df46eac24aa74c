import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementReport, multiChoiceReport, setAlpha } from '../../../shared/agreement/index.ts';

const CATEGORIES = ['a', 'b', 'c', 'd'];
const cell = fc.option(fc.subarray(CATEGORIES), { nil: null, freq: 4 });
const rows = fc
  .integer({ min: 2, max: 4 })
  .chain((coders) =>
    fc.array(fc.array(cell, { minLength: coders, maxLength: coders }), { minLength: 1, maxLength: 40 }),
  );

describe('multiChoiceReport', () => {
  it('gives each category the report of its present/absent rows, and the set α of setAlpha', () => {
    fc.assert(
      fc.property(rows, (data) => {
        const report = multiChoiceReport(data, { categories: CATEGORIES });
        for (const { category, report: got } of report.perCategory) {
          const binary = data.map((row) =>
            row.map((set) => (set === null ? null : set.includes(category) ? 'present' : 'absent')),
          );
          expect(got).toEqual(
            agreementReport(binary, { level: 'nominal', categories: ['absent', 'present'] }),
          );
        }
        expect(report.setAlpha).toEqual({
          masi: setAlpha(data, { distance: 'masi' }),
          jaccard: setAlpha(data, { distance: 'jaccard' }),
        });
      }),
      { numRuns: 60 },
    );
  });
});
