import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import {
  appealSchema,
  canonicalJson,
  codebookSchema,
  coderSchema,
  codingSchema,
  projectSchema,
  type Appeal,
  type Codebook,
  type Coder,
  type Coding,
  type Project,
} from '../model/index.ts';

/**
 * What `kodtau merge` writes: the project (from its package) with every coder's merged codings.
 * It is accepted again as the project of a later `kodtau merge`, so merges can be chained.
 */
export const MERGED_PROJECT_FORMAT = 'kodtau-merged-project';
export const MERGED_PROJECT_VERSION = 1;

const contentSchema = z.object({
  format: z.literal(MERGED_PROJECT_FORMAT),
  version: z.literal(MERGED_PROJECT_VERSION),
  project: projectSchema,
  codebook: codebookSchema,
  appeals: z.array(appealSchema),
  coders: z.array(coderSchema),
  codings: z.array(codingSchema),
});
const mergedProjectSchema = contentSchema.extend({
  integrity: z.object({ algorithm: z.literal('SHA-256'), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type MergedProject = z.infer<typeof mergedProjectSchema>;

/** Why a file is not a readable merged project (the command line names it). */
export class MergedProjectError extends Error {
  constructor(readonly code: 'foreign' | 'newer' | 'invalid' | 'integrity') {
    super(`merged project: ${code}`);
    this.name = 'MergedProjectError';
  }
}

const digestOf = (content: unknown) => bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));

/** The merged project, codings sorted by coder, appeal and variable so equal merges give equal files. */
export function buildMergedProject(input: {
  project: Project;
  codebook: Codebook;
  appeals: readonly Appeal[];
  coders: readonly Coder[];
  codings: readonly Coding[];
}): MergedProject {
  const key = (c: Coding) => `${c.coderId}\u0000${c.appealId}\u0000${c.variableId}`;
  const content = {
    format: MERGED_PROJECT_FORMAT,
    version: MERGED_PROJECT_VERSION,
    project: input.project,
    codebook: input.codebook,
    appeals: [...input.appeals].sort((a, b) => a.order - b.order),
    coders: [...input.coders].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    codings: [...input.codings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
  } as const;
  return { ...content, integrity: { algorithm: 'SHA-256', digest: digestOf(content) } };
}

/**
 * Reads a merged project from parsed JSON (the caller has checked `format`).
 * @throws {MergedProjectError} for a newer version, a schema failure or a failed integrity check.
 */
export function parseMergedProject(json: unknown): MergedProject {
  const version = (json as { version?: unknown }).version;
  if ((json as { format?: unknown }).format !== MERGED_PROJECT_FORMAT)
    throw new MergedProjectError('foreign');
  if (typeof version === 'number' && version > MERGED_PROJECT_VERSION) throw new MergedProjectError('newer');
  const parsed = mergedProjectSchema.safeParse(json);
  if (!parsed.success) throw new MergedProjectError('invalid');
  const { integrity, ...content } = json as MergedProject;
  if (digestOf(content) !== integrity.digest) throw new MergedProjectError('integrity');
  return parsed.data;
}
