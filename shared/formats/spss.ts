import type { Dataset } from './dataset.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''").replace(/[\r\n]+/g, ' ')}'`;
const utf8Length = (text: string) => {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/**
 * SPSS syntax that reads the wide CSV written with `dataset` (GET DATA /TYPE=TXT, UTF-8) and
 * sets its variable and value labels. String widths are the longest value in UTF-8 bytes
 * (SPSS counts bytes in Unicode mode), at least 1, at most 32767.
 */
export function spssSyntax(
  dataset: Dataset,
  options: { fileName: string; delimiter: ',' | ';'; title: string },
): string {
  const formats = dataset.columns.map((column, c) => {
    if (column.type === 'numeric') return 'F8.0';
    let width = 1;
    for (const row of dataset.rows) width = Math.max(width, utf8Length(String(row[c] ?? '')));
    return `A${Math.min(width, 32767)}`;
  });
  const lines = [
    `* ${options.title.replace(/[\r\n]+/g, ' ')}.`,
    '* Written by Kodtau. Set the path in /FILE if the CSV is not in the current directory.',
    'SET UNICODE=ON.',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${quote(options.fileName)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    `  /DELIMITERS=${quote(options.delimiter)}`,
    `  /QUALIFIER='"'`,
    '  /FIRSTCASE=2',
    '  /VARIABLES=',
    ...dataset.columns.map((column, c) => `    ${column.name} ${formats[c]}`),
    '.',
    'VARIABLE LABELS',
    `  ${dataset.columns.map((column) => `${column.name} ${quote(column.label)}`).join('\n  /')}`,
    '.',
  ];
  const labelled = dataset.columns.filter((column) => column.valueLabels && column.valueLabels.length > 0);
  if (labelled.length > 0) {
    lines.push(
      'VALUE LABELS',
      `  ${labelled
        .map(
          (column) =>
            `${column.name}\n${column.valueLabels!.map((v) => `    ${v.value} ${quote(v.label)}`).join('\n')}`,
        )
        .join('\n  /')}`,
      '.',
    );
  }
  lines.push('EXECUTE.');
  return `${lines.join('\n').replaceAll('\n', '\r\n')}\r\n`;
}

const rString = (text: string) => JSON.stringify(text);

/**
 * A short R script that reads the wide CSV with the right types: ids, metadata and labels as
 * character, codes as integers turned into factors with their labels, 0/1 columns as integers.
 */
export function rSnippet(
  dataset: Dataset,
  options: { fileName: string; delimiter: ',' | ';'; title: string },
): string {
  const classes = dataset.columns.map(
    (c) => `${c.name} = "${c.type === 'numeric' ? 'integer' : 'character'}"`,
  );
  const factors = dataset.columns
    .filter(
      (c) =>
        c.valueLabels &&
        c.valueLabels.length > 0 &&
        !c.valueLabels.every((v) => v.value === 0 || v.value === 1),
    )
    .map(
      (c) =>
        `data$${c.name} <- factor(data$${c.name},\n  levels = c(${c.valueLabels!.map((v) => v.value).join(', ')}),\n  labels = c(${c.valueLabels!.map((v) => rString(v.label)).join(', ')}))`,
    );
  return [
    `# ${options.title.replace(/[\r\n]+/g, ' ')}`,
    '# Written by Kodtau: reads the CSV next to this script with the right column types.',
    `data <- read.csv(${rString(options.fileName)}, sep = ${rString(options.delimiter)},`,
    '  fileEncoding = "UTF-8-BOM", na.strings = "", check.names = FALSE,',
    `  colClasses = c(${classes.join(',\n    ')}))`,
    ...factors,
    'str(data)',
    '',
  ].join('\n');
}
