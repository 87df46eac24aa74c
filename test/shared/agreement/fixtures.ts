import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../../shared/csv/parseCsv.ts';

/** Rows (without the header) of a matrix CSV in test/fixtures/agreement, empty cells as null. */
export function fixtureRows(name: string): (string | null)[][] {
  const text = readFileSync(
    fileURLToPath(new URL(`../../fixtures/agreement/${name}`, import.meta.url)),
    'utf8',
  );
  return parseCsv(text)
    .rows.slice(1)
    .map((row) => row.map((cell) => (cell.trim() === '' ? null : cell.trim())));
}

/** Expands a two-coder contingency table into unit rows. */
export function rowsFromTable(table: readonly (readonly number[])[], labels: readonly string[]): string[][] {
  const rows: string[][] = [];
  table.forEach((line, i) =>
    line.forEach((n, j) => rows.push(...Array.from({ length: n }, () => [labels[i]!, labels[j]!]))),
  );
  return rows;
}
