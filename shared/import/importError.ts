/**
 * The most columns a file may have. An export of appeals has a dozen; each column is a row of
 * the mapping step, so a file with more (a matrix, a sheet filled sideways) is refused by name.
 */
export const MAX_COLUMNS = 1000;

/** Why a file cannot be imported; each code has a message in locales (`import.errors.<code>`). */
export const IMPORT_ERROR_CODES = [
  'empty',
  'binary',
  'pdf',
  'xls',
  'xlsxDamaged',
  'unclosedQuote',
  'textAfterQuote',
  'jsonSyntax',
  'jsonShape',
  'noRows',
  'tooManyColumns',
  'tooDeep',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** A file Kodtau cannot import, with the 1-based line or record where the problem is, when known. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly line?: number,
  ) {
    super(line === undefined ? code : `${code} (line ${line})`);
    this.name = 'ImportError';
  }
}
