import { answerKey } from '../consensus/codingUnits.ts';
import { hasAnswer, type Coding, type Consensus, type Variable } from '../model/index.ts';
import { majorityVote } from './majorityVote.ts';

/**
 * Whose values a table or dataset shows. `final` is the dataset that goes into the paper: per
 * appeal and variable the consensus where the unit is settled, else the answer every coder of it
 * gave (one coder, or all agreeing), else nothing — "unresolved" (see `sourceValues`).
 */
export type TableSource =
  { kind: 'final' } | { kind: 'consensus' } | { kind: 'coder'; coderId: string } | { kind: 'majority' };

/** How a value of the final dataset was reached; `unresolved` units have no value. */
export const FINAL_STATUSES = ['single', 'agreed', 'adjudicated', 'unresolved'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

/** One appeal's value(s) for one variable from a source. */
export interface SourceValue {
  values: string[];
  text?: string;
  note?: string;
  /** Final dataset only: how the value was reached. */
  status?: Exclude<FinalStatus, 'unresolved'>;
}

/**
 * The fields of an answer a source reads: a coding row, or the narrower form the answer blocks
 * hand back (`CodedAnswer`, without the coder's note: only a coder's own values carry one).
 */
export type SourceAnswer = Pick<
  Coding,
  'appealId' | 'coderId' | 'variableId' | 'values' | 'text' | 'note' | 'cleared'
>;

export interface SourceValues {
  /** variableId → appealId → value; an appeal without a value for a variable is absent. */
  byVariable: Map<string, Map<string, SourceValue>>;
  /** Majority vote only: where coders tied and no adjudication settled it (the value is left empty). */
  ties: { appealId: string; variableId: string; tied: string[] }[];
  /** Final dataset only: units whose coders disagree and that are not settled yet (no value). */
  unresolved: { appealId: string; variableId: string }[];
}

/** `'final'`, `'consensus'`, `'majority'` or `'coder:<id>'`, the form the CLI and the UI's selects use. */
export function parseTableSource(text: string): TableSource | null {
  if (text === 'final' || text === 'consensus' || text === 'majority') return { kind: text };
  if (text.startsWith('coder:') && text.length > 6) return { kind: 'coder', coderId: text.slice(6) };
  return null;
}

export function tableSourceKey(source: TableSource): string {
  return source.kind === 'coder' ? `coder:${source.coderId}` : source.kind;
}

/**
 * Indexes the values of a source by variable and appeal; cleared codings are not answers. For the
 * majority vote, the codebook's `variables` tell multiple-choice variables (decided category by
 * category, see `majorityVote`) from the others, and a tie the supervisor adjudicated takes the
 * adjudicated value.
 */
export function sourceValues(
  source: TableSource,
  data: { codings: readonly SourceAnswer[]; consensus: readonly Consensus[] },
  variables: readonly Pick<Variable, 'id' | 'kind'>[] = [],
): SourceValues {
  const multiple = new Set(variables.filter((v) => v.kind === 'multi').map((v) => v.id));
  const byVariable = new Map<string, Map<string, SourceValue>>();
  const put = (variableId: string, appealId: string, value: SourceValue) => {
    let line = byVariable.get(variableId);
    if (!line) byVariable.set(variableId, (line = new Map()));
    line.set(appealId, value);
  };
  const ties: SourceValues['ties'] = [];
  const unresolved: SourceValues['unresolved'] = [];
  const settled = new Map<string, Map<string, Consensus>>();
  for (const c of data.consensus) {
    let line = settled.get(c.variableId);
    if (!line) settled.set(c.variableId, (line = new Map()));
    line.set(c.appealId, c);
  }
  const answers = data.codings.filter(hasAnswer);
  if (source.kind === 'consensus') {
    for (const c of data.consensus) put(c.variableId, c.appealId, consensusValue(c));
  } else if (source.kind === 'final') {
    for (const c of data.consensus) put(c.variableId, c.appealId, { ...consensusValue(c), status: c.method });
    for (const [variableId, units] of unitsOf(answers)) {
      const done = settled.get(variableId);
      for (const [appealId, unit] of units) {
        if (done?.has(appealId)) continue;
        const first = unit[0]!;
        if (unit.every((c) => sameAnswer(c, first)))
          put(variableId, appealId, {
            values: first.values,
            ...(first.text === undefined ? {} : { text: first.text }),
            status: unit.length === 1 ? 'single' : 'agreed',
          });
        else unresolved.push({ appealId, variableId });
      }
    }
  } else if (source.kind === 'coder') {
    for (const c of answers) {
      if (c.coderId !== source.coderId) continue;
      put(c.variableId, c.appealId, {
        values: c.values,
        ...(c.text === undefined ? {} : { text: c.text }),
        ...(c.note === undefined ? {} : { note: c.note }),
      });
    }
  } else {
    const votes = new Map<string, Map<string, string[][]>>();
    for (const c of answers) {
      let line = votes.get(c.variableId);
      if (!line) votes.set(c.variableId, (line = new Map()));
      const list = line.get(c.appealId);
      if (list) list.push(c.values);
      else line.set(c.appealId, [c.values]);
    }
    for (const [variableId, line] of votes) {
      for (const [appealId, list] of line) {
        const result = majorityVote(list, multiple.has(variableId));
        const adjudicated = settled.get(variableId)?.get(appealId);
        if (result.tied.length > 0 && adjudicated?.method === 'adjudicated')
          put(variableId, appealId, consensusValue(adjudicated));
        else {
          if (result.tied.length > 0) ties.push({ appealId, variableId, tied: result.tied });
          put(variableId, appealId, { values: result.values });
        }
      }
    }
  }
  return { byVariable, ties, unresolved };
}

const consensusValue = (c: Consensus): SourceValue => ({
  values: c.values,
  ...(c.text === undefined ? {} : { text: c.text }),
});

/** Answers grouped by unit: by variable, then appeal (each in the order first met). */
function unitsOf(codings: readonly SourceAnswer[]): Map<string, Map<string, SourceAnswer[]>> {
  const units = new Map<string, Map<string, SourceAnswer[]>>();
  for (const c of codings) {
    let line = units.get(c.variableId);
    if (!line) units.set(c.variableId, (line = new Map()));
    const unit = line.get(c.appealId);
    if (unit) unit.push(c);
    else line.set(c.appealId, [c]);
  }
  return units;
}

/** Whether two answers are the same (`answerKey`); the answer blocks share one answer's values, seen at once. */
const sameAnswer = (a: SourceAnswer, b: SourceAnswer) =>
  (a.values === b.values && a.text === b.text) || answerKey(a) === answerKey(b);

/** How many appeal × variable units of the final dataset were reached each way. */
export function finalStatusCounts(values: SourceValues): Record<FinalStatus, number> {
  const counts: Record<FinalStatus, number> = { single: 0, agreed: 0, adjudicated: 0, unresolved: 0 };
  for (const line of values.byVariable.values())
    for (const value of line.values()) if (value.status) counts[value.status] += 1;
  counts.unresolved = values.unresolved.length;
  return counts;
}
