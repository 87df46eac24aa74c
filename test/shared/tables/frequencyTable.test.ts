import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frequencyTable } from '../../../shared/tables/frequencyTable.ts';

const repeat = (key: string, n: number): string[][] => Array.from({ length: n }, () => [key]);

describe("frequencyTable — the study's regions (Table 2)", () => {
  // DESIGN.md quotes Table 2: Almaty city 61 (17.9 %), Astana city 47, …, Akmola 5, total 341.
  // The middle of the table is not quoted there; fourteen stand-in regions share the other
  // 228 appeals (4 × 17 + 10 × 16 = 228), which also gives ties for the ordering rules.
  const fillers = Array.from({ length: 14 }, (_, i) => `region_${String(i + 1).padStart(2, '0')}`);
  const cases = [
    ...repeat('akmola', 5),
    ...fillers.flatMap((key, i) => repeat(key, i < 4 ? 17 : 16)),
    ...repeat('astana_city', 47),
    ...repeat('almaty_city', 61),
  ];
  const order = ['almaty_city', 'astana_city', ...[...fillers].reverse(), 'akmola'];
  const table = frequencyTable(cases, order);

  it('counts 341 valid appeals and none missing', () => {
    expect(cases).toHaveLength(341);
    expect(table.valid).toBe(341);
    expect(table.missing).toBe(0);
    expect(table.responses).toBe(341);
  });

  it('ranks Almaty city first with 61 = 17.9 % of 341', () => {
    expect(table.rows[0]).toMatchObject({ key: 'almaty_city', count: 61 });
    expect(table.rows[0]!.shareOfCases).toBeCloseTo(0.179, 3);
    expect(table.rows[1]).toMatchObject({ key: 'astana_city', count: 47 });
    expect(table.rows.at(-1)).toMatchObject({ key: 'akmola', count: 5 });
  });

  it('breaks ties by codebook order, not by key', () => {
    // `order` lists the fillers backwards, so codebook order and key order disagree.
    const seventeen = table.rows.filter((row) => row.count === 17).map((row) => row.key);
    expect(seventeen).toEqual(['region_04', 'region_03', 'region_02', 'region_01']);
  });

  it('gives single-choice shares that are equal for cases and responses and add up to 1', () => {
    for (const row of table.rows) expect(row.shareOfResponses).toBe(row.shareOfCases);
    expect(table.rows.reduce((sum, row) => sum + row.shareOfCases, 0)).toBeCloseTo(1, 12);
  });
});

describe('frequencyTable — multiple choice', () => {
  // Hand example: four appeals coded for "reason", one left empty.
  //   appeal 1: corruption, red tape      appeal 3: red tape, other
  //   appeal 2: corruption                appeal 4: (nothing)
  // valid = 3 appeals with a value, missing = 1, responses = 2 + 1 + 2 = 5.
  // corruption: 2 → 2/3 of cases = 66.7 %, 2/5 of responses = 40 %.
  // red tape:   2 → 66.7 % / 40 %;  other: 1 → 33.3 % / 20 %.
  // % of cases adds up to 166.7 % (appeals have several reasons); % of responses to 100 %.
  const table = frequencyTable(
    [['corruption', 'red_tape'], ['corruption'], ['red_tape', 'other'], []],
    ['corruption', 'red_tape', 'other'],
  );

  it('counts cases with a value, missing cases and responses', () => {
    expect(table).toMatchObject({ valid: 3, missing: 1, responses: 5 });
  });

  it('tells % of cases from % of responses', () => {
    expect(table.rows).toEqual([
      { key: 'corruption', count: 2, shareOfCases: 2 / 3, shareOfResponses: 2 / 5 },
      { key: 'red_tape', count: 2, shareOfCases: 2 / 3, shareOfResponses: 2 / 5 },
      { key: 'other', count: 1, shareOfCases: 1 / 3, shareOfResponses: 1 / 5 },
    ]);
  });

  it('counts a value given twice in one case once', () => {
    const doubled = frequencyTable([['a', 'a'], ['b']]);
    expect(doubled.responses).toBe(2);
    expect(doubled.rows.find((row) => row.key === 'a')?.count).toBe(1);
  });
});

describe('frequencyTable — ordering', () => {
  it('sorts by count first, whatever the codebook order', () => {
    const table = frequencyTable([['b'], ['b'], ['a']], ['a', 'b']);
    expect(table.rows.map((row) => row.key)).toEqual(['b', 'a']);
  });

  it('puts values the codebook does not list after those it does, then by key', () => {
    const table = frequencyTable([['zeta'], ['beta'], ['alpha'], ['listed']], ['listed']);
    expect(table.rows.map((row) => row.key)).toEqual(['listed', 'alpha', 'beta', 'zeta']);
  });

  it('orders by key when no codebook order is given', () => {
    expect(frequencyTable([['c'], ['a'], ['b']]).rows.map((row) => row.key)).toEqual(['a', 'b', 'c']);
  });
});

describe('frequencyTable — degenerate input', () => {
  it('returns an empty table with zero totals for no cases', () => {
    expect(frequencyTable([])).toEqual({ rows: [], valid: 0, missing: 0, responses: 0 });
  });

  it('counts cases with no value as missing and divides by nothing', () => {
    const table = frequencyTable([[], []]);
    expect(table).toEqual({ rows: [], valid: 0, missing: 2, responses: 0 });
  });

  it('never yields a share outside [0, 1] or NaN, and its counts add up (property)', () => {
    const caseArb = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 30 }), (cases) => {
        const table = frequencyTable(cases);
        expect(table.valid + table.missing).toBe(cases.length);
        expect(table.rows.reduce((sum, row) => sum + row.count, 0)).toBe(table.responses);
        for (const row of table.rows) {
          for (const share of [row.shareOfCases, row.shareOfResponses]) {
            expect(share).toBeGreaterThan(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        }
        if (table.responses > 0) {
          expect(table.rows.reduce((sum, row) => sum + row.shareOfResponses, 0)).toBeCloseTo(1, 12);
        }
      }),
    );
  });
});
