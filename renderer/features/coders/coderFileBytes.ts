import { CoderFileError, verifyCoderFile, type CoderFileProblem } from '../../../shared/formats/coderFile.ts';

/** A coder file's text; bytes that are no UTF-8 give none, which the reader refuses as no JSON. */
export function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '';
  }
}

/** Checks each file whole (schema and digest, see `verifyCoderFile`): per file, its problem or none. */
export type VerifyFiles = (files: readonly Uint8Array[]) => Promise<(CoderFileProblem | undefined)[]>;

/** `VerifyFiles` on this thread, one file after the other. */
export async function verifyHere(files: readonly Uint8Array[]): Promise<(CoderFileProblem | undefined)[]> {
  const problems: (CoderFileProblem | undefined)[] = [];
  for (const bytes of files) problems.push(await verifyCoderFileBytes(bytes));
  return problems;
}

export async function verifyCoderFileBytes(bytes: Uint8Array): Promise<CoderFileProblem | undefined> {
  try {
    await verifyCoderFile(decode(bytes));
    return undefined;
  } catch (error) {
    if (error instanceof CoderFileError) return error.problem;
    throw error;
  }
}
