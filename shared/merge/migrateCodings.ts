import type { Codebook, Coding } from '../model/index.ts';
import type { MergeProblem } from './problems.ts';

/**
 * Rewrites codings made under an older codebook version into the current one through the
 * recorded category merges: a code merged into another (at a version later than the coding's)
 * becomes that other code, following chains (a → b at v2, b → c at v3 gives a → c); a coding
 * that picked both keeps one. Retired categories stay valid: they are hidden from coding but kept
 * in the data. Returns the problem of the first code the current codebook does not know.
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
