import {
  Dexie,
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
  type Table,
} from 'dexie';
import { metaValue, type Appeal } from '../../shared/model/index.ts';

/** The metadata fields the coding filters, Tables and the agreement's date range read of every appeal. */
export const COLUMN_META = ['region', 'addressee', 'date'] as const;
export type ColumnMeta = (typeof COLUMN_META)[number];

/**
 * Derived from `appeals`: the project's appeals as columns, in source order (order, then id, as
 * the `[projectId+order]` index has them), a chunk of orders to a row. The coding screen's list
 * and filters, Tables' metadata and the agreement's date range read a few rows here instead of
 * 100 000 index keys, and the appeals need no index per metadata field (each costs every appeal
 * written). `undefined` where an appeal lacks the field.
 */
export interface AppealColumnChunk extends Record<ColumnMeta, (string | undefined)[]> {
  projectId: string;
  /** floor(order / CHUNK_ORDERS): appeals added after the others land in the last rows only. */
  chunk: number;
  orders: number[];
  ids: string[];
}
export type AppealColumnKey = [projectId: string, chunk: number];

/** A project's appeal columns put together, one entry per appeal in source order. */
export type AppealColumns = Omit<AppealColumnChunk, 'projectId' | 'chunk'>;

/** Orders per row: 100 000 appeals are ten rows, and an import or package adds to the last ones. */
export const CHUNK_ORDERS = 10_000;
export const APPEAL_COLUMNS = 'appealColumns';

const emptyColumns = (): AppealColumns => ({ orders: [], ids: [], region: [], addressee: [], date: [] });

/**
 * Every appeal's entry of the project, from its few rows, read one request a row (the browser
 * hands over each row in a task of its own, so the UI thread never takes in all of them at once),
 * in one transaction (the rows of one moment).
 */
export function readAppealColumns(
  table: Table<AppealColumnChunk, AppealColumnKey>,
  projectId: string,
): Promise<AppealColumns> {
  return table.db.transaction('r', table, () => readRows(table, projectId));
}

