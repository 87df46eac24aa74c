import readXlsxFile from 'read-excel-file/universal';
import { CsvError, parseCsv, type CsvDelimiter } from '../csv/parseCsv.ts';
import { restoreNeutralised } from '../csv/writeCsv.ts';
import { decodeText, type TextEncodingName } from '../encoding/decodeText.ts';
import { countSuspicious, detectEncoding } from '../encoding/detectEncoding.ts';
import { jsonDepth, MAX_JSON_DEPTH } from '../model/codebookHash.ts';
import { ImportError, MAX_COLUMNS } from './importError.ts';
import { unreadCells, type UnreadCell } from './xlsxCells.ts';

export type SourceFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';

/** A file read into a header and rows of text, before any column is mapped. */
export interface SourceTable {
  readonly format: SourceFormat;
  /** The encoding used (null for XLSX, whose text is always Unicode). */
  readonly encoding: TextEncodingName | null;
  readonly detectedEncoding: TextEncodingName | null;
  readonly delimiter: CsvDelimiter | null;
  /** Column names, unique and non-empty. */
  readonly header: string[];
  readonly rows: string[][];
  /** Where each row starts in the file, 1-based: the line (CSV, JSON Lines), the sheet row (XLSX), the record (JSON). */
  readonly lines: number[];
  /** The beginning of the decoded text, for the encoding preview. */
  readonly sample: string;
  /** Replacement characters and Kazakh look-alikes in the whole decoded text: a wrong encoding shows here. */
  readonly suspicious: number;
  /** XLSX: the workbook's sheets, the one read, and the sheet row taken as the header (1-based). */
  readonly sheets?: string[];
  readonly sheet?: string;
  readonly headerRow?: number;
  /** XLSX: the data rows' cells that hold an error or a formula without a saved result (read as ''). */
  readonly unreadCells?: UnreadCell[];
}

export interface ReadOptions {
  /** Overrides the detected encoding. */
  readonly encoding?: TextEncodingName;
  readonly delimiter?: CsvDelimiter;
  /** XLSX: the sheet to read (default the first). */
  readonly sheet?: string;
  /** XLSX: the sheet row (1-based) that names the columns (default: detected, see `headerIndex`). */
  readonly headerRow?: number;
}

const SAMPLE_CHARS = 1500;

/**
 * Reads an appeals file: XLSX (the first sheet or `options.sheet`), JSON (an array of objects), JSON Lines, or
 * CSV/TSV. The format is recognised by content, not by the file's name; text files are decoded
 * whole (see `decodeText`). The first row (or the objects' keys) names the columns.
 *
 * @throws {ImportError} for an empty, binary, PDF, legacy .xls or damaged file, bad quotes or
 * JSON, a file with no data rows, more than {@link MAX_COLUMNS} columns, or JSON values nested
 * deeper than `MAX_JSON_DEPTH`.
 */
export async function readTable(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceTable> {
  if (bytes.length === 0) throw new ImportError('empty');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new ImportError('pdf');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new ImportError('xls');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes, options);

  const detected = detectEncoding(bytes).encoding;
  const encoding = options.encoding ?? detected;
  const text = decodeText(bytes, encoding);
  // eslint-disable-next-line no-control-regex -- control characters (not tab, CR, LF) mean a binary file
  if (/[\0-\x08\x0e-\x1a]/.test(text.slice(0, 64 * 1024))) throw new ImportError('binary');
  if (text.trim() === '') throw new ImportError('empty');
  const base = {
    encoding,
    detectedEncoding: detected,
    sample: text.slice(0, SAMPLE_CHARS),
    suspicious: countSuspicious(text),
  };

  const first = text.trimStart()[0];
  if (first === '[') return { ...base, ...fromObjects(parseJsonArray(text), 'json') };
  if (first === '{') return { ...base, ...fromObjects(parseJsonLines(text), 'jsonl') };
  return { ...base, ...readCsv(text, options.delimiter) };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

type TablePart = Pick<SourceTable, 'format' | 'delimiter' | 'header' | 'rows' | 'lines'>;

function readCsv(text: string, delimiter: CsvDelimiter | undefined): TablePart {
  let parsed;
  try {
    parsed = parseCsv(text, { delimiter });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ImportError(
        error.message.startsWith('unclosed') ? 'unclosedQuote' : 'textAfterQuote',
        error.line,
      );
    }
    throw error;
  }
  const [header, ...rows] = parsed.rows;
  if (!header || rows.length === 0) throw new ImportError('noRows');
  checkColumns(header.length);
  return {
    format: 'csv',
    delimiter: parsed.delimiter,
    header: uniqueHeader(header),
    // A CSV written for Excel (by Kodtau or another tool) carries `'=…` for a text `=…`.
    rows: rows.map((row) => row.map(restoreNeutralised)),
    lines: parsed.lines.slice(1),
  };
}

function parseJsonArray(text: string): { records: unknown[]; lines: number[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportError('jsonSyntax');
  }
  if (!Array.isArray(value)) throw new ImportError('jsonShape');
  return { records: value, lines: value.map((_, i) => i + 1) };
}

