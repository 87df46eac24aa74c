import { describe, expect, it } from 'vitest';
import {
  alphaDrift,
  coderDrift,
  isoWeek,
  MIN_PERIOD_UNITS,
  wilsonInterval,
} from '../../../shared/agreement/drift.ts';
import type { Coding, Consensus, Variable } from '../../../shared/model/index.ts';

const variable: Variable = {
  id: 'v',
  kind: 'single',
  required: true,
  label: { en: 'V' },
  definition: {},
  categories: ['a', 'b', 'c'].map((code, i) => ({
    code,
    value: i + 1,
    label: { en: code },
    definition: {},
    examples: {},
    retired: false,
  })),
};

const coding = (coderId: string, appealId: string, value: string, updatedAt: string): Coding => ({
  projectId: 'p',
  coderId,
  appealId,
  variableId: 'v',
  values: [value],
  unsure: false,
  updatedAt,
  codebookVersion: 1,
});

/** Two coders, 20 appeals a week for three weeks (Mondays of 2019-W36, W37, W38); B errs on half of week 3. */
function study() {
  const codings: Coding[] = [];
  const consensus: Consensus[] = [];
  ['2019-09-02', '2019-09-09', '2019-09-16'].forEach((monday, week) => {
    for (let i = 0; i < 20; i++) {
      const appealId = `A${week}-${i}`;
      const truth = 'abc'[i % 3]!;
      const wrong = 'abc'[(i + 1) % 3]!;
      codings.push(coding('ann', appealId, truth, `${monday}T09:00:00Z`));
      codings.push(coding('bob', appealId, week === 2 && i % 2 ? wrong : truth, `${monday}T15:00:00Z`));
      if (week === 2)
        consensus.push({
          projectId: 'p',
          appealId,
          variableId: 'v',
          values: [truth],
          method: 'adjudicated',
          by: 's',
          at: 't',
        });
    }
  });
  return { codings, consensus };
}

describe('isoWeek', () => {
  it('gives the ISO 8601 week of the year of its Thursday', () => {
    expect(isoWeek('2019-09-05T10:00:00Z')).toBe('2019-W36');
    expect(isoWeek('2019-12-30T10:00:00Z')).toBe('2020-W01');
    expect(isoWeek('2021-01-03T10:00:00Z')).toBe('2020-W53');
    expect(isoWeek('2026-12-01T10:00:00Z')).toBe('2026-W49');
  });
});

describe('alphaDrift', () => {
  it('computes α per week over the units completed that week, with a bootstrap interval', () => {
    const points = alphaDrift(study().codings, variable, 'week');
    expect(points.map((p) => p.period)).toEqual(['2019-W36', '2019-W37', '2019-W38']);
    expect(points.map((p) => p.n)).toEqual([20, 20, 20]);
    expect(points[0]!.value).toBe(1);
    expect(points[2]!.value!).toBeLessThan(0.5);
    expect(points[2]!.ci![0]).toBeLessThanOrEqual(points[2]!.value!);
  });

  it('leaves out a period with too few pairable units and says why', () => {
    const few = study().codings.filter(
      (c) => !c.appealId.startsWith('A1-') || Number(c.appealId.slice(3)) < MIN_PERIOD_UNITS - 1,
    );
    expect(alphaDrift(few, variable, 'week')[1]).toEqual({
      period: '2019-W37',
      n: MIN_PERIOD_UNITS - 1,
      value: null,
      ci: null,
      reason: 'too-few-units',
    });
  });

  it('cuts the order of work into blocks of each coder’s codings', () => {
    expect(alphaDrift(study().codings, variable, 'order').map((p) => [p.period, p.n])).toEqual([
      ['1', 50],
      ['2', 10],
    ]);
  });
});

describe('coderDrift', () => {
  it('compares a coder with the consensus where settled, else with the other coders, and flags a drop', () => {
    const { codings, consensus } = study();
    const [ann, bob] = coderDrift(codings, consensus, variable, 'week');
    expect(ann!.points.map((p) => p.value)).toEqual([1, 1, 1]);
    expect(ann!.drifting).toBe(false);
    expect(bob!.points.map((p) => p.value)).toEqual([1, 1, 0.5]);
    expect(bob!.points[2]!.ci).toEqual(wilsonInterval(10, 20));
    expect(bob!.drifting).toBe(true);
  });
});

describe('wilsonInterval', () => {
  it('follows Wilson (1927): 10 of 20 → centre .5, half-width z/(1 + z²/n)·√(p(1 − p)/n + z²/4n²) = .2007', () => {
    const [low, high] = wilsonInterval(10, 20);
    expect(low).toBeCloseTo(0.2993, 4);
    expect(high).toBeCloseTo(0.7007, 4);
  });
});
