// The unresolved units come in appeal order (the appeals' order given, not their ids'), then in
// the order of the variables given, whatever order the values list them in.
import { describe, expect, it } from 'vitest';
import { finalAppealCounts } from '../../../shared/tables/finalAppealCounts.ts';
import type { SourceValues } from '../../../shared/tables/tableSource.ts';

describe('finalAppealCounts: the unresolved units in order', () => {
  it('sorts by the appeals’ order, then the variables’, leaving out others', () => {
    const appealIds = Array.from({ length: 300 }, (_, i) => `A-${(i * 7919) % 1000}`);
    const variableIds = ['region', 'reason', 'body'];
    const unresolved: SourceValues['unresolved'] = [];
    // A fixed shuffle: by id, variables reversed, with units of an unknown appeal and variable.
    for (const id of [...appealIds].sort())
      for (const variableId of ['other', ...variableIds].reverse())
        if ((id.length + variableId.length) % 3 !== 0) unresolved.push({ appealId: id, variableId });
    unresolved.push({ appealId: 'not an appeal', variableId: 'region' });
    const counts = finalAppealCounts({ byVariable: new Map(), ties: [], unresolved }, appealIds, variableIds);
    const place = (u: { appealId: string; variableId: string }) => [
      appealIds.indexOf(u.appealId),
      variableIds.indexOf(u.variableId),
    ];
    const expected = unresolved
      .filter((u) => variableIds.includes(u.variableId) && appealIds.includes(u.appealId))
      .sort((a, b) => place(a)[0]! - place(b)[0]! || place(a)[1]! - place(b)[1]!);
    expect(expected.length).toBeGreaterThan(300);
    expect(counts.unresolved).toEqual(expected);
    expect(counts.appeals.unresolved).toBe(new Set(expected.map((u) => u.appealId)).size);
  });
});
