import { decodeText, isValidUtf8 } from '../encoding/decodeText.ts';
import { codebookHash, type Codebook, type Lang } from '../model/index.ts';
import { CodebookFileError, type ReadCodebook } from './codebookFile.ts';
import { readCodebookJson } from './codebookJson.ts';
import { PACKAGE_FORMAT, PackageError, parseProjectPackage } from './projectPackage.ts';
import { readQdc } from './qdc.ts';

export type CodebookSource = 'json' | 'qdc' | 'package';

/**
 * Reads a codebook from any file that carries one — Kodtau codebook JSON, a REFI-QDA `.qdc`,
 * or a project package — recognised by content, not by name. Names in a `.qdc` from another
 * tool are taken as written in `lang`. The UI's import and `kodtau codebook` share it.
 */
export function readCodebookFile(bytes: Uint8Array, lang: Lang): ReadCodebook & { source: CodebookSource } {
  // A `.qdc` may be UTF-16 (with a byte order mark, or `<` as two bytes), whatever it declares.
  const utf16 = utf16Order(bytes);
  if (utf16) return { ...readQdc(decodeText(bytes, utf16), lang), source: 'qdc' };
  if (!isValidUtf8(bytes)) throw new CodebookFileError({ code: 'not-json', detail: 'not UTF-8 text' });
  const head = decodeText(bytes.subarray(0, 1024), 'utf-8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<')) return { ...readQdc(decodeText(bytes, 'utf-8'), lang), source: 'qdc' };
  if (head.startsWith('{') && new RegExp(`"format"\\s*:\\s*"${PACKAGE_FORMAT}"`).test(head)) {
    const codebook = readPackage(bytes);
    return {
      content: { variables: codebook.variables, merges: codebook.merges },
      notes: [],
      version: codebook.version,
      source: 'package',
    };
  }
  return { ...readCodebookJson(decodeText(bytes, 'utf-8')), source: 'json' };
}

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return 'utf-16be';
  return null;
}

function readPackage(bytes: Uint8Array): Codebook {
  try {
    const { codebook } = parseProjectPackage(bytes);
    if (!codebook) throw new CodebookFileError({ code: 'no-codebook' });
    return codebook;
  } catch (error) {
    if (error instanceof PackageError) throw new CodebookFileError({ code: 'package', reason: error.code });
    throw error;
  }
}

/** A read codebook as a saved one would be: its version (1 when the file has none) and content hash. */
export function asCodebook(read: ReadCodebook, projectId: string, now: Date): Codebook {
  return {
    projectId,
    version: read.version ?? 1,
    hash: codebookHash(read.content),
    variables: read.content.variables,
    merges: read.content.merges,
    updatedAt: now.toISOString(),
  };
}
