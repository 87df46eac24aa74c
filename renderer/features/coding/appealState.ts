import { hasAnswer, type Coding, type Variable } from '../../../shared/model/index.ts';

/**
 * The note and the "unsure" flag belong to the appeal, but a coding row is per variable: every
 * row of one coder's appeal carries the same note and flag (written together, in one
 * transaction), so a coder file, the merge and the export need no new record type. On an appeal
 * with no answer they ride on a cleared row (a tombstone), which does not make it coded.
 */
export interface AppealFlags {
  note: string;
  unsure: boolean;
}

export function appealFlags(rows: Iterable<Coding>): AppealFlags {
  let note = '';
  let unsure = false;
  for (const row of rows) {
    note ||= row.note ?? '';
    unsure ||= row.unsure;
  }
  return { note, unsure };
}

/**
 * Whether a variable has an answer: a row that is not cleared. The screen writes an answer only
 * for a category picked, a text written or "none of these" (the empty set, multiple choice only);
 * taking it back writes a cleared row.
 */
export const isAnswered = (coding: Coding | undefined): boolean => hasAnswer(coding);

/**
 * Whether a coder has coded an appeal, given the variables they answered: every required
 * variable, or, when the codebook marks none required, any one. A note or an "unsure" flag
 * alone is no answer. The list's ticks, the counts and the "not coded yet" filter all use this.
 */
export function isCoded(variables: readonly Variable[], answered: ReadonlySet<string>): boolean {
  const required = variables.filter((variable) => variable.required);
  return required.length ? required.every((variable) => answered.has(variable.id)) : answered.size > 0;
}

/** The variables of `rows` that hold an answer. */
export function answeredVariables(rows: ReadonlyMap<string, Coding>): Set<string> {
  return new Set([...rows.values()].filter(hasAnswer).map((row) => row.variableId));
}

/** The required variables left without an answer. */
export function missingRequired(
  variables: readonly Variable[],
  rows: ReadonlyMap<string, Coding>,
): Variable[] {
  return variables.filter((variable) => variable.required && !isAnswered(rows.get(variable.id)));
}

/** The text split around the (case-insensitive) hits of `query`, hits at odd positions. */
export function splitHits(text: string, query: string): string[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [text];
  const haystack = text.toLocaleLowerCase();
  const parts: string[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, from)) {
    parts.push(text.slice(from, at), text.slice(at, at + needle.length));
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}
