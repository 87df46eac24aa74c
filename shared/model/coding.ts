import { z } from 'zod';

/**
 * One coder's value for one variable of one appeal. Key: (projectId, coderId, appealId, variableId).
 * `values` holds category codes: one for single/ordinal, any number for multi, none for text
 * (the text is in `text`). An empty `values` on a choice variable means "looked at, left empty".
 */
export const codingSchema = z.object({
  projectId: z.string().min(1),
  coderId: z.string().min(1),
  appealId: z.string().min(1),
  variableId: z.string().min(1),
  values: z.array(z.string()),
  text: z.string().optional(),
  note: z.string().optional(),
  unsure: z.boolean().default(false),
  /** ISO 8601 time of the last edit; the merge lets the later edit win. */
  updatedAt: z.string(),
  codebookVersion: z.number().int().positive(),
});
export type Coding = z.infer<typeof codingSchema>;

export const consensusSchema = z.object({
  projectId: z.string().min(1),
  appealId: z.string().min(1),
  variableId: z.string().min(1),
  values: z.array(z.string()),
  text: z.string().optional(),
  method: z.enum(['agreed', 'adjudicated']),
  /** Why the supervisor settled it so (adjudicated units; optional). */
  reason: z.string().optional(),
  /** Coder id of the supervisor who settled it (or who ran the agreement check). */
  by: z.string().min(1),
  at: z.string(),
});
export type Consensus = z.infer<typeof consensusSchema>;
