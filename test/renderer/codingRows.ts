import { db, type KodtauDb } from '../../renderer/db/db.ts';
import { codingTables, putCodings } from '../../renderer/db/queries.ts';
import type { Coding } from '../../shared/model/index.ts';

/**
 * The codings stored, for tests: the coding blocks opened into rows, in the order the old
 * one-coding-a-row tables kept them (project, coder, appeal, variable).
 */
export type CodingKey = [projectId: string, coderId: string, appealId: string, variableId: string];

const keyOf = (c: Coding) => [c.projectId, c.coderId, c.appealId, c.variableId];
const byKey = (a: Coding, b: Coding) => {
  const [x, y] = [keyOf(a), keyOf(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
};

/** Every coding stored, answers and cleared ones. */
export async function storedCodings(from: KodtauDb = db): Promise<Coding[]> {
  return (await from.codingBlocks.toArray()).flatMap((block) => block.codings).sort(byKey);
}

/** Every answer stored (what the `codings` table held). */
export async function storedAnswers(from: KodtauDb = db): Promise<Coding[]> {
  return (await storedCodings(from)).filter((c) => !c.cleared);
}

/** Every cleared coding stored (what the `clearedCodings` table held). */
export async function storedCleared(from: KodtauDb = db): Promise<Coding[]> {
  return (await storedCodings(from)).filter((c) => c.cleared);
}

async function stored(key: CodingKey): Promise<Coding | undefined> {
  const [projectId, coderId, appealId, variableId] = key;
  return (await storedCodings()).find(
    (c) =>
      c.projectId === projectId &&
      c.coderId === coderId &&
      c.appealId === appealId &&
      c.variableId === variableId,
  );
}

/** The answer stored under a key (undefined when there is none or it is cleared). */
export async function storedAnswer(key: CodingKey): Promise<Coding | undefined> {
  const found = await stored(key);
  return found && !found.cleared ? found : undefined;
}

/** The cleared coding stored under a key (undefined when there is none or it is an answer). */
export async function storedClearing(key: CodingKey): Promise<Coding | undefined> {
  const found = await stored(key);
  return found?.cleared ? found : undefined;
}

/** Writes codings as the app does (`putCodings` in a transaction of its own). */
export function seedCodings(codings: readonly Coding[]): Promise<void> {
  return db.transaction('rw', codingTables(), () => putCodings(codings));
}
