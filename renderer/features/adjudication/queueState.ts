import type { Consensus } from '../../../shared/model/index.ts';
import type { QueueChunk } from './adjudicationSource.ts';
import { isOpen, unitKey, type QueueItem } from './adjudicationQueue.ts';

/** What the supervisor narrows the queue to. */
export interface QueueFilter {
  /** A variable id, or '' for every variable. */
  variableId: string;
  /** An answer pair ("a | b"), or '' for every pair. */
  pair: string;
  /** Settled items are listed too. */
  showSettled: boolean;
}

export const NO_FILTER: QueueFilter = { variableId: '', pair: '', showSettled: false };

/**
 * The adjudication queue on the screen, kept so that a change costs what it changes: the items
 * in queue order, an index from unit key to position, the open count, and the filtered view (the
 * positions of the items the filter lets through, ascending). A decision changes one item, the
 * count and at most one place in the view; only a new filter goes over the whole queue.
 */
export interface QueueState {
  projectId: string;
  items: readonly QueueItem[];
  /** Unit key → position in `items`: positions never change, items are only added at the end. */
  positions: ReadonlyMap<string, number>;
  /** How many items the whole queue has (known from the first chunk). */
  total: number;
  open: number;
  agreed: number;
  /** Variable id → its items' distinct answer pairs, sorted. */
  pairs: ReadonlyMap<string, readonly string[]>;
  filter: QueueFilter;
  /** Positions in `items` of the items `filter` lets through, ascending. */
  view: readonly number[];
  /** Every chunk is in. */
  complete: boolean;
}

export function emptyQueue(projectId: string): QueueState {
  return {
    projectId,
    items: [],
    positions: new Map(),
    total: 0,
    open: 0,
    agreed: 0,
    pairs: new Map(),
    filter: NO_FILTER,
    view: [],
    complete: false,
  };
}

export const passes = (item: QueueItem, filter: QueueFilter) =>
  (!filter.variableId || item.variableId === filter.variableId) &&
  (!filter.pair || item.pair === filter.pair) &&
  (filter.showSettled || isOpen(item));

/**
 * The next chunk from the worker, added at the end. The positions map is extended in place (an
 * update run twice on the same state writes the same positions), so a chunk costs its own length.
 */
export function withChunk(state: QueueState, chunk: QueueChunk): QueueState {
  const positions = state.positions as Map<string, number>;
  const view = state.view.slice();
  chunk.items.forEach((item, i) => {
    const at = state.items.length + i;
    positions.set(unitKey(item), at);
    if (passes(item, state.filter)) view.push(at);
  });
  const first = state.items.length === 0;
  return {
    ...state,
    items: state.items.concat(chunk.items),
    total: chunk.total,
    // The counts come with the first chunk; a decision made before a later one is kept.
    open: first ? chunk.open : state.open,
    agreed: state.agreed + chunk.agreed,
    pairs: first ? new Map(chunk.pairs) : state.pairs,
    view,
  };
}

/** Where `at` is in the ascending `view`, or -1. */
export function viewIndexOf(view: readonly number[], at: number): number {
  let low = 0;
  let high = view.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = view[middle]!;
    if (value === at) return middle;
    if (value < at) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** A decision: its item settled and no longer flagged, the open count and the view brought along. */
export function withDecision(state: QueueState, consensus: Consensus): QueueState {
  const at = state.positions.get(unitKey(consensus));
  if (at === undefined) return state;
  const before = state.items[at]!;
  const after: QueueItem = { ...before, settled: consensus, review: undefined };
  const items = state.items.slice();
  items[at] = after;
  const open = state.open - (isOpen(before) ? 1 : 0) + (isOpen(after) ? 1 : 0);
  // A settled item is never open: it can only leave the view (when settled ones are not shown).
  const leaves = passes(before, state.filter) && !passes(after, state.filter);
  const view = leaves ? state.view.toSpliced(viewIndexOf(state.view, at), 1) : state.view;
  return { ...state, items, open, view };
}

/** Another filter: the one step that goes over every item. */
export function withFilter(state: QueueState, filter: QueueFilter): QueueState {
  const view: number[] = [];
  state.items.forEach((item, at) => {
    if (passes(item, filter)) view.push(at);
  });
  return { ...state, filter, view };
}
