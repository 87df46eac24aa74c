/// <reference lib="webworker" />
import { PackageError, verifyPackageDigest } from '../../../shared/formats/projectPackage.ts';

/**
 * Checks a package's digest (the bytes come moved, not copied) and answers null when it matches,
 * else the PackageError's code. Started by the package worker for one package.
 */
self.onmessage = async ({ data }: MessageEvent<Uint8Array>) => {
  try {
    await verifyPackageDigest(data);
    self.postMessage(null);
  } catch (error) {
    self.postMessage(error instanceof PackageError ? error.code : 'integrity');
  }
};
