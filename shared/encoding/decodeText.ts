import { decodeRk1048 } from './rk1048.ts';

/**
 * `TextDecoder` exists in every runtime Kodtau runs in (Chromium, its workers, Node), but
 * shared/ is compiled without DOM or Node types, so its shape is named here.
 */
interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderClass = new (label: string, options?: { fatal?: boolean }) => Decoder;
const NativeDecoder = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;

/** The encodings Kodtau reads; the names are WHATWG labels, except `rk1048`. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'rk1048'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/**
 * Decodes the whole file at once (never in slices: a slice boundary inside a multi-byte
 * character would corrupt it). A byte-order mark is dropped; bytes that are invalid in the
 * encoding become U+FFFD, which the preview counts and shows.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'rk1048') return decodeRk1048(bytes);
  // `TextDecoder` drops a BOM that matches its encoding (ignoreBOM: false).
  return new NativeDecoder(encoding).decode(bytes);
}

/** True when the bytes are valid UTF-8 (a BOM allowed). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new NativeDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
