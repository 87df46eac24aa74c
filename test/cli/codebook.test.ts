import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { createDemoProject } from '../../shared/demo/index.ts';
import { readCodebookJson, writeCodebookJson } from '../../shared/formats/codebookJson.ts';
import { createProjectPackage, serializeProjectPackage } from '../../shared/formats/projectPackage.ts';
import { readQdc } from '../../shared/formats/qdc.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'kodtau-codebook-'));
const demo = createDemoProject();
const codebookJson = join(dir, 'demo.codebook.json');
writeFileSync(codebookJson, writeCodebookJson(demo.codebook));

describe('kodtau codebook', () => {
  it('converts Kodtau JSON to a .qdc in Kazakh and back to JSON without loss', async () => {
    const qdc = join(dir, 'demo.qdc');
    const toQdc = await run('codebook', codebookJson, '--to', 'qdc', '-o', qdc, '--lang', 'kk');
    expect(toQdc).toMatchObject({ code: 0, err: '' });
    // The demo: 4 variables, 7 + 17 + 8 + 5 categories (shared/demo/codebook.ts).
    expect(toQdc.out).toContain('4 variables, 37 categories');
    expect(readFileSync(qdc, 'utf8')).toContain('name="Өтініш себебі"');

    const back = join(dir, 'back.json');
    expect((await run('codebook', qdc, '--to', 'json', '-o', back, '--lang', 'kk')).code).toBe(0);
    expect(readCodebookJson(readFileSync(back, 'utf8')).content.variables).toEqual(demo.codebook.variables);
  });

  it('takes the codebook out of a project package', async () => {
    const pkg = join(dir, 'demo.kodtau.json');
    writeFileSync(pkg, serializeProjectPackage(createProjectPackage({ ...demo, assignment: null })));
    const out = join(dir, 'from-package.qdc');
    expect((await run('codebook', pkg, '--to', 'qdc', '-o', out)).code).toBe(0);
    expect(readQdc(readFileSync(out, 'utf8'), 'en').content.variables.map((v) => v.id)).toEqual([
      'reason',
      'region',
      'body',
      'response',
    ]);
  });

  it('refuses an XML bomb with exit 1 and writes nothing', async () => {
    const bomb = join(dir, 'bomb.qdc');
    writeFileSync(bomb, '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaa">]><CodeBook/>');
    const out = join(dir, 'bomb.json');
    const result = await run('codebook', bomb, '--to', 'json', '-o', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/DOCTYPE/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('names the problem of a damaged file and of bad usage', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "kodtau-codebook", "version": 1,');
    expect(await run('codebook', broken, '--to', 'qdc', '-o', join(dir, 'x.qdc'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not valid JSON/),
    });
    expect((await run('codebook', codebookJson, '--to', 'csv', '-o', 'x')).code).toBe(2);
    expect((await run('codebook', codebookJson, '--to', 'qdc')).code).toBe(2);
    expect((await run('codebook', codebookJson, '--to', 'qdc', '-o', 'x', '--lang', 'de')).code).toBe(2);
  });
});
