import type { ColumnMapping } from '../../../shared/import/columnMapping.ts';
import type { ReadOptions } from '../../../shared/import/readTable.ts';
import {
  ImportCancelled,
  ImportSession,
  type ImportTarget,
  type PlanSummary,
  type ReadSummary,
  type WriteProgress,
  type WriteResult,
} from './importSession.ts';

/** The import steps as the wizard calls them; the work happens off the main thread where it can. */
export interface ImportRunner {
  read(file: { name: string; bytes: Uint8Array }): Promise<ReadSummary>;
  reread(options: ReadOptions): Promise<ReadSummary>;
  check(mapping: ColumnMapping, projectId: string | null): Promise<PlanSummary>;
  write(target: ImportTarget, onProgress: WriteProgress): Promise<WriteResult>;
  /** Stops the running step; a write is rolled back, and its promise rejects with ImportCancelled. */
  cancel(): void;
  dispose(): void;
}

/** Messages to the worker: a method of ImportSession and its arguments. */
type WorkerCall =
  | { method: 'read'; args: Parameters<ImportSession['read']> }
  | { method: 'reread'; args: Parameters<ImportSession['reread']> }
  | { method: 'check'; args: Parameters<ImportSession['check']> }
  | { method: 'write'; args: [ImportTarget] }
  | { method: 'cancel' };
export type WorkerRequest = WorkerCall & { id: number };

export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; code?: string; line?: number; message: string } }
  | { id: number; progress: [done: number, total: number] };

/** Runs the session on the calling thread: jsdom tests, and browsers without module workers. */
export function createInlineRunner(): ImportRunner {
  const session = new ImportSession();
  return {
    read: (file) => session.read(file),
    reread: (options) => session.reread(options),
    check: (mapping, projectId) => session.check(mapping, projectId),
    write: (target, onProgress) => session.write(target, onProgress),
    cancel: () => session.cancel(),
    dispose: () => {},
  };
}

/**
 * Runs the session in a module worker: decoding and parsing 80 MB and writing 100 000 appeals
 * never block the interface. Errors come back as their name and code and are rebuilt here.
 */
export function createWorkerRunner(): ImportRunner {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: never) => void; reject: (error: unknown) => void; onProgress?: WriteProgress }
  >();
  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const call = pending.get(message.id);
    if (!call) return;
    if ('progress' in message) {
      call.onProgress?.(...message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.ok) call.resolve(message.value as never);
    else call.reject(rebuildError(message.error));
  });
  worker.addEventListener('error', (event) => {
    for (const call of pending.values()) call.reject(new Error(event.message));
    pending.clear();
  });

  function call<T>(
    request: WorkerCall,
    onProgress?: WriteProgress,
    transfer: Transferable[] = [],
  ): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: never) => void, reject, onProgress });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  return {
    // The bytes move to the worker (transferred, not copied).
    read: (file) => call({ method: 'read', args: [file] }, undefined, [file.bytes.buffer as ArrayBuffer]),
    reread: (options) => call({ method: 'reread', args: [options] }),
    check: (mapping, projectId) => call({ method: 'check', args: [mapping, projectId] }),
    write: (target, onProgress) => call({ method: 'write', args: [target] }, onProgress),
    cancel: () => void worker.postMessage({ id: 0, method: 'cancel' } satisfies WorkerRequest),
    dispose: () => worker.terminate(),
  };
}

function rebuildError(error: { name: string; code?: string; line?: number; message: string }): Error {
  if (error.name === 'ImportCancelled') return new ImportCancelled();
  return Object.assign(new Error(error.message), error);
}
