import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'kodtau-summary-'));
function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Windows-1251 for Russian without ё: А…я are 0xC0…0xFF (the code page's table). */
function windows1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code < 0x80) return code;
    throw new Error(`not in the test's table: ${ch}`);
  });
}

// Six appeals; region is missing on one (blank) and one (spaces): valid 4.
//   Алматы ×2, Астана ×1, Шымкент ×1 → 50 %, 25 %, 25 % of valid.
const REGIONS =
  'id;region;reason\r\n1;Алматы;a|b\r\n2;Астана;a\r\n3;"Алматы";\r\n4;;c | a\r\n5;   ;\r\n6;Шымкент;"b|\nc"\r\n';

describe('kodtau summary', () => {
  it('prints the frequency table as one JSON object with the fixed keys, sorted by count then value', async () => {
    const { code, out } = await run(
      'summary',
      file('regions.csv', `\uFEFF${REGIONS}`),
      '--column',
      'region',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['column', 'cases', 'valid', 'missing', 'responses', 'rows']);
    expect(json).toEqual({
      column: 'region',
      cases: 6,
      valid: 4,
      missing: 2,
      responses: 4,
      rows: [
        { value: 'Алматы', count: 2, percentOfCases: 50, percentOfResponses: 50 },
        // Ties in code-point order: А (U+0410) before Ш (U+0428).
        { value: 'Астана', count: 1, percentOfCases: 25, percentOfResponses: 25 },
        { value: 'Шымкент', count: 1, percentOfCases: 25, percentOfResponses: 25 },
      ],
    });
    expect(Object.keys(json.rows[0])).toEqual(['value', 'count', 'percentOfCases', 'percentOfResponses']);
  });

  it('with --multi, counts responses over cases with a value, values trimmed, line breaks inside quotes', async () => {
    // reason: {a,b}, {a}, –, {c,a}, –, {b,c}: valid 4, responses 7; a 3 → 75 % of cases, 3/7 of
    // responses; b 2, c 2 → 50 % and 2/7.
    const { code, out } = await run(
      'summary',
      file('reasons.csv', REGIONS),
      '--column',
      'reason',
      '--multi',
      '|',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ cases: 6, valid: 4, missing: 2, responses: 7 });
    expect(json.rows.map((r: { value: string }) => r.value)).toEqual(['a', 'b', 'c']);
    expect(json.rows[0].percentOfCases).toBe(75);
    expect(json.rows[0].percentOfResponses).toBeCloseTo((3 / 7) * 100, 12);
    expect(json.rows[1].percentOfResponses).toBeCloseTo((2 / 7) * 100, 12);
  });

  it('reads Windows-1251 and UTF-16 files, comma and tab separated', async () => {
    const text = 'region,x\r\nАлматы,1\r\nАлматы,2\r\nАстана,3\r\n';
    const cp1251 = await run(
      'summary',
      file('cp1251.csv', windows1251(text)),
      '--column',
      'region',
      '--json',
    );
    expect(JSON.parse(cp1251.out).rows[0]).toEqual({
      value: 'Алматы',
      count: 2,
      percentOfCases: (2 / 3) * 100,
      percentOfResponses: (2 / 3) * 100,
    });
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Buffer.from(text.replaceAll(',', '\t'), 'utf16le')),
    ]);
    const tab = await run('summary', file('utf16.csv', utf16), '--column', 'region', '--json');
    expect(JSON.parse(tab.out).rows.map((r: { count: number }) => r.count)).toEqual([2, 1]);
  });

  it('prints a readable table rounded half up, with the total from the counts', async () => {
    // 1 of 8 = 12.5 % → 12.5; 7 of 8 = 87.5 %.
    const rows = ['v', 'x', ...Array.from({ length: 7 }, () => 'y')].join('\n');
    const { code, out } = await run('summary', file('eight.csv', rows), '--column', 'v');
    expect(code).toBe(0);
    expect(out).toContain('Frequency table: column "v"');
    expect(out).toMatch(/y\s+7\s+87\.5\n/);
    expect(out).toMatch(/x\s+1\s+12\.5\n/);
    expect(out).toMatch(/Total\s+8\s+100\.0\n/);
  });

  it('labels both percentages of a multiple-response table in the readable form', async () => {
    const { out } = await run('summary', file('multi.csv', REGIONS), '--column', 'reason', '--multi', '|');
    expect(out).toContain('Multiple-response table: column "reason"');
    expect(out).toContain('responses: 7');
    // a: 3 of 4 cases = 75.0 %, 3 of 7 responses = 42.9 % (42.857… half up).
    expect(out).toMatch(/a\s+3\s+75\.0\s+42\.9\n/);
    expect(out).toMatch(/Responses\s+7\s+100\.0\n/);
  });

  it('names the columns when the column does not exist, and refuses bad usage', async () => {
    const missing = await run('summary', file('r.csv', REGIONS), '--column', 'Region');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no column "Region"; the columns are: "id", "region", "reason"');
    expect((await run('summary', join(dir, 'nope.csv'), '--column', 'x')).err).toContain(
      'cannot read (ENOENT)',
    );
    expect((await run('summary', file('s.csv', REGIONS))).code).toBe(2);
    expect((await run('summary', '--column', 'x')).code).toBe(2);
    const unclosed = await run('summary', file('bad.csv', 'a,b\n"x,1\n'), '--column', 'a');
    expect(unclosed.code).toBe(1);
    expect(unclosed.err).toContain('line 2');
  });
});
