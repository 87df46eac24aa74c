import { LANGS, type CodebookContent, type Lang, type LocalizedText, type Variable } from '../model/index.ts';

/**
 * One difference between two consecutive codebook versions, as the version history lists it.
 * Ids and codes are stable, so a variable or category is followed by its id or code; a code that
 * changed shows as `categoryRenamed` (see `codebookChanges` for how it is recognised).
 */
export type CodebookChange =
  | { kind: 'variableAdded'; variableId: string }
  | { kind: 'variableRemoved'; variableId: string }
  | { kind: 'variableRenamed'; from: string; to: string }
  | { kind: 'variableRelabelled'; variableId: string; langs: Lang[] }
  | { kind: 'variableRedefined'; variableId: string; langs: Lang[] }
  | { kind: 'variableKindChanged'; variableId: string; from: Variable['kind']; to: Variable['kind'] }
  | { kind: 'categoryAdded'; variableId: string; code: string }
  | { kind: 'categoryRemoved'; variableId: string; code: string }
  | { kind: 'categoryRenamed'; variableId: string; from: string; to: string }
  | { kind: 'categoryMerged'; variableId: string; from: string; into: string }
  | { kind: 'categoryRetired'; variableId: string; code: string }
  | { kind: 'categoryRestored'; variableId: string; code: string }
  | { kind: 'categoryRelabelled'; variableId: string; code: string; langs: Lang[] }
  | { kind: 'categoryRedefined'; variableId: string; code: string; langs: Lang[] };

/** The languages in which two texts differ (a text added, changed or emptied). */
function changedLangs(...pairs: [LocalizedText | undefined, LocalizedText | undefined][]): Lang[] {
  return LANGS.filter((lang) =>
    pairs.some(([a, b]) => (a?.[lang] ?? '').trim() !== (b?.[lang] ?? '').trim()),
  );
}

/**
 * What changed from one codebook version to the next (`after` being version `version`), in
 * codebook order: variables added, removed, renamed (id changed), relabelled, redefined or of
 * another kind; categories added, removed, renamed (code changed), merged (by the merges recorded
 * for `version`), retired, restored, relabelled or redefined. Pure.
 *
 * A renamed id or code is not recorded as such, so it is recognised: a category that left and one
 * that arrived in the same variable with the same numeric value (values are unique per variable),
 * or a variable that left and one that arrived with the same kind and the same label in some
 * language. Whatever matches no such pair is listed as removed and added.
 */
export function codebookChanges(
  before: CodebookContent,
  after: CodebookContent,
  version: number,
): CodebookChange[] {
  const changes: CodebookChange[] = [];
  const merges = after.merges.filter((m) => m.version === version);
  const beforeIds = new Set(before.variables.map((v) => v.id));
  const afterIds = new Set(after.variables.map((v) => v.id));
  const left = before.variables.filter((v) => !afterIds.has(v.id));
  const arrived = after.variables.filter((v) => !beforeIds.has(v.id));
  // Each variable of `after` paired with its earlier self, if any.
  const earlier = new Map<string, Variable>(
    before.variables.filter((v) => afterIds.has(v.id)).map((v) => [v.id, v]),
  );
  for (const variable of arrived) {
    const renamed = left.find(
      (old) =>
        old.kind === variable.kind &&
        ![...earlier.values()].includes(old) &&
        LANGS.some((lang) => !!old.label[lang]?.trim() && old.label[lang] === variable.label[lang]),
    );
    if (renamed) {
      earlier.set(variable.id, renamed);
      changes.push({ kind: 'variableRenamed', from: renamed.id, to: variable.id });
    }
  }
  const paired = new Set(earlier.values());
  for (const old of left) if (!paired.has(old)) changes.push({ kind: 'variableRemoved', variableId: old.id });

  for (const variable of after.variables) {
    const old = earlier.get(variable.id);
    if (!old) {
      changes.push({ kind: 'variableAdded', variableId: variable.id });
      continue;
    }
    const variableId = variable.id;
    if (old.kind !== variable.kind)
      changes.push({ kind: 'variableKindChanged', variableId, from: old.kind, to: variable.kind });
    const relabelled = changedLangs([old.label, variable.label]);
    if (relabelled.length > 0) changes.push({ kind: 'variableRelabelled', variableId, langs: relabelled });
    const redefined = changedLangs([old.definition, variable.definition]);
    if (redefined.length > 0) changes.push({ kind: 'variableRedefined', variableId, langs: redefined });

    const mergedAway = new Map(
      merges.filter((m) => m.variableId === variableId).map((m) => [m.from, m.into]),
    );
    const codes = new Set(variable.categories.map((c) => c.code));
    const oldCodes = new Set(old.categories.map((c) => c.code));
    const gone = old.categories.filter((c) => !codes.has(c.code) && !mergedAway.has(c.code));
    for (const [from, into] of mergedAway) changes.push({ kind: 'categoryMerged', variableId, from, into });
    const renamedFrom = new Map<string, string>();
    for (const category of variable.categories) {
      if (oldCodes.has(category.code)) continue;
      const renamed = gone.find((c) => c.value === category.value && !renamedFrom.has(c.code));
      if (renamed) renamedFrom.set(renamed.code, category.code);
    }
    for (const category of gone) {
      const to = renamedFrom.get(category.code);
      changes.push(
        to
          ? { kind: 'categoryRenamed', variableId, from: category.code, to }
          : { kind: 'categoryRemoved', variableId, code: category.code },
      );
    }
    const renamedTo = new Map([...renamedFrom].map(([from, to]) => [to, from]));
    for (const category of variable.categories) {
      const code = category.code;
      const previous = old.categories.find((c) => c.code === (renamedTo.get(code) ?? code));
      if (!previous) {
        changes.push({ kind: 'categoryAdded', variableId, code });
        continue;
      }
      if (!previous.retired && category.retired) changes.push({ kind: 'categoryRetired', variableId, code });
      if (previous.retired && !category.retired) changes.push({ kind: 'categoryRestored', variableId, code });
      const labels = changedLangs([previous.label, category.label]);
      if (labels.length > 0) changes.push({ kind: 'categoryRelabelled', variableId, code, langs: labels });
      const definitions = changedLangs(
        [previous.definition, category.definition],
        [previous.examples, category.examples],
      );
      if (definitions.length > 0)
        changes.push({ kind: 'categoryRedefined', variableId, code, langs: definitions });
    }
  }
  return changes;
}
