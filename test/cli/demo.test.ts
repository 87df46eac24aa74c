import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { DEMO_APPEAL_COUNT, DEMO_PROJECT_ID } from '../../shared/demo/index.ts';
import { parseProjectPackage } from '../../shared/formats/projectPackage.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('kodtau demo', () => {
  it('writes the demo project package into a new folder; the package reads back whole', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kodtau-demo-')), 'nested', 'out');
    const { code, out } = await run('demo', '--out', dir);
    expect(code).toBe(0);
    const names = ['open-dialogue-demo.kodtau', 'aigerim.kodtau-coder.json', 'dmitry.kodtau-coder.json'];
    expect(out.trim().split('\n')).toEqual(names.map((name) => join(dir, name)));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    // The coder files merge into the package: 240 codings each (4 variables × 60 appeals).
    const merged = join(dir, 'merged.json');
    const merge = await run('merge', ...names.map((name) => join(dir, name)), '-o', merged);
    expect(merge.code).toBe(0);
    expect(merge.out).toMatch(/aigerim\.kodtau-coder\.json\s+Aigerim\s+240\s+0\s+0\s+merged/);
    const pkg = parseProjectPackage(readFileSync(join(dir, 'open-dialogue-demo.kodtau')));
    expect(pkg.project.id).toBe(DEMO_PROJECT_ID);
    expect(pkg.appeals).toHaveLength(DEMO_APPEAL_COUNT);
    expect(pkg.codebook?.variables.map((v) => v.id)).toContain('region');
  });

  it('writes the same bytes every time', async () => {
    const a = mkdtempSync(join(tmpdir(), 'kodtau-demo-'));
    const b = mkdtempSync(join(tmpdir(), 'kodtau-demo-'));
    await run('demo', '--out', a);
    await run('demo', '--out', b);
    const file = 'open-dialogue-demo.kodtau';
    expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true);
  });

  it('needs --out (exit 2), and says when the folder cannot be written (exit 1)', async () => {
    expect(await run('demo')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--out <dir> is required'),
    });
    expect((await run('demo', '--bogus')).code).toBe(2);
    expect((await run('demo', '--help')).out).toContain('Usage: kodtau demo --out <dir>');
    const file = join(mkdtempSync(join(tmpdir(), 'kodtau-demo-')), 'file');
    await run('demo', '--out', file);
    const { code, err } = await run('demo', '--out', join(file, 'open-dialogue-demo.kodtau', 'x'));
    expect(code).toBe(1);
    expect(err).toContain('cannot write into');
  });
});
