import { describe, expect, it } from 'vitest';
import {
  adoptCodebook,
  deleteCategory,
  deleteVariable,
  mergeCategory,
} from '../../../shared/codebook/index.ts';
import { createDemoCodebook } from '../../../shared/demo/codebook.ts';

const demo = createDemoCodebook('p', '2019-11-01T04:00:00.000Z');

describe('adoptCodebook', () => {
  it('keeps a missing category that has codings, retired and without its key; drops one without', () => {
    let imported = deleteCategory(demo, 'response', 'no_answer');
    imported = deleteCategory(imported, 'response', 'other');
    const uses = (variableId: string, code?: string) =>
      variableId === 'response' && code === 'no_answer' ? 15 : 0;
    const { content, kept } = adoptCodebook(demo, imported, uses);
    const response = content.variables[3]!.categories;
    expect(kept).toBe(1);
    expect(response.map((c) => c.code)).toEqual(['investigation', 'redirected', 'explanation', 'no_answer']);
    expect(response[3]).toMatchObject({ retired: true, value: 4 });
    expect(response[3]!.shortcut).toBeUndefined();
  });

  it('keeps a missing variable only while codings use it', () => {
    const imported = deleteVariable(demo, 'body');
    expect(
      adoptCodebook(demo, imported, (v) => (v === 'body' ? 3 : 0)).content.variables.map((v) => v.id),
    ).toEqual(['reason', 'region', 'response', 'body']);
    expect(adoptCodebook(demo, imported, () => 0).content.variables).toHaveLength(3);
  });

  it('keeps the current merge history and adds the merges it lacks', () => {
    const current = mergeCategory(demo, 'reason', 'abuse', 'corruption', 2);
    const imported = mergeCategory(current, 'body', 'tax', 'other', 3);
    expect(adoptCodebook(current, imported, () => 0).content.merges).toEqual([
      { variableId: 'reason', from: 'abuse', into: 'corruption', version: 2 },
      { variableId: 'body', from: 'tax', into: 'other', version: 3 },
    ]);
  });
});
