import type { CsvCell } from '../csv/writeCsv.ts';
import { hasAnswer, localize, type Codebook, type Coding, type Lang } from '../model/index.ts';

export const LONG_CSV_HEADER = [
  'appeal_id',
  'coder_id',
  'coder_name',
  'variable',
  'codes',
  'values',
  'labels',
  'text',
  'unsure',
  'note',
  'updated_at',
  'codebook_version',
] as const;

/**
 * The long layout: one row per answer (appeal × coder × variable; cleared codings are left out,
 * an empty set on a multiple-choice variable — "none of these" — is a row). Multiple codes are joined with
 * `|` in codebook order; `values` holds their numeric values for SPSS/R.
 */
export function longCodingsRows(
  codings: readonly Coding[],
  codebook: Codebook,
  coderNames: ReadonlyMap<string, string>,
  lang: Lang,
): CsvCell[][] {
  const variables = new Map(codebook.variables.map((v) => [v.id, v]));
  const rows = codings
    .filter(hasAnswer)
    .sort(
      (a, b) =>
        a.appealId.localeCompare(b.appealId) ||
        a.coderId.localeCompare(b.coderId) ||
        a.variableId.localeCompare(b.variableId),
    )
    .map((coding): CsvCell[] => {
      const known = variables.get(coding.variableId)?.categories ?? [];
      const categories = known.filter((c) => coding.values.includes(c.code));
      // A code this codebook lacks (coded under another version) is kept, after the known ones,
      // with an empty value and label: dropping it would read as "left empty".
      const unknown = coding.values.filter((code) => !known.some((c) => c.code === code));
      return [
        coding.appealId,
        coding.coderId,
        coderNames.get(coding.coderId) ?? '',
        coding.variableId,
        [...categories.map((c) => c.code), ...unknown].join('|'),
        [...categories.map((c) => String(c.value)), ...unknown.map(() => '')].join('|'),
        [...categories.map((c) => localize(c.label, lang)), ...unknown.map(() => '')].join('|'),
        coding.text ?? '',
        coding.unsure ? 1 : 0,
        coding.note ?? '',
        coding.updatedAt,
        coding.codebookVersion,
      ];
    });
  return [[...LONG_CSV_HEADER], ...rows];
}
