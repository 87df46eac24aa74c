import type { Page } from 'playwright-core';
import { codingBlockKeyOf, OpenCodingBlock, type CodingBlock } from '../../renderer/db/codingBlocks.ts';
import type { AppealBlock } from '../../renderer/db/appealBlocks.ts';
import type { Appeal, Coding } from '../../shared/model/index.ts';

/**
 * The app's IndexedDB read and written with the browser's raw API, from outside the app: what is
 * really stored, and what an earlier session (or release) would have left. Each call opens the
 * database, does one transaction and closes it again, so that the app can upgrade or reopen it.
 */
type Operation =
  { kind: 'getAll' | 'count' | 'clear'; store: string } | { kind: 'put'; store: string; rows: unknown[] };

function run<T>(page: Page, operation: Operation): Promise<T> {
  return page.evaluate(
    (op) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('kodtau');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(
            op.store,
            op.kind === 'put' || op.kind === 'clear' ? 'readwrite' : 'readonly',
          );
          const store = tx.objectStore(op.store);
          let result: unknown;
          if (op.kind === 'put') for (const row of op.rows) store.put(row);
          else if (op.kind === 'clear') store.clear();
          else {
            const request = op.kind === 'count' ? store.count() : store.getAll();
            request.onsuccess = () => (result = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(result as T);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    operation,
  );
}

/** Every row of a store, in key order. */
export const storeRows = <T = Record<string, unknown>>(page: Page, store: string) =>
  run<T[]>(page, { kind: 'getAll', store });

export const storeCount = (page: Page, store: string) => run<number>(page, { kind: 'count', store });

/** Writes rows into a store as they are (keys from the rows). */
export const putRows = (page: Page, store: string, rows: unknown[]) =>
  run<void>(page, { kind: 'put', store, rows });

export const clearStore = (page: Page, store: string) => run<void>(page, { kind: 'clear', store });

/** Every appeal stored, out of the appeal blocks, by project and source order. */
export const storedAppeals = async (page: Page): Promise<Appeal[]> =>
  (await storeRows<AppealBlock>(page, 'appealBlocks')).flatMap((block) => block.appeals);

const unitOrder = (c: Coding) => [c.projectId, c.coderId, c.appealId, c.variableId].join('\u0000');

/** Every coding stored (answers and cleared ones), out of the coding blocks, by coder, appeal and variable. */
export async function storedCodings(page: Page): Promise<Coding[]> {
  const blocks = await storeRows<CodingBlock>(page, 'codingBlocks');
  return blocks
    .flatMap((block) => block.codings)
    .sort((a, b) => (unitOrder(a) < unitOrder(b) ? -1 : unitOrder(a) > unitOrder(b) ? 1 : 0));
}

/** Every answer stored (cleared codings left out). */
export const storedAnswers = async (page: Page) => (await storedCodings(page)).filter((c) => !c.cleared);

/** Every cleared coding stored. */
export const storedCleared = async (page: Page) => (await storedCodings(page)).filter((c) => c.cleared);

/**
 * Writes codings into their coders' blocks with the raw API, as an earlier session would have
 * left them (the answer blocks are not touched). Each replaces the coding of its unit.
 */
export async function putCodingRows(page: Page, codings: readonly Coding[]): Promise<void> {
  const stored = new Map(
    (await storeRows<CodingBlock>(page, 'codingBlocks')).map((row) => [
      [row.projectId, row.coderId, row.block].join('\u0000'),
      row,
    ]),
  );
  const open = new Map<string, OpenCodingBlock>();
  for (const coding of codings) {
    const key = codingBlockKeyOf(coding);
    const id = key.join('\u0000');
    let block = open.get(id);
    if (!block) open.set(id, (block = new OpenCodingBlock(key, stored.get(id))));
    block.add(coding);
  }
  await putRows(
    page,
    'codingBlocks',
    [...open.values()].map((block) => block.close()),
  );
}
