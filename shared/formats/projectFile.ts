import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { reviewFlagSchema, type ReviewFlag } from '../merge/reviewFlag.ts';
import { trainingSetSchema, type TrainingSet } from '../merge/trainingSet.ts';
import {
  appealSchema,
  canonicalJson,
  codebookSchema,
  coderSchema,
  codingSchema,
  consensusSchema,
  importRecordSchema,
  JsonDepthError,
  projectSchema,
  type Appeal,
  type Codebook,
  type Coder,
  type Coding,
  type Consensus,
  type ImportRecord,
  type Project,
} from '../model/index.ts';
import { upgradeV1Coding } from './coderFile.ts';

/**
 * The project file: one whole project in one file — what `kodtau merge -o` writes, what the app
 * saves and restores as a backup, and what `kodtau export` reads. Described in docs/formats.md
 * ("Project file"). Version 1 was the "merged project" (`kodtau-merged-project`: one codebook,
 * codings, no consensus); it still reads.
 */
export const PROJECT_FILE_FORMAT = 'kodtau-project';
export const PROJECT_FILE_VERSION = 2;
/** The format name and version `kodtau merge` wrote before the project file. */
export const MERGED_PROJECT_FORMAT = 'kodtau-merged-project';
/** Suggested file name ending. */
export const PROJECT_FILE_EXTENSION = 'kodtau-project.json';

