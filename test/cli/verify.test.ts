import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { createDemoProject } from '../../shared/demo/index.ts';
import { buildProjectFile, serializeProjectFile } from '../../shared/formats/projectFile.ts';
import { clearedCoding } from '../../shared/model/index.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'kodtau-verify-'));
const demo = createDemoProject();
const [first, ...rest] = demo.codings;
const text = serializeProjectFile(
  buildProjectFile({
    project: demo.project,
    codebooks: [demo.codebook],
    appeals: demo.appeals,
    coders: demo.coders,
    codings: [clearedCoding(first!, '2026-02-01T00:00:00.000Z'), ...rest],
    consensus: [],
    reviews: [],
    trainingSets: [],
    imports: [],
  }),
);
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const good = file('good.kodtau-project.json', text);

describe('kodtau verify', () => {
  it('says what a sound project file holds', async () => {
    const { code, out } = await run('verify', good);
    expect(code).toBe(0);
    expect(out).toBe(
      `good.kodtau-project.json: ok, "${demo.project.name}" (demo-open-dialogue), codebook version 1 ` +
        `(1 kept); 341 appeals, ${demo.coders.length} coders, ${demo.codings.length - 1} codings and ` +
        '1 cleared, 0 settled units, 0 review flags, 0 training sets, 0 import records\n',
    );
  });

  it('refuses a changed, cut-off, newer, foreign or missing file with exit status 1', async () => {
    const files = [
      file('changed.json', text.replace('"Aigerim"', '"Aigerim!"')),
      file('cut.json', text.slice(0, 5000)),
      file('newer.json', JSON.stringify({ ...(JSON.parse(text) as object), version: 3 })),
      file('appeals.csv', 'id,text\n1,x\n'),
      join(dir, 'missing.json'),
    ];
    const { code, out, err } = await run('verify', good, ...files);
    expect(code).toBe(1);
    expect(out).toMatch(/^good\.kodtau-project\.json: ok/);
    expect(err.trim().split('\n')).toEqual([
      'changed.json: refused, changed or damaged since it was written: the digest does not match',
      'cut.json: refused, damaged: a field is missing or malformed',
      'newer.json: refused, written by a newer Kodtau',
      'appeals.csv: refused, not a Kodtau project file',
      'missing.json: refused, cannot be read',
    ]);

    const json = await run('verify', good, files[0]!, '--json');
    expect(json.code).toBe(1);
    const verdicts = JSON.parse(json.out) as {
      file: string;
      ok: boolean;
      reason?: string;
      counts?: object;
    }[];
    expect(verdicts.map((v) => [v.file, v.ok, v.reason])).toEqual([
      ['good.kodtau-project.json', true, undefined],
      ['changed.json', false, 'integrity'],
    ]);
    expect(verdicts[0]!.counts).toMatchObject({ appeals: 341, cleared: 1, codebooks: 1 });
  });

  it('refuses bad usage with exit status 2', async () => {
    expect((await run('verify')).code).toBe(2);
    expect((await run('verify', good, '--nope')).code).toBe(2);
    expect((await run('verify', '--help')).out).toMatch(/^Usage: kodtau verify/);
  });
});
