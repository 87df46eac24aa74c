import { decodeText, isValidUtf8 } from '../encoding/decodeText.ts';
import { parseCoderFile } from './coderFile.ts';
import { MERGED_PROJECT_FORMAT, PROJECT_FILE_FORMAT } from './projectFile.ts';

/**
 * A Kodtau file that is not the one asked for, named so that the screen can say what it is and
 * where it goes: a coder file (merged on the Coders & merge screen) or a project file (restored
 * on the Projects screen).
 */
export type KodtauFileKind =
  { kind: 'coderFile'; projectId: string; coderName: string; codings: number } | { kind: 'projectFile' };

/**
 * What a file that failed as a project package is, when it is another Kodtau file; null for
 * anything else. A coder file is named only when it reads as one (schema and integrity), so a
 * damaged one keeps the package reader's message.
 */
export function kodtauFileKind(bytes: Uint8Array): KodtauFileKind | null {
  if (!isValidUtf8(bytes)) return null;
  const text = decodeText(bytes, 'utf-8');
  let format: unknown;
  try {
    format = (JSON.parse(text) as { format?: unknown } | null)?.format;
  } catch {
    return null;
  }
  if (format === PROJECT_FILE_FORMAT || format === MERGED_PROJECT_FORMAT) return { kind: 'projectFile' };
  try {
    const file = parseCoderFile(text);
    return {
      kind: 'coderFile',
      projectId: file.projectId,
      coderName: file.coder.name,
      codings: file.codings.filter((coding) => !coding.cleared).length,
    };
  } catch {
    return null;
  }
}
