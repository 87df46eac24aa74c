import { decodeText, isValidUtf8, type TextEncodingName } from './decodeText.ts';

export interface EncodingGuess {
  readonly encoding: TextEncodingName;
  /** How the guess was made, for the preview: a byte-order mark, valid UTF-8, or letter statistics. */
  readonly reason: 'bom' | 'utf8' | 'nulBytes' | 'letters';
}

/** How much of the file the statistics look at; enough for thousands of words. */
const SAMPLE_BYTES = 256 * 1024;

/**
 * Guesses the encoding of a text file:
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE);
 * 2. UTF-16 without a mark: many NUL bytes on one side of the byte pairs (Latin and
 *    Cyrillic text in UTF-16 has a zero or 0x04 high byte in every pair);
 * 3. valid UTF-8;
 * 4. otherwise one of the single-byte Cyrillic code pages, by which decoding reads most like
 *    words: KOI8-R puts lower-case letters where Windows-1251 has capitals, so the wrong one
 *    reads as shouting with random case; RK1048 differs from Windows-1251 only in the bytes of
 *    ә ғ қ ң ө ұ ү һ, which Windows-1251 turns into Serbian or Ukrainian look-alikes inside words.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', reason: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', reason: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', reason: 'bom' };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, reason: 'nulBytes' };
  // A sample cut may end inside a character; test the whole file when the sample fails.
  if (isValidUtf8(sample) || isValidUtf8(bytes)) return { encoding: 'utf-8', reason: 'utf8' };
  const candidates: TextEncodingName[] = ['windows-1251', 'rk1048', 'koi8-r'];
  let best = candidates[0]!;
  let bestScore = -Infinity;
  for (const encoding of candidates) {
    const score = wordScore(decodeText(sample, encoding));
    // Ties keep the earlier (more common) code page: RK1048 wins only with a Kazakh letter.
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return { encoding: best, reason: 'letters' };
}

function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

const RUSSIAN_LOWER = /[а-яё]/;
const RUSSIAN_UPPER = /[А-ЯЁ]/;
const KAZAKH = /[әғқңөұүһӘҒҚҢӨҰҮҺіІ]/;
/** Letters Windows-1251 shows for RK1048's Kazakh bytes; inside a Kazakh or Russian word they are wrong. */
const LOOKALIKES = /[ЈјЅѕЌќЋћЎўҐґЄєЇї]/;

/**
 * Scores decoded text by how much it reads like Russian or Kazakh words: a lower-case letter
 * after a letter counts for, a capital after a lower-case letter against, a look-alike or a
 * replacement character against.
 */
export function wordScore(text: string): number {
  let score = 0;
  let previous = '';
  for (const ch of text) {
    const lower = RUSSIAN_LOWER.test(ch) || KAZAKH.test(ch);
    if (lower && /\p{L}/u.test(previous)) score += 1;
    if (RUSSIAN_UPPER.test(ch) && RUSSIAN_LOWER.test(previous)) score -= 2;
    if (LOOKALIKES.test(ch) || ch === '\ufffd') score -= 5;
    previous = ch;
  }
  return score;
}

/**
 * Characters in decoded text that betray a wrong encoding: U+FFFD, and the Windows-1251
 * look-alikes of Kazakh letters. The preview marks them and counts them.
 */
export const SUSPICIOUS_CHARS = /[\ufffdЈјЅѕЌќЋћЎўҐґЄєЇї]/g;

export function countSuspicious(text: string): number {
  return text.match(SUSPICIOUS_CHARS)?.length ?? 0;
}
