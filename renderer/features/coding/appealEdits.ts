import { clearedCoding, type Coding } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { appealCodings, codingTables, putCodings } from '../../db/queries.ts';

/** One key (coder, appeal, variable) an edit wrote: its row before (none when new) and after. */
export interface KeyChange {
  before: Coding | undefined;
  after: Coding;
}

/** One change to one coder's codings of one appeal: only the keys it wrote, before and after. */
export interface AppealEdit {
  projectId: string;
  coderId: string;
  appealId: string;
  order: number;
  changes: KeyChange[];
}

export type AppealRef = Pick<AppealEdit, 'projectId' | 'coderId' | 'appealId' | 'order'>;

/** Given the appeal's rows (by variable id, cleared ones included), the time and the appeal, the rows to write. */
export type AppealChange = (rows: ReadonlyMap<string, Coding>, now: string, ref: AppealRef) => Coding[];

/** What a write did: the edit, and every row of the appeal after it. */
export interface AppealWrite {
  edit: AppealEdit;
  rows: Map<string, Coding>;
}

/** One coder's rows of one appeal, answers and cleared ones, by variable id. */
export async function appealRows({ projectId, coderId, appealId }: AppealRef): Promise<Map<string, Coding>> {
  const rows = await appealCodings(projectId, coderId, appealId);
  return new Map(rows.map((row) => [row.variableId, row]));
}

/**
 * The time of an edit: now, but always later than every row it may replace, so that the merge,
 * which lets the later edit win, never sees a tie between an answer and its undoing.
 */
function editTime(rows: ReadonlyMap<string, Coding>): string {
  let time = Date.now();
  for (const row of rows.values()) {
    const then = Date.parse(row.updatedAt);
    if (then >= time) time = then + 1;
  }
  return new Date(time).toISOString();
}

/**
 * Reads the appeal's rows, lets `change` return the rows it changes, and writes them, all in one
 * transaction; resolves once IndexedDB has committed. Rows `change` leaves out are not written,
 * so the merge sees no edit that was not made and another window's codings of the appeal stay.
 */
export function editAppeal(ref: AppealRef, change: AppealChange): Promise<AppealWrite> {
  return db.transaction('rw', codingTables(), async () => {
    const rows = await appealRows(ref);
    const written = change(rows, editTime(rows), ref);
    await putCodings(written);
    const changes = written.map((after) => ({ before: rows.get(after.variableId), after }));
    for (const row of written) rows.set(row.variableId, row);
    return { edit: { ...ref, changes }, rows };
  });
}

/**
 * Undoes (`'before'`) or redoes (`'after'`) an edit as a new edit: each key it changed gets that
 * state again with the time now, so the undo travels in the coder file and wins the merge like
 * any edit. A key the edit created is undone as cleared (a tombstone, no note or flag), not
 * deleted. Keys the edit did not touch — another window's, say — are left as they are.
 */
export function replayEdit(edit: AppealEdit, side: 'before' | 'after'): Promise<AppealWrite> {
  return editAppeal(edit, (_rows, now) =>
    edit.changes.map(({ before, after }) => {
      if (side === 'after') return { ...after, updatedAt: now };
      if (before) return { ...before, updatedAt: now };
      const { note: _note, ...cleared } = clearedCoding(after, now);
      return { ...cleared, unsure: false };
    }),
  );
}
