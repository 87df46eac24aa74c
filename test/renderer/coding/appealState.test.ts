import { describe, expect, it } from 'vitest';
import {
  answeredVariables,
  appealFlags,
  isAnswered,
  isCoded,
  missingRequired,
  splitHits,
} from '../../../renderer/features/coding/appealState.ts';
import { noneRefusal } from '../../../renderer/features/coding/nextValues.ts';
import type { Coding, Variable } from '../../../shared/model/index.ts';

const coding = (variableId: string, change: Partial<Coding> = {}): Coding => ({
  projectId: 'p',
  coderId: 'c',
  appealId: 'a',
  variableId,
  values: [],
  unsure: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  codebookVersion: 1,
  ...change,
});
const variable = (id: string, kind: Variable['kind'], required: boolean): Variable => ({
  id,
  kind,
  required,
  label: { en: id },
  definition: {},
  categories: [],
});

describe('appealFlags', () => {
  it('reads the note and the flag from any row of the appeal', () => {
    expect(appealFlags([])).toEqual({ note: '', unsure: false });
    expect(appealFlags([coding('x'), coding('y', { note: 'check the date', unsure: true })])).toEqual({
      note: 'check the date',
      unsure: true,
    });
  });
});

describe('missingRequired', () => {
  const variables = [
    variable('reason', 'multi', true),
    variable('region', 'single', true),
    variable('remark', 'text', true),
    variable('tone', 'ordinal', false),
  ];
  it('lists required variables without an answer, in codebook order; a cleared row is none', () => {
    const rows = new Map([
      ['reason', coding('reason', { cleared: true })], // picked, then taken back
      ['remark', coding('remark', { cleared: true, note: 'see the date' })], // a note is no answer
    ]);
    expect(missingRequired(variables, rows).map((v) => v.id)).toEqual(['reason', 'region', 'remark']);
  });
  it('takes "none of these" (the empty set, not cleared) as an answer', () => {
    const rows = new Map([['reason', coding('reason', { values: [] })]]);
    expect(missingRequired(variables, rows).map((v) => v.id)).toEqual(['region', 'remark']);
  });
  it('is empty when every required variable is answered; optional ones do not count', () => {
    const rows = new Map([
      ['reason', coding('reason', { values: ['corruption'] })],
      ['region', coding('region', { values: ['almaty_city'] })],
      ['remark', coding('remark', { text: 'ok' })],
    ]);
    expect(missingRequired(variables, rows)).toEqual([]);
    expect(isAnswered(undefined)).toBe(false);
  });
});

describe('isCoded', () => {
  const variables = [variable('reason', 'multi', true), variable('tone', 'ordinal', false)];
  it('needs every required variable answered; an optional one alone is not enough', () => {
    expect(isCoded(variables, new Set(['reason']))).toBe(true);
    expect(isCoded(variables, new Set(['tone']))).toBe(false);
    expect(isCoded(variables, new Set())).toBe(false);
  });
  it('needs one answer when no variable is required', () => {
    const optional = variables.map((v) => ({ ...v, required: false }));
    expect(isCoded(optional, new Set(['tone']))).toBe(true);
    expect(isCoded(optional, new Set())).toBe(false);
  });
  it('counts only the answered rows of an appeal', () => {
    const rows = new Map([
      ['reason', coding('reason', { values: [] })],
      ['tone', coding('tone', { cleared: true, unsure: true })],
    ]);
    expect(answeredVariables(rows)).toEqual(new Set(['reason']));
  });
});

describe('noneRefusal', () => {
  const category = { code: 'x', value: 1, label: {}, definition: {}, examples: {}, retired: false };
  it('allows "none of these" on a multiple-choice variable with categories only', () => {
    expect(noneRefusal({ kind: 'multi', categories: [category] })).toBeNull();
    expect(noneRefusal({ kind: 'multi', categories: [] })).toBe('noCategories');
    expect(noneRefusal({ kind: 'multi', categories: [{ ...category, retired: true }] })).toBe('noCategories');
    expect(noneRefusal({ kind: 'single', categories: [category] })).toBe('notMulti');
    expect(noneRefusal({ kind: 'text', categories: [] })).toBe('notMulti');
  });
});

describe('splitHits', () => {
  it('splits around every case-insensitive hit, hits at odd positions', () => {
    expect(splitHits('Акимат ответил, акимат молчит', 'акимат')).toEqual([
      '',
      'Акимат',
      ' ответил, ',
      'акимат',
      ' молчит',
    ]);
    expect(splitHits('Әкімдік жауап берді', 'ӘКІМ')).toEqual(['', 'Әкім', 'дік жауап берді']);
  });
  it('leaves the text whole for an empty query or no hit', () => {
    expect(splitHits('text', '  ')).toEqual(['text']);
    expect(splitHits('text', 'zzz')).toEqual(['text']);
  });
});
