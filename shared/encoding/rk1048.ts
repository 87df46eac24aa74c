/**
 * RK1048 (KZ-1048, STRK1048-2002): the Kazakh code page of Windows-era Kazakhstan. It is
 * Windows-1251 with sixteen rarely used Serbian/Macedonian/Ukrainian letters replaced by the
 * Kazakh ә ғ қ ң ө ұ ү һ and their capitals. `TextDecoder` (WHATWG Encoding) does not know it.
 *
 * Bytes 0x80–0xFF, from the published mapping KZ1048.TXT (Unicode vendor mappings, MISC), as
 * shipped in CPython's `encodings/kz1048.py`; test/shared/encoding/rk1048.test.ts checks every
 * byte where it differs from Windows-1251. 0x98 is unassigned and decodes to U+FFFD.
 */
// prettier-ignore
export const RK1048_HIGH: readonly number[] = [
  0x0402, 0x0403, 0x201a, 0x0453, 0x201e, 0x2026, 0x2020, 0x2021, 0x20ac, 0x2030, 0x0409, 0x2039, 0x040a, 0x049a, 0x04ba, 0x040f,
  0x0452, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0xfffd, 0x2122, 0x0459, 0x203a, 0x045a, 0x049b, 0x04bb, 0x045f,
  0x00a0, 0x04b0, 0x04b1, 0x04d8, 0x00a4, 0x04e8, 0x00a6, 0x00a7, 0x0401, 0x00a9, 0x0492, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x04ae,
  0x00b0, 0x00b1, 0x0406, 0x0456, 0x04e9, 0x00b5, 0x00b6, 0x00b7, 0x0451, 0x2116, 0x0493, 0x00bb, 0x04d9, 0x04a2, 0x04a3, 0x04af,
  0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041a, 0x041b, 0x041c, 0x041d, 0x041e, 0x041f,
  0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042a, 0x042b, 0x042c, 0x042d, 0x042e, 0x042f,
  0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043a, 0x043b, 0x043c, 0x043d, 0x043e, 0x043f,
  0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044a, 0x044b, 0x044c, 0x044d, 0x044e, 0x044f,
];

const DECODE = ((): string[] => {
  const table: string[] = [];
  for (let b = 0; b < 0x80; b++) table.push(String.fromCharCode(b));
  for (const code of RK1048_HIGH) table.push(String.fromCharCode(code));
  return table;
})();

const ENCODE = new Map<string, number>(
  DECODE.map((ch, b) => [ch, b] as const).filter(([ch]) => ch !== '\ufffd'),
);

/** Decodes RK1048 bytes; chunks of characters are joined once, so 80 MB stay linear. */
export function decodeRk1048(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let s = '';
    for (let i = start; i < end; i++) s += DECODE[bytes[i]!]!;
    parts.push(s);
  }
  return parts.join('');
}

/**
 * Encodes text as RK1048 (used to write test fixtures and benchmark inputs).
 * @throws {RangeError} for a character the code page cannot represent.
 */
export function encodeRk1048(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = ENCODE.get(text[i]!);
    if (byte === undefined)
      throw new RangeError(`RK1048 cannot represent U+${text.charCodeAt(i).toString(16)}`);
    out[i] = byte;
  }
  return out;
}
