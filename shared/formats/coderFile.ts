import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { Codebook, Coder, Coding } from '../model/index.ts';
import { sha256Hex } from './digest.ts';

/**
 * The coder file: one coder's codings of one project, sent back to the supervisor. Format
 * described in docs/formats.md ("Coder file"). Travels as UTF-8 JSON:
 * `unknown → parseCoderFile (schema, version, integrity) → merge (shared/merge)`.
 */
export const CODER_FILE_FORMAT = 'kodtau-coder-file';
/**
 * 2: a coding may be `cleared` (a tombstone), and an empty `values` on a multiple-choice variable
 * is the answer "none of these". Version 1 files still read: there an empty `values` without text
 * meant "not coded", so it reads as cleared (see `upgradeV1Coding`).
 */
export const CODER_FILE_VERSION = 2;
/** Suggested file name ending, so a file dialog can filter for coder files. */
export const CODER_FILE_EXTENSION = 'kodtau-coder.json';

/** One coding as the file carries it: the project and coder are the file's. */
export interface CoderFileCoding {
  appealId: string;
  variableId: string;
  values: string[];
  text?: string;
  note?: string;
  unsure: boolean;
  /** The coder took the answer back (or never gave one): a tombstone, see `Coding.cleared`. */
  cleared?: true;
  updatedAt: string;
  /** The codebook version the coding was made under (older ones merge through recorded merges). */
  codebookVersion: number;
}

/** The content of a coder file, without its integrity check. */
export interface CoderFileContent {
  format: typeof CODER_FILE_FORMAT;
  /** As written; `parseCoderFile` gives version 1 codings in version 2's meaning. */
  version: 1 | typeof CODER_FILE_VERSION;
  projectId: string;
  coder: Coder;
  /** The codebook the coder had when exporting. */
  codebook: { version: number; hash: string };
  exportedAt: string;
  codings: CoderFileCoding[];
}

/** What a coder file holds: its content and a SHA-256 (hex) over the canonical JSON of that content. */
export interface CoderFile extends CoderFileContent {
  integrity: { algorithm: 'SHA-256'; digest: string };
}

/** Why a file is not a readable coder file; `problemText` and the UI translate each. */
export type CoderFileProblem =
  | { code: 'not-json' }
  | { code: 'not-coder-file' }
  | { code: 'newer-version'; version: number }
  | { code: 'invalid'; detail: string }
  | { code: 'damaged' };

export class CoderFileError extends Error {
  constructor(readonly problem: CoderFileProblem) {
    super(problem.code);
    this.name = 'CoderFileError';
  }
}

const id = z.string().min(1);
const codingSchema = z
  .object({
    appealId: id,
    variableId: id,
    values: z.array(z.string()),
    text: z.string().optional(),
    note: z.string().optional(),
    unsure: z.boolean(),
    cleared: z.literal(true).optional(),
    updatedAt: z.iso.datetime({ offset: true }),
    codebookVersion: z.number().int().positive(),
  })
  .refine((c) => !c.cleared || (c.values.length === 0 && c.text === undefined), {
    message: 'a cleared coding has no values and no text',
  });

