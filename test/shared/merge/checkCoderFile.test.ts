// Each refusal of `checkCoderFile`, one test each: the file is refused with the problem named, and
// nothing of it is merged while the good file next to it merges whole.
import { describe, expect, it } from 'vitest';
import { createDemoProject, DEMO_CODERS } from '../../../shared/demo/index.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { buildCoderFile, canonicalContent, serializeCoderFile } from '../../../shared/formats/coderFile.ts';
import {
  CLOCK_SKEW_MS,
  demoCoderFiles,
  mergeCoderFiles,
  problemText,
  type MergeOutcome,
  type MergeProblem,
  type MergeTarget,
} from '../../../shared/merge/index.ts';
import { codebookHash, type Codebook, type Coding, type Variable } from '../../../shared/model/index.ts';

const demo = createDemoProject();
const region = demo.codebook.variables.find((v) => v.id === 'region')!;
const variable = (id: string, kind: Variable['kind'], categories: Variable['categories']): Variable => ({
  ...region,
  id,
  kind,
  label: { en: id },
  categories,
});
// Version 2 of the demo codebook adds a variable of each kind the demo lacks: an ordinal, a free
// text, and a multiple choice without categories (yet).
const v2Content = {
  variables: [
    ...demo.codebook.variables,
    variable('severity', 'ordinal', region.categories.slice(0, 3)),
    variable('summary', 'text', []),
    variable('topics', 'multi', []),
  ],
  merges: [],
};
const v2: Codebook = { ...demo.codebook, version: 2, hash: codebookHash(v2Content), ...v2Content };
const target: MergeTarget = {
  projectId: demo.project.id,
  codebooks: [demo.codebook, v2],
  appealIds: new Set(demo.appeals.map((a) => a.id)),
};
const dmitryFile = demoCoderFiles()[1]!;
/** Every coding of the second demo coder's file, all merged next to a refused first file. */
const DMITRY_CODINGS = demo.codings.filter((c) => c.coderId === DEMO_CODERS[1]!.id).length;
/** The merging computer's clock in these tests. */
const NOW = new Date('2026-12-01T12:00:00.000Z');
const AT = '2026-11-27T10:00:00.000Z';
const APPEAL = demo.appeals[100]!.id;
const [A, B] = region.categories.map((c) => c.code) as [string, string];

const coding = (variableId: string, values: string[], extra: Partial<Coding> = {}): Coding => ({
  projectId: demo.project.id,
  coderId: DEMO_CODERS[0]!.id,
  appealId: APPEAL,
  variableId,
  values,
  unsure: false,
  updatedAt: AT,
  codebookVersion: 2,
  ...extra,
});
/** A valid answer for every variable of version 2 on another appeal: what a good file holds. */
const good: Coding[] = [
  coding('reason', ['other']),
  coding('region', [A]),
  coding('body', []),
  coding('response', [], { cleared: true }),
  coding('severity', [B]),
  coding('summary', [], { text: 'Жалоба на акимат' }),
  coding('topics', [], { cleared: true }),
].map((c) => ({ ...c, appealId: demo.appeals[101]!.id }));

function fileOf(codings: Coding[], exportedAt = AT, codebook: Codebook = v2) {
  return {
    name: 'aigerim.json',
    text: serializeCoderFile(buildCoderFile(DEMO_CODERS[0]!, codebook, codings, exportedAt)),
  };
}
/** A file with its codings in the order given, as another tool may write it (Kodtau sorts them). */
function unsortedFileOf(codings: Coding[]) {
  const { integrity: _, ...content } = buildCoderFile(DEMO_CODERS[0]!, v2, codings, AT);
  const given = {
    ...content,
    codings: codings.map((c) =>
      content.codings.find(
        (f) => f.appealId === c.appealId && f.variableId === c.variableId && f.updatedAt === c.updatedAt,
      )!,
    ),
  };
  const digest = bytesToHex(sha256(utf8ToBytes(canonicalContent(given))));
  return {
    name: 'aigerim.json',
    text: JSON.stringify({ ...given, integrity: { algorithm: 'SHA-256', digest } }),
  };
}
const merge = (file: { name: string; text: string }) => mergeCoderFiles(target, [], [file, dmitryFile], NOW);

/** The first file refused with exactly `problem`; nothing of it merged, all of the second file. */
function expectRefused(outcome: MergeOutcome, problem: MergeProblem) {
  expect(outcome.reports[0]).toEqual({ fileName: 'aigerim.json', status: 'refused', problem });
  expect(outcome.reports[1]).toMatchObject({ status: 'merged', added: DMITRY_CODINGS });
  expect(outcome.changed).toHaveLength(DMITRY_CODINGS);
  expect(outcome.changed.every((c) => c.coderId === DEMO_CODERS[1]!.id)).toBe(true);
  expect(outcome.coders).toEqual([DEMO_CODERS[1]]);
}

describe('checkCoderFile accepts', () => {
  it('a valid answer of every kind, "none of these" on a multiple choice, cleared codings anywhere', () => {
    const cleared = v2.variables.map((v) => coding(v.id, [], { cleared: true }));
    const outcome = merge(fileOf([...good, ...cleared]));
    expect(outcome.reports[0]).toMatchObject({ status: 'merged', added: good.length + cleared.length });
    expect(outcome.changed).toHaveLength(DMITRY_CODINGS + good.length + cleared.length);
  });

  it('codings in any order', () => {
    const outcome = merge(unsortedFileOf([...good].reverse()));
    expect(outcome.reports[0]).toMatchObject({ status: 'merged', added: good.length });
  });

  it('times up to a day ahead of the clock, compared as instants whatever their offset', () => {
    const dayAhead = new Date(NOW.getTime() + CLOCK_SKEW_MS);
    // 2026-12-03T02:00+14:00 is 2026-12-02T12:00Z, exactly a day ahead: as text it sorts later.
    const edits = [coding('region', [A], { updatedAt: '2026-12-03T02:00:00.000+14:00' })];
    const outcome = merge(fileOf(edits, dayAhead.toISOString()));
    expect(outcome.reports[0]).toMatchObject({ status: 'merged', added: 1 });
  });
});

