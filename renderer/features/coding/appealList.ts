import { Dexie } from 'dexie';
import type { Variable } from '../../../shared/model/index.ts';
import type { CodingFilter } from '../../store/codingSlice.ts';
import { db } from '../../db/db.ts';
import { coderCodings } from '../../db/queries.ts';
import { isCoded } from './appealState.ts';

/** The appeals a filter lets through, in source order: `orders[i]` is the appeal `ids[i]`. */
export interface AppealList {
  orders: number[];
  ids: string[];
}

const allAppeals = (projectId: string) =>
  db.appeals.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]);

/** Part `at` of a compound key, as Dexie returns them. */
const part = <T>(key: unknown, at: number) => (key as readonly T[])[at]!;
const idsOf = (keys: readonly unknown[]) => new Set(keys.map((key) => part<string>(key, 1)));

/**
 * The appeals `coderId` has coded (see `isCoded`). A walk over the primary keys of their answers
 * (coder, appeal, variable): no row is read, which keeps it fast on 100 000 appeals. Cleared
 * codings live in another table and do not count.
 */
export async function codedAppeals(
  projectId: string,
  coderId: string,
  variables: readonly Variable[],
): Promise<Set<string>> {
  const keys = await db.codings
    .where('[projectId+coderId+appealId+variableId]')
    .between([projectId, coderId, Dexie.minKey], [projectId, coderId, Dexie.maxKey])
    .primaryKeys();
  const answered = new Map<string, Set<string>>();
  for (const [, , appealId, variableId] of keys) {
    let set = answered.get(appealId);
    if (!set) answered.set(appealId, (set = new Set()));
    set.add(variableId);
  }
  return new Set([...answered].filter(([, set]) => isCoded(variables, set)).map(([appealId]) => appealId));
}

/**
 * The appeals that pass `filter`, in source order. Metadata filters walk their indexes; the
 * status filters read this coder's codings; the text search reads the texts (on request only).
 */
export async function loadAppealList(
  projectId: string,
  coderId: string,
  filter: CodingFilter,
  variables: readonly Variable[],
): Promise<AppealList> {
  const range = allAppeals(projectId);
  const [orderKeys, primaryKeys] = await Promise.all([range.keys(), range.primaryKeys()]);
  const keep: Set<string>[] = [];
  if (filter.region)
    keep.push(
      idsOf(
        await db.appeals.where('[projectId+meta.region]').equals([projectId, filter.region]).primaryKeys(),
      ),
    );
  if (filter.addressee)
    keep.push(
      idsOf(
        await db.appeals
          .where('[projectId+meta.addressee]')
          .equals([projectId, filter.addressee])
          .primaryKeys(),
      ),
    );
  if (filter.dateFrom || filter.dateTo)
    keep.push(
      idsOf(
        await db.appeals
          .where('[projectId+meta.date]')
          .between(
            [projectId, filter.dateFrom],
            [projectId, `${filter.dateTo || '\uffff'}\uffff`],
            true,
            true,
          )
          .primaryKeys(),
      ),
    );
  if (filter.status === 'unsure' || filter.status === 'notes') {
    // Cleared rows too: a note on an appeal with no answer yet is kept on one.
    const flagged = (await coderCodings(projectId, coderId)).filter((coding) =>
      filter.status === 'unsure' ? coding.unsure : !!coding.note,
    );
    keep.push(new Set(flagged.map((coding) => coding.appealId)));
  }
  const query = filter.query.trim().toLocaleLowerCase();
  if (query)
    keep.push(
      idsOf(
        await allAppeals(projectId)
          .filter(
            (appeal) =>
              appeal.text.toLocaleLowerCase().includes(query) ||
              (appeal.meta.reply ?? '').toLocaleLowerCase().includes(query),
          )
          .primaryKeys(),
      ),
    );
  const coded = filter.status === 'uncoded' ? await codedAppeals(projectId, coderId, variables) : undefined;

  const list: AppealList = { orders: [], ids: [] };
  primaryKeys.forEach((key, index) => {
    const id = part<string>(key, 1);
    if (coded?.has(id) || !keep.every((set) => set.has(id))) return;
    list.ids.push(id);
    list.orders.push(part<number>(orderKeys[index], 1));
  });
  return list;
}

/** The distinct values of a metadata field that has an index (region, addressee), sorted. */
export async function metaValues(projectId: string, key: 'region' | 'addressee'): Promise<string[]> {
  const keys = await db.appeals
    .where(`[projectId+meta.${key}]`)
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .uniqueKeys();
  return keys.map((key) => part<string>(key, 1)).sort((a, b) => a.localeCompare(b));
}

/** The coders who have codings in the project (for the supervisor's view). */
export async function codersWithCodings(projectId: string): Promise<string[]> {
  const keys = await db.codings
    .where('[projectId+coderId]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .uniqueKeys();
  return keys.map((key) => part<string>(key, 1));
}

/** The position in `orders` (sorted) of the first appeal at or after `order`; 0 when none. */
export function indexAtOrAfter(orders: readonly number[], order: number): number {
  let low = 0;
  let high = orders.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (orders[mid]! < order) low = mid + 1;
    else high = mid;
  }
  return low < orders.length ? low : 0;
}
