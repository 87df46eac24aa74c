import { PackageError } from '../../../shared/formats/projectPackage.ts';
import { workerCalls, type CrossedError } from '../../workers/workerCalls.ts';
import { rebuildError } from './importRunner.ts';
import type { WriteProgress } from './importSession.ts';
import { PackageSession, type OpenPackageResult, type PackageSummary } from './projectPackages.ts';

/** Opening a project package as the import screen does it: read, (ask whose it is,) store. */
export interface PackageRunner {
  /** @throws {PackageError} for a file that is no readable package; nothing is written then. */
  read(file: { name: string; bytes: Uint8Array }): Promise<PackageSummary>;
  store(onProgress: WriteProgress): Promise<OpenPackageResult>;
  /** Stops the store; it is rolled back, and its promise rejects with ImportCancelled. */
  cancel(): void;
  dispose(): void;
}

export type PackageRequest =
  { method: 'read'; file: { name: string; bytes: Uint8Array } } | { method: 'store' };

/** In a module worker where there are workers; else (jsdom tests) on this thread. */
export function createPackageRunner(): PackageRunner {
  if (typeof Worker === 'undefined') {
    const session = new PackageSession();
    return {
      read: (file) => session.read(file),
      store: (onProgress) => session.store(onProgress),
      cancel: () => session.cancel(),
      dispose: () => {},
    };
  }
  const worker = new Worker(new URL('./packageWorker.ts', import.meta.url), { type: 'module' });
  const calls = workerCalls<PackageRequest, [done: number, total: number]>(worker, (error: CrossedError) =>
    error.name === 'PackageError'
      ? new PackageError(error.code as PackageError['code'])
      : rebuildError(error),
  );
  return {
    // The bytes move to the worker (transferred, not copied).
    read: (file) => calls.call({ method: 'read', file }, undefined, [file.bytes.buffer as ArrayBuffer]),
    store: (onProgress) => calls.call({ method: 'store' }, (progress) => onProgress(...progress)),
    cancel: () => calls.cancel(),
    dispose: () => calls.dispose(),
  };
}
