import type { CodebookContent } from '../model/index.ts';

/** What stops a codebook from being saved or imported; the UI words each kind in three languages. */
export type CodebookProblem =
  | { kind: 'duplicateVariable'; variableId: string }
  | { kind: 'badCode'; variableId: string; code: string }
  | { kind: 'duplicateCode'; variableId: string; code: string }
  | { kind: 'duplicateValue'; variableId: string; value: number }
  | { kind: 'shortcutConflict'; variableId: string; shortcut: string; codes: string[] }
  | { kind: 'badShortcut'; variableId: string; shortcut: string; code: string }
  | { kind: 'noLabel'; variableId: string; code?: string }
  | { kind: 'mergedCodeReused'; variableId: string; code: string }
  | { kind: 'textWithCategories'; variableId: string };

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A key is a digit or a Latin letter: the coding screen also matches the physical key of a
 * letter, so such a key works in Russian and Kazakh layouts too, and no key can take the
 * screen's own ("/" search, "?" help).
 */
const SHORTCUT = /^[0-9a-z]$/i;

function duplicates<T>(items: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const item of items) (seen.has(item) ? twice : seen).add(item);
  return [...twice];
}

/**
 * Every problem of a codebook, in the order of its variables. A shortcut is one key pressed
 * while a variable is focused on the coding screen, so keys must differ within a variable
 * (case-insensitively: the coding screen lower-cases the key); retired categories keep their
 * key reserved so that restoring them cannot create a conflict.
 */
export function validateCodebook(content: CodebookContent): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  for (const variableId of duplicates(content.variables.map((v) => v.id))) {
    problems.push({ kind: 'duplicateVariable', variableId });
  }
  for (const variable of content.variables) {
    const variableId = variable.id;
    if (!CODE.test(variableId)) problems.push({ kind: 'badCode', variableId, code: variableId });
    if (!Object.values(variable.label).some(Boolean)) problems.push({ kind: 'noLabel', variableId });
    if (variable.kind === 'text' && variable.categories.length > 0) {
      problems.push({ kind: 'textWithCategories', variableId });
    }
    const codes = variable.categories.map((c) => c.code);
    for (const code of codes.filter((c) => !CODE.test(c)))
      problems.push({ kind: 'badCode', variableId, code });
    for (const code of duplicates(codes)) problems.push({ kind: 'duplicateCode', variableId, code });
    for (const value of duplicates(variable.categories.map((c) => c.value))) {
      problems.push({ kind: 'duplicateValue', variableId, value });
    }
    for (const shortcut of duplicates(variable.categories.flatMap((c) => c.shortcut?.toLowerCase() ?? []))) {
      const conflicting = variable.categories.filter((c) => c.shortcut?.toLowerCase() === shortcut);
      problems.push({
        kind: 'shortcutConflict',
        variableId,
        shortcut,
        codes: conflicting.map((c) => c.code),
      });
    }
    for (const category of variable.categories) {
      if (category.shortcut !== undefined && !SHORTCUT.test(category.shortcut)) {
        problems.push({
          kind: 'badShortcut',
          variableId,
          shortcut: category.shortcut,
          code: category.code,
        });
      }
      if (!Object.values(category.label).some(Boolean)) {
        problems.push({ kind: 'noLabel', variableId, code: category.code });
      }
    }
    const merged = new Set(content.merges.filter((m) => m.variableId === variableId).map((m) => m.from));
    for (const code of codes.filter((c) => merged.has(c))) {
      problems.push({ kind: 'mergedCodeReused', variableId, code });
    }
  }
  return problems;
}
