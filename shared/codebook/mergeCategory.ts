import type { CategoryMerge, CodebookContent } from '../model/index.ts';

/**
 * Merges category `from` into `into` within one variable: `from` leaves the codebook and a
 * `CategoryMerge { variableId, from, into, version }` is recorded, `version` being the codebook
 * version the merge is saved in. The codings are rewritten by `rewriteMergedValues` when that
 * version is saved; coder files coded under an older version translate through the record.
 *
 * @throws when either category is missing, they are the same, or `into` is retired.
 */
export function mergeCategory(
  content: CodebookContent,
  variableId: string,
  from: string,
  into: string,
  version: number,
): CodebookContent {
  const variable = content.variables.find((v) => v.id === variableId);
  const target = variable?.categories.find((c) => c.code === into);
  if (!variable || !variable.categories.some((c) => c.code === from) || !target || from === into) {
    throw new Error(`cannot merge "${from}" into "${into}" in "${variableId}"`);
  }
  if (target.retired) throw new Error(`cannot merge into retired category "${into}"`);
  return {
    variables: content.variables.map((v) =>
      v === variable ? { ...v, categories: v.categories.filter((c) => c.code !== from) } : v,
    ),
    merges: [...content.merges, { variableId, from, into, version }],
  };
}

/**
 * A variable's values with the merges applied in the order they were recorded (a chain
 * a → b, then b → c, ends at c), each code once, in first-seen order: a multiple-choice coding
 * that held both `from` and `into` keeps `into` once. Pass only the merges that apply, e.g.
 * those with `version` above the version a coding was made under.
 */
export function mergedValues(
  values: readonly string[],
  variableId: string,
  merges: readonly CategoryMerge[],
): string[] {
  const result = values.map((value) =>
    merges.reduce((code, m) => (m.variableId === variableId && m.from === code ? m.into : code), value),
  );
  return [...new Set(result)];
}

/** The merges a coding made under codebook version `codedUnder` has not seen yet. */
export function mergesAfter(merges: readonly CategoryMerge[], codedUnder: number): CategoryMerge[] {
  return merges.filter((m) => m.version > codedUnder).sort((a, b) => a.version - b.version);
}

/**
 * The rows (codings or consensus) whose values the merges change, rewritten; unchanged rows
 * are left out so the caller writes only what changed. Pure: the renderer writes the result in
 * the same transaction as the codebook version that records the merges.
 */
export function rewriteMergedValues<T extends { variableId: string; values: string[] }>(
  rows: readonly T[],
  merges: readonly CategoryMerge[],
): T[] {
  // Where each merged-away code ends up, per variable: most rows hold none and are skipped.
  const targets = new Map<string, Map<string, string>>();
  for (const { variableId, from } of merges) {
    const perVariable = targets.get(variableId) ?? new Map<string, string>();
    targets.set(variableId, perVariable.set(from, mergedValues([from], variableId, merges)[0] as string));
  }
  const changed: T[] = [];
  for (const row of rows) {
    const target = targets.get(row.variableId);
    if (!target || !row.values.some((value) => target.has(value))) continue;
    changed.push({ ...row, values: [...new Set(row.values.map((value) => target.get(value) ?? value))] });
  }
  return changed;
}
