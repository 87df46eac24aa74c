import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Appeal } from '../model/index.ts';
import type { ColumnMapping } from './columnMapping.ts';
import type { SourceTable } from './readTable.ts';
import { cellName, type UnreadCell } from './xlsxCells.ts';

export const ROW_ISSUE_KINDS = [
  'duplicateId',
  'emptyText',
  'fieldCount',
  'cellError',
  'formulaNoValue',
] as const;

/** A row that cannot be imported as it is, with its line in the file. */
export interface RowIssue {
  readonly kind: (typeof ROW_ISSUE_KINDS)[number];
  readonly line: number;
  /** The duplicate id, the row's number of fields against the header's, or a cell's error (`#N/A`). */
  readonly detail: string;
  /** XLSX, `cellError` and `formulaNoValue`: the column's name and the cell (`D5`). */
  readonly column?: string;
  readonly cell?: string;
}

export interface ImportPlan {
  /** The rows without issues, as appeals, in file order. */
  readonly appeals: Appeal[];
  readonly issues: RowIssue[];
  /** Rows whose appeal the project already has (same id): skipped, so a re-import adds nothing twice. */
  readonly alreadyPresent: number;
}

/**
 * Turns mapped rows into appeals and lists every row that cannot be imported before anything
 * is written: a repeated id (every occurrence after the first), an empty text, a row with
 * more or fewer fields than the header, an imported cell of a sheet that holds an error or a
 * formula without a saved result (the first such cell of the row is named). Without an id column, an appeal's id is generated from
 * its content (text and metadata, SHA-256), so importing the same file again yields the same
 * ids; identical rows get `-2`, `-3`, … in file order.
 */
export function planImport(
  table: SourceTable,
  mapping: ColumnMapping,
  context: {
    readonly projectId: string;
    readonly existingIds: ReadonlySet<string>;
    readonly firstOrder: number;
  },
): ImportPlan {
  const appeals: Appeal[] = [];
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  const width = table.header.length;
  let alreadyPresent = 0;
  let order = context.firstOrder;
  const imported = new Set([
    mapping.text,
    ...(mapping.id === null ? [] : [mapping.id]),
    ...mapping.meta.map((m) => m.column),
  ]);
  const unread = new Map<number, UnreadCell>();
  for (const cell of table.unreadCells ?? []) {
    const before = unread.get(cell.line);
    if (imported.has(cell.column) && (!before || cell.column < before.column)) unread.set(cell.line, cell);
  }

  table.rows.forEach((row, i) => {
    const line = table.lines[i]!;
    if (row.length !== width) {
      issues.push({ kind: 'fieldCount', line, detail: `${row.length}/${width}` });
      return;
    }
    const cell = unread.get(line);
    if (cell) {
      issues.push({
        kind: cell.error === null ? 'formulaNoValue' : 'cellError',
        line,
        detail: cell.error ?? '',
        column: table.header[cell.column]!,
        cell: cellName(line, cell.column),
      });
      return;
    }
    const text = row[mapping.text]!.trim();
    if (text === '') {
      issues.push({ kind: 'emptyText', line, detail: '' });
      return;
    }
    // fromEntries, not `raw[name] = value`: assigning to "__proto__" would drop the column.
    const raw: Record<string, string> = Object.fromEntries(
      mapping.meta
        .map(({ column, name }) => [name, row[column]!.trim()] as const)
        .filter(([, value]) => value !== ''),
    );
    // The date as an ISO day, so that the date filter and the tables read it; ids come from the
    // values as written, so a file imported before this reads as the same appeals.
    const meta = raw.date === undefined ? raw : { ...raw, date: isoDay(raw.date) };
    let id: string;
    if (mapping.id !== null) {
      id = row[mapping.id]!.trim();
      if (id === '') id = contentId(text, raw, seen);
      else if (seen.has(id)) {
        issues.push({ kind: 'duplicateId', line, detail: id });
        return;
      }
    } else id = contentId(text, raw, seen);
    seen.add(id);
    if (context.existingIds.has(id)) {
      alreadyPresent++;
      return;
    }
    appeals.push({ projectId: context.projectId, id, text, meta, order: order++ });
  });
  return { appeals, issues, alreadyPresent };
}

function contentId(text: string, meta: Record<string, string>, taken: ReadonlySet<string>): string {
  const base = `a-${bytesToHex(sha256(utf8ToBytes(JSON.stringify([text, meta])))).slice(0, 16)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * A date as an ISO day (yyyy-mm-dd): `dd.mm.yyyy` as Kazakh and Russian write it (Excel's export
 * of "Дата поступления"), or an ISO date with a time. Anything else is kept as written.
 */
export function isoDay(value: string): string {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (dotted) {
    const [day, month, year] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(value);
  return iso ? iso[1]! : value;
}
