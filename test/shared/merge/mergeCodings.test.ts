import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/model/codebookHash.ts';
import { codingKey, compareCodings, mergeCodings } from '../../../shared/merge/index.ts';
import type { Coding } from '../../../shared/model/index.ts';

// Few coders, appeals, variables and times, so that keys and timestamps collide often. A coding
// is an answer (an empty set is "none of these"), a text, or cleared (a tombstone).
const codingArb: fc.Arbitrary<Coding> = fc
  .record({
    projectId: fc.constant('p'),
    coderId: fc.constantFrom('c1', 'c2', 'c3'),
    appealId: fc.constantFrom('a1', 'a2', 'a3', 'a4'),
    variableId: fc.constantFrom('v1', 'v2'),
    values: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 }),
    text: fc.option(fc.constantFrom('t1', 't2'), { nil: undefined }),
    note: fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }),
    unsure: fc.boolean(),
    cleared: fc.option(fc.constant(true as const), { nil: undefined }),
    updatedAt: fc.constantFrom(
      '2026-01-01T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
    ),
    codebookVersion: fc.constant(1),
  })
  .map(({ text, note, cleared, ...c }): Coding => ({
    ...c,
    ...(cleared ? { values: [], cleared } : text ? { values: [], text } : {}),
    ...(note ? { note } : {}),
  }));

/** One step of a coder's work: an answer, a clearing, or an undo of the last step not undone. */
type Step =
  | { kind: 'answer'; appealId: string; variableId: string; values: string[] }
  | { kind: 'clear'; appealId: string; variableId: string }
  | { kind: 'undo' };
const keyArb = { appealId: fc.constantFrom('a1', 'a2'), variableId: fc.constantFrom('v1', 'v2') };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('answer' as const),
    ...keyArb,
    values: fc.uniqueArray(fc.constantFrom('x', 'y'), { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('clear' as const), ...keyArb }),
  fc.record({ kind: fc.constant('undo' as const) }),
);

/**
 * A coder's rows after each step of `steps`, as the coding screen writes them: every step a new
 * edit with a later time; clearing writes a tombstone; an undo writes the state before the step
 * it undoes again with the time now, or a tombstone when there was none.
 */
function history(coderId: string, steps: readonly Step[]): Coding[][] {
  type Ref = { appealId: string; variableId: string };
  const rows = new Map<string, Coding>();
  const done: { ref: Ref; before: Coding | undefined }[] = [];
  return steps.map((step, i) => {
    const updatedAt = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    const coding = (ref: Ref, values: string[], cleared = false): Coding => ({
      projectId: 'p',
      coderId,
      ...ref,
      values,
      unsure: false,
      ...(cleared ? { cleared } : {}),
      updatedAt,
      codebookVersion: 1,
    });
    const key = (ref: Ref) => codingKey({ coderId, ...ref });
    if (step.kind === 'undo') {
      const last = done.pop();
      if (last)
        rows.set(key(last.ref), last.before ? { ...last.before, updatedAt } : coding(last.ref, [], true));
    } else {
      const ref = { appealId: step.appealId, variableId: step.variableId };
      done.push({ ref, before: rows.get(key(ref)) });
      rows.set(key(ref), step.kind === 'answer' ? coding(ref, step.values) : coding(ref, [], true));
    }
    return [...rows.values()];
  });
}

/** Two coders' histories with undos, and the files they exported at some points of them. */
const historiesArb = fc
  .tuple(
    fc.array(stepArb, { minLength: 1, maxLength: 12 }),
    fc.array(stepArb, { minLength: 1, maxLength: 12 }),
  )
  .map(([a, b]) => [history('c1', a), history('c2', b)] as const);
const historyFileArb = historiesArb.chain(([a, b]) => fc.constantFrom(...a, ...b));
const fileArb = fc.oneof(fc.array(codingArb, { maxLength: 30 }), historyFileArb);
const PROPERTY = { numRuns: 300 };

