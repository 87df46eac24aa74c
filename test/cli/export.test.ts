import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/kodtau.ts';
import { parseCsv } from '../../shared/csv/parseCsv.ts';
import { createDemoProject } from '../../shared/demo/index.ts';
import { buildProjectFile, serializeProjectFile } from '../../shared/formats/projectFile.ts';
import { createProjectPackage, serializeProjectPackage } from '../../shared/formats/projectPackage.ts';
import { demoCoderFiles } from '../../shared/merge/index.ts';
import type { Coding, Consensus } from '../../shared/model/index.ts';
import { sourceValues } from '../../shared/tables/tableSource.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'kodtau-export-'));
const demo = createDemoProject();
const pkg = join(dir, 'demo.kodtau.json');
writeFileSync(
  pkg,
  serializeProjectPackage(createProjectPackage({ ...demo, createdAt: '2026-01-01T00:00:00Z' })),
);
const coderFiles = demoCoderFiles().map(({ name, text }) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
});
const [aigerim] = demo.coders;
/** The units of the demo on which its coders disagree, before any adjudication. */
const demoUnresolved = sourceValues(
  { kind: 'final' },
  { ...demo, consensus: [] },
  demo.codebook.variables,
).unresolved;

describe('kodtau export', () => {
  it('writes the wide dataset of a package and the coders’ files, one row per appeal', async () => {
    const out = join(dir, 'wide.csv');
    const { code, out: stdout } = await run(
      'export',
      pkg,
      ...coderFiles,
      '--format',
      'wide',
      '--source',
      `coder:${aigerim!.id}`,
      '--delimiter',
      ';',
      '-o',
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}: 341 rows\n`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFid;date;region;')).toBe(true);
    const rows = parseCsv(text).rows;
    expect(rows).toHaveLength(342);
    const header = rows[0]!;
    // Every category of the multiple-choice "reason" gets a 0/1 column.
    const reasons = demo.codebook.variables.find((v) => v.id === 'reason')!.categories;
    for (const c of reasons) expect(header).toContain(`reason_${c.code.replace(/-/g, '_')}`);
    // An appeal Aigerim coded (her share or the overlap sample) has a region code…
    const codedBy = (appealId: string) =>
      demo.codings.find(
        (c) => c.coderId === aigerim!.id && c.appealId === appealId && c.variableId === 'region',
      );
    const coded = rows.slice(1).find((row) => codedBy(row[0]!))!;
    const category = demo.codebook.variables
      .find((v) => v.id === 'region')!
      .categories.find((c) => c.code === codedBy(coded[0]!)!.values[0])!;
    expect(coded[header.indexOf('region_code')]).toBe(String(category.value));
    // …and one in Dmitry's share only is not coded by her: empty, not 0.
    const notCoded = rows.slice(1).filter((row) => !codedBy(row[0]!));
    expect(notCoded).toHaveLength(136);
    expect(notCoded[0]![header.indexOf(`reason_${reasons[0]!.code}`)]).toBe('');
  });

  it('writes the long dataset of all coders, and SPSS, R and codebook files with --syntax', async () => {
    const out = join(dir, 'long.csv');
    expect(
      (await run('export', pkg, ...coderFiles, '--format', 'long', '--source', 'all', '-o', out)).code,
    ).toBe(0);
    expect(parseCsv(readFileSync(out, 'utf8')).rows).toHaveLength(1 + demo.codings.length);

    const wide = join(dir, 'majority.csv');
    const result = await run(
      'export',
      pkg,
      ...coderFiles,
      '--format',
      'wide',
      '--source',
      'majority',
      '--syntax',
      '-o',
      wide,
    );
    expect(result.code).toBe(0);
    // Two coders: every disagreement is a tie, listed on stderr.
    expect(result.err).toMatch(/majority tied on OD-2019-\d{4} \/ \w+/);
    expect(readFileSync(join(dir, 'majority.sps'), 'utf8')).toContain("/FILE='majority-data.csv'");
    expect(readFileSync(join(dir, 'majority.R'), 'utf8')).toContain('read.csv("majority-data.csv",');
    // The data file for statistics programs: no BOM, and the same rows as the Excel CSV.
    const data = readFileSync(join(dir, 'majority-data.csv'), 'utf8');
    expect(data.startsWith('id,')).toBe(true);
    expect(parseCsv(data).rows).toHaveLength(parseCsv(readFileSync(wide, 'utf8')).rows.length);
    expect(JSON.parse(readFileSync(join(dir, 'majority.codebook.json'), 'utf8')).format).toBe(
      'kodtau-codebook',
    );
  });

  it('reads the merged project that kodtau merge writes', async () => {
    const merged = join(dir, 'merged.json');
    expect((await run('merge', pkg, ...coderFiles, '-o', merged)).code).toBe(0);
    const fromMerged = join(dir, 'from-merged.csv');
    const fromFiles = join(dir, 'from-files.csv');
    expect((await run('export', merged, '--format', 'long', '--source', 'all', '-o', fromMerged)).code).toBe(
      0,
    );
    expect(
      (await run('export', pkg, ...coderFiles, '--format', 'long', '--source', 'all', '-o', fromFiles)).code,
    ).toBe(0);
    // The same codings either way: merged by kodtau merge, or merged here from the same files.
    expect(readFileSync(fromMerged, 'utf8')).toBe(readFileSync(fromFiles, 'utf8'));
    expect(parseCsv(readFileSync(fromMerged, 'utf8')).rows).toHaveLength(1 + demo.codings.length);
  });

  it('writes the final dataset by default, and lists the units still unresolved', async () => {
    const out = join(dir, 'final.csv');
    const { code, out: stdout, err } = await run('export', pkg, ...coderFiles, '--format', 'wide', '-o', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}: 341 rows\n`);
    // The demo's two coders disagree on 30 units of the 60 appeals both coded (9 + 3 + 12 + 6).
    const unresolved = demoUnresolved;
    expect(unresolved.length).toBeGreaterThan(1);
    const listed = err
      .match(new RegExp(`^kodtau export: ${unresolved.length} units unresolved \\(.*\\): (.*)\n$`))![1]!
      .split(', ');
    expect(listed.sort()).toEqual(unresolved.map((u) => `${u.appealId}/${u.variableId}`).sort());
    const rows = parseCsv(readFileSync(out, 'utf8')).rows;
    const header = rows[0]!;
    // Every unresolved unit is still in the file: its value cells empty, its status 9.
    for (const { appealId, variableId } of unresolved) {
      const row = rows.find((r) => r[0] === appealId)!;
      const variable = demo.codebook.variables.find((v) => v.id === variableId)!;
      const valueNames =
        variable.kind === 'multi'
          ? variable.categories.map((c) => `${variableId}_${c.code.replace(/-/g, '_')}`)
          : [
              `${variableId}_label`,
              header.includes(`${variableId}_code`) ? `${variableId}_code` : variableId,
            ];
      for (const name of valueNames) expect(row[header.indexOf(name)], name).toBe('');
      expect(row[header.indexOf(`${variableId}_status`)]).toBe('9');
    }
  });

  it('fills every variable of every appeal once the overlap is adjudicated and the rest coded once', async () => {
    // The standard design: the demo's overlap (60 appeals, both coders) with every disagreement
    // adjudicated to Aigerim's answer, and the other 281 appeals coded by Dmitry alone.
    const [, dmitry] = demo.coders;
    const unresolved = demoUnresolved;
    const answer = (appealId: string, variableId: string) =>
      demo.codings.find(
        (c) => c.coderId === aigerim!.id && c.appealId === appealId && c.variableId === variableId,
      )!.values;
    const consensus: Consensus[] = unresolved.map((u) => ({
      projectId: demo.project.id,
      ...u,
      values: answer(u.appealId, u.variableId),
      method: 'adjudicated',
      by: 'sup',
      at: '2026-03-01T00:00:00.000Z',
    }));
    const coded = new Set(demo.codings.map((c) => c.appealId));
    const single: Coding[] = demo.appeals
      .filter((a) => !coded.has(a.id))
      .flatMap((a) =>
        demo.codebook.variables.map((v) => ({
          projectId: demo.project.id,
          coderId: dmitry!.id,
          appealId: a.id,
          variableId: v.id,
          values: [v.categories[a.order % v.categories.length]!.code],
          unsure: false,
          updatedAt: '2026-03-01T00:00:00.000Z',
          codebookVersion: demo.codebook.version,
        })),
      );
    const file = join(dir, 'adjudicated.kodtau-project.json');
    writeFileSync(
      file,
      serializeProjectFile(
        buildProjectFile({
          project: demo.project,
          codebooks: [demo.codebook],
          appeals: demo.appeals,
          coders: demo.coders,
          codings: [...demo.codings, ...single],
          consensus,
          reviews: [],
          trainingSets: [],
          imports: [],
        }),
      ),
    );
    const out = join(dir, 'final-full.csv');
    const result = await run(
      'export',
      file,
      '--source',
      'final',
      '--format',
      'wide',
      '--labels',
      'code',
      '-o',
      out,
    );
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8')).rows;
    expect(rows).toHaveLength(341);
    const valueColumns = header!.flatMap((name, c) =>
      /^(reason_|region_code$|region_status$|body_|response)/.test(name) ? [c] : [],
    );
    // reason and body: one 0/1 column per category and a status; region, response: code, status.
    expect(valueColumns).toHaveLength(
      demo.codebook.variables.reduce((n, v) => n + (v.kind === 'multi' ? v.categories.length : 1) + 1, 0),
    );
    for (const row of rows)
      for (const c of valueColumns) expect(row[c], `${row[0]} ${header![c]}`).not.toBe('');
    const status = (appealId: string, variableId: string) =>
      rows.find((r) => r[0] === appealId)![header!.indexOf(`${variableId}_status`)];
    for (const u of unresolved) expect(status(u.appealId, u.variableId)).toBe('3');
    expect(status(demo.appeals[0]!.id, 'region')).toMatch(/^[23]$/);
    expect(status(demo.appeals.at(-1)!.id, 'region')).toBe('1');
    const adjudicatedRegion = unresolved.find((u) => u.variableId === 'region')!;
    const region = demo.codebook.variables.find((v) => v.id === 'region')!;
    expect(rows.find((r) => r[0] === adjudicatedRegion.appealId)![header!.indexOf('region_code')]).toBe(
      String(
        region.categories.find((c) => c.code === answer(adjudicatedRegion.appealId, 'region')[0])!.value,
      ),
    );
  });

  it('writes an Excel workbook when the name ends in .xlsx', async () => {
    const out = join(dir, 'wide.xlsx');
    expect(
      (await run('export', pkg, '--format', 'wide', '--labels', 'label', '--lang', 'kk', '-o', out)).code,
    ).toBe(0);
    const [sheet] = await readXlsxFile(out);
    expect(sheet!.data).toHaveLength(342);
    expect(sheet!.data[0]![0]).toBe('id');
  });

  it('says what is wrong with bad input and bad usage', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"something-else"}');
    const foreign = await run('export', bad, '--format', 'wide', '-o', join(dir, 'x.csv'));
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain('neither a project package nor a project file (foreign)');
    const noCoder = await run(
      'export',
      pkg,
      '--format',
      'wide',
      '--source',
      'coder:nobody',
      '-o',
      join(dir, 'x.csv'),
    );
    expect(noCoder.code).toBe(1);
    expect(noCoder.err).toContain('no coder "nobody"');
    expect((await run('export', pkg, '--format', 'tall', '-o', 'x.csv')).code).toBe(2);
    expect((await run('export', pkg, '--format', 'wide', '--source', 'all', '-o', 'x.csv')).code).toBe(2);
    expect((await run('export', pkg, '--format', 'wide')).code).toBe(2);
    const unwritable = await run('export', pkg, '--format', 'wide', '-o', join(dir, 'no-such-dir', 'x.csv'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toContain('x.csv: cannot write (ENOENT)');
  });
});
