import { Dexie } from 'dexie';
import type { Coding } from '../../shared/model/index.ts';
import { db } from './db.ts';

/** Every coding of the project, all coders. */
export function projectCodings(projectId: string): Promise<Coding[]> {
  return db.codings
    .where('[projectId+coderId]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .toArray();
}

/** Coder id → display name, for everyone in the `coders` table. */
export async function coderNames(): Promise<Map<string, string>> {
  return new Map((await db.coders.toArray()).map((coder) => [coder.id, coder.name]));
}
