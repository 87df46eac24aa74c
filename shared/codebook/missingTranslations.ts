import { LANGS, type CodebookContent, type Lang, type LocalizedText } from '../model/index.ts';

/** The languages of `languages` that a text lacks; an absent text lacks none (nothing to translate). */
export function missingLanguages(text: LocalizedText, languages: readonly Lang[] = LANGS): Lang[] {
  if (!LANGS.some((lang) => text[lang])) return [];
  return languages.filter((lang) => !text[lang]);
}

/**
 * How many translations the codebook lacks, per language: every label, definition and
 * example written in some language but not in this one counts once.
 */
export function countMissingTranslations(
  content: CodebookContent,
  languages: readonly Lang[] = LANGS,
): Record<Lang, number> {
  const counts: Record<Lang, number> = { kk: 0, ru: 0, en: 0 };
  const texts = content.variables.flatMap((variable) => [
    variable.label,
    variable.definition,
    ...variable.categories.flatMap((c) => [c.label, c.definition, c.examples]),
  ]);
  for (const text of texts) for (const lang of missingLanguages(text, languages)) counts[lang]++;
  return counts;
}
