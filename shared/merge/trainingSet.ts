/**
 * A gold-standard training set: appeals whose consensus the supervisor marked as the answers a
 * new coder is measured against.
 */
export interface TrainingSet {
  projectId: string;
  id: string;
  name: string;
  appealIds: string[];
  /** Coder id of the supervisor who made it. */
  by: string;
  createdAt: string;
}
