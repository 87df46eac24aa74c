import { writeCsv } from '../csv/writeCsv.ts';
import { cutToBytes, datasetRows, safeColumnNames, utf8Length, type Dataset } from './dataset.ts';

/**
 * The files for statistics programs: `<stem>-data.csv` (`statisticsCsv`), with every text
 * exactly as Kodtau holds it (no Excel apostrophe), read by the SPSS syntax (`spssSyntax`) and
 * the R script (`rScript`) written with it. PSPP's GET DATA ends a field at the end of a line,
 * even inside quotes, so a line break inside a cell is written as a private-use character that
 * occurs nowhere in the data (`lineBreakMarkers`), and the syntax and the script put the line
 * break back.
 */
export interface SyntaxOptions {
  /** The name of the data CSV (`statisticsCsv`) the syntax and the script read. */
  fileName: string;
  title: string;
}

/** SPSS limits: variable labels 255 bytes, value labels 120 bytes, strings 32767 bytes. */
const VARIABLE_LABEL_BYTES = 255;
const VALUE_LABEL_BYTES = 120;
const MAX_STRING_BYTES = 32767;

export interface LineBreakMarkers {
  /** Stands for LF in the data CSV. */
  lf: string;
  /** Stands for CR. */
  cr: string;
}

/** The first two private-use characters (U+E000 on) that no text of the dataset contains. */
export function lineBreakMarkers(dataset: Dataset): LineBreakMarkers {
  const used = new Set<number>();
  for (const row of dataset.rows)
    for (const cell of row)
      if (typeof cell === 'string')
        for (const ch of cell) {
          const code = ch.codePointAt(0)!;
          if (code >= 0xe000 && code <= 0xf8ff) used.add(code);
        }
  const free: string[] = [];
  for (let code = 0xe000; free.length < 2; code++) if (!used.has(code)) free.push(String.fromCodePoint(code));
  return { lf: free[0]!, cr: free[1]! };
}

const encodeBreaks = (text: string, { lf, cr }: LineBreakMarkers) =>
  text.replaceAll('\n', lf).replaceAll('\r', cr);

/** The rows of the data CSV: header first, line breaks in cells as their markers. */
function statisticsRows(dataset: Dataset) {
  const markers = lineBreakMarkers(dataset);
  return datasetRows(dataset).map((row) =>
    row.map((cell) => (typeof cell === 'string' ? encodeBreaks(cell, markers) : cell)),
  );
}

/**
 * The wide dataset as the CSV the SPSS syntax and the R script read: UTF-8 without BOM, `,`,
 * every text exact (no formula neutralisation: this file is not for Excel), line breaks inside
 * cells as `lineBreakMarkers`.
 */
export function statisticsCsv(dataset: Dataset): string {
  return writeCsv(statisticsRows(dataset), { delimiter: ',', bom: false, excel: false });
}

