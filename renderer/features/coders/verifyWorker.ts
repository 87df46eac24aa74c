/// <reference lib="webworker" />
import { verifyCoderFileBytes } from './coderFileBytes.ts';

/**
 * Checks one coder file whole (its bytes come moved, not copied) and answers its problem, or
 * none; an unexpected failure (out of memory) as an error. Started by the merge worker per file.
 */
self.onmessage = async ({ data }: MessageEvent<Uint8Array>) => {
  try {
    self.postMessage({ problem: await verifyCoderFileBytes(data) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
