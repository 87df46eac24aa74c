import { cmp, Dexie } from 'dexie';
import { metaValue, type Coding, type Variable } from '../../../shared/model/index.ts';
import { blockOf } from '../../db/answerBlocks.ts';
import type { CodingBlockKey } from '../../db/codingBlocks.ts';
import type { CodingFilter } from '../../store/codingSlice.ts';
import type { KodtauDb } from '../../db/db.ts';
import { readAppealColumns, type AppealColumns as MetaColumns } from '../../db/appealColumns.ts';
import { isCoded } from './appealState.ts';
import { eachAppealSlice } from '../../db/appeals.ts';

/** The appeals a filter lets through, in source order: `orders[i]` is the appeal `ids[i]`. */
export interface AppealList {
  orders: number[];
  ids: string[];
}

/** What the filters read of a project's appeals, in source order, one entry per appeal. */
interface AppealColumns {
  orders: number[];
  ids: string[];
  region: (string | undefined)[];
  addressee: (string | undefined)[];
  date: (string | undefined)[];
  /** The text and the reply in lower case, apart by a character no query holds. */
  haystacks: string[];
}

/** One coder's appeals marked unsure, and those with a note. */
interface Flagged {
  unsure: Set<string>;
  noted: Set<string>;
}

/**
 * What a write touched, as this source keeps things: whether appeals changed, and the coding
 * blocks written as [projectId, coderId, block] ('all' when the write does not say key by key).
 * Plain data, so the UI thread can pass it to the worker.
 */
export interface Touched {
  appeals: boolean;
  codings: 'all' | CodingBlockKey[];
}

/** Keys of one write past which the coder states are read again whole rather than appeal by appeal. */
const MAX_TOUCHED = 200;

interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** The single keys of a Dexie range set (a plain tree of {from, to, l, r}); null when it holds a range. */
function pointKeys(node: RangeNode | null | undefined, into: unknown[]): unknown[] | null {
  if (!node || !('from' in node)) return into;
  if (cmp(node.from, node.to) !== 0 || into.length >= MAX_TOUCHED) return null;
  if (!pointKeys(node.l, into)) return null;
  into.push(node.from);
  return pointKeys(node.r, into);
}

/**
 * What a write touched, from the parts of Dexie's `storagemutated` event ("idb://db/table/index"
 * → range set). A few coding blocks written by key (a coder's edit writes one) name their
 * blocks; a bigger write, or one by range, touches them all.
 */
export function touchedBy(dbName: string, parts: Record<string, unknown>): Touched {
  const touched: Touched = { appeals: false, codings: [] };
  for (const [part, ranges] of Object.entries(parts)) {
    if (!part.startsWith('idb://')) return { appeals: true, codings: 'all' };
    const [name, table, index] = part.slice('idb://'.length).split('/');
    if (name !== dbName) continue;
    if (table === 'appealBlocks') touched.appeals = true;
    if (table !== 'codingBlocks' || index !== '' || touched.codings === 'all') continue;
    const keys = pointKeys(ranges as RangeNode, []);
    if (!keys || keys.some((key) => !Array.isArray(key) || key.length !== 3)) touched.codings = 'all';
    else touched.codings.push(...(keys as CodingBlockKey[]));
  }
  return touched;
}

/** Thrown when a newer request has made this one stale. */
export class Superseded extends Error {}

/**
 * Appeal blocks read per step (2 000 appeals): a step is one IndexedDB request. IndexedDB serves
 * one request at a time, so the screen's own reads wait for at most one step.
 */
const PAGE_BLOCKS = 8;
/** Haystacks searched between two looks at whether the request is still wanted. */
const SLICE = 10_000;
const SEPARATOR = '\u0000';

/** The appeals of `list` that pass `keep`, all of them when there is no test. */
function only(list: AppealList, keep: ((id: string) => boolean) | undefined): AppealList {
  if (!keep) return list;
  const kept: AppealList = { orders: [], ids: [] };
  list.ids.forEach((id, at) => {
    if (!keep(id)) return;
    kept.ids.push(id);
    kept.orders.push(list.orders[at]!);
  });
  return kept;
}

/**
 * Whether an appeal with these fields passes the region, addressee and date filters (the date
 * range takes every date that starts with its upper bound).
 */
function metaTest(filter: CodingFilter) {
  const dates = filter.dateFrom || filter.dateTo;
  const dateTo = `${filter.dateTo || '\uffff'}\uffff`;
  return (region: string | undefined, addressee: string | undefined, date: string | undefined) =>
    (!filter.region || region === filter.region) &&
    (!filter.addressee || addressee === filter.addressee) &&
    (!dates || (date !== undefined && date >= filter.dateFrom && date <= dateTo));
}