/** The string columns (by index) where some cell holds a line break. */
function columnsWithBreaks(dataset: Dataset): number[] {
  return dataset.columns.flatMap((column, c) =>
    column.type === 'string' && dataset.rows.some((row) => /[\r\n]/.test(String(row[c] ?? ''))) ? [c] : [],
  );
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');
const spssString = (text: string, bytes = Infinity) =>
  `'${cutToBytes(oneLine(text), bytes).replaceAll("'", "''")}'`;
/** A private-use marker (U+E000–U+F8FF: three bytes in UTF-8) as an SPSS hex string. */
const hex = (marker: string) => {
  const code = marker.codePointAt(0)!;
  const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return `X'${bytes.map((b) => b.toString(16).toUpperCase()).join('')}'`;
};

/**
 * SPSS syntax (PSPP and SPSS Statistics in its default Unicode mode) that reads the data CSV
 * (`statisticsCsv`) with GET DATA /TYPE=TXT and sets variable labels (≤ 255 bytes, cut between
 * characters), value labels (≤ 120 bytes), declared missing values, measurement levels and one
 * multiple-response set (MRSETS /MDGROUP, counted value 1) per multiple-choice variable.
 * String widths are the longest value in UTF-8 bytes as written in the file, at least 1, at
 * most 32767.
 */
export function spssSyntax(dataset: Dataset, options: SyntaxOptions): string {
  const rows = statisticsRows(dataset).slice(1);
  const markers = lineBreakMarkers(dataset);
  const { columns } = dataset;
  const formats = columns.map((column, c) => {
    if (column.type === 'numeric') return 'F8.0';
    let width = 1;
    for (const row of rows) width = Math.max(width, utf8Length(String(row[c] ?? '')));
    return `A${Math.min(width, MAX_STRING_BYTES)}`;
  });
  const lines = [
    '* Encoding: UTF-8.',
    `* ${oneLine(options.title)}.`,
    `* Written by Kodtau: reads ${oneLine(options.fileName)}. Set the path in /FILE if it is not in the current directory.`,
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${spssString(options.fileName)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    "  /DELIMITERS=','",
    `  /QUALIFIER='"'`,
    '  /FIRSTCASE=2',
    '  /VARIABLES=',
    ...columns.map((column, c) => `    ${column.name} ${formats[c]}`),
    '.',
  ];
  const broken = columnsWithBreaks(dataset);
  if (broken.length > 0) {
    lines.push('* Line breaks inside cells are written as private-use characters in the CSV: put them back.');
    for (const c of broken) {
      const name = columns[c]!.name;
      lines.push(
        `COMPUTE ${name} = REPLACE(REPLACE(${name}, ${hex(markers.lf)}, X'0A'), ${hex(markers.cr)}, X'0D').`,
      );
    }
  }
  lines.push(
    'VARIABLE LABELS',
    `  ${columns.map((column) => `${column.name} ${spssString(variableLabel(column))}`).join('\n  /')}`,
    '.',
  );
  const labelled = columns.filter((column) => column.valueLabels && column.valueLabels.length > 0);
  if (labelled.length > 0)
    lines.push(
      'VALUE LABELS',
      `  ${labelled
        .map(
          (column) =>
            `${column.name}\n${column
              .valueLabels!.map((v) => `    ${v.value} ${spssString(v.label, VALUE_LABEL_BYTES)}`)
              .join('\n')}`,
        )
        .join('\n  /')}`,
      '.',
    );
  const missing = columns.filter((column) => column.missing && column.missing.length > 0);
  if (missing.length > 0)
    lines.push(
      'MISSING VALUES',
      `  ${missing.map((column) => `${column.name} (${column.missing!.join(', ')})`).join('\n  /')}`,
      '.',
    );
  const levels = (['nominal', 'ordinal', 'scale'] as const).flatMap((level) => {
    const names = columns.filter((column) => column.level === level).map((column) => column.name);
    return names.length > 0 ? [`${names.join(' ')} (${level.toUpperCase()})`] : [];
  });
  lines.push('VARIABLE LEVEL', `  ${levels.join('\n  /')}`, '.');
  const sets = new Map<string, { label: string; names: string[] }>();
  for (const column of columns)
    if (column.multi) {
      const set = sets.get(column.multi.id) ?? { label: column.multi.label, names: [] };
      set.names.push(column.name);
      sets.set(column.multi.id, set);
    }
  if (sets.size > 0) {
    const setNames = safeColumnNames([...sets.keys()]);
    lines.push(
      'MRSETS',
      ...[...sets.values()].map(
        (set, i) =>
          `  /MDGROUP NAME=$${setNames[i]} LABEL=${spssString(set.label, VARIABLE_LABEL_BYTES)}\n` +
          `    VARIABLES=${set.names.join(' ')} VALUE=1 CATEGORYLABELS=VARLABELS`,
      ),
      '.',
    );
  }
  lines.push('EXECUTE.');
  return `${lines.join('\n').replaceAll('\n', '\r\n')}\r\n`;
}

/**
 * A column's variable label within 255 bytes, cut between characters. A 0/1 column's label
 * ("Reason: Corruption") is cut in the variable's part, so that its category stays: MRSETS names
 * the categories by these labels, and PSPP warns when two are the same.
 */
function variableLabel(column: Dataset['columns'][number]): string {
  const label = oneLine(column.label);
  if (utf8Length(label) <= VARIABLE_LABEL_BYTES || !column.multi)
    return cutToBytes(label, VARIABLE_LABEL_BYTES);
  const category = label.slice(oneLine(column.multi.label).length);
  const room = VARIABLE_LABEL_BYTES - utf8Length(category);
  return room > 0
    ? `${cutToBytes(oneLine(column.multi.label), room)}${category}`
    : cutToBytes(label, VARIABLE_LABEL_BYTES);
}

/** An R string literal: JSON's escapes are R's; a private-use character as `\uXXXX`. */
const rString = (text: string) =>
  JSON.stringify(text).replace(
    /[\ue000-\uf8ff]/g,
    (ch) => `\\u${ch.codePointAt(0)!.toString(16).toUpperCase()}`,
  );

/**
 * An R script that reads the data CSV (`statisticsCsv`) with the right types: ids, metadata
 * and texts as character (line breaks put back), choice variables as factors with the
 * codebook's levels in its order (ordered for an ordinal variable), 0/1 columns as integers,
 * and every column's label as its `label` attribute.
 */
export function rScript(dataset: Dataset, options: SyntaxOptions): string {
  const { columns } = dataset;
  const markers = lineBreakMarkers(dataset);
  const column = (name: string) => `data[[${rString(name)}]]`;
  const classes = columns.map(
    (c) => `${rString(c.name)} = "${c.type === 'numeric' ? 'integer' : 'character'}"`,
  );
  const breaks = columnsWithBreaks(dataset).map((c) => {
    const name = column(columns[c]!.name);
    return `${name} <- gsub(${rString(markers.cr)}, "\\r", gsub(${rString(markers.lf)}, "\\n", ${name}, fixed = TRUE), fixed = TRUE)`;
  });
  const ordered = (c: (typeof columns)[number]) => (c.level === 'ordinal' ? ',\n  ordered = TRUE' : '');
  const factors = columns.flatMap((c) => {
    if (c.levels && c.levels.length > 0)
      return [
        `${column(c.name)} <- factor(${column(c.name)},\n  levels = c(${c.levels.map(rString).join(', ')})${ordered(c)})`,
      ];
    if (!c.valueLabels || c.valueLabels.length === 0 || c.multi) return [];
    return [
      `${column(c.name)} <- factor(${column(c.name)},\n  levels = c(${c.valueLabels.map((v) => v.value).join(', ')}),\n  labels = c(${c.valueLabels.map((v) => rString(v.label)).join(', ')})${ordered(c)})`,
    ];
  });
  return [
    `# ${oneLine(options.title)}`,
    `# Written by Kodtau: reads ${oneLine(options.fileName)} (next to this script, or set the path) with the right types.`,
    `data <- read.csv(${rString(options.fileName)}, fileEncoding = "UTF-8", encoding = "UTF-8",`,
    '  na.strings = "", check.names = FALSE,',
    `  colClasses = c(${classes.join(',\n    ')}))`,
    ...breaks,
    ...factors,
    ...columns.map((c) => `attr(${column(c.name)}, "label") <- ${rString(c.label)}`),
    'str(data)',
    '',
  ].join('\n');
}
