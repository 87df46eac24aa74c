import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { writeCsv } from '../../shared/csv/writeCsv.ts';
import { CoderFileError, coderFileCodings, parseCoderFile } from '../../shared/formats/coderFile.ts';
import { writeCodebookJson } from '../../shared/formats/codebookJson.ts';
import {
  datasetRows,
  longDataset,
  wideDataset,
  type DatasetInput,
  type LabelMode,
} from '../../shared/formats/dataset.ts';
import { currentCodebookOf } from '../../shared/formats/projectFile.ts';
import { rScript, spssSyntax, statisticsCsv } from '../../shared/formats/spss.ts';
import { xlsxBytes } from '../../shared/formats/xlsx.ts';
import { mergeCodings } from '../../shared/merge/index.ts';
import { LANGS, type Lang } from '../../shared/model/index.ts';
import { finalAppealCounts } from '../../shared/tables/finalAppealCounts.ts';
import { parseTableSource, sourceValues, type TableSource } from '../../shared/tables/tableSource.ts';
import { EXIT, inputError, parseCommandArgs, usageError, type Command, type CommandIO } from '../io.ts';
import { InputError, readBytes, readProjectInput } from '../projectInput.ts';

const HELP = `Usage: kodtau export <project-or-merged.json> [coder files…] --format wide|long -o <out.csv|out.xlsx>
                     [--source final|consensus|coder:<id>|majority|all] [--labels code|label|both]
                     [--lang kk|ru|en] [--delimiter , | ;] [--text] [--syntax]

The coded dataset, as the app's Export screen writes it.

Inputs        a project package (appeals and codebook) or the merged project written by
              "kodtau merge" (with every coder's codings), followed by any coder files
              (.kodtau-coder.json) merged into it as the app merges them (the later edit wins).

Options:
  --format F     wide: one row per appeal (id, metadata, each single-choice variable as code
                 and/or label, one 0/1 column per category of a multiple-choice variable,
                 notes); long: one row per appeal x coder x variable.
  --source S     final (default): per appeal and variable the consensus where settled, else
                 the answer of the one coder who coded it (or of all coders, where they agree);
                 where coders disagree and nothing is settled yet the cells are empty, the
                 units are listed on stderr, and the wide layout's <variable>_status column
                 says how each value was reached (1 single-coded, 2 agreed, 3 adjudicated,
                 9 unresolved). consensus, coder:<id>, majority (ties left empty and listed
                 on stderr), or all (long only: every coder's codings).
  --labels L     wide: choice variables as their numeric code, their label, or both (default).
  --lang L       language of labels (default en).
  --delimiter D  , (default) or ; (Excel in Russian or Kazakh). The CSV is for Excel: UTF-8
                 with BOM, CRLF; a text Excel would run as a formula (=, +, -, @) gets a
                 leading ' (Kodtau's import takes it off again).
  --text         wide: include the appeal text (the file then re-imports as a project).
  --syntax       also write <out>.codebook.json and, for the wide layout, the files for
                 statistics programs: <out>-data.csv (every text exact, no apostrophe; line
                 breaks in cells as private-use characters, which PSPP needs), <out>.sps (SPSS
                 syntax reading it with variable and value labels, measurement levels and
                 multiple-response sets) and <out>.R (factors and variable labels).
  -o, --out P    the file to write; a name ending in .xlsx writes an Excel workbook.
  -h, --help     show this help.

Exit status: 0 success, 1 bad input (the message says why), 2 bad usage.
`;

const COMMAND = { name: 'export', help: HELP, usageHint: 'see-help' } as const;

/** `kodtau export`: the wide or long dataset of a project package or merged project (and coder files). */
export const exportCommand: Command = {
  summary: 'coded dataset (wide or long CSV/XLSX, SPSS and R syntax) of a package or merged project',
  run,
};

const FORMATS = ['wide', 'long'] as const;
const LABELS: readonly LabelMode[] = ['code', 'label', 'both'];

