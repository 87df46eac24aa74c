import {
  CoderFileError,
  coderFileCodings,
  parseCoderFile,
  unverifiedCoderFile,
  type CoderFile,
  type CoderFileCoding,
} from '../formats/coderFile.ts';
import type { Codebook, Coder, Coding } from '../model/index.ts';
import { codingKey, mergeInto } from './mergeCodings.ts';
import { migrateCodings } from './migrateCodings.ts';
import type { MergeProblem } from './problems.ts';

/** The project the files are merged into. */
export interface MergeTarget {
  projectId: string;
  /** Every codebook version the project knows; the highest is the current one. */
  codebooks: readonly Codebook[];
  appealIds: ReadonlySet<string>;
}

export type FileReport =
  | {
      fileName: string;
      status: 'merged';
      coder: Coder;
      added: number;
      updated: number;
      unchanged: number;
    }
  | { fileName: string; status: 'refused'; problem: MergeProblem };

export interface MergeOutcome {
  /** Codings to store: every key added or updated by the files, with its winning edit. */
  changed: Coding[];
  /** Codings whose values or text a later edit changed: for flagging settled units for review. */
  revised: { before: Coding; after: Coding }[];
  /** The coders of the merged files, each with the name from their latest export. */
  coders: Coder[];
  reports: FileReport[];
}

/**
 * How far ahead of the merging computer's clock a time in a coder file may be: a day covers any
 * time zone written wrongly and a clock a little fast; beyond it the edit would win every merge
 * because of a wrong clock, so the file is refused.
 */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * Checks one parsed file against the project and brings its codings to the current codebook.
 * Times are compared as instants (`Date.parse`; the schema has made sure each is ISO 8601 with an
 * offset) with `now`, the merging computer's clock.
 */
export function checkCoderFile(
  target: MergeTarget,
  file: CoderFile,
  now: Date = new Date(),
): { codings: Coding[] } | { problem: MergeProblem } {
  if (file.projectId !== target.projectId)
    return { problem: { code: 'other-project', projectId: file.projectId } };
  const current = [...target.codebooks].sort((a, b) => b.version - a.version)[0];
  const known = target.codebooks.some(
    (c) => c.version === file.codebook.version && c.hash === file.codebook.hash,
  );
  if (!current || !known)
    return {
      problem: { code: 'unknown-codebook', version: file.codebook.version, hash: file.codebook.hash },
    };
  const latest = now.getTime() + CLOCK_SKEW_MS;
  if (Date.parse(file.exportedAt) > latest)
    return { problem: { code: 'future-export', exportedAt: file.exportedAt, now: now.toISOString() } };
  // A file sorted by appeal and variable, as Kodtau writes them, has no two codings of one unit.
  const keys = sortedByUnit(file.codings) ? undefined : new Set<string>();
  for (const { appealId, variableId, codebookVersion, updatedAt } of file.codings) {
    if (!target.appealIds.has(appealId)) return { problem: { code: 'unknown-appeal', appealId } };
    if (keys) {
      const key = `${appealId}\u0000${variableId}`;
      if (keys.has(key)) return { problem: { code: 'duplicate-coding', appealId, variableId } };
      keys.add(key);
    }
    // Versions count up from 1 with every change of the codebook, so the project had each one up
    // to the current (a package carries only the current codebook, not the earlier ones).
    if (codebookVersion > current.version)
      return {
        problem: { code: 'unknown-codebook-version', appealId, variableId, version: codebookVersion },
      };
    if (Date.parse(updatedAt) > latest)
      return {
        problem: { code: 'future-edit', appealId, variableId, updatedAt, now: now.toISOString() },
      };
  }
  return migrateCodings(coderFileCodings(file), current);
}

/** Whether each coding's (appeal, variable) comes after the one before it, by code unit. */
function sortedByUnit(codings: readonly CoderFileCoding[]): boolean {
  for (let i = 1; i < codings.length; i++) {
    const a = codings[i - 1]!;
    const b = codings[i]!;
    if (!(a.appealId < b.appealId || (a.appealId === b.appealId && a.variableId < b.variableId)))
      return false;
  }
  return true;
}

