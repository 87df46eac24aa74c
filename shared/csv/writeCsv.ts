export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** `;` for Excel in Russian and Kazakh locales (where `,` is the decimal separator), `,` otherwise. */
  delimiter: ',' | ';' | '\t';
  /** Prefix a UTF-8 byte order mark so Excel reads Cyrillic correctly. Default true. */
  bom?: boolean;
  /**
   * Whether the file is meant for Excel (default true): then text cells Excel would run as a
   * formula are neutralised (`neutraliseFormula`). A file for R, SPSS or pandas (`false`)
   * carries every text exactly as it is.
   */
  excel?: boolean;
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
/** A text Excel would run (after any apostrophes a previous neutralisation added). */
const FORMULA = /^'*[=+\-@\t\r]/;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a text cell that starts
 * with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so Excel shows it as text. Plain
 * numbers such as `-3` or `+7.5` are left as they are. A text that already starts with
 * apostrophes before such a character gets one more, so `restoreNeutralised` gives back every
 * original text exactly (`'=1` → `''=1` → `'=1`).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** The original text of a cell `neutraliseFormula` wrote: one leading apostrophe fewer. */
export function restoreNeutralised(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function cellText(cell: CsvCell, delimiter: string, excel: boolean): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' && excel ? neutraliseFormula(cell) : String(cell);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends, as Excel writes it. */
export function writeCsv(
  rows: readonly (readonly CsvCell[])[],
  { delimiter, bom = true, excel = true }: CsvOptions,
): string {
  const body = rows
    .map((row) => row.map((cell) => cellText(cell, delimiter, excel)).join(delimiter))
    .join('\r\n');
  return `${bom ? '\uFEFF' : ''}${body}\r\n`;
}
