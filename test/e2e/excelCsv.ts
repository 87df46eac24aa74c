import { parseCsv } from '../../shared/csv/parseCsv.ts';

/** Excel's list separator for a system language: `;` where the decimal mark is a comma. */
export const EXCEL_SEPARATOR: Record<string, ',' | ';'> = { en: ',', ru: ';', kk: ';' };

/**
 * Opens CSV bytes the way Excel does on a double click: UTF-8 only when the file starts with a
 * byte-order mark (else the ANSI code page, where Cyrillic turns to mojibake), fields split on
 * the system's list separator, and any cell that starts with `=`, `+`, `-`, `@`, tab or CR and is
 * not a plain number evaluated as a formula — quoted or not (OWASP, "CSV Injection").
 */
export function openAsExcel(bytes: Uint8Array, separator: ',' | ';') {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), { delimiter: separator }).rows;
  const liveFormulas = rows
    .flat()
    .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+([.,]\d+)?$/.test(cell));
  const widths = new Set(rows.map((row) => row.length));
  return { bom, rows, liveFormulas, sameWidth: widths.size === 1 };
}
