import { describe, expect, it } from 'vitest';
import { isOpen, type QueueItem } from '../../../renderer/features/adjudication/adjudicationQueue.ts';
import {
  REVIEW,
  SETTLED,
  type QueuePage,
} from '../../../renderer/features/adjudication/adjudicationSource.ts';
import {
  emptyQueue,
  entries,
  entryOfItem,
  isOpenAt,
  viewIndexOf,
  withDecision,
  withFilter,
  withPage,
  type QueueFilter,
  type QueueState,
} from '../../../renderer/features/adjudication/queueState.ts';
import type { Consensus } from '../../../shared/model/index.ts';

const PROJECT = 'p';
const settledAs = (appealId: string, variableId: string): Consensus => ({
  projectId: PROJECT,
  appealId,
  variableId,
  values: ['a'],
  method: 'adjudicated',
  by: 'me',
  at: '2026-01-01T00:00:00.000Z',
});
const VARIABLES = ['v1', 'v2', 'v3'];
const PAIRS = ['a | b', 'a | c', 'b | c'];
// 300 items over 3 variables and 3 pairs; every 7th settled, every 11th settled and flagged.
const items: QueueItem[] = Array.from({ length: 300 }, (_, n) => {
  const appealId = `a-${String(Math.floor(n / 3)).padStart(3, '0')}`;
  const variableId = VARIABLES[n % 3]!;
  return {
    appealId,
    variableId,
    settled: n % 7 === 0 || n % 11 === 0 ? settledAs(appealId, variableId) : undefined,
    review:
      n % 11 === 0
        ? { projectId: PROJECT, appealId, variableId, coderId: 'c', before: [], after: [], flaggedAt: '' }
        : undefined,
    pair: PAIRS[(n % 5) % 3]!,
  };
});
/** The items as the worker sends them: columns, in pages of `size`, the head with the first. */
const pages = (size: number): QueuePage[] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => {
    const slice = items.slice(i * size, (i + 1) * size);
    return {
      from: i * size,
      ...(i === 0
        ? {
            head: {
              total: items.length,
              open: items.filter(isOpen).length,
              agreed: 12,
              variables: VARIABLES,
              pairs: PAIRS,
              variablePairs: [['v1', ['a | b']]],
              coders: ['c'],
            },
          }
        : {}),
      appeals: slice.map((item) => item.appealId),
      variable: Uint16Array.from(slice, (item) => VARIABLES.indexOf(item.variableId)),
      pair: Uint32Array.from(slice, (item) => PAIRS.indexOf(item.pair)),
      flags: Uint8Array.from(slice, (item) => (item.settled ? SETTLED : 0) | (item.review ? REVIEW : 0)),
    };
  });

/** The view counted from scratch over the entries: what the screen used to filter on every change. */
const expectedView = (state: QueueState, filter: QueueFilter) =>
  entries(state).flatMap((item) =>
    (!filter.variableId || item.variableId === filter.variableId) &&
    (!filter.pair || item.pair === filter.pair) &&
    (filter.showSettled || !item.settled || item.review)
      ? [item.at]
      : [],
  );
const openCount = (state: QueueState) => entries(state).filter((item) => isOpenAt(state, item.at)).length;

describe('the adjudication queue on the screen (queueState)', () => {
  const filters: QueueFilter[] = [
    { variableId: '', pair: '', showSettled: false },
    { variableId: 'v2', pair: '', showSettled: false },
    { variableId: 'v1', pair: 'a | c', showSettled: true },
    { variableId: '', pair: 'b | c', showSettled: true },
    { variableId: 'v9', pair: '', showSettled: true },
  ];

  it.each(filters)('keeps the view and the open count as counting anew gives (%o)', (filter) => {
    let state = withFilter(emptyQueue(PROJECT), filter);
    for (const page of pages(64)) {
      state = withPage(state, page);
      // Each page's view is the view of what is in so far.
      expect([...state.view]).toEqual(expectedView(state, filter));
    }
    expect(state.length).toBe(items.length);
    expect(entries(state)).toEqual(items.map(entryOfItem));
    expect(state.agreed).toBe(12);
    expect(state.open).toBe(items.filter(isOpen).length);
    expect(state.variablePairs.get('v1')).toEqual(['a | b']);

    // Decisions on open, settled and flagged items, on one decided twice, and out of range.
    for (const n of [0, 1, 22, 33, 298, 5, 1]) {
      const before = state;
      state = withDecision(state, n);
      expect(entries(state)[n]).toMatchObject({ settled: true, review: false });
      expect([...state.view]).toEqual(expectedView(state, filter));
      expect(state.open).toBe(openCount(state));
      // Only the decided item changed; the state it came from is as it was.
      expect(
        entries(state)
          .filter(
            (entry, i) =>
              entries(before)[i]!.settled !== entry.settled || entries(before)[i]!.review !== entry.review,
          )
          .map((e) => e.at),
      ).toEqual(entries(before)[n]!.settled && !entries(before)[n]!.review ? [] : [n]);
    }
    expect(withDecision(state, 300)).toBe(state);
    expect(withDecision(state, -1)).toBe(state);
    // Another filter afterwards counts over the decided queue.
    const other = withFilter(state, filters[0]!);
    expect([...other.view]).toEqual(expectedView(other, filters[0]!));
  });

  it('reads a page again to the same state, and a first page starts the queue anew', () => {
    const [first, second] = pages(200);
    const once = withPage(withPage(emptyQueue(PROJECT), first!), second!);
    const twice = withPage(withPage(withPage(emptyQueue(PROJECT), first!), second!), second!);
    expect(entries(twice)).toEqual(entries(once));
    expect([...twice.view]).toEqual([...once.view]);
    const again = withPage(withDecision(once, 1), first!);
    expect(again.length).toBe(200);
    expect(again.open).toBe(items.filter(isOpen).length);
  });

  it('finds a position in the view by bisection, or -1', () => {
    const view = [2, 3, 5, 8, 13, 21];
    expect(view.map((at) => viewIndexOf(view, at))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 4, 22].map((at) => viewIndexOf(view, at))).toEqual([-1, -1, -1]);
    expect(viewIndexOf([], 1)).toBe(-1);
  });
});
