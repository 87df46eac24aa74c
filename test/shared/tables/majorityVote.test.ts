import { describe, expect, it } from 'vitest';
import type { Coding, Consensus } from '../../../shared/model/index.ts';
import { majorityVote } from '../../../shared/tables/majorityVote.ts';
import { finalStatusCounts, parseTableSource, sourceValues } from '../../../shared/tables/tableSource.ts';

describe('majorityVote', () => {
  it('takes the value most coders chose and reports a tie', () => {
    expect(majorityVote([['a'], ['a'], ['b']], false)).toEqual({ values: ['a'], tied: [] });
    expect(majorityVote([['a'], ['b']], false)).toEqual({ values: [], tied: ['a', 'b'] });
    expect(majorityVote([['a'], ['b'], ['c'], ['a']], false)).toEqual({ values: ['a'], tied: [] });
    // Two coders left it empty, one chose a: "left empty" wins.
    expect(majorityVote([[], [], ['a']], false)).toEqual({ values: [], tied: [] });
    expect(majorityVote([], false)).toEqual({ values: [], tied: [] });
  });

  it('decides each category of a multiple choice on its own, ties at exactly half', () => {
    // 4 coders: x chosen by 3 (> 2: kept), y by 2 (= half: tied), z by 1 (dropped).
    expect(majorityVote([['x', 'y'], ['x', 'y'], ['x'], ['z']], true)).toEqual({
      values: ['x'],
      tied: ['y'],
    });
  });
});

const coding = (coderId: string, appealId: string, values: string[], note?: string): Coding => ({
  projectId: 'p',
  coderId,
  appealId,
  variableId: 'v',
  values,
  unsure: false,
  updatedAt: '2026-01-01T00:00:00Z',
  codebookVersion: 1,
  ...(note ? { note } : {}),
});

describe('sourceValues', () => {
  const codings = [
    coding('ann', 'A1', ['x'], 'sure'),
    coding('bob', 'A1', ['x']),
    coding('cat', 'A1', ['y']),
    coding('ann', 'A2', ['x']),
    coding('bob', 'A2', ['y']),
  ];
  const consensus: Consensus[] = [
    {
      projectId: 'p',
      appealId: 'A2',
      variableId: 'v',
      values: ['y'],
      method: 'adjudicated',
      by: 'sup',
      at: 't',
    },
  ];

  it('reads consensus, one coder, or the majority, which takes the adjudicated value of a tie', () => {
    const data = { codings, consensus };
    expect([...sourceValues({ kind: 'consensus' }, data).byVariable.get('v')!]).toEqual([
      ['A2', { values: ['y'] }],
    ]);
    expect(sourceValues({ kind: 'coder', coderId: 'ann' }, data).byVariable.get('v')!.get('A1')).toEqual({
      values: ['x'],
      note: 'sure',
    });
    const majority = sourceValues({ kind: 'majority' }, data);
    expect(majority.byVariable.get('v')!.get('A1')).toEqual({ values: ['x'] });
    expect(majority.byVariable.get('v')!.get('A2')).toEqual({ values: ['y'] });
    expect(majority.ties).toEqual([]);
    const unsettled = sourceValues({ kind: 'majority' }, { codings, consensus: [] });
    expect(unsettled.byVariable.get('v')!.get('A2')).toEqual({ values: [] });
    expect(unsettled.ties).toEqual([{ appealId: 'A2', variableId: 'v', tied: ['x', 'y'] }]);
  });

  it('gives the final dataset: consensus, else the answer every coder gave, else unresolved', () => {
    const data = {
      codings: [
        ...codings,
        coding('ann', 'A3', ['x']),
        coding('bob', 'A4', ['x']),
        coding('cat', 'A4', ['y']),
        coding('ann', 'A5', ['y']),
        coding('bob', 'A5', ['y']),
        // Cleared codings are not answers: A6 is single-coded, A7 coded by nobody.
        coding('ann', 'A6', ['x']),
        { ...coding('bob', 'A6', []), cleared: true as const },
        { ...coding('bob', 'A7', []), cleared: true as const },
      ],
      consensus,
    };
    const final = sourceValues({ kind: 'final' }, data);
    expect(Object.fromEntries(final.byVariable.get('v')!)).toEqual({
      A2: { values: ['y'], status: 'adjudicated' },
      A3: { values: ['x'], status: 'single' },
      A5: { values: ['y'], status: 'agreed' },
      A6: { values: ['x'], status: 'single' },
    });
    // A1 (x, x, y) and A4 (x, y) disagree and are not settled.
    expect(final.unresolved).toEqual([
      { appealId: 'A1', variableId: 'v' },
      { appealId: 'A4', variableId: 'v' },
    ]);
    expect(finalStatusCounts(final)).toEqual({ single: 2, agreed: 1, adjudicated: 1, unresolved: 2 });
  });

  it('decides a multiple-choice variable category by category when the codebook says it is one', () => {
    const multi = [
      { ...coding('ann', 'A1', ['x', 'y']), variableId: 'm' },
      { ...coding('bob', 'A1', ['x']), variableId: 'm' },
      { ...coding('cat', 'A1', ['x', 'y']), variableId: 'm' },
    ];
    // x: 3 of 3, y: 2 of 3 — both kept. Read as single choice, ['x','y'] would be one vote for "x".
    const data = { codings: multi, consensus: [] };
    expect(
      sourceValues({ kind: 'majority' }, data, [{ id: 'm', kind: 'multi' }])
        .byVariable.get('m')!
        .get('A1'),
    ).toEqual({
      values: ['x', 'y'],
    });
    expect(sourceValues({ kind: 'majority' }, data).byVariable.get('m')!.get('A1')).toEqual({
      values: ['x'],
    });
  });

  it('parses the source names of the CLI', () => {
    expect(parseTableSource('final')).toEqual({ kind: 'final' });
    expect(parseTableSource('consensus')).toEqual({ kind: 'consensus' });
    expect(parseTableSource('coder:ann')).toEqual({ kind: 'coder', coderId: 'ann' });
    expect(parseTableSource('coder:')).toBeNull();
    expect(parseTableSource('everyone')).toBeNull();
  });
});
