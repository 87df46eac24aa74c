import type { Coding, Consensus, Variable } from '../model/index.ts';
import { majorityVote } from './majorityVote.ts';

/** Whose values a table or dataset shows. */
export type TableSource = { kind: 'consensus' } | { kind: 'coder'; coderId: string } | { kind: 'majority' };

/** One appeal's value(s) for one variable from a source. */
export interface SourceValue {
  values: string[];
  text?: string;
  note?: string;
}

export interface SourceValues {
  /** variableId → appealId → value; an appeal without a value for a variable is absent. */
  byVariable: Map<string, Map<string, SourceValue>>;
  /** Majority vote only: where coders tied (the value is left empty there). */
  ties: { appealId: string; variableId: string; tied: string[] }[];
}

/** `'consensus'`, `'majority'` or `'coder:<id>'`, the form the CLI and the UI's selects use. */
export function parseTableSource(text: string): TableSource | null {
  if (text === 'consensus' || text === 'majority') return { kind: text };
  if (text.startsWith('coder:') && text.length > 6) return { kind: 'coder', coderId: text.slice(6) };
  return null;
}

export function tableSourceKey(source: TableSource): string {
  return source.kind === 'coder' ? `coder:${source.coderId}` : source.kind;
}

/**
 * Indexes the values of a source by variable and appeal. For the majority vote, the codebook's
 * `variables` tell multiple-choice variables (decided category by category, see
 * `majorityVote`) from the others.
 */
export function sourceValues(
  source: TableSource,
  data: { codings: readonly Coding[]; consensus: readonly Consensus[] },
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
  if (source.kind === 'consensus') {
    for (const c of data.consensus)
      put(c.variableId, c.appealId, { values: c.values, ...(c.text === undefined ? {} : { text: c.text }) });
  } else if (source.kind === 'coder') {
    for (const c of data.codings) {
      if (c.coderId !== source.coderId) continue;
      put(c.variableId, c.appealId, {
        values: c.values,
        ...(c.text === undefined ? {} : { text: c.text }),
        ...(c.note === undefined ? {} : { note: c.note }),
      });
    }
  } else {
    const votes = new Map<string, Map<string, string[][]>>();
    for (const c of data.codings) {
      let line = votes.get(c.variableId);
      if (!line) votes.set(c.variableId, (line = new Map()));
      const list = line.get(c.appealId);
      if (list) list.push(c.values);
      else line.set(c.appealId, [c.values]);
    }
    for (const [variableId, line] of votes) {
      for (const [appealId, list] of line) {
        const result = majorityVote(list, multiple.has(variableId));
        if (result.tied.length > 0) ties.push({ appealId, variableId, tied: result.tied });
        put(variableId, appealId, { values: result.values });
      }
    }
  }
  return { byVariable, ties };
}
