import { describe, expect, it } from 'vitest';
import {
  isOpen,
  unitKey,
  type QueueItem,
} from '../../../renderer/features/adjudication/adjudicationQueue.ts';
import type { QueueChunk } from '../../../renderer/features/adjudication/adjudicationSource.ts';
import {
  emptyQueue,
  viewIndexOf,
  withChunk,
  withDecision,
  withFilter,
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
// 300 items over 3 variables and 3 pairs; every 7th settled, every 11th settled and flagged.
const items: QueueItem[] = Array.from({ length: 300 }, (_, n) => {
  const appealId = `a-${String(Math.floor(n / 3)).padStart(3, '0')}`;
  const variableId = ['v1', 'v2', 'v3'][n % 3]!;
  return {
    appealId,
    variableId,
    settled: n % 7 === 0 || n % 11 === 0 ? settledAs(appealId, variableId) : undefined,
    review:
      n % 11 === 0
        ? { projectId: PROJECT, appealId, variableId, coderId: 'c', before: [], after: [], flaggedAt: '' }
        : undefined,
    pair: ['a | b', 'a | c', 'b | c'][(n % 5) % 3]!,
  };
});
const chunks = (size: number): QueueChunk[] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    agreed: i === 0 ? 12 : 0,
    total: items.length,
    open: items.filter(isOpen).length,
    pairs: i === 0 ? [['v1', ['a | b']]] : [],
  }));

/** The view counted from scratch: what the screen used to filter on every change. */
const expectedView = (state: QueueState, filter: QueueFilter) =>
  state.items.flatMap((item, at) =>
    (!filter.variableId || item.variableId === filter.variableId) &&
    (!filter.pair || item.pair === filter.pair) &&
    (filter.showSettled || isOpen(item))
      ? [at]
      : [],
  );

describe('the adjudication queue on the screen (queueState)', () => {
  const filters: QueueFilter[] = [
    { variableId: '', pair: '', showSettled: false },
    { variableId: 'v2', pair: '', showSettled: false },
    { variableId: 'v1', pair: 'a | c', showSettled: true },
    { variableId: '', pair: 'b | c', showSettled: true },
  ];

  it.each(filters)('keeps the view, the index and the open count as counting anew gives (%o)', (filter) => {
    let state = withFilter(emptyQueue(PROJECT), filter);
    for (const chunk of chunks(64)) state = withChunk(state, chunk);
    expect(state.items).toEqual(items);
    expect(state.agreed).toBe(12);
    expect(state.view).toEqual(expectedView(state, filter));
    for (const [at, item] of items.entries()) expect(state.positions.get(unitKey(item))).toBe(at);

    // Decisions on open, settled and flagged items, and on a unit not in the queue.
    for (const n of [0, 1, 22, 33, 298, 5, 1]) {
      const before = state;
      state = withDecision(state, settledAs(items[n]!.appealId, items[n]!.variableId));
      expect(state.items[n]!.settled).toBeDefined();
      expect(state.items[n]!.review).toBeUndefined();
      expect(state.view).toEqual(expectedView(state, filter));
      expect(state.open).toBe(state.items.filter(isOpen).length);
      // Only the decided item is new; the others are the same objects.
      expect(state.items.filter((item, i) => item !== before.items[i])).toHaveLength(
        before.items[n] === state.items[n] ? 0 : 1,
      );
    }
    expect(withDecision(state, settledAs('elsewhere', 'v1'))).toBe(state);
    // Another filter afterwards counts over the decided queue.
    const other = withFilter(state, filters[0]!);
    expect(other.view).toEqual(expectedView(other, filters[0]!));
  });

  it('finds a position in the view by bisection, or -1', () => {
    const view = [2, 3, 5, 8, 13, 21];
    expect(view.map((at) => viewIndexOf(view, at))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 4, 22].map((at) => viewIndexOf(view, at))).toEqual([-1, -1, -1]);
    expect(viewIndexOf([], 1)).toBe(-1);
  });
});
