import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CsvCell } from '../csv/writeCsv.ts';

/**
 * The .xlsx writer (Office Open XML, ECMA-376 part 1: SpreadsheetML): one sheet of rows, its
 * texts in the shared-string table as Excel itself writes them, zipped by fflate. Written here
 * rather than by a general library: at 100 000 appeals with their texts (3 million cells) a
 * library building each cell's markup attribute by attribute took most of the export's time.
 */

/** A text that is a number written the way JavaScript writes it ("17", "-5", "2.5"; not "007"). */
const isCanonicalNumber = (text: string) =>
  text.trim() === text && text !== '' && String(Number(text)) === text;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day 0 of Excel's 1900 date system, as its serial numbers count days (1900-03-01 on). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

// Characters XML 1.0 does not allow (controls but tab, line feed, carriage return; lone
// surrogates; U+FFFE and U+FFFF) are left out: no reader would take the file with them.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- those are the characters meant
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xmlText = (text: string) => text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** The column's letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cell styles (cellXfs in styles.xml): 0 plain, 1 bold (the header), 2 a date as yyyy-mm-dd. */
const BOLD = 1;
const DAY = 2;

/** The serial number of a calendar date "YYYY-MM-DD"; null for any other text. */
function dateSerial(text: string): number | null {
  const date = DATE.exec(text);
  if (!date) return null;
  const time = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  if (!new Date(time).toISOString().startsWith(text)) return null;
  return (time - EXCEL_EPOCH) / DAY_MS;
}

/**
 * Rows (header first) as the bytes of an .xlsx workbook with one sheet. Numbers stay numbers,
 * and so does a text that is a plain number ("17", "-5": a numeric metadata value, a value of
 * the long layout), a calendar date "YYYY-MM-DD" is a date cell shown as such; anything else is
 * a text cell. No cell is a formula, so a cell starting with `=` cannot run in Excel and needs no
 * apostrophe. Kodtau's import reads each back as the same text.
 */
export async function xlsxBytes(
  rows: readonly (readonly CsvCell[])[],
  sheet: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const strings = new Map<string, number>();
  const stringIndex = (text: string) => {
    let index = strings.get(text);
    if (index === undefined) strings.set(text, (index = strings.size));
    return index;
  };
  const columns: string[] = [];
  const sheetRows = rows.map((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined || cell === '') return;
      const ref = `${(columns[c] ??= columnName(c))}${r + 1}`;
      const text = String(cell);
      if (r === 0) cells.push(`<c r="${ref}" s="${BOLD}" t="s"><v>${stringIndex(text)}</v></c>`);
      else if (typeof cell === 'number' ? Number.isFinite(cell) : isCanonicalNumber(text))
        cells.push(`<c r="${ref}"><v>${text}</v></c>`);
      else {
        const serial = typeof cell === 'string' ? dateSerial(text) : null;
        cells.push(
          serial === null
            ? `<c r="${ref}" t="s"><v>${stringIndex(text)}</v></c>`
            : `<c r="${ref}" s="${DAY}"><v>${serial}</v></c>`,
        );
      }
    });
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  const shared = [...strings.keys()].map((text) => `<si><t xml:space="preserve">${xmlText(text)}</t></si>`);
  // Excel limits sheet names to 31 characters without []:*?/\.
  const name =
    sheet
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet1';
  const files: Zippable = {
    '[Content_Types].xml': xml(CONTENT_TYPES),
    '_rels/.rels': xml(PACKAGE_RELATIONSHIPS),
    'xl/workbook.xml': xml(
      `<workbook ${MAIN} xmlns:r="${RELATIONSHIPS_NS}"><sheets><sheet name="${xmlText(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': xml(WORKBOOK_RELATIONSHIPS),
    'xl/styles.xml': xml(STYLES),
    'xl/sharedStrings.xml': xml(
      `<sst ${MAIN} count="${strings.size}" uniqueCount="${strings.size}">${shared.join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': xml(
      `<worksheet ${MAIN}><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    ),
  };
  // The fastest compression: the texts still shrink several times, in a fraction of the time.
  return zipSync(files, { level: 1 }) as Uint8Array<ArrayBuffer>;
}

const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const CONTENT_TYPES = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/></Types>`;
const PACKAGE_RELATIONSHIPS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELATIONSHIPS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELATIONSHIPS_NS}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${RELATIONSHIPS_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const STYLES = `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
