import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { CodebookContent } from './codebook.ts';

/**
 * JSON with object keys sorted at every level, so that equal content gives equal text
 * whatever order the keys were written in. Arrays keep their order: the order of variables
 * and categories is part of the codebook (ordinal scales, display order). So do the objects under
 * a key named in `keepOrderOf` (an appeal's `meta`: the source file's columns, in its order).
 */
export function canonicalJson(value: unknown, keepOrderOf: ReadonlySet<string> = new Set()): string {
  const write = (item: unknown, sorted: boolean): string => {
    if (Array.isArray(item)) return `[${item.map((element) => write(element, true)).join(',')}]`;
    if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined);
      if (sorted) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, !keepOrderOf.has(k))}`).join(',')}}`;
    }
    return JSON.stringify(item);
  };
  return write(value, true);
}

/** SHA-256 (hex) of the canonical JSON of the codebook's variables and merges. */
export function codebookHash(content: CodebookContent): string {
  return bytesToHex(
    sha256(utf8ToBytes(canonicalJson({ variables: content.variables, merges: content.merges }))),
  );
}
