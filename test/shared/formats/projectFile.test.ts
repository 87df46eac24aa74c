import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../shared/demo/index.ts';
import {
  buildProjectFile,
  currentCodebookOf,
  MERGED_PROJECT_FORMAT,
  parseProjectFile,
  parseProjectFileText,
  PROJECT_FILE_FORMAT,
  ProjectFileError,
  serializeProjectFile,
  type ProjectData,
} from '../../../shared/formats/projectFile.ts';
import { canonicalJson, type Consensus } from '../../../shared/model/index.ts';

const demo = createDemoProject();
const [first, second] = demo.codings;
const consensus: Consensus = {
  projectId: demo.project.id,
  appealId: first!.appealId,
  variableId: first!.variableId,
  values: first!.values,
  method: 'adjudicated',
  reason: 'the text names the court',
  by: 'supervisor',
  at: '2026-11-28T10:00:00.000Z',
};
const data: ProjectData = {
  project: demo.project,
  codebooks: [{ ...demo.codebook, version: 2 }, demo.codebook],
  appeals: demo.appeals,
  coders: demo.coders,
  codings: [{ ...second!, values: [], cleared: true }, ...demo.codings.slice(2)],
  consensus: [consensus],
  reviews: [],
  trainingSets: [],
  imports: [],
};

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProjectFileError) return error.code;
    throw error;
  }
  return 'read';
};

describe('project file', () => {
  it('reads back what it was built from, tombstones and consensus included', () => {
    const file = buildProjectFile(data);
    const back = parseProjectFile(JSON.parse(serializeProjectFile(file)));
    expect(back).toEqual(file);
    expect(back.format).toBe(PROJECT_FILE_FORMAT);
    expect(back.codings.filter((c) => c.cleared)).toHaveLength(1);
    expect(back.consensus).toEqual([consensus]);
    expect(currentCodebookOf(back).version).toBe(2);
  });

  it("keeps each appeal's metadata in its order (the source file's columns), the rest sorted", () => {
    const [appeal] = data.appeals;
    const meta = { region: 'almaty_city', date: '2019-08-01', addressee: 'Agency' };
    const text = serializeProjectFile(buildProjectFile({ ...data, appeals: [{ ...appeal!, meta }] }));
    const back = parseProjectFile(JSON.parse(text));
    expect(Object.keys(back.appeals[0]!.meta)).toEqual(['region', 'date', 'addressee']);
    expect(text.startsWith('{"appeals":[{"id":')).toBe(true);
  });

  it('gives the same bytes whatever the order of its lists', () => {
    const reversed = { ...data, appeals: [...data.appeals].reverse(), codings: [...data.codings].reverse() };
    expect(serializeProjectFile(buildProjectFile(reversed))).toBe(
      serializeProjectFile(buildProjectFile(data)),
    );
  });

  it('refuses another format, a newer version, a malformed and a changed file', () => {
    const json = JSON.parse(serializeProjectFile(buildProjectFile(data))) as Record<string, unknown>;
    expect(codeOf(() => parseProjectFile({ ...json, format: 'kodtau-coder-file' }))).toBe('foreign');
    expect(codeOf(() => parseProjectFile({ ...json, version: 3 }))).toBe('newer');
    expect(codeOf(() => parseProjectFile({ ...json, codebooks: [] }))).toBe('invalid');
    expect(codeOf(() => parseProjectFile({ ...json, appeals: [] }))).toBe('integrity');
    expect(codeOf(() => parseProjectFile(null))).toBe('foreign');
  });

  it('reads its text with a BOM; refuses text that is not JSON as foreign, a cut-off file as invalid', () => {
    const text = serializeProjectFile(buildProjectFile(data));
    expect(parseProjectFileText(`\uFEFF${text}`)).toEqual(parseProjectFile(JSON.parse(text)));
    expect(codeOf(() => parseProjectFileText('id,text\n1,x\n'))).toBe('foreign');
    expect(codeOf(() => parseProjectFileText(''))).toBe('foreign');
    expect(codeOf(() => parseProjectFileText(text.slice(0, 1000)))).toBe('invalid');
  });

  it('reads a version 1 merged project: its codebook, its empty answers as cleared, no consensus', () => {
    const content = {
      format: MERGED_PROJECT_FORMAT,
      version: 1,
      project: demo.project,
      codebook: demo.codebook,
      appeals: demo.appeals,
      coders: demo.coders,
      codings: [{ ...first!, values: [] }, second!],
    };
    const digest = bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
    const read = parseProjectFile({ ...content, integrity: { algorithm: 'SHA-256', digest } });
    expect(read.codebooks).toEqual([demo.codebook]);
    expect(read.consensus).toEqual([]);
    expect(read.codings).toContainEqual({ ...first!, values: [], cleared: true });
    expect(read.codings).toContainEqual(second!);
    expect(
      codeOf(() =>
        parseProjectFile({ ...content, integrity: { algorithm: 'SHA-256', digest: '0'.repeat(64) } }),
      ),
    ).toBe('integrity');
  });
});