describe('checkCoderFile refuses, merging nothing of the file', () => {
  it('several categories on a single-choice variable', () => {
    expectRefused(merge(fileOf([...good, coding('region', [A, B])])), {
      code: 'several-values',
      appealId: APPEAL,
      variableId: 'region',
      values: [A, B],
    });
  });

  it('several categories on an ordinal variable', () => {
    expectRefused(merge(fileOf([...good, coding('severity', [B, A])])), {
      code: 'several-values',
      appealId: APPEAL,
      variableId: 'severity',
      values: [B, A],
    });
  });

  it('free text on a choice variable', () => {
    expectRefused(merge(fileOf([...good, coding('body', ['courts'], { text: 'суд района' })])), {
      code: 'text-on-choice',
      appealId: APPEAL,
      variableId: 'body',
    });
  });

  it('an unknown category code on a choice variable', () => {
    expectRefused(merge(fileOf([...good, coding('region', ['atlantis'])])), {
      code: 'unknown-category',
      variableId: 'region',
      category: 'atlantis',
    });
  });

  it('category values on a free-text variable', () => {
    expectRefused(merge(fileOf([...good, coding('summary', [A], { text: 'Алматы' })])), {
      code: 'values-on-text',
      appealId: APPEAL,
      variableId: 'summary',
      values: [A],
    });
  });

  it.each([
    ['a single-choice variable', coding('region', [])],
    ['an ordinal variable', coding('severity', [])],
    ['a free-text variable (no text)', coding('summary', [])],
    ['a free-text variable (blank text)', coding('summary', [], { text: '  ' })],
    ['a multiple-choice variable without categories', coding('topics', [])],
  ])('"none of these" (empty, not cleared) on %s', (_, bad) => {
    expectRefused(merge(fileOf([...good, bad])), {
      code: 'empty-answer',
      appealId: APPEAL,
      variableId: bad.variableId,
    });
  });

  it('a key (appeal, variable) twice', () => {
    const twice = [coding('region', [A]), coding('region', [B], { updatedAt: '2026-11-28T10:00:00.000Z' })];
    expectRefused(merge(fileOf([...good, ...twice])), {
      code: 'duplicate-coding',
      appealId: APPEAL,
      variableId: 'region',
    });
  });

  it('a key (appeal, variable) twice, apart, in a file not in appeal order', () => {
    const later = { updatedAt: '2026-11-28T10:00:00.000Z' };
    const apart = [coding('region', [A]), ...good, coding('region', [B], later)];
    expectRefused(merge(unsortedFileOf(apart)), {
      code: 'duplicate-coding',
      appealId: APPEAL,
      variableId: 'region',
    });
  });

  it('a file of a codebook version the project never had', () => {
    const v3Content = { ...v2Content, variables: v2Content.variables.slice(0, 4) };
    const v3: Codebook = { ...v2, version: 3, hash: codebookHash(v3Content), ...v3Content };
    expectRefused(merge(fileOf(good, AT, v3)), { code: 'unknown-codebook', version: 3, hash: v3.hash });
  });

  it('a coding made under a codebook version the project never had', () => {
    expectRefused(merge(fileOf([...good, coding('region', [A], { codebookVersion: 3 })])), {
      code: 'unknown-codebook-version',
      appealId: APPEAL,
      variableId: 'region',
      version: 3,
    });
  });

  it('an edit more than a day ahead of the computer’s clock', () => {
    const updatedAt = new Date(NOW.getTime() + CLOCK_SKEW_MS + 1).toISOString();
    expectRefused(merge(fileOf([...good, coding('region', [A], { updatedAt })])), {
      code: 'future-edit',
      appealId: APPEAL,
      variableId: 'region',
      updatedAt,
      now: NOW.toISOString(),
    });
  });

  it('an export more than a day ahead of the computer’s clock, whatever the offset it is written in', () => {
    // 2026-12-02T17:00:01+05:00 is 12:00:01Z, a day and a second ahead of NOW.
    const exportedAt = '2026-12-02T17:00:01.000+05:00';
    expectRefused(merge(fileOf(good, exportedAt)), {
      code: 'future-export',
      exportedAt,
      now: NOW.toISOString(),
    });
  });
});

describe('problemText (English, for the command line)', () => {
  it('names the particulars of each new refusal', () => {
    const where = { appealId: 'OD-1', variableId: 'region' };
    expect(problemText({ code: 'several-values', ...where, values: ['a', 'b'] })).toBe(
      'gives variable "region" of appeal "OD-1" several categories (a, b), but it takes one',
    );
    expect(problemText({ code: 'duplicate-coding', ...where })).toBe(
      'codes variable "region" of appeal "OD-1" twice',
    );
    expect(
      problemText({ code: 'future-export', exportedAt: '2099-01-01T00:00:00Z', now: NOW.toISOString() }),
    ).toMatch(/^the file was exported at 2099-01-01T00:00:00Z, .*\(2026-12-01T12:00:00\.000Z\)/);
  });
});
