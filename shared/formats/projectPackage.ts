import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { sha256Hex } from './digest.ts';
import { seededRandom } from '../agreement/seededRandom.ts';
import {
  appealSchema,
  canonicalJson,
  canonicalJsonOfParsed,
  codebookSchema,
  JsonDepthError,
  projectSchema,
  type Appeal,
  type Codebook,
  type Project,
} from '../model/index.ts';

/** The `format` every project package carries; anything else is not ours. */
export const PACKAGE_FORMAT = 'kodtau-project-package';
/** The version this build writes and the newest it reads. */
export const PACKAGE_VERSION = 1;

const packagedAppealSchema = appealSchema.omit({ projectId: true });

/** For a coder's package: whose share it is, and how the overlap sample was drawn. */
export const assignmentSchema = z.object({
  coder: z.string().min(1),
  /** Every coder of the assignment, in order; `coder` is one of them. */
  coders: z.array(z.string().min(1)).min(1),
  /** Share of all appeals coded by everyone (0–1). */
  overlapShare: z.number().min(0).max(1),
  seed: z.string().min(1),
  /** Ids of the overlap sample (in this package, and in every other coder's). */
  overlap: z.array(z.string()),
  /** All appeals of the project when the assignment was drawn. */
  totalAppeals: z.number().int().nonnegative(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

const contentSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  createdAt: z.string(),
  project: projectSchema,
  codebook: codebookSchema.nullable(),
  appeals: z.array(packagedAppealSchema),
  assignment: assignmentSchema.nullable(),
});

export const projectPackageSchema = contentSchema.extend({
  integrity: z.object({ algorithm: z.literal('sha256'), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type ProjectPackage = z.infer<typeof projectPackageSchema>;

/** What the reader found wrong; each has a message in locales (`package.errors.<code>`). */
export type PackageErrorCode = 'notJson' | 'foreign' | 'newer' | 'invalid' | 'tooDeep' | 'integrity';

export class PackageError extends Error {
  constructor(readonly code: PackageErrorCode) {
    super(`project package: ${code}`);
    this.name = 'PackageError';
  }
}

/**
 * The canonical JSON (keys sorted, see `canonicalJson`) of everything but `integrity`: what the
 * digest is of. Of content `parsed` from a file, by `canonicalJsonOfParsed` (which takes it over).
 */
function canonicalContent(content: unknown, parsed = false): string {
  try {
    return parsed ? canonicalJsonOfParsed(content) : canonicalJson(content);
  } catch (error) {
    if (error instanceof JsonDepthError) throw new PackageError('tooDeep');
    throw error;
  }
}

/** SHA-256 of the canonical content. */
function digestOf(content: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalContent(content))));
}

/** Builds a package: the project, its codebook, the given appeals (in source order), an optional assignment. */
export function createProjectPackage(input: {
  project: Project;
  codebook: Codebook | null;
  appeals: readonly Appeal[];
  assignment?: Assignment | null;
  createdAt?: string;
}): ProjectPackage {
  const content = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    createdAt: input.createdAt ?? new Date().toISOString(),
    project: input.project,
    codebook: input.codebook,
    appeals: [...input.appeals]
      .sort((a, b) => a.order - b.order)
      .map(({ id, text, meta, order }) => ({ id, text, meta, order })),
    assignment: input.assignment ?? null,
  } satisfies z.input<typeof contentSchema>;
  return { ...content, integrity: { algorithm: 'sha256', digest: digestOf(content) } };
}

/** The package as the bytes of a UTF-8 JSON file. */
export function serializeProjectPackage(pkg: ProjectPackage): Uint8Array {
  return utf8ToBytes(JSON.stringify(pkg));
}

/** What the reader takes from the platform (browser, worker, Node), typed here: shared code has no DOM types. */
const platform = globalThis as unknown as {
  TextDecoder: new (label: 'utf-8', options: { fatal: true }) => { decode(bytes: Uint8Array): string };
};

/** A package read and checked, its appeals given their project. */
export type ReadProjectPackage = Omit<ProjectPackage, 'appeals'> & { appeals: Appeal[] };

/**
 * Reads a package file: unknown → JSON → format and version → schema → integrity.
 * @throws {PackageError} `notJson` (not UTF-8 JSON), `foreign` (another format), `newer` (a
 * version this build does not know), `invalid` (fails the schema), `tooDeep` (nested deeper than
 * `MAX_JSON_DEPTH`, even under a key the schema ignores), `integrity` (the content
 * does not match its digest: damaged or edited).
 */
export function parseProjectPackage(bytes: Uint8Array): ReadProjectPackage {
  const { value, pkg } = checkedPackage(bytes);
  const { integrity, ...content } = value;
  if (digestOf(content) !== integrity.digest) throw new PackageError('integrity');
  return pkg;
}

/**
 * `parseProjectPackage` for large files (the package worker): the same checks, the digest by the
 * platform's SHA-256 (Web Crypto, many times faster than the one in JavaScript).
 */
export async function readProjectPackage(bytes: Uint8Array): Promise<ReadProjectPackage> {
  const { value, pkg } = checkedPackage(bytes);
  await verifyDigest(value);
  return pkg;
}

/**
 * Every check of `readProjectPackage` but the integrity one, for a reader that checks the digest
 * elsewhere at the same time (`verifyPackageDigest`, in another worker).
 */
export const readPackageContent = (bytes: Uint8Array): ReadProjectPackage => checkedPackage(bytes).pkg;

/**
 * The integrity check of `readProjectPackage` on its own: resolves when the content matches its
 * digest. @throws {PackageError} `integrity` when it does not, or the first error reading it
 * (`notJson`, `invalid`, `tooDeep`).
 */
export async function verifyPackageDigest(bytes: Uint8Array): Promise<void> {
  const value = parsedJson(bytes) as { integrity?: { digest?: unknown } } | null;
  if (typeof value?.integrity?.digest !== 'string') throw new PackageError('invalid');
  await verifyDigest(value as ProjectPackage);
}

/** SHA-256 of the canonical content, taken over from `JSON.parse` (see `canonicalJsonOfParsed`), checked against the digest it claims. */
async function verifyDigest(value: ProjectPackage): Promise<void> {
  const { integrity, ...content } = value;
  if ((await sha256Hex(canonicalContent(content, true))) !== integrity.digest)
    throw new PackageError('integrity');
}

/** The file's JSON, UTF-8 checked in one pass (a fatal decoder refuses bytes that are no UTF-8, and drops a BOM). */
function parsedJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new platform.TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PackageError('notJson');
  }
}

