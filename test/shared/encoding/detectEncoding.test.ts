import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, TEXT_ENCODINGS } from '../../../shared/encoding/decodeText.ts';
import { countSuspicious, detectEncoding } from '../../../shared/encoding/detectEncoding.ts';
import { encodeRk1048 } from '../../../shared/encoding/rk1048.ts';
import { encodeUtf16le, encodeWindows1251 } from '../../fixtures/import/fixtures.ts';

const RUSSIAN = 'Прошу разобраться с работой участкового: заявление не приняли, ответа нет уже месяц.';
const KAZAKH =
  'Әкімдікке өтініш: жолдар жөндеуді қажет етеді, біз ұзақ күттік. Қоғамдық көлік үнемі кешігеді.';

function encodeKoi8r(text: string): Uint8Array {
  const decoder = new TextDecoder('koi8-r');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from(text, (ch) => table.get(ch)!);
}

describe('detectEncoding', () => {
  it('recognises byte-order marks', () => {
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toEqual({
      encoding: 'utf-8',
      reason: 'bom',
    });
    expect(detectEncoding(encodeUtf16le(RUSSIAN)).encoding).toBe('utf-16le');
    expect(detectEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x61)).encoding).toBe('utf-16be');
  });

  it('recognises UTF-16 without a mark by its NUL bytes', () => {
    const le = encodeUtf16le('id\ttext\n1\tabc').subarray(2);
    expect(detectEncoding(le)).toEqual({ encoding: 'utf-16le', reason: 'nulBytes' });
    const be = le.slice();
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    expect(detectEncoding(be).encoding).toBe('utf-16be');
  });

  it('tells UTF-8, Windows-1251, KOI8-R and RK1048 apart on Russian and Kazakh text', () => {
    expect(detectEncoding(new TextEncoder().encode(KAZAKH))).toEqual({ encoding: 'utf-8', reason: 'utf8' });
    expect(detectEncoding(encodeWindows1251(RUSSIAN)).encoding).toBe('windows-1251');
    expect(detectEncoding(encodeKoi8r(RUSSIAN)).encoding).toBe('koi8-r');
    expect(detectEncoding(encodeRk1048(KAZAKH)).encoding).toBe('rk1048');
    // Russian text in RK1048 is byte-identical to Windows-1251: the more common name wins.
    expect(detectEncoding(encodeRk1048(RUSSIAN)).encoding).toBe('windows-1251');
  });

  it('counts the characters that betray a wrong choice', () => {
    const kazakhAs1251 = decodeText(encodeRk1048(KAZAKH), 'windows-1251');
    expect(countSuspicious(kazakhAs1251)).toBeGreaterThan(10);
    expect(countSuspicious(decodeText(encodeRk1048(KAZAKH), 'rk1048'))).toBe(0);
    expect(countSuspicious(decodeText(Uint8Array.of(0xd0, 0x41), 'utf-8'))).toBe(1);
  });

  it('never throws, and always names an encoding it can decode with (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const { encoding } = detectEncoding(bytes);
        expect(TEXT_ENCODINGS).toContain(encoding);
        expect(typeof decodeText(bytes, encoding)).toBe('string');
      }),
    );
  });

  it('finds UTF-8 for any text written as UTF-8 (property)', () => {
    fc.assert(
      // Without NUL characters: text full of NULs is what UTF-16 looks like.
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replaceAll('\0', '')),
        (text) => {
          expect(detectEncoding(new TextEncoder().encode(text)).encoding).toBe('utf-8');
        },
      ),
    );
  });
});
