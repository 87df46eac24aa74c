import { hasAnswer, type CodedAnswer, type Coding } from '../model/index.ts';

/** All coders' codings of one variable of one appeal. */
export interface CodingUnit<C extends CodedAnswer = Coding> {
  appealId: string;
  variableId: string;
  codings: C[];
}

/** The codings' answer in a comparable form: the set of codes, or the trimmed text. */
export function answerKey(coding: Pick<Coding, 'values' | 'text'>): string {
  return coding.text !== undefined && coding.values.length === 0
    ? `text:${coding.text.trim()}`
    : [...coding.values].sort().join('\u0000');
}

/**
 * Groups the answers (cleared codings are none) into units (appeal × variable) coded by at least
 * `minCoders` coders, sorted
 * by appeal and variable so the lists are stable. A unit agrees when every coder gave the same
 * set of values (the order in which a coder picked them does not matter).
 */
export function codingUnits<C extends CodedAnswer>(codings: readonly C[], minCoders = 2): CodingUnit<C>[] {
  const units = new Map<string, CodingUnit<C>>();
  for (const coding of codings) {
    if (!hasAnswer(coding)) continue;
    const key = `${coding.appealId}\u0000${coding.variableId}`;
    let unit = units.get(key);
    if (!unit)
      units.set(key, (unit = { appealId: coding.appealId, variableId: coding.variableId, codings: [] }));
    unit.codings.push(coding);
  }
  return [...units.values()]
    .filter((unit) => unit.codings.length >= minCoders)
    .sort((a, b) => a.appealId.localeCompare(b.appealId) || a.variableId.localeCompare(b.variableId));
}

export function unitAgrees(unit: CodingUnit<CodedAnswer>): boolean {
  const first = unit.codings[0];
  return first !== undefined && unit.codings.every((coding) => answerKey(coding) === answerKey(first));
}
