import { describe, expect, it } from 'vitest';
import { answerKey, codingUnits, unitAgrees } from '../../../shared/consensus/codingUnits.ts';
import type { Coding } from '../../../shared/model/index.ts';

function coding(
  coderId: string,
  appealId: string,
  variableId: string,
  values: string[],
  text?: string,
): Coding {
  return {
    projectId: 'p',
    coderId,
    appealId,
    variableId,
    values,
    ...(text !== undefined ? { text } : {}),
    unsure: false,
    updatedAt: '2019-08-01T00:00:00.000Z',
    codebookVersion: 1,
  };
}

describe('codingUnits', () => {
  const codings = [
    coding('aigerim', 'a2', 'region', ['almaty_city']),
    coding('boris', 'a1', 'region', ['astana_city']),
    coding('aigerim', 'a1', 'reason', ['corruption']),
    coding('aigerim', 'a1', 'region', ['astana_city']),
    coding('boris', 'a1', 'reason', ['red_tape']),
    coding('boris', 'a3', 'region', ['akmola']),
  ];

  it('groups codings by appeal and variable, keeping units coded by two or more coders', () => {
    const units = codingUnits(codings);
    expect(units.map((u) => [u.appealId, u.variableId, u.codings.map((c) => c.coderId)])).toEqual([
      ['a1', 'reason', ['aigerim', 'boris']],
      ['a1', 'region', ['boris', 'aigerim']],
    ]);
  });

  it('keeps single-coder units when minCoders is 1, sorted by appeal then variable', () => {
    const units = codingUnits(codings, 1);
    expect(units.map((u) => `${u.appealId}/${u.variableId}`)).toEqual([
      'a1/reason',
      'a1/region',
      'a2/region',
      'a3/region',
    ]);
  });

  it('drops every unit when minCoders exceeds the coders', () => {
    expect(codingUnits(codings, 3)).toEqual([]);
  });

  it('does not mix an appeal id that contains the other id as a prefix', () => {
    // "a1" + "0region" and "a10" + "region" would collide if the key were a plain concatenation.
    const units = codingUnits([coding('x', 'a1', '0region', ['v']), coding('y', 'a10', 'region', ['v'])], 1);
    expect(units).toHaveLength(2);
  });

  it('returns no units for no codings', () => {
    expect(codingUnits([])).toEqual([]);
  });
});

describe('unitAgrees', () => {
  const unit = (...codings: Coding[]) => ({ appealId: 'a1', variableId: 'v', codings });

  it('agrees when every coder gave the same single value', () => {
    expect(
      unitAgrees(
        unit(coding('a', 'a1', 'v', ['x']), coding('b', 'a1', 'v', ['x']), coding('c', 'a1', 'v', ['x'])),
      ),
    ).toBe(true);
  });

  it('disagrees when one of three coders differs', () => {
    expect(
      unitAgrees(
        unit(coding('a', 'a1', 'v', ['x']), coding('b', 'a1', 'v', ['x']), coding('c', 'a1', 'v', ['y'])),
      ),
    ).toBe(false);
  });

  it('ignores the order in which a multiple-choice answer was picked', () => {
    expect(unitAgrees(unit(coding('a', 'a1', 'v', ['x', 'y']), coding('b', 'a1', 'v', ['y', 'x'])))).toBe(
      true,
    );
  });

  it('tells a subset from the full set', () => {
    expect(unitAgrees(unit(coding('a', 'a1', 'v', ['x', 'y']), coding('b', 'a1', 'v', ['x'])))).toBe(false);
  });

  it('agrees on two "none of these" answers (the empty set)', () => {
    expect(unitAgrees(unit(coding('a', 'a1', 'v', []), coding('b', 'a1', 'v', [])))).toBe(true);
  });

  it('"none of these" against a category is a disagreement, for the adjudication queue; a cleared coding is none', () => {
    const none = coding('a', 'a1', 'v', []);
    const picked = coding('b', 'a1', 'v', ['x']);
    const [both] = codingUnits([none, picked]);
    expect(both!.codings).toEqual([none, picked]);
    expect(unitAgrees(both!)).toBe(false);
    // Coder a cleared the answer instead: only b coded the unit, which has nothing to settle.
    expect(codingUnits([{ ...none, cleared: true }, picked])).toEqual([]);
  });

  it('compares text answers after trimming', () => {
    expect(
      unitAgrees(unit(coding('a', 'a1', 'note', [], ' bribe '), coding('b', 'a1', 'note', [], 'bribe'))),
    ).toBe(true);
    expect(
      unitAgrees(unit(coding('a', 'a1', 'note', [], 'bribe'), coding('b', 'a1', 'note', [], 'Bribe'))),
    ).toBe(false);
  });

  it('does not take an empty text for an empty choice', () => {
    expect(unitAgrees(unit(coding('a', 'a1', 'v', [], ''), coding('b', 'a1', 'v', [])))).toBe(false);
  });

  it('is false for a unit without codings', () => {
    expect(unitAgrees(unit())).toBe(false);
  });
});

describe('answerKey', () => {
  it("does not sort the coder's own array in place", () => {
    const values = ['y', 'x'];
    answerKey({ values });
    expect(values).toEqual(['y', 'x']);
  });

  it('keeps codes apart that would join into the same text', () => {
    // ['a,b'] and ['a', 'b'] are different answers.
    expect(answerKey({ values: ['a,b'] })).not.toBe(answerKey({ values: ['a', 'b'] }));
  });
});
