import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { CodebookContent } from './codebook.ts';

/**
 * JSON with object keys sorted at every level, so that equal content gives equal text
 * whatever order the keys were written in. Arrays keep their order: the order of variables
 * and categories is part of the codebook (ordinal scales, display order).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical JSON of the codebook's variables and merges. */
export function codebookHash(content: CodebookContent): string {
  return bytesToHex(
    sha256(utf8ToBytes(canonicalJson({ variables: content.variables, merges: content.merges }))),
  );
}
