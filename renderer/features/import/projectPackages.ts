import {
  assignAppeals,
  createProjectPackage,
  PackageError,
  readPackageContent,
  readProjectPackage,
  serializeProjectPackage,
  verifyPackageDigest,
  type ReadProjectPackage,
} from '../../../shared/formats/projectPackage.ts';
import { Dexie } from 'dexie';
import { db } from '../../db/db.ts';
import { currentCodebook } from '../../db/projects.ts';
import { ImportCancelled, type WriteProgress } from './importSession.ts';
import { addAppeals, APPEALS_PER_WRITE, appealIds, appealTables, projectAppeals } from '../../db/appeals.ts';

export interface OpenPackageResult {
  readonly projectId: string;
  readonly added: number;
  readonly alreadyPresent: number;
}

/** A package read and checked, not yet stored. */
export type ReadPackage = ReadProjectPackage;

/**
 * Opens a project package: validates it (throws PackageError, before anything is written),
 * then stores it (see `storeProjectPackage`).
 */
export async function openProjectPackage(file: {
  name: string;
  bytes: Uint8Array;
}): Promise<OpenPackageResult> {
  return storeProjectPackage(await readProjectPackage(file.bytes), file.name);
}

/** The tables a package's store writes, all in its one transaction. */
const PACKAGE_TABLES = [db.projects, db.codebooks, ...appealTables(), db.imports];

/**
 * In one transaction adds the project if new, its codebook version if new, the appeals the
 * project lacks, and the import record. Storing the same package again adds nothing. A cancel
 * through `signal` rolls it all back, and so does `verified` rejecting (the package's digest,
 * checked meanwhile elsewhere: see `PackageSession`): the transaction waits for it to commit.
 */
export async function storeProjectPackage(
  pkg: ReadPackage,
  fileName: string,
  onProgress: WriteProgress = () => {},
  signal?: AbortSignal,
  verified: Promise<void> = Promise.resolve(),
): Promise<OpenPackageResult> {
  const projectId = pkg.project.id;
  const check = () => {
    if (signal?.aborted) throw new ImportCancelled();
  };
  let added = 0;
  await db.transaction('rw', PACKAGE_TABLES, async () => {
    if (!(await db.projects.get(projectId))) await db.projects.add(pkg.project);
    if (pkg.codebook && !(await db.codebooks.get([projectId, pkg.codebook.version]))) {
      await db.codebooks.add({ ...pkg.codebook, projectId });
    }
    const existing = new Set(await appealIds(projectId));
    const fresh = pkg.appeals.filter((appeal) => !existing.has(appeal.id));
    for (let start = 0; start < fresh.length; start += APPEALS_PER_WRITE) {
      check();
      onProgress(start, fresh.length);
      await addAppeals(fresh.slice(start, start + APPEALS_PER_WRITE));
    }
    check();
    await Dexie.waitFor(verified);
    onProgress(fresh.length, fresh.length);
    added = fresh.length;
    await db.imports.put({
      id: `${projectId}/package/${pkg.integrity.digest}`,
      projectId,
      kind: 'package',
      fileName,
      fileHash: pkg.integrity.digest,
      importedAt: new Date().toISOString(),
      summary: { appeals: added, overlap: pkg.assignment?.overlap.length ?? 0 },
    });
  });
  return { projectId, added, alreadyPresent: pkg.appeals.length - added };
}

/** What the screen needs of a package read in the worker: who it is for, not its appeals. */
export interface PackageSummary {
  readonly assignment: { readonly coder: string } | null;
}

/** What reading a file as a package gives: its summary, or the bytes back of a file of another format. */
export type PackageRead = PackageSummary | { notAPackage: Uint8Array };

/** Checks a package's digest, resolving when it matches (see `verifyPackageDigest`). */
export type VerifyDigest = (bytes: Uint8Array) => Promise<void>;

/**
 * One package's opening, from bytes to appeals in IndexedDB: read (parse and check; throws
 * PackageError), then store. It runs in the package worker (packageWorker.ts), which has the
 * digest checked in a worker of its own (`verify`) while it stores: the store commits only once
 * the digest matches. Tests and jsdom run it in-process.
 */
