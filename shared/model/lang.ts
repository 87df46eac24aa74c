import { z } from 'zod';

/** The three languages of the UI and of every codebook text. */
export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const langSchema = z.enum(LANGS);

/** A text in up to three languages; a missing language is absent, never an empty string. */
export const localizedTextSchema = z.object({
  kk: z.string().min(1).optional(),
  ru: z.string().min(1).optional(),
  en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * The text in `lang`, else in the first other language that has it (kk → ru → en order
 * for the fallbacks), else ''. Coders read Russian when a Kazakh label is missing.
 */
export function localize(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] ?? LANGS.map((other) => text[other]).find((value) => value !== undefined) ?? '';
}
