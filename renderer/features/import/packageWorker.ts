/// <reference lib="webworker" />
import { serveCalls, type CallRequest } from '../../workers/workerCalls.ts';
import type { PackageRequest } from './packageRunner.ts';
import { PackageSession, type PackageRead } from './projectPackages.ts';

/**
 * The package worker: parses and checks a project package (100 000 appeals are hundreds of
 * megabytes of JSON) and stores it in chunks, off the UI thread; a `cancel` lands between chunks.
 */
const session = new PackageSession();

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