/** A turn of the event loop, so a newer request's message is taken in before this one goes on. */
const yieldTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Answers the coding screen's filters and text search. In the app it runs in a worker that opens
 * the database itself (appealListWorker.ts), so a filter over 100 000 appeals never blocks the
 * screen. It keeps what the filters read between requests: the project's appeals as columns
 * (metadata and texts in lower case, read once, page by page) and each coder's states from their
 * codings. A write to the appeals, from any window or worker (Dexie's `storagemutated` event),
 * drops the columns, to be read again when next asked for; a coder's edit of a few appeals
 * updates their states by reading those appeals' rows only (a bigger write drops the states).
 * The UI thread also passes on the writes it sees before its next request (`forget`): a notice
 * that comes round by BroadcastChannel may arrive after that request.
 */
export class AppealListSource {
  private columns = new Map<string, Promise<AppealColumns>>();
  private metaColumns = new Map<string, Promise<MetaColumns>>();
  private codedSets = new Map<string, Kept<Set<string>>>();
  private flagSets = new Map<string, Kept<Flagged>>();

  constructor(private readonly db: KodtauDb) {
    Dexie.on('storagemutated', (parts) => this.forget(touchedBy(db.name, parts)));
  }

  /** Drops or brings up to date what a write touched. */
  forget(touched: Touched) {
    if (touched.appeals) {
      this.columns.clear();
      this.metaColumns.clear();
    }
    if (touched.codings === 'all') {
      this.codedSets.clear();
      this.flagSets.clear();
      return;
    }
    if (touched.codings.length === 0) return;
    // A touched block: that coder's states of the block's appeals are computed again from its row.
    revise(this.db, this.codedSets, touched.codings, async (coded, rows, variables) => {
      for (const { block, codings } of rows) {
        forgetBlock(coded, block, codings);
        for (const appealId of codedOf(codings, variables!)) coded.add(appealId);
      }
    });
    revise(this.db, this.flagSets, touched.codings, async (flagged, rows) => {
      for (const { block, codings } of rows) {
        forgetBlock(flagged.unsure, block, codings);
        forgetBlock(flagged.noted, block, codings);
        addFlags(flagged, codings);
      }
    });
  }

  /**
   * The appeals that pass `filter` for `coderId`, in source order. `isStale` is asked between
   * steps; when it holds, the request stops with `Superseded`.
   */
  async list(
    projectId: string,
    coderId: string,
    filter: CodingFilter,
    variables: readonly Variable[],
    isStale: () => boolean = () => false,
  ): Promise<AppealList> {
    const check = () => {
      if (isStale()) throw new Superseded();
    };
    const query = filter.query.trim().toLocaleLowerCase();
    const byMeta = filter.region || filter.addressee || filter.dateFrom || filter.dateTo;
    const passes = metaTest(filter);
    const keep = await this.statusTest(projectId, coderId, filter.status, variables);
    check();
    if (!query) {
      // No text search: from the appeals' derived columns, without waiting for their texts.
      const all = await this.allAppeals(projectId);
      check();
      if (!byMeta) return only({ orders: all.orders, ids: all.ids }, keep);
      const list: AppealList = { orders: [], ids: [] };
      all.ids.forEach((id, at) => {
        if (!passes(all.region[at], all.addressee[at], all.date[at]) || (keep && !keep(id))) return;
        list.ids.push(id);
        list.orders.push(all.orders[at]!);
      });
      return list;
    }
    const columns = await this.appealColumns(projectId);
    check();
    const list: AppealList = { orders: [], ids: [] };
    for (let from = 0; from < columns.ids.length; from += SLICE) {
      if (from > 0) {
        await yieldTurn();
        check();
      }
      for (let at = from; at < Math.min(from + SLICE, columns.ids.length); at++) {
        if (!passes(columns.region[at], columns.addressee[at], columns.date[at])) continue;
        if (!columns.haystacks[at]!.includes(query)) continue;
        list.ids.push(columns.ids[at]!);
        list.orders.push(columns.orders[at]!);
      }
    }
    return only(list, keep);
  }

  /** Whether an appeal passes the status filter; undefined when every appeal does. */
  private async statusTest(
    projectId: string,
    coderId: string,
    status: CodingFilter['status'],
    variables: readonly Variable[],
  ): Promise<((id: string) => boolean) | undefined> {
    if (status === 'all') return undefined;
    if (status === 'uncoded') {
      const coded = await this.coded(projectId, coderId, variables);
      return (id) => !coded.has(id);
    }
    const flags = await this.flags(projectId, coderId);
    const set = status === 'unsure' ? flags.unsure : flags.noted;
    return (id) => set.has(id);
  }

  /**
   * Every appeal of the project in source order with the fields the filters test, from the few
   * rows of its derived columns (no appeal is read), kept.
   */
  private allAppeals(projectId: string): Promise<MetaColumns> {
    return kept(this.metaColumns, projectId, () => readAppealColumns(this.db.appealColumns, projectId));
  }

  /**
   * Starts reading the project's appeals as columns, so that the first filter or search does not
   * wait for them (at 100 000 appeals that read takes seconds). A failed read is tried again when asked.
   */
  warm(projectId: string, coderId: string) {
    // The coder's states first (a walk over their blocks, a second at 100 000 appeals; the
    // screen asked for the coded ones as it opened), then the texts (several seconds): the two
    // reads would otherwise share this thread, and the status filters wait for both.
    const coded = [...this.codedSets.values()]
      .filter((entry) => entry.projectId === projectId && entry.coderId === coderId)
      .map((entry) => entry.value);
    Promise.allSettled(coded)
      .then(() => this.flags(projectId, coderId))
      .then(() => this.appealColumns(projectId))
      .catch(() => {});
  }

  /** The project's appeals as columns, read once and kept until an appeal changes. */
  private appealColumns(projectId: string): Promise<AppealColumns> {
    return kept(this.columns, projectId, () => this.readColumns(projectId));
  }

  private async readColumns(projectId: string): Promise<AppealColumns> {
    const columns: AppealColumns = {
      orders: [],
      ids: [],
      region: [],
      addressee: [],
      date: [],
      haystacks: [],
    };
    await eachAppealSlice(
      projectId,
      PAGE_BLOCKS,
      (page) => {
        for (const appeal of page) {
          columns.orders.push(appeal.order);
          columns.ids.push(appeal.id);
          columns.region.push(metaValue(appeal.meta, 'region'));
          columns.addressee.push(metaValue(appeal.meta, 'addressee'));
          columns.date.push(metaValue(appeal.meta, 'date'));
          const reply = metaValue(appeal.meta, 'reply') ?? '';
          columns.haystacks.push(`${appeal.text}${SEPARATOR}${reply}`.toLocaleLowerCase());
        }
      },
      this.db,
    );
    return columns;
  }

  /** The appeals `coderId` has coded, kept (and kept up to date, see `forget`) while the screen is open. */
  coded(projectId: string, coderId: string, variables: readonly Variable[]): Promise<Set<string>> {
    const key = JSON.stringify([projectId, coderId, variables.map((v) => [v.id, v.required])]);
    return keptEntry(this.codedSets, key, { projectId, coderId, variables }, () => {
      const states = readStates(this.db, projectId, coderId, variables);
      // The same walk over the coder's blocks gives the unsure and noted appeals: the status
      // filters then need no read of their own (each walk takes the coder's every coding).
      void this.flags(projectId, coderId, () => states.then(({ flagged }) => flagged)).catch(() => {});
      return states.then(({ coded }) => coded);
    });
  }

  /** The appeals `coderId` marked unsure, and those with their note, kept up to date like `coded`. */
  private flags(
    projectId: string,
    coderId: string,
    read = () => readFlags(this.db, projectId, coderId),
  ): Promise<Flagged> {
    return keptEntry(this.flagSets, JSON.stringify([projectId, coderId]), { projectId, coderId }, read);
  }
}

/** The appeals one coder has coded (see `isCoded`), marked unsure and noted: one walk over their blocks. */
async function readStates(
  db: KodtauDb,
  projectId: string,
  coderId: string,
  variables: readonly Variable[],
): Promise<{ coded: Set<string>; flagged: Flagged }> {
  const coded = new Set<string>();
  const flagged: Flagged = { unsure: new Set(), noted: new Set() };
  await coderBlocks(db, projectId, coderId, (codings) => {
    for (const appealId of codedOf(codings, variables)) coded.add(appealId);
    addFlags(flagged, codings);
  });
  return { coded, flagged };
}

/** The appeals one coder marked unsure, and those with their note: their blocks, a few hundred rows. */
async function readFlags(db: KodtauDb, projectId: string, coderId: string): Promise<Flagged> {
  const flagged: Flagged = { unsure: new Set(), noted: new Set() };
  // Cleared rows too: a note on an appeal with no answer yet is kept on one.
  await coderBlocks(db, projectId, coderId, (codings) => addFlags(flagged, codings));
  return flagged;
}

function addFlags(flagged: Flagged, codings: readonly Coding[]) {
  for (const row of codings) {
    if (row.unsure) flagged.unsure.add(row.appealId);
    if (row.note) flagged.noted.add(row.appealId);
  }
}

/**
 * Takes out of `set` the appeals of a block (to be put back from its codings now): those the
 * codings name, or where the block is gone (its project deleted), every appeal of the block.
 */
function forgetBlock(set: Set<string>, block: number, codings: readonly Coding[]) {
  if (codings.length > 0) for (const { appealId } of codings) set.delete(appealId);
  else for (const appealId of set) if (blockOf(appealId) === block) set.delete(appealId);
}

/** Rows read per request while a coder's blocks are walked: a few thousand codings. */
const BLOCKS_AT_A_TIME = 8;

/** Hands each of a coder's blocks' codings to `take`, a few blocks a request, in key order. */
async function coderBlocks(
  db: KodtauDb,
  projectId: string,
  coderId: string,
  take: (codings: readonly Coding[]) => void,
): Promise<void> {
  for (let after = -Infinity; ;) {
    const rows = await db.codingBlocks
      .where(':id')
      .between([projectId, coderId, after], [projectId, coderId, Infinity], false, true)
      .limit(BLOCKS_AT_A_TIME)
      .toArray();
    for (const row of rows) take(row.codings);
    if (rows.length < BLOCKS_AT_A_TIME) return;
    after = rows.at(-1)!.block;
  }
}

/** The promise kept under `key`, or a new one from `read` (forgotten again if it fails). */
function kept<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    const made = read();
    cache.set(key, (value = made));
    made.catch(() => {
      if (cache.get(key) === made) cache.delete(key);
    });
  }
  return value;
}

