/// <reference lib="webworker" />
import {
  PackageError,
  verifyPackageDigest,
  type PackageErrorCode,
} from '../../../shared/formats/projectPackage.ts';
import { answer } from '../../workers/oneAnswer.ts';

/**
 * Checks a package's digest (the bytes come moved, not copied) and answers null when it matches,
 * else the PackageError's code; an unexpected failure (out of memory) as an error. Started by
 * the package worker for one package.
 */
answer(async (bytes: Uint8Array): Promise<PackageErrorCode | null> => {
  try {
    await verifyPackageDigest(bytes);
    return null;
  } catch (error) {
    if (error instanceof PackageError) return error.code;
    throw error;
  }
});
