import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { DEMO_APPEAL_COUNT, DEMO_PROJECT_ID } from '../../shared/demo/index.ts';
import type { SummaryJson } from '../../cli/commands/summary.ts';
import { parseCsv } from '../../shared/csv/parseCsv.ts';
import { parseProjectFile } from '../../shared/formats/projectFile.ts';
import { parseProjectPackage } from '../../shared/formats/projectPackage.ts';
import { percentHalfUp } from '../../shared/tables/roundHalfUp.ts';

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
    const names = [
      'open-dialogue-demo.kodtau',
      'aigerim.kodtau-coder.json',
      'dmitry.kodtau-coder.json',
      'open-dialogue-demo.adjudicated.json',
    ];
    expect(out.trim().split('\n')).toEqual(names.map((name) => join(dir, name)));
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    // The coder files merge into the package: 4 variables × (68 overlap + 137 or 136 own) appeals.
    const merged = join(dir, 'merged.json');
    const merge = await run('merge', ...names.slice(0, 3).map((name) => join(dir, name)), '-o', merged);
    expect(merge.code).toBe(0);
    expect(merge.out).toMatch(/aigerim\.kodtau-coder\.json\s+Aigerim\s+820\s+0\s+0\s+merged/);
    expect(merge.out).toMatch(/dmitry\.kodtau-coder\.json\s+Dmitry\s+816\s+0\s+0\s+merged/);
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
    for (const file of readdirSync(a))
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
  });

  it("writes the adjudicated project, whose final dataset is the study's tables", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kodtau-demo-'));
    await run('demo', '--out', dir);
    const project = parseProjectFile(
      JSON.parse(readFileSync(join(dir, 'open-dialogue-demo.adjudicated.json'), 'utf8')),
    );
    expect(project.format).toBe('kodtau-project');
    expect(project.codings).toHaveLength((341 + 68) * 4);
    expect(project.consensus).toHaveLength(68 * 4);
    expect(project.coders.map((c) => c.name).sort()).toEqual(['Aigerim', 'Dmitry', 'Saule']);

    const csv = join(dir, 'f.csv');
    const exported = await run(
      'export',
      join(dir, 'open-dialogue-demo.adjudicated.json'),
      '--source',
      'final',
      '--format',
      'wide',
      '-o',
      csv,
    );
    expect(exported).toMatchObject({ code: 0, out: `${csv}: 341 rows\n`, err: '' });
    const [header = [], ...rows] = parseCsv(readFileSync(csv, 'utf8')).rows;
    expect(rows).toHaveLength(341);
    const column = (name: string) => {
      const i = header.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return rows.map((row) => row[i] ?? '');
    };
    // Every variable filled for every appeal, each with how it was reached (no 9: unresolved).
    const variables = header.filter(
      (name) => /^(reason|body)_|^region_(code|label)$|^response/.test(name) && !name.endsWith('_status'),
    );
    expect(variables).toHaveLength(7 + 2 + 8 + 2);
    const statuses = header.filter((name) => name.endsWith('_status'));
    expect(statuses).toHaveLength(4);
    for (const name of statuses)
      expect(
        column(name).every((cell) => ['1', '2', '3'].includes(cell)),
        name,
      ).toBe(true);
    for (const name of variables)
      expect(
        column(name).every((cell) => cell !== ''),
        name,
      ).toBe(true);

    // Table 1: reasons as shares of all reasons given.
    const reasons = header.filter((name) => name.startsWith('reason_') && name !== 'reason_status');
    const chosen = (name: string) => column(name).filter((cell) => cell === '1').length;
    const responses = reasons.reduce((sum, name) => sum + chosen(name), 0);
    expect(responses).toBe(447);
    const table1 = ['corruption', 'incompetence', 'red_tape', 'court', 'abuse'].map((code) => {
      const count = chosen(`reason_${code}`);
      return [count, percentHalfUp(count, responses, 1)];
    });
    expect(table1).toEqual([
      [83, 18.6],
      [73, 16.3],
      [70, 15.7],
      [56, 12.5],
      [44, 9.8],
    ]);
    // 158 appeals criticise the police or the hospitals.
    const police = column('body_police');
    const health = column('body_health');
    expect(police.filter((cell, i) => cell === '1' || health[i] === '1')).toHaveLength(158);

    // Table 2 from the coded region, through kodtau summary.
    const summary = await run('summary', csv, '--column', 'region_label', '--json');
    expect(summary.code).toBe(0);
    const table2 = JSON.parse(summary.out) as SummaryJson;
    expect(table2).toMatchObject({ cases: 341, valid: 341, missing: 0 });
    expect(table2.rows.slice(0, 2)).toMatchObject([
      { value: 'Almaty city', count: 61 },
      { value: 'Astana city', count: 47 },
    ]);
    expect(table2.rows.at(-1)).toMatchObject({ value: 'Akmola', count: 5 });
    expect(table2.rows).toHaveLength(17);
    expect(percentHalfUp(61, 341, 1)).toBe(17.9);
    const text = await run('summary', csv, '--column', 'region_label');
    expect(text.out).toMatch(/Almaty city\s+61\s+17\.9/);
    expect(text.out).toMatch(/Akmola\s+5\s+1\.5/);
    const corruption = await run('summary', csv, '--column', 'reason_corruption', '--json');
    expect((JSON.parse(corruption.out) as SummaryJson).rows).toContainEqual(
      expect.objectContaining({ value: '1', count: 83 }),
    );
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
