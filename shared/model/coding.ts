import { z } from 'zod';

/**
 * One coder's value for one variable of one appeal. Key: (projectId, coderId, appealId, variableId).
 * `values` holds category codes: one for single/ordinal, any number for multi, none for text
 * (the text is in `text`). On a multiple-choice variable an empty `values` is the answer "none of
 * these" — a real answer. A coding with `cleared: true` holds no answer (never given, or taken
 * back): it is a tombstone, kept with its time so that clearing travels and merges like any edit,
 * and every figure, table and export treats it as not coded. It may still carry the appeal's note
 * and "unsure" flag.
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
  /** No answer: the coding was cleared (see above); `values` is empty and there is no `text`. */
  cleared: z.literal(true).optional(),
  /** ISO 8601 time of the last edit; the merge lets the later edit win. */
  updatedAt: z.string(),
  codebookVersion: z.number().int().positive(),
});
export type Coding = z.infer<typeof codingSchema>;

/** What the agreement figures and the adjudication queue read of a coding: who answered what, where. */
export type CodedAnswer = Pick<Coding, 'coderId' | 'appealId' | 'variableId' | 'values' | 'text' | 'cleared'>;

/** Whether a coding holds an answer: not cleared (an empty set on a multiple-choice variable is one). */
export function hasAnswer(coding: Pick<Coding, 'cleared'> | undefined): boolean {
  return !!coding && !coding.cleared;
}

/** The coding with its answer taken away (a tombstone), keeping the appeal's note and flag. */
export function clearedCoding(coding: Coding, updatedAt: string): Coding {
  const { text: _text, ...rest } = coding;
  return { ...rest, values: [], cleared: true, updatedAt };
}

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
