import { describe, expect, it } from 'vitest';
import { variableFigures } from '../../../renderer/features/agreement/agreementFigures.ts';
import type { Coding, Variable } from '../../../shared/model/index.ts';
import { fixtureRows } from '../../shared/agreement/fixtures.ts';

// cac.raw4raters (R irrCAC; Krippendorff 2011's data) as codings: appeal 12 is coded by one coder only.
const variable: Variable = {
  id: 'v',
  kind: 'single',
  required: false,
  label: { en: 'V' },
  definition: {},
  categories: ['1', '2', '3', '4', '5'].map((code) => ({
    code,
    value: Number(code),
    label: { en: code },
    definition: {},
    examples: {},
    retired: false,
  })),
};
const codings: Coding[] = fixtureRows('krippendorff2011.csv').flatMap((row, u) =>
  row.flatMap((value, c) =>
    value === null
      ? []
      : [
          {
            projectId: 'p',
            coderId: `coder${c + 1}`,
            appealId: `appeal${String(u + 1).padStart(2, '0')}`,
            variableId: 'v',
            values: [value],
            unsure: false,
            updatedAt: '2024-01-01T00:00:00Z',
            codebookVersion: 1,
          },
        ],
  ),
);

describe('the dashboard hands the engine appeals coded by a single coder', () => {
  it('counts 11 units but lets appeal 12 into the chance terms (exact values: missingRatings.test.ts)', () => {
    const figures = variableFigures(variable, codings);
    expect(figures.rows.rows).toHaveLength(12);
    expect(figures.units).toBe(11);
    expect(figures.ac1?.value).toBeCloseTo(31825 / 41041, 12); // irrCAC gwet.ac1.raw: 0.77544
    expect(figures.fleiss?.value).toBeCloseTo(7343 / 9647, 12); // irrCAC fleiss.kappa.raw: 0.76117
    expect(figures.alpha.value).toBeCloseTo(113 / 152, 12); // Krippendorff 2011: 0.743
  });
});
