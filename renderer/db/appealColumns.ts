import { Dexie, type Table } from 'dexie';
import { metaValue, type Appeal } from '../../shared/model/index.ts';

/** The metadata fields the coding filters, Tables and the agreement's date range read of every appeal. */
export const COLUMN_META = ['region', 'addressee', 'date'] as const;
export type ColumnMeta = (typeof COLUMN_META)[number];

/**
 * Derived from the appeals: the project's appeals as columns, in source order (order, then id),
 * a chunk of orders to a row. The coding screen's list and filters, Tables' metadata and the
 * agreement's date range read a few rows here instead of every appeal's text, and the appeals
 * need no index per metadata field. `undefined` where an appeal lacks the field.
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

const entriesOf = (row: AppealColumnChunk): Entry[] =>
  row.ids.map((id, at) => ({
    order: row.orders[at]!,
    id,
    meta: { region: row.region[at], addressee: row.addressee[at], date: row.date[at] },
  }));

/**
 * Adds appeals new to their project to its columns: called by `addAppeals`, in the transaction
 * that writes the appeals, so the columns are never behind and a cancel rolls both back.
 */
export async function addToColumns(
  columns: Table<AppealColumnChunk, AppealColumnKey>,
  appeals: readonly Appeal[],
): Promise<void> {
  const fresh = new Map<string, Entry[]>();
  for (const appeal of appeals) {
    const key = chunkKey(appeal);
    let entries = fresh.get(key);
    if (!entries) fresh.set(key, (entries = []));
    entries.push(entryOf(appeal));
  }
  const keys = [...fresh.keys()].map((key) => JSON.parse(key) as AppealColumnKey);
  const rows = await columns.bulkGet(keys);
  await columns.bulkPut(
    keys.map(([projectId, chunk], i) => {
      const entries = fresh.get(JSON.stringify([projectId, chunk]))!;
      const row = rows[i];
      return chunkRow(projectId, chunk, row ? [...entriesOf(row), ...entries] : entries);
    }),
  );
}

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
