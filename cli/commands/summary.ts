import { CsvError, parseCsv } from '../../shared/csv/parseCsv.ts';
import { frequencyTable, type FrequencyTable } from '../../shared/tables/frequencyTable.ts';
import { percentHalfUp } from '../../shared/tables/roundHalfUp.ts';
import { EXIT, inputError, parseCommandArgs, usageError, type Command, type CommandIO } from '../io.ts';
import { readText } from '../readText.ts';

const HELP = `Usage: kodtau summary <data.csv> --column <name> [--multi <separator>] [--json]

The frequency table of one column of any CSV; with --multi, the multiple-response table of a
column whose cells hold several values.

data.csv      first row: column names. Comma, semicolon or tab separated (detected), quoted
              fields may hold line breaks; UTF-8 with or without BOM, UTF-16, Windows-1251,
              RK1048 or KOI8-R (detected as the import does).

Options:
  --column C     the column to count (its name in the first row).
  --multi S      cells hold several values separated by S (e.g. "|" or ";"): each value is a
                 response; % of cases is over the cases with at least one value, % of
                 responses over all values.
  --json         print one JSON object: column, cases, valid, missing, responses, rows
                 [{ value, count, percentOfCases, percentOfResponses }], rows sorted by count
                 descending then value; percentages unrounded (0-100), percentOfCases over
                 valid cases.
  -h, --help     show this help.

A cell that is empty (or only spaces) is missing; values are trimmed. Exit status: 0 success,
1 bad input (the message says why), 2 bad usage.
`;

const COMMAND = { name: 'summary', help: HELP, usageHint: 'see-help' } as const;

/** `kodtau summary`: the frequency or multiple-response table of one CSV column. */
export const summaryCommand: Command = {
  summary: 'frequency (or multiple-response) table of one column of a CSV',
  run,
};

/** The JSON object scripts depend on; its keys are fixed. */
export interface SummaryJson {
  column: string;
  cases: number;
  valid: number;
  missing: number;
  responses: number;
  rows: { value: string; count: number; percentOfCases: number; percentOfResponses: number }[];
}

async function run(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(io, COMMAND, args, {
    column: { type: 'string' },
    multi: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageError(io, COMMAND, 'expected exactly one CSV file');
  if (values.column === undefined) return usageError(io, COMMAND, '--column is required');
  if (values.multi === '') return usageError(io, COMMAND, '--multi needs a separator');
  const file = positionals[0]!;

  let rows: string[][];
  try {
    rows = parseCsv((await readText(file)).text).rows;
  } catch (error) {
    if (error instanceof CsvError)
      return inputError(io, COMMAND, `${file}: line ${error.line}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) return inputError(io, COMMAND, `${file}: cannot read (${code})`);
    throw error;
  }
  const [header = [], ...data] = rows;
  const index = header.findIndex((name) => name.trim() === values.column!.trim());
  if (index < 0)
    return inputError(
      io,
      COMMAND,
      `${file}: no column "${values.column}"; the columns are: ${header.map((h) => `"${h}"`).join(', ')}`,
    );
  const separator = values.multi;
  const cases = data.map((row) => {
    const cell = (row[index] ?? '').trim();
    if (cell === '') return [];
    return separator === undefined
      ? [cell]
      : cell
          .split(separator)
          .map((value) => value.trim())
          .filter(Boolean);
  });
  const summary = toJson(values.column, frequencyTable(cases), cases.length);
  io.out(values.json ? `${JSON.stringify(summary)}\n` : formatTable(summary, file, separator !== undefined));
  return EXIT.ok;
}

function toJson(column: string, table: FrequencyTable, cases: number): SummaryJson {
  // Ties by value in code-point order, the same on every machine (localeCompare is not).
  const rows = [...table.rows].sort(
    (a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return {
    column,
    cases,
    valid: table.valid,
    missing: table.missing,
    responses: table.responses,
    rows: rows.map((row) => ({
      value: row.key,
      count: row.count,
      percentOfCases: row.shareOfCases * 100,
      percentOfResponses: row.shareOfResponses * 100,
    })),
  };
}

function formatTable(summary: SummaryJson, file: string, multi: boolean): string {
  const width = Math.max(12, ...summary.rows.map((row) => [...row.value].length)) + 2;
  const pct = (part: number, whole: number) => percentHalfUp(part, whole, 1).toFixed(1).padStart(12);
  const lines = [
    `${multi ? 'Multiple-response table' : 'Frequency table'}: column "${summary.column}" of ${file}`,
    `Cases: ${summary.cases}   valid: ${summary.valid}   missing: ${summary.missing}${multi ? `   responses: ${summary.responses}` : ''}`,
    '',
    `${'value'.padEnd(width)}${'count'.padStart(8)}${(multi ? '% of cases' : '% of valid').padStart(12)}${multi ? '% of resp.'.padStart(12) : ''}`,
  ];
  for (const row of summary.rows)
    lines.push(
      `${row.value.padEnd(width)}${String(row.count).padStart(8)}${pct(row.count, summary.valid)}${multi ? pct(row.count, summary.responses) : ''}`,
    );
  lines.push(
    `${(multi ? 'Responses' : 'Total').padEnd(width)}${String(multi ? summary.responses : summary.valid).padStart(8)}${multi ? ''.padStart(12) : pct(summary.valid, summary.valid)}${multi ? pct(summary.responses, summary.responses) : ''}`,
    `${'Missing'.padEnd(width)}${String(summary.missing).padStart(8)}`,
    '',
    'Percentages rounded half up to one decimal; the total is computed from the counts.',
  );
  return `${lines.join('\n')}\n`;
}