function parseJsonLines(text: string): { records: unknown[]; lines: number[] } {
  const records: unknown[] = [];
  const lines: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch {
      throw new ImportError('jsonSyntax', i + 1);
    }
    lines.push(i + 1);
  });
  return { records, lines };
}

/** Objects to rows: the columns are the keys in order of first appearance. */
function fromObjects(
  { records, lines }: { records: unknown[]; lines: number[] },
  format: SourceFormat,
): TablePart {
  const columns = new Map<string, number>();
  records.forEach((record, i) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new ImportError('jsonShape', lines[i]);
    }
    // A nested value is kept as its JSON text, which JSON.stringify writes by recursion.
    if (jsonDepth(record) > MAX_JSON_DEPTH) throw new ImportError('tooDeep', lines[i]);
    for (const key of Object.keys(record)) if (!columns.has(key)) columns.set(key, columns.size);
    checkColumns(columns.size);
  });
  if (records.length === 0 || columns.size === 0) throw new ImportError('noRows');
  const header = [...columns.keys()];
  // Own keys only: a record without a "constructor" field has no value there, not Object's.
  const rows = records.map((record) =>
    header.map((key) =>
      Object.hasOwn(record as object, key) ? cellText((record as Record<string, unknown>)[key]) : '',
    ),
  );
  return { format, delimiter: null, header: uniqueHeader(header), rows, lines };
}

function checkColumns(count: number): void {
  if (count > MAX_COLUMNS) throw new ImportError('tooManyColumns');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A date or date-time of a sheet as written: Excel keeps no time zone, so none is added (no `Z`);
 * the day, then the time to the minute, second or millisecond it has. A serial number that
 * lands a millisecond off a whole second (floating point) is rounded to it.
 */
function dateText(value: Date): string {
  let time = value.getTime();
  const ms = ((time % 1000) + 1000) % 1000;
  if (ms <= 1 || ms >= 999) time = Math.round(time / 1000) * 1000;
  const iso = new Date(time).toISOString();
  const [day, clock] = [iso.slice(0, 10), iso.slice(11, 23)];
  if (clock === '00:00:00.000') return day;
  if (clock.endsWith(':00.000')) return `${day} ${clock.slice(0, 5)}`;
  return `${day} ${clock.endsWith('.000') ? clock.slice(0, 8) : clock}`;
}

/**
 * The header among the first non-empty rows: the first with at least half as many filled
 * cells as the fullest of them (and two, when any row has two), so that a title above the
 * table ("Appeals, 2019") is not taken for the column names.
 */
function headerIndex(rows: readonly { cells: string[] }[]): number {
  const filled = rows.slice(0, 20).map(({ cells }) => cells.filter((c) => c.trim() !== '').length);
  const most = Math.max(...filled);
  const index = filled.findIndex((count) => count >= Math.max(Math.min(most, 2), Math.ceil(most / 2)));
  return Math.max(index, 0);
}

async function readXlsx(bytes: Uint8Array, options: ReadOptions): Promise<SourceTable> {
  let workbook;
  try {
    // Copied into a fresh ArrayBuffer: the view may be a window onto a larger buffer.
    workbook = await readXlsxFile(bytes.slice().buffer);
  } catch {
    throw new ImportError('xlsxDamaged');
  }
  const index = Math.max(
    workbook.findIndex((s) => s.sheet === options.sheet),
    0,
  );
  const chosen = workbook[index];
  if (!chosen) throw new ImportError('noRows');
  let unread: UnreadCell[];
  try {
    unread = unreadCells(bytes, index);
  } catch {
    throw new ImportError('xlsxDamaged');
  }
  // A row of errors only is not an empty row: it is listed with its problem.
  const unreadLines = new Set(unread.map((cell) => cell.line));
  const nonEmpty = chosen.data
    .map((row, i) => ({ cells: row.map(cellText), line: i + 1 }))
    .filter(({ cells, line }) => cells.some((c) => c.trim() !== '') || unreadLines.has(line));
  const chosenHeader = nonEmpty.findIndex((row) => row.line === options.headerRow);
  const at = chosenHeader >= 0 ? chosenHeader : headerIndex(nonEmpty);
  const header = nonEmpty[at];
  const rows = nonEmpty.slice(at + 1);
  if (!header || rows.length === 0) throw new ImportError('noRows');
  checkColumns(header.cells.length);
  const width = header.cells.length;
  // read-excel-file pads rows to the sheet's width; trailing empty cells beyond the header are not fields.
  const trim = (cells: string[]) =>
    cells.length > width && cells.slice(width).every((c) => c === '') ? cells.slice(0, width) : cells;
  return {
    format: 'xlsx',
    encoding: null,
    detectedEncoding: null,
    delimiter: null,
    header: uniqueHeader(header.cells),
    rows: rows.map((r) => trim(r.cells)),
    lines: rows.map((r) => r.line),
    sample: '',
    suspicious: 0,
    sheets: workbook.map((s) => s.sheet),
    sheet: chosen.sheet,
    headerRow: header.line,
    unreadCells: unread.filter((cell) => cell.line > header.line && cell.column < width),
  };
}

/** Names every column: an empty name becomes "column N", a repeated one gets " (2)", " (3)", … */
export function uniqueHeader(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const name = raw.trim() || `column ${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
