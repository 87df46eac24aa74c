import { describe, expect, it } from 'vitest';
import {
  addCategory,
  addVariable,
  countMissingTranslations,
  deleteCategory,
  isChanged,
  moveCategory,
  moveVariable,
  nextCodebookVersion,
  updateCategory,
  updateVariable,
  validateCodebook,
} from '../../../shared/codebook/index.ts';
import { createDemoCodebook } from '../../../shared/demo/codebook.ts';
import { codebookHash, type CodebookContent } from '../../../shared/model/index.ts';

const demo = createDemoCodebook('p', '2019-11-01T04:00:00.000Z');
const codes = (content: CodebookContent, variableId: string) =>
  content.variables.find((v) => v.id === variableId)!.categories.map((c) => c.code);

describe('editing a codebook', () => {
  it('adds a variable and a category with free codes, the next value and the first free key', () => {
    let draft = addVariable(demo, 'single', { kk: 'Өтініш тілі' });
    expect(draft.variables.at(-1)).toMatchObject({ id: 'var1', kind: 'single', categories: [] });
    draft = addCategory(draft, 'var1', { kk: 'Қазақ тілі' });
    draft = addCategory(draft, 'var1', { kk: 'Орыс тілі' });
    expect(draft.variables.at(-1)!.categories.map((c) => [c.code, c.value, c.shortcut])).toEqual([
      ['cat1', 1, '1'],
      ['cat2', 2, '2'],
    ]);
    // The demo's reasons use keys 1–7 and values 1–7 (shared/demo/codebook.ts).
    const reasons = addCategory(demo, 'reason', { en: 'Housing' }).variables[0]!.categories.at(-1)!;
    expect([reasons.value, reasons.shortcut]).toEqual([8, '8']);
    expect(demo.variables).toHaveLength(4); // the input is left as it was
  });

  it('gives each new category a colour no other category of its variable has', () => {
    let draft = addVariable(demo, 'single', { en: 'Language' });
    for (let i = 0; i < 3; i++) draft = addCategory(draft, 'var1', { en: `C${i}` });
    const colours = draft.variables.at(-1)!.categories.map((c) => c.colour);
    expect(new Set(colours).size).toBe(3);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c!))).toBe(true);
    // The demo's regions already use the palette's blue (#4e79a7): a new region takes another.
    const region = addCategory(demo, 'region', { en: 'Abai' }).variables[1]!;
    const added = region.categories.at(-1)!.colour;
    expect(region.categories.slice(0, -1).map((c) => c.colour)).not.toContain(added);
  });

  it('reorders variables and categories and ignores moves past either end', () => {
    expect(moveVariable(demo, 'region', -1).variables.map((v) => v.id)).toEqual([
      'region',
      'reason',
      'body',
      'response',
    ]);
    expect(moveVariable(demo, 'reason', -1).variables.map((v) => v.id)).toEqual([
      'reason',
      'region',
      'body',
      'response',
    ]);
    expect(codes(moveCategory(demo, 'response', 'investigation', 1), 'response').slice(0, 2)).toEqual([
      'redirected',
      'investigation',
    ]);
  });

  it('keeps the hash when nothing changed and changes it with any edit, renames included', () => {
    expect(isChanged(demo, { variables: demo.variables, merges: demo.merges })).toBe(false);
    const renamed = updateCategory(demo, 'region', 'almaty_city', {
      label: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
    });
    expect(isChanged(demo, renamed)).toBe(true);
    const next = nextCodebookVersion(demo, renamed, new Date('2026-01-02T03:04:05Z'));
    expect(next).toMatchObject({ projectId: 'p', version: 2, updatedAt: '2026-01-02T03:04:05.000Z' });
    expect(next.hash).toBe(codebookHash(renamed));
    expect(next.hash).not.toBe(demo.hash);
  });
});

describe('validateCodebook', () => {
  it('finds nothing wrong with the demo codebook', () => {
    expect(validateCodebook(demo)).toEqual([]);
  });

  it('refuses shortcut conflicts, case-insensitively, naming both categories', () => {
    const draft = updateCategory(demo, 'response', 'redirected', { shortcut: '1' });
    expect(validateCodebook(draft)).toEqual([
      {
        kind: 'shortcutConflict',
        variableId: 'response',
        shortcut: '1',
        codes: ['investigation', 'redirected'],
      },
    ]);
    const upper = updateCategory(
      updateCategory(demo, 'response', 'investigation', { shortcut: 'A' }),
      'response',
      'redirected',
      { shortcut: 'a' },
    );
    expect(validateCodebook(upper)).toMatchObject([{ kind: 'shortcutConflict', shortcut: 'a' }]);
  });

  it("refuses keys other than digits and Latin letters, the coding screen's own among them", () => {
    expect(validateCodebook(updateCategory(demo, 'response', 'other', { shortcut: '/' }))).toEqual([
      { kind: 'badShortcut', variableId: 'response', shortcut: '/', code: 'other' },
    ]);
    expect(validateCodebook(updateCategory(demo, 'response', 'other', { shortcut: 'ф' }))).toMatchObject([
      { kind: 'badShortcut', shortcut: 'ф' },
    ]);
  });

  it('refuses duplicate codes, duplicate values, bad codes, empty labels and categories on text variables', () => {
    let draft = updateCategory(demo, 'response', 'redirected', { code: 'investigation', value: 1 });
    draft = updateVariable(draft, 'body', { id: 'body id', label: {} });
    expect(validateCodebook(draft)).toEqual([
      { kind: 'badCode', variableId: 'body id', code: 'body id' },
      { kind: 'noLabel', variableId: 'body id' },
      { kind: 'duplicateCode', variableId: 'response', code: 'investigation' },
      { kind: 'duplicateValue', variableId: 'response', value: 1 },
    ]);
    expect(validateCodebook(updateVariable(demo, 'region', { kind: 'text' }))).toEqual([
      { kind: 'textWithCategories', variableId: 'region' },
    ]);
  });
});

describe('countMissingTranslations', () => {
  it('counts nothing missing in the demo and each text written in one language but not another', () => {
    expect(countMissingTranslations(demo)).toEqual({ kk: 0, ru: 0, en: 0 });
    let draft = addCategory(demo, 'response', { ru: 'Частично удовлетворено' });
    draft = updateCategory(draft, 'response', 'cat1', {
      definition: { ru: 'Часть просьб выполнена', en: 'Partly' },
    });
    // The label lacks kk and en, the definition lacks kk; its empty examples count for nothing.
    expect(countMissingTranslations(draft)).toEqual({ kk: 2, ru: 0, en: 1 });
    expect(countMissingTranslations(deleteCategory(draft, 'response', 'cat1'))).toEqual({
      kk: 0,
      ru: 0,
      en: 0,
    });
  });
});
