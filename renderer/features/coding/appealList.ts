import { Dexie } from 'dexie';
import type { CodingFilter } from '../../store/codingSlice.ts';
import { db } from '../../db/db.ts';

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

/** The appeal ids that `coderId` has at least one coding of (an index walk, no rows read). */
export async function codedAppeals(projectId: string, coderId: string): Promise<Set<string>> {
  const keys = await db.codings
    .where('[projectId+coderId+appealId]')
    .between([projectId, coderId, Dexie.minKey], [projectId, coderId, Dexie.maxKey])
    .uniqueKeys();
  return new Set(keys.map((key) => part<string>(key, 2)));
}

/**
 * The appeals that pass `filter`, in source order. Metadata filters walk their indexes; the
 * status filters read this coder's codings; the text search reads the texts (on request only).
 */
export async function loadAppealList(
  projectId: string,
  coderId: string,
  filter: CodingFilter,
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
    const flagged = await db.codings
      .where('[projectId+coderId]')
      .equals([projectId, coderId])
      .filter((coding) => (filter.status === 'unsure' ? coding.unsure : !!coding.note))
      .toArray();
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
  const coded = filter.status === 'uncoded' ? await codedAppeals(projectId, coderId) : undefined;

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
