import { writeCsv, type CsvCell } from '../../../shared/csv/writeCsv.ts';
import {
  datasetRows,
  longDataset,
  longSourceDataset,
  wideDataset,
  type AnswerInput,
  type DatasetInput,
  type LabelMode,
} from '../../../shared/formats/dataset.ts';
import { rScript, spssSyntax, statisticsCsv, type SyntaxOptions } from '../../../shared/formats/spss.ts';
import { xlsxBytes } from '../../../shared/formats/xlsx.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { finalAppealCounts } from '../../../shared/tables/finalAppealCounts.ts';
import {
  parseTableSource,
  sourceValues,
  type SourceValues,
  type TableSource,
} from '../../../shared/tables/tableSource.ts';

/** The dataset (CSV or workbook), the data file for statistics programs, or their SPSS or R syntax. */
export type FileKind = 'dataset' | 'statistics' | 'spss' | 'r';

/** What the Export screen asks to be written. */
export interface FileRequest {
  kind: FileKind;
  layout: 'wide' | 'long';
  /** `final`, `consensus`, `majority`, `coder:<id>`, or (long layout) `all`. */
  sourceKey: string;
  labels: LabelMode;
  lang: Lang;
  text: boolean;
  delimiter: ';' | ',';
  xlsx: boolean;
  syntax: SyntaxOptions;
  /** The workbook's sheet name. */
  sheet: string;
}

export interface FileResult {
  bytes: Uint8Array<ArrayBuffer>;
  /** Data rows written (without the header). */
  rows: number;
  /** Majority vote: appeals on which the coders tied. */
  tiedAppeals: number;
  /** Final dataset: unresolved units (left empty in the wide layout, out of the long one). */
  unresolved: number;
}

/**
 * What a file is written from: the coding rows themselves (`rows`: every field of a coding) or
 * the source's values of every coded variable, which every file but those of one coder's or all
 * coders' own codings needs only (see `needsCodingRows`).
 */
export type FileInput =
  ({ rows: true } & DatasetInput) | ({ rows: false; values: SourceValues } & Omit<AnswerInput, 'codings'>);

/** The source of the values a file is written from; null for the long layout of every coder's codings. */
export const requestSource = (request: FileRequest): TableSource | null =>
  request.sourceKey === 'all' ? null : (parseTableSource(request.sourceKey) ?? { kind: 'final' });

/**
 * Whether a file of `source` (`requestSource`) needs the coding rows: the long layout of the
 * coders' codings (their flags, notes, times), and one coder's values (their notes); any other
 * source reads answers only.
 */
export function needsCodingRows(
  source: TableSource | null,
): source is Extract<TableSource, { kind: 'coder' }> | null {
  return !source || source.kind === 'coder';
}

/** Writes the file `request` asks for from the project's data. */
export async function datasetFile(input: FileInput, request: FileRequest): Promise<FileResult> {
  const source = requestSource(request);
  const { codebook } = input;
  // The source's values, computed once for the file and the report beside it.
  let computed: SourceValues | undefined;
  const values = (of: TableSource) =>
    (computed ??= input.rows ? sourceValues(of, input, codebook.variables) : input.values);
  // Without the rows, the answers are in `values` alone (which the functions below are given).
  const answers: AnswerInput = input.rows ? input : { ...input, codings: [] };
  const wide = () => {
    if (!source) throw new Error('the wide layout needs one source of values');
    const options = { source, labels: request.labels, lang: request.lang, text: request.text };
    return wideDataset(answers, options, values(source));
  };
  const encode = (text: string) => new TextEncoder().encode(text);
  const result = (bytes: Uint8Array<ArrayBuffer>, rows = 0): FileResult => ({
    bytes,
    rows,
    tiedAppeals: 0,
    unresolved: 0,
  });
  if (request.kind === 'statistics') return result(encode(statisticsCsv(wide())));
  if (request.kind === 'spss') return result(encode(spssSyntax(wide(), request.syntax)));
  if (request.kind === 'r') return result(encode(rScript(wide(), request.syntax)));

  const long = () => {
    if (input.rows) return longDataset(input, source ?? 'all', request.lang);
    if (source && source.kind !== 'coder')
      return longSourceDataset(answers, source, request.lang, values(source));
    throw new Error('the long layout of the coders’ codings needs the coding rows');
  };
  const rows: CsvCell[][] = request.layout === 'wide' ? datasetRows(wide()) : long();
  const bytes = request.xlsx
    ? await xlsxBytes(rows, request.sheet)
    : encode(writeCsv(rows, { delimiter: request.delimiter }));
  const written = result(bytes, rows.length - 1);
  if (source?.kind === 'majority')
    written.tiedAppeals = new Set(values(source).ties.map((tie) => tie.appealId)).size;
  if (source?.kind === 'final')
    written.unresolved = finalAppealCounts(
      values(source),
      input.appeals.map((a) => a.id),
      codebook.variables.map((v) => v.id),
    ).unresolved.length;
  return written;
}
