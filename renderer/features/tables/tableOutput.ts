import { writeCsv } from '../../../shared/csv/writeCsv.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { gridClipboard, type Grid } from '../../../shared/tables/tableGrid.ts';
import { formatNumber } from '../../i18n.ts';

/** A number as the reader's spreadsheet parses it: locale decimal mark, no grouping. */
export function spreadsheetNumber(value: number, lang: Lang, decimals: number): string {
  return formatNumber(value, lang, {
    useGrouping: false,
    minimumFractionDigits: Number.isInteger(value) ? 0 : decimals,
    maximumFractionDigits: decimals,
  });
}

/**
 * Puts the table on the clipboard as HTML (Word and Excel paste it as a table) and as
 * tab-separated text. Electron grants `clipboard-sanitized-write` to app://kodtau.
 */
export async function copyGrid(grid: Grid, lang: Lang, decimals: number): Promise<void> {
  const { html, text } = gridClipboard(grid, (value) => spreadsheetNumber(value, lang, decimals));
  if (typeof ClipboardItem === 'function' && navigator.clipboard.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
  } else {
    await navigator.clipboard.writeText(text);
  }
}

/**
 * The table as CSV bytes (UTF-8 with BOM, CRLF). With `;` (Excel in Russian and Kazakh) the
 * decimal mark is a comma, as that Excel reads numbers.
 */
export function gridCsv(grid: Grid, delimiter: ',' | ';'): Uint8Array<ArrayBuffer> {
  const rows = grid.map((row) =>
    row.map((cell) =>
      typeof cell === 'number' && delimiter === ';' ? String(cell).replace('.', ',') : cell,
    ),
  );
  return new TextEncoder().encode(writeCsv(rows, { delimiter }));
}

/**
 * What a saved table (CSV, XLSX) holds: the grid, then after an empty row what the screen shows
 * under it — the test statistics as exact numbers (χ², df, p, Cramér's V), the notes and the
 * warnings.
 */
export function savedGrid(table: {
  grid: Grid;
  statistics: readonly (readonly [string, number])[];
  notes: readonly string[];
  warnings: readonly string[];
}): Grid {
  const below: Grid = [
    ...table.statistics.map(([label, value]) => [label, value]),
    ...[...table.notes, ...table.warnings].map((note) => [note]),
  ];
  return below.length > 0 ? [...table.grid, [], ...below] : table.grid;
}

/** A file name from the table's title: letters of any script, digits, `-`. */
export function fileStem(...parts: string[]): string {
  return parts
    .join('-')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
