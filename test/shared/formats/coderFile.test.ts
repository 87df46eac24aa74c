import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createDemoProject, DEMO_CODERS } from '../../../shared/demo/index.ts';
import {
  buildCoderFile,
  canonicalContent,
  CODER_FILE_FORMAT,
  CoderFileError,
  coderFileCodings,
  parseCoderFile,
  serializeCoderFile,
  unverifiedCoderFile,
  verifyCoderFile,
  type CoderFileProblem,
} from '../../../shared/formats/coderFile.ts';
import { readUnverifiedCoderFile } from '../../../shared/merge/index.ts';
import { canonicalJson } from '../../../shared/model/codebookHash.ts';

const demo = createDemoProject();
const aigerim = DEMO_CODERS[0]!;
const file = buildCoderFile(aigerim, demo.codebook, demo.codings, '2026-11-27T10:00:00.000Z');
const text = serializeCoderFile(file);

function problemOf(input: string): CoderFileProblem {
  try {
    parseCoderFile(input);
  } catch (error) {
    if (error instanceof CoderFileError) return error.problem;
    throw error;
  }
  throw new Error('parsed without a problem');
}

const edit = (change: (json: Record<string, unknown>) => void) => {
  const json = JSON.parse(text) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
};

describe('coder file', () => {
  it('carries the format, project, coder, codebook and one coder’s codings, and reads back equal', () => {
    expect(file).toMatchObject({
      format: CODER_FILE_FORMAT,
      version: 2,
      projectId: demo.project.id,
      coder: aigerim,
      codebook: { version: demo.codebook.version, hash: demo.codebook.hash },
    });
    const own = demo.codings.filter((c) => c.coderId === aigerim.id);
    // The demo: Aigerim coded 4 variables of 205 appeals (the overlap sample of 68 and her 137).
    expect(file.codings).toHaveLength(820);
    expect(own).toHaveLength(820);
    const back = parseCoderFile(text);
    expect(back).toEqual(file);
    const key = (c: { appealId: string; variableId: string }) => `${c.appealId}/${c.variableId}`;
    const sorted = (cs: typeof own) => [...cs].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(coderFileCodings(back))).toEqual(sorted(own));
  });

  it('keeps notes and unsure flags', () => {
    const unsure = demo.codings.filter((c) => c.coderId === aigerim.id && c.unsure);
    expect(unsure.length).toBeGreaterThan(0);
    for (const coding of unsure) {
      const inFile = file.codings.find(
        (c) => c.appealId === coding.appealId && c.variableId === coding.variableId,
      );
      expect(inFile).toMatchObject({ unsure: true, note: coding.note });
    }
  });

  it('accepts a byte-order mark', () => {
    expect(parseCoderFile(`\uFEFF${text}`).codings).toHaveLength(820);
  });

  const faulty = {
    notJson: text.slice(0, 200),
    otherFormat: '{"format":"kodtau-project"}',
    newer: edit((j) => (j.version = 3)),
    noCoder: edit((j) => delete j.coder),
    badCoding: edit((j) => ((j.codings as { unsure: unknown }[])[5]!.unsure = 'no')),
    changedValue: edit((j) => ((j.codings as { values: string[] }[])[0]!.values = ['court'])),
    changedName: edit((j) => ((j.coder as { name: string }).name = 'Someone else')),
  };

  it('names each problem: not JSON, another kind of file, a newer version, a malformed file, a changed file', () => {
    expect(problemOf(faulty.notJson)).toEqual({ code: 'not-json' });
    expect(problemOf(faulty.otherFormat)).toEqual({ code: 'not-coder-file' });
    expect(problemOf(faulty.newer)).toEqual({ code: 'newer-version', version: 3 });
    expect(problemOf(faulty.noCoder)).toMatchObject({ code: 'invalid' });
    expect(problemOf(faulty.badCoding)).toMatchObject({
      code: 'invalid',
      detail: expect.stringMatching(/^codings\.5\.unsure: /),
    });
    expect(problemOf(faulty.changedValue)).toEqual({ code: 'damaged' });
    expect(problemOf(faulty.changedName)).toEqual({ code: 'damaged' });
  });

  it('checks in a worker (verifyCoderFile) exactly as it reads, and reads without the check the same', async () => {
    await expect(verifyCoderFile(text)).resolves.toBeUndefined();
    expect(unverifiedCoderFile(text)).toEqual(parseCoderFile(text));
    for (const input of Object.values(faulty)) {
      const problem = await verifyCoderFile(input).then(
        () => undefined,
        (error: unknown) => (error instanceof CoderFileError ? error.problem : error),
      );
      expect(problem).toEqual(problemOf(input));
    }
    // Read without the check, a file whose codings are no codings is refused, never a crash.
    const garbage = edit((j) => ((j.version = 1), (j.codings = [null])));
    expect(readUnverifiedCoderFile('x.json', garbage)).toMatchObject({ status: 'refused' });
    expect(readUnverifiedCoderFile('x.json', faulty.noCoder)).toMatchObject({ status: 'refused' });
  });

  it('carries a cleared coding (a tombstone) and an empty "none of these" answer as they are', () => {
    const [first, second] = demo.codings.filter((c) => c.coderId === aigerim.id);
    const codings = [
      { ...first!, values: [], cleared: true as const },
      { ...second!, values: [] },
    ];
    const back = parseCoderFile(
      serializeCoderFile(buildCoderFile(aigerim, demo.codebook, codings, '2026-11-28T10:00:00.000Z')),
    );
    expect(coderFileCodings(back)).toEqual(codings);
  });

  it('reads a version 1 file, whose empty answers meant "not coded", as cleared codings', () => {
    const { integrity: _, ...content } = file;
    const [first, second, third] = content.codings;
    const v1 = {
      ...content,
      version: 1,
      codings: [{ ...first!, values: [] }, { ...second!, values: [], text: '  ' }, third!],
    };
    const digest = bytesToHex(sha256(utf8ToBytes(canonicalJson(v1))));
    const v1Text = JSON.stringify({ ...v1, integrity: { algorithm: 'SHA-256', digest } });
    const read = parseCoderFile(v1Text);
    expect(unverifiedCoderFile(v1Text)).toEqual(read);
    expect(read.version).toBe(1);
    expect(read.codings).toEqual([
      { ...first!, values: [], cleared: true },
      { ...second!, values: [], cleared: true },
      third!,
    ]);
  });

  it('refuses a cleared coding that carries values', () => {
    const [first] = demo.codings.filter((c) => c.coderId === aigerim.id);
    const bad = buildCoderFile(
      aigerim,
      demo.codebook,
      [{ ...first!, cleared: true }],
      '2026-11-28T10:00:00.000Z',
    );
    expect(problemOf(serializeCoderFile(bad))).toMatchObject({ code: 'invalid' });
  });

  it('does not depend on key order: the digest is over the canonical content', () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).reverse()));
    expect(parseCoderFile(reordered)).toEqual(file);
  });
});

describe('canonicalContent', () => {
  it('equals the generic canonical JSON of the content (the fast path writes the same text)', () => {
    const { integrity: _, ...content } = file;
    const withText = {
      ...content,
      codings: [...content.codings, { ...content.codings[0]!, text: 'free "text"\n' }],
    };
    expect(canonicalContent(withText)).toBe(canonicalJson(withText));
    expect(canonicalContent(content)).toBe(canonicalJson(content));
  });
});
