import type { Codebook } from './codebook.ts';
import { LANGS, localize, type Lang } from './lang.ts';

/**
 * A metadata value in the UI language when the codebook has a variable of the same name with
 * a category labelled with that value in any language (the portal exported "Almaty city", the
 * coder reads "Алматы қаласы"); otherwise the value as the source wrote it.
 */
export function metaLabel(codebook: Codebook | undefined, key: string, value: string, lang: Lang): string {
  const variable = codebook?.variables.find((v) => v.id === key);
  const category = variable?.categories.find((c) => LANGS.some((l) => c.label[l] === value));
  return category ? localize(category.label, lang) : value;
}
