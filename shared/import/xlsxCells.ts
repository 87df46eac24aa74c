import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

/**
 * A cell of a sheet that has no value to import: an error (`#N/A`, `#DIV/0!`, `#VALUE!`,
 * `#REF!`, …) or a formula saved without its result (a file written by a program that does not
 * calculate). read-excel-file gives both as empty cells; the import reports them instead.
 */
export interface UnreadCell {
  /** The sheet row, 1-based. */
  readonly line: number;
  /** The sheet column, 0-based (A = 0): the index in the row read-excel-file gives. */
  readonly column: number;
  /** The error the cell shows, or null for a formula without a saved result. */
  readonly error: string | null;
}

/** Where a cell's formula or error is written: `<f>` (`<x:f>`) or `t="e"`. Most sheets have neither. */
const MAY_HAVE_UNREAD = /<(?:[\w.-]+:)?f[\s/>]|\st\s*=\s*["']e["']/;

interface XmlCell {
  readonly '@_r'?: string;
  readonly '@_t'?: string;
  readonly f?: unknown;
  readonly v?: unknown;
}
interface XmlRow {
  readonly '@_r'?: string;
  readonly c?: XmlCell[];
}
interface XmlParts {
  readonly workbook?: { sheets?: { sheet?: { '@_r:id'?: string; '@_id'?: string }[] } };
  readonly Relationships?: { Relationship?: { '@_Id'?: string; '@_Target'?: string }[] };
  readonly worksheet?: { sheetData?: { row?: XmlRow[] } };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Only the presence of `<f>` and `<v>` and an error's code are read: no entity is expanded.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  isArray: (name) => name === 'row' || name === 'c' || name === 'sheet' || name === 'Relationship',
});

/**
 * The error cells and the formulas without a saved result of a sheet (0-based, in the order of
 * the workbook, as read-excel-file lists them), read from its XML: the workbook is a zip of XML
 * parts, found as read-excel-file finds them (`xl/workbook.xml`, `xl/_rels/workbook.xml.rels`).
 * A sheet with no formula and no error is recognised without parsing it.
 *
 * @throws when the parts are missing or not XML (the caller reports a damaged file).
 */
export function unreadCells(bytes: Uint8Array, sheetIndex: number): UnreadCell[] {
  const files = parts(bytes, (name) => name === WORKBOOK || name === RELATIONS);
  const sheet = parse(files, WORKBOOK).workbook?.sheets?.sheet?.[sheetIndex];
  // `r:id`, or `id` once the prefix is removed.
  const id = sheet?.['@_r:id'] ?? sheet?.['@_id'];
  const target = parse(files, RELATIONS).Relationships?.Relationship?.find((r) => r['@_Id'] === id)?.[
    '@_Target'
  ];
  if (id === undefined || target === undefined) throw new Error(`no part for sheet ${sheetIndex + 1}`);
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const xml = text(
    parts(bytes, (name) => name === path),
    path,
  );
  if (!MAY_HAVE_UNREAD.test(xml)) return [];
  const found: UnreadCell[] = [];
  let line = 0;
  for (const row of (parser.parse(xml) as XmlParts).worksheet?.sheetData?.row ?? []) {
    line = row['@_r'] ? Number(row['@_r']) : line + 1;
    let column = -1;
    for (const cell of row.c ?? []) {
      // The address is optional: without it a cell follows the one before it.
      const at = cell['@_r'] ? cellAddress(cell['@_r']) : null;
      column = at ? at.column : column + 1;
      const where = { line: at ? at.line : line, column };
      if (cell['@_t'] === 'e') {
        found.push({ ...where, error: typeof cell.v === 'string' && cell.v !== '' ? cell.v : null });
      } else if (cell.f !== undefined && cell.v === undefined) {
        found.push({ ...where, error: null });
      }
    }
  }
  return found;
}

const WORKBOOK = 'xl/workbook.xml';
const RELATIONS = 'xl/_rels/workbook.xml.rels';

function parts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  return unzipSync(bytes, { filter: (file) => wanted(file.name) });
}

function text(files: Record<string, Uint8Array>, name: string): string {
  const part = files[name];
  if (!part) throw new Error(`no ${name} in the workbook`);
  return strFromU8(part).replace(/^\uFEFF/, '');
}

function parse(files: Record<string, Uint8Array>, name: string): XmlParts {
  return parser.parse(text(files, name)) as XmlParts;
}

/** `D5` → line 5, column 3. */
function cellAddress(address: string): { line: number; column: number } | null {
  const match = /^([A-Z]{1,3})(\d+)$/i.exec(address);
  if (!match) return null;
  const column = [...match[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { line: Number(match[2]), column };
}

/** Line 5, column 3 → `D5`, as Excel and Calc name the cell. */
export function cellName(line: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${line}`;
}
