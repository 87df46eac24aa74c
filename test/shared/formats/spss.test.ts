import { describe, expect, it } from 'vitest';
import { wideDataset } from '../../../shared/formats/dataset.ts';
import { rSnippet, spssSyntax } from '../../../shared/formats/spss.ts';
import { datasetInput } from './datasetFixture.ts';

const dataset = wideDataset(datasetInput, {
  source: { kind: 'coder', coderId: 'ann' },
  labels: 'both',
  lang: 'ru',
  text: false,
});
const options = { fileName: 'p-wide.csv', delimiter: ';' as const, title: 'Test: wide dataset' };

describe('spssSyntax', () => {
  const sps = spssSyntax(dataset, options);

  it('reads the UTF-8 CSV with its delimiter, string widths in bytes and numeric codes', () => {
    expect(sps).toContain("/FILE='p-wide.csv'");
    expect(sps).toContain("/ENCODING='UTF8'");
    expect(sps).toContain("/DELIMITERS=';'");
    expect(sps).toContain('    id A2\r\n');
    // The longest label, "Акмолинская 'область'": 18 Cyrillic letters × 2 bytes + a space and
    // two quotes = 39 bytes (its 21 characters would be too narrow).
    expect(sps).toContain('    region_label A39\r\n');
    expect(sps).toContain('    region_code F8.0\r\n');
    expect(sps).toContain('    reason_corruption F8.0\r\n');
  });

  it('labels variables and values, doubling quotes inside labels, with CRLF lines', () => {
    expect(sps).toContain("  /region_code 'Регион'");
    expect(sps).toContain("  /reason_corruption 'Причина: Коррупция'");
    expect(sps).toContain("    17 'Акмолинская ''область'''");
    expect(sps).toContain("  /reason_red_tape\r\n    0 'не выбрано'\r\n    1 'выбрано'");
    expect(sps.replaceAll('\r\n', '')).not.toContain('\n');
    expect(sps.trimEnd().endsWith('EXECUTE.')).toBe(true);
  });
});

describe('rSnippet', () => {
  it('reads the CSV with a BOM, the right column classes, and factors for the codes', () => {
    const r = rSnippet(dataset, options);
    expect(r).toContain('read.csv("p-wide.csv", sep = ";",');
    expect(r).toContain('fileEncoding = "UTF-8-BOM"');
    expect(r).toContain('id = "character"');
    expect(r).toContain('region_code = "integer"');
    expect(r).toContain('reason_corruption = "integer"');
    expect(r).toContain(
      'data$region_code <- factor(data$region_code,\n  levels = c(1, 17),\n  labels = c("Город Алматы", "Акмолинская \'область\'"))',
    );
    expect(r).not.toContain('factor(data$reason_corruption');
  });
});
