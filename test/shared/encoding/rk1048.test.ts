import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/encoding/decodeText.ts';
import { decodeRk1048, encodeRk1048, RK1048_HIGH } from '../../../shared/encoding/rk1048.ts';

/**
 * Every byte where RK1048 differs from Windows-1251, from the published mapping KZ1048.TXT
 * (Unicode vendor mappings, MISC; the same table generated CPython's encodings/kz1048.py), with
 * the Windows-1251 character the byte means there.
 */
const KAZAKH_BYTES: [byte: number, rk1048: string, windows1251: string][] = [
  [0x8d, 'Қ', 'Ќ'],
  [0x8e, 'Һ', 'Ћ'],
  [0x9d, 'қ', 'ќ'],
  [0x9e, 'һ', 'ћ'],
  [0xa1, 'Ұ', 'Ў'],
  [0xa2, 'ұ', 'ў'],
  [0xa3, 'Ә', 'Ј'],
  [0xa5, 'Ө', 'Ґ'],
  [0xaa, 'Ғ', 'Є'],
  [0xaf, 'Ү', 'Ї'],
  [0xb4, 'ө', 'ґ'],
  [0xba, 'ғ', 'є'],
  [0xbc, 'ә', 'ј'],
  [0xbd, 'Ң', 'Ѕ'],
  [0xbe, 'ң', 'ѕ'],
  [0xbf, 'ү', 'ї'],
];

describe('RK1048', () => {
  it('maps the sixteen Kazakh bytes as KZ1048.TXT does, where Windows-1251 has look-alikes', () => {
    for (const [byte, kazakh, cyrillic] of KAZAKH_BYTES) {
      expect(decodeRk1048(Uint8Array.of(byte)), `0x${byte.toString(16)}`).toBe(kazakh);
      expect(decodeText(Uint8Array.of(byte), 'windows-1251')).toBe(cyrillic);
    }
  });

  it('agrees with Windows-1251 on every other byte except the unassigned 0x98', () => {
    const differing = new Set([...KAZAKH_BYTES.map(([b]) => b), 0x98]);
    for (let byte = 0; byte < 256; byte++) {
      if (differing.has(byte)) continue;
      const bytes = Uint8Array.of(byte);
      expect(decodeRk1048(bytes), `0x${byte.toString(16)}`).toBe(decodeText(bytes, 'windows-1251'));
    }
    expect(decodeRk1048(Uint8Array.of(0x98))).toBe('\ufffd');
  });

  it('has 128 entries for 0x80–0xFF and round-trips Kazakh and Russian text', () => {
    expect(RK1048_HIGH).toHaveLength(128);
    const text = 'Әкімдікке өтініш: ұзақ күттік. ҒҚҢӨҰҮҺІ ғқңөұүһі. Прошу разобраться, №5 — «срочно»';
    expect(decodeRk1048(encodeRk1048(text))).toBe(text);
    expect(() => encodeRk1048('€ ok, but ü is not')).toThrow(RangeError);
  });
});
