// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { AnswerBlockBuilder } from '../../../renderer/db/answerBlocks.ts';
import { codingTables, putCodings } from '../../../renderer/db/queries.ts';
import { importCoderFiles } from '../../../renderer/features/coders/coderFiles.ts';
import {
  MergeCancelled,
  mergeIntoProject,
  type MergeProgress,
} from '../../../renderer/features/coders/mergeTask.ts';
import { verifyHere, type VerifyFiles } from '../../../renderer/features/coders/coderFileBytes.ts';
import { demoVariables } from '../../../shared/demo/codebook.ts';
import { buildCoderFile, serializeCoderFile } from '../../../shared/formats/coderFile.ts';
import { mergeCoderFiles, type FileReport } from '../../../shared/merge/index.ts';
import type { ReviewFlag } from '../../../shared/merge/reviewFlag.ts';
import { codebookHash, type Codebook, type Coding } from '../../../shared/model/index.ts';
import { setUpRendererTests } from '../harness.tsx';
import { storedAnswers, storedCleared } from '../codingRows.ts';
import { seedAppeals } from '../appealRows.ts';
import { appealIds as storedIds, appealTables } from '../../../renderer/db/appeals.ts';

setUpRendererTests('en');

// A mid-size project: 1 500 appeals, three coders with files coming back and one whose codings
// stay as they are; answers, tombstones and a consensus on the first 200 appeals.
const PROJECT = 'mid';
const APPEALS = 1500;
const NOW = new Date('2026-03-01T12:00:00.000Z');
const content = { variables: demoVariables(), merges: [] };
const codebook: Codebook = {
  projectId: PROJECT,
  version: 1,
  hash: codebookHash(content),
  ...content,
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const appealIds = Array.from({ length: APPEALS }, (_, i) => `A-${String(i).padStart(5, '0')}`);
const at = (day: number) => `2026-02-${String(day).padStart(2, '0')}T09:00:00.000Z`;

function coding(coderId: string, a: number, v: number, shift: number, updatedAt: string): Coding {
  const variable = content.variables[v]!;
  const codes = variable.categories.map((c) => c.code);
  return {
    projectId: PROJECT,
    coderId,
    appealId: appealIds[a]!,
    variableId: variable.id,
    values: [codes[(a + v + shift) % codes.length]!],
    unsure: a % 17 === 0,
    updatedAt,
    codebookVersion: 1,
  };
}
const cleared = (c: Coding, updatedAt: string): Coding => ({ ...c, values: [], cleared: true, updatedAt });

function codingsOf(coderId: string, shift: number, day: number, appeals = APPEALS): Coding[] {
  return Array.from({ length: appeals }, (_, a) =>
    content.variables.map((_, v) => coding(coderId, a, v, shift, at(day))),
  ).flat();
}

/** The database before the merge, the same every time. */
async function seed() {
  await db.projects.put({
    id: PROJECT,
    name: 'Mid',
    languages: ['kk', 'ru', 'en'],
    createdAt: '2026-01-01T00:00:00.000Z',
    demo: false,
  });
  await db.codebooks.put(codebook);
  await seedAppeals(appealIds.map((id, order) => ({ projectId: PROJECT, id, order, text: id, meta: {} })));
  await db.coders.bulkPut(['a', 'b', 'c', 'other'].map((id) => ({ id, name: `Coder ${id}` })));
  const stored = [
    ...codingsOf('a', 0, 2).map((c, i) => (i % 10 === 0 ? cleared(c, c.updatedAt) : c)),
    ...codingsOf('b', 1, 2),
    ...codingsOf('other', 2, 2, 100),
  ];
  await db.transaction('rw', codingTables(), () => putCodings(stored));
  await db.consensus.bulkPut(
    appealIds.slice(0, 200).flatMap((appealId) =>
      content.variables.map((v) => ({
        projectId: PROJECT,
        appealId,
        variableId: v.id,
        values: [v.categories[0]!.code],
        method: 'adjudicated' as const,
        by: 'supervisor',
        at: at(3),
      })),
    ),
  );
}

/** The files coming back: later and earlier edits, clearings, unchanged codings, a new coder, a damaged file. */
function files(): { name: string; bytes: Uint8Array }[] {
  const a = codingsOf('a', 0, 2).map((c, i) =>
    i % 7 === 0 ? coding('a', Math.floor(i / 4), i % 4, 3, at(5)) : i % 11 === 0 ? cleared(c, at(5)) : c,
  );
  const earlier = codingsOf('b', 1, 2).map((c, i) =>
    i % 13 === 0 ? coding('b', Math.floor(i / 4), i % 4, 4, at(1)) : c,
  );
  const text = (coderId: string, codings: Coding[]) =>
    serializeCoderFile(buildCoderFile({ id: coderId, name: `Coder ${coderId}` }, codebook, codings, at(6)));
  const damaged = text('c', codingsOf('c', 2, 4).slice(0, 40)).replace('"unsure":false', '"unsure":true');
  return [
    { name: 'a.json', text: text('a', a) },
    { name: 'b.json', text: text('b', earlier) },
    { name: 'c.json', text: text('c', codingsOf('c', 2, 4)) },
    { name: 'damaged.json', text: damaged },
  ].map(({ name, text }) => ({ name, bytes: new TextEncoder().encode(text) }));
}

/** The merge as it was before it moved to a worker: every coding of the project read, on this thread. */
async function previousMerge(picked: { name: string; bytes: Uint8Array }[]): Promise<FileReport[]> {
  const texts = picked.map(({ name, bytes }) => ({ name, text: new TextDecoder().decode(bytes) }));
  return db.transaction(
    'rw',
    [db.codebooks, ...appealTables(), ...codingTables(), db.coders, db.consensus, db.reviews],
    async () => {
      const [codebooks, ids, answers, tombstones] = await Promise.all([
        db.codebooks.where('projectId').equals(PROJECT).toArray(),
        storedIds(PROJECT),
        storedAnswers(),
        storedCleared(),
      ]);
      const target = { projectId: PROJECT, codebooks, appealIds: new Set(ids) };
      const outcome = mergeCoderFiles(target, [...answers, ...tombstones], texts, NOW);
      await putCodings(outcome.changed);
      await db.coders.bulkPut(outcome.coders);
      const settled = await db.consensus.bulkGet(
        outcome.revised.map(({ after }) => [PROJECT, after.appealId, after.variableId]),
      );
      await db.reviews.bulkPut(
        outcome.revised.flatMap(({ before, after }, i): ReviewFlag[] =>
          settled[i]
            ? [
                {
                  projectId: PROJECT,
                  appealId: after.appealId,
                  variableId: after.variableId,
                  coderId: after.coderId,
                  before: before.values,
                  after: after.values,
                  flaggedAt: NOW.toISOString(),
                },
              ]
            : [],
        ),
      );
      return outcome.reports;
    },
  );
}

/** Everything a merge may change, in key order. */
async function snapshot() {
  const [codings, tombstones, coders, reviews, consensus, blocks, edits] = await Promise.all([
    storedAnswers(),
    storedCleared(),
    db.coders.toArray(),
    db.reviews.toArray(),
    db.consensus.toArray(),
    db.answerBlocks.toArray(),
    db.coderEdits.toArray(),
  ]);
  // Typed arrays compared by their numbers.
  const cells = blocks.map((b) => ({ ...b, cells: [...b.cells] }));
  return { codings, tombstones, coders, reviews, consensus, blocks: cells, edits };
}

async function freshDb() {
  await db.delete();
  await db.open();
  await seed();
}

describe('the merge of coder files (worker task)', () => {
  it(
    'stores what the previous merge stored and reports the same, reading only the files’ coders',
    { timeout: 120_000 },
    async () => {
      await freshDb();
      const expectedReports = await previousMerge(files());
      const expected = await snapshot();
      await freshDb();
      const phases: MergeProgress['phase'][] = [];
      const reports = await importCoderFiles(PROJECT, files(), {
        now: NOW,
        onProgress: (progress) => phases.push(progress.phase),
      });
      expect(reports).toEqual(expectedReports);
      expect(await snapshot()).toEqual(expected);
      // The report is right: a's 858 later edits and 468 clearings updated, and the 467 answers its file
      // carries at the time of a stored clearing (the tie goes to the greater canonical JSON, the
      // answer); b's earlier edits lost; c new; the damaged file refused.
      expect(
        reports.map((r) => (r.status === 'merged' ? [r.added, r.updated, r.unchanged] : r.status)),
      ).toEqual([[0, 858 + 468 + 467, 6000 - 1793], [0, 0, 6000], [6000, 0, 0], 'refused']);
      expect(expected.reviews.length).toBeGreaterThan(0);
      expect(new Set(phases)).toEqual(new Set(['read', 'merge', 'write']));
      // The derived rows say what the codings say: every answer in its block, each coder's latest edit.
      const built = new AnswerBlockBuilder();
      for (const answer of expected.codings) built.add(answer);
      const byKey = (b: { variableId: string; block: number }) => `${b.variableId}/${b.block}`;
      const sorted = <T extends { variableId: string; block: number }>(list: T[]) =>
        list.sort((x, y) => (byKey(x) < byKey(y) ? -1 : 1));
      expect(sorted(expected.blocks)).toEqual(
        sorted(built.build().map((b) => ({ ...b, cells: [...b.cells] }))),
      );
      const latest = new Map<string, string>();
      for (const c of [...expected.codings, ...expected.tombstones])
        if (c.updatedAt > (latest.get(c.coderId) ?? '')) latest.set(c.coderId, c.updatedAt);
      expect(new Map(expected.edits.map((e) => [e.coderId, e.lastEdit]))).toEqual(latest);
    },
  );

  it('refuses a file that reads but fails its check, which the merge waits for before it writes', async () => {
    await freshDb();
    const others = files().filter(({ name }) => name !== 'c.json');
    const expectedReports = await previousMerge(others);
    const expected = await snapshot();
    await freshDb();
    // In the app each file is checked in a worker of its own; here the checks answer only once
    // the merge has read every file and waits, and say c.json is damaged.
    let answer = () => {};
    const verify: VerifyFiles = async (bytes) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return (await verifyHere(bytes)).map((problem, i) => (i === 2 ? { code: 'damaged' } : problem));
    };
    const reports = await mergeIntoProject(
      PROJECT,
      files(),
      NOW,
      (progress) => {
        if (progress.phase === 'merge') setTimeout(answer, 0);
      },
      undefined,
      verify,
    );
    expect(reports).toEqual([
      ...expectedReports.slice(0, 2),
      { fileName: 'c.json', status: 'refused', problem: { code: 'damaged' } },
      expectedReports[2],
    ]);
    expect(await snapshot()).toEqual(expected);
  });

  /** Starts a merge, cancels it at the first progress `when` holds, and checks that nothing changed. */
  async function cancelledWhen(when: (progress: MergeProgress) => boolean) {
    await freshDb();
    const before = await snapshot();
    const controller = new AbortController();
    const merging = importCoderFiles(PROJECT, files(), {
      now: NOW,
      signal: controller.signal,
      onProgress: (progress) => {
        if (when(progress)) controller.abort();
      },
    });
    await expect(merging).rejects.toBeInstanceOf(MergeCancelled);
    expect(await snapshot()).toEqual(before);
  }

  it('changes nothing when cancelled while writing', { timeout: 120_000 }, () =>
    cancelledWhen((progress) => progress.phase === 'write' && progress.done > 0),
  );

  it('changes nothing when cancelled while the files are read', () =>
    cancelledWhen((progress) => progress.phase === 'read' && progress.done === 1));
});
