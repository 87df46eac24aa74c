import { z } from 'zod';

/**
 * A gold-standard training set: appeals whose consensus the supervisor marked as the answers a
 * new coder is measured against.
 */
export const trainingSetSchema = z.object({
  projectId: z.string().min(1),
  id: z.string().min(1),
  name: z.string(),
  appealIds: z.array(z.string().min(1)),
  /** Coder id of the supervisor who made it. */
  by: z.string().min(1),
  createdAt: z.string(),
});
export type TrainingSet = z.infer<typeof trainingSetSchema>;
