import { z } from 'zod';

/**
 * A settled unit (appeal × variable) whose coder changed their answer in a later merge: the
 * consensus is kept as it was, and the supervisor reviews the unit again.
 */
export const reviewFlagSchema = z.object({
  projectId: z.string().min(1),
  appealId: z.string().min(1),
  variableId: z.string().min(1),
  coderId: z.string().min(1),
  /** The coder's answer before and after the merge (category codes). */
  before: z.array(z.string()),
  after: z.array(z.string()),
  flaggedAt: z.string(),
});
export type ReviewFlag = z.infer<typeof reviewFlagSchema>;