/** A coder state kept: whose it is, and its value (each update chained onto the one before). */
interface Kept<T> {
  projectId: string;
  coderId: string;
  variables?: readonly Variable[];
  value: Promise<T>;
}

/** Like `kept`, for a coder state: the entry's value, read when there is none. */
function keptEntry<T>(
  cache: Map<string, Kept<T>>,
  key: string,
  whose: Omit<Kept<T>, 'value'>,
  read: () => Promise<T>,
): Promise<T> {
  let entry = cache.get(key);
  if (!entry) {
    cache.set(key, (entry = { ...whose, value: read() }));
    forgetOnFailure(cache, key, entry);
  }
  return entry.value;
}

/** Drops the entry when its current value fails, to be read whole when next asked for. */
function forgetOnFailure<T>(cache: Map<string, Kept<T>>, key: string, entry: Kept<T>) {
  const value = entry.value;
  value.catch(() => {
    if (cache.get(key) === entry && entry.value === value) cache.delete(key);
  });
}

/**
 * Chains `update` onto each kept state of a coder whose appeals `touched` names, with those
 * appeals: it runs once the state is read (or the update before is done), after the write.
 */
function revise<T>(
  db: KodtauDb,
  cache: Map<string, Kept<T>>,
  touched: readonly CodingBlockKey[],
  update: (
    value: T,
    rows: { block: number; codings: readonly Coding[] }[],
    variables: readonly Variable[] | undefined,
  ) => Promise<void>,
) {
  for (const [key, entry] of cache) {
    const blocks = [
      ...new Set(
        touched.filter(([p, c]) => p === entry.projectId && c === entry.coderId).map(([, , b]) => b),
      ),
    ];
    if (blocks.length === 0) continue;
    entry.value = entry.value.then(async (value) => {
      const rows = await db.codingBlocks.bulkGet(
        blocks.map((block) => [entry.projectId, entry.coderId, block]),
      );
      await update(
        value,
        blocks.map((block, i) => ({ block, codings: rows[i]?.codings ?? [] })),
        entry.variables,
      );
      return value;
    });
    forgetOnFailure(cache, key, entry);
  }
}

/** The appeals of `codings` (one coder's, by appeal) that are coded (see `isCoded`); cleared codings do not count. */
function codedOf(codings: readonly Coding[], variables: readonly Variable[]): string[] {
  const coded: string[] = [];
  for (let i = 0; i < codings.length;) {
    const appealId = codings[i]!.appealId;
    const answered = new Set<string>();
    for (; i < codings.length && codings[i]!.appealId === appealId; i++)
      if (!codings[i]!.cleared) answered.add(codings[i]!.variableId);
    if (isCoded(variables, answered)) coded.push(appealId);
  }
  return coded;
}

/** The appeals `coderId` has coded (see `isCoded`), from their blocks. */
export async function codedAppeals(
  db: KodtauDb,
  projectId: string,
  coderId: string,
  variables: readonly Variable[],
): Promise<Set<string>> {
  const coded = new Set<string>();
  await coderBlocks(db, projectId, coderId, (codings) => {
    for (const appealId of codedOf(codings, variables)) coded.add(appealId);
  });
  return coded;
}
