import type { QueueItem } from './adjudicationQueue.ts';
import { openFlags, REVIEW, SETTLED, type QueuePage } from './adjudicationSource.ts';

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
 * The adjudication queue on the screen, as columns (an item is its position): the appeal, an
 * index into `variables`, an index into `pairs` and the flags (`SETTLED`, `REVIEW`), so that the
 * UI thread holds a few arrays, not an object per item. Pages fill the columns in order (they
 * are sized for the whole queue from the first); positions never change. The filtered view is
 * the positions the filter lets through, ascending. A decision changes one item's flags, the
 * count and at most one place in the view.
 */
export interface QueueState {
  projectId: string;
  /** How many items the whole queue has (known from the first page). */
  total: number;
  /** How many are in (the first `length` positions). */
  length: number;
  open: number;
  agreed: number;
  variables: readonly string[];
  pairs: readonly string[];
  /** Variable id → its items' distinct answer pairs, sorted. */
  variablePairs: ReadonlyMap<string, readonly string[]>;
  /** Every coder with an answer in the project, in code-unit order. */
  coders: readonly string[];
  appeals: readonly string[];
  variable: Uint16Array;
  pair: Uint32Array;
  flags: Uint8Array;
  filter: QueueFilter;
  /** Positions of the items `filter` lets through, ascending. */
  view: Int32Array;
  /** Every page is in. */
  complete: boolean;
}

/** One item of the queue, read off the columns. */
export interface QueueEntry {
  at: number;
  appealId: string;
  variableId: string;
  pair: string;
  settled: boolean;
  review: boolean;
}

export function emptyQueue(projectId: string): QueueState {
  return {
    projectId,
    total: 0,
    length: 0,
    open: 0,
    agreed: 0,
    variables: [],
    pairs: [],
    variablePairs: new Map(),
    coders: [],
    appeals: [],
    variable: new Uint16Array(0),
    pair: new Uint32Array(0),
    flags: new Uint8Array(0),
    filter: NO_FILTER,
    view: new Int32Array(0),
    complete: false,
  };
}

export const entryAt = (state: QueueState, at: number): QueueEntry => ({
  at,
  appealId: state.appeals[at]!,
  variableId: state.variables[state.variable[at]!]!,
  pair: state.pairs[state.pair[at]!]!,
  settled: !!(state.flags[at]! & SETTLED),
  review: !!(state.flags[at]! & REVIEW),
});

/** `buildQueue`'s item as the entry at `at`: what the columns must give back. */
export const entryOfItem = (item: QueueItem, at: number): QueueEntry => ({
  at,
  appealId: item.appealId,
  variableId: item.variableId,
  pair: item.pair,
  settled: !!item.settled,
  review: !!item.review,
});

/** Every item in, as entries. */
export const entries = (state: QueueState) =>
  Array.from({ length: state.length }, (_, at) => entryAt(state, at));

/** The whole queue from its pages, as the screen ends up holding it. */
export async function collectQueue(
  projectId: string,
  pages: AsyncIterable<QueuePage> | Iterable<QueuePage>,
): Promise<QueueState> {
  let state = emptyQueue(projectId);
  for await (const page of pages) state = withPage(page.head ? emptyQueue(projectId) : state, page);
  return { ...state, complete: true };
}

export const isOpenAt = (state: QueueState, at: number) => openFlags(state.flags[at]!);

/** The positions among the first `state.length` that `filter` lets through. */
function viewOf(state: QueueState, filter: QueueFilter): Int32Array {
  const variable = filter.variableId ? state.variables.indexOf(filter.variableId) : -1;
  const pair = filter.pair ? state.pairs.indexOf(filter.pair) : -1;
  const view = new Int32Array(state.length);
  let count = 0;
  for (let at = 0; at < state.length; at++)
    if (
      (!filter.variableId || state.variable[at] === variable) &&
      (!filter.pair || state.pair[at] === pair) &&
      (filter.showSettled || openFlags(state.flags[at]!))
    )
      view[count++] = at;
  return view.slice(0, count);
}

/**
 * The next page from the worker. The first sizes the columns for the whole queue; a page writes
 * its own positions only (an update run twice on the same state writes the same values).
 */
export function withPage(state: QueueState, page: QueuePage): QueueState {
  const { head } = page;
  const base: QueueState = head
    ? {
        ...state,
        total: head.total,
        length: 0,
        open: head.open,
        agreed: head.agreed,
        variables: head.variables,
        pairs: head.pairs,
        variablePairs: new Map(head.variablePairs),
        coders: head.coders,
        appeals: new Array<string>(head.total),
        variable: new Uint16Array(head.total),
        pair: new Uint32Array(head.total),
        flags: new Uint8Array(head.total),
      }
    : state;
  const appeals = base.appeals as string[];
  page.appeals.forEach((appealId, i) => (appeals[page.from + i] = appealId));
  base.variable.set(page.variable, page.from);
  base.pair.set(page.pair, page.from);
  base.flags.set(page.flags, page.from);
  const next = { ...base, length: Math.max(base.length, page.from + page.appeals.length) };
  return { ...next, view: viewOf(next, next.filter) };
}

/** Where `at` is in the ascending `view`, or -1. */
export function viewIndexOf(view: ArrayLike<number>, at: number): number {
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

/** A decision on the item at `at`: settled and no longer flagged, the open count and the view brought along. */
export function withDecision(state: QueueState, at: number): QueueState {
  if (!(at >= 0 && at < state.length)) return state;
  const wasOpen = isOpenAt(state, at);
  const flags = state.flags.slice();
  flags[at] = SETTLED;
  const open = state.open - (wasOpen ? 1 : 0);
  // A settled item is never open: it can only leave the view (when settled ones are not shown).
  const index = viewIndexOf(state.view, at);
  const leaves = index >= 0 && !state.filter.showSettled;
  let view = state.view;
  if (leaves) {
    view = new Int32Array(state.view.length - 1);
    view.set(state.view.subarray(0, index));
    view.set(state.view.subarray(index + 1), index);
  }
  return { ...state, flags, open, view };
}

/** Another filter: the one step that goes over every item. */
export function withFilter(state: QueueState, filter: QueueFilter): QueueState {
  return { ...state, filter, view: viewOf(state, filter) };
}
