import type { Coding } from '../../shared/model/index.ts';
import { db } from './db.ts';

export type CodingInput = Omit<Coding, 'updatedAt'>;

/**
 * Writes one coding and resolves once IndexedDB has committed it; the UI shows "saved"
 * only after this resolves.
 */
export async function saveCoding(input: CodingInput, now: Date = new Date()): Promise<Coding> {
  const coding: Coding = { ...input, updatedAt: now.toISOString() };
  await db.codings.put(coding);
  return coding;
}

/** One coder's codings of one appeal, keyed by variable id. */
export async function codingsOf(
  projectId: string,
  coderId: string,
  appealId: string,
): Promise<Map<string, Coding>> {
  const rows = await db.codings
    .where('[projectId+coderId+appealId]')
    .equals([projectId, coderId, appealId])
    .toArray();
  return new Map(rows.map((row) => [row.variableId, row]));
}