async function run(args: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(io, COMMAND, args, {
    format: { type: 'string' },
    source: { type: 'string', default: 'final' },
    labels: { type: 'string', default: 'both' },
    lang: { type: 'string', default: 'en' },
    delimiter: { type: 'string', default: ',' },
    text: { type: 'boolean', default: false },
    syntax: { type: 'boolean', default: false },
    out: { type: 'string', short: 'o' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length < 1)
    return usageError(io, COMMAND, 'expected a project package or a merged project');
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) return usageError(io, COMMAND, '--format must be wide or long');
  if (!values.out) return usageError(io, COMMAND, '-o <file> is required');
  const all = values.source === 'all';
  const source: TableSource | 'all' | null = all ? 'all' : parseTableSource(values.source);
  if (!source)
    return usageError(io, COMMAND, '--source must be final, consensus, coder:<id>, majority or all');
  if (source === 'all' && format === 'wide')
    return usageError(io, COMMAND, '--source all needs --format long');
  const labels = values.labels as LabelMode;
  if (!LABELS.includes(labels)) return usageError(io, COMMAND, '--labels must be code, label or both');
  const lang = values.lang as Lang;
  if (!LANGS.includes(lang)) return usageError(io, COMMAND, `--lang must be one of ${LANGS.join(', ')}`);
  const delimiter = values.delimiter as ',' | ';';
  if (delimiter !== ',' && delimiter !== ';') return usageError(io, COMMAND, '--delimiter must be , or ;');

  let input: DatasetInput;
  try {
    input = await loadDataset(positionals);
  } catch (error) {
    if (error instanceof InputError) return inputError(io, COMMAND, error.message);
    throw error;
  }
  if (source !== 'all' && source.kind === 'coder' && !input.coders.some((c) => c.id === source.coderId))
    return inputError(
      io,
      COMMAND,
      `no coder "${source.coderId}"; the coders are: ${input.coders.map((c) => c.id).join(', ') || '(none)'}`,
    );

  const out = values.out;
  const dataset =
    format === 'wide' && source !== 'all'
      ? wideDataset(input, { source, labels, lang, text: values.text })
      : null;
  const rows = dataset ? datasetRows(dataset) : longDataset(input, source, lang);
  const xlsx = /\.xlsx$/i.test(out);
  const files: [string, Uint8Array | string][] = [
    [
      out,
      xlsx
        ? await xlsxBytes(rows, input.project.name)
        : new TextEncoder().encode(writeCsv(rows, { delimiter })),
    ],
  ];
  if (values.syntax) {
    const stem = out.replace(/\.(csv|xlsx)$/i, '');
    files.push([`${stem}.codebook.json`, writeCodebookJson(input.codebook)]);
    // SPSS and R read the wide layout's data CSV; the long layout gets the codebook only.
    if (dataset) {
      const dataName = `${stem}-data.csv`;
      const options = { fileName: basename(dataName), title: `${input.project.name}: ${format} dataset` };
      files.push(
        [dataName, statisticsCsv(dataset)],
        [`${stem}.sps`, spssSyntax(dataset, options)],
        [`${stem}.R`, rScript(dataset, options)],
      );
    }
  }
  for (const [path, content] of files) {
    try {
      await writeFile(path, content);
    } catch (error) {
      return inputError(
        io,
        COMMAND,
        `${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (source !== 'all' && source.kind === 'majority') {
    const { ties } = sourceValues(source, input, input.codebook.variables);
    for (const tie of ties)
      io.err(
        `kodtau export: majority tied on ${tie.appealId} / ${tie.variableId} (${tie.tied.join(', ')}); left empty\n`,
      );
  }
  if (source !== 'all' && source.kind === 'final') {
    const { unresolved } = finalAppealCounts(
      sourceValues(source, input, input.codebook.variables),
      [...input.appeals].sort((a, b) => a.order - b.order).map((a) => a.id),
      input.codebook.variables.map((v) => v.id),
    );
    if (unresolved.length > 0)
      io.err(
        `kodtau export: ${unresolved.length} ${unresolved.length === 1 ? 'unit' : 'units'} unresolved ` +
          `(the coders disagree and nothing is settled; ${format === 'wide' ? 'left empty, status 9' : 'no row'}): ` +
          `${unresolved.map((u) => `${u.appealId}/${u.variableId}`).join(', ')}\n`,
      );
  }
  if (source !== 'all' && source.kind === 'consensus' && input.consensus.length === 0)
    io.err('kodtau export: these files hold no consensus; --source majority or coder:<id> gives codings\n');
  io.out(`${out}: ${rows.length - 1} rows\n`);
  return EXIT.ok;
}

/**
 * The thin loader: a project package or a project file (`kodtau merge`, or saved by the app),
 * then any coder files, merged into its codings as the app merges them (the later edit wins).
 */
async function loadDataset(files: readonly string[]): Promise<DatasetInput> {
  const [first, ...rest] = files;
  const base = readProjectInput(first!, await readBytes(first!));
  const coders = new Map(base.coders.map((c) => [c.id, c]));
  let codings = base.codings;
  for (const file of rest) {
    try {
      const coderFile = parseCoderFile(new TextDecoder().decode(await readBytes(file)));
      if (coderFile.projectId !== base.project.id)
        throw new InputError(
          `${file}: a coder file of project "${coderFile.projectId}", not "${base.project.id}"`,
        );
      coders.set(coderFile.coder.id, coderFile.coder);
      codings = mergeCodings(codings, coderFileCodings(coderFile));
    } catch (error) {
      if (error instanceof CoderFileError)
        throw new InputError(`${file}: not a readable coder file (${error.problem.code})`);
      throw error;
    }
  }
  return { ...base, codebook: currentCodebookOf(base), coders: [...coders.values()], codings };
}
