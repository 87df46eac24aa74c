import {
  KNOWN_META,
  LANGS,
  localize,
  metaLabel,
  type Codebook,
  type Lang,
} from '../../../shared/model/index.ts';
import type { SourceValues } from '../../../shared/tables/tableSource.ts';

/** What a table counts: a metadata column of the appeals (`meta:<key>`) or a variable (`var:<id>`). */
export type Subject = { kind: 'meta'; key: string } | { kind: 'variable'; id: string };

export function parseSubject(key: string): Subject | null {
  if (key.startsWith('meta:')) return { kind: 'meta', key: key.slice(5) };
  if (key.startsWith('var:')) return { kind: 'variable', id: key.slice(4) };
  return null;
}

/**
 * Each appeal's values for the subject, in the order of `appealIds`: a metadata column's value
 * (from `meta`, appeal id → value), or the variable's values from the source.
 */
export function subjectCases(
  subject: Subject,
  appealIds: readonly string[],
  meta: ReadonlyMap<string, string>,
  values: SourceValues,
): string[][] {
  if (subject.kind === 'meta') {
    // One case list per distinct value, shared by its appeals (a column has few values).
    const none: string[] = [];
    const cases = new Map<string, string[]>();
    return appealIds.map((id) => {
      const raw = meta.get(id);
      if (raw === undefined) return none;
      let list = cases.get(raw);
      if (!list) {
        const value = raw.trim();
        cases.set(raw, (list = value ? [value] : none));
      }
      return list;
    });
  }
  const line = values.byVariable.get(subject.id);
  const none: string[] = [];
  return appealIds.map((id) => line?.get(id)?.values ?? none);
}

/**
 * The codebook order of the subject's values: a variable's category codes; for a metadata
 * column named like a variable (region), that variable's category labels in every language.
 */
export function subjectOrder(subject: Subject, codebook: Codebook): string[] {
  const variable = codebook.variables.find(
    (v) => v.id === (subject.kind === 'meta' ? subject.key : subject.id),
  );
  if (!variable) return [];
  if (subject.kind === 'variable') return variable.categories.map((c) => c.code);
  return variable.categories.flatMap((c) => LANGS.map((l) => c.label[l]).filter((x): x is string => !!x));
}

/** How a value of the subject reads in `lang`. */
export function subjectLabel(subject: Subject, codebook: Codebook, lang: Lang): (key: string) => string {
  if (subject.kind === 'meta') return (key) => metaLabel(codebook, subject.key, key, lang);
  const categories = new Map(
    codebook.variables.find((v) => v.id === subject.id)?.categories.map((c) => [c.code, c.label]) ?? [],
  );
  return (key) => localize(categories.get(key), lang) || key;
}

export function isMultiple(subject: Subject | null, codebook: Codebook): boolean {
  return (
    subject?.kind === 'variable' && codebook.variables.some((v) => v.id === subject.id && v.kind === 'multi')
  );
}

/** A metadata column's name: the UI's word for the columns it knows, else the source's own name. */
export function metaName(
  key: string,
  t: (key: `coding.meta.${(typeof KNOWN_META)[number]}`) => string,
): string {
  return (KNOWN_META as readonly string[]).includes(key)
    ? t(`coding.meta.${key as (typeof KNOWN_META)[number]}`)
    : key;
}

/**
 * The order rows are given in: codebook order, or — sorting by count — the labels in
 * alphabetical order of `lang`, which then breaks ties between equal counts.
 */
export function rowOrder(
  subject: Subject,
  cases: readonly (readonly string[])[],
  codebook: Codebook,
  label: (key: string) => string,
  byCount: boolean,
  lang: Lang,
): string[] {
  if (!byCount) return subjectOrder(subject, codebook);
  const collator = new Intl.Collator(lang);
  const keys = new Set<string>();
  for (const values of cases) for (const value of values) keys.add(value);
  return [...keys].sort((a, b) => collator.compare(label(a), label(b)));
}
