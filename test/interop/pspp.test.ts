import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv/parseCsv.ts';
import { cutToBytes, utf8Length, wideDataset } from '../../shared/formats/dataset.ts';
import { spssSyntax, statisticsCsv } from '../../shared/formats/spss.ts';
import { localize } from '../../shared/model/index.ts';
import { frequencyTable } from '../../shared/tables/frequencyTable.ts';
import { sourceValues } from '../../shared/tables/tableSource.ts';
import { hasProgram, interopInput, LONG_LABEL } from './interopFixture.ts';

const input = interopInput();
const dataset = wideDataset(input, { source: { kind: 'final' }, labels: 'both', lang: 'en', text: true });

/** The tables of PSPP's CSV output: title → rows. */
function psppTables(csv: string): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  for (const block of csv.split(/\r?\n\r?\n/)) {
    const match = /^Table: (.*)\r?\n([\s\S]*)$/.exec(block.trim());
    if (match) tables.set(match[1]!, parseCsv(match[2]!, { delimiter: ',' }).rows);
  }
  return tables;
}

describe.runIf(hasProgram('pspp'))('PSPP reads the SPSS syntax and the data CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kodtau-pspp-'));
  const choice = input.codebook.variables.filter((v) => v.kind === 'single' || v.kind === 'ordinal');
  const multi = input.codebook.variables.find((v) => v.kind === 'multi')!;
  // The code column: `<variable>_code` where a metadata column has the variable's name (region).
  const codeColumn = (id: string) => (input.appeals.some((a) => id in a.meta) ? `${id}_code` : id);
  writeFileSync(join(dir, 'demo-data.csv'), statisticsCsv(dataset));
  const syntax = spssSyntax(dataset, { fileName: 'demo-data.csv', title: 'Demo: wide dataset' });
  const check = [
    "SAVE TRANSLATE /OUTFILE='pspp-out.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.",
    `FREQUENCIES /VARIABLES=${choice.map((v) => codeColumn(v.id)).join(' ')}.`,
    `MRSETS /DISPLAY NAME=[$${multi.id}].`,
    'DISPLAY DICTIONARY.',
  ].join('\n');
  writeFileSync(join(dir, 'demo.sps'), `${syntax}${check}\n`);
  const run = spawnSync('pspp', ['demo.sps', '-O', 'format=csv', '-o', 'pspp-output.csv'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    timeout: 300_000,
  });
  const output = readFileSync(join(dir, 'pspp-output.csv'), 'utf8');
  const tables = psppTables(output);

  it('runs with no error and no warning', () => {
    expect(run.status).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/error|warning/i);
    expect(output).not.toMatch(/error|warning/i);
  });

  it('holds every cell exactly: 341 cases, line breaks, Cyrillic names and formulas as text', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'pspp-out.csv'), 'utf8')).rows;
    expect(header).toEqual(dataset.columns.map((c) => c.name));
    expect(header).toContain('Район');
    expect(header).toContain('Дата_обращения');
    expect(rows).toHaveLength(341);
    // SPSS pads strings with spaces and drops them again: trailing spaces are not kept.
    const expected = dataset.rows.map((row) => row.map((cell) => String(cell ?? '').trimEnd()));
    expect(rows.map((row) => row.map((cell) => cell.trimEnd()))).toEqual(expected);
    const formula = header!.indexOf('Формула');
    expect(rows[0]![formula]).toBe('=1+1');
    expect(rows.some((row) => row[header!.indexOf('Адрес')]!.includes('\n'))).toBe(true);
  });

  it('gives the frequencies of Kodtau’s own tables for every single-choice variable', () => {
    const values = sourceValues({ kind: 'final' }, input, input.codebook.variables).byVariable;
    for (const variable of choice) {
      const line = values.get(variable.id)!;
      const cases = input.appeals.map((a) => line.get(a.id)?.values ?? []);
      const kodtau = frequencyTable(cases);
      const label = (code: string) => localize(variable.categories.find((c) => c.code === code)!.label, 'en');
      const expected = Object.fromEntries(kodtau.rows.map((row) => [label(row.key), row.count]));
      const table = tables.get(localize(variable.label, 'en'))!;
      expect(table, variable.id).toBeDefined();
      let section = '';
      const pspp: Record<string, number> = {};
      for (const [first, value, frequency] of table) {
        if (first) section = first;
        if (section === 'Valid' && value) pspp[value] = Number(frequency);
      }
      expect(pspp, variable.id).toEqual(expected);
      const missing = table.find((row) => row[0] === 'Missing');
      expect(Number(missing?.[2] ?? 0)).toBe(kodtau.missing);
    }
  });

  it('has the labels, measurement levels, missing values and the multiple-response set', () => {
    const variables = tables.get('Variables')!;
    const [head, ...rows] = variables;
    const at = (name: string, column: string) => rows.find((row) => row[0] === name)![head!.indexOf(column)];
    const region = choice.find((v) => v.id === 'region')!;
    expect(at('region_code', 'Label')).toBe(localize(region.label, 'en'));
    expect(at('region_code', 'Measurement Level')).toBe('Nominal');
    expect(at('Район', 'Measurement Level')).toBe('Nominal');
    expect(at('region_status', 'Missing Values')).toBe('9');
    expect(at('response', 'Measurement Level')).toBe('Ordinal');
    expect(at('response_label', 'Measurement Level')).toBe('Ordinal');
    // A label over 255 bytes is cut between two Kazakh letters, in the variable's part: each 0/1
    // column keeps its category (MRSETS names the categories by these labels).
    for (const category of input.codebook.variables.find((v) => v.id === 'body')!.categories) {
      const label = at(`body_${category.code}`, 'Label')!;
      const suffix = `: ${localize(category.label, 'en')}`;
      expect(label).toBe(`${cutToBytes(LONG_LABEL, 255 - utf8Length(suffix))}${suffix}`);
      expect(utf8Length(label)).toBeGreaterThan(250);
    }
    const sets = [...tables.entries()].find(([title]) => /multiple response/i.test(title));
    expect(sets, output.slice(-2000)).toBeDefined();
    const members = multi.categories.map((c) => `${multi.id}_${c.code}`);
    for (const member of members) expect(JSON.stringify(sets![1])).toContain(member);
  });
});
