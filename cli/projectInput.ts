import { readFile } from 'node:fs/promises';
import { PackageError, parseProjectPackage } from '../shared/formats/projectPackage.ts';
import {
  MERGED_PROJECT_FORMAT,
  parseProjectFile,
  PROJECT_FILE_FORMAT,
  ProjectFileError,
  type ProjectData,
} from '../shared/formats/projectFile.ts';
import { MAX_JSON_DEPTH } from '../shared/model/index.ts';

/** A file a command cannot use; the message names the file and the problem. */
export class InputError extends Error {}

export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Invalid UTF-8 becomes an empty text, which the readers report as unreadable. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '';
  }
}

/** A reader's error code, with the limit spelled out where the code is one. */
const reason = (code: string) =>
  code === 'tooDeep' ? `nested more than ${MAX_JSON_DEPTH} levels deep, the most Kodtau reads` : code;

/**
 * A project package (appeals and codebook, no codings yet) or a project file (what
 * `kodtau merge -o` and the app's "Save project file" write, or a version 1 merged project),
 * told apart by `format`.
 * @throws {InputError} naming the file and what is wrong with it.
 */
export function readProjectInput(name: string, bytes: Uint8Array): ProjectData {
  let json: { format?: unknown } | null;
  try {
    json = JSON.parse(decodeUtf8(bytes).replace(/^\uFEFF/, '')) as { format?: unknown } | null;
  } catch {
    throw new InputError(`${name}: not a readable JSON file`);
  }
  const format = json?.format;
  if (format === PROJECT_FILE_FORMAT || format === MERGED_PROJECT_FORMAT) {
    try {
      return parseProjectFile(json);
    } catch (error) {
      if (error instanceof ProjectFileError)
        throw new InputError(`${name}: not a readable project file (${reason(error.code)})`);
      throw error;
    }
  }
  try {
    const pkg = parseProjectPackage(bytes);
    if (!pkg.codebook) throw new InputError(`${name}: the package has no codebook`);
    return {
      project: pkg.project,
      codebooks: [pkg.codebook],
      appeals: pkg.appeals,
      coders: [],
      codings: [],
      consensus: [],
      reviews: [],
      trainingSets: [],
      imports: [],
    };
  } catch (error) {
    if (error instanceof PackageError)
      throw new InputError(`${name}: neither a project package nor a project file (${reason(error.code)})`);
    throw error;
  }
}
