import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { CodebookContent } from './codebook.ts';

/**
 * The deepest nesting of arrays and objects that any Kodtau reader takes (a value at the top is
 * at depth 0). Kodtau's own files nest at most 7 levels (a codebook's category label); a file
 * nested deeper is refused with its reader's own "nested too deeply" error rather than overflow
 * the stack of a recursive walk.
 */
export const MAX_JSON_DEPTH = 64;

/** A value nested deeper than {@link MAX_JSON_DEPTH}: each reader words it as its own error. */
export class JsonDepthError extends Error {
  constructor() {
    super(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    this.name = 'JsonDepthError';
  }
}

/**
 * How deep `value` nests arrays and objects (0 for a string, number, boolean or null), counted
 * without recursion, stopping as soon as the count passes `limit`.
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * JSON with object keys sorted at every level, so that equal content gives equal text
 * whatever order the keys were written in. Arrays keep their order: the order of variables
 * and categories is part of the codebook (ordinal scales, display order). So do the objects under
 * a key named in `keepOrderOf` (an appeal's `meta`: the source file's columns, in its order).
 * Every key is an ordinary name (`__proto__`, `constructor` included: `Object.entries` reads own
 * keys only).
 * @throws {JsonDepthError} for a value nested deeper than {@link MAX_JSON_DEPTH}.
 */
export function canonicalJson(value: unknown, keepOrderOf: ReadonlySet<string> = new Set()): string {
  const write = (item: unknown, sorted: boolean, depth: number): string => {
    if (item === null || typeof item !== 'object') return JSON.stringify(item);
    if (depth >= MAX_JSON_DEPTH) throw new JsonDepthError();
    if (Array.isArray(item)) return `[${item.map((element) => write(element, true, depth + 1)).join(',')}]`;
    const entries = Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (sorted) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, !keepOrderOf.has(k), depth + 1)}`).join(',')}}`;
  };
  return write(value, true, 0);
}

/** SHA-256 (hex) of the canonical JSON of the codebook's variables and merges. */
export function codebookHash(content: CodebookContent): string {
  return bytesToHex(
    sha256(utf8ToBytes(canonicalJson({ variables: content.variables, merges: content.merges }))),
  );
}

/** A key the platform lists before the others, as an array index (erring on the side of more). */
const INDEX_LIKE = /^\d+$/;

/**
 * `canonicalJson(value)` (no `keepOrderOf`) for a value straight from `JSON.parse` (plain
 * objects, arrays, strings, numbers, booleans, null), which it takes over: each of its objects
 * whose keys are out of order is replaced, in its place, by a copy with the keys in order, and
 * the platform's `JSON.stringify` (several times faster on a package's hundreds of megabytes)
 * writes the text. An object with a key that looks like an index (listed first by the platform,
 * whatever order it is given) makes the whole value go the way of `canonicalJson`.
 * @throws {JsonDepthError} for a value nested deeper than {@link MAX_JSON_DEPTH}.
 */
export function canonicalJsonOfParsed(value: unknown): string {
  // Objects of one shape (a package's 100 000 appeals) share what their keys' order is.
  const shapes = new Map<string, string[] | 'ordered' | 'index'>();
  const shapeOf = (keys: string[]) => {
    const signature = JSON.stringify(keys);
    let shape = shapes.get(signature);
    if (!shape) {
      const sorted = [...keys].sort();
      shape = keys.some((key) => INDEX_LIKE.test(key))
        ? 'index'
        : sorted.every((key, i) => key === keys[i])
          ? 'ordered'
          : sorted;
      shapes.set(signature, shape);
    }
    return shape;
  };
  /** The object itself, or a copy with its keys in order; null when a key looks like an index. */
  const inOrder = (object: Record<string, unknown>): Record<string, unknown> | null => {
    const shape = shapeOf(Object.keys(object));
    if (shape === 'index') return null;
    if (shape === 'ordered') return object;
    // No prototype: a key `__proto__` is then an own key like any other.
    const copy = Object.create(null) as Record<string, unknown>;
    for (const key of shape) copy[key] = object[key];
    return copy;
  };
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const top = Array.isArray(value) ? value : inOrder(value as Record<string, unknown>);
  if (!top) return canonicalJson(value);
  // Objects and arrays to visit, at their depth; each child object is put in order in its place.
  const stack: [Record<string, unknown> | unknown[], number][] = [[top, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (depth >= MAX_JSON_DEPTH) throw new JsonDepthError();
    const children = item as Record<string, unknown>;
    for (const key of Array.isArray(item) ? item.keys() : Object.keys(item)) {
      const child = children[key];
      if (child === null || typeof child !== 'object') continue;
      const next = Array.isArray(child) ? child : inOrder(child as Record<string, unknown>);
      if (!next) return canonicalJson(top);
      if (next !== child) children[key] = next;
      stack.push([next, depth + 1]);
    }
  }
  return JSON.stringify(top);
}
