import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { createDemoProject } from '../../shared/demo/index.ts';
import { createProjectPackage, serializeProjectPackage } from '../../shared/formats/projectPackage.ts';
import { parseProjectFile } from '../../shared/formats/projectFile.ts';
import { demoCoderFiles, mergeCoderFiles } from '../../shared/merge/index.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'kodtau-merge-'));
const demo = createDemoProject();
const pkg = join(dir, 'demo.kodtau.json');
writeFileSync(
  pkg,
  serializeProjectPackage(createProjectPackage({ ...demo, createdAt: '2026-01-01T00:00:00Z' })),
);
const [aigerim, dmitry] = demoCoderFiles().map(({ name, text }) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}) as [string, string];
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const readMerged = (path: string) => parseProjectFile(JSON.parse(readFileSync(path, 'utf8')));

describe('kodtau merge', () => {
  it('merges the demo coder files into the package and prints the same report as the app', async () => {
    const out = join(dir, 'merged.json');
    const { code, out: stdout } = await run('merge', pkg, aigerim, dmitry, '-o', out);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'file                       coder    added  updated  unchanged  result',
        'aigerim.kodtau-coder.json  Aigerim    820        0          0  merged',
        'dmitry.kodtau-coder.json   Dmitry     816        0          0  merged',
        '',
      ].join('\n'),
    );
    const merged = readMerged(out);
    // The demo's 1636 codings: 4 variables × (341 appeals + the 68 of the overlap sample coded twice).
    expect(merged.codings).toHaveLength(1636);
    expect(merged.coders).toEqual(demo.coders);
    expect(merged.appeals).toHaveLength(341);
    // The same merge as the app's: shared/merge on the same files.
    const files = [aigerim, dmitry].map((p) => ({ name: p, text: readFileSync(p, 'utf8') }));
    const expected = mergeCoderFiles(
      {
        projectId: demo.project.id,
        codebooks: [demo.codebook],
        appealIds: new Set(demo.appeals.map((a) => a.id)),
      },
      [],
      files,
    ).changed;
    const key = (c: { coderId: string; appealId: string; variableId: string }) =>
      `${c.coderId}/${c.appealId}/${c.variableId}`;
    expect(new Set(merged.codings.map(key))).toEqual(new Set(expected.map(key)));
  });

  it('gives the same file whatever the order, and merging again into its output changes nothing', async () => {
    const ab = join(dir, 'ab.json');
    const ba = join(dir, 'ba.json');
    await run('merge', pkg, aigerim, dmitry, '-o', ab);
    await run('merge', pkg, dmitry, aigerim, aigerim, '-o', ba);
    expect(digest(ba)).toBe(digest(ab));
    const again = join(dir, 'again.json');
    const { code, out } = await run('merge', ab, dmitry, '--json', '-o', again);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({ status: 'merged', added: 0, updated: 0, unchanged: 816 }),
    ]);
    expect(digest(again)).toBe(digest(ab));
  });

  it('refuses a damaged file: exit 1, the reason in the report, no output written', async () => {
    const damaged = join(dir, 'damaged.kodtau-coder.json');
    writeFileSync(damaged, readFileSync(aigerim, 'utf8').replace('"Aigerim"', '"Aigerim2"'));
    const out = join(dir, 'refused.json');
    const { code, out: stdout, err } = await run('merge', pkg, dmitry, damaged, '-o', out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/damaged\.kodtau-coder\.json\s+refused: the integrity check failed/);
    expect(err).toMatch(/nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a project that is not a package, and bad usage', async () => {
    const { code, err } = await run('merge', aigerim, dmitry, '-o', join(dir, 'x.json'));
    expect(code).toBe(1);
    expect(err).toMatch(/neither a project package nor a project file/);
    expect((await run('merge', pkg, aigerim)).code).toBe(2);
    expect((await run('merge', pkg, '-o', 'x.json')).code).toBe(2);
  });
});
