import type { Appeal } from '../../shared/model/index.ts';
import { addAppeals, appealTables } from '../../renderer/db/appeals.ts';
import { db, type KodtauDb } from '../../renderer/db/db.ts';

/** Adds appeals as the app does (blocks and columns), in a transaction of their own. */
export const seedAppeals = (appeals: readonly Appeal[], into: KodtauDb = db) =>
  into.transaction('rw', appealTables(into), () => addAppeals(appeals, into));

/** Every stored appeal of every project, by project then source order. */
export const allAppeals = async (): Promise<Appeal[]> =>
  (await db.appealBlocks.toArray()).flatMap((block) => block.appeals);

/** How many appeals are stored, in every project. */
export const appealTotal = async (): Promise<number> => (await allAppeals()).length;