/** Every check but the integrity one: the file's JSON as it is (the digest's input) and the package read from it. */
function checkedPackage(bytes: Uint8Array): { value: ProjectPackage; pkg: ReadProjectPackage } {
  const value = parsedJson(bytes);
  if (
    value === null ||
    typeof value !== 'object' ||
    (value as { format?: unknown }).format !== PACKAGE_FORMAT
  ) {
    throw new PackageError('foreign');
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > PACKAGE_VERSION) throw new PackageError('newer');
  const parsed = projectPackageSchema.safeParse(value);
  if (!parsed.success) throw new PackageError('invalid');
  const pkg = parsed.data;
  // The schema's output is a copy of its own: each appeal is given its project in place.
  const appeals = pkg.appeals as Appeal[];
  for (const appeal of appeals) appeal.projectId = pkg.project.id;
  return { value: value as ProjectPackage, pkg: { ...pkg, appeals } };
}

export interface AssignmentPlan {
  /** The overlap sample, in source order: coded by every coder. */
  readonly overlap: string[];
  /** Each coder's own share (without the overlap), in source order. */
  readonly shares: string[][];
}

/**
 * Draws the overlap sample and deals the rest: the ids are shuffled (Fisher–Yates with
 * `seededRandom(seed)`, so the same seed gives the same assignment), the first
 * round(n × overlapShare) form the overlap, and the others go to the coders in turn.
 */
export function assignAppeals(
  ids: readonly string[],
  coderCount: number,
  overlapShare: number,
  seed: string,
): AssignmentPlan {
  if (coderCount < 1) throw new RangeError('at least one coder');
  const random = seededRandom(seed);
  const position = new Map(ids.map((id, i) => [id, i]));
  const shuffled = [...ids];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const overlapSize = Math.round(ids.length * Math.min(1, Math.max(0, overlapShare)));
  const bySource = (list: string[]) => list.sort((a, b) => position.get(a)! - position.get(b)!);
  const shares = Array.from({ length: coderCount }, () => [] as string[]);
  shuffled.slice(overlapSize).forEach((id, i) => shares[i % coderCount]!.push(id));
  return { overlap: bySource(shuffled.slice(0, overlapSize)), shares: shares.map(bySource) };
}
