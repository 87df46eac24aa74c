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
import { workerCalls, type CrossedError } from '../../workers/workerCalls.ts';

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
export type WorkerRequest =
  | { method: 'read'; args: Parameters<ImportSession['read']> }
  | { method: 'reread'; args: Parameters<ImportSession['reread']> }
  | { method: 'check'; args: Parameters<ImportSession['check']> }
  | { method: 'write'; args: [ImportTarget] };

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
  const calls = workerCalls<WorkerRequest, [done: number, total: number]>(worker, rebuildError);
  return {
    // The bytes move to the worker (transferred, not copied).
    read: (file) =>
      calls.call({ method: 'read', args: [file] }, undefined, [file.bytes.buffer as ArrayBuffer]),
    reread: (options) => calls.call({ method: 'reread', args: [options] }),
    check: (mapping, projectId) => calls.call({ method: 'check', args: [mapping, projectId] }),
    write: (target, onProgress) =>
      calls.call({ method: 'write', args: [target] }, (progress) => onProgress(...progress)),
    cancel: () => calls.cancel(),
    dispose: () => calls.dispose(),
  };
}

/** An import error as it crossed from a worker: a cancel, or an error with its code and line. */
export function rebuildError(error: CrossedError): Error {
  if (error.name === 'ImportCancelled') return new ImportCancelled();
  return Object.assign(new Error(error.message), error);
}
