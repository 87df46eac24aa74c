import type { Coding, Variable } from '../../../shared/model/index.ts';

/**
 * The note and the "unsure" flag belong to the appeal, but a coding row is per variable: every
 * row of one coder's appeal carries the same note and flag (written together, in one
 * transaction), so a coder file, the merge and the export need no new record type.
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

/** Whether a variable has an answer: a category picked, or text written. */
export function isAnswered(coding: Coding | undefined): boolean {
  return !!coding && (coding.values.length > 0 || !!coding.text?.trim());
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
