import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv/parseCsv.ts';
import { wideDataset } from '../../shared/formats/dataset.ts';
import { rScript, statisticsCsv } from '../../shared/formats/spss.ts';
import { localize } from '../../shared/model/index.ts';
import { frequencyTable } from '../../shared/tables/frequencyTable.ts';
import { sourceValues } from '../../shared/tables/tableSource.ts';
import { hasProgram, interopInput, runProgram } from './interopFixture.ts';

const input = interopInput();

describe.runIf(hasProgram('Rscript'))('R reads the R script and the data CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kodtau-r-'));
  // Labels only: every choice variable is a labelled column, which the script makes a factor.
  const dataset = wideDataset(input, { source: { kind: 'final' }, labels: 'label', lang: 'kk', text: true });
  writeFileSync(join(dir, 'demo-data.csv'), statisticsCsv(dataset));
  const check = `
write.csv(data, "r-out.csv", row.names = FALSE, na = "", fileEncoding = "UTF-8")
meta <- data.frame(name = names(data),
  class = vapply(data, function(x) paste(class(x), collapse = "/"), ""),
  label = vapply(data, function(x) attr(x, "label"), ""),
  levels = vapply(data, function(x) paste(levels(x), collapse = "|"), ""))
write.csv(meta, "r-meta.csv", row.names = FALSE, fileEncoding = "UTF-8")
counts <- do.call(rbind, lapply(names(data)[vapply(data, is.factor, TRUE)], function(n) {
  t <- table(data[[n]]); data.frame(name = n, level = names(t), count = as.vector(t))
}))
write.csv(counts, "r-counts.csv", row.names = FALSE, fileEncoding = "UTF-8")
`;
  writeFileSync(
    join(dir, 'demo.R'),
    `${rScript(dataset, { fileName: 'demo-data.csv', title: 'Demo: wide dataset' })}${check}`,
  );
  const output = runProgram('Rscript', ['demo.R'], dir);
  const read = (name: string) => parseCsv(readFileSync(join(dir, name), 'utf8')).rows;

  it('runs with no error or warning and holds every cell exactly', () => {
    expect(output).not.toMatch(/error|warning/i);
    const [header, ...rows] = read('r-out.csv');
    expect(header).toEqual(dataset.columns.map((c) => c.name));
    expect(header).toContain('Өңір');
    expect(rows).toHaveLength(341);
    // A factor of codes (the status columns) is written as its labels.
    const asWritten = dataset.columns.map((column) => {
      const labels = new Map(column.multi ? [] : (column.valueLabels ?? []).map((v) => [v.value, v.label]));
      return (cell: unknown) => (labels.get(cell as number) ?? String(cell ?? '')) as string;
    });
    expect(rows).toEqual(dataset.rows.map((row) => row.map((cell, c) => asWritten[c]!(cell))));
    expect(rows[0]![header!.indexOf('Формула')]).toBe('=1+1');
  });

  it('makes factors with the codebook’s levels, a label per variable, and table() equals Kodtau', () => {
    const [, ...meta] = read('r-meta.csv');
    const byName = new Map(meta.map(([name, cls, label, levels]) => [name!, { cls, label, levels }]));
    for (const column of dataset.columns) expect(byName.get(column.name)?.label).toBe(column.label);
    const values = sourceValues({ kind: 'final' }, input, input.codebook.variables).byVariable;
    const [, ...counts] = read('r-counts.csv');
    for (const variable of input.codebook.variables.filter(
      (v) => v.kind === 'single' || v.kind === 'ordinal',
    )) {
      const name = input.appeals.some((a) => variable.id in a.meta) ? `${variable.id}_label` : variable.id;
      const labels = variable.categories.map((c) => localize(c.label, 'kk'));
      expect(byName.get(name)).toEqual({
        cls: variable.kind === 'ordinal' ? 'ordered/factor' : 'factor',
        label: localize(variable.label, 'kk'),
        levels: labels.join('|'),
      });
      const line = values.get(variable.id)!;
      const kodtau = frequencyTable(
        input.appeals.map((a) => line.get(a.id)?.values ?? []),
        variable.categories.map((c) => c.code),
        'codebook',
      );
      const label = (code: string) => localize(variable.categories.find((c) => c.code === code)!.label, 'kk');
      expect(
        counts.filter((row) => row[0] === name).map(([, level, count]) => [level, Number(count)]),
        variable.id,
      ).toEqual(kodtau.rows.map((row) => [label(row.key), row.count]));
    }
  });
});
