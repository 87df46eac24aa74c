import type { Variable } from '../../../shared/model/index.ts';
import type { CodingFilter } from '../../store/codingSlice.ts';
import { db } from '../../db/db.ts';
import { projectCoderIds } from '../../db/queries.ts';
import { readAppealColumns } from '../../db/appealColumns.ts';
import { AppealListSource, codedAppeals as codedAppealsIn } from './appealListSource.ts';

export type { AppealList } from './appealListSource.ts';

let source: AppealListSource | undefined;
/** The list source of this thread (the worker has its own): jsdom tests, and this module's calls. */
export const sourceOnThisThread = () => (source ??= new AppealListSource(db));

/** The appeals `coderId` has coded (see `isCoded`), from the keys of their answers. */
export const codedAppeals = (projectId: string, coderId: string, variables: readonly Variable[]) =>
  codedAppealsIn(db, projectId, coderId, variables);

/** The appeals that pass `filter`, in source order, worked out on this thread (see `AppealListSource`). */
export const loadAppealList = (
  projectId: string,
  coderId: string,
  filter: CodingFilter,
  variables: readonly Variable[],
) => sourceOnThisThread().list(projectId, coderId, filter, variables);

/** The distinct regions and addressees of the project's appeals (from their columns), sorted. */
export async function metaValues(projectId: string): Promise<{ regions: string[]; addressees: string[] }> {
  const columns = await readAppealColumns(db.appealColumns, projectId);
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values)].filter((v) => v !== undefined).sort((a, b) => a.localeCompare(b));
  return { regions: distinct(columns.region), addressees: distinct(columns.addressee) };
}

/** The coders who have codings in the project (for the supervisor's view). */
export async function codersWithCodings(projectId: string): Promise<string[]> {
  return projectCoderIds(projectId);
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
