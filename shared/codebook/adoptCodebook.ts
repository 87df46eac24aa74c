import type { CodebookContent, Variable } from '../model/index.ts';

/**
 * An imported codebook taking the place of the current one without losing data: a current
 * variable the import lacks is kept while codings use it, and a current category it lacks is
 * kept, retired and without its key, while codings use it (so the supervisor can still merge
 * it). The current merge history is kept, followed by the imported merges it lacks.
 *
 * @param uses how many codings use a variable (no `code`) or one of its categories.
 * @returns the new content and how many variables and categories were kept.
 */
export function adoptCodebook(
  current: CodebookContent,
  imported: CodebookContent,
  uses: (variableId: string, code?: string) => number,
): { content: CodebookContent; kept: number } {
  let kept = 0;
  const variables: Variable[] = imported.variables.map((variable) => {
    const before = current.variables.find((v) => v.id === variable.id);
    const missing = (before?.categories ?? []).filter(
      (c) => !variable.categories.some((n) => n.code === c.code) && uses(variable.id, c.code) > 0,
    );
    kept += missing.length;
    const retired = missing.map(({ shortcut: _shortcut, ...c }) => ({ ...c, retired: true }));
    return { ...variable, categories: [...variable.categories, ...retired] };
  });
  for (const before of current.variables) {
    if (!imported.variables.some((v) => v.id === before.id) && uses(before.id) > 0) {
      variables.push(before);
      kept++;
    }
  }
  const key = (m: { variableId: string; from: string }) => `${m.variableId}\n${m.from}`;
  const known = new Set(current.merges.map(key));
  return {
    content: { variables, merges: [...current.merges, ...imported.merges.filter((m) => !known.has(key(m)))] },
    kept,
  };
}
