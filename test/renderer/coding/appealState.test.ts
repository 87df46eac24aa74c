import { describe, expect, it } from 'vitest';
import {
  appealFlags,
  isAnswered,
  missingRequired,
  splitHits,
} from '../../../renderer/features/coding/appealState.ts';
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
  it('lists required variables without a category or text, in codebook order', () => {
    const rows = new Map([
      ['reason', coding('reason', { values: [] })], // looked at, left empty: still missing
      ['remark', coding('remark', { text: '   ' })], // blank text is no answer
    ]);
    expect(missingRequired(variables, rows).map((v) => v.id)).toEqual(['reason', 'region', 'remark']);
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
