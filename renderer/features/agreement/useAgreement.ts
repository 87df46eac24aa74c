import { Dexie, type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { Codebook } from '../../../shared/model/index.ts';
import { db } from '../../db/db.ts';
import { coderNames } from '../../db/queries.ts';
import { AgreementClient } from './agreementClient.ts';
import type { Subset, VariableFigures } from './agreementFigures.ts';
import type { AgreementRequest, Summary } from './agreementSource.ts';

/** The figures on screen and the request they answer; `complete` once every interval is in. */
export interface Shown {
  request: AgreementRequest;
  figures: Summary[];
  coders: string[];
  names: ReadonlyMap<string, string>;
  complete: boolean;
}

/**
 * A number that grows whenever answers change, in this window or another: every coding write
 * goes through `putCodings`, which rewrites the answer blocks it touches, and Dexie reports each
 * committed write (`storagemutated`). Not a live query, which runs its query again for each
 * subscriber and would make the worker read everything twice on opening.
 */
function useAnswersVersion(): number {
  const [version, setVersion] = useState(1);
  useEffect(() => {
    const blocks = `idb://${db.name}/${db.answerBlocks.name}/`;
    const changed = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((part) => part.startsWith(blocks))) setVersion((v) => v + 1);
    };
    Dexie.on('storagemutated', changed);
    return () => Dexie.on('storagemutated').unsubscribe(changed);
  }, []);
  return version;
}

/**
 * The dashboard's figures, computed by the agreement worker from IndexedDB: on opening, each
 * variable's point estimates as soon as they are ready; after that (another subset, new codings)
 * the last figures stay, with `computing` set, until every variable's point estimates are in;
 * then each interval as it is ready. The worker ends when the screen closes.
 */
export function useAgreement(projectId: string, codebook: Codebook | null | undefined, subset: Subset) {
  const [client] = useState(() => new AgreementClient());
  useEffect(() => () => client.close(), [client]);
  const version = useAnswersVersion();
  const names = useLiveQuery(coderNames, []);
  const [shown, setShown] = useState<Shown>();
  /** What is on screen, for the events of a computation (which stream only onto an empty screen). */
  const onScreen = useRef<Shown>(undefined);

  useEffect(() => {
    if (!codebook || !version || !names) return;
    const request: AgreementRequest = { projectId, variables: codebook.variables, subset, version };
    const chosen = codebook.variables.filter((v) => v.kind !== 'text');
    const figures = new Map<string, Summary>();
    let coders: string[] = [];
    const show = (complete: boolean) => {
      const next = {
        request,
        figures: chosen.flatMap((v) => figures.get(v.id) ?? []),
        coders,
        names,
        complete,
      };
      onScreen.current = next;
      setShown(next);
    };
    // Nothing of this project on screen yet: each variable's figures appear as they come.
    const streaming = onScreen.current?.request.projectId !== projectId;
    client.figures(
      request,
      (event) => {
        if (event.kind === 'coders') coders = event.coders;
        else if (event.kind === 'point') {
          figures.set(event.figures.variable.id, event.figures);
          if (streaming || figures.size === chosen.length) show(false);
        } else if (event.kind === 'interval') {
          figures.set(event.variableId, event.figures);
          show(false);
        } else show(true);
      },
      (error) => {
        throw new Error(error);
      },
    );
    return () => client.cancel();
  }, [client, codebook, projectId, subset, version, names]);

  const request = shown?.request;
  // The figures on screen answer what is asked now (their intervals may still be coming).
  const answered =
    !!request &&
    request.projectId === projectId &&
    request.subset === subset &&
    request.version === version &&
    request.variables === codebook?.variables;
  // A live query keeps its last result while the next one runs: never show another project's.
  const own = request?.projectId === projectId ? shown : undefined;
  return {
    shown: own,
    answered,
    computing: !answered || !shown.complete,
    coderIds: own?.coders ?? [],
    client,
  };
}

/** The matrix of the variable whose detail is open, asked of the worker once the figures on screen are current. */
export function useDetailRows(
  client: AgreementClient,
  variableId: string | null,
  shown: Shown | undefined,
  answered: boolean,
) {
  const [rows, setRows] = useState<{ shown: Shown; variableId: string; rows: VariableFigures['rows'] }>();
  useEffect(() => {
    if (!variableId || !shown || !answered) return;
    let current = true;
    void client.rows(variableId).then((found) => {
      if (current && found) setRows({ shown, variableId, rows: found });
    });
    return () => {
      current = false;
    };
  }, [client, variableId, shown, answered]);
  return rows?.shown === shown ? rows : undefined;
}
