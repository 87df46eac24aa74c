// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { codingTables, coderSummaries, putCodings } from '../../../renderer/db/queries.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { clearedCoding } from '../../../shared/model/index.ts';
import { setUpRendererTests } from '../harness.tsx';
import { storedAnswers, storedCleared } from '../codingRows.ts';

setUpRendererTests('en');

describe('coderSummaries (the coders table)', () => {
  it('counts what every coding of each coder gives, cleared codings left out, with the latest edit (a clearing is one)', async () => {
    await openDemoProject();
    // One coder clears every variable of one appeal and edits another answer later than anything.
    const all = await storedAnswers();
    const [first] = all;
    const cleared = all
      .filter((c) => c.coderId === first!.coderId && c.appealId === first!.appealId)
      .map((c) => clearedCoding(c, '2027-01-01T00:00:00.000Z'));
    const later = all.find((c) => c.coderId !== first!.coderId)!;
    await db.transaction('rw', codingTables(), () =>
      putCodings([...cleared, { ...later, updatedAt: '2027-02-01T00:00:00.000Z' }]),
    );

    const codings = await storedAnswers();
    const tombstones = await storedCleared();
    const expected = [...new Set(codings.map((c) => c.coderId))].sort().map((id) => {
      const own = codings.filter((c) => c.coderId === id);
      return {
        id,
        codings: own.length,
        appeals: new Set(own.map((c) => c.appealId)).size,
        // The latest edit, a clearing included (a clearing is an edit).
        lastEdit: [...own, ...tombstones.filter((c) => c.coderId === id)]
          .map((c) => c.updatedAt)
          .sort()
          .at(-1),
      };
    });
    const summaries = (await coderSummaries(DEMO_PROJECT_ID)).sort((a, b) => a.id.localeCompare(b.id));
    expect(summaries).toEqual(expected);
    expect(summaries.find((s) => s.id === later.coderId)!.lastEdit).toBe('2027-02-01T00:00:00.000Z');
    expect(summaries.find((s) => s.id === first!.coderId)!.lastEdit).toBe('2027-01-01T00:00:00.000Z');
    expect(cleared.length).toBeGreaterThan(1);
  });
});
