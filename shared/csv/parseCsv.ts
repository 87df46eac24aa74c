/** The delimiters `parseCsv` recognises: comma, semicolon (Excel in ru/kk locales), tab. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface ParsedCsv {
  /** Records, each a list of fields; blank lines are skipped. */
  readonly rows: string[][];
  /** 1-based line of the file on which each record starts (records may span lines inside quotes). */
  readonly lines: number[];
  readonly delimiter: CsvDelimiter;
}

/** A CSV the parser cannot read, with the 1-based line where the problem starts. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * Parses delimited text as RFC 4180 describes: fields optionally enclosed in double quotes, a
 * doubled quote inside quotes for a literal quote, delimiters and line breaks allowed inside quotes;
 * records end with CRLF, LF or CR. A leading UTF-8 byte-order mark is dropped. Blank lines are skipped
 * (a line of delimiters is a record of empty fields). Fields are returned verbatim (not trimmed).
 *
 * Without `delimiter`, the one of `,` `;` tab that occurs most often outside quotes in the first
 * record is used (comma when none occurs).
 *
 * @throws {CsvError} on a quote that is never closed, or text after a closing quote.
 * @example parseCsv('a;"b;c"\n1;2').rows // [['a', 'b;c'], ['1', '2']]
 */
export function parseCsv(input: string, options: { readonly delimiter?: CsvDelimiter } = {}): ParsedCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let rowHasContent = false;
  let i = 0;
  const n = text.length;

  const endRecord = (): void => {
    row.push(field);
    if (rowHasContent || row.length > 1) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    field = '';
    rowHasContent = false;
  };

  // Fields are cut from the text with `slice`, never built a character at a time: an 80 MB file
  // of 100 000 appeals would otherwise hold every field as a rope of one-character strings.
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // A quoted field: the parts between doubled quotes, joined.
      const start = line;
      const parts: string[] = [];
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw new CsvError(`unclosed quote (opened on line ${start})`, start);
        line += lineBreaks(text, i, close);
        parts.push(text.slice(i, close));
        if (text[close + 1] === '"') {
          parts.push('"');
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      field = parts.join('');
      rowHasContent = true;
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new CsvError(`unexpected text after a closing quote on line ${line}`, line);
      }
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    // An unquoted field runs to the next delimiter or line break; a quote inside it is literal.
    let end = i;
    while (end < n) {
      const c = text[end];
      if (c === delimiter || c === '\n' || c === '\r') break;
      end++;
    }
    field += text.slice(i, end);
    rowHasContent = true;
    i = end;
  }
  if (field !== '' || row.length > 0 || rowHasContent) endRecord();
  return { rows, lines, delimiter };
}

/** Line breaks (CRLF, LF or a lone CR) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((c) => c > 0)) break;
    } else if (!quoted && counts.has(ch as CsvDelimiter)) {
      counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
