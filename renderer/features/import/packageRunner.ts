import { PackageError } from '../../../shared/formats/projectPackage.ts';
import { workerCalls, type CrossedError } from '../../workers/workerCalls.ts';
import { rebuildError } from './importRunner.ts';
import type { WriteProgress } from './importSession.ts';
import {
  PackageSession,
  type OpenPackageResult,
  type PackageRead,
  type PackageSummary,
} from './projectPackages.ts';

type PackageFile = { name: string; bytes: Uint8Array };

/**
 * A file read as a package that is none (PackageError `foreign`: another Kodtau file, perhaps),
 * handed back with its bytes: they moved to the reader, and the screen names the file it is.
 */
export class NotAPackage extends PackageError {
  constructor(readonly file: PackageFile) {
    super('foreign');
  }
}

/** Opening a project package as the import screen does it: read, (ask whose it is,) store. */
export interface PackageRunner {
  /**
   * Reads and checks the package; `file.bytes` move to the reader (not copied: a package of
   * 100 000 appeals is hundreds of megabytes), so the caller no longer reads them.
   * @throws {NotAPackage} for a file of another format, with the file back.
   * @throws {PackageError} for any other file that is no readable package; nothing is written then.
   */
  read(file: PackageFile): Promise<PackageSummary>;
  store(onProgress: WriteProgress): Promise<OpenPackageResult>;
  /** Stops the store; it is rolled back, and its promise rejects with ImportCancelled. */
  cancel(): void;
  dispose(): void;
}

export type PackageRequest = { method: 'read'; file: PackageFile } | { method: 'store' };

const summaryOf = (name: string, read: PackageRead): PackageSummary => {
  if ('notAPackage' in read) throw new NotAPackage({ name, bytes: read.notAPackage });
  return read;
};

/** In a module worker where there are workers; else (jsdom tests) on this thread. */
export function createPackageRunner(): PackageRunner {
  if (typeof Worker === 'undefined') {
    const session = new PackageSession();
    return {
      read: async (file) => summaryOf(file.name, await session.read(file)),
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
    // The bytes move to the worker (transferred, not copied), and back if they are no package.
    read: async (file) =>
      summaryOf(
        file.name,
        await calls.call<PackageRead>({ method: 'read', file }, undefined, [
          file.bytes.buffer as ArrayBuffer,
        ]),
      ),
    store: (onProgress) => calls.call({ method: 'store' }, (progress) => onProgress(...progress)),
    cancel: () => calls.cancel(),
    dispose: () => calls.dispose(),
  };
}
