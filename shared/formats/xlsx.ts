import writeXlsxFile from 'write-excel-file/universal';
import type { CsvCell } from '../csv/writeCsv.ts';

/** What `toBlob()` returns in Chromium and Node; shared/ is compiled without DOM types. */
interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A text that is a number written the way JavaScript writes it ("17", "-5", "2.5"; not "007"). */
const isCanonicalNumber = (text: string) =>
  text.trim() === text && text !== '' && String(Number(text)) === text;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Rows (header first) as the bytes of an .xlsx workbook with one sheet. Numbers stay numbers,
 * and so does a text that is a plain number ("17", "-5": a numeric metadata value, a value of
 * the long layout), a calendar date "YYYY-MM-DD" is a date cell shown as such; anything else is
 * a text cell (write-excel-file never writes a formula unless asked), so a cell starting with
 * `=` cannot run in Excel and needs no apostrophe. Kodtau's import reads each back as the same text.
 */
export async function xlsxBytes(
  rows: readonly (readonly CsvCell[])[],
  sheet: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const data = rows.map((row, r) =>
    row.map((cell) => {
      if (cell === null || cell === undefined || cell === '') return null;
      if (typeof cell === 'number') return { value: cell, type: Number };
      const text = String(cell);
      if (r === 0) return { value: text, type: String, fontWeight: 'bold' as const };
      if (isCanonicalNumber(text)) return { value: Number(text), type: Number };
      const date = DATE.exec(text);
      if (date) {
        const value = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
        if (value.toISOString().startsWith(text)) return { value, type: Date, format: 'yyyy-mm-dd' };
      }
      return { value: text, type: String };
    }),
  );
  // Excel limits sheet names to 31 characters without []:*?/\.
  const name = sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
  const blob = (await writeXlsxFile(data, { sheet: name }).toBlob()) as unknown as BlobLike;
  return new Uint8Array(await blob.arrayBuffer());
}
