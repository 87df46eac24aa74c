import type { Category, CodebookContent, LocalizedText, Variable, VariableKind } from '../model/index.ts';

/**
 * Pure editing operations on a codebook's content. Each returns new content and leaves its
 * input as it was, so the editor keeps a draft and the saved versions stay untouched.
 */

export type VariablePatch = Partial<Pick<Variable, 'id' | 'kind' | 'required' | 'label' | 'definition'>>;
export type CategoryPatch = Partial<Omit<Category, 'retired'>>;

/** Digits 1–9, then a, b, c, …: the order in which new categories get their keys. */
const SHORTCUT_KEYS = [...'123456789abcdefghijklmnopqrstuvwxyz'];

/** `prefix` + the smallest number not taken: unique, and unrelated to any array position. */
export function freeCode(taken: ReadonlySet<string>, prefix: string): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Codes merged away stay reserved: older coder files still carry them. */
function mergedCodes(content: CodebookContent, variableId: string): Set<string> {
  return new Set(content.merges.filter((m) => m.variableId === variableId).map((m) => m.from));
}

function withVariable(
  content: CodebookContent,
  variableId: string,
  change: (variable: Variable) => Variable,
): CodebookContent {
  if (!content.variables.some((v) => v.id === variableId)) throw new Error(`no variable "${variableId}"`);
  return { ...content, variables: content.variables.map((v) => (v.id === variableId ? change(v) : v)) };
}

/** Moves the item at `index` by `delta` places; out-of-range moves change nothing. */
function moved<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

export function addVariable(
  content: CodebookContent,
  kind: VariableKind,
  label: LocalizedText,
): CodebookContent {
  const id = freeCode(new Set(content.variables.map((v) => v.id)), 'var');
  const variable: Variable = { id, kind, required: false, label, definition: {}, categories: [] };
  return { ...content, variables: [...content.variables, variable] };
}

export function updateVariable(
  content: CodebookContent,
  variableId: string,
  patch: VariablePatch,
): CodebookContent {
  return withVariable(content, variableId, (v) => ({ ...v, ...patch }));
}

export function moveVariable(content: CodebookContent, variableId: string, delta: number): CodebookContent {
  const index = content.variables.findIndex((v) => v.id === variableId);
  return { ...content, variables: moved(content.variables, index, delta) };
}

/** Removes a variable. The caller first checks that no coding uses it. */
export function deleteVariable(content: CodebookContent, variableId: string): CodebookContent {
  return { ...content, variables: content.variables.filter((v) => v.id !== variableId) };
}

/**
 * Colours for new categories: Tableau 20 (Tableau Software), its ten strong colours first, then
 * their light companions; each new category takes the first one its variable does not use.
 */
export const CATEGORY_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#a0cbe8',
  '#ffbe7d',
  '#ff9d9a',
  '#86bcb6',
  '#8cd17d',
  '#f1ce63',
  '#d4a6c8',
  '#fabfd2',
  '#d7b5a6',
  '#79706e',
] as const;

/** The first colour of the palette no category of the variable has; when all are taken, in turn. */
function freeColour(categories: readonly Category[]): string {
  const used = new Set(categories.map((c) => c.colour?.toLowerCase()));
  return (
    CATEGORY_COLOURS.find((colour) => !used.has(colour)) ??
    CATEGORY_COLOURS[categories.length % CATEGORY_COLOURS.length]!
  );
}

/** Adds a category with a free code, the next numeric value, the first free key and a colour of its own. */
export function addCategory(
  content: CodebookContent,
  variableId: string,
  label: LocalizedText,
): CodebookContent {
  return withVariable(content, variableId, (variable) => {
    const taken = new Set([...variable.categories.map((c) => c.code), ...mergedCodes(content, variableId)]);
    const keys = new Set(variable.categories.map((c) => c.shortcut));
    const category: Category = {
      code: freeCode(taken, 'cat'),
      value: Math.max(0, ...variable.categories.map((c) => c.value)) + 1,
      label,
      definition: {},
      examples: {},
      shortcut: SHORTCUT_KEYS.find((key) => !keys.has(key)),
      colour: freeColour(variable.categories),
      retired: false,
    };
    return { ...variable, categories: [...variable.categories, category] };
  });
}

export function updateCategory(
  content: CodebookContent,
  variableId: string,
  code: string,
  patch: CategoryPatch,
): CodebookContent {
  return withVariable(content, variableId, (variable) => ({
    ...variable,
    categories: variable.categories.map((c) => (c.code === code ? { ...c, ...patch } : c)),
  }));
}

export function moveCategory(
  content: CodebookContent,
  variableId: string,
  code: string,
  delta: number,
): CodebookContent {
  return withVariable(content, variableId, (variable) => ({
    ...variable,
    categories: moved(
      variable.categories,
      variable.categories.findIndex((c) => c.code === code),
      delta,
    ),
  }));
}

/** Removes a category. The caller first checks that no coding uses it (else merge or retire). */
export function deleteCategory(content: CodebookContent, variableId: string, code: string): CodebookContent {
  return withVariable(content, variableId, (variable) => ({
    ...variable,
    categories: variable.categories.filter((c) => c.code !== code),
  }));
}

/** Retired categories are hidden from coding and kept, with their codings, in the data. */
export function setRetired(
  content: CodebookContent,
  variableId: string,
  code: string,
  retired: boolean,
): CodebookContent {
  return withVariable(content, variableId, (variable) => ({
    ...variable,
    categories: variable.categories.map((c) => (c.code === code ? { ...c, retired } : c)),
  }));
}
