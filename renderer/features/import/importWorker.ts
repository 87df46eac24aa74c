/// <reference lib="webworker" />
import { ImportSession } from './importSession.ts';
import type { WorkerRequest, WorkerResponse } from './importRunner.ts';

/**
 * The import worker: one ImportSession per worker, driven by messages from importRunner.ts.
 * A `cancel` message is handled between two chunks of the write (each chunk's completion is
 * its own task), so the transaction sees it and rolls back.
 */
const session = new ImportSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.method === 'cancel') {
    session.cancel();
    return;
  }
  const reply = (message: WorkerResponse) => scope.postMessage(message);
  const run = (): Promise<unknown> => {
    switch (request.method) {
      case 'read':
        return session.read(...request.args);
      case 'reread':
        return session.reread(...request.args);
      case 'check':
        return session.check(...request.args);
      case 'write':
        return session.write(request.args[0], (done, total) =>
          reply({ id: request.id, progress: [done, total] }),
        );
    }
  };
  run().then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: unknown) => {
      const { name = 'Error', message = String(error), code, line } = error as Record<string, never>;
      reply({ id: request.id, ok: false, error: { name, message, code, line } });
    },
  );
});