const sameAnswer = (a: Coding, b: Coding) =>
  !a.cleared === !b.cleared && a.values.join('\u0000') === b.values.join('\u0000') && a.text === b.text;

/** A coder file as read: its content, or the report that refuses it (not JSON, damaged, …). */
export type ReadCoderFile =
  { fileName: string; file: CoderFile } | Extract<FileReport, { status: 'refused' }>;

/** Reads one coder file's text (see `parseCoderFile`); a file that cannot be read is refused. */
export function readCoderFile(name: string, text: string, parse = parseCoderFile): ReadCoderFile {
  try {
    return { fileName: name, file: parse(text) };
  } catch (error) {
    if (error instanceof CoderFileError) return { fileName: name, status: 'refused', problem: error.problem };
    throw error;
  }
}

/**
 * `readCoderFile` without the schema and the digest, for a text that `verifyCoderFile` checks: a
 * file that passes that check reads the same as by `readCoderFile`.
 */
export function readUnverifiedCoderFile(name: string, text: string): ReadCoderFile {
  try {
    return readCoderFile(name, text, unverifiedCoderFile);
  } catch {
    // Content that is no coder file's: `verifyCoderFile` names what is wrong with it.
    return { fileName: name, status: 'refused', problem: { code: 'invalid', detail: '' } };
  }
}

/**
 * Merges coder files (their text) into the project's codings. Each file is read, checked and merged
 * whole, or refused whole with its problem; the result does not depend on the order of the files
 * (the later edit of each key wins, see `mergeInto`). Pure: the caller stores `changed`; `now` is
 * the merging computer's clock, which no time in a file may be more than a day ahead of.
 */
export function mergeCoderFiles(
  target: MergeTarget,
  existing: readonly Coding[],
  files: readonly { name: string; text: string }[],
  now: Date = new Date(),
): MergeOutcome {
  return mergeReadFiles(
    target,
    existing,
    files.map(({ name, text }) => readCoderFile(name, text)),
    now,
  );
}

/**
 * `mergeCoderFiles` of files already read. `existing` needs to hold only the codings of the
 * files' coders: the key starts with the coder, so no other coding can take part.
 */
export function mergeReadFiles(
  target: MergeTarget,
  existing: readonly Coding[],
  files: readonly ReadCoderFile[],
  now: Date = new Date(),
): MergeOutcome {
  const state = new Map(existing.map((c) => [codingKey(c), c]));
  // The keys the files change, each with its coding before: not a copy of every key.
  const original = new Map<string, Coding | undefined>();
  const coders = new Map<string, { coder: Coder; exportedAt: string }>();
  const reports: FileReport[] = files.map((read) => {
    if (!('file' in read)) return read;
    const { fileName: name, file } = read;
    const checked = checkCoderFile(target, file, now);
    if ('problem' in checked) return { fileName: name, status: 'refused', problem: checked.problem };
    const changes = mergeInto(state, checked.codings, original);
    const seen = coders.get(file.coder.id);
    if (
      !seen ||
      file.exportedAt > seen.exportedAt ||
      (file.exportedAt === seen.exportedAt && file.coder.name > seen.coder.name)
    )
      coders.set(file.coder.id, {
        coder: { id: file.coder.id, name: file.coder.name },
        exportedAt: file.exportedAt,
      });
    return {
      fileName: name,
      status: 'merged',
      coder: file.coder,
      added: changes.added.length,
      updated: changes.updated.length,
      unchanged: changes.unchanged,
    };
  });
  const changed: Coding[] = [];
  const revised: MergeOutcome['revised'] = [];
  for (const [key, before] of original) {
    const after = state.get(key)!;
    changed.push(after);
    if (before && !sameAnswer(before, after)) revised.push({ before, after });
  }
  return { changed, revised, coders: [...coders.values()].map(({ coder }) => coder), reports };
}
