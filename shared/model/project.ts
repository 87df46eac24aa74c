import { z } from 'zod';
import { langSchema } from './lang.ts';

const isStringRecord = (value: unknown): value is Record<string, string> =>
  value !== null &&
  typeof value === 'object' &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value)) &&
  Object.values(value).every((v) => typeof v === 'string');

/**
 * An appeal's metadata: column name → value. Every name is an ordinary one, `__proto__`,
 * `constructor` and `toString` included: zod's record drops a `__proto__` key, so the record is
 * checked here and rebuilt with `Object.fromEntries`, which makes every key an own property.
 * Read a value with {@link metaValue}, never `meta[key]`, which finds `Object.prototype`'s.
 */
export const metaSchema = z
  .custom<Record<string, string>>(isStringRecord, 'expected an object of texts')
  .transform((meta) => Object.fromEntries(Object.entries(meta)));

/** The value of one metadata field, if the appeal has it (its own key, whatever its name). */
export function metaValue(meta: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(meta, key) ? meta[key] : undefined;
}

export const projectSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The languages the codebook is written in. */
  languages: z.array(langSchema).min(1),
  createdAt: z.string(),
  /** The demo project is marked so the UI can label it as synthetic. */
  demo: z.boolean().default(false),
});
export type Project = z.infer<typeof projectSchema>;

export const appealSchema = z.object({
  projectId: z.string().min(1),
  /** From the source when it has one, else generated; unique within the project. */
  id: z.string().min(1),
  text: z.string(),
  /** Metadata columns under their own names: date, region, addressee, reply, … */
  meta: metaSchema,
  /** Position in the source file; the default reading order. */
  order: z.number().int().nonnegative(),
});
export type Appeal = z.infer<typeof appealSchema>;

/** Metadata keys the UI knows how to show; any other key is shown under its own name. */
export const KNOWN_META = ['date', 'region', 'addressee', 'language', 'reply'] as const;

export const coderSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});
export type Coder = z.infer<typeof coderSchema>;

export const importRecordSchema = z.object({
  id: z.string().min(1),
  projectId: z.string().min(1),
  kind: z.enum(['appeals', 'package', 'coderFile', 'codebook', 'demo']),
  fileName: z.string(),
  /** SHA-256 of the imported bytes, so a re-import is recognised. */
  fileHash: z.string(),
  importedAt: z.string(),
  summary: z.record(z.string(), z.number()),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;