describe('mergeCodings (property tests over random coder files)', () => {
  it('is idempotent: importing the same file again changes nothing', () => {
    fc.assert(
      fc.property(fileArb, fileArb, (a, b) => {
        const once = mergeCodings(a, b);
        expect(mergeCodings(once, b)).toEqual(once);
        expect(mergeCodings(once, once)).toEqual(once);
      }),
      PROPERTY,
    );
  });

  it('is commutative: the order of two imports does not matter', () => {
    fc.assert(
      fc.property(fileArb, fileArb, (a, b) => {
        expect(mergeCodings(a, b)).toEqual(mergeCodings(b, a));
      }),
      PROPERTY,
    );
  });

  it('is associative: grouping of imports does not matter', () => {
    fc.assert(
      fc.property(fileArb, fileArb, fileArb, (a, b, c) => {
        expect(mergeCodings(mergeCodings(a, b), c)).toEqual(mergeCodings(a, mergeCodings(b, c)));
      }),
      PROPERTY,
    );
  });

  it('drops no coding: every key survives with its latest edit, which is one of the inputs', () => {
    fc.assert(
      fc.property(fileArb, fileArb, (a, b) => {
        const merged = mergeCodings(a, b);
        const byKey = new Map(merged.map((c) => [codingKey(c), c]));
        expect(byKey.size).toBe(merged.length);
        expect(new Set(byKey.keys())).toEqual(new Set([...a, ...b].map(codingKey)));
        for (const input of [...a, ...b]) {
          const kept = byKey.get(codingKey(input))!;
          expect([...a, ...b]).toContain(kept);
          expect(compareCodings(kept, input)).toBeGreaterThanOrEqual(0);
        }
      }),
      PROPERTY,
    );
  });
});

describe("a coder's files exported along a history of edits, clearings and undos", () => {
  it('merge, in any order and any number of times, to the latest file of each coder', () => {
    fc.assert(
      fc.property(
        historiesArb,
        fc.array(fc.tuple(fc.boolean(), fc.nat()), { minLength: 1, maxLength: 8 }),
        ([a, b], picks) => {
          const files = picks.map(([first, at]) => (first ? a[at % a.length]! : b[at % b.length]!));
          const latest = (coder: Coding[][], first: boolean) => {
            const ats = picks.filter(([f]) => f === first).map(([, at]) => at % coder.length);
            return ats.length ? coder[Math.max(...ats)]! : [];
          };
          const merged = files.reduce<Coding[]>((all, file) => mergeCodings(all, file), []);
          expect(merged).toEqual(mergeCodings(latest(a, true), latest(b, false)));
        },
      ),
      PROPERTY,
    );
  });

  it('an undone first answer stays undone: its tombstone is later than the answer', () => {
    const [answered, undone] = history('c1', [
      { kind: 'answer', appealId: 'a1', variableId: 'v1', values: ['x'] },
      { kind: 'undo' },
    ]);
    expect(mergeCodings(undone!, answered!)).toEqual(undone);
    expect(undone).toMatchObject([{ values: [], cleared: true, updatedAt: '2026-01-01T00:00:01.000Z' }]);
  });
});

describe('compareCodings', () => {
  const base: Coding = {
    projectId: 'p',
    coderId: 'c',
    appealId: 'a',
    variableId: 'v',
    values: ['x'],
    unsure: false,
    updatedAt: '2026-01-01T10:00:00.000Z',
    codebookVersion: 1,
  };

  it('lets the later edit win, comparing instants rather than text', () => {
    const later = { ...base, values: ['y'], updatedAt: '2026-01-01T11:00:00.000+00:00' };
    const earlierInAnotherZone = { ...base, values: ['z'], updatedAt: '2026-01-01T12:30:00.000+03:00' };
    expect(mergeCodings([base], [later])).toEqual([later]);
    expect(mergeCodings([later], [earlierInAnotherZone])).toEqual([later]);
  });

  it('breaks a tie the same way whichever side it comes from', () => {
    const other = { ...base, values: ['y'] };
    expect(Math.sign(compareCodings(base, other))).toBe(-Math.sign(compareCodings(other, base)));
    expect(compareCodings(base, { ...base })).toBe(0);
  });

  it('orders a tie as the canonical JSON does, equal codings as equal whatever their key order', () => {
    const variants: Coding[] = [
      base,
      { ...base, values: ['y'] },
      { ...base, values: ['x', 'y'] },
      { ...base, values: ['y', 'x'] },
      { ...base, note: 'n' },
      { ...base, note: undefined },
      { ...base, text: 't' },
      { ...base, unsure: true },
      { ...base, cleared: true, values: [] },
      { ...base, codebookVersion: 2 },
      Object.fromEntries(Object.entries(base).reverse()) as unknown as Coding,
    ];
    for (const a of variants)
      for (const b of variants) {
        const [ca, cb] = [canonicalJson(a), canonicalJson(b)];
        expect(compareCodings(a, b)).toBe(ca < cb ? -1 : ca > cb ? 1 : 0);
      }
  });
});
