import { CsvError, parseCsv } from '../csv/parseCsv.ts';
import { parseNumber } from './parseNumber.ts';

/** Bad matrix input, naming the row (1-based record number, the header being row 1) and its line. */
export class MatrixError extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly line: number,
  ) {
    super(message);
    this.name = 'MatrixError';
  }
}

export interface AgreementMatrix {
  readonly coders: readonly string[];
  /** One row per unit, one cell per coder; empty (or blank) cells are null. Cells are trimmed. */
  readonly units: (string | null)[][];
  /** Row number (header = 1) of each unit, for messages. */
  readonly rowNumbers: readonly number[];
  /** Line of the file on which each unit's row starts. */
  readonly lineNumbers: readonly number[];
}

/**
 * Reads the reliability-data matrix that ReCal and most agreement calculators use: the first row
 * names the coders, each further row is a unit, each cell that coder's value; an empty cell is a
 * missing value. Comma, semicolon or tab separated (detected); a UTF-8 byte-order mark is ignored.
 *
 * @throws {MatrixError} for an empty file, a header with an empty, duplicated or numbers-only list of
 *   names (taken as a missing header), a single column, or a row whose length differs from the header's.
 * @example readAgreementMatrix('A,B\n1,2\n3,').units // [['1', '2'], ['3', null]]
 */
export function readAgreementMatrix(text: string): AgreementMatrix {
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new MatrixError(error.message, 0, error.line);
    throw error;
  }
  const records: string[][] = [];
  const lines: number[] = [];
  parsed.rows.forEach((row, i) => {
    if (row.length === 1 && row[0]!.trim() === '') return;
    records.push(row);
    lines.push(parsed.lines[i]!);
  });
  const header = records[0];
  if (!header)
    throw new MatrixError('row 1: no header (the file is empty); the first row must name the coders', 1, 1);
  const coders = header.map((name) => name.trim());
  if (coders.length < 2) {
    throw new MatrixError(
      `row 1: a single column; need one column per coder (at least two), separated by comma, semicolon or tab`,
      1,
      lines[0]!,
    );
  }
  const blank = coders.findIndex((name) => name === '');
  if (blank >= 0)
    throw new MatrixError(
      `row 1: no header name in column ${blank + 1}; the first row must name the coders`,
      1,
      lines[0]!,
    );
  if (coders.every((name) => !Number.isNaN(parseNumber(name)))) {
    throw new MatrixError(
      `row 1: no header (it holds only numbers: ${coders.join(', ')}); the first row must name the coders`,
      1,
      lines[0]!,
    );
  }
  const seen = new Set<string>();
  for (const name of coders) {
    if (seen.has(name)) throw new MatrixError(`row 1: coder "${name}" is named twice`, 1, lines[0]!);
    seen.add(name);
  }
  const units: (string | null)[][] = [];
  const rowNumbers: number[] = [];
  const lineNumbers: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.length !== coders.length) {
      throw new MatrixError(
        `row ${r + 1} (line ${lines[r]}): ${record.length} cells, expected ${coders.length} (one per coder)`,
        r + 1,
        lines[r]!,
      );
    }
    units.push(
      record.map((cell) => {
        const value = cell.trim();
        return value === '' ? null : value;
      }),
    );
    rowNumbers.push(r + 1);
    lineNumbers.push(lines[r]!);
  }
  return { coders, units, rowNumbers, lineNumbers };
}
