/// <reference lib="webworker" />
import { serveCalls, type CallRequest } from '../../workers/workerCalls.ts';
import { ImportSession } from './importSession.ts';
import type { WorkerRequest } from './importRunner.ts';

/**
 * The import worker: one ImportSession per worker, driven by messages from importRunner.ts.
 * A `cancel` message is handled between two chunks of the write (each chunk's completion is
 * its own task), so the transaction sees it and rolls back.
 */
const session = new ImportSession();

serveCalls<WorkerRequest & CallRequest>(
  (request, progress): Promise<unknown> => {
    switch (request.method) {
      case 'read':
        return session.read(...request.args);
      case 'reread':
        return session.reread(...request.args);
      case 'check':
        return session.check(...request.args);
      case 'write':
        return session.write(request.args[0], (done, total) => progress([done, total]));
    }
  },
  () => session.cancel(),
);
