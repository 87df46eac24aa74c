import type { Codebook, Lang } from '../../../shared/model/index.ts';
import { crossTab, type CrossTab } from '../../../shared/tables/crossTab.ts';
import {
  finalAppealCounts,
  finalSummary,
  type FinalAppealSummary,
} from '../../../shared/tables/finalAppealCounts.ts';
import {
  frequencyTable,
  type FrequencyTable,
  type TableSort,
} from '../../../shared/tables/frequencyTable.ts';
import type { SourceValues, TableSource } from '../../../shared/tables/tableSource.ts';
import { rowOrder, subjectCases, subjectLabel, type Subject } from './subjects.ts';

/** What the Tables screen asks for: the table's subject, its cross-tab column, the source, the order. */
export interface TableQuery {
  subject: Subject;
  by: Subject | null;
  source: TableSource;
  sort: TableSort;
  /** The language the labels are sorted in (sorting by count breaks ties alphabetically). */
  lang: Lang;
}

/** The counts of a table, without its words: the screen labels and formats them. */
export interface TableFigures {
  /** Without a cross-tab column: the frequency table; with one, the cross-tab. */
  table: { kind: 'frequency'; frequency: FrequencyTable } | { kind: 'cross'; cross: CrossTab };
  /** The final dataset: its appeals by how the table's variables were reached. */
  final: FinalAppealSummary | null;
  /** Majority vote: appeals on which the coders tied on a variable of the table. */
  tiedAppeals: number;
  /** The consensus source with an empty consensus (the screen says how to get one). */
  consensusEmpty: boolean;
}

/** What a table is counted from. */
export interface TableInput {
  /** The project's appeals, in project order. */
  appealIds: readonly string[];
  /** A metadata column: appeal id → value (an appeal without one is absent). */
  meta: (key: string) => ReadonlyMap<string, string>;
  /** The source's values of (at least) the variables of the table. */
  values: SourceValues;
  /** How many consensus records the project has. */
  /** Whether the project has any consensus record. */
  consensus: boolean;
}

/** The variables a table counts. */
export function queryVariables(query: Pick<TableQuery, 'subject' | 'by'>): string[] {
  const ids = [query.subject, query.by].flatMap((s) => (s?.kind === 'variable' ? [s.id] : []));
  return [...new Set(ids)];
}

/** Counts the table of `query`: the frequency table or cross-tab, the final status counts, the ties. */
export function tableFigures(input: TableInput, codebook: Codebook, query: TableQuery): TableFigures {
  const { subject, by, source, sort, lang } = query;
  const { values } = input;
  const variableIds = queryVariables(query);
  const ids = new Set(variableIds);
  const involved = variableIds.length > 0;
  const tiedAppeals =
    source.kind === 'majority' && involved
      ? new Set(values.ties.filter((tie) => ids.has(tie.variableId)).map((tie) => tie.appealId)).size
      : 0;
  const final =
    source.kind === 'final' && involved
      ? finalSummary(finalAppealCounts(values, input.appealIds, variableIds))
      : null;
  const cases = (s: Subject) =>
    subjectCases(s, input.appealIds, s.kind === 'meta' ? input.meta(s.key) : new Map(), values);
  const order = (s: Subject, list: readonly (readonly string[])[]) =>
    rowOrder(s, list, codebook, subjectLabel(s, codebook, lang), sort === 'count', lang);
  const rows = cases(subject);
  const table: TableFigures['table'] = by
    ? (() => {
        const cols = cases(by);
        return { kind: 'cross', cross: crossTab(rows, cols, order(subject, rows), order(by, cols), sort) };
      })()
    : { kind: 'frequency', frequency: frequencyTable(rows, order(subject, rows), sort) };
  return {
    table,
    final,
    tiedAppeals,
    consensusEmpty: source.kind === 'consensus' && involved && !input.consensus,
  };
}