export class PackageSession {
  private pkg: ReadPackage | null = null;
  private verified: Promise<void> = Promise.resolve();
  private fileName = '';
  private controller = new AbortController();

  constructor(private readonly verify: VerifyDigest = verifyPackageDigest) {}

  /** @throws {PackageError} for a file that is no readable package, but one of another format (`foreign`). */
  async read(file: { name: string; bytes: Uint8Array }): Promise<PackageRead> {
    try {
      this.pkg = readPackageContent(file.bytes);
    } catch (error) {
      if (error instanceof PackageError && error.code === 'foreign') return { notAPackage: file.bytes };
      throw error;
    }
    this.verified = this.verify(file.bytes);
    // Awaited by the store; a package read and then not stored leaves its failure unhandled no more.
    this.verified.catch(() => {});
    this.fileName = file.name;
    return { assignment: this.pkg.assignment ? { coder: this.pkg.assignment.coder } : null };
  }

  store(onProgress: WriteProgress): Promise<OpenPackageResult> {
    if (!this.pkg) throw new Error('read a package first');
    this.controller = new AbortController();
    return storeProjectPackage(this.pkg, this.fileName, onProgress, this.controller.signal, this.verified);
  }

  cancel(): void {
    this.controller.abort();
  }
}

/** Names compared as people write them: case, spacing and Unicode form aside. */
const sameName = (a: string, b: string) => {
  const norm = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
};

/**
 * The coder a package was made for, when that is not the signed-in coder (by name, as the
 * supervisor typed it); null for a package for everyone or for this coder.
 */
export async function packageCoderMismatch(
  pkg: PackageSummary,
  coderId: string | null,
): Promise<{ assigned: string; current: string } | null> {
  const assigned = pkg.assignment?.coder;
  const current = coderId ? (await db.coders.get(coderId))?.name : undefined;
  if (!assigned || current === undefined || sameName(assigned, current)) return null;
  return { assigned, current };
}

/** The id of this profile's coder named `name`, added when there is none yet. */
export async function coderNamed(name: string): Promise<string> {
  return db.transaction('rw', db.coders, async () => {
    const known = (await db.coders.toArray()).find((coder) => sameName(coder.name, name));
    if (known) return known.id;
    const id = crypto.randomUUID();
    await db.coders.add({ id, name: name.trim() });
    return id;
  });
}

export type PackageChoice =
  | { readonly mode: 'all' }
  | {
      readonly mode: 'coders';
      readonly coders: readonly string[];
      readonly overlapShare: number;
      readonly seed: string;
    };

/** The package files for a project: one with every appeal, or one per coder (share + overlap). */
export async function buildPackages(
  projectId: string,
  choice: PackageChoice,
): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }[]> {
  const [project, codebook, appeals] = await Promise.all([
    db.projects.get(projectId),
    currentCodebook(projectId),
    projectAppeals(projectId),
  ]);
  if (!project) throw new Error(`no project ${projectId}`);
  const base = fileSafe(project.name);
  const file = (name: string, pkg: ReturnType<typeof createProjectPackage>) => ({
    name,
    bytes: serializeProjectPackage(pkg) as Uint8Array<ArrayBuffer>,
  });
  if (choice.mode === 'all') {
    return [file(`${base}.kodtau`, createProjectPackage({ project, codebook: codebook ?? null, appeals }))];
  }
  const plan = assignAppeals(
    appeals.map((a) => a.id),
    choice.coders.length,
    choice.overlapShare,
    choice.seed,
  );
  const overlap = new Set(plan.overlap);
  return choice.coders.map((coder, k) => {
    const mine = new Set(plan.shares[k]);
    const assignment = {
      coder,
      coders: [...choice.coders],
      overlapShare: choice.overlapShare,
      seed: choice.seed,
      overlap: plan.overlap,
      totalAppeals: appeals.length,
    };
    const own = appeals.filter((a) => overlap.has(a.id) || mine.has(a.id));
    return file(
      `${base} - ${fileSafe(coder)}.kodtau`,
      createProjectPackage({ project, codebook: codebook ?? null, appeals: own, assignment }),
    );
  });
}

// eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** A name usable as a file name on Windows, macOS and Linux. */
function fileSafe(name: string): string {
  return name.replace(NOT_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'kodtau';
}
