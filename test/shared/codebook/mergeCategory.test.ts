import { describe, expect, it } from 'vitest';
import {
  mergeCategory,
  mergedValues,
  mergesAfter,
  rewriteMergedValues,
  setRetired,
  validateCodebook,
  addCategory,
  updateCategory,
} from '../../../shared/codebook/index.ts';
import { createDemoCodebook } from '../../../shared/demo/codebook.ts';
import type { CategoryMerge } from '../../../shared/model/index.ts';

const demo = createDemoCodebook('p', '2019-11-01T04:00:00.000Z');

describe('mergeCategory', () => {
  it('removes the category and records the merge with the version it is saved in', () => {
    const merged = mergeCategory(demo, 'reason', 'abuse', 'corruption', 2);
    expect(merged.variables[0]!.categories.map((c) => c.code)).not.toContain('abuse');
    expect(merged.merges).toEqual([{ variableId: 'reason', from: 'abuse', into: 'corruption', version: 2 }]);
    expect(demo.merges).toEqual([]);
  });

  it('refuses a missing category, a merge into itself and a merge into a retired category', () => {
    expect(() => mergeCategory(demo, 'reason', 'nope', 'corruption', 2)).toThrow();
    expect(() => mergeCategory(demo, 'reason', 'abuse', 'abuse', 2)).toThrow();
    const retired = setRetired(demo, 'reason', 'other', true);
    expect(() => mergeCategory(retired, 'reason', 'abuse', 'other', 2)).toThrow(/retired/);
  });

  it('keeps a merged code reserved: a new category may not take it', () => {
    const merged = mergeCategory(demo, 'reason', 'abuse', 'corruption', 2);
    const reused = updateCategory(addCategory(merged, 'reason', { en: 'Abuse again' }), 'reason', 'cat1', {
      code: 'abuse',
    });
    expect(validateCodebook(reused)).toEqual([
      { kind: 'mergedCodeReused', variableId: 'reason', code: 'abuse' },
    ]);
  });
});

describe('rewriting values through merges', () => {
  const merges: CategoryMerge[] = [
    { variableId: 'reason', from: 'abuse', into: 'corruption', version: 3 },
    { variableId: 'reason', from: 'corruption', into: 'court', version: 5 },
    { variableId: 'body', from: 'tax', into: 'other', version: 3 },
  ];

  it('follows chains in version order and touches only its own variable', () => {
    expect(mergedValues(['abuse'], 'reason', merges)).toEqual(['court']);
    expect(mergedValues(['tax'], 'reason', merges)).toEqual(['tax']);
    expect(mergedValues(['tax', 'police'], 'body', merges)).toEqual(['other', 'police']);
  });

  it('keeps a code once when a multiple-choice coding held both categories', () => {
    expect(mergedValues(['abuse', 'red_tape', 'corruption'], 'reason', merges.slice(0, 1))).toEqual([
      'corruption',
      'red_tape',
    ]);
  });

  it('applies to a coding only the merges after the version it was coded under', () => {
    expect(mergesAfter(merges, 4)).toEqual([merges[1]]);
    expect(mergedValues(['abuse'], 'reason', mergesAfter(merges, 4))).toEqual(['abuse']);
    expect(mergesAfter([...merges].reverse(), 0).map((m) => m.version)).toEqual([3, 3, 5]);
  });

  it('returns only the rows it changed, never dropping a value', () => {
    const rows = [
      { id: 1, variableId: 'reason', values: ['abuse'] },
      { id: 2, variableId: 'reason', values: ['red_tape'] },
      { id: 3, variableId: 'reason', values: [] },
      { id: 4, variableId: 'body', values: ['tax', 'other'] },
    ];
    expect(rewriteMergedValues(rows, merges)).toEqual([
      { id: 1, variableId: 'reason', values: ['court'] },
      { id: 4, variableId: 'body', values: ['other'] },
    ]);
    expect(rows[0]!.values).toEqual(['abuse']);
  });
});
