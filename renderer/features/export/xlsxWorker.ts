/// <reference lib="webworker" />
import type { CsvCell } from '../../../shared/csv/writeCsv.ts';
import { xlsxBytes } from '../../../shared/formats/xlsx.ts';

/** Writes one workbook per message, off the UI thread (100 000 rows take seconds). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<{ rows: CsvCell[][]; sheet: string }>) => {
  xlsxBytes(event.data.rows, event.data.sheet).then(
    (bytes) => scope.postMessage({ bytes }, [bytes.buffer]),
    (error: unknown) => scope.postMessage({ error: String(error) }),
  );
});
