import { readFile } from 'node:fs/promises';
import { decodeText } from '../shared/encoding/decodeText.ts';
import { detectEncoding } from '../shared/encoding/detectEncoding.ts';

/**
 * A text file as the import reads it: UTF-8 with or without BOM, UTF-16 LE/BE, or a Cyrillic
 * single-byte code page (Windows-1251, RK1048, KOI8-R), detected by shared/encoding.
 * @throws the file system's error (with its `code`) when the file cannot be read.
 */
export async function readText(file: string): Promise<{ text: string; encoding: string }> {
  const bytes = new Uint8Array(await readFile(file));
  const { encoding } = detectEncoding(bytes);
  return { text: decodeText(bytes, encoding), encoding };
}
