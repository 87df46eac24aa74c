import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codingKey, compareCodings, mergeCodings } from '../../../shared/merge/index.ts';
import type { Coding } from '../../../shared/model/index.ts';

// Few coders, appeals, variables and times, so that keys and timestamps collide often.
const codingArb: fc.Arbitrary<Coding> = fc
  .record({
    projectId: fc.constant('p'),
    coderId: fc.constantFrom('c1', 'c2', 'c3'),
    appealId: fc.constantFrom('a1', 'a2', 'a3', 'a4'),
    variableId: fc.constantFrom('v1', 'v2'),
    values: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 }),
    note: fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }),
    unsure: fc.boolean(),
    updatedAt: fc.constantFrom(
      '2026-01-01T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
    ),
    codebookVersion: fc.constant(1),
  })
  .map((c) => {
    if (c.note === undefined) delete c.note;
    return c;
  });
const fileArb = fc.array(codingArb, { maxLength: 30 });
const PROPERTY = { numRuns: 300 };

describe('mergeCodings (property tests over random coder files)', () => {
  it('is idempotent: importing the same file again changes nothing', () => {
    fc.assert(
      fc.property(fileArb, fileArb, (a, b) => {
        const once = mergeCodings(a, b);
        expect(mergeCodings(once, b)).toEqual(once);
        expect(mergeCodings(once, once)).toEqual(once);
      }),
      PROPERTY,
    );
  });

  it('is commutative: the order of two imports does not matter', () => {
    fc.assert(
      fc.property(fileArb, fileArb, (a, b) => {
        expect(mergeCodings(a, b)).toEqual(mergeCodings(b, a));
      }),
      PROPERTY,
    );
  });

  it('is associative: grouping of imports does not matter', () => {
    fc.assert(
      fc.property(fileArb, fileArb, fileArb, (a, b, c) => {
        expect(mergeCodings(mergeCodings(a, b), c)).toEqual(mergeCodings(a, mergeCodings(b, c)));
      }),
      PROPERTY,
    );
  });

  it('drops no coding: every key survives with its latest edit, which is one of the inputs', () => {
    fc.assert(
      fc.property(fileArb, fileArb, (a, b) => {
        const merged = mergeCodings(a, b);
        const byKey = new Map(merged.map((c) => [codingKey(c), c]));
        expect(byKey.size).toBe(merged.length);
        expect(new Set(byKey.keys())).toEqual(new Set([...a, ...b].map(codingKey)));
        for (const input of [...a, ...b]) {
          const kept = byKey.get(codingKey(input))!;
          expect([...a, ...b]).toContain(kept);
          expect(compareCodings(kept, input)).toBeGreaterThanOrEqual(0);
        }
      }),
      PROPERTY,
    );
  });
});

describe('compareCodings', () => {
  const base: Coding = {
    projectId: 'p',
    coderId: 'c',
    appealId: 'a',
    variableId: 'v',
    values: ['x'],
    unsure: false,
    updatedAt: '2026-01-01T10:00:00.000Z',
    codebookVersion: 1,
  };

  it('lets the later edit win, comparing instants rather than text', () => {
    const later = { ...base, values: ['y'], updatedAt: '2026-01-01T11:00:00.000+00:00' };
    const earlierInAnotherZone = { ...base, values: ['z'], updatedAt: '2026-01-01T12:30:00.000+03:00' };
    expect(mergeCodings([base], [later])).toEqual([later]);
    expect(mergeCodings([later], [earlierInAnotherZone])).toEqual([later]);
  });

  it('breaks a tie the same way whichever side it comes from', () => {
    const other = { ...base, values: ['y'] };
    expect(Math.sign(compareCodings(base, other))).toBe(-Math.sign(compareCodings(other, base)));
    expect(compareCodings(base, { ...base })).toBe(0);
  });
});
