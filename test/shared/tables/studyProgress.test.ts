import { describe, expect, it } from 'vitest';
import type { Coding, Consensus } from '../../../shared/model/index.ts';
import { studyProgress } from '../../../shared/tables/studyProgress.ts';

const coding = (coderId: string, appealId: string, variableId: string, values: string[]): Coding => ({
  projectId: 'p',
  coderId,
  appealId,
  variableId,
  values,
  unsure: false,
  updatedAt: '2024-01-01T00:00:00Z',
  codebookVersion: 1,
});

const settled = (appealId: string, variableId: string, values: string[]): Consensus => ({
  projectId: 'p',
  appealId,
  variableId,
  values,
  method: 'adjudicated',
  by: 'sup',
  at: '2024-01-02T00:00:00Z',
});

describe('studyProgress', () => {
  const codings = [
    coding('ann', 'A1', 'region', ['almaty']),
    coding('bob', 'A1', 'region', ['almaty']),
    coding('ann', 'A2', 'region', ['astana']),
    coding('bob', 'A2', 'region', ['shymkent']),
    coding('ann', 'A2', 'reason', ['bribe']),
    coding('bob', 'A2', 'reason', ['court']),
    coding('ann', 'A3', 'region', ['almaty']),
  ];

  it('counts coders, double-coded appeals and the disagreements no consensus settles', () => {
    expect(studyProgress(codings, [])).toEqual({
      coders: 2,
      doubleCoded: 2,
      disagreements: 2,
      unresolvedAppeals: 1,
      finalAppeals: 2,
    });
  });

  it('an adjudicated unit is no longer a disagreement; the appeal is final once all its units are', () => {
    const one = studyProgress(codings, [settled('A2', 'region', ['astana'])]);
    expect(one).toMatchObject({ disagreements: 1, unresolvedAppeals: 1, finalAppeals: 2 });
    const both = studyProgress(codings, [
      settled('A2', 'region', ['astana']),
      settled('A2', 'reason', ['court']),
    ]);
    expect(both).toMatchObject({ disagreements: 0, unresolvedAppeals: 0, finalAppeals: 3 });
  });

  it('a cleared coding is not an answer: the coder who cleared does not double-code the appeal', () => {
    const cleared: Coding = { ...coding('bob', 'A3', 'region', []), cleared: true };
    expect(studyProgress([...codings, cleared], [])).toMatchObject({ doubleCoded: 2, disagreements: 2 });
  });
});
