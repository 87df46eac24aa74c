import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../../shared/formats/digest.ts';

const TEXT = 'Жалоба на акимат · Әкімдікке шағым · "quoted" \n';

describe('sha256Hex', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the SHA-256 of the UTF-8 by Web Crypto, and the same without it', async () => {
    const expected = bytesToHex(sha256(utf8ToBytes(TEXT)));
    // FIPS 180-2's example "abc" (Appendix B.1).
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(TEXT)).toBe(expected);
    vi.stubGlobal('crypto', undefined);
    expect(await sha256Hex(TEXT)).toBe(expected);
  });
});