const integritySchema = z.object({
  algorithm: z.literal('SHA-256'),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

const contentSchema = z.object({
  format: z.literal(PROJECT_FILE_FORMAT),
  version: z.literal(PROJECT_FILE_VERSION),
  project: projectSchema,
  /** Every codebook version, oldest first; the last is the current one. */
  codebooks: z.array(codebookSchema).min(1),
  appeals: z.array(appealSchema),
  coders: z.array(coderSchema),
  /** Every coder's codings, cleared ones (tombstones) included. */
  codings: z.array(codingSchema),
  consensus: z.array(consensusSchema),
  reviews: z.array(reviewFlagSchema),
  trainingSets: z.array(trainingSetSchema),
  imports: z.array(importRecordSchema),
});
const projectFileSchema = contentSchema.extend({ integrity: integritySchema });

const mergedProjectV1Schema = z.object({
  format: z.literal(MERGED_PROJECT_FORMAT),
  version: z.literal(1),
  project: projectSchema,
  codebook: codebookSchema,
  appeals: z.array(appealSchema),
  coders: z.array(coderSchema),
  codings: z.array(codingSchema),
  integrity: integritySchema,
});

export type ProjectFile = z.infer<typeof projectFileSchema>;

/** What a project file holds, as plain model objects. */
export interface ProjectData {
  project: Project;
  codebooks: readonly Codebook[];
  appeals: readonly Appeal[];
  coders: readonly Coder[];
  codings: readonly Coding[];
  consensus: readonly Consensus[];
  reviews: readonly ReviewFlag[];
  trainingSets: readonly TrainingSet[];
  imports: readonly ImportRecord[];
}

/** Why a file is not a readable project file; the command line and the UI name each. */
export class ProjectFileError extends Error {
  /** `tooDeep`: nested deeper than `MAX_JSON_DEPTH`, even under a key the schema ignores. */
  constructor(readonly code: 'foreign' | 'newer' | 'invalid' | 'tooDeep' | 'integrity') {
    super(`project file: ${code}`);
    this.name = 'ProjectFileError';
  }
}

/**
 * The file's JSON: canonical (sorted keys), except that each appeal's metadata keeps its order —
 * the columns of the source file, which the exports write in that order.
 */
function fileJson(value: unknown, keepOrderOf: ReadonlySet<string> = META): string {
  try {
    return canonicalJson(value, keepOrderOf);
  } catch (error) {
    if (error instanceof JsonDepthError) throw new ProjectFileError('tooDeep');
    throw error;
  }
}
const META: ReadonlySet<string> = new Set(['meta']);
const digestOf = (content: unknown, keepOrderOf = META) =>
  bytesToHex(sha256(utf8ToBytes(fileJson(content, keepOrderOf))));

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedBy = <T>(items: readonly T[], key: (item: T) => string) =>
  [...items].sort((a, b) => compare(key(a), key(b)));

/**
 * The project file of `data`, every list in a fixed order and no time of its own, so that equal
 * projects give equal files.
 */
export function buildProjectFile(data: ProjectData): ProjectFile {
  const unit = (c: { appealId: string; variableId: string }) => `${c.appealId}\u0000${c.variableId}`;
  const content = {
    format: PROJECT_FILE_FORMAT,
    version: PROJECT_FILE_VERSION,
    project: data.project,
    codebooks: [...data.codebooks].sort((a, b) => a.version - b.version),
    appeals: [...data.appeals].sort((a, b) => a.order - b.order),
    coders: sortedBy(data.coders, (c) => c.id),
    codings: sortedBy(data.codings, (c) => `${c.coderId}\u0000${unit(c)}`),
    consensus: sortedBy(data.consensus, unit),
    reviews: sortedBy(data.reviews, unit),
    trainingSets: sortedBy(data.trainingSets, (t) => t.id),
    imports: sortedBy(data.imports, (i) => i.id),
  } as const;
  return { ...content, integrity: { algorithm: 'SHA-256', digest: digestOf(content) } };
}

/** The file's text: canonical JSON (see `fileJson`), so equal projects give byte-equal files. */
export function serializeProjectFile(file: ProjectFile): string {
  return `${fileJson(file)}\n`;
}

/**
 * Reads a project file — or a version 1 merged project — from parsed JSON.
 * @throws {ProjectFileError} for another format, a newer version, a schema failure or a failed
 *   integrity check.
 */
export function parseProjectFile(json: unknown): ProjectFile {
  const head = (json ?? {}) as { format?: unknown; version?: unknown };
  if (head.format === MERGED_PROJECT_FORMAT) return upgradeMergedProject(json);
  if (head.format !== PROJECT_FILE_FORMAT) throw new ProjectFileError('foreign');
  if (typeof head.version === 'number' && head.version > PROJECT_FILE_VERSION)
    throw new ProjectFileError('newer');
  const parsed = projectFileSchema.safeParse(json);
  if (!parsed.success) throw new ProjectFileError('invalid');
  const { integrity, ...content } = json as ProjectFile;
  if (digestOf(content) !== integrity.digest) throw new ProjectFileError('integrity');
  return parsed.data;
}

/**
 * Reads a project file from its text (UTF-8, a BOM allowed): what the app restores.
 * @throws {ProjectFileError} as `parseProjectFile`; text that is not JSON is **invalid** when it
 *   starts like a JSON object (a truncated or damaged file), else **foreign**.
 */
export function parseProjectFileText(text: string): ProjectFile {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ProjectFileError(body.trimStart().startsWith('{') ? 'invalid' : 'foreign');
  }
  return parseProjectFile(json);
}

/** A version 1 merged project as a project file: its one codebook, no consensus yet. */
function upgradeMergedProject(json: unknown): ProjectFile {
  if ((json as { version?: unknown }).version !== 1) throw new ProjectFileError('newer');
  const parsed = mergedProjectV1Schema.safeParse(json);
  if (!parsed.success) throw new ProjectFileError('invalid');
  const { integrity, ...content } = json as z.infer<typeof mergedProjectV1Schema>;
  // Version 1 digested plain canonical JSON, metadata keys sorted too.
  if (digestOf(content, new Set()) !== integrity.digest) throw new ProjectFileError('integrity');
  const v1 = parsed.data;
  return buildProjectFile({
    ...v1,
    codebooks: [v1.codebook],
    codings: v1.codings.map(upgradeV1Coding),
    consensus: [],
    reviews: [],
    trainingSets: [],
    imports: [],
  });
}

/** The current codebook of a project file: its highest version. */
export function currentCodebookOf(file: { codebooks: readonly Codebook[] }): Codebook {
  return file.codebooks.reduce((a, b) => (b.version > a.version ? b : a));
}
