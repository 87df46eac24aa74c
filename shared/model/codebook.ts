import { z } from 'zod';
import { localizedTextSchema } from './lang.ts';

export const VARIABLE_KINDS = ['single', 'multi', 'ordinal', 'text'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

/** Stable identifiers: letters, digits, `_` and `-`, never derived from array positions. */
export const codeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const categorySchema = z.object({
  code: codeSchema,
  /** Numeric value written to SPSS/R exports. */
  value: z.number().int(),
  label: localizedTextSchema,
  definition: localizedTextSchema.default({}),
  examples: localizedTextSchema.default({}),
  /** One key, pressed while the variable is focused on the coding screen. */
  shortcut: z.string().length(1).optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i)
    .optional(),
  /** Retired categories are hidden from coding but kept in the data. */
  retired: z.boolean().default(false),
});
export type Category = z.infer<typeof categorySchema>;

export const variableSchema = z.object({
  id: codeSchema,
  kind: z.enum(VARIABLE_KINDS),
  required: z.boolean().default(false),
  label: localizedTextSchema,
  definition: localizedTextSchema.default({}),
  categories: z.array(categorySchema),
});
export type Variable = z.infer<typeof variableSchema>;

/** A category merged into another after codings existed; older coder files merge through it. */
export const categoryMergeSchema = z.object({
  variableId: codeSchema,
  from: codeSchema,
  into: codeSchema,
  /** The codebook version that introduced the merge. */
  version: z.number().int().positive(),
});
export type CategoryMerge = z.infer<typeof categoryMergeSchema>;

export const codebookSchema = z.object({
  projectId: z.string().min(1),
  version: z.number().int().positive(),
  /** SHA-256 (hex) of the canonical form, see `codebookHash`. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  variables: z.array(variableSchema),
  merges: z.array(categoryMergeSchema).default([]),
  updatedAt: z.string(),
  /**
   * Counted when this version was saved, for its version history: how many codings and
   * consensus values held each category the version merged away (they moved to its target) or
   * retired (they stay, retiring moves none). Not part of the hash; absent on versions saved
   * before Kodtau kept the count, and on version 1.
   */
  changeCounts: z
    .array(z.object({ variableId: codeSchema, code: codeSchema, count: z.number().int().nonnegative() }))
    .optional(),
});
export type Codebook = z.infer<typeof codebookSchema>;

/** The content of a codebook, without the fields derived from it. */
export type CodebookContent = Pick<Codebook, 'variables' | 'merges'>;
