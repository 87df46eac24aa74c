import { describe, expect, it } from 'vitest';
import { mergeCategory, nextCodebookVersion, setRetired } from '../../../shared/codebook/index.ts';
import { createDemoCodebook } from '../../../shared/demo/codebook.ts';
import { CodebookFileError } from '../../../shared/formats/codebookFile.ts';
import { readCodebookJson, writeCodebookJson } from '../../../shared/formats/codebookJson.ts';

const demo = createDemoCodebook('p', '2019-11-01T04:00:00.000Z');

function problemOf(text: string) {
  try {
    readCodebookJson(text);
  } catch (error) {
    if (error instanceof CodebookFileError) return error.problem;
    throw error;
  }
  throw new Error('no error');
}

describe('Kodtau codebook JSON', () => {
  it('round-trips everything, Kazakh text, merges and retired categories included', () => {
    const merged = mergeCategory(demo, 'body', 'quasi_monopoly', 'other', 2);
    const changed = nextCodebookVersion(demo, setRetired(merged, 'reason', 'other', true), new Date(0));
    const back = readCodebookJson(writeCodebookJson(changed));
    expect(back.content).toEqual({ variables: changed.variables, merges: changed.merges });
    expect(back.version).toBe(2);
    expect(back.content.variables[0]!.label.kk).toBe('Өтініш себебі');
  });

  it('says what is wrong, and never returns a half-read codebook', () => {
    expect(problemOf('{"format": "kodtau-codebook",')).toMatchObject({ code: 'not-json' });
    expect(problemOf('{"format": "kodtau-coder-file", "version": 1}')).toEqual({ code: 'not-codebook' });
    expect(problemOf('{"format": "kodtau-codebook", "version": 9, "codebook": {}}')).toEqual({
      code: 'newer-version',
      version: 9,
    });
    expect(problemOf('{"format": "kodtau-codebook", "version": 1, "codebook": {}}')).toMatchObject({
      code: 'invalid',
    });
    // An edited label without a new hash: the file was changed outside Kodtau or damaged.
    const tampered = writeCodebookJson(demo).replace('Өңір', 'Аймақ');
    expect(problemOf(tampered)).toEqual({ code: 'damaged' });
  });

  it('refuses a codebook with duplicate codes, naming the variable and code', () => {
    const file = JSON.parse(writeCodebookJson(demo));
    file.codebook.variables[3].categories[1].code = 'investigation';
    // Re-hash as a careless tool would, so that the content check is what catches it.
    const variables = file.codebook.variables;
    file.codebook.hash = nextCodebookVersion(demo, { variables, merges: [] }, new Date(0)).hash;
    expect(problemOf(JSON.stringify(file))).toMatchObject({
      code: 'problems',
      problems: [{ kind: 'duplicateCode', variableId: 'response', code: 'investigation' }],
    });
  });

  it('refuses a 5 MB file before parsing it', () => {
    const text = `{"format":"kodtau-codebook","pad":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    expect(problemOf(text)).toMatchObject({ code: 'too-large' });
  });
});
