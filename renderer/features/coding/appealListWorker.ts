/// <reference lib="webworker" />
import { db } from '../../db/db.ts';
import type { ListReply, ListRequest } from './appealListClient.ts';
import { AppealListSource, Superseded } from './appealListSource.ts';

/**
 * Answers the coding screen's filters and search off the UI thread, reading IndexedDB itself.
 * A newer list request makes the one before stale: it stops at its next step.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const source = new AppealListSource(db);
let latestList = 0;

scope.addEventListener('message', (event: MessageEvent<ListRequest>) => {
  const request = event.data;
  if (request.kind === 'mutated') {
    source.forget(request.touched);
    return;
  }
  if (request.kind === 'warm') {
    source.warm(request.projectId, request.coderId);
    return;
  }
  const reply = (answer: Omit<ListReply, 'id'>) => scope.postMessage({ id: request.id, ...answer });
  const work =
    request.kind === 'list'
      ? ((latestList = request.id),
        source
          .list(
            request.projectId,
            request.coderId,
            request.filter,
            request.variables,
            () => latestList !== request.id,
          )
          .then((list) => reply({ list })))
      : source.coded(request.projectId, request.coderId, request.variables).then((coded) => {
          reply({ coded: [...coded] });
        });
  work.catch((error: unknown) =>
    reply(error instanceof Superseded ? { superseded: true } : { error: String(error) }),
  );
});
