import type { CsvCell } from '../csv/writeCsv.ts';
import {
  localize,
  metaValue,
  type Appeal,
  type Codebook,
  type Coder,
  type Coding,
  type Consensus,
  type Lang,
  type Project,
} from '../model/index.ts';
import {
  FINAL_STATUSES,
  sourceValues,
  tableSourceKey,
  type FinalStatus,
  type SourceAnswer,
  type SourceValue,
  type SourceValues,
  type TableSource,
} from '../tables/tableSource.ts';
import { longCodingsRows } from './longCodingsCsv.ts';

/** What an export is built from: plain model objects, from IndexedDB or from a file. */
export interface DatasetInput {
  project: Project;
  codebook: Codebook;
  appeals: readonly Appeal[];
  coders: readonly Coder[];
  codings: readonly Coding[];
  consensus: readonly Consensus[];
}

/**
 * What every export but the long layout of coders' own codings is built from: the answers in the
 * narrow form a source reads (the answer blocks' form), which a `DatasetInput` also is.
 */
export type AnswerInput = Omit<DatasetInput, 'codings'> & { codings: readonly SourceAnswer[] };

/** Choice variables as their numeric value (`code`), their label, or both columns. */
export type LabelMode = 'code' | 'label' | 'both';

export interface WideOptions {
  source: TableSource;
  labels: LabelMode;
  /** The language of labels in the data and in the SPSS/R value labels. */
  lang: Lang;
  /** Include the appeal text (so the file re-imports as a project). */
  text: boolean;
}

/** One column of the wide layout, described for the SPSS and R files written with it. */
export interface DatasetColumn {
  name: string;
  type: 'string' | 'numeric';
  /** What the column holds, for SPSS VARIABLE LABELS. */
  label: string;
  /** Numeric value → label, for SPSS VALUE LABELS and R factors. */
  valueLabels?: { value: number; label: string }[];
  /** A label column's possible labels in codebook order: the levels of its R factor. */
  levels?: string[];
  /** The measurement level (SPSS VARIABLE LEVEL; an ordinal one is an ordered factor in R). */
  level: 'nominal' | 'ordinal' | 'scale';
  /** Values SPSS should treat as missing (MISSING VALUES): 9 "unresolved" of a status column. */
  missing?: number[];
  /** The multiple-choice variable whose 0/1 column this is (an SPSS MRSETS group). */
  multi?: { id: string; label: string };
}

export interface Dataset {
  columns: DatasetColumn[];
  rows: CsvCell[][];
}

