export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** `;` for Excel in Russian and Kazakh locales (where `,` is the decimal separator), `,` otherwise. */
  delimiter: ',' | ';' | '\t';
  /** Prefix a UTF-8 byte order mark so Excel reads Cyrillic correctly. Default true. */
  bom?: boolean;
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a text cell that starts
 * with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so Excel shows it as text. Plain
 * numbers such as `-3` or `+7.5` are left as they are.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell, delimiter: string): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? neutraliseFormula(cell) : String(cell);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends, as Excel writes it. */
export function writeCsv(
  rows: readonly (readonly CsvCell[])[],
  { delimiter, bom = true }: CsvOptions,
): string {
  const body = rows.map((row) => row.map((cell) => cellText(cell, delimiter)).join(delimiter)).join('\r\n');
  return `${bom ? '\uFEFF' : ''}${body}\r\n`;
}
