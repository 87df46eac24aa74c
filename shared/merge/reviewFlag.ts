/**
 * A settled unit (appeal × variable) whose coder changed their answer in a later merge: the
 * consensus is kept as it was, and the supervisor reviews the unit again.
 */
export interface ReviewFlag {
  projectId: string;
  appealId: string;
  variableId: string;
  coderId: string;
  /** The coder's answer before and after the merge (category codes). */
  before: string[];
  after: string[];
  flaggedAt: string;
}