/** SPSS's reserved words, which cannot name a variable. */
const SPSS_RESERVED = new Set([
  'all',
  'and',
  'by',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
  'not',
  'or',
  'to',
  'with',
]);
const NAME_BYTES = 64;
/** The length of `text` in UTF-8 bytes (what SPSS counts in its Unicode mode). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The longest start of `text` within `bytes` UTF-8 bytes, cut between characters. */
export function cutToBytes(text: string, bytes: number): string {
  let out = '';
  let length = 0;
  for (const ch of text) {
    length += utf8Length(ch);
    if (length > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * Column names that SPSS, PSPP and R all accept, keeping a column's own name where it can:
 * letters of any script (Район, Өңір), digits and `_`, starting with a letter (else `v` is put
 * before), any other character (a space, a hyphen) as `_`, at most 64 UTF-8 bytes (SPSS's
 * limit), never a reserved word of SPSS (`to` → `to_2`), unique ignoring case (SPSS is
 * case-insensitive): a repeated name gets `_2`, `_3`, …
 */
export function safeColumnNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    let base = raw.normalize('NFC').replace(/[^\p{L}\p{N}_]/gu, '_');
    if (!/^\p{L}/u.test(base)) base = `v${base}`;
    base = cutToBytes(base, NAME_BYTES - 4);
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()) || SPSS_RESERVED.has(name.toLowerCase()); i++)
      name = `${base}_${i}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Value labels of the 0/1 columns of a multiple-choice category. */
const DUMMY_LABELS: Record<Lang, readonly [string, string]> = {
  kk: ['таңдалмаған', 'таңдалған'],
  ru: ['не выбрано', 'выбрано'],
  en: ['not chosen', 'chosen'],
};

/**
 * The numeric value of each status of the final dataset in its `<variable>_status` columns: a
 * number, so that SPSS (`SELECT IF region_status = 9`) and R (`subset(data, region_status ==
 * "unresolved")` once it is a factor) can filter on it; 9 for the one without a value.
 */
export const FINAL_STATUS_VALUES: Readonly<Record<FinalStatus, number>> = {
  single: 1,
  agreed: 2,
  adjudicated: 3,
  unresolved: 9,
};

/** Value labels of the status columns, in the language of the labels. */
export const FINAL_STATUS_LABELS: Readonly<Record<Lang, Readonly<Record<FinalStatus, string>>>> = {
  kk: {
    single: 'бір кодтаушы кодтаған',
    agreed: 'кодтаушылар келіскен',
    adjudicated: 'келіспеушілік шешілген',
    unresolved: 'шешілмеген',
  },
  ru: {
    single: 'закодировано одним кодировщиком',
    agreed: 'кодировщики совпали',
    adjudicated: 'расхождение разрешено',
    unresolved: 'не разрешено',
  },
  en: {
    single: 'single-coded',
    agreed: 'agreed',
    adjudicated: 'adjudicated',
    unresolved: 'unresolved',
  },
};

const STATUS_COLUMN_LABEL: Record<Lang, string> = {
  kk: 'мәні қалай алынды',
  ru: 'как получено значение',
  en: 'how the value was reached',
};

/**
 * The wide layout: one row per appeal (in project order) with its id, metadata, optionally its
 * text, then per variable of the codebook: a single-choice or ordinal variable as its numeric
 * value and/or label, a multiple-choice variable as one 0/1 column per category, a free-text
 * variable as its text; last the notes. An appeal without a value for a variable has empty
 * cells there (missing, not 0). The final dataset adds after each variable's columns a numeric
 * `<variable>_status` column saying how its value was reached (`FINAL_STATUS_VALUES`): 9 where
 * the coders disagree and nothing is settled yet (the value cells are empty), empty where no
 * coder coded it.
 */
export function wideDataset(
  input: AnswerInput,
  options: WideOptions,
  source: SourceValues = sourceValues(options.source, input, input.codebook.variables),
): Dataset {
  const { codebook, appeals } = input;
  const { lang } = options;
  const values = source.byVariable;
  const unresolved = new Set(source.unresolved.map((u) => `${u.appealId}\u0000${u.variableId}`));
  const metaKeys = [...new Set(appeals.flatMap((appeal) => Object.keys(appeal.meta)))];

  type Column = DatasetColumn & { cell: (appeal: Appeal) => CsvCell };
  const columns: Column[] = [
    { name: 'id', type: 'string', label: 'appeal id', level: 'nominal', cell: (a) => a.id },
    ...metaKeys.map((key): Column => ({
      name: key,
      type: 'string',
      label: key,
      level: 'nominal',
      cell: (a) => metaValue(a.meta, key) ?? '',
    })),
  ];
  if (options.text)
    columns.push({ name: 'text', type: 'string', label: 'text', level: 'nominal', cell: (a) => a.text });
  const get = (variableId: string, appeal: Appeal): SourceValue | undefined =>
    values.get(variableId)?.get(appeal.id);
  for (const variable of codebook.variables) {
    const label = localize(variable.label, lang);
    if (variable.kind === 'text') {
      columns.push({
        name: variable.id,
        type: 'string',
        label,
        level: 'nominal',
        cell: (a) => get(variable.id, a)?.text ?? '',
      });
    } else if (variable.kind === 'multi') {
      const [no, yes] = DUMMY_LABELS[lang];
      for (const category of variable.categories) {
        columns.push({
          name: `${variable.id}_${category.code}`,
          type: 'numeric',
          label: `${label}: ${localize(category.label, lang)}`,
          level: 'nominal',
          multi: { id: variable.id, label },
          valueLabels: [
            { value: 0, label: no },
            { value: 1, label: yes },
          ],
          cell: (a) => {
            const value = get(variable.id, a);
            return value ? (value.values.includes(category.code) ? 1 : 0) : '';
          },
        });
      }
    } else {
      const byCode = new Map(variable.categories.map((c) => [c.code, c]));
      const first = (a: Appeal) => {
        const code = get(variable.id, a)?.values[0];
        return code === undefined ? undefined : byCode.get(code);
      };
      // A metadata column of the same name (the portal's "region") keeps its name, for re-import.
      const taken = metaKeys.includes(variable.id);
      const level = variable.kind === 'ordinal' ? 'ordinal' : 'nominal';
      if (options.labels !== 'label')
        columns.push({
          name: taken ? `${variable.id}_code` : variable.id,
          type: 'numeric',
          label,
          level,
          valueLabels: variable.categories.map((c) => ({ value: c.value, label: localize(c.label, lang) })),
          cell: (a) => first(a)?.value ?? '',
        });
      if (options.labels !== 'code')
        columns.push({
          name: options.labels === 'both' || taken ? `${variable.id}_label` : variable.id,
          type: 'string',
          label,
          level,
          levels: [...new Set(variable.categories.map((c) => localize(c.label, lang)))],
          cell: (a) => {
            const category = first(a);
            return category ? localize(category.label, lang) : '';
          },
        });
    }
    if (options.source.kind === 'final')
      columns.push({
        name: `${variable.id}_status`,
        type: 'numeric',
        label: `${label}: ${STATUS_COLUMN_LABEL[lang]}`,
        level: 'nominal',
        missing: [FINAL_STATUS_VALUES.unresolved],
        valueLabels: FINAL_STATUSES.map((status) => ({
          value: FINAL_STATUS_VALUES[status],
          label: FINAL_STATUS_LABELS[lang][status],
        })),
        cell: (a) => {
          const status = get(variable.id, a)?.status;
          if (status) return FINAL_STATUS_VALUES[status];
          return unresolved.has(`${a.id}\u0000${variable.id}`) ? FINAL_STATUS_VALUES.unresolved : '';
        },
      });
  }
  const noted = codebook.variables.filter((v) => values.has(v.id));
  columns.push({
    name: 'notes',
    type: 'string',
    label: 'notes',
    level: 'nominal',
    cell: (a) =>
      noted
        .map((v) => {
          const note = get(v.id, a)?.note;
          return note ? `${v.id}: ${note}` : '';
        })
        .filter(Boolean)
        .join('; '),
  });

  const names = safeColumnNames(columns.map((c) => c.name));
  const cells = columns.map((c) => c.cell);
  const rows = [...appeals]
    .sort((a, b) => a.order - b.order)
    .map((appeal) => cells.map((cell) => cell(appeal)));
  return {
    columns: columns.map(({ cell: _cell, ...column }, i) => ({ ...column, name: names[i]! })),
    rows,
  };
}

/** The dataset as the rows of a CSV or a sheet, header first. */
export function datasetRows(dataset: Dataset): CsvCell[][] {
  return [dataset.columns.map((c) => c.name), ...dataset.rows];
}

/**
 * The long layout (one row per appeal × coder × variable, `longCodingsCsv`): every coder's
 * codings with `'all'`, else the source's values under its key (`consensus`, `majority`,
 * `coder:<id>`) as the coder.
 */
export function longDataset(input: DatasetInput, source: TableSource | 'all', lang: Lang): CsvCell[][] {
  const names = new Map(input.coders.map((c) => [c.id, c.name]));
  if (source === 'all') return longCodingsRows(input.codings, input.codebook, names, lang);
  if (source.kind === 'coder')
    return longCodingsRows(
      input.codings.filter((c) => c.coderId === source.coderId),
      input.codebook,
      names,
      lang,
    );
  return longSourceDataset(input, source, lang);
}

/** The long layout of a source that is not one coder's (`longDataset`): its answers suffice. */
export function longSourceDataset(
  input: AnswerInput,
  source: Exclude<TableSource, { kind: 'coder' }>,
  lang: Lang,
  values: SourceValues = sourceValues(source, input, input.codebook.variables),
): CsvCell[][] {
  const names = new Map(input.coders.map((c) => [c.id, c.name]));
  const key = tableSourceKey(source);
  const at = new Map(input.consensus.map((c) => [`${c.appealId}\u0000${c.variableId}`, c.at]));
  const codings: Coding[] = [];
  for (const [variableId, line] of values.byVariable)
    for (const [appealId, value] of line)
      codings.push({
        projectId: input.project.id,
        coderId: key,
        appealId,
        variableId,
        values: value.values,
        ...(value.text === undefined ? {} : { text: value.text }),
        unsure: false,
        updatedAt: at.get(`${appealId}\u0000${variableId}`) ?? '',
        codebookVersion: input.codebook.version,
      });
  return longCodingsRows(codings, input.codebook, names, lang);
}
