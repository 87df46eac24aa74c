import type { Page } from 'playwright-core';

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
