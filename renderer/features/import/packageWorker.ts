/// <reference lib="webworker" />
import { serveCalls, type CallRequest } from '../../workers/workerCalls.ts';
import { ask } from '../../workers/oneAnswer.ts';
import type { PackageRequest } from './packageRunner.ts';
import { PackageError, type PackageErrorCode } from '../../../shared/formats/projectPackage.ts';
import { PackageSession, type PackageRead } from './projectPackages.ts';

/**
 * The package's digest checked in a worker of its own (packageDigestWorker.ts), on a copy of the
 * bytes, while this one stores the package: on two cores the check and the store overlap.
 */
async function verifyInWorker(bytes: Uint8Array): Promise<void> {
  const copy = bytes.slice();
  const worker = new Worker(new URL('./packageDigestWorker.ts', import.meta.url), { type: 'module' });
  const code = await ask<PackageErrorCode | null>(worker, copy, [copy.buffer]);
  if (code !== null) throw new PackageError(code);
}

/**
 * The package worker: parses and checks a project package (100 000 appeals are hundreds of
 * megabytes of JSON) and stores it in chunks, off the UI thread; a `cancel` lands between chunks.
 */
const session = new PackageSession(typeof Worker === 'undefined' ? undefined : verifyInWorker);

serveCalls<PackageRequest & CallRequest>(
  (request, progress): Promise<unknown> =>
    request.method === 'read'
      ? session.read(request.file)
      : session.store((done, total) => progress([done, total])),
  () => session.cancel(),
  // A file that is no package goes back to the screen as it came: moved, not copied.
  (value) => {
    const read = value as PackageRead | undefined;
    return read && 'notAPackage' in read ? [read.notAPackage.buffer as ArrayBuffer] : [];
  },
);
