import type { Variable, VariableKind } from '../../../shared/model/index.ts';

/**
 * The values after the coder picks `code`: a single-choice or ordinal variable takes it (or
 * drops it when picked again), a multiple-choice variable toggles it, keeping codebook order
 * out of it — the order is the order of picking, which the merge and agreement ignore.
 */
export function nextValues(kind: VariableKind, current: readonly string[], code: string): string[] {
  if (kind === 'multi')
    return current.includes(code) ? current.filter((c) => c !== code) : [...current, code];
  return current.length === 1 && current[0] === code ? [] : [code];
}

/** Why "none of these" cannot be the answer to a variable. */
export type NoneRefusal = 'notMulti' | 'noCategories';

/**
 * "None of these" (the empty set) is an answer on a multiple-choice variable only, and only
 * where there are categories to leave out; null when it may be given.
 */
export function noneRefusal(variable: Pick<Variable, 'kind' | 'categories'>): NoneRefusal | null {
  if (variable.kind !== 'multi') return 'notMulti';
  return variable.categories.some((category) => !category.retired) ? null : 'noCategories';
}
