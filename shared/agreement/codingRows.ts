import { hasAnswer, type CodedAnswer, type Variable } from '../model/index.ts';

export interface CodingRows<T> {
  /** Coder ids in the column order of `rows`. */
  coders: string[];
  /** Appeal ids in the row order of `rows`. */
  appeals: string[];
  /** One row per appeal, one cell per coder: that coder's value, or null when they did not code it. */
  rows: T[][];
}

/**
 * Lays out the codings of one variable as reliability data (units × coders), sorted by appeal
 * and coder id so the result does not depend on the order codings were stored in.
 * A cleared coding is not coded. Single choice and ordinal: a cell is the one code, or null when
 * the coder did not code the variable. Multiple choice: a cell is the set of codes (an empty set means
 * "none of them" and counts), or null when the coder did not code the variable.
 */
export function codingRows(codings: readonly CodedAnswer[], variable: Variable): CodingRows<string | null>;
export function codingRows(
  codings: readonly CodedAnswer[],
  variable: Variable,
  sets: true,
): CodingRows<string[] | null>;
export function codingRows(
  codings: readonly CodedAnswer[],
  variable: Variable,
  sets = false,
): CodingRows<string | null> | CodingRows<string[] | null> {
  const own = codings.filter((c) => c.variableId === variable.id && hasAnswer(c));
  const coders = [...new Set(own.map((c) => c.coderId))].sort();
  const appeals = [...new Set(own.map((c) => c.appealId))].sort();
  const column = new Map(coders.map((id, i) => [id, i]));
  const row = new Map(appeals.map((id, i) => [id, i]));
  const rows = appeals.map(() => coders.map((): string | string[] | null => null));
  for (const coding of own) {
    rows[row.get(coding.appealId)!]![column.get(coding.coderId)!] = sets
      ? [...coding.values]
      : (coding.values[0] ?? null);
  }
  return { coders, appeals, rows } as CodingRows<string | null> | CodingRows<string[] | null>;
}