/** The import schema. The digest covers exactly these fields, so a file with anything else fails it. */
const coderFileSchema = z.object({
  format: z.literal(CODER_FILE_FORMAT),
  version: z.union([z.literal(1), z.literal(CODER_FILE_VERSION)]),
  projectId: id,
  coder: z.object({ id, name: id }),
  codebook: z.object({
    version: z.number().int().positive(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  exportedAt: z.iso.datetime({ offset: true }),
  codings: z.array(codingSchema),
  integrity: z.object({ algorithm: z.literal('SHA-256'), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
});

/** The schema of everything but the codings, which it only takes to be a list. */
const headSchema = coderFileSchema.extend({ codings: z.array(z.unknown()) });

/**
 * Every key of the content, sorted. `JSON.stringify` with this list writes each object's keys in
 * the list's order and leaves out any other key (`integrity`), so it gives exactly `canonicalJson`
 * of the content, natively: that matters at 100 000 codings a file (test/bench/merge.bench.ts).
 */
const CONTENT_KEYS = [
  ...['format', 'version', 'projectId', 'coder', 'id', 'name', 'codebook', 'hash', 'exportedAt', 'codings'],
  ...['appealId', 'variableId', 'values', 'text', 'note', 'unsure', 'cleared', 'updatedAt'],
  'codebookVersion',
].sort();

/** The canonical JSON of the content (keys sorted at every level, see `canonicalJson`). */
export function canonicalContent(content: CoderFileContent): string {
  return JSON.stringify(content, CONTENT_KEYS);
}

function contentDigest(content: CoderFileContent): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalContent(content))));
}

/** Builds the file of one coder's codings of the codebook's project, sorted by appeal and variable. */
export function buildCoderFile(
  coder: Coder,
  codebook: Pick<Codebook, 'projectId' | 'version' | 'hash'>,
  codings: readonly Coding[],
  exportedAt: string,
): CoderFile {
  const own = codings
    .filter((c) => c.coderId === coder.id && c.projectId === codebook.projectId)
    .sort((a, b) => compare(a.appealId, b.appealId) || compare(a.variableId, b.variableId));
  const content: CoderFileContent = {
    format: CODER_FILE_FORMAT,
    version: CODER_FILE_VERSION,
    projectId: codebook.projectId,
    coder: { id: coder.id, name: coder.name },
    codebook: { version: codebook.version, hash: codebook.hash },
    exportedAt,
    codings: own.map((c) => ({
      appealId: c.appealId,
      variableId: c.variableId,
      values: [...c.values],
      ...(c.text !== undefined ? { text: c.text } : {}),
      ...(c.note !== undefined ? { note: c.note } : {}),
      unsure: c.unsure,
      ...(c.cleared ? { cleared: true as const } : {}),
      updatedAt: c.updatedAt,
      codebookVersion: c.codebookVersion,
    })),
  };
  return { ...content, integrity: { algorithm: 'SHA-256', digest: contentDigest(content) } };
}

/** The file's text: JSON, one coding per line so that a diff or a person can read it. */
export function serializeCoderFile(file: CoderFile): string {
  const { codings, ...head } = file;
  const lines = codings.map((coding) => `    ${JSON.stringify(coding)}`);
  const headJson = JSON.stringify({ ...head, codings: [] }, null, 2);
  return `${headJson.replace('"codings": []', `"codings": [\n${lines.join(',\n')}\n  ]`)}\n`;
}

/**
 * Reads a coder file's text: JSON, then the format name and version, then the schema, then the
 * integrity check.
 * @throws {CoderFileError} naming the first problem found.
 */
export function parseCoderFile(text: string): CoderFile {
  const file = validated(coderFileJson(text));
  if (contentDigest(file) !== file.integrity.digest) throw new CoderFileError({ code: 'damaged' });
  return upgraded(file);
}

/**
 * `parseCoderFile`'s checks, the digest by the platform's SHA-256, for a worker that checks a
 * large file while another reads it (`unverifiedCoderFile`).
 * @throws {CoderFileError} as `parseCoderFile`.
 */
export async function verifyCoderFile(text: string): Promise<void> {
  const file = validated(coderFileJson(text));
  const digest = await sha256Hex(canonicalContent(file));
  if (digest !== file.integrity.digest) throw new CoderFileError({ code: 'damaged' });
}

/**
 * The file as `parseCoderFile` gives it, read with only its first checks (JSON, format, version):
 * for a text `verifyCoderFile` passes, so use it only once that is known. It skips the schema and
 * digest of the codings (most of the time of a large file); a key the schema does not know stays
 * in them.
 * @throws {CoderFileError} `not-json`, `not-coder-file`, `newer-version`, `invalid` (all but the codings).
 */
export function unverifiedCoderFile(text: string): CoderFile {
  return upgraded(validated(coderFileJson(text), headSchema));
}

/** The text's JSON, when it claims to be a coder file of a version this build reads. */
function coderFileJson(text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new CoderFileError({ code: 'not-json' });
  }
  if (
    json === null ||
    typeof json !== 'object' ||
    (json as { format?: unknown }).format !== CODER_FILE_FORMAT
  )
    throw new CoderFileError({ code: 'not-coder-file' });
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > CODER_FILE_VERSION)
    throw new CoderFileError({ code: 'newer-version', version });
  return json;
}

function validated(json: unknown, schema: z.ZodType = coderFileSchema): CoderFile {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CoderFileError({ code: 'invalid', detail: `${issue.path.join('.')}: ${issue.message}` });
  }
  return parsed.data as CoderFile;
}

const upgraded = (file: CoderFile): CoderFile =>
  file.version === 1 ? { ...file, codings: file.codings.map(upgradeV1Coding) } : file;

/**
 * A coding of a version 1 file (or of a version 1 merged project) in today's meaning: version 1
 * stored "not coded" — a category deselected again, a text emptied — as an empty `values` without
 * text, and had no "none of these"; such a coding becomes a cleared one with the same time.
 */
export function upgradeV1Coding<T extends Pick<CoderFileCoding, 'values' | 'text' | 'cleared'>>(
  coding: T,
): T {
  if (coding.values.length > 0 || coding.text?.trim()) return coding;
  const { text: _text, ...rest } = coding;
  return { ...rest, cleared: true } as T;
}

/** The file's codings in the model's shape. */
export function coderFileCodings(file: CoderFile): Coding[] {
  const { projectId } = file;
  const coderId = file.coder.id;
  // Written out rather than spread: a million codings go through here in the benchmark.
  return file.codings.map((c) => {
    const coding: Coding = {
      projectId,
      coderId,
      appealId: c.appealId,
      variableId: c.variableId,
      values: c.values,
      unsure: c.unsure,
      updatedAt: c.updatedAt,
      codebookVersion: c.codebookVersion,
    };
    if (c.text !== undefined) coding.text = c.text;
    if (c.note !== undefined) coding.note = c.note;
    if (c.cleared) coding.cleared = true;
    return coding;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
