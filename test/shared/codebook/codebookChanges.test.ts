import { describe, expect, it } from 'vitest';
import { codebookChanges } from '../../../shared/codebook/codebookChanges.ts';
import { mergeCategory, setRetired, updateCategory, updateVariable } from '../../../shared/codebook/index.ts';
import type { Category, CodebookContent, Variable } from '../../../shared/model/index.ts';

const category = (code: string, value: number, en: string): Category => ({
  code,
  value,
  label: { en, ru: `${en} (ru)` },
  definition: {},
  examples: {},
  retired: false,
});
const variable = (id: string, kind: Variable['kind'], en: string, categories: Category[]): Variable => ({
  id,
  kind,
  required: false,
  label: { en },
  definition: {},
  categories,
});
const v1: CodebookContent = {
  variables: [
    variable('reason', 'multi', 'Reason', [
      category('bribe', 1, 'Bribe'),
      category('redtape', 2, 'Red tape'),
      category('abuse', 3, 'Abuse'),
      category('other', 4, 'Other'),
    ]),
    variable('region', 'single', 'Region', [category('almaty', 1, 'Almaty')]),
    variable('note', 'text', 'Note', []),
  ],
  merges: [],
};

describe('codebookChanges', () => {
  it('lists nothing between a version and itself', () => {
    expect(codebookChanges(v1, v1, 2)).toEqual([]);
  });

  it('names each kind of change the editor makes, in codebook order', () => {
    let v2 = mergeCategory(v1, 'reason', 'abuse', 'bribe', 2);
    v2 = setRetired(v2, 'reason', 'other', true);
    v2 = updateCategory(v2, 'reason', 'redtape', {
      code: 'red_tape',
      label: { en: 'Red tape', ru: 'Волокита' },
    });
    v2 = updateVariable(v2, 'region', { label: { en: 'Region', kk: 'Өңір' } });
    v2 = updateCategory(v2, 'region', 'almaty', { definition: { en: 'Almaty city' } });
    v2 = {
      ...v2,
      variables: [
        ...v2.variables.filter((v) => v.id !== 'note'),
        variable('body', 'multi', 'Body', [category('police', 1, 'Police')]),
      ],
    };
    v2 = {
      ...v2,
      variables: v2.variables.map((v) =>
        v.id === 'reason' ? { ...v, categories: [...v.categories, category('proposal', 5, 'Proposal')] } : v,
      ),
    };
    expect(codebookChanges(v1, v2, 2)).toEqual([
      { kind: 'variableRemoved', variableId: 'note' },
      { kind: 'categoryMerged', variableId: 'reason', from: 'abuse', into: 'bribe' },
      { kind: 'categoryRenamed', variableId: 'reason', from: 'redtape', to: 'red_tape' },
      { kind: 'categoryRelabelled', variableId: 'reason', code: 'red_tape', langs: ['ru'] },
      { kind: 'categoryRetired', variableId: 'reason', code: 'other' },
      { kind: 'categoryAdded', variableId: 'reason', code: 'proposal' },
      { kind: 'variableRelabelled', variableId: 'region', langs: ['kk'] },
      { kind: 'categoryRedefined', variableId: 'region', code: 'almaty', langs: ['en'] },
      { kind: 'variableAdded', variableId: 'body' },
    ]);
  });

  it('takes only the merges of the version asked for, and sees a category restored', () => {
    const v2 = setRetired(mergeCategory(v1, 'reason', 'abuse', 'bribe', 2), 'reason', 'other', true);
    const v3 = setRetired(v2, 'reason', 'other', false);
    expect(codebookChanges(v2, v3, 3)).toEqual([
      { kind: 'categoryRestored', variableId: 'reason', code: 'other' },
    ]);
  });

  it('recognises a renamed variable by its kind and a label, a removed one otherwise', () => {
    const renamed = updateVariable(v1, 'region', { id: 'oblast' });
    expect(codebookChanges(v1, renamed, 2)).toEqual([
      { kind: 'variableRenamed', from: 'region', to: 'oblast' },
    ]);
    const retyped = updateVariable(renamed, 'oblast', { kind: 'multi' });
    expect(codebookChanges(v1, retyped, 2)).toEqual([
      { kind: 'variableRemoved', variableId: 'region' },
      { kind: 'variableAdded', variableId: 'oblast' },
    ]);
    expect(codebookChanges(v1, updateVariable(v1, 'region', { kind: 'ordinal' }), 2)).toEqual([
      { kind: 'variableKindChanged', variableId: 'region', from: 'single', to: 'ordinal' },
    ]);
  });
});
