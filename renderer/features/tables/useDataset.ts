import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { db } from '../../db/db.ts';
import { Cancelled, type DatasetCall, type DatasetResults } from './datasetCalls.ts';
import { DatasetClient } from './datasetClient.ts';
import type { DataVersion, DatasetOverview } from './datasetSource.ts';

/** Counts the live queries' runs: each run means the data they watch may have changed. */
let runs = 0;

/**
 * The state of the project's data, as a cheap signal: each number changes whenever a coding or
 * consensus record (`codings`) or an appeal (`appeals`) of the project is written. A live query
 * watches the whole index range it asks, whatever its limit: each asks one key of the project's
 * range (no entry is counted, no record read); the keys themselves are not used.
 */
export function useDataVersion(projectId: string): DataVersion | undefined {
  const range = [
    [projectId, Dexie.minKey],
    [projectId, Dexie.maxKey],
  ] as const;
  const codings = useLiveQuery(async () => {
    await Promise.all([
      db.codingBlocks
        .where(':id')
        .between(...range)
        .limit(1)
        .primaryKeys(),
      db.consensus.where('projectId').equals(projectId).limit(1).primaryKeys(),
    ]);
    return { projectId, run: ++runs };
  }, [projectId]);
  const appeals = useLiveQuery(async () => {
    await db.appealBlocks
      .where('[projectId+block]')
      .between(...range)
      .limit(1)
      .primaryKeys();
    return { projectId, run: ++runs };
  }, [projectId]);
  const ready = codings?.projectId === projectId && appeals?.projectId === projectId;
  const codingsRun = ready ? codings.run : 0;
  const appealsRun = ready ? appeals.run : 0;
  return useMemo(
    () => (ready ? { projectId, codings: codingsRun, appeals: appealsRun } : undefined),
    [ready, projectId, codingsRun, appealsRun],
  );
}

/** A dataset worker for the screen's lifetime. */
export function useDatasetClient(): DatasetClient {
  const [client] = useState(() => new DatasetClient());
  useEffect(() => () => client.close(), [client]);
  return client;
}

/** The answer to the latest call, and whether it answers that call (else it is the one before). */
export interface Answered<C, T> {
  value: T | undefined;
  /** The call `value` answers. */
  call: C | undefined;
  current: boolean;
  error: string | null;
}

/**
 * Asks the worker `call` (null: nothing to ask) whenever it changes — give a memoised call — and
 * keeps the last answer on screen while the next one is computed.
 */
export function useDatasetCall<K extends DatasetCall['kind']>(
  client: DatasetClient,
  call: Extract<DatasetCall, { kind: K }> | null,
): Answered<Extract<DatasetCall, { kind: K }>, DatasetResults[K]> {
  const [answered, setAnswered] = useState<{
    call: Extract<DatasetCall, { kind: K }>;
    value?: DatasetResults[K];
    error?: string;
  }>();
  useEffect(() => {
    if (!call) return;
    const running = client.call(call);
    running.result.then(
      (value) => setAnswered({ call, value }),
      (error: unknown) => {
        if (!(error instanceof Cancelled)) setAnswered({ call, error: String(error) });
      },
    );
    return running.cancel;
  }, [client, call]);
  const current = !!call && answered?.call === call;
  // Never another project's answer.
  const own = answered && call && answered.call.version.projectId === call.version.projectId;
  return {
    value: own ? answered.value : undefined,
    call: own ? answered.call : undefined,
    current,
    error: current ? (answered.error ?? null) : null,
  };
}

/** The metadata columns, coders and consensus size of the project, asked again when its data change. */
export function useDatasetOverview(
  client: DatasetClient,
  version: DataVersion | undefined,
): DatasetOverview | undefined {
  const call = useMemo(() => (version ? { kind: 'overview' as const, version } : null), [version]);
  return useDatasetCall(client, call).value;
}
