import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/parseCsv.ts';
import { wideDataset } from '../../../shared/formats/dataset.ts';
import { lineBreakMarkers, rScript, spssSyntax, statisticsCsv } from '../../../shared/formats/spss.ts';
import { datasetInput } from './datasetFixture.ts';

const dataset = wideDataset(datasetInput, {
  source: { kind: 'coder', coderId: 'ann' },
  labels: 'both',
  lang: 'ru',
  text: true,
});
const options = { fileName: 'p-wide-data.csv', title: 'Test: wide dataset' };
const utf8 = (text: string) => new TextEncoder().encode(text).length;

describe('statisticsCsv', () => {
  it('carries every text exactly, with no apostrophe, and line breaks as private-use markers', () => {
    const csv = statisticsCsv(dataset);
    expect(csv.startsWith('id,')).toBe(true);
    const { lf } = lineBreakMarkers(dataset);
    expect(lf).toBe('\uE000');
    const rows = parseCsv(csv).rows;
    // One physical line per appeal: PSPP ends a field at the end of a line, even inside quotes.
    expect(csv.split('\r\n')).toHaveLength(rows.length + 1);
    const date = rows[0]!.indexOf('date');
    expect(rows.map((row) => row[date])).toEqual(['date', '2019-03-01', '=cmd|calc', '-5']);
    const text = rows[0]!.indexOf('text');
    expect(rows[1]![text]).toBe(`Бірінші; "тырнақша"${lf}жол`);
  });

  it('picks markers no cell holds, so the data stay exact', () => {
    const withMarker = { ...dataset, rows: [...dataset.rows, ['\uE000\uE001 x']] };
    expect(lineBreakMarkers(withMarker)).toEqual({ lf: '\uE002', cr: '\uE003' });
  });
});

describe('spssSyntax', () => {
  const sps = spssSyntax(dataset, options);

  it('reads the data CSV in UTF-8 with string widths in bytes as written, without SET UNICODE', () => {
    expect(sps.startsWith('* Encoding: UTF-8.\r\n')).toBe(true);
    expect(sps).not.toContain('SET UNICODE');
    expect(sps).toContain("/FILE='p-wide-data.csv'");
    expect(sps).toContain("/ENCODING='UTF8'");
    expect(sps).toContain("/DELIMITERS=','");
    expect(sps).toContain('    id A2\r\n');
    // The longest label, "Акмолинская 'область'": 18 Cyrillic letters × 2 bytes + a space and
    // two quotes = 39 bytes (its 21 characters would be too narrow).
    expect(sps).toContain('    region_label A39\r\n');
    // "=cmd|calc" (9 bytes) and "2019-03-01" (10): no apostrophe is added, so none is cut.
    expect(sps).toContain('    date A10\r\n');
    expect(sps).toContain('    region_code F8.0\r\n');
    // The text with its line break written as U+E000 (3 bytes) gets the break back.
    expect(sps).toContain("COMPUTE text = REPLACE(REPLACE(text, X'EE8080', X'0A'), X'EE8081', X'0D').");
  });

  it('labels variables and values, doubling quotes inside labels, with CRLF lines', () => {
    expect(sps).toContain("  /region_code 'Регион'");
    expect(sps).toContain("  /reason_corruption 'Причина: Коррупция'");
    expect(sps).toContain("    17 'Акмолинская ''область'''");
    expect(sps).toContain("  /reason_red_tape\r\n    0 'не выбрано'\r\n    1 'выбрано'");
    expect(sps.replaceAll('\r\n', '')).not.toContain('\n');
    expect(sps.trimEnd().endsWith('EXECUTE.')).toBe(true);
  });

  it('sets measurement levels and one multiple-response set per multiple-choice variable', () => {
    expect(sps).toMatch(/VARIABLE LEVEL\r\n {2}id region date text region_code region_label .*\(NOMINAL\)/);
    expect(sps).toContain(
      "MRSETS\r\n  /MDGROUP NAME=$reason LABEL='Причина'\r\n    VARIABLES=reason_corruption reason_red_tape VALUE=1 CATEGORYLABELS=VARLABELS",
    );
  });

  it('cuts labels within 255 bytes at a character boundary', () => {
    const long = {
      ...dataset,
      columns: dataset.columns.map((c, i) => (i === 0 ? { ...c, label: 'Ө'.repeat(200) } : c)),
    };
    const label = /\r\n {2}id '([^']*)'/.exec(spssSyntax(long, options))![1]!;
    expect(utf8(label)).toBe(254);
    expect(label).toBe('Ө'.repeat(127));
  });

  it('cuts a long multiple-choice label in the variable’s part, so each 0/1 column keeps its category', () => {
    const long = {
      ...dataset,
      columns: dataset.columns.map((c) =>
        c.multi
          ? {
              ...c,
              label: c.label.replace('Причина', 'Ө'.repeat(200)),
              multi: { ...c.multi, label: 'Ө'.repeat(200) },
            }
          : c,
      ),
    };
    const sps = spssSyntax(long, options);
    const corruption = /\r\n {2}\/reason_corruption '([^']*)'/.exec(sps)![1]!;
    // ": Коррупция" is 20 bytes: 235 are left, 117 letters of 2 bytes.
    expect(corruption).toBe(`${'Ө'.repeat(117)}: Коррупция`);
    expect(utf8(corruption)).toBe(254);
    // ": Волокита", 18 bytes: 118 letters.
    expect(sps).toContain(`/reason_red_tape '${'Ө'.repeat(118)}: Волокита'`);
  });
});

describe('rScript', () => {
  it('reads the data CSV with column classes, factors for the codes and a label per column', () => {
    const r = rScript(dataset, options);
    expect(r).toContain('read.csv("p-wide-data.csv", fileEncoding = "UTF-8"');
    expect(r).toContain('"id" = "character"');
    expect(r).toContain('"region_code" = "integer"');
    expect(r).toContain(
      'data[["region_code"]] <- factor(data[["region_code"]],\n  levels = c(1, 17),\n  labels = c("Город Алматы", "Акмолинская \'область\'"))',
    );
    expect(r).toContain(
      'data[["region_label"]] <- factor(data[["region_label"]],\n  levels = c("Город Алматы", "Акмолинская \'область\'"))',
    );
    expect(r).not.toContain('factor(data[["reason_corruption"]]');
    expect(r).toContain('attr(data[["region_code"]], "label") <- "Регион"');
    expect(r).toContain('data[["text"]] <- gsub("\\uE001", "\\r", gsub("\\uE000", "\\n", data[["text"]]');
  });

  it('makes an ordinal variable an ordered factor', () => {
    const ordinal = {
      ...datasetInput,
      codebook: {
        ...datasetInput.codebook,
        variables: datasetInput.codebook.variables.map((v) =>
          v.id === 'region' ? { ...v, kind: 'ordinal' as const } : v,
        ),
      },
    };
    const data = wideDataset(ordinal, {
      source: { kind: 'coder', coderId: 'ann' },
      labels: 'code',
      lang: 'en',
      text: false,
    });
    expect(rScript(data, options)).toContain('labels = c("Almaty city", "Akmola"),\n  ordered = TRUE)');
    expect(spssSyntax(data, options)).toMatch(/\/region_code \(ORDINAL\)/);
  });
});
