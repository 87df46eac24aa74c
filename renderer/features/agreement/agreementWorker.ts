/// <reference lib="webworker" />
import { db } from '../../db/db.ts';
import { AgreementSource } from './agreementSource.ts';
import type { WorkerReply, WorkerRequest } from './agreementClient.ts';

/**
 * Computes the dashboard's figures off the UI thread, reading IndexedDB itself: the UI thread
 * never holds the project's codings. A new request cancels the one before.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const source = new AgreementSource(db);
let current = 0;
const post = (reply: WorkerReply) => scope.postMessage(reply);

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.kind === 'rows') {
    post({ id: message.id, rows: source.rows(message.variableId) ?? null });
    return;
  }
  if (message.kind === 'drift') {
    void source
      .drift(message.request, message.variableId, message.axis)
      .then((drift) => post({ id: message.id, drift }))
      .catch((error: unknown) => post({ id: message.id, error: String(error) }));
    return;
  }
  if (message.kind === 'counts') {
    void source
      .counts(message.projectId)
      .then((counts) => post({ id: message.id, counts }))
      .catch((error: unknown) => post({ id: message.id, error: String(error) }));
    return;
  }
  current = message.id;
  void (async () => {
    try {
      for await (const figures of source.figures(message.request, () => current !== message.id))
        post({ id: message.id, event: figures });
    } catch (error) {
      post({ id: message.id, error: String(error) });
    }
  })();
});
