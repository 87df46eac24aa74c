import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { createDemoProject, DEMO_CODERS } from '../../shared/demo/index.ts';
import { buildCoderFile, serializeCoderFile } from '../../shared/formats/coderFile.ts';
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

  describe('checks each file against the codebook and the clock', () => {
    afterEach(() => vi.useRealTimers());
    const own = demo.codings.filter((c) => c.coderId === DEMO_CODERS[0]!.id);
    const coderFile = (name: string, codings: typeof own, exportedAt = '2026-11-20T00:00:00.000Z') => {
      const path = join(dir, name);
      writeFileSync(
        path,
        serializeCoderFile(buildCoderFile(DEMO_CODERS[0]!, demo.codebook, codings, exportedAt)),
      );
      return path;
    };
    /** The result column of a file's row in the report table (a refused row has no counts). */
    const resultOf = (table: string, file: string) =>
      table
        .split('\n')
        .find((line) => line.startsWith(`${file} `))
        ?.slice(file.length)
        .trim();

    it('refuses an edit more than a day ahead of this computer’s clock, naming both times', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-12-01T12:00:00.000Z'));
      const first = own[0]!;
      const ahead = coderFile(
        'ahead.kodtau-coder.json',
        own.map((c) => (c === first ? { ...c, updatedAt: '2026-12-02T12:00:01.000Z' } : c)),
      );
      const out = join(dir, 'ahead.json');
      const { code, out: stdout } = await run('merge', pkg, ahead, dmitry, '-o', out);
      expect(code).toBe(1);
      expect(resultOf(stdout, 'ahead.kodtau-coder.json')).toBe(
        `refused: variable "${first.variableId}" of appeal "${first.appealId}" was edited at 2026-12-02T12:00:01.000Z, more than a day ahead of this computer's time (2026-12-01T12:00:00.000Z); one of the two computers' clocks is wrong: check the coder's computer and this one`,
      );
      expect(existsSync(out)).toBe(false);
      // A day ahead exactly is allowed: a clock a little fast, or a time zone written wrongly.
      vi.setSystemTime(new Date('2026-12-01T12:00:01.000Z'));
      expect((await run('merge', pkg, ahead, dmitry, '-o', out)).code).toBe(0);
    });

    it('refuses two categories on a single-choice variable', async () => {
      const single = own.find((c) => c.variableId === 'region')!;
      const two = coderFile(
        'two.kodtau-coder.json',
        own.map((c) => (c === single ? { ...c, values: ['almaty_city', 'astana_city'] } : c)),
      );
      const { code, out } = await run('merge', pkg, two, '-o', join(dir, 'two.json'));
      expect(code).toBe(1);
      expect(resultOf(out, 'two.kodtau-coder.json')).toBe(
        `refused: gives variable "region" of appeal "${single.appealId}" several categories (almaty_city, astana_city), but it takes one`,
      );
    });
  });
});
