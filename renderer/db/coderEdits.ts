import type { Table } from 'dexie';
import type { Coding } from '../../shared/model/index.ts';

/**
 * A coder's latest edit in a project: the greatest `updatedAt` of the codings written for them,
 * cleared ones included (a clearing is an edit), greatest as the old index ordered them (by text). Derived from the codings, kept in step by
 * `putCodings`: one small row per coder, where an index over every coding's time cost each
 * coding written.
 */
export interface CoderEdit {
  projectId: string;
  coderId: string;
  lastEdit: string;
}

/** Collects codings into each coder's latest edit. */
export class CoderEditBuilder {
  private edits = new Map<string, CoderEdit>();

  add({ projectId, coderId, updatedAt }: Pick<Coding, 'projectId' | 'coderId' | 'updatedAt'>): void {
    const id = `${projectId}\u0000${coderId}`;
    const edit = this.edits.get(id);
    if (!edit) this.edits.set(id, { projectId, coderId, lastEdit: updatedAt });
    else if (updatedAt > edit.lastEdit) edit.lastEdit = updatedAt;
  }

  build(): CoderEdit[] {
    return [...this.edits.values()];
  }
}

/** Moves each coder's latest edit on to the codings written (in the caller's transaction). */
export async function updateCoderEdits(
  table: Table<CoderEdit, [string, string]>,
  codings: readonly Coding[],
): Promise<void> {
  if (codings.length === 0) return;
  const builder = new CoderEditBuilder();
  for (const coding of codings) builder.add(coding);
  const written = builder.build();
  const stored = await table.bulkGet(written.map((e) => [e.projectId, e.coderId]));
  const moved = written.filter((edit, i) => {
    const before = stored[i]?.lastEdit;
    return before === undefined || edit.lastEdit > before;
  });
  await table.bulkPut(moved);
}
