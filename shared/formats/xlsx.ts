import writeXlsxFile from 'write-excel-file/universal';
import type { CsvCell } from '../csv/writeCsv.ts';

/** What `toBlob()` returns in Chromium and Node; shared/ is compiled without DOM types. */
interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Rows (header first) as the bytes of an .xlsx workbook with one sheet. Numbers stay numbers;
 * text is written as text cells (write-excel-file never writes a formula unless asked), so a
 * cell starting with `=` cannot run in Excel and needs no apostrophe.
 */
export async function xlsxBytes(
  rows: readonly (readonly CsvCell[])[],
  sheet: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const data = rows.map((row, r) =>
    row.map((cell) => {
      if (cell === null || cell === undefined || cell === '') return null;
      if (typeof cell === 'number') return { value: cell, type: Number };
      return { value: String(cell), type: String, ...(r === 0 ? { fontWeight: 'bold' as const } : {}) };
    }),
  );
  // Excel limits sheet names to 31 characters without []:*?/\.
  const name = sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
  const blob = (await writeXlsxFile(data, { sheet: name }).toBlob()) as unknown as BlobLike;
  return new Uint8Array(await blob.arrayBuffer());
}
