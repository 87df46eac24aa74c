import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

/** Which column holds what. Metadata columns are kept under the name given here. */
export const columnMappingSchema = z.object({
  text: z.number().int().nonnegative(),
  id: z.number().int().nonnegative().nullable(),
  meta: z.array(z.object({ column: z.number().int().nonnegative(), name: z.string().min(1) })),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Header names (lower-case) that usually hold each part, in en/ru/kk. */
const TEXT_NAMES = [
  'text',
  'appeal',
  'message',
  'body',
  'content',
  'текст',
  'обращение',
  'содержание',
  'мәтін',
  'өтініш',
];
const ID_NAMES = ['id', 'no', '№', 'number', 'номер', 'ид', 'нөмір'];
/** Header names that map onto the metadata keys the UI knows (KNOWN_META). */
const META_NAMES: Record<string, readonly string[]> = {
  date: ['date', 'дата', 'күні', 'күн'],
  region: ['region', 'регион', 'область', 'облыс', 'өңір'],
  addressee: ['addressee', 'адресат', 'кому', 'кімге'],
  language: ['language', 'lang', 'язык', 'тіл'],
  reply: ['reply', 'answer', 'response', 'ответ', 'жауап'],
};

/** A header that names a date in more words: "Дата поступления", "Date received", "Түскен күні". */
const DATE_WORDS = /(^|\s)(date|дата|күні)(\s|$)/u;

/**
 * A first mapping for a file the user has not mapped before: the text is the column whose name
 * says so, else the one with the longest values; the id likewise by name; every other column
 * is metadata, under a known key (date, region, …) when its name matches one that no earlier
 * column took, else under its own name — two columns never share a name, or one would
 * overwrite the other.
 */
export function guessMapping(header: readonly string[], rows: readonly (readonly string[])[]): ColumnMapping {
  const lower = header.map((name) => name.trim().toLowerCase());
  const named = (names: readonly string[]) => lower.findIndex((name) => names.includes(name));
  let text = named(TEXT_NAMES);
  if (text < 0) {
    const sample = rows.slice(0, 200);
    const lengths = header.map((_, c) => sample.reduce((sum, row) => sum + (row[c]?.length ?? 0), 0));
    // A loop, not Math.max(...lengths): spreading a very wide header overflows the call stack.
    text = lengths.reduce((best, length, c) => (length > lengths[best]! ? c : best), 0);
  }
  const idIndex = named(ID_NAMES);
  const id = idIndex >= 0 && idIndex !== text ? idIndex : null;
  const used = new Set<string>();
  const meta = header.flatMap((name, column) => {
    if (column === text || column === id) return [];
    const known =
      Object.entries(META_NAMES).find(([, names]) => names.includes(lower[column]!))?.[0] ??
      (DATE_WORDS.test(lower[column]!) ? 'date' : undefined);
    const candidates = [known, name, `${name} (${column + 1})`];
    const chosen = candidates.find((candidate) => candidate !== undefined && !used.has(candidate))!;
    used.add(chosen);
    return [{ column, name: chosen }];
  });
  return { text, id, meta };
}

/** Metadata names given to more than one column (after trimming); importing would lose values. */
export function duplicateMetaNames(mapping: ColumnMapping): string[] {
  const names = mapping.meta.map((m) => m.name.trim());
  return [...new Set(names.filter((name, i) => name !== '' && names.indexOf(name) !== i))];
}

/** The key a mapping is remembered under: the file's column names, in order. */
export function layoutKey(header: readonly string[]): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(header)))).slice(0, 32);
}

/** Whether a remembered mapping still fits a header (every column it names exists). */
export function mappingFits(mapping: ColumnMapping, header: readonly string[]): boolean {
  const columns = [
    mapping.text,
    ...(mapping.id === null ? [] : [mapping.id]),
    ...mapping.meta.map((m) => m.column),
  ];
  return columns.every((c) => c < header.length);
}

/** A mapping as remembered for a file layout (`layoutKey`). */
export interface RememberedMapping {
  readonly layout: string;
  readonly mapping: ColumnMapping;
  readonly updatedAt: string;
}
