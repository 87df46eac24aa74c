import type { CsvCell } from '../../../shared/csv/writeCsv.ts';
import { xlsxBytes } from '../../../shared/formats/xlsx.ts';

/**
 * The workbook's bytes, written in a worker so that a large dataset does not freeze the
 * window; where there are no workers (jsdom tests) on this thread.
 */
export function xlsxOffThread(rows: CsvCell[][], sheet: string): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof Worker === 'undefined') return xlsxBytes(rows, sheet);
  const worker = new Worker(new URL('./xlsxWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ bytes?: Uint8Array<ArrayBuffer>; error?: string }>) =>
      event.data.bytes ? resolve(event.data.bytes) : reject(new Error(event.data.error));
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ rows, sheet });
  }).finally(() => worker.terminate());
}
