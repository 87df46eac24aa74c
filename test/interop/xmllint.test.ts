import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../shared/demo/index.ts';
import { writeQdc } from '../../shared/formats/qdc.ts';
import { LANGS } from '../../shared/model/index.ts';
import { PREFIXED_WITH_SETS } from '../fixtures/refi-qda/samples.ts';
import { hasProgram } from './interopFixture.ts';

const SCHEMA = join(import.meta.dirname, '../fixtures/refi-qda/Codebook.xsd');

const lint = (file: string) =>
  spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });

describe.runIf(hasProgram('xmllint'))('the .qdc export against the REFI-QDA Codebook 1.0 XSD', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kodtau-qdc-'));

  it.each(LANGS)('validates the demo codebook written in %s', (lang) => {
    const file = join(dir, `demo-${lang}.qdc`);
    writeFileSync(file, writeQdc(createDemoProject().codebook, lang).xml);
    const result = lint(file);
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('accepts the prefixed, grouped sample that the import test reads', () => {
    const file = join(dir, 'prefixed.qdc');
    writeFileSync(file, PREFIXED_WITH_SETS.replace('UTF-16', 'UTF-8'));
    expect(lint(file).status).toBe(0);
  });

  it('rejects a codebook that breaks the schema (so the check can fail)', () => {
    const file = join(dir, 'bad.qdc');
    writeFileSync(
      file,
      '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="x" isCodable="true"/></Codes></CodeBook>',
    );
    expect(lint(file).status).not.toBe(0);
  });
});
