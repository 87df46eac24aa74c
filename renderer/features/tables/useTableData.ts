import { useLiveQuery } from 'dexie-react-hooks';
import type { Appeal, Coder, Coding, Consensus } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { coderNames, projectCodings } from '../../db/queries.ts';

export interface TableData {
  appeals: Appeal[];
  codings: Coding[];
  consensus: Consensus[];
  /** The coders who have codings in the project. */
  coders: Coder[];
}

/** Everything a table or a dataset export of the project is built from, read live from IndexedDB. */
export function useTableData(projectId: string): TableData | undefined {
  const data = useLiveQuery(async () => {
    const [appeals, codings, consensus, names] = await Promise.all([
      db.appeals.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).toArray(),
      projectCodings(projectId),
      db.consensus.where('projectId').equals(projectId).toArray(),
      coderNames(),
    ]);
    const coders = [...new Set(codings.map((c) => c.coderId))].map((id) => ({
      id,
      name: names.get(id) ?? id,
    }));
    return { projectId, appeals, codings, consensus, coders };
  }, [projectId]);
  // useLiveQuery keeps the previous project's result until the new one arrives.
  return data?.projectId === projectId ? data : undefined;
}
