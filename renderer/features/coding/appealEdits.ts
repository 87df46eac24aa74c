import type { Coding } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';

/** One change to one coder's codings of one appeal, as it was before and after; undo swaps them. */
export interface AppealEdit {
  projectId: string;
  coderId: string;
  appealId: string;
  order: number;
  before: Coding[];
  after: Coding[];
}

export type AppealRef = Pick<AppealEdit, 'projectId' | 'coderId' | 'appealId' | 'order'>;

/** Given the appeal's rows (by variable id), the time and the appeal, the rows to write. */
export type AppealChange = (rows: ReadonlyMap<string, Coding>, now: string, ref: AppealRef) => Coding[];

const rowsOf = ({ projectId, coderId, appealId }: AppealRef) =>
  db.codings.where('[projectId+coderId+appealId]').equals([projectId, coderId, appealId]);

/**
 * Reads the appeal's rows, lets `change` return the rows it changes, and writes them, all in one
 * transaction; resolves once IndexedDB has committed. Rows `change` leaves out keep their
 * `updatedAt`, so the merge sees no edit that was not made.
 */
export function editAppeal(ref: AppealRef, change: AppealChange): Promise<AppealEdit> {
  return db.transaction('rw', db.codings, async () => {
    const before = await rowsOf(ref).toArray();
    const changed = change(
      new Map(before.map((row) => [row.variableId, row])),
      new Date().toISOString(),
      ref,
    );
    await db.codings.bulkPut(changed);
    return { ...ref, before, after: await rowsOf(ref).toArray() };
  });
}

/** Puts the appeal's rows back as `rows` (an undo or a redo), in one transaction. */
export function restoreAppeal(ref: AppealRef, rows: readonly Coding[]): Promise<void> {
  return db.transaction('rw', db.codings, async () => {
    await rowsOf(ref).delete();
    await db.codings.bulkPut([...rows]);
  });
}
