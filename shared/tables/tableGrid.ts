import type { CrossTab } from './crossTab.ts';
import type { FrequencyTable } from './frequencyTable.ts';
import { percentHalfUp } from './roundHalfUp.ts';

/** A table as rows of cells, the first row its header: what is copied, saved as CSV or XLSX. */
export type Grid = (string | number)[][];

export interface FrequencyGridText {
  category: string;
  count: string;
  /** "% of valid" for single choice, "% of cases" for multiple choice. */
  percentOfCases: string;
  percentOfResponses: string;
  total: string;
  missing: string;
  casesWithValue: string;
}

/**
 * The frequency (or multiple-response, when `multi`) table as a grid: one row per value with
 * its count and shares rounded half up, then the total computed from the counts (100 %, never
 * the sum of rounded shares), and the missing cases. Multiple response adds "% of responses"
 * and the number of cases with a value, which the "% of cases" column is relative to.
 */
export function frequencyGrid(
  table: FrequencyTable,
  label: (key: string) => string,
  decimals: number,
  multi: boolean,
  text: FrequencyGridText,
): Grid {
  const grid: Grid = [
    multi
      ? [text.category, text.count, text.percentOfResponses, text.percentOfCases]
      : [text.category, text.count, text.percentOfCases],
  ];
  for (const row of table.rows) {
    const ofCases = percentHalfUp(row.count, table.valid, decimals);
    grid.push(
      multi
        ? [label(row.key), row.count, percentHalfUp(row.count, table.responses, decimals), ofCases]
        : [label(row.key), row.count, ofCases],
    );
  }
  if (multi) {
    grid.push([text.total, table.responses, table.responses ? 100 : 0, '']);
    grid.push([text.casesWithValue, table.valid, '', '']);
    grid.push([text.missing, table.missing, '', '']);
  } else {
    grid.push([text.total, table.valid, table.valid ? 100 : 0]);
    grid.push([text.missing, table.missing, '']);
  }
  return grid;
}

/** Rounded shares of a single-choice table that do not add up to exactly 100 (e.g. 99.9). */
export function roundedSum(table: FrequencyTable, decimals: number): number {
  const scale = 10 ** decimals;
  const sum = table.rows.reduce(
    (acc, row) => acc + Math.round(percentHalfUp(row.count, table.valid, decimals) * scale),
    0,
  );
  return sum / scale;
}

export type CrossTabCell = 'count' | 'rowPercent' | 'colPercent';

/**
 * The cross-tab as a grid: the corner names both variables, each row a row value with, per
 * column value, the count or the row or column share (half up), and a total column and row.
 */
export function crossTabGrid(
  tab: CrossTab,
  rowLabel: (key: string) => string,
  colLabel: (key: string) => string,
  cell: CrossTabCell,
  decimals: number,
  text: { corner: string; total: string },
): Grid {
  const value = (count: number, r: number, c: number): number =>
    cell === 'count'
      ? count
      : cell === 'rowPercent'
        ? percentHalfUp(count, tab.rowTotals[r]!, decimals)
        : percentHalfUp(count, tab.colTotals[c]!, decimals);
  const grid: Grid = [[text.corner, ...tab.colKeys.map(colLabel), text.total]];
  tab.rowKeys.forEach((key, r) => {
    const total =
      cell === 'rowPercent'
        ? tab.rowTotals[r]
          ? 100
          : 0
        : cell === 'count'
          ? tab.rowTotals[r]!
          : percentHalfUp(tab.rowTotals[r]!, tab.total, decimals);
    grid.push([rowLabel(key), ...tab.counts[r]!.map((count, c) => value(count, r, c)), total]);
  });
  const grand = tab.colTotals.reduce((sum, x) => sum + x, 0);
  grid.push([
    text.total,
    ...tab.colTotals.map((count) =>
      cell === 'colPercent'
        ? count
          ? 100
          : 0
        : cell === 'count'
          ? count
          : percentHalfUp(count, grand, decimals),
    ),
    cell === 'count' ? grand : grand ? 100 : 0,
  ]);
  return grid;
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * The grid as an HTML table and as tab-separated text, the two forms Word and Excel read from
 * the clipboard (Word prefers text/html, a plain editor text/plain). `format` writes numbers in
 * the reader's locale ("17,9" for a Russian Excel).
 */
export function gridClipboard(grid: Grid, format: (value: number) => string): { html: string; text: string } {
  const cell = (value: string | number) => (typeof value === 'number' ? format(value) : value);
  const [head = [], ...body] = grid;
  const html =
    `<table><thead><tr>${head.map((v) => `<th>${escapeHtml(cell(v))}</th>`).join('')}</tr></thead><tbody>` +
    body
      .map(
        (row) =>
          `<tr>${row.map((v) => `<td${typeof v === 'number' ? ' style="text-align:right"' : ''}>${escapeHtml(cell(v))}</td>`).join('')}</tr>`,
      )
      .join('') +
    '</tbody></table>';
  const text = grid.map((row) => row.map((v) => cell(v).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n');
  return { html, text: `${text}\r\n` };
}
