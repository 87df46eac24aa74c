import { canonicalJson } from '../model/codebookHash.ts';
import type { Coding } from '../model/index.ts';

/** The merge key: (coder, appeal, variable) — the project is the same for every coding merged. */
export function codingKey(coding: Pick<Coding, 'coderId' | 'appealId' | 'variableId'>): string {
  return `${coding.coderId}\u0000${coding.appealId}\u0000${coding.variableId}`;
}

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * Whether two codings have the same canonical JSON, field by field: the same file merged again
 * holds every coding equal to the stored one, and writing a million canonical JSONs took seconds.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Counted rather than listed: no arrays made for each of a million comparisons.
  let keys = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    if (!sameJson(x[key], y[key])) return false;
    keys += 1;
  }
  for (const key in y) if (y[key] !== undefined) keys -= 1;
  return keys === 0;
}

/**
 * Compares two versions of the same coding: the later edit is greater; equal times are ordered by
 * their canonical JSON, so any two different codings are ordered the same way on every machine.
 * A total order: taking the greatest is idempotent, commutative and associative.
 */
export function compareCodings(a: Coding, b: Coding): number {
  if (a.updatedAt !== b.updatedAt) {
    const byTime = time(a.updatedAt) - time(b.updatedAt);
    if (byTime !== 0) return byTime;
    return a.updatedAt < b.updatedAt ? -1 : 1;
  }
  if (sameJson(a, b)) return 0;
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/** What merging incoming codings into a set did. */
export interface MergeChanges {
  /** Keys that were not there before. */
  added: Coding[];
  /** Keys whose coding was replaced by a later edit. */
  updated: { before: Coding; after: Coding }[];
  /** Incoming codings equal to, or older than, the one kept. */
  unchanged: number;
}

/**
 * Merges `incoming` into `current` (a map by `codingKey`, changed in place): per key, the later edit
 * wins (see `compareCodings`). No key is ever removed, so no coding is dropped; a coding is only
 * ever superseded by a later edit of the same coder, appeal and variable. `original`, when given,
 * gains each key changed for the first time, with its coding before (none for a key added).
 */
export function mergeInto(
  current: Map<string, Coding>,
  incoming: Iterable<Coding>,
  original?: Map<string, Coding | undefined>,
): MergeChanges {
  const changes: MergeChanges = { added: [], updated: [], unchanged: 0 };
  for (const coding of incoming) {
    const key = codingKey(coding);
    const before = current.get(key);
    if (!before) {
      current.set(key, coding);
      original?.set(key, undefined);
      changes.added.push(coding);
    } else if (compareCodings(coding, before) > 0) {
      current.set(key, coding);
      if (original && !original.has(key)) original.set(key, before);
      changes.updated.push({ before, after: coding });
    } else {
      changes.unchanged += 1;
    }
  }
  return changes;
}

/**
 * The merge as a pure function of two sets of codings: every key of either, each with its latest
 * edit, sorted by key.
 * @example mergeCodings(a, b) deep-equals mergeCodings(b, a), and mergeCodings(a, a) equals a's latest edits.
 */
export function mergeCodings(a: readonly Coding[], b: readonly Coding[]): Coding[] {
  const merged = new Map<string, Coding>();
  mergeInto(merged, a);
  mergeInto(merged, b);
  return [...merged].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, coding]) => coding);
}
