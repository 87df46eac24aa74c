import type { Codebook, Coding, VariableKind } from '../model/index.ts';
import type { MergeProblem } from './problems.ts';

/**
 * Checks each coding's answer against its variable in the current codebook and rewrites codings
 * made under an older codebook version into the current one through the recorded category
 * merges: a code merged into another (at a version later than the coding's) becomes that other
 * code, following chains (a → b at v2, b → c at v3 gives a → c); a coding that picked both keeps
 * one. Retired categories stay valid: they are hidden from coding but kept in the data. Returns
 * the problem of the first coding that does not fit (see `answerProblem`).
 */
export function migrateCodings(
  codings: readonly Coding[],
  current: Codebook,
): { codings: Coding[] } | { problem: MergeProblem } {
  const variables = new Map(
    current.variables.map((v) => [v.id, { kind: v.kind, codes: new Set(v.categories.map((c) => c.code)) }]),
  );
  const merges = [...current.merges].sort((a, b) => a.version - b.version);
  const out: Coding[] = [];
  for (const coding of codings) {
    const variable = variables.get(coding.variableId);
    if (!variable) return { problem: { code: 'unknown-variable', variableId: coding.variableId } };
    const problem = answerProblem(coding, variable);
    if (problem) return { problem };
    let values = coding.values;
    if (coding.codebookVersion < current.version) {
      values = values.map((code) => {
        for (const merge of merges)
          if (
            merge.variableId === coding.variableId &&
            merge.version > coding.codebookVersion &&
            merge.from === code
          )
            code = merge.into;
        return code;
      });
      values = [...new Set(values)];
    }
    const unknown = values.find((code) => !variable.codes.has(code));
    if (unknown !== undefined)
      return { problem: { code: 'unknown-category', variableId: coding.variableId, category: unknown } };
    out.push(values === coding.values ? coding : { ...coding, values });
  }
  return { codings: out };
}

/**
 * What is wrong with the answer for its kind of variable, as written in the file. A cleared
 * coding holds no answer, so it fits any variable. Otherwise: a free-text variable takes a
 * non-blank text and no category; a choice variable takes no text; single choice and ordinal take
 * exactly one category; an empty set ("none of these") is an answer only on a multiple-choice
 * variable that has categories to choose from.
 */
function answerProblem(
  coding: Coding,
  variable: { kind: VariableKind; codes: ReadonlySet<string> },
): MergeProblem | undefined {
  if (coding.cleared) return undefined;
  const where = { appealId: coding.appealId, variableId: coding.variableId };
  const { values } = coding;
  if (variable.kind === 'text') {
    if (values.length > 0) return { code: 'values-on-text', ...where, values };
    return coding.text?.trim() ? undefined : { code: 'empty-answer', ...where };
  }
  if (coding.text !== undefined) return { code: 'text-on-choice', ...where };
  if (variable.kind !== 'multi' && values.length > 1) return { code: 'several-values', ...where, values };
  if (values.length === 0 && (variable.kind !== 'multi' || variable.codes.size === 0))
    return { code: 'empty-answer', ...where };
  return undefined;
}
