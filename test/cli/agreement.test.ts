import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/agreement/${name}`, import.meta.url));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const KEYS = [
  'units',
  'coders',
  'categories',
  'level',
  'percentAgreement',
  'krippendorffAlpha',
  'alphaCI95',
  'cohenKappa',
  'scottPi',
  'fleissKappa',
  'congerKappa',
  'gwetAC1',
  'brennanPrediger',
];

describe('kodtau agreement', () => {
  it('prints exactly one JSON object with the fixed keys (Krippendorff 2011 data: ordinal α = .815)', async () => {
    const { code, out } = await run(
      'agreement',
      fixture('krippendorff2011.csv'),
      '--level',
      'ordinal',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(KEYS);
    expect(json).toMatchObject({
      units: 11,
      coders: 4,
      categories: 5,
      level: 'ordinal',
      cohenKappa: null,
      scottPi: null,
      alphaCI95: null,
    });
    expect(json.krippendorffAlpha).toBeCloseTo(0.815, 3); // Krippendorff 2011, p. 5
  });

  it("keeps its keys and counts 11 units, while unit 12 (one value) enters the chance terms (irrCAC's cac.raw4raters)", async () => {
    const json = JSON.parse((await run('agreement', fixture('krippendorff2011.csv'), '--json')).out);
    expect(Object.keys(json)).toEqual(KEYS);
    expect(json.units).toBe(11);
    // R irrCAC 1.0 on cac.raw4raters (its README): AC1 0.77544, Fleiss 0.76117, Conger 0.76282, BP 0.77273.
    expect(json.gwetAC1).toBeCloseTo(0.77544, 5);
    expect(json.fleissKappa).toBeCloseTo(0.76117, 5);
    expect(json.congerKappa).toBeCloseTo(0.76282, 5);
    expect(json.brennanPrediger).toBeCloseTo(0.77273, 5);
    expect(json.krippendorffAlpha).toBeCloseTo(0.74342, 5);
  });

  it('gives a reproducible bootstrap interval with --seed', async () => {
    const args = [
      'agreement',
      fixture('krippendorff2011.csv'),
      '--bootstrap',
      '200',
      '--seed',
      '42',
      '--json',
    ];
    const a = JSON.parse((await run(...args)).out);
    const b = JSON.parse((await run(...args)).out);
    expect(a.alphaCI95).toHaveLength(2);
    expect(a.alphaCI95).toEqual(b.alphaCI95);
  });

  it('reads semicolon-separated text values (Fleiss 1971: κ = .430)', async () => {
    const json = JSON.parse((await run('agreement', fixture('fleiss1971.csv'), '--json')).out);
    expect(json.fleissKappa).toBeCloseTo(0.43, 3);
    expect(json.coders).toBe(6);
  });

  it('reads tab-separated values and applies --weights (irr::kappa2(anxiety[, 1:2], "squared") = 0.297)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kodtau-'));
    const file = join(dir, 'two.tsv');
    const text = readFileSync(fixture('anxiety.tsv'), 'utf8')
      .split('\n')
      .map((line) => line.split('\t').slice(0, 2).join('\t'))
      .join('\n');
    writeFileSync(file, text);
    const json = JSON.parse((await run('agreement', file, '--weights', 'quadratic', '--json')).out);
    expect(json.cohenKappa).toBeCloseTo(0.297, 3);
  });

  it('reads UTF-8 with a BOM, CRLF and quoted fields', async () => {
    const json = JSON.parse((await run('agreement', fixture('bom-crlf.csv'), '--json')).out);
    expect(json).toMatchObject({ units: 3, coders: 2, categories: 3, percentAgreement: 2 / 3 });
  });

  it('prints a readable table by default', async () => {
    const { code, out } = await run('agreement', fixture('krippendorff2011.csv'));
    expect(code).toBe(0);
    expect(out).toMatch(/Krippendorff's alpha \(nominal\)\s+0\.743/);
    expect(out).toMatch(/Cohen's kappa\s+—\s+defined for exactly two coders/);
  });

  it.each([
    ['ragged.csv', [], /row 3 \(line 3\): 1 cells, expected 2/],
    ['single-column.csv', [], /row 1: a single column/],
    ['no-header.csv', [], /row 1: no header/],
    ['non-numeric.csv', ['--level', 'interval'], /row 3 \(line 3\), coder "A": "x" is not a number/],
  ])('rejects %s with a one-line message naming the row', async (name, extra, message) => {
    const { code, err, out } = await run('agreement', fixture(name), ...extra);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('rejects bad usage with exit status 2', async () => {
    expect((await run('agreement')).code).toBe(2);
    expect((await run('agreement', 'x.csv', '--level', 'cardinal')).code).toBe(2);
    expect((await run('agreement', 'x.csv', '--bootstrap', '-3')).code).toBe(2);
    expect((await run('agreement', 'x.csv', '--frobnicate')).code).toBe(2);
    expect((await run('nonsense')).code).toBe(2);
    // A name JavaScript objects have of their own is no command either.
    const own = await run('constructor');
    expect(own.code).toBe(2);
    expect(own.err).toMatch(/unknown command "constructor"/);
  });

  it('reports a missing file as bad input', async () => {
    const { code, err } = await run('agreement', '/nonexistent/matrix.csv');
    expect(code).toBe(1);
    expect(err).toMatch(/cannot read \(ENOENT\)/);
  });

  it('runs through the bin launcher (cli/bin.mjs: the compiled bundle, or tsx on edited sources)', async () => {
    const bin = fileURLToPath(new URL('../../cli/bin.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      'agreement',
      fixture('krippendorff2011.csv'),
      '--json',
    ]);
    expect(JSON.parse(stdout).krippendorffAlpha).toBeCloseTo(0.743, 3);
    const help = await promisify(execFile)(process.execPath, [bin, 'agreement', '--help']);
    expect(help.stdout).toMatch(/^Usage: kodtau agreement <matrix.csv>/);
  }, 20000);
});

describe('kodtau agreement --categories', () => {
  it('takes q and the order from the codebook: Brennan–Prediger with q = 4 instead of the 2 observed', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'kodtau-cat-')), 'm.csv');
    // 4 units, 3 agree: p_a = 0.75. BP = (p_a − 1/q) / (1 − 1/q) (Brennan & Prediger 1981):
    // q = 2 observed → 0.5; q = 4 in the codebook → (0.75 − 0.25) / 0.75 = 2/3.
    writeFileSync(file, 'A,B\n1,1\n1,1\n2,2\n1,2\n');
    let out = '';
    const io = { out: (t: string) => (out += t), err: () => {} };
    const { main } = await import('../../cli/kodtau.ts');
    expect(await main(['agreement', file, '--json'], io)).toBe(0);
    expect(JSON.parse(out).brennanPrediger).toBeCloseTo(0.5, 12);
    out = '';
    expect(await main(['agreement', file, '--json', '--categories', '1,2,3,4'], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ categories: 4 });
    expect(JSON.parse(out).brennanPrediger).toBeCloseTo(2 / 3, 12);
    expect(await main(['agreement', file, '--categories', '1,3'], io)).toBe(1);
  });
});