async function readRows(
  table: Table<AppealColumnChunk, AppealColumnKey>,
  projectId: string,
): Promise<AppealColumns> {
  const keys = await table
    .where('[projectId+chunk]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .primaryKeys();
  const columns = emptyColumns();
  for (const key of keys) {
    const chunk = await table.get(key);
    if (!chunk) continue;
    if (keys.length === 1) return chunk;
    for (const name of ['orders', 'ids', ...COLUMN_META] as const)
      for (const value of chunk[name]) (columns[name] as unknown[]).push(value);
  }
  return columns;
}

/** Appeal id → value of `field`, for the appeals that have it. */
export const metaById = (columns: AppealColumns, field: ColumnMeta): Map<string, string> => {
  const byId = new Map<string, string>();
  columns[field].forEach((value, at) => {
    if (value !== undefined) byId.set(columns.ids[at]!, value);
  });
  return byId;
};

type Entry = { order: number; id: string; meta: Record<ColumnMeta, string | undefined> };

const entryOf = (appeal: Appeal): Entry => ({
  order: appeal.order,
  id: appeal.id,
  meta: {
    region: metaValue(appeal.meta, 'region'),
    addressee: metaValue(appeal.meta, 'addressee'),
    date: metaValue(appeal.meta, 'date'),
  },
});

const byOrderThenId = (a: Entry, b: Entry) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One chunk's row from its appeals' entries (in any order). */
function chunkRow(projectId: string, chunk: number, entries: Entry[]): AppealColumnChunk {
  entries.sort(byOrderThenId);
  const row: AppealColumnChunk = { projectId, chunk, ...emptyColumns() };
  for (const entry of entries) {
    row.orders.push(entry.order);
    row.ids.push(entry.id);
    for (const field of COLUMN_META) row[field].push(entry.meta[field]);
  }
  return row;
}

/** The row a chunk's appeal is in. */
const chunkKey = (appeal: Appeal) =>
  JSON.stringify([appeal.projectId, Math.floor(appeal.order / CHUNK_ORDERS)]);

/** The rows of the columns a write changes, and those it leaves empty. */
interface ColumnChanges {
  put: AppealColumnChunk[];
  emptied: AppealColumnKey[];
}

/**
 * The chunks' rows as a write of appeals leaves them: `removed` are the appeals as they were
 * before (put over or deleted), `added` as they are now. Read in the write's transaction.
 */
async function columnChanges(
  columns: DBCoreTable,
  trans: DBCoreTransaction,
  removed: readonly Appeal[],
  added: readonly Appeal[],
): Promise<ColumnChanges> {
  const touched = new Map<string, { gone: Set<string>; fresh: Entry[] }>();
  const at = (appeal: Appeal) => {
    const key = chunkKey(appeal);
    let change = touched.get(key);
    if (!change) touched.set(key, (change = { gone: new Set(), fresh: [] }));
    return change;
  };
  for (const appeal of removed) at(appeal).gone.add(appeal.id);
  for (const appeal of added) at(appeal).fresh.push(entryOf(appeal));
  const put: AppealColumnChunk[] = [];
  const emptied: AppealColumnKey[] = [];
  if (touched.size === 0) return { put, emptied };
  const keys = [...touched.keys()].map((key) => JSON.parse(key) as AppealColumnKey);
  const rows = (await columns.getMany({ trans, keys })) as (AppealColumnChunk | undefined)[];
  keys.forEach(([projectId, chunk], i) => {
    const { gone, fresh } = touched.get(JSON.stringify([projectId, chunk]))!;
    const row = rows[i];
    const entries: Entry[] = [];
    row?.ids.forEach((id, at) => {
      if (gone.has(id)) return;
      entries.push({
        order: row.orders[at]!,
        id,
        meta: { region: row.region[at], addressee: row.addressee[at], date: row.date[at] },
      });
    });
    for (const entry of fresh) entries.push(entry);
    if (entries.length === 0) emptied.push([projectId, chunk]);
    else put.push(chunkRow(projectId, chunk, entries));
  });
  return { put, emptied };
}

/** The rows of the appeals a put or delete is about to replace or remove, as they are now. */
async function before(appeals: DBCoreTable, req: DBCoreMutateRequest): Promise<Appeal[]> {
  const { trans } = req;
  if (req.type === 'add') return [];
  if (req.type === 'deleteRange') {
    const { result } = await appeals.query({
      trans,
      values: true,
      query: { index: appeals.schema.primaryKey, range: req.range },
    });
    return result as Appeal[];
  }
  const keys =
    req.type === 'delete'
      ? req.keys
      : (req.keys ?? req.values.map((value) => appeals.schema.primaryKey.extractKey!(value)));
  return ((await appeals.getMany({ trans, keys })) as (Appeal | undefined)[]).filter(
    (row): row is Appeal => row !== undefined,
  );
}

/**
 * The appeals table, each of its writes applied to the columns as well. Chained on Dexie's own
 * promises, not awaited: the middlewares below take the transaction from the zone those carry.
 */
function withColumns(appeals: DBCoreTable, columns: DBCoreTable): DBCoreTable {
  const { Promise: DexiePromise } = Dexie;
  return {
    ...appeals,
    mutate: (req) =>
      DexiePromise.resolve(before(appeals, req)).then((removed) =>
        DexiePromise.resolve(appeals.mutate(req)).then((result) => {
          const written = (req.type === 'add' || req.type === 'put' ? (req.values as Appeal[]) : []).filter(
            (_, i) => !result.failures[i],
          );
          // A put that failed leaves its appeal as it was.
          const kept = new Set(written.map((a) => JSON.stringify([a.projectId, a.id])));
          const replaced =
            req.type === 'put' && result.numFailures > 0
              ? removed.filter((old) => kept.has(JSON.stringify([old.projectId, old.id])))
              : removed;
          const { trans } = req;
          return DexiePromise.resolve(columnChanges(columns, trans, replaced, written))
            .then(({ put, emptied }) =>
              DexiePromise.all([
                put.length > 0 ? columns.mutate({ type: 'put', trans, values: put }) : null,
                emptied.length > 0 ? columns.mutate({ type: 'delete', trans, keys: emptied }) : null,
              ]),
            )
            .then(() => result);
        }),
      ),
  };
}

/**
 * Keeps `appealColumns` in step with `appeals`: every transaction that may write appeals also
 * takes the columns' store, and every write of appeals (from any writer: a package, an import, a
 * project file, the demo, a test) updates the columns of the appeals it wrote, in the same
 * transaction. So the columns are never behind, and a cancel rolls both back.
 */
export const appealColumnsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'AppealColumns',
  // Below Dexie's hooks (level 2), which look for the transaction in a zone an await here would
  // leave; above its observability and cache (level 0), so the columns' writes are seen as writes.
  level: 1.5,
  create: (down) => {
    // A database still being upgraded to the version that has the columns has nothing to keep.
    if (!down.schema.tables.some((table) => table.name === APPEAL_COLUMNS)) return down;
    const columns = down.table(APPEAL_COLUMNS);
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && stores.includes('appeals') && !stores.includes(APPEAL_COLUMNS)
            ? [...stores, APPEAL_COLUMNS]
            : stores,
          mode,
          options,
        ),
      table: (name) => (name === 'appeals' ? withColumns(down.table(name), columns) : down.table(name)),
    };
  },
};

/** Builds every project's columns from the appeals there are (the schema upgrade that adds them). */
export async function rebuildAppealColumns(
  appeals: Table<Appeal, [string, string]>,
  columns: Table<AppealColumnChunk, AppealColumnKey>,
): Promise<void> {
  const rows = new Map<string, Entry[]>();
  await appeals.each((appeal) => {
    const key = chunkKey(appeal);
    let entries = rows.get(key);
    if (!entries) rows.set(key, (entries = []));
    entries.push(entryOf(appeal));
  });
  const put: AppealColumnChunk[] = [];
  for (const [key, entries] of rows) {
    const [projectId, chunk] = JSON.parse(key) as AppealColumnKey;
    put.push(chunkRow(projectId, chunk, entries));
  }
  await columns.bulkPut(put);
}
